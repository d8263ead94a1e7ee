"""The law: rules that cite their authority and carry their dates, in folders that mirror the law.

Rule ids cite the rules reference (``../shared/law/rules-reference.md``) in their ``reference``.
"""
