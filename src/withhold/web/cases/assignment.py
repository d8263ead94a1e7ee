"""Whose case it is: the responsible attorney (or accredited representative) and, optionally, the screener.

Each is a member of the case's own organization with a role that fits: an attorney for the responsible
person; an attorney or a screener for the screener. A new case made by an attorney is theirs
(:func:`default_attorney`, called by :func:`withhold.web.cases.store.create`). Every change is audited
(``Action.ASSIGNED``, ``what`` = ``attorney`` or ``screener``), by the view that makes it.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from withhold.language import Language
from withhold.web.accounts.models import Membership, Organization
from withhold.web.accounts.roles import Role
from withhold.web.texts import text as ui
from withhold.web.texts import translated

PARTS: dict[str, tuple[str, ...]] = {
    "attorney": (Role.ATTORNEY,),
    "screener": (Role.ATTORNEY, Role.SCREENER),
}
"""Each part of a case's team, with the roles that may hold it."""


def candidates(organization: Organization, part: str) -> QuerySet[Any]:
    """The organization's active people who may hold ``part`` (``attorney`` or ``screener``), by name."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, membership__organization=organization, membership__role__in=PARTS[part]
        )
        .order_by("username")
    )


def user_id_of(membership: Membership) -> int:
    """The member's user id (the foreign key's column, read without loading the user)."""
    return int(cast(Any, membership).user_id)


def assigned_id(record: Any, part: str) -> int | None:
    """The id of the person holding ``part`` on the case, or None."""
    found = getattr(record, f"{part}_id")
    return int(found) if found is not None else None


def default_attorney(organization: Organization, user: AbstractBaseUser | AnonymousUser | None) -> Any:
    """The responsible attorney of a case ``user`` makes: the user, when an attorney of ``organization``."""
    if user is None or not user.is_authenticated:
        return None
    fits = Membership.objects.filter(user=user, organization=organization, role=Role.ATTORNEY).exists()
    return user if fits else None


class AssignForm(forms.Form):
    """The responsible attorney and the screener, each among those who may hold it, or nobody."""

    attorney = forms.ChoiceField(required=False)
    screener = forms.ChoiceField(required=False)

    def __init__(self, data: Any, organization: Organization, language: Language, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.people: dict[str, dict[str, Any]] = {}
        for part in PARTS:
            people = {str(user.pk): user for user in candidates(organization, part)}
            self.people[part] = people
            field = self.fields[part]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [
                ("", ui("team.nobody", language)),
                *((k, u.get_username()) for k, u in people.items()),
            ]
            field.label = ui(f"team.{part}", language)
            field.error_messages["invalid_choice"] = ui(f"team.not_{part}", language)
            translated(field, "label")

    def chosen(self, part: str) -> Any:
        """The person chosen for ``part`` (a user), or None for nobody; after :meth:`is_valid`."""
        key = self.cleaned_data.get(part) or ""
        return self.people[part].get(key)
