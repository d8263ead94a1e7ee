"""Crimes: convictions, aggravated felonies (INA 101(a)(43)) and particularly serious crimes."""
