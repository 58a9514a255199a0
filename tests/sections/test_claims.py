"""Every claim generated prose makes needs its evidence: with too little data, the claim
is not made (specs/README.md, Claims)."""

from typing import Any

import pytest

from ipdocs.base.problems import SpecError
from ipdocs.model import Report
from ipdocs.sections import ChartBuilder, Context, HighlightsBuilder

LABEL = {"zh": "x", "en": "x"}


def report(figures: dict[str, dict[str, Any]], year: int = 2024) -> Report:
    """A report of ``figures``, each labelled after its id."""
    full = {fid: {"label": {"zh": fid, "en": fid}, "unit": "件", **f}
            for fid, f in figures.items()}
    return Report.model_validate({"region": LABEL, "year": year, "title": LABEL,
                                  "figures": full})


def said(spec: Report, lang: str = "en") -> str:
    """The highlights paragraph."""
    blocks = HighlightsBuilder().build(spec, Context(lang))  # type: ignore[arg-type]
    return blocks[0].text if blocks else ""  # type: ignore[union-attr]


COUNTS = {"a": {"value": 10, "change": {"percent": 30}},
          "b": {"value": 10, "change": {"percent": 20}},
          "c": {"value": 10, "change": {"percent": -5}}}


def test_largest_rises_among_fresh_figures_of_one_kind() -> None:
    assert said(report(COUNTS)) == ("In 2024, the largest year-on-year rises were in a "
                                    "(up 30%) and b (up 20%). C fell by 5%.")
    assert "增幅居前" in said(report(COUNTS), "zh")


def test_no_superlative_when_a_figure_of_that_kind_is_stale() -> None:
    stale = {**COUNTS, "d": {"value": 10, "stale": True, "change": {"percent": 90}}}
    text = said(report(stale))
    assert "largest" not in text and " d " not in f" {text} "
    assert text == "In 2024, a rose by 30% and b by 20% year on year. C fell by 5%."
    assert "增幅居前" not in said(report(stale), "zh")


def test_unlike_measures_are_not_ranked_together() -> None:
    mixed = {**COUNTS,
             "rate": {"value": 50, "unit": "%", "change": {"percent": 80, "form": "percent"}},
             "money": {"value": 5, "unit": "亿元", "change": {"percent": 260}},
             "rank": {"value": 2, "unit": "位", "kind": "rank", "change": {"previous": 9}}}
    text = said(report(mixed))
    for other in ("rate", "money", "rank"):
        assert f" {other} " not in f" {text} "


def test_a_record_needs_a_complete_history_or_the_reports_word() -> None:
    two = {"a": {"value": 99, "history": {2022: 50, 2023: 60}}}
    assert "record" not in said(report(two))
    complete = {"a": {"value": 99, "history": {2022: 50, 2023: 60}, "history_since": 2022}}
    assert said(report(complete)) == "In 2024, a reached a record high of 99."
    assert "创历史新高" in said(report(complete), "zh")
    lower = {"a": {"value": 55, "history": {2022: 50, 2023: 60}, "history_since": 2022}}
    assert "record" not in said(report(lower))
    stated = {"a": {"value": 5, "record": True}}
    assert "record high" in said(report(stated))


def test_a_history_declared_complete_must_be() -> None:
    with pytest.raises(SpecError, match="missing: 2021"):
        report({"a": {"value": 99, "history": {2020: 50, 2022: 60, 2023: 70},
                       "history_since": 2020}})


def test_a_growth_chart_needs_three_fresh_changes() -> None:
    two = {k: v for k, v in COUNTS.items() if k != "c"}
    assert ChartBuilder("growth").build(report(two), Context("en")) == ()
    stale = {**two, "c": {"value": 1, "stale": True, "change": {"percent": 5}}}
    assert ChartBuilder("growth").build(report(stale), Context("en")) == ()
    assert ChartBuilder("growth").build(report(COUNTS), Context("en"))


def test_a_record_over_a_history_of_zeros_is_checked_against_them() -> None:
    """A history of zeros counts: 5 after 0 and 0 is a record (was a crash: the zeros were
    dropped and nothing was left to compare), 3 after 0 and 4 is not."""
    from ipdocs.sections.yearly import is_record

    zeros = report({"a": {"value": 5, "history": {2022: 0, 2023: 0}, "history_since": 2022}})
    assert is_record(zeros.figure("a"), 2024)
    below = report({"a": {"value": 3, "history": {2022: 0, 2023: 4}, "history_since": 2022}})
    assert not is_record(below.figure("a"), 2024)
