"""Statutory withholding of removal — INA 241(b)(3); 8 CFR 1208.16(b), (d)."""
