"""A court-ready filing: the chosen documents of a case, with cover page, table of contents, tabs, page
numbers, certificates of translation and proof of service (issue 19). A face of Withhold: it renders what
the case and the user give it and decides no law."""
