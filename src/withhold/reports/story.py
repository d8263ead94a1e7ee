"""The client's account as the reports show it: the story (``case/1`` ``story``) in the report's language,
in the person's own words with the labels of :mod:`withhold.preparation.story`. Nothing is judged here:
the findings the account bears on stay the lawyer's."""

from __future__ import annotations

from withhold.facts.case import Story
from withhold.language import Language
from withhold.preparation.story import account
from withhold.reports.model import Line, StoryEvent, StoryView


def story_view(story: Story, language: Language, *, brief: bool = False) -> StoryView | None:
    """The account, or None when the case tells none; ``brief`` for the client's report."""
    told = account(story, language, brief=brief)
    if told.empty:
        return None
    return StoryView(
        events=tuple(
            StoryEvent(event.title, tuple(Line(line.label, line.text) for line in event.lines))
            for event in told.events
        ),
        fear=tuple(Line(line.label, line.text) for line in told.fear),
        in_own_words=told.in_own_words,
        no_events=told.no_events,
    )
