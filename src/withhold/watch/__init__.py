"""The law watch: what changed in the law between two dates, what has not been checked for a while, and
which cases a change reaches. An index over the law, the parameters and the comparison, with no law of
its own; pure (no clock, no I/O)."""

from withhold.watch.cases import CaseChange, ProtectionChange, status_changes
from withhold.watch.changes import LawChange, changes
from withhold.watch.stale import Unchecked, stale

__all__ = [
    "CaseChange", "LawChange", "ProtectionChange", "Unchecked", "changes", "stale", "status_changes",
]  # fmt: skip
