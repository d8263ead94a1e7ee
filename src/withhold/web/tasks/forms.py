"""The task forms: a person's task (a title, a day, who does it) and a deadline's task (only who does it:
its title and day are the deadline's own). Errors name the field and the problem in the reader's language;
the assignee is one of the organization's people who keep tasks, never anyone else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from withhold.language import Language
from withhold.web.accounts.models import Organization
from withhold.web.accounts.roles import PERMISSIONS, Can
from withhold.web.texts import text as ui
from withhold.web.texts import translated

MOST_TITLE = 300
"""The longest task title: a task is a line, its details go in a note."""


def assignees(organization: Organization) -> dict[str, Any]:
    """The organization's active people whose role keeps tasks (:attr:`Can.WRITE`), by their id as text."""
    roles = [role for role, allowed in PERMISSIONS.items() if Can.WRITE in allowed]
    people = (
        get_user_model()
        .objects.filter(is_active=True, membership__organization=organization, membership__role__in=roles)
        .order_by("username")
    )
    return {str(user.pk): user for user in people}


class AssigneeForm(forms.Form):
    """Who does the task: one of :func:`assignees`, or nobody yet."""

    assignee = forms.ChoiceField(required=False)

    def __init__(
        self, *args: Any, organization: Organization, language: Language = "en", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        self.people = assignees(organization)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            ("", ui("team.nobody", language)),
            *((k, u.get_username()) for k, u in self.people.items()),
        ]
        field.error_messages["invalid_choice"] = ui("tasks.not_assignee", language)
        for name, field in self.fields.items():
            field.label = ui(f"tasks.field_{name}", language)
            translated(field, "label")

    def chosen_assignee(self) -> Any:
        return self.people.get(self.cleaned_data.get("assignee") or "")


class TaskForm(AssigneeForm):
    """A person's task."""

    title = forms.CharField(strip=True)
    due = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    field_order = ("title", "due", "assignee")

    def __init__(
        self, *args: Any, organization: Organization, language: Language = "en", **kwargs: Any
    ) -> None:
        super().__init__(*args, organization=organization, language=language, **kwargs)
        self.order_fields(self.field_order)
        self.fields["title"].error_messages["required"] = ui("tasks.title_empty", language)
        self.fields["due"].error_messages["invalid"] = ui("tasks.due_invalid", language)
        self.fields["due"].help_text = ui("tasks.due_help", language)
        translated(self.fields["due"], "label", "help")

    def clean_title(self) -> str:
        title: str = self.cleaned_data["title"]
        if len(title) > MOST_TITLE:
            raise forms.ValidationError(
                ui("tasks.title_too_long", self.language, most=MOST_TITLE, n=len(title))
            )
        return title
