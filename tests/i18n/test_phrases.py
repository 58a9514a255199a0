"""Rank statements, periods and several changes said at once, in both languages."""

from decimal import Decimal

import pytest

from ipdocs.base.vocab import UNITS, Measure
from ipdocs.i18n import (
    Movement,
    period_in_year,
    period_phrase,
    period_since,
    rank_short,
    rank_statement,
    respective_phrase,
)


@pytest.mark.parametrize(("kwargs", "zh", "en"), [
    ({"position": 2}, "居全国第二位", "ranking second in China"),
    ({"position": 2, "form": ""}, "居全国第二", "ranking second in China"),
    ({"position": 2, "form": "名"}, "居全国第二名", "ranking second in China"),
    ({"position": 1, "verb": "位居", "form": "首位"}, "位居全国首位", "first in China"),
    ({"position": 1, "verb": "位列", "form": ""}, "位列全国第一", "first in China"),
    ({"position": 1, "years": 5, "form": ""}, "连续5年居全国第一",
     "first in China for five consecutive years"),
    ({"position": None, "standing": "前列"}, "居全国前列", "among the leaders in China"),
    ({"position": None, "standing": "第一方阵", "years": 3}, "连续3年居全国第一方阵",
     "in the front rank in China for three consecutive years"),
    ({"position": 12}, "居全国第十二位", "ranking 12th in China"),
])
def test_rank_statements(kwargs: dict[str, object], zh: str, en: str) -> None:
    position = kwargs.pop("position")
    assert rank_statement(position, "全国", "zh", **kwargs) == zh  # type: ignore[arg-type]
    assert rank_statement(position, "in China", "en", **kwargs) == en  # type: ignore[arg-type]


@pytest.mark.parametrize(("shared", "zh", "en"), [
    (2, "均居全国第一", "both first in China"),
    (3, "均居全国第一", "all first in China"),
])
def test_a_rank_held_together_is_a_predicate(shared: int, zh: str, en: str) -> None:
    assert rank_statement(1, "全国", "zh", form="", shared=shared) == zh
    assert rank_statement(1, "in China", "en", form="", shared=shared) == en


@pytest.mark.parametrize(("kwargs", "en"), [
    ({"position": 1, "degree": "most"}, "the most in China"),
    ({"position": 2, "degree": "highest"}, "the second highest in China"),
    ({"position": 1, "degree": "highest", "shared": 2}, "both the highest in China"),
    ({"position": 1, "degree": "most", "years": 3},
     "the most in China for three consecutive years"),
])
def test_a_position_said_as_a_superlative(kwargs: dict[str, object], en: str) -> None:
    position = kwargs.pop("position")
    assert rank_statement(position, "in China", "en", form="", **kwargs) == en  # type: ignore[arg-type]
    assert rank_statement(position, "全国", "zh", form="", **kwargs).startswith(  # type: ignore[arg-type]
        ("居", "均居", "连续"))


def test_among_is_said_once() -> None:
    scope = "among China’s sub-provincial cities"
    assert rank_statement(1, scope, "en", verb="位居") == \
        "first among China’s sub-provincial cities"
    assert rank_statement(None, scope, "en", standing="前列") == \
        "among the leaders of China’s sub-provincial cities"
    assert rank_short(None, scope, "en", standing="前列") == \
        "among the leaders of China’s sub-provincial cities"


@pytest.mark.parametrize(("months", "style", "zh", "en"), [
    (9, "quarters", "前三季度", "the first three quarters"),
    (3, "quarters", "一季度", "the first quarter"),
    (6, "months", "1—6月", "January to June"),
    (6, "half", "上半年", "the first half of the year"),
    (2, "first_months", "前2个月", "the first two months"),
    (1, "months", "1月", "January"),
])
def test_periods(months: int, style: str, zh: str, en: str) -> None:
    assert period_phrase(months, style, "zh") == zh
    assert period_phrase(months, style, "en") == en


@pytest.mark.parametrize(("months", "style", "zh", "en"), [
    (2, "first_months", "2023年前2个月", "the first two months of 2023"),
    (2, "months", "2023年1—2月", "January to February 2023"),
    (6, "half", "2023年上半年", "the first half of 2023"),
    (9, "quarters", "2023年前三季度", "the first three quarters of 2023"),
])
def test_periods_of_another_year(months: int, style: str, zh: str, en: str) -> None:
    for lang, said in (("zh", zh), ("en", en)):
        assert period_in_year(period_phrase(months, style, lang), 2023, lang, style) == said


def test_a_total_since_a_year() -> None:
    assert (period_since(2018, "zh"), period_since(2018, "en")) == ("2018年以来", "since 2018")


def move(percent: str) -> Movement:
    """A percent change of a count."""
    value = Decimal(percent)
    return Movement("percent", Measure.QUANTITY, (value > 0) - (value < 0), UNITS["件"],
                    Decimal(1), abs(value))


def test_respectively_same_and_mixed_directions() -> None:
    both = [move("12.5"), move("8.0")]
    assert respective_phrase(both, "zh") == "同比分别增长12.5%和8.0%"
    assert respective_phrase(both, "en") == "up 12.5% and 8.0% year on year respectively"
    mixed = [move("12.5"), move("-3.0"), move("5")]
    assert respective_phrase(mixed, "zh") == "同比分别增长12.5%、下降3.0%和增长5%"
    assert respective_phrase(mixed, "en") == \
        "up 12.5%, down 3.0% and up 5% year on year respectively"
