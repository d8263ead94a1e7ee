"""Screening: the four protections for one case, in the ``screening/1`` format."""

from withhold.screening.screen import Screening, screen

__all__ = ["Screening", "screen"]
