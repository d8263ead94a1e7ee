"""The road through court: where a case stands in the sequence of its proceeding, and what comes next."""

from withhold.roadmap.position import Roadmap, StageState, StageView, roadmap

__all__ = ["Roadmap", "StageState", "StageView", "roadmap"]
