"""Reports: the screening, deadlines, road through court, comparison, checklist and warnings of a case,
for the attorney's file or for the client, in English or Spanish, as PDF, HTML or Markdown.

A report is a face: it renders what the core returns and never decides the law. :func:`build_report`
gathers the core's results into plain data (:mod:`withhold.reports.model`); the templates lay it out.
"""

from withhold.reports.build import build_report
from withhold.reports.model import AUDIENCES, AttorneyReport, Audience, ClientReport, Report
from withhold.reports.output import OutputError, check_not_a_case_file, output_format, render

__all__ = [
    "AUDIENCES",
    "AttorneyReport",
    "Audience",
    "ClientReport",
    "OutputError",
    "Report",
    "build_report",
    "check_not_a_case_file",
    "output_format",
    "render",
]
