"""Asylum limitations tied to a southern-border entry — rules reference ASY-LIM-CLP-1, ASY-LIM-STB-1,
ASY-LIM-212F-1, WH-NOTBAR-CLP, WH-NOTBAR-STB, WH-NOTBAR-212F.

Each limits asylum only (never withholding or CAT), covers people who crossed the southwest border from
Mexico without documents sufficient for lawful admission in a given period, has exceptions and a
rebuttal, and has been in litigation. The case format records the entry; whether an exception or rebuttal
applies (and whether a rule is still operative) is a judgement recorded in the Withhold extension
``asylum.border_limitation_overcome``. Unanswered, the status stays open and the point is listed for
legal analysis; a limitation is never assumed away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from withhold.law.enactments import AUDIT_2026_12_07
from withhold.logic import FALSE, Context, Rule, V, Version, all_, not_, since, unknown
from withhold.logic.rule import Development, day

LIMITATION_JUDGEMENT = (
    "Whether this limitation applies to the person's entry, whether an exception or a rebuttal "
    "(exceptionally compelling circumstances) is available, and whether the rule is operative after the "
    "litigation against it, needs legal analysis; record the result in asylum.border_limitation_overcome."
)


def _limitation(first_entry: dt.date, last_entry: dt.date | None) -> Callable[[Context], V[bool]]:
    def body(ctx: Context) -> V[bool]:
        arrival = ctx.fact("entry.last_arrival_date")
        if arrival.known and not (
            first_entry <= arrival.get() and (last_entry is None or arrival.get() <= last_entry)
        ):
            return FALSE
        in_window = arrival.map(lambda _: True) if arrival.known else unknown(arrival.depends)
        covered = all_(
            in_window,
            ctx.fact("entry.southwest_border_from_mexico"),
            not_(ctx.fact("entry.with_entry_documents")),
        )
        return all_(covered, not_(ctx.fact("asylum.border_limitation_overcome")))

    return body


READS = (
    "entry.last_arrival_date",
    "entry.southwest_border_from_mexico",
    "entry.with_entry_documents",
    "asylum.border_limitation_overcome",
)

lawful_pathways = Rule(
    id="asylum.bar.circumvention_of_lawful_pathways",
    title="Circumvention of Lawful Pathways presumption (entries May 11, 2023 – May 11, 2025)",
    citations=("8 CFR 1208.33(a)–(d)", "88 FR 31314 (May 16, 2023)"),
    versions=(
        Version(
            since(2023, 5, 11),
            _limitation(dt.date(2023, 5, 11), dt.date(2025, 5, 11)),
            verified_on=day(AUDIT_2026_12_07),
        ),
    ),
    reads=READS,
    reference=("ASY-LIM-CLP-1", "WH-NOTBAR-CLP"),
    judgement=LIMITATION_JUDGEMENT,
    caveat=(
        "Litigated: vacated in East Bay Sanctuary Covenant v. Biden, 683 F. Supp. 3d 1025 (N.D. Cal. July 25, "
        "2023); the vacatur was stayed pending appeal, and in 2025 the Ninth Circuit vacated the district "
        "court's judgment and remanded (No. 23-16032; the day was not verified). No order blocks the rule: "
        "the presumption stands for entries from May 11, 2023 to May 11, 2025. It applies to asylum only."
    ),
    developments=(
        Development(
            day("2023-07-25"),
            "The district court vacated the rule.",
            ("East Bay Sanctuary Covenant v. Biden, 683 F. Supp. 3d 1025 (N.D. Cal. 2023)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2023-08-03"),
            "The Ninth Circuit stayed the vacatur pending appeal: the rule kept applying.",
            ("East Bay Sanctuary Covenant v. Biden, No. 23-16032 (9th Cir. Aug. 3, 2023)",),
            day(AUDIT_2026_12_07),
        ),
    ),
    explanation=(
        "A rebuttable presumption of asylum ineligibility for people who entered from Mexico at the "
        "southwest border without documents between May 11, 2023 and May 11, 2025 after travelling through "
        "a third country, unless an exception applies or it is rebutted."
    ),
)

securing_the_border = Rule(
    id="asylum.bar.securing_the_border",
    title="Securing the Border limitation (entries during emergency border circumstances, from June 5, 2024)",
    citations=("8 CFR 1208.35", "89 FR 48710 (June 7, 2024)", "Proclamation 10773 (June 3, 2024)"),
    versions=(
        Version(since(2024, 6, 5), _limitation(dt.date(2024, 6, 5), None), verified_on=day(AUDIT_2026_12_07)),
    ),
    reads=READS,
    reference=("ASY-LIM-STB-1", "WH-NOTBAR-STB"),
    judgement=LIMITATION_JUDGEMENT
    + " Whether emergency border circumstances were in effect on the entry date is itself a question of fact.",
    caveat=(
        "Contested: held contrary to the INA and vacated in Las Americas Immigrant Advocacy Center v. DHS, "
        "No. 24-cv-1702 (D.D.C. May 9, 2025); the government appealed, and the appeal's status was not "
        "verified in Dec. 2026. The limitation applies to asylum only."
    ),
    developments=(
        Development(
            day("2025-05-09"),
            "The district court held the rule contrary to the INA and vacated it; the government appealed.",
            ("Las Americas Immigrant Advocacy Center v. DHS, No. 24-cv-1702 (D.D.C. May 9, 2025)",),
            day("2026-11-23"),
        ),
    ),
    explanation="Asylum ineligibility for southern-border entries during emergency border circumstances.",
)

proclamation_10888 = Rule(
    id="asylum.bar.proclamation_10888",
    title="Proclamation 10888 entry suspension (southern border, from January 20, 2025)",
    citations=("Proclamation 10888 (Jan. 20, 2025)", "INA 212(f), 8 U.S.C. 1182(f)"),
    versions=(
        Version(
            since(2025, 1, 20), _limitation(dt.date(2025, 1, 20), None), verified_on=day(AUDIT_2026_12_07)
        ),
    ),
    reads=READS,
    reference=("ASY-LIM-212F-1", "WH-NOTBAR-212F"),
    judgement=LIMITATION_JUDGEMENT,
    caveat=(
        "Contested: vacated in RAICES v. Noem, No. 25-cv-306 (D.D.C. July 2, 2025); on Aug. 1, 2025 the D.C. "
        "Circuit (No. 25-5243) stayed the vacatur in part, so the asylum restriction may be applied while "
        "the restrictions on withholding and CAT stay vacated; a decision on the merits of the appeal was "
        "reported in 2026 (not verified). It never bars withholding or CAT here."
    ),
    developments=(
        Development(
            day("2025-07-02"),
            "The district court held the proclamation's asylum and removal restrictions unlawful and vacated "
            "the guidance implementing them.",
            ("RAICES v. Noem, No. 25-cv-306 (D.D.C. July 2, 2025)",),
            day(AUDIT_2026_12_07),
        ),
        Development(
            day("2025-08-01"),
            "The D.C. Circuit stayed that ruling in part: the asylum restriction may be applied pending appeal; "
            "withholding and CAT screening stay available.",
            ("RAICES v. Noem, No. 25-5243 (D.C. Cir. Aug. 1, 2025)",),
            day(AUDIT_2026_12_07),
        ),
    ),
    explanation="Presidential suspension of entry at the southern border, purporting to bar asylum.",
)
