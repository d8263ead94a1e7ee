"""Convention Against Torture — 8 CFR 1208.16(c), 1208.17, 1208.18; FARRA § 2242."""
