"""The phrase forms of the genre, rendered from a spec that types no statistic
(tests/data/genre.yaml): each example of the issue, verbatim in Chinese, with its English."""

from functools import cache

import pytest

from ipdocs import load_report
from ipdocs.checks import check_report
from ipdocs.model import Report
from ipdocs.narrative import render
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
    ("shared rank", "商标注册量、专利授权量均居全国第一。", "… were both first in China."),
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

