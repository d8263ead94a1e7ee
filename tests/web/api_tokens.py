"""API tokens for the web tests: a token of an organization with a role, and a client that sends it."""

from __future__ import annotations

from typing import Any

from django.test import Client

from withhold.web.accounts.models import Organization
from withhold.web.api.auth import issue
from withhold.web.api.models import ApiToken


class ApiClient:
    """Django's test client with ``Authorization: Bearer <secret>`` on every request, JSON bodies."""

    def __init__(self, secret: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"}

    def call(self, method: str, url: str, body: Any = None, **extra: Any) -> Any:
        kwargs: dict[str, Any] = {"headers": {**self.headers, **extra.pop("headers", {})}, **extra}
        if body is not None:
            kwargs.setdefault("content_type", "application/json")
            kwargs["data"] = body
        return getattr(self.client, method)(url, **kwargs)

    def get(self, url: str, **extra: Any) -> Any:
        return self.call("get", url, **extra)

    def post(self, url: str, body: Any = None, **extra: Any) -> Any:
        return self.call("post", url, body, **extra)

    def put(self, url: str, body: Any = None, **extra: Any) -> Any:
        return self.call("put", url, body, **extra)

    def patch(self, url: str, body: Any = None, **extra: Any) -> Any:
        return self.call("patch", url, body, **extra)

    def delete(self, url: str, **extra: Any) -> Any:
        return self.call("delete", url, **extra)


def token(organization: Organization, role: str, maker: Any = None) -> tuple[ApiToken, str]:
    return issue(organization, f"{role} program", role, maker)
