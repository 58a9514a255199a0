"""Dates, reference dates and the words that name a year by where the writer stands."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ipdocs.i18n.dates import RELATIVE_YEARS, as_of, format_date, format_month, relative_years

YEAR_END, MID_YEAR = dt.date(2024, 12, 31), dt.date(2024, 6, 30)


def test_dates_by_language() -> None:
    assert (format_date(YEAR_END, "zh"), format_date(YEAR_END, "en")) == (
        "2024年12月31日", "31 December 2024")
    assert (format_month(dt.date(2024, 8, 1), "zh"), format_month(dt.date(2024, 8, 1), "en")) \
        == ("2024年8月", "August 2024")


def test_a_stock_s_reference_date() -> None:
    assert (as_of(YEAR_END, "zh"), as_of(YEAR_END, "en")) == ("截至2024年底",
                                                              "as of the end of 2024")
    assert (as_of(MID_YEAR, "zh"), as_of(MID_YEAR, "en")) == ("截至2024年6月30日",
                                                              "as of 30 June 2024")


def test_relative_years_are_found_in_order() -> None:
    assert relative_years("去年增长，今年持平", "zh") == ["去年", "今年"]
    assert relative_years("Up on last year and the year before.", "en") == [
        "last year", "the year before"]
    assert relative_years("in 2024", "en") == []


@given(st.lists(st.sampled_from(["last ", "LAST ", "Year", "year", "YEAR", "yeaR", "the ",
                                 "before", " after", "previous ", "ſ", "ı", "去年", "今", "年",
                                 "上一年", " ", "x"]), max_size=8).map("".join),
       st.sampled_from(["zh", "en", "zh-Hant", "de"]))
def test_relative_years_are_found_as_the_patterns_find_them(text: str, lang: str) -> None:
    """Texts without 年 (or year, in any case) are not searched: what is found is still
    every match of the language's pattern."""
    pattern = RELATIVE_YEARS["zh" if lang.startswith("zh") else "en"]
    assert relative_years(text, lang) == [m.group(0) for m in pattern.finditer(text)]
