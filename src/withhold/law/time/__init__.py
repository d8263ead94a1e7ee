"""Computation of time: which days the courts are closed, and how a period is counted from an event or
back from a hearing. The law's deadline rules (``law/deadlines``) and its bars (the one-year deadline)
count with it; ``withhold.deadlines`` lays out what they computed."""
