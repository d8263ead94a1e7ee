"""Where a case stands on its road: each stage done, current or ahead, with the dates that belong to it.

Pure: the case, the date and the case's deadline schedule in, a roadmap out. A stage whose progress the
case does not record is "to confirm", never assumed done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from withhold.deadlines.schedule import Entry, Schedule, schedule
from withhold.facts.case import Case
from withhold.roadmap.stages import ROADS, Stage


class StageState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    TO_CONFIRM = "to_confirm"
    """The case does not say whether this stage is behind; it may be the current one."""
    AHEAD = "ahead"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class StageView:
    stage: Stage
    state: StageState
    events: tuple[tuple[str, dt.date], ...]
    """Dated events of this stage recorded in the case (hearings, decisions)."""
    deadlines: tuple[Entry, ...]


@dataclass(frozen=True)
class Roadmap:
    kind: str | None
    as_of: dt.date
    """The day the law is taken as of."""
    stages: tuple[StageView, ...]
    note: str = ""
    today: dt.date | None = None
    """The day the stages and days are counted from (``as_of`` when not given)."""

    @property
    def counted_from(self) -> dt.date:
        return self.today or self.as_of

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "as_of": self.as_of.isoformat(),
            "today": self.counted_from.isoformat(),
            "note": self.note,
            "current": self.current.stage.id if self.current else None,
            "stages": [
                {
                    "id": view.stage.id,
                    "title": view.stage.title,
                    "state": view.state.value,
                    "happens": view.stage.happens,
                    "bring": list(view.stage.bring),
                    "authority": list(view.stage.authority),
                    "events": [{"label": label, "date": day.isoformat()} for label, day in view.events],
                    "deadlines": [entry.to_json(self.counted_from) for entry in view.deadlines],
                }
                for view in self.stages
            ],
        }

    @property
    def current(self) -> StageView | None:
        """The first stage the case records as not yet done."""
        for view in self.stages:
            if view.state is StageState.CURRENT:
                return view
        return None


def roadmap(case: Case, as_of: dt.date, today: dt.date | None = None) -> Roadmap:
    kind = case.proceedings.kind
    note = ""
    if kind is None:
        kind_for_road = "removal"
        note = "proceedings.kind is unknown: the road of INA 240 removal proceedings is shown"
    else:
        kind_for_road = kind
    dates = schedule(case, as_of, today)
    progress = _Progress(case, dates.today)
    views: list[StageView] = []
    current_found = False
    unknown_before = False
    for stage in ROADS[kind_for_road]:
        done = progress.done(stage.id)
        if stage.id == "after_grant":
            state = _AFTER_GRANT[progress.granted()]
        elif done is True:
            state = StageState.DONE
        elif done is None:
            state, unknown_before = StageState.TO_CONFIRM, True
        elif not current_found and not unknown_before:
            state, current_found = StageState.CURRENT, True
        else:
            # After a stage the case does not record, the case may stand there or anywhere before this
            # one: this stage is ahead, never "where you are now" (an unknown is not a place on the road).
            state = StageState.AHEAD
        views.append(StageView(stage, state, progress.events(stage.id), _deadlines(stage, dates)))
    return Roadmap(kind, as_of, tuple(views), note, dates.today)


_AFTER_GRANT = {True: StageState.CURRENT, False: StageState.NOT_APPLICABLE, None: StageState.TO_CONFIRM}


def _deadlines(stage: Stage, dates: Schedule) -> tuple[Entry, ...]:
    return tuple(entry for entry in dates.entries if entry.id in stage.deadlines)


class _Progress:
    """What the case records about each stage: True done, False not yet, None not recorded."""

    def __init__(self, case: Case, as_of: dt.date) -> None:
        self.case = case
        self.as_of = as_of
        proceedings = case.proceedings
        self.hearings = [h for h in proceedings.hearings or [] if h.date is not None]
        self.decision = proceedings.decision if proceedings.decision and proceedings.decision.date else None

    def granted(self) -> bool | None:
        """Whether the judge granted any protection; None when a decision is recorded without saying."""
        decision = self.case.proceedings.decision
        if decision is None:
            return False
        if decision.granted is not None:
            return bool(decision.granted)
        if decision.outcome is None:
            return None
        # "mixed": some protections granted and others denied (asylum denied, withholding granted).
        return decision.outcome in ("granted", "mixed")

    def _hearing(self, kind: str) -> bool | None:
        of_kind = [h for h in self.hearings if h.kind == kind]
        if any(h.date is not None and h.date >= self.as_of for h in of_kind):
            return False
        if of_kind:
            return True
        return True if self.decision else None

    def _filed(self) -> bool | None:
        asylum = self.case.asylum
        if asylum.not_filed_yet:
            return False
        if asylum.filed_on is not None:
            return asylum.filed_on <= self.as_of
        return True if self.decision else None

    def done(self, stage: str) -> bool | None:
        kind = self.case.proceedings.kind
        if stage == "arrival":
            return True
        if stage == "credible_fear":
            return kind != "credible_fear" if kind else None
        if stage == "reasonable_fear":
            return kind == "withholding_only" or (True if self.decision else None)
        if stage in ("affirmative_filing", "application"):
            return self._filed()
        if stage in ("biometrics", "asylum_interview"):
            return (
                True if self.decision or any(h.date < self.as_of for h in self.hearings if h.date) else None
            )
        if stage == "master_calendar":
            master = self._hearing("master")
            if master is None and any(h.kind == "individual" for h in self.hearings):
                return True
            return master
        if stage in ("individual_hearing", "withholding_only_hearing"):
            return self._hearing("individual")
        if stage == "decision":
            return self.decision is not None
        if stage == "appeal":
            # After a decision the appeal window is the live question until an order is final.
            return self.case.proceedings.final_order_date is not None if self.decision else False
        if stage == "after_final_order":
            return False  # its windows stay open for a time after the order; never "done" by itself
        return None

    def events(self, stage: str) -> tuple[tuple[str, dt.date], ...]:
        found: list[tuple[str, dt.date]] = []
        if stage == "arrival" and self.case.entry.last_arrival_date:
            found.append(("last arrival", self.case.entry.last_arrival_date))
        if stage in ("application", "affirmative_filing") and self.case.asylum.filed_on:
            found.append(("I-589 filed", self.case.asylum.filed_on))
        kinds = {
            "master_calendar": "master",
            "individual_hearing": "individual",
            "withholding_only_hearing": "individual",
        }
        if stage in kinds:
            found += [
                (f"{kinds[stage]} hearing", h.date)
                for h in self.hearings
                if h.kind == kinds[stage] and h.date
            ]
        if stage == "decision" and self.decision and self.decision.date:
            found.append(
                (f"decision ({self.decision.outcome or 'outcome not recorded'})", self.decision.date)
            )
        if stage == "after_final_order" and self.case.proceedings.final_order_date:
            found.append(("final order", self.case.proceedings.final_order_date))
        return tuple(found)
