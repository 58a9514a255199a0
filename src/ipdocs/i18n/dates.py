"""Dates and reference dates (截至2024年底 / as of the end of 2024)."""

from __future__ import annotations

import datetime as dt
import re

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


RELATIVE_YEARS = {
    "zh": re.compile(r"去年|今年|前年|明年|上年|本年|上一年"),
    "en": re.compile(r"\b(?:last|this|next|previous|current|coming) year\b|"
                     r"\bthe year (?:before|after)\b|\byear before last\b", re.IGNORECASE),
}
"""Words that name a year by where the writer stands (去年, 今年, last year): true in the
year they were written, wrong once the text is carried to another year."""


def relative_years(text: str, lang: str) -> list[str]:
    """The relative year words of ``text`` (Chinese patterns for a Han language, English
    for the others), in order: ['去年'], ['last year']."""
    key = "zh" if lang.startswith("zh") else "en"
    if _YEAR_WORD[key] not in (text if key == "zh" else text.lower()):
        return []  # every pattern names the year: 年, or year in any case
    return [m.group(0) for m in RELATIVE_YEARS[key].finditer(text)]


_YEAR_WORD = {"zh": "年", "en": "year"}
"""What every relative year word holds (the English in any case): a text without it
holds none, and is not searched (the English pattern, in any case and at word bounds,
takes some twenty times as long as the Chinese)."""
