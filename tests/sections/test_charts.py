"""The chart builder: bar labels say what the text says, titles fit the data."""

from typing import Any

import pytest

from ipdocs.doc import Chart
from ipdocs.model import Report
from ipdocs.sections import ChartBuilder, Context

LABEL = {"zh": "x", "en": "x"}


def report(figures: dict[str, dict[str, Any]]) -> Report:
    """A report of ``figures`` (counts in 件), each labelled after its id."""
    full = {fid: {"label": {"zh": fid, "en": fid}, "unit": "件", **f}
            for fid, f in figures.items()}
    return Report.model_validate({"region": LABEL, "year": 2024, "title": LABEL,
                                  "figures": full})


def growth(spec: Report, lang: str) -> Chart:
    """The growth chart of every figure."""
    chart = ChartBuilder("growth").build(spec, Context(lang))[0]  # type: ignore[arg-type]
    assert isinstance(chart, Chart)
    return chart


RISES = {"a": {"value": 10, "change": {"percent": 193, "qualifier": "以上"}},
         "b": {"value": 10, "change": {"percent": 20}},
         "c": {"value": 10, "change": {"percent": 5}}}


@pytest.mark.parametrize(("lang", "label"), [("zh", "+193%以上"), ("en", "+193% or more")])
def test_a_bar_keeps_its_changes_qualifier(lang: str, label: str) -> None:
    chart = growth(report(RISES), lang)
    assert chart.series[0].labels[0] == label
    assert chart.series[0].labels[1:] == ("+20%", "+5%")


def test_a_qualified_label_keeps_its_words_in_word() -> None:
    """The DOCX chart shows a label by its number format: a qualified one is the
    label's own text, the others follow their value."""
    formats = growth(report(RISES), "zh").series[0].formats
    assert formats[0] == '"+193%以上";"+193%以上";"+193%以上"'
    assert formats[1] == '+0"%";\u22120"%";0"%"'


def test_title_over_rises_says_growth() -> None:
    assert growth(report(RISES), "zh").title == "主要数据：同比增速"


@pytest.mark.parametrize(("lang", "title"), [("zh", "主要数据：同比变化"),
                                             ("en", "Year-on-year change: Key figures")])
def test_title_over_declines_says_change(lang: str, title: str) -> None:
    falls = {**RISES, "c": {"value": 10, "change": {"percent": -5}}}
    assert growth(report(falls), lang).title == title


def test_a_given_title_stands() -> None:
    falls = {**RISES, "c": {"value": 10, "change": {"percent": -5}}}
    built = ChartBuilder("growth", title_zh="增速").build(report(falls), Context("zh"))
    assert built[0].title == "增速"  # type: ignore[union-attr]


def test_a_title_by_language_stands_before_the_older_fields() -> None:
    falls = {**RISES, "c": {"value": 10, "change": {"percent": -5}}}
    chart = ChartBuilder("growth", title_en="Old", title={"en": "Growth", "zh": "增速"})
    assert chart.build(report(falls), Context("en"))[0].title == "Growth"  # type: ignore[union-attr]
    assert chart.build(report(falls), Context("zh"))[0].title == "增速"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "start", "item"), [
    ("en", "Bar chart, largest rise first. ", "a: +193% or more; b: +20%"),
    ("zh", "条形图，按增幅由高到低排列。", "a：+193%以上；b：+20%"),
])
def test_alternative_text_says_every_bar(lang: str, start: str, item: str) -> None:
    chart = growth(report({**RISES, "c": {"value": 10, "change": {"percent": -5}}}), lang)
    assert chart.alt.startswith(start + chart.title)
    assert item in chart.alt
    assert all(label in chart.alt for label in chart.series[0].labels)
    assert chart.alt.index("−5%") > chart.alt.index("+20%")  # in the chart's order


def chart_of(kind: str, spec: Report, lang: str) -> Chart:
    """The chart of ``kind`` of every figure of ``spec``."""
    figures = tuple(spec.figures)
    chart = ChartBuilder(kind, figures=figures).build(spec, Context(lang))[0]  # type: ignore[arg-type]
    assert isinstance(chart, Chart)
    return chart


VALUES = {"a": {"value": "610.93", "unit": "亿元", "qualifier": "超"},
          "b": {"value": "45.6", "unit": "亿元",
                "per": {"zh": "每万人", "en": "per 10,000 people"}},
          "c": {"value": "12", "unit": "亿元"}}


@pytest.mark.parametrize(("lang", "labels", "formats"), [
    ("zh", ("超610.93亿元", "每万人45.6亿元", "12亿元"),
     ('"超610.93亿元";"超610.93亿元";"超610.93亿元"',
      '"每万人45.6亿元";"每万人45.6亿元";"每万人45.6亿元"', '0"亿元"')),
    ("en", ("more than RMB 61.093 billion", "RMB 4.56 billion per 10,000 people",
            "RMB 1.2 billion"),
     ('"more than RMB 61.093 billion";"more than RMB 61.093 billion";"more than RMB 61.093 '
      'billion"', '"RMB 4.56 billion per 10,000 people";"RMB 4.56 billion per 10,000 '
      'people";"RMB 4.56 billion per 10,000 people"', '"RMB "#,##0.0,,," billion"')),
])
def test_a_bar_label_says_its_qualifier_and_basis_in_every_writer(
        lang: str, labels: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """The PDF and web page draw the labels, the DOCX shows the formats: a qualified or
    per-capita value is shown by its label's own words (was the bare number in the DOCX:
    610.93亿元 where the text says 超610.93亿元); a plain one follows its value."""
    series = chart_of("bar", report(VALUES), lang).series[0]
    assert series.labels == labels
    assert series.formats == formats


@pytest.mark.parametrize(("lang", "now"), [("zh", "17.1万余件"), ("en", "more than 171,000")])
def test_this_years_bar_over_years_keeps_its_qualifier(lang: str, now: str) -> None:
    """Only this year's value is qualified (余 / more than); past values are as recorded
    (was: this year's bar stated an exact 17.1万件 in every writer)."""
    spec = report({"a": {"value": "17.1", "unit": "万件", "qualifier": "余",
                         "history": {2023: "16"}}})
    series = chart_of("years", spec, lang).series[0]
    assert series.labels[-1] == now and series.formats[-1].startswith(f'"{now}"')
    assert "余" not in series.labels[0] and "more" not in series.labels[0]


@pytest.mark.parametrize(("lang", "labels"), [
    ("zh", ("每万人18.67件", "每万人22.93件")),
    ("en", ("18.67 per 10,000 people", "22.93 per 10,000 people"))])
def test_bars_over_years_say_their_per_capita_basis(lang: str,
                                                    labels: tuple[str, ...]) -> None:
    """A per-capita figure over the years is stated per capita, as the text and the bar
    chart state it (was 22.93件 / 22.93: a total of 22.93)."""
    spec = report({"a": {"value": "22.93", "kind": "stock", "history": {2023: "18.67"},
                         "per": {"zh": "每万人", "en": "per 10,000 people"}}})
    series = chart_of("years", spec, lang).series[0]
    assert series.labels == labels
    assert series.formats[-1].startswith(f'"{labels[-1]}"')


@pytest.mark.parametrize(("lang", "labels"), [("zh", ("第三位", "第二位")),
                                               ("en", ("third", "second"))])
def test_a_rank_over_the_years_states_its_positions(lang: str,
                                                    labels: tuple[str, ...]) -> None:
    """A rank figure's bars say its positions as the text does (was 3位, 2位: three and two
    people in Chinese; 3, 2 in English)."""
    spec = report({"a": {"value": 2, "unit": "位", "kind": "rank", "history": {2023: 3}}})
    series = chart_of("years", spec, lang).series[0]
    assert series.labels == labels
    assert all(f.startswith(f'"{label}"') for f, label in zip(series.formats, labels,
                                                                strict=True))


PARTIAL = {"as_of": "2024-09-30", "period": "quarters"}


@pytest.mark.parametrize(("lang", "label"), [("zh", "a（前三季度）"),
                                              ("en", "a (the first three quarters)")])
def test_a_partial_years_flow_is_named_with_its_period_in_every_chart(lang: str,
                                                                       label: str) -> None:
    """A flow over part of the year is charted under its label with the period, as its
    table row names it (was the bare label, under the years' categories: the first three
    quarters' value read as the year's)."""
    spec = report({"a": {"value": 50, **PARTIAL, "change": {"percent": 10},
                         "history": {2023: 45}},
                   "b": {"value": 60, "change": {"percent": 5}},
                   "c": {"value": 70, "change": {"percent": 1}}})
    assert chart_of("years", spec, lang).title == label
    assert label in chart_of("growth", spec, lang).categories
    assert label in chart_of("bar", spec, lang).categories
