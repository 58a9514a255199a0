"""The vocabularies: units and their measures, one record per measure kind, qualifiers and
change verbs. A measure kind registered in a test alone changes how its figures are
checked, computed, said, drafted and listed, with no other module touched."""

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.reference import measures
from ipdocs.base.problems import SpecError
from ipdocs.base.vocab import (
    CHANGE_VERBS,
    DEFAULT_VERBS,
    MEASURE_KINDS,
    MEASURES,
    UNITS,
    Measure,
    MeasureKind,
    UnitKind,
    get_unit,
    measure_kind,
    measure_of,
    register_measure,
    says_one,
    unregister_measure,
)
from ipdocs.drafting.changes import new_change
from ipdocs.model.changes import resolve
from ipdocs.sections.narrative import figure_change
from tests.conftest import MINIMAL

SCORED = MINIMAL + """\
  business.score:
    label: {zh: 营商环境评分, en: Business environment score}
    value: 88
    unit: 分
    change: {previous: 80}
"""


def test_every_measure_has_one_record_and_every_unit_kind_a_measure() -> None:
    assert list(MEASURE_KINDS) == list(Measure)
    assert all(measure_kind(m).name is m for m in Measure)
    assert MEASURES[UnitKind.PERCENT] is Measure.RATE and MEASURES[UnitKind.AREA] is \
        Measure.QUANTITY
    assert {measure_of(k) for k in UnitKind} == set(Measure)
    assert all(v in CHANGE_VERBS for v in DEFAULT_VERBS.values())
    assert [k.name for k in MEASURE_KINDS.values() if k.positions] == [Measure.RANK]


def test_a_unit_knows_its_measure() -> None:
    assert get_unit("亿元").measure is Measure.QUANTITY
    assert get_unit("个百分点").measure is Measure.RATE
    assert get_unit("天").measure is Measure.DURATION
    assert all(unit.measure in MEASURE_KINDS for unit in UNITS.values())
    with pytest.raises(KeyError, match="unknown unit"):
        get_unit("斗")


def test_unknown_measures_and_shipped_ones_are_refused() -> None:
    with pytest.raises(KeyError, match="unknown measure 'speed'"):
        measure_kind("speed")
    with pytest.raises(KeyError, match="no measure names the unit kind 'speed'"):
        measure_of("speed")
    with pytest.raises(ValueError, match="shipped measure"):
        unregister_measure("rate")


@pytest.fixture
def index() -> Iterator[MeasureKind]:
    """A measure kind for this test only: an index that takes over scores, changes by a
    computed percent, rises with 上升 and is never below zero."""
    kind = register_measure(MeasureKind(
        "index", ("score",), "上升", "percent",
        "percent (default from previous), from_to, to", nonnegative=True))
    yield kind
    unregister_measure("index")


def test_a_measure_registered_in_a_test_is_checked_computed_said_and_drafted(
        index: MeasureKind, write_spec: Callable[..., Path]) -> None:
    figure = load_report(write_spec(SCORED)).figures["business.score"]
    assert figure.measure == "index"
    # computed: a percent where a score would change by points
    resolved = resolve(figure)
    assert resolved is not None and (resolved.form, resolved.amount) == ("percent",
                                                                         Decimal("10.0"))
    # said: its own verb
    assert figure_change(figure, "zh") == "同比上升10.0%"
    assert figure_change(figure, "en") == "up 10.0% year on year"
    # drafted: next year's change in its computed form
    update = new_change(figure, Decimal("88"), Decimal("99"), approximate=False,
                        value_year=2024, year=2025)
    assert update.change == {"percent": Decimal("12.5"), "previous": Decimal("88")}
    # listed in specs/README.md's reference
    assert "| index | score | percent (default from previous), from_to, to |" in measures()


def test_a_registered_measure_s_check_rule_refuses_at_load(
        index: MeasureKind, write_spec: Callable[..., Path]) -> None:
    with pytest.raises(SpecError, match="cannot be a count or amount"):
        load_report(write_spec(SCORED.replace("previous: 80", "previous: -3")))
    unregister_measure("index")  # a score may have been below zero
    assert load_report(write_spec(SCORED.replace("previous: 80", "previous: -3")))


def test_without_the_record_a_score_changes_by_points(write_spec: Callable[..., Path]) -> None:
    figure = load_report(write_spec(SCORED)).figures["business.score"]
    assert figure.measure is Measure.SCORE
    assert figure_change(figure, "zh") == "同比提高8分"


@pytest.mark.parametrize(("count", "one"), [
    (1, True), (Decimal(1), True), (Decimal("1.0"), False), (Decimal("0.5"), False),
    (2, False), (0, False), (Decimal("1E+1"), False)])
def test_only_one_written_without_decimals_is_singular(count: object, one: bool) -> None:
    """1 day, 1.0 days (was 1.0 day): CLDR's English rule, one is i = 1 and v = 0."""
    assert says_one(count) is one
