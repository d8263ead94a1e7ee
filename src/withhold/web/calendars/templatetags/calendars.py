"""The calendar's one filter: how many days a day is from today (for ``days_words``)."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days
