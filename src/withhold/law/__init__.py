"""The law: rules that cite their authority and carry their dates, in folders that mirror the law.

Rule ids cite the rules reference (``docs/law/rules-reference.md``, a copy of the workspace's research notes; ids
it lacks are in ``docs/law/additions.md``) in their ``reference``.
"""
