"""Lists a page at a time: ``limit`` (at most ``WITHHOLD_API_PAGE_MAX``) items from ``offset``."""

from __future__ import annotations

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

OFFSET_MAX = 10_000_000
"""Far past any docket; a larger offset is refused (422) rather than sent to the database."""


class Pages(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=int(settings.WITHHOLD_API_PAGE_MAX))
        offset: int = Field(0, ge=0, le=OFFSET_MAX)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(max_limit=int(settings.WITHHOLD_API_PAGE_MAX), **kwargs)
