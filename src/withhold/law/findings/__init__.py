"""Findings: what the law lets a client's plain answers suggest about an assessment."""
