"""The report data model: exact figures, bilingual text, nested sections (pydantic)."""

from ipdocs.model.base import TEXT_LANGS, Text, text_field
from ipdocs.model.figures import Change, Figure, FigureKind, Rank
from ipdocs.model.glossary import Glossary, Term
from ipdocs.model.placeholders import FigureRef, PlaceholderError, YearRef, parse
from ipdocs.model.records import figures_from_records
from ipdocs.model.references import check_references
from ipdocs.model.report import (
    Paragraph,
    Report,
    Section,
    Source,
    report_from_data,
    section_paths,
)

__all__ = [
    "TEXT_LANGS",
    "Change",
    "Figure",
    "FigureKind",
    "FigureRef",
    "Glossary",
    "Paragraph",
    "PlaceholderError",
    "Rank",
    "Report",
    "Section",
    "Source",
    "Term",
    "Text",
    "YearRef",
    "check_references",
    "figures_from_records",
    "parse",
    "report_from_data",
    "section_paths",
    "text_field",
]
