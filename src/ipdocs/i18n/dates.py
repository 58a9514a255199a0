"""Dates and reference dates (截至2024年底 / as of the end of 2024)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from ipdocs.i18n.locales import locale
from ipdocs.i18n.words import word


def format_date(date: dt.date, lang: str) -> str:
    """A long date: 2024年12月31日 / 31 December 2024."""
    return str(babel_format_date(date, "long", locale=locale(lang).babel))


def format_month(date: dt.date, lang: str) -> str:
    """A month and year: 2024年8月 / August 2024."""
    return str(babel_format_date(date, word("month_pattern", lang), locale=locale(lang).babel))


def as_of(date: dt.date, lang: str) -> str:
    """The reference date of a stock figure: 截至2024年底 / as of the end of 2024."""
    if (date.month, date.day) == (12, 31):
        return word("as_of_year_end", lang, year=date.year)
    return word("as_of_date", lang, date=format_date(date, lang))
