"""Figures from flat records (a DataFrame's, a query's): dotted columns nest, empty cells
give no field, and the report checks every field as it does a spec's."""

from __future__ import annotations

from decimal import Decimal

import pytest

import ipdocs
from ipdocs.model import Report, figures_from_records

NAN = float("nan")

ROWS = [
    {"id": "patents.grants", "label.zh": "专利授权量", "label.en": "Patents granted",
     "value": 71425.0, "unit": "件", "change.percent": 11.4, "qualifier": NAN},
    {"id": "pledges.amount", "label.zh": "专利质押融资额", "label.en": "Pledge financing",
     "value": 610.93, "unit": "亿元", "change.percent": NAN, "qualifier": None},
]


def _report(figures: dict[str, dict[str, object]]) -> Report:
    return Report.model_validate({"region": {"zh": "宁波市", "en": "Ningbo"}, "year": 2024,
                                  "title": {"zh": "标题", "en": "Title"},
                                  "figures": figures})


def test_records_become_figures() -> None:
    report = _report(figures_from_records(ROWS))
    grants = report.figure("patents.grants")
    assert grants.value == Decimal(71425) and grants.label.en == "Patents granted"
    assert grants.change is not None and grants.change.percent == Decimal("11.4")
    amount = report.figure("pledges.amount")
    assert str(amount.value) == "610.93" and amount.change is None
    assert amount.qualifier is None


def test_a_record_s_mistakes_are_the_report_s() -> None:
    rows = [{**ROWS[0], "unit": "furlong"}, {**ROWS[1], "value": 0.1 + 0.2}]
    with pytest.raises(ipdocs.SpecError) as caught:
        _report(figures_from_records(rows))
    said = str(caught.value)
    assert "figures[patents.grants].unit: unknown unit 'furlong'" in said
    assert "figures[pledges.amount].value: a float (0.30000000000000004)" in said


def test_records_without_ids_or_with_one_twice_are_refused() -> None:
    with pytest.raises(ipdocs.SpecError, match=r"records\[1\]\.id: figure id "
                                               r"'patents.grants' is given twice"):
        figures_from_records([ROWS[0], ROWS[0]])
    with pytest.raises(ipdocs.SpecError, match=r"records\[0\]\.id: a figure's record needs"):
        figures_from_records([{"value": 1}])
