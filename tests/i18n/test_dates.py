"""Dates, reference dates and the words that name a year by where the writer stands."""

import datetime as dt

from ipdocs.i18n.dates import as_of, format_date, format_month, relative_years

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
