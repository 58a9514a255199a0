"""Narrative rendering: placeholders become localised figures in each language."""

from collections.abc import Callable
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.base.problems import SpecError
from ipdocs.model import Report, Text
from ipdocs.sections.narrative import Run, bind, plain_text, render, render_runs
from tests.conftest import MINIMAL

FIGURES = """\
  perf.rank: {label: {zh: 排名, en: Rank}, value: 2, unit: 名, kind: rank}
  perf.years: {label: {zh: 年数, en: Years}, value: 4, unit: 年, numerals: hanzi}
  customs.value:
    label: {zh: 案值, en: Value}
    value: 6517.1
    unit: 万元
    rank: {position: 2, scope: {zh: 全国海关, en: "among China's customs"}}
  cycle: {label: {zh: 周期, en: Cycle}, value: 3, unit: 个月, qualifier: 左右,
          change: {previous: 22}}
  hv: {label: {zh: 高价值, en: HV}, value: 22.93, unit: 件, kind: stock,
       per: {zh: 每万人, en: "per 10,000 people"}, change: {percent: 22.8}}
  convert: {label: {zh: 转化, en: Converted}, value: 799, unit: 件,
            change: {percent: 71.8, verb: 增长了,
                     basis: {zh: 比专项行动之前, en: "on the level before the campaign"}}}
  gain: {label: {zh: 增量, en: Gain}, value: 100, unit: 件, change: {previous: 90.7,
         show: increment}}
  fresh: {label: {zh: 新, en: New}, value: 5, unit: 件, change: {previous: 0}}
  computed: {label: {zh: 算, en: Computed}, value: 80, unit: 件,
             change: {previous: 100, digits: 2}}
  both: {label: {zh: 收案, en: Received}, value: 3176, unit: 件,
         change: {percent: 63, increment: 1231}}
  low: {label: {zh: 每万人口, en: Per 10k}, value: 3, unit: 件, kind: stock,
        per: {zh: 每万人口, en: "per 10,000 people"}}
  raised: {label: {zh: 每万人口, en: Per 10k}, value: 8.24, unit: 件, kind: stock,
           per: {zh: 每万人口, en: "per 10,000 people"},
           change: {percent: 19.94, increment: 1.37, increment_verb: 提高}}
"""


@pytest.fixture
def report(write_spec: Callable[..., Path]) -> Report:
    """The minimal spec plus figures of every shape."""
    return load_report(write_spec(MINIMAL + FIGURES))


LEAD = "Then, "
"""What the English of a test text follows: placeholders are tested inside a sentence (a
sentence's first letter is a capital: see test_a_sentence_opening_placeholder_...)."""


def text(report: Report, zh: str, en: str) -> tuple[str, str]:
    """Render a bilingual text in both languages (the English inside a sentence)."""
    from ipdocs.model import Text

    t = Text(zh=zh, en=LEAD + en)
    return render(t, report, "zh"), render(t, report, "en").removeprefix(LEAD)


@pytest.mark.parametrize(("zh", "en", "want_zh", "want_en"), [
    ("{patents.grants}", "{patents.grants}", "71425件", "71,425"),
    ("{patents.grants:change}", "{patents.grants:change}", "同比增长11.4%",
     "up 11.4% year on year"),
    ("{patents.grants:number}", "{patents.grants:number}", "71425", "71,425"),
    ("{patents.grants:label}", "{patents.grants:label}", "专利授权量", "Patents granted"),
    ("{perf.rank}", "{perf.rank}", "第二名", "second"),
    ("连续{perf.years}", "for {perf.years}", "连续四年", "for four years"),
    ("{customs.value:rank}", "{customs.value:rank}", "居全国海关第二位",
     "ranking second among China's customs"),
    ("由{cycle:previous}缩短至{cycle}", "from {cycle:previous} to {cycle}",
     "由22个月缩短至3个月左右", "from 22 months to about 3 months"),
    ("{hv}", "{hv}", "每万人22.93件", "22.93 per 10,000 people"),
    ("{convert:change}", "{convert:change}", "比专项行动之前增长了71.8%",
     "up 71.8% on the level before the campaign"),
    ("{gain:change}", "{gain:change}", "同比增长9.3件", "up 9.3 year on year"),
    ("{fresh:change}", "{fresh:change}", "新增", "new"),
    ("{computed:change}", "{computed:change}", "同比下降20.00%", "down 20.00% year on year"),
    ("{year}年与{year-1}年", "{year} and {year-1}", "2024年与2023年", "2024 and 2023"),
    ("{fresh:words}个", "{fresh:words} centres", "5个", "five centres"),
    ("{low:words}", "{low:words}", "3", "3"),  # per capita: a measure, in figures
    ("{gain:words}件", "{gain:words} cases", "100件", "100 cases"),
    ("{hv:words}", "{hv:words}", "22.93", "22.93"),
    ("{cycle:words}", "{cycle:words}", "3", "3"),  # a duration stays in digits: 3 months
    # an increment said apart from the percent: 增加 for a count, no basis of its own
    ("收案数量{both:increment}，{both:change}", "{both:increment} ({both:change})",
     "收案数量增加1231件，同比增长63%", "up 1,231 (up 63% year on year)"),
    ("{raised:change}，较2017年底{raised:increment}", "{raised:change} and {raised:increment}",
     "同比增长19.94%，较2017年底提高1.37件", "up 19.94% year on year and up 1.37"),
    ("{computed:increment}", "{computed:increment}", "减少20件", "down 20"),  # from previous
])
def test_render(report: Report, zh: str, en: str, want_zh: str, want_en: str) -> None:
    assert text(report, zh, en) == (want_zh, want_en)


def test_a_sentence_opening_placeholder_starts_with_a_capital(report: Report) -> None:
    from ipdocs.model import Text

    t = Text(zh="{fresh:words}个。{fresh:words}个", en="{fresh:words} centres. **{fresh:words}** "
                                                       "more; {fresh:words} in all.")
    assert render(t, report, "en") == "Five centres. Five more; five in all."  # ** is emphasis
    assert render(t, report, "zh") == "5个。5个"


def test_runs_mark_figures_and_emphasis(report: Report) -> None:
    runs = render_runs("**突出高位引领。**专利{patents.grants}", report, "zh")
    assert runs == [Run("突出高位引领。", True), Run("专利"),
                    Run("71425件", False, "patents.grants", "value")]


def test_plain_text(report: Report) -> None:
    assert plain_text(report, "zh") == (
        "2024年，全市专利授权量71425件，同比增长11.4%。\n"
        "# 知识产权创造\n"
        "其中，发明专利授权量12593件。\n")
    assert plain_text(report, "en").startswith("In 2024, 71,425 patents were granted, up 11.4%")


def test_one_figure_change_follows_everywhere(write_spec: Callable[..., Path]) -> None:
    changed = load_report(write_spec(MINIMAL.replace("value: 71425", "value: 80000")
                                     .replace("percent: 11.4", "percent: -2.5")))
    zh, en = plain_text(changed, "zh"), plain_text(changed, "en")
    assert "80000件，同比下降2.5%" in zh
    assert "80,000 patents were granted, down 2.5% year on year" in en



def test_ranks_that_differ_are_said_one_by_one(report: Report) -> None:
    text = Text(zh="{perf.rank,customs.value:rank}", en="{perf.rank,customs.value:rank}")
    rank = report.figures["customs.value"].rank
    figures = {**report.figures,
               "perf.rank": report.figures["perf.rank"].model_copy(update={"rank": rank})}
    both = report.model_copy(update={"figures": figures})
    assert render(text, both, "zh") == "居全国海关第二名和居全国海关第二位"


def test_a_list_names_one_unit(write_spec: Callable[..., Path]) -> None:
    spec = MINIMAL.replace("lead:\n", "lead:\n  - {zh: '{a,b:list}', en: '{a,b:list}'}\n")
    spec += """\
  a: {label: {zh: 甲, en: A}, value: 1, unit: 件}
  b: {label: {zh: 乙, en: B}, value: 2, unit: 项}
"""
    with pytest.raises(SpecError, match="a list says one unit once"):
        load_report(write_spec(spec))


MONEY = """\
  a: {label: {zh: 甲, en: A}, value: 12, unit: 亿元}
  b: {label: {zh: 乙, en: B}, value: "3.4", unit: 亿元, qualifier: 超}
  c: {label: {zh: 丙, en: C}, value: "0.5", unit: 亿元}
"""


@pytest.mark.parametrize(("ids", "zh", "en"), [
    ("a,b,c", "12亿、超3.4亿、0.5亿元", "RMB 1.2 billion, more than 340 million and 50 million"),
    ("a,c", "12亿、0.5亿元", "RMB 1.2 billion and 50 million"),
])
def test_a_list_of_money_says_its_currency_once(write_spec: Callable[..., Path], ids: str,
                                                zh: str, en: str) -> None:
    """As the Chinese says the unit once, the English list says the currency once, before
    the first amount (was RMB before each); every digit and qualifier stays."""
    spec = MINIMAL.replace("lead:\n", f"lead:\n  - {{zh: '{{{ids}:list}}', en: "
                                      f"'{{{ids}:list}}'}}\n") + MONEY
    report = load_report(write_spec(spec))
    assert render(report.lead[0], report, "zh") == zh
    assert render(report.lead[0], report, "en") == en


def test_a_base_is_rendered_once(write_spec: Callable[..., Path]) -> None:
    """A base's placeholders are rendered once: its literal braces stay braces, whether the
    report was bound before (as a brief does) or not."""
    spec = MINIMAL.replace("lead:\n", "lead:\n  - {zh: '{m}', en: '{m}'}\n") + """\
  n: {label: {zh: 甲, en: A}, value: 2, unit: 件}
  m: {label: {zh: 倍数, en: Multiple}, value: 3, unit: 倍,
      base: {zh: "{{n}}（{n}）", en: "{{n}} ({n})"}}
"""
    report = load_report(write_spec(spec))
    for spec_report in (report, bind(report), bind(bind(report))):
        assert render(spec_report.lead[0], spec_report, "zh") == "是{n}（2件）的3倍"
        assert render(spec_report.lead[0], spec_report, "en") == "3 times {n} (2)"


def test_ranks_said_alike_in_one_language_are_said_once_in_it(report: Report) -> None:
    """Chinese words differ (第二名, 第二位): Chinese says each; English, whose statements
    are the same, says the rank once for both."""
    text = Text(zh="{perf.rank,customs.value:rank}", en="{perf.rank,customs.value:rank}")
    rank = report.figures["customs.value"].rank
    figures = {**report.figures,
               "perf.rank": report.figures["perf.rank"].model_copy(update={"rank": rank})}
    both = report.model_copy(update={"figures": figures})
    english = render(text, both, "en")
    assert render(text, both, "zh") == "居全国海关第二名和居全国海关第二位"
    assert english.count("second") == 1 and " and " not in english


def test_placeholders_are_remembered_per_report_object(sample: Report) -> None:
    """A placeholder rendered for one report is not given for another (another figure
    value), and the registered languages changing forgets them all."""
    from decimal import Decimal

    from ipdocs.i18n.locales import _forget_cached
    from ipdocs.model.placeholders import FigureRef
    from ipdocs.sections import narrative
    from ipdocs.sections.narrative import render_reference

    ref = FigureRef("patents.grants", "number")
    assert render_reference(ref, sample, "en") == "71,425"
    assert render_reference(ref, sample, "en") == "71,425"
    figure = sample.figures["patents.grants"]
    other = sample.model_copy(update={"figures": {
        **sample.figures, "patents.grants": figure.model_copy(update={"value": Decimal(9)})}})
    assert render_reference(ref, other, "en") == "9"
    assert render_reference(ref, sample, "zh") == "71425"
    assert narrative._RENDERED
    _forget_cached()
    assert not narrative._RENDERED


def test_placeholders_are_remembered_for_the_last_few_reports_only(sample: Report) -> None:
    """However few placeholders each report has, a process building many reports keeps
    the rendered placeholders (and so the reports) of the last ``RENDERED_KEPT`` only."""
    from decimal import Decimal

    from ipdocs.model.placeholders import FigureRef
    from ipdocs.sections import narrative
    from ipdocs.sections.narrative import RENDERED_KEPT, render_reference

    ref = FigureRef("patents.grants", "number")
    figure = sample.figures["patents.grants"]
    reports = [sample.model_copy(update={"figures": {
        **sample.figures, "patents.grants": figure.model_copy(update={"value": Decimal(n)})}})
        for n in range(1, RENDERED_KEPT + 6)]
    for n, report in enumerate(reports, 1):
        assert render_reference(ref, report, "en") == str(n)
    held = [objects[0] for objects, _ in narrative._RENDERED.values()]
    assert len(held) == RENDERED_KEPT
    assert all(any(report is last for last in held) for report in reports[-RENDERED_KEPT:])


def test_a_report_is_bound_once(sample: Report) -> None:
    bound = bind(sample)
    assert bind(sample) is bound and bind(bound) is bound
    again = load_report(Path(__file__).parents[1] / "data" / "sample.yaml")
    assert bind(again) is not bound and bind(again) == bound


def test_a_language_registered_again_says_its_new_words(tmp_path: Path) -> None:
    """What a process remembers of rendered text, fixed words and charsets is forgotten
    when a language is registered again with other words (the same code, the same report
    object, the same text rendered before) and when it is forgotten: each rendering says
    the words registered then, and the report's charset holds their characters."""
    import shutil

    from ipdocs.i18n import forget_locale, register_locale, word
    from ipdocs.sections.brief import report_charset
    from tests.conftest import ROOT, SAMPLE

    locales = ROOT / "tests" / "data" / "locales"
    for name in ("zh-Hant.yaml", "words.zh-Hant.yaml"):
        shutil.copy(locales / name, tmp_path / name)
    words = tmp_path / "words.zh-Hant.yaml"
    first = words.read_text("utf-8")
    assert "year_on_year: 同比\n" in first
    report = load_report(SAMPLE)
    lead = report.lead[0]
    chinese = render(lead, report, "zh")
    assert "同比增长" in chinese and "龘" not in report_charset(report)
    try:
        register_locale(tmp_path / "zh-Hant.yaml")
        assert render(lead, report, "zh-Hant") == chinese  # the zh text, its words alike
        words.write_text(first.replace("year_on_year: 同比\n", "year_on_year: 龘比\n"), "utf-8")
        register_locale(tmp_path / "zh-Hant.yaml")
        assert word("year_on_year", "zh-Hant") == "龘比"
        assert render(lead, report, "zh-Hant") == chinese.replace("同比", "龘比")
        assert "龘" in report_charset(report)
        assert render(lead, report, "zh") == chinese
    finally:
        forget_locale("zh-Hant")
    assert render(lead, report, "zh") == chinese and "龘" not in report_charset(report)
