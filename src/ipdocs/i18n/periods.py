"""The part of a year a flow covers: 前三季度 / the first three quarters, 1—6月 / January
to June, 上半年 / the first half of the year, 前2个月 / the first two months."""

from __future__ import annotations

from ipdocs.i18n.locales import locale
from ipdocs.i18n.words import defines, word

STYLES = ("months", "quarters", "half", "first_months")
"""How a period may be named."""


def _count(n: int, lang: str) -> str:
    """A small count as the period names it: 三 (前三季度) / three."""
    return locale(lang).grammar.spelled(n, lang)


def period_phrase(months: int, style: str, lang: str) -> str:
    """The first ``months`` months of a year, named in ``style`` (``STYLES``)."""
    if not 1 <= months <= 11:
        raise ValueError(f"a partial year covers 1 to 11 months, not {months}")
    if style == "quarters":
        if months % 3:
            raise ValueError(f"{months} months are not whole quarters")
        quarters = months // 3
        if quarters == 1:
            return word("period_quarter", lang)
        return word("period_quarters", lang, count=_count(quarters, lang))
    if style == "half":
        if months != 6:
            raise ValueError(f"the first half of a year is 6 months, not {months}")
        return word("period_half", lang)
    if style == "first_months":
        count = locale(lang).grammar.count(months, lang)
        key = "period_first_month" if months == 1 and defines(
            "period_first_month", lang) else "period_first_months"
        return word(key, lang, count=count)
    if months == 1:
        return word("period_month", lang)
    month = locale(lang).grammar.month(months, lang)
    return word("period_months", lang, month=month)


def period_in_year(period: str, year: int, lang: str, style: str = "months") -> str:
    """A period of a year other than the report's, with its year: 2023年前2个月 / the first
    two months of 2023 (January to February 2023)."""
    key = f"period_in_year.{style}"
    return word(key if defines(key, lang) else "period_in_year", lang, period=period,
                year=year)


def period_since(year: int, lang: str) -> str:
    """A total over the years since ``year``: 2021年以来 / since 2021."""
    return word("period_since", lang, year=year)
