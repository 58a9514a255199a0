"""Measures: what kind of measure a figure is decides how it may change and how that is
said. A rate never changes by percent unless it says so, a rank never by percent."""

from decimal import Decimal
from typing import Any

import pytest

from ipdocs.base.problems import SpecError
from ipdocs.base.vocab import Measure
from ipdocs.model import Figure, Report
from ipdocs.sections.narrative import figure_change, figure_value

LABEL = {"zh": "指标", "en": "Indicator"}


def figure(**fields: Any) -> Figure:
    """A figure with a default label, value and unit."""
    return Figure.model_validate({"label": LABEL, "value": "1", "unit": "件", **fields})


def phrases(**fields: Any) -> tuple[str, str]:
    """The change phrase of a figure in Chinese and English."""
    f = figure(**fields)
    return figure_change(f, "zh"), figure_change(f, "en")


@pytest.mark.parametrize(("unit", "kind", "measure"), [
    ("件", "flow", Measure.QUANTITY), ("亿元", "stock", Measure.QUANTITY),
    ("%", "flow", Measure.RATE), ("个百分点", "flow", Measure.RATE),
    ("位", "rank", Measure.RANK), ("名", "rank", Measure.RANK), ("名", "flow", Measure.QUANTITY),
    ("个月", "flow", Measure.DURATION), ("分", "flow", Measure.SCORE),
    ("倍", "stock", Measure.MULTIPLE), ("平方公里", "stock", Measure.QUANTITY),
])
def test_measure_follows_the_unit_and_kind(unit: str, kind: str, measure: Measure) -> None:
    assert figure(unit=unit, kind=kind, value="2").measure is measure


def test_a_rates_increment_is_in_percentage_points() -> None:
    assert phrases(value="45.6", unit="%", change={"increment": "1.2"}) == (
        "同比提高1.2个百分点", "up 1.2 percentage points year on year")
    assert phrases(value="45.6", unit="%", change={"increment": "-0.4"}) == (
        "同比下降0.4个百分点", "down 0.4 percentage points year on year")


def test_a_rates_change_from_previous_is_in_points_not_percent() -> None:
    assert phrases(value="80", unit="%", change={"previous": "75"}) == (
        "同比提高5个百分点", "up 5 percentage points year on year")


def test_a_rate_refuses_a_percent_unless_it_says_so() -> None:
    with pytest.raises(SpecError, match="a rate changes by percentage points"):
        figure(value="45.6", unit="%", change={"percent": "1.2"})
    zh, en = phrases(value="45.6", unit="%", change={"percent": "10", "form": "percent"})
    assert (zh, en) == ("同比提高10%", "up 10% year on year")


@pytest.mark.parametrize("change", [{"percent": "-40"}, {"increment": "-2"},
                                    {"previous": "5", "form": "percent"}])
def test_a_rank_never_changes_by_percent_or_increment(change: dict[str, str]) -> None:
    with pytest.raises(SpecError, match="rank"):
        figure(value="3", unit="位", kind="rank", change=change)


def test_a_rank_moves_by_places_or_from_to() -> None:
    assert phrases(value="3", unit="位", kind="rank", change={"places": 2}) == (
        "同比上升2位", "up two places year on year")
    assert phrases(value="3", unit="位", kind="rank", change={"previous": "5"}) == (
        "由第五位升至第三位", "up from fifth to third")
    assert phrases(value="1", unit="名", kind="rank", change={"previous": "2"}) == (
        "由第二名升至第一名", "up from second to first")
    assert phrases(value="5", unit="位", kind="rank", change={"places": -1}) == (
        "同比下降1位", "down one place year on year")
    assert phrases(value="5", unit="位", kind="rank", change={"previous": "3"}) == (
        "由第三位降至第五位", "down from third to fifth")


@pytest.mark.parametrize(("value", "change", "said"), [
    ("1", {"places": 5, "previous": 3}, "says 5 places up, but from position 3 to 1 is 2 "
                                        "places up"),
    ("4", {"places": -2, "previous": 3}, "says 2 places down, but from position 3 to 4 is 1 "
                                         "place down"),
    ("3", {"places": -5}, "now at position 3 cannot have moved 5 places down: it would have "
                          "been at position -2"),
    ("1", {"places": -1}, "now at position 1 cannot have moved 1 place down"),
])
def test_a_rank_cannot_move_more_places_than_its_positions_allow(
        value: str, change: dict[str, Any], said: str) -> None:
    with pytest.raises(SpecError, match=said):
        figure(value=value, unit="位", kind="rank", change=change)


@pytest.mark.parametrize("change", [{"places": 2, "previous": 3}, {"places": 5},
                                    {"places": -2}, {"places": 0, "previous": 1}])
def test_a_rank_move_that_fits_its_positions_is_taken(change: dict[str, Any]) -> None:
    value = "3" if change.get("places") == -2 else "1"
    assert figure(value=value, unit="位", kind="rank", change=change).change is not None


def test_places_belong_to_ranks() -> None:
    with pytest.raises(SpecError, match="places belong to a rank"):
        figure(change={"places": 2})


def test_durations_are_shortened() -> None:
    assert phrases(value="12", unit="个月", change={"previous": "18"}) == (
        "由18个月缩短至12个月", "cut from 18 months to 12 months")
    assert phrases(value="20", unit="天", change={"previous": "18"}) == (
        "由18天延长至20天", "lengthened from 18 days to 20 days")
    assert phrases(value="12", unit="天", change={"percent": "-20"}) == (
        "同比缩短20%", "cut by 20% year on year")


def test_scores_rise_in_points() -> None:
    assert phrases(value="85.5", unit="分", change={"previous": "80", "form": "to"}) == (
        "提高到85.5分", "rose to 85.5 points")
    assert phrases(value="85.5", unit="分", change={"previous": "80"}) == (
        "同比提高5.5分", "up 5.5 points year on year")


def test_no_change_is_computed_from_an_approximate_value() -> None:
    zh, en = phrases(value="3", unit="个月", qualifier="左右", change={"previous": "22"})
    assert (zh, en) == ("由22个月缩短至3个月左右", "cut from 22 months to about 3 months")
    zh, _ = phrases(value="9000", qualifier="近", change={"previous": "8000"})
    assert zh == "由8000件增长至近9000件"
    with pytest.raises(SpecError, match="not computed from an approximate value"):
        figure(value="9000", qualifier="近", change={"previous": "8000", "form": "percent"})


def test_a_stated_change_of_an_approximate_value_is_said() -> None:
    assert phrases(value="9000", qualifier="近", change={"percent": "12"})[0] == "同比增长12%"


def test_a_computed_percent_is_never_rounded_to_zero() -> None:
    zh, en = phrases(value="100.39", change={"previous": "100", "digits": 0})
    assert (zh, en) == ("同比增长0.4%", "up 0.4% year on year")
    zh, _ = phrases(value="99.96", change={"previous": "100"})
    assert zh == "同比下降0.04%"
    assert phrases(value="100", change={"previous": "100"})[0] == "同比持平"


def test_a_negative_previous_count_is_refused() -> None:
    with pytest.raises(SpecError, match="previous value of -100"):
        figure(value="71425", change={"previous": "-100"})


@pytest.mark.parametrize(("fields", "message"), [
    ({"as_of": "2024-09-29"}, "month's end"),
    ({"as_of": "2024-12-31"}, "before December"),
    ({"as_of": "2024-08-31", "period": "quarters"}, "whole quarters"),
    ({"as_of": "2024-09-30", "period": "half"}, "30 June"),
    ({"period": "quarters"}, "give the flow its as_of"),
    ({"base": LABEL}, "base .* belongs to a share"),
])
def test_partial_years_and_bases_are_checked(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        figure(**fields)


@pytest.mark.parametrize("kind", ["flow", "stock"])
def test_a_figure_of_another_year_is_accepted_flow_or_stock(kind: str) -> None:
    """An interim figure of the next year (2023年前2个月 in a 2022 report): its as_of says
    when, the same rule for a flow and a stock."""
    data = {"region": LABEL, "year": 2022, "title": LABEL,
            "figures": {"a": {"label": LABEL, "value": 1, "unit": "件", "kind": kind,
                              "as_of": "2023-02-28"}}}
    assert Report.model_validate(data).figure("a").as_of is not None


def test_a_stale_partial_year_of_another_year_is_refused() -> None:
    data = {"region": LABEL, "year": 2024, "title": LABEL,
            "figures": {"a": {"label": LABEL, "value": 1, "unit": "件", "as_of": "2022-06-30",
                              "stale": True, "of_year": 2023}}}
    with pytest.raises(Exception, match="ends in 2023, not 2022"):
        Report.model_validate(data)


@pytest.mark.parametrize(("fields", "message"), [
    ({"since": 2024}, "give a year before 2024"),
    ({"since": 2020, "kind": "stock"}, "since totals a flow"),
    ({"since": 2020, "as_of": "2024-06-30"}, "since totals a flow"),
    ({"change": {"previous_of": 2019, "percent": 3}}, "give previous"),
    ({"change": {"previous": 2, "previous_of": "earlier", "form": "percent"}},
     "needs the basis"),
    ({"compares": "b"}, "compares needs the base"),
])
def test_other_periods_are_checked(fields: dict[str, Any], message: str) -> None:
    data = {"region": LABEL, "year": 2024, "title": LABEL,
            "figures": {"a": {"label": LABEL, "value": 1, "unit": "件", **fields}}}
    with pytest.raises(Exception, match=message):
        Report.model_validate(data)


@pytest.mark.parametrize(("unit", "value", "zh", "en"), [
    ("分", "85.5", "85.5分", "85.5 points"),
    ("倍", "3.4", "3.4倍", "3.4 times"),
    ("个百分点", "1.2", "1.2个百分点", "1.2 percentage points"),
    ("平方公里", "9816", "9816平方公里", "9,816 square kilometres"),
    ("单", "12", "12单", "12"),
    ("部", "3", "3部", "3"),
    ("家次", "150", "150家次", "150"),
    ("件/万人", "22.93", "22.93件/万人", "22.93 per 10,000 people"),
    ("", "128.5", "128.5", "128.5"),
    ("万", "51.7", "51.7万", "517,000"),
])
def test_the_genres_units(unit: str, value: str, zh: str, en: str) -> None:
    f = figure(unit=unit, value=value)
    assert (figure_value(f, "zh"), figure_value(f, "en")) == (zh, en)


def test_value_exact_under_every_measure() -> None:
    assert figure(unit="%", value="35.60").value == Decimal("35.60")
