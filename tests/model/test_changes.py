"""What a figure's change states, resolved: the form it is said in when the spec names
none (by the measure's record), its direction (a rank up when its position falls), its
size, and whether it compares with last year."""

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base.vocab import QUALIFIERS
from ipdocs.model import Figure
from ipdocs.model.changes import (
    Resolved,
    default_form,
    qualified_sign,
    resolve,
    year_on_year,
    year_on_year_percent,
)

LABEL = {"zh": "指标", "en": "Indicator"}


def figure(**fields: Any) -> Figure:
    """A figure with a default label, value and unit."""
    return Figure.model_validate({"label": LABEL, "value": "120", "unit": "件", **fields})


@pytest.mark.parametrize(("fields", "form"), [
    ({"change": {"previous": "100"}}, "percent"),                        # a quantity
    ({"unit": "%", "change": {"previous": "100"}}, "increment"),         # a rate: points
    ({"unit": "分", "change": {"previous": "100"}}, "increment"),        # a score
    ({"unit": "倍", "change": {"previous": "100"}}, "from_to"),          # a multiple
    ({"unit": "天", "change": {"previous": "100"}}, "from_to"),          # a duration
    ({"qualifier": "超", "change": {"previous": "100"}}, "from_to"),     # approximate
    ({"kind": "rank", "unit": "位", "value": "3", "change": {"places": 2}}, "places"),
    ({"kind": "rank", "unit": "位", "value": "3", "change": {"previous": "5"}}, "from_to"),
    ({"unit": "天", "change": {"percent": "-5"}}, "percent"),            # what is stated
    ({"change": {"increment": "20"}}, "increment"),
])
def test_the_default_form_by_measure(fields: dict[str, Any], form: str) -> None:
    made = figure(**fields)
    assert made.change is not None and default_form(made, made.change) == form


def test_a_computed_percent_and_a_new_figure() -> None:
    assert resolve(figure(change={"previous": "100"})) == Resolved(
        "percent", 1, Decimal("20.0"), Decimal("100"))
    assert resolve(figure(change={"previous": "0"})) == Resolved("new", 1, None, Decimal("0"))
    assert resolve(figure()) is None


def test_nothing_both_years_is_unchanged_not_new() -> None:
    """0 last year and 0 this year is no change (was 新增 / new: something new where
    there is nothing), and no percent: no year-on-year chart or highlight takes it."""
    nothing = figure(value="0", change={"previous": "0"})
    resolved = resolve(nothing)
    assert resolved is not None and resolved.sign == 0 and resolved.form != "new"
    assert year_on_year_percent(nothing) is None


def test_a_rank_is_up_when_its_position_falls() -> None:
    up = resolve(figure(kind="rank", unit="位", value="3", change={"previous": "5"}))
    assert up is not None and (up.direction, up.previous) == ("up", Decimal("5"))
    places = resolve(figure(kind="rank", unit="位", value="3", change={"places": 2}))
    assert places == Resolved("places", 1, Decimal(2), Decimal(5))
    assert places.signed == 2


def test_a_fall_and_no_change() -> None:
    down = resolve(figure(unit="%", value="40", change={"previous": "45.5"}))
    assert down == Resolved("increment", -1, Decimal("5.5"), Decimal("45.5"))
    assert down.direction == "down" and down.signed == Decimal("-5.5")
    flat = resolve(figure(unit="天", change={"previous": "120"}))
    assert flat is not None and flat.direction == "flat"


def test_year_on_year_only_against_last_year() -> None:
    plain = figure(change={"percent": "11.4"})
    assert year_on_year(plain) and year_on_year_percent(plain) == Decimal("11.4")
    based = figure(change={"percent": "11.4", "basis": {"zh": "较改革前", "en": "on 2019"}})
    assert not year_on_year(based) and year_on_year_percent(based) is None
    assert year_on_year_percent(figure(change={"increment": "3"})) is None


@pytest.mark.parametrize(("qualifier", "previous_qualifier", "sign"), [
    (None, "近", 1),      # 由近60万件增长至60万件: nearly 60 then, 60 now
    ("超", None, 1),      # 60 then, more than 60 now
    ("以上", "近", 1),
    ("近", None, -1),     # 60 then, nearly 60 now
    (None, "超", -1),
    ("以下", "超", -1),
    ("超", "超", 0),      # both approximate alike: nothing proves a move
    ("以上", None, 0),    # at least 60 now: perhaps 60 still
    ("约", None, 0),
    ("突破", None, 0),
])
def test_equal_numbers_move_as_their_qualifiers_prove(
        qualifier: str | None, previous_qualifier: str | None, sign: int) -> None:
    """Equal numbers with qualifiers that order them are no 持平 / unchanged (was: 近60万件
    then and 60万件 now said 同比持平, where it rose)."""
    fields: dict[str, Any] = {"value": "60", "unit": "万件",
                              "change": {"previous": "60", "form": "from_to"}}
    if qualifier:
        fields["qualifier"] = qualifier
    if previous_qualifier:
        fields["change"]["previous_qualifier"] = previous_qualifier
    resolved = resolve(figure(**fields))
    assert resolved is not None and resolved.sign == sign


@pytest.mark.parametrize(("lang", "said"), [
    ("zh", "由3.1倍提高至3.4倍"), ("en", "up from 3.1 times to 3.4 times")])
def test_a_multiple_moves_from_one_multiple_to_another(lang: str, said: str) -> None:
    """A multiple computed from its previous value is said from → to (was 同比提高0.3倍 /
    up 0.3 times year on year, which Chinese reads as a rise by 30%: 增加了两倍 is
    一 to 三; and 下降1倍 from 2倍 to 1倍, a decrease Chinese style forbids saying in 倍)."""
    from ipdocs.sections.narrative import figure_change

    multiple = figure(value="3.4", unit="倍", change={"previous": "3.1"})
    assert figure_change(multiple, lang) == said


MEANINGS = {None: "exact", **{token: q.meaning for token, q in QUALIFIERS.items()}}
"""Every qualifier a value may carry (None: exact), by what it means about its number."""


def _possible(meaning: str, offset: int) -> bool:
    """Whether a value ``offset`` from its printed number may carry ``meaning``."""
    return {"exact": offset == 0, "more_than": offset > 0, "at_least": offset >= 0,
            "over": offset >= 0, "nearly": offset < 0, "at_most": offset <= 0,
            "within": offset <= 0, "about": True}[meaning]


@given(st.sampled_from(sorted(MEANINGS, key=str)), st.sampled_from(sorted(MEANINGS, key=str)),
       st.integers(-3, 3), st.integers(-3, 3))
def test_a_move_between_equal_numbers_is_said_only_where_every_reading_makes_it(
        qualifier: str | None, previous_qualifier: str | None, now: int, then: int) -> None:
    """For any two values printed as the same number, whatever they really were (an
    offset their qualifiers allow), the move said from their qualifiers is the move they
    made: never a rise where the value may have fallen or stayed; and reversing the two
    reverses it."""
    sign = qualified_sign(qualifier, previous_qualifier)
    assert qualified_sign(previous_qualifier, qualifier) == -sign
    if _possible(MEANINGS[qualifier], now) and _possible(MEANINGS[previous_qualifier], then):
        assert sign == 0 or ((now > then) == (sign > 0) and now != then)


def test_a_figure_is_resolved_once_and_a_copy_with_another_value_afresh() -> None:
    made = figure(change={"previous": "100"})
    first = resolve(made)
    assert resolve(made) is first
    other = made.model_copy(update={"value": Decimal("150")})
    assert resolve(other) == Resolved("percent", 1, Decimal("50.0"), Decimal("100"))
    assert resolve(made) is first


def test_a_measure_registered_again_resolves_its_figures_anew() -> None:
    """A library caller replacing a measure after a figure was resolved gets the change
    the new measure says, not the one remembered for the figure (a reviewer's case:
    a count's measure made positional still said percent)."""
    from dataclasses import replace
    from pathlib import Path

    from ipdocs.base.vocab import measure_kind, register_measure
    from ipdocs.loading import load_report
    from ipdocs.model.changes import resolve
    from ipdocs.sections import full_brief

    report = load_report(Path(__file__).parents[2] / "specs/ningbo-2024.yaml")
    figure = report.figure("courts.closed")
    before = resolve(figure)
    document = full_brief().document(report, "en")
    assert before is not None and before.form == "percent"
    kind = measure_kind(figure.measure)
    register_measure(replace(kind, positions=True))
    try:
        after = resolve(figure)
        assert after is not None and after.form != "percent"
        assert full_brief().document(report, "en") != document
    finally:
        register_measure(kind)
    assert resolve(figure) == before
    assert full_brief().document(report, "en") == document
