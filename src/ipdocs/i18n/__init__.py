"""Localised numbers, quantities, changes, dates, numerals and fixed words (on babel).

This is the only package that imports babel. It formats plain values; it knows nothing
of the report model or the document tree.
"""

from ipdocs.i18n.changes import format_change, percent_change
from ipdocs.i18n.dates import as_of, format_date, format_month
from ipdocs.i18n.numbers import (
    english_magnitude,
    format_number,
    format_percent,
    format_quantity,
    signed_percent_format,
    spreadsheet_format,
    unit_word,
)
from ipdocs.i18n.numerals import english_cardinal, english_ordinal, hanzi, ordinal, section_number
from ipdocs.i18n.words import LANGS, Lang, word

__all__ = [
    "LANGS",
    "Lang",
    "as_of",
    "english_cardinal",
    "english_magnitude",
    "english_ordinal",
    "format_change",
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_quantity",
    "hanzi",
    "ordinal",
    "percent_change",
    "section_number",
    "signed_percent_format",
    "spreadsheet_format",
    "unit_word",
    "word",
]
