"""Localised numbers, quantities, changes, ranks, periods, dates, numerals and fixed words
(on babel).

This is the only package that imports babel. It formats plain values; it knows nothing
of the report model or the document tree.
"""

from ipdocs.base.decimals import percent_change
from ipdocs.i18n.case import in_sentence, sentence_start
from ipdocs.i18n.changes import (
    Movement,
    MovementForm,
    change_amount,
    change_cell_text,
    format_change,
    movement_phrase,
    rank_position,
    respective_phrase,
)
from ipdocs.i18n.dates import as_of, format_date, format_month
from ipdocs.i18n.lists import join, join_clauses, join_numbers
from ipdocs.i18n.locales import (
    Locale,
    UnknownLanguageError,
    codes,
    forget_locale,
    languages_of,
    locale,
    register_locale,
    registered_files,
)
from ipdocs.i18n.numbers import (
    bare_number,
    english_magnitude,
    format_number,
    format_percent,
    format_quantity,
    list_amounts,
    number_words,
    quantity_cells,
    signed_percent_format,
    spreadsheet_format,
    unit_word,
)
from ipdocs.i18n.numerals import english_cardinal, english_ordinal, hanzi, ordinal, section_number
from ipdocs.i18n.periods import period_in_year, period_phrase, period_since
from ipdocs.i18n.ranks import rank_short, rank_statement
from ipdocs.i18n.words import LANGS, Lang, word

__all__ = [
    "LANGS",
    "Lang",
    "Locale",
    "Movement",
    "MovementForm",
    "UnknownLanguageError",
    "as_of",
    "bare_number",
    "change_amount",
    "change_cell_text",
    "codes",
    "english_cardinal",
    "english_magnitude",
    "english_ordinal",
    "forget_locale",
    "format_change",
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_quantity",
    "hanzi",
    "in_sentence",
    "join",
    "join_clauses",
    "join_numbers",
    "languages_of",
    "list_amounts",
    "locale",
    "movement_phrase",
    "number_words",
    "ordinal",
    "percent_change",
    "period_in_year",
    "period_phrase",
    "period_since",
    "quantity_cells",
    "rank_position",
    "rank_short",
    "rank_statement",
    "register_locale",
    "registered_files",
    "respective_phrase",
    "section_number",
    "sentence_start",
    "signed_percent_format",
    "spreadsheet_format",
    "unit_word",
    "word",
]
