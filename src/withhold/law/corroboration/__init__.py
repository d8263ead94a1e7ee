"""What the record needs to corroborate — rules reference GEN-CRED-1.

Credible testimony can carry the applicant's burden alone, but where the judge decides it should be
corroborated, the corroboration must be provided unless the applicant does not have it and cannot
reasonably get it (INA 208(b)(1)(B)(ii); INA 241(b)(3)(C) for withholding; INA 240(c)(4)(B) for all
relief; 8 CFR 1208.13(a), 1208.16(b), (c)(2)). Each rule here says whether the case has an element,
a bar or an exception that a kind of evidence corroborates or answers: true, it does; false, it does
not on the facts given; unknown, it may (a deciding fact is not known yet). The evidence checklist
(``preparation/evidence``) lists an item for each rule that is not false; what it says of the item,
and in what order, is presentation. :mod:`.catalogue` names each rule as the checklist's data names it.
"""
