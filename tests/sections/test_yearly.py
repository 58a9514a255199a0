"""Year on year: last year's value said as this year's is (a per-capita basis on both)."""

from ipdocs.doc import Table
from ipdocs.model import Report
from ipdocs.sections.context import Context
from ipdocs.sections.yearly import YearOverYearBuilder

TEXT = {"zh": "x", "en": "x"}


def test_both_years_say_the_per_capita_basis() -> None:
    figure = {"label": {"zh": "每万人口发明专利拥有量", "en": "Invention patents"},
              "value": "11.8", "unit": "件", "kind": "stock", "change": {"previous": "9.4"},
              "per": {"zh": "每万人口", "en": "per 10,000 people"}}
    report = Report.model_validate({"region": TEXT, "year": 2024, "title": TEXT,
                                    "figures": {"a": figure}})
    (table,) = YearOverYearBuilder().build(report, Context("en"))
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0][1:3]] == ["9.4 per 10,000 people",
                                                    "11.8 per 10,000 people"]
