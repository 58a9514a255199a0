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


def test_a_partial_years_flow_is_named_with_its_period() -> None:
    """A flow over part of the year says so in the two-year table and the highlights, as
    its own table row does (was the bare label under the columns 2023 and 2024: the first
    three quarters' values read as the years')."""
    from ipdocs.sections.yearly import HighlightsBuilder

    partial = {"label": {"zh": "专利授权量", "en": "Patents granted"}, "value": 50,
               "unit": "件", "as_of": "2024-09-30", "period": "quarters",
               "change": {"previous": 40}}
    report = Report.model_validate({"region": TEXT, "year": 2024, "title": TEXT,
                                    "figures": {"a": partial}})
    for lang, label in (("zh", "专利授权量（前三季度）"),
                        ("en", "Patents granted (the first three quarters)")):
        (table,) = YearOverYearBuilder().build(report, Context(lang))  # type: ignore[arg-type]
        assert isinstance(table, Table)
        assert table.rows[0][0].text == label
        (para,) = HighlightsBuilder().build(report, Context(lang))  # type: ignore[arg-type]
        assert label.removeprefix("Patents").removeprefix("专利") in para.text  # type: ignore[union-attr]
