"""Withhold: decision support for asylum, withholding of removal and CAT protection.

This is decision support, not legal advice. See README.md.
"""

__version__ = "0.1.0"
