"""Procedure: which forum decides which protection (8 CFR 1208.2, 1208.31)."""
