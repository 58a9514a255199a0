"""Change phrases: direction words, bases, qualifiers, increments."""

from decimal import Decimal

import pytest

from ipdocs.base.vocab import Measure
from ipdocs.i18n import format_change, percent_change
from ipdocs.i18n.changes import Movement, change_cell_text
from ipdocs.i18n.numbers import resolve_unit


@pytest.mark.parametrize(("delta", "kwargs", "zh", "en"), [
    ("11.4", {}, "同比增长11.4%", "up 11.4% year on year"),
    ("-13.3", {}, "同比下降13.3%", "down 13.3% year on year"),
    ("17.72", {"verb": "上升"}, "同比上升17.72%", "up 17.72% year on year"),
    ("-33.33", {"verb": "上升"}, "同比下降33.33%", "down 33.33% year on year"),
    ("-5", {"verb": "增加"}, "同比减少5%", "down 5% year on year"),
    ("193", {"qualifier": "以上"}, "同比增长193%以上", "up at least 193% year on year"),
    ("193", {"qualifier": "超"}, "同比增长超193%", "up more than 193% year on year"),
    ("-3", {"qualifier": "以下", "unit": "天"}, "同比下降3天以下",
     "down at most 3 days year on year"),
    ("0", {}, "同比持平", "unchanged year on year"),
    ("9.3", {"unit": "件"}, "同比增长9.3件", "up 9.3 year on year"),
    ("-3", {"unit": "天"}, "同比下降3天", "down 3 days year on year"),
])
def test_change_phrase(delta: str, kwargs: dict[str, str], zh: str, en: str) -> None:
    assert format_change(Decimal(delta), "zh", **kwargs) == zh
    assert format_change(Decimal(delta), "en", **kwargs) == en


def test_change_with_own_basis() -> None:
    zh = format_change(Decimal("71.8"), "zh", verb="增长了", basis="比专项行动之前")
    en = format_change(Decimal("71.8"), "en", basis="on the level before the campaign")
    assert zh == "比专项行动之前增长了71.8%"
    assert en == "up 71.8% on the level before the campaign"


@pytest.mark.parametrize(("value", "previous", "digits", "expected"), [
    ("71425", "64115", 1, "11.4"),
    ("2", "3", 2, "-33.33"),
    ("105", "100", 0, "5"),
    ("100.5", "100", 1, "0.5"),
])
def test_percent_change_rounds_half_up(value: str, previous: str, digits: int,
                                       expected: str) -> None:
    assert percent_change(Decimal(value), Decimal(previous), digits) == Decimal(expected)


def test_percent_change_from_zero_base_is_refused() -> None:
    with pytest.raises(ZeroDivisionError):
        percent_change(Decimal(5), Decimal(0))


@pytest.mark.parametrize(("qualifier", "zh", "en"), [
    ("以上", "+193%以上", "+193% or more"),  # 以上 includes the number it follows
    ("超", "超+193%", "more than +193%"),  # 超 does not: never "or more"
    ("以下", "+193%以下", "+193% or less"),
])
def test_table_cell_keeps_whether_the_number_is_included(qualifier: str, zh: str,
                                                         en: str) -> None:
    move = Movement("percent", Measure.QUANTITY, 1, resolve_unit("%"), Decimal(0),
                    Decimal(193), qualifier=qualifier)
    assert change_cell_text(move, "zh") == zh
    assert change_cell_text(move, "en") == en


@pytest.mark.parametrize(("qualifier", "zh", "en"), [
    ("以上", "下降193%以上", "down at least 193%"),
    ("超", "下降超193%", "down more than 193%"),
    ("以下", "下降193%以下", "down at most 193%"),
    ("近", "下降近193%", "down nearly 193%"),
])
def test_a_qualified_fall_in_a_cell_qualifies_its_size(qualifier: str, zh: str,
                                                       en: str) -> None:
    """A fall of more than 93% is no number above −93% (was more than −193% / 超−193%, and
    −193% or more, which say a smaller fall): the cell says the fall in words."""
    move = Movement("percent", Measure.QUANTITY, -1, resolve_unit("%"), Decimal(0),
                    Decimal(193), qualifier=qualifier)
    assert change_cell_text(move, "zh") == zh
    assert change_cell_text(move, "en") == en
