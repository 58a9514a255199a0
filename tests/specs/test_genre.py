"""The phrase forms of the genre, rendered from a spec that types no statistic
(tests/data/genre.yaml): each example of the issue, verbatim in Chinese, with its English."""

from decimal import Decimal
from functools import cache

import pytest

from ipdocs import load_report
from ipdocs.checks import check_report
from ipdocs.model import Report
from ipdocs.sections.context import Context
from ipdocs.sections.figures import KeyFiguresBuilder, figure_table
from ipdocs.sections.narrative import render
from ipdocs.sections.yearly import YearOverYearBuilder, previous_value
from tests.conftest import ROOT

SPEC = ROOT / "tests" / "data" / "genre.yaml"


@cache
def genre() -> Report:
    """The genre spec, loaded once."""
    return load_report(SPEC)


EXAMPLES = [
    ("percentage points", "发明专利占比达到35.6%，同比提高1.2个百分点。",
     "Invention patents made up 35.6%, up 1.2 percentage points year on year."),
    ("respectively", "发明专利和实用新型授权量同比分别增长12.5%和8.0%。",
     "… were up 12.5% and 8.0% year on year respectively."),
    ("rank, no 位", "专利授权量居全国第二。", "… ranking second in China."),
    ("rank, first", "知识产权保护社会满意度位居全国首位。", "… was first in China."),
    ("rank, consecutive", "商标注册量连续5年居全省第一。",
     "… were first in the province for five consecutive years."),
    ("rank, no position", "综合实力居全国前列。", "… was among the leaders in China."),
    ("from → to", "审查周期由18个月缩短至12个月。", "… was cut from 18 months to 12 months."),
    ("multiple", "每万人口发明专利拥有量是全国平均水平的3.4倍。",
     "… were 3.4 times the national average."),
    ("score", "考核得分提高到85.5分。", "The assessment score rose to 85.5 points."),
    ("per capita", "每万人口高价值发明专利拥有量达到30.1件。",
     "The city held 30.1 high-value invention patents per 10,000 people."),
    ("qualifier before verb", "PCT国际专利申请量约占全国总量的12.3%。",
     "… were about 12.3% of the national total."),
    ("partial year", "前三季度专利授权量5.2万件。",
     "52,000 patents were granted in the first three quarters."),
    ("rank change", "专利综合实力排名由第五位升至第三位。", "… moved up from fifth to third."),
    ("shared rank", "商标注册量、专利授权量均居全国第一。", "… were both the highest in China."),
    ("list, one unit", "分别为4.43万、10.79万、6.5万、3.05万件。",
     "They numbered 44,300, 107,900, 65,000 and 30,500 respectively."),
]


@pytest.mark.parametrize(("index", "example"), list(enumerate(EXAMPLES)),
                         ids=[e[0] for e in EXAMPLES])
def test_each_form_renders_verbatim(index: int, example: tuple[str, str, str]) -> None:
    _, zh, en = example
    paragraph = genre().lead[index]
    assert render(paragraph, genre(), "zh") == zh
    assert render(paragraph, genre(), "en").endswith(en.removeprefix("… "))


def test_spec_passes_strict_check() -> None:
    assert check_report(genre(), strict=True) == []



PERIODS = ROOT / "tests" / "data" / "genre-periods.yaml"


@cache
def periods() -> Report:
    """The spec of periods and bases other than the report's year, loaded once."""
    return load_report(PERIODS)


PERIOD_EXAMPLES = [
    ("interim figure of the next year", "2023年前2个月，全市专利授权量1.2万件。",
     "In the first two months of 2023, 12,000 patents were granted in the city."),
    ("from → to, an earlier time", "审查周期由120天缩短至70天。",
     "The examination cycle was cut from 120 days to 70 days."),
    ("multiple naming its base figure",
     "每万人口发明专利拥有量98.36件，是全国平均水平（11.8件）的8.3倍。",
     "… 98.36 invention patents per 10,000 people, 8.3 times the national average (11.8)."),
    ("multiple alone", "每万人口发明专利拥有量是全国平均水平（11.8件）的8.3倍。",
     "… were 8.3 times the national average (11.8)."),
    ("basis of a year", "专利授权量较2021年增长10.5%。", "Patents granted were up 10.5% on 2021."),
    ("total since a year", "2018年以来，全市累计获得中国专利奖45项。",
     "Since 2018, the city has won 45 China Patent Awards in all."),
]


@pytest.mark.parametrize(("index", "example"), list(enumerate(PERIOD_EXAMPLES)),
                         ids=[e[0] for e in PERIOD_EXAMPLES])
def test_each_period_form_renders_verbatim(index: int, example: tuple[str, str, str]) -> None:
    _, zh, en = example
    paragraph = periods().lead[index]
    assert render(paragraph, periods(), "zh") == zh
    assert render(paragraph, periods(), "en").endswith(en.removeprefix("… "))


def test_period_spec_passes_strict_check() -> None:
    assert check_report(periods(), strict=True) == []


def test_a_basis_follows_the_year() -> None:
    later = periods().model_copy(update={"year": 2023})
    assert render(periods().lead[4], later, "zh") == "专利授权量较2022年增长10.5%。"


def test_a_multiple_is_checked_against_its_figures() -> None:
    figure = periods().figure("patents.multiple").model_copy(update={"value": Decimal("8.5")})
    wrong = periods().model_copy(update={"figures": {**periods().figures,
                                                     "patents.multiple": figure}})
    assert [p.message for p in check_report(wrong)] == [
        "stated 8.5 but 98.36 / 11.8 is 8.336"]


def test_figures_of_other_periods_stay_out_of_year_on_year_displays() -> None:
    report = periods()
    assert [previous_value(f, report.year) for f in report.figures.values()] == [None] * 7
    assert YearOverYearBuilder().build(report, Context("en")) == ()
    panel = KeyFiguresBuilder(("services.cycle", "interim.grants")).build(report, Context("en"))
    cycle, interim = panel[0].items  # type: ignore[attr-defined]
    assert cycle.change == "cut from 120 days"
    assert interim.label == "Patents granted (the first two months of 2023)"


def test_tables_name_the_period_of_another_year() -> None:
    table = figure_table(["interim.grants", "awards.since"], periods(), "zh")
    assert [row[0].text for row in table.rows] == ["专利授权量（2023年前2个月）",
                                                   "中国专利奖（2018年以来）"]
    table = figure_table(["interim.grants", "services.cycle"], periods(), "en")
    assert table.rows[0][0].text == "Patents granted (the first two months of 2023)"
