"""The command-line face: ``withhold screen``, ``schema``, ``rules`` and ``explain``.

It renders what the core returns and never decides the law itself. Case facts and names are printed
to the person running the command only; nothing here logs them (8 CFR 1208.6).
"""
