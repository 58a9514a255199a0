"""Consistency checks: change arithmetic, parts against totals, ranges, history."""

from typing import Any

import pytest

from ipdocs.base.problems import Severity
from ipdocs.checks import check_report
from ipdocs.model import Report

LABEL = {"zh": "x", "en": "x"}


def report(figures: dict[str, dict[str, Any]]) -> Report:
    """A report holding ``figures`` (each with a default label and unit)."""
    full = {fid: {"label": LABEL, "unit": "件", **f} for fid, f in figures.items()}
    return Report.model_validate({"region": LABEL, "year": 2024, "title": LABEL,
                                  "figures": full})


def found(figures: dict[str, dict[str, Any]], strict: bool = False) -> list[tuple[str, str]]:
    """(severity, message) of every problem in a report of ``figures``."""
    return [(p.severity.value, p.message) for p in check_report(report(figures), strict=strict)]


def test_stated_change_within_rounding_is_fine() -> None:
    assert found({"a": {"value": 71425, "change": {"percent": "11.4", "previous": 64115}}}) == []


def test_stated_change_against_previous() -> None:
    problems = found({"a": {"value": 110, "change": {"percent": "12.0", "previous": 100}}})
    assert problems == [("warning", "stated change 12.0% but 100 → 110 is 10.00%")]


def test_stated_increment_against_previous() -> None:
    problems = found({"a": {"value": 110, "change": {"increment": 9, "previous": 100}}})
    assert problems == [("warning", "stated increment 9 but 100 → 110 is 10")]


def test_asserted_figure_makes_errors() -> None:
    problems = found({"a": {"value": 110, "asserted": True,
                            "change": {"percent": "12.0", "previous": 100}}})
    assert problems[0][0] == "error"


def test_strict_makes_errors() -> None:
    problems = found({"a": {"value": 110, "change": {"percent": "12.0", "previous": 100}}},
                     strict=True)
    assert problems[0][0] == "error"


def court_cases(**total: Any) -> dict[str, dict[str, Any]]:
    """The seed's court cases: 3856 + 122 + 26 = 4004 against 4013 in all."""
    return {"cases": {"value": 4013, "parts": ["civil", "criminal", "admin"], **total},
            "civil": {"value": 3856}, "criminal": {"value": 122}, "admin": {"value": 26}}


def test_parts_that_do_not_add_up_are_reported() -> None:
    assert found(court_cases()) == [(
        "warning",
        "parts 3856 + 122 + 26 = 4004 do not add up to the total 4013 (9 unaccounted for)")]


ACKNOWLEDGED = {"zh": "民事、刑事、行政案件之和少于总数，原文如此",
                "en": "the civil, criminal and administrative cases add up to less than the "
                      "total, as published"}


def test_an_acknowledged_discrepancy_passes_the_strict_check() -> None:
    assert found(court_cases(discrepancy=ACKNOWLEDGED), strict=True) == []


def test_an_acknowledged_discrepancy_that_is_none_is_reported() -> None:
    figures = court_cases(discrepancy=ACKNOWLEDGED)
    figures["civil"]["value"] = 3865
    assert found(figures) == [("warning", "a discrepancy is acknowledged but the parts "
                               "3865 + 122 + 26 = 4013 add up to the total 4013: remove it")]


def test_a_discrepancy_needs_parts() -> None:
    with pytest.raises(ValueError, match="give the parts"):
        report({"a": {"value": 1, "discrepancy": ACKNOWLEDGED}})


def test_partial_breakdown_may_fall_short() -> None:
    assert found(court_cases(parts_complete=False)) == []


def test_parts_complete_asserted_is_still_a_warning_unless_asserted() -> None:
    problems = found(court_cases(parts_complete=True, asserted=True))
    assert problems[0][0] == "error"


def test_parts_exceeding_the_total() -> None:
    problems = found({"t": {"value": 10, "parts": ["p"], "parts_complete": False},
                      "p": {"value": 11}})
    assert problems == [("warning", "parts 11 = 11 exceed the total 10")]


def test_parts_compare_across_magnitudes() -> None:
    assert found({"t": {"value": "1.2", "unit": "万件", "parts": ["p", "q"]},
                  "p": {"value": 7000}, "q": {"value": 5000}}) == []


def test_parts_in_a_spec_s_own_unit_compare_across_magnitudes() -> None:
    """A spec's own unit is checked as a shipped one is (it raised KeyError), and the
    total is said in full (12500, not 1.25E+4)."""
    figures = {"t": {"label": LABEL, "value": "1.25", "unit": "万公顷", "parts": ["p"]},
               "p": {"label": LABEL, "value": 2000, "unit": "公顷"}}
    spec = Report.model_validate({"region": LABEL, "year": 2024, "title": LABEL,
                                  "units": {"公顷": {"kind": "area"}}, "figures": figures})
    assert [p.message for p in check_report(spec)] == [
        "parts 2000 = 2000 do not add up to the total 12500 (10500 unaccounted for)"]


def test_parts_in_other_units() -> None:
    problems = found({"t": {"value": 10, "parts": ["p"]}, "p": {"value": 1, "unit": "元"}})
    assert problems == [("warning", "part 'p' is in 元, the total in 件")]


@pytest.mark.parametrize(("figure", "message"), [
    ({"value": -1}, "negative count: -1件"),
    ({"value": 101, "unit": "%"}, "percentage 101% outside 0–100"),
    ({"value": 1, "change": {"percent": -120}}, "a decline of 120% is impossible"),
])
def test_ranges(figure: dict[str, Any], message: str) -> None:
    assert found({"a": figure}) == [("warning", message)]


def test_history_against_previous() -> None:
    problems = found({"a": {"value": 5, "history": {2023: 4, 2025: 1},
                            "change": {"previous": 3}}})
    assert ("warning", "history gives 4 for 2023 but change.previous is 3") in problems
    assert ("warning", "history year 2025 is not before 2024") in problems


def test_problems_carry_paths() -> None:
    problems = check_report(report(court_cases()))
    assert problems[0].path == ("figures", "cases", "parts")
    assert problems[0].severity is Severity.WARNING


def test_a_specs_own_units_are_checked_as_any_other() -> None:
    """Units of the spec's own (台套, 公顷) were looked up among the shipped ones: KeyError."""
    own = Report.model_validate({
        "region": LABEL, "year": 2024, "title": LABEL,
        "units": {"台套": {"kind": "count"},
                  "公顷": {"kind": "area", "words": {"en": ["hectare", "hectares"]}}},
        "figures": {"a": {"label": LABEL, "unit": "台套", "value": -2},
                    "b": {"label": LABEL, "unit": "万公顷", "value": 3, "parts": ["c"],
                          "parts_complete": False},
                    "c": {"label": LABEL, "unit": "公顷", "value": 5}}})
    messages = [p.message for p in check_report(own)]
    assert "negative count: -2台套" in messages
    assert not any("part" in m for m in messages)  # 5 公顷 of 30,000 公顷: a partial sum


def test_a_percent_agreeing_with_its_increment_is_fine() -> None:
    """收案数量增加1231件，同比增长63%: 1231 on 3176 − 1231 = 1945 is 63.29%."""
    assert found({"a": {"value": 3176, "change": {"percent": 63, "increment": 1231}}},
                 strict=True) == []


def test_a_percent_disagreeing_with_its_increment_is_reported() -> None:
    """The court's report: 1354 more on 2787 is 94.49%, printed as 95%."""
    assert found({"a": {"value": 2787, "change": {"percent": 95, "increment": 1354}}}) == [
        ("warning", "stated change 95% but an increment of 1354 on 2787 (previous 1433) is "
                    "94.49%")]


def test_a_decline_is_checked_the_same_way() -> None:
    """80 after a fall of 20 is −20%; −25% is not."""
    assert found({"a": {"value": 80, "change": {"percent": -20, "increment": -20}}}) == []
    assert len(found({"a": {"value": 80, "change": {"percent": -25, "increment": -20}}})) == 1


def test_rounded_values_give_their_rounding() -> None:
    """8.24 after a rise of 1.37 is 19.94% (Hubei); both are rounded to hundredths, so
    19.9% to 20.0% may be stated, 20.2% may not; 17万 is rounded to the 万."""
    rate = {"value": "8.24", "unit": "件"}
    for percent, problems in (("19.94", 0), ("20.0", 0), ("19.8", 0), ("20.2", 1)):
        figure = {**rate, "change": {"percent": percent, "increment": "1.37"}}
        assert len(found({"a": figure})) == problems, percent
    scaled = {"value": 17, "unit": "万件", "change": {"percent": 13, "increment": 2}}
    assert found({"a": scaled}) == []  # 1.5/15.5 = 9.7% … 2.5/14.5 = 17.2%


def test_a_qualified_change_is_not_held_to_its_increment() -> None:
    """近95% states no exact ratio."""
    change = {"percent": 95, "increment": 1354, "qualifier": "近"}
    assert found({"a": {"value": 2787, "change": change}}) == []


def test_an_increment_leaving_no_previous_value() -> None:
    problems = found({"a": {"value": 100, "change": {"percent": 50, "increment": 100}}})
    assert problems == [("warning", "an increment of 100 on 100 leaves a previous value of "
                                    "0: no percent change can be stated on it, but 50% is")]


def test_a_disagreeing_percent_may_be_acknowledged() -> None:
    change = {"percent": 95, "increment": 1354}
    figure = {"value": 2787, "change": change, "discrepancy": ACKNOWLEDGED}
    assert found({"a": figure}, strict=True) == []
    figure["value"] = 2779  # 1354 on 1425 is 95.02%: nothing left to acknowledge
    assert found({"a": figure}) == [("warning", "a discrepancy is acknowledged but the change "
                                                "95% agrees with the increment 1354: remove it")]


def test_a_previous_value_is_checked_by_check_change_instead() -> None:
    change = {"percent": "10.0", "increment": 10, "previous": 100}
    assert found({"a": {"value": 110, "change": change}}) == []
