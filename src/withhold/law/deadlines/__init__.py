"""Deadlines as rules: each cites its authority, names the date that starts it, says how days are counted
and what a weekend or holiday does, and takes its numbers from dated parameters (``parameters/law.yaml``)."""
