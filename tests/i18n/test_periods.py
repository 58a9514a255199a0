"""The part of a year a flow covers, in each period style and language."""

import pytest

from ipdocs.i18n.periods import period_in_year, period_phrase, period_since

CASES = [(9, "months", "1—9月", "January to September"),
         (1, "months", "1月", "January"),
         (9, "quarters", "前三季度", "the first three quarters"),
         (3, "quarters", "一季度", "the first quarter"),
         (6, "half", "上半年", "the first half of the year"),
         (2, "first_months", "前2个月", "the first two months"),
         (1, "first_months", "前1个月", "the first month")]


@pytest.mark.parametrize(("months", "style", "zh", "en"), CASES)
def test_period_phrase(months: int, style: str, zh: str, en: str) -> None:
    assert period_phrase(months, style, "zh") == zh
    assert period_phrase(months, style, "en") == en


@pytest.mark.parametrize(("months", "style", "message"), [
    (0, "months", "1 to 11 months"), (12, "months", "1 to 11 months"),
    (4, "quarters", "not whole quarters"), (5, "half", "6 months")])
def test_impossible_periods_are_refused(months: int, style: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        period_phrase(months, style, "en")


def test_a_period_of_another_year_and_years_since() -> None:
    assert period_in_year("前2个月", 2023, "zh", "first_months") == "2023年前2个月"
    assert period_in_year("the first two months", 2023, "en", "first_months") == \
        "the first two months of 2023"
    assert period_in_year(period_phrase(1, "first_months", "en"), 2025, "en",
                          "first_months") == "the first month of 2025"
    assert (period_since(2021, "zh"), period_since(2021, "en")) == ("2021年以来", "since 2021")
