"""Yearly drafts: new values, recomputed changes, stale figures, review marks, --final."""

import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import SpecError, load_report
from ipdocs.drafting import check_draft, draft, final_problems, read_figures
from ipdocs.sections import Context, HighlightsBuilder, YearOverYearBuilder
from ipdocs.sections.narrative import figure_change, plain_text, render
from tests.conftest import SAMPLE

SPEC = """\
# The 2024 report, for drafting tests.
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024"}
published: 2025-04-26
lead:
  - zh: "专利{up}，{up:change}；案件{down}，{down:change}；调解{fresh}，{fresh:change}。"
    en: "Patents {up}, {up:change}; cases {down}, {down:change}; mediation {fresh}, {fresh:change}."
  - zh: "审查周期{gain}，{gain:change}。商标{kept}。"
    en: "Examination took {gain}, {gain:change}. Trademarks: {kept}."
  - zh: "市委常委会专题研究知识产权工作。"
    en: "The municipal standing committee discussed IP work."
figures:
  up:   # patents granted
    label: {zh: 专利授权量, en: Patents granted}
    value: 71425
    unit: 件
    change: {percent: 11.4}
  down:
    label: {zh: 法院受理案件, en: Cases accepted}
    value: 4013
    unit: 件
    change: {percent: 17.72, verb: 上升}
  fresh:
    label: {zh: 调解机构, en: Mediation bodies}
    value: 0
    unit: 家
    change: {previous: 5}
  gain:
    label: {zh: 审查周期, en: Examination period}
    value: 50
    unit: 天
    change: {increment: -3}
  kept:
    label: {zh: 有效注册商标, en: Valid registered trademarks}
    value: 51.7
    unit: 万件
    kind: stock
    as_of: 2024-12-31
    qualifier: 近
"""

FIGURES = "id,value,unit,note\nup,80000,,yearbook\ndown,3500,,\nfresh,12,,\ngain,45,,\n"


@pytest.fixture
def drafted(tmp_path: Path) -> tuple[Path, str]:
    """The test spec drafted with new figures; the path and the new text."""
    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    figures = tmp_path / "new.csv"
    figures.write_text(FIGURES, encoding="utf-8")
    result = draft(spec, figures)
    out = tmp_path / "y2025.yaml"
    out.write_text(result.text, encoding="utf-8")
    return out, result.text


def test_year_moves_on(drafted: tuple[Path, str]) -> None:
    report = load_report(drafted[0])
    assert report.year == 2025
    assert report.title.zh == "宁波市2025年知识产权发展与保护状况"
    assert report.title.en == "IP in Ningbo, 2025"
    assert report.published is None
    # a stale stock keeps the date its value is of
    assert report.figure("kept").as_of == date(2024, 12, 31)
    assert report.figure("kept").of_year == 2024


def test_rise_decline_zero_base_and_increment(drafted: tuple[Path, str]) -> None:
    report = load_report(drafted[0])
    zh, en = plain_text(report, "zh"), plain_text(report, "en")
    assert "专利80000件，同比增长12.0%" in zh
    assert "Patents 80,000, up 12.0% year on year" in en
    assert "案件3500件，同比下降12.78%" in zh
    assert "cases 3,500, down 12.78% year on year" in en
    assert "调解12家，新增" in zh and "mediation 12, new" in en
    assert "审查周期45天，同比缩短5天" in zh and "took 45 days, cut by 5 days year on year" in en
    up = report.figure("up")
    assert up.change is not None and up.change.previous == Decimal(71425)
    assert up.history == {2024: Decimal(71425)}


def test_missing_value_is_stale_and_marked(drafted: tuple[Path, str]) -> None:
    report = load_report(drafted[0])
    assert report.figure("kept").stale
    assert report.figure("kept").value == Decimal("51.7")
    assert [p.review for p in report.lead] == [True, True, True]  # nothing declared recurring


def test_comments_and_order_survive(drafted: tuple[Path, str]) -> None:
    text = drafted[1]
    assert text.startswith("# The 2024 report, for drafting tests.\nregion:")
    assert "up:   # patents granted" in text
    assert "value: 80000\n" in text and "draft_note: yearbook" in text
    assert text.index("label: {zh: 专利授权量") < text.index("value: 80000")


def test_draft_checks_cleanly(drafted: tuple[Path, str]) -> None:
    assert [p for p in check_draft(drafted[1]) if p.is_error] == []


def test_unknown_ids_are_reported_not_dropped(tmp_path: Path) -> None:
    spec = tmp_path / "y.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    figures = tmp_path / "new.yaml"
    figures.write_text("up: 80000\npatents.typo: 5\nother: {value: 3}\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        draft(spec, figures)
    lines = caught.value.report()
    assert "new.yaml:2" in lines and "patents.typo: no such figure" in lines
    assert "new.yaml:3" in lines and "other" in lines


@pytest.mark.parametrize(("text", "message"), [
    ("id,value\nup,many\n", "'many' is not a decimal number"),
    ("id,value\nup,1\nup,2\n", "given twice (first at line 2)"),
    ("name,amount\nup,1\n", "needs the columns id and value"),
    ("id,value,colour\nup,1,red\n", "unknown column colour"),
])
def test_bad_figures_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match=re.escape(message)):
        read_figures(path)


def test_unit_change_converts_the_previous_value(tmp_path: Path) -> None:
    spec = tmp_path / "y.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    figures = tmp_path / "f.csv"
    figures.write_text("id,value,unit,qualifier\nkept,530000,件,-\nup,7.9,万件,\n",
                       encoding="utf-8")
    report = load_report_text(tmp_path, draft(spec, figures).text)
    kept = report.figure("kept")
    assert kept.unit == "件" and kept.qualifier is None
    assert kept.history == {2024: Decimal(517000)}
    # last year's 近51.7万件 was approximate: no change is computed from it, it is said
    assert kept.change is not None and kept.review
    assert (kept.change.previous, kept.change.previous_qualifier) == (Decimal(517000), "近")
    assert figure_change(kept, "zh") == "由近517000件增长至530000件"
    up = report.figure("up")
    assert (up.unit, up.history) == ("万件", {2024: Decimal("7.1425")})
    assert up.change is not None and up.change.percent == Decimal("10.6")


def load_report_text(folder: Path, text: str):  # type: ignore[no-untyped-def]
    """Load a spec from text."""
    path = folder / "drafted.yaml"
    path.write_text(text, encoding="utf-8")
    return load_report(path)


def test_final_problems(drafted: tuple[Path, str]) -> None:
    problems = final_problems(load_report(drafted[0]))
    paths = [p.path for p in problems]
    assert ("figures", "kept", "stale") in paths
    assert ("lead", 1, "review") in paths


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line."""
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False)


def test_draft_then_build_end_to_end(tmp_path: Path) -> None:
    figures = tmp_path / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\ncourts.cases,3500\n", encoding="utf-8")
    new = tmp_path / "sample-2025.yaml"
    result = run("draft", str(SAMPLE), str(figures), "-o", str(new))
    assert result.returncode == 0, result.stderr
    assert "stale figures" in result.stdout
    listed = result.stderr.split("stale (", 1)[1]
    assert listed.startswith(f"{len(load_report(new).figures) - 2}):\n  ")
    assert all(len(line) <= 90 for line in listed.splitlines())
    built = run("build", str(new), "-l", "zh", "-f", "docx", "--brief", "summary",
                "-o", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    final = run("build", str(new), "--final", "-o", str(tmp_path / "final"))
    assert final.returncode == 1
    assert "stale: no new value this year" in final.stderr
    assert "marked for review" in final.stderr
    assert not (tmp_path / "final").exists()


def test_draft_command_refuses_unknown_ids(tmp_path: Path) -> None:
    figures = tmp_path / "new.csv"
    figures.write_text("id,value\nnope,1\n", encoding="utf-8")
    result = run("draft", str(SAMPLE), str(figures), "-o", str(tmp_path / "x.yaml"))
    assert result.returncode == 1
    assert "nope: no such figure in the spec" in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_highlights_and_year_over_year(drafted: tuple[Path, str]) -> None:
    report = load_report(drafted[0])
    zh = HighlightsBuilder().build(report, Context("zh"))[0]
    en = HighlightsBuilder().build(report, Context("en"))[0]
    # a count of the draft is stale (kept): no "largest rises" among counts, only what rose
    assert zh.text == ("2025年，专利授权量（同比增长12.0%）实现增长；"  # type: ignore[union-attr]
                       "法院受理案件（同比下降12.78%）有所下降。")
    assert en.text == ("In 2025, patents granted rose by 12.0% year on year. "  # type: ignore[union-attr]
                       "Cases accepted fell by 12.78%.")
    table = YearOverYearBuilder().build(report, Context("en"))[0]
    rows = [[c.text for c in row] for row in table.rows]  # type: ignore[union-attr]
    assert ["Patents granted", "71,425", "80,000", "+12.0%"] in rows
    assert [c.text for c in table.header[0]] == ["Indicator", "2024", "2025", "Change"]  # type: ignore[union-attr]


def test_records(tmp_path: Path) -> None:
    text = SPEC.replace("    change: {percent: 11.4}\n",
                        "    change: {percent: 11.4}\n    history: {2022: 60000, 2023: 64115}\n")
    report = load_report_text(tmp_path, text)
    sentence = HighlightsBuilder().build(report, Context("en"))[0].text  # type: ignore[union-attr]
    assert "record" not in sentence  # two past values prove no record
    complete = text.replace("history: {2022: 60000, 2023: 64115}",
                            "history: {2022: 60000, 2023: 64115}\n    history_since: 2022")
    report = load_report_text(tmp_path, complete)
    sentence = HighlightsBuilder().build(report, Context("en"))[0].text  # type: ignore[union-attr]
    assert "Patents granted reached a record high of 71,425." in sentence


CARRIED = """\
region: {zh: 宁波市, en: Ningbo}
year: 2020
title: {zh: 宁波市2020年知识产权发展与保护状况, en: "IP in Ningbo, 2020"}
lead:
  - zh: "含旧存{old}，新收{new}。"
    en: "Counting {old} pending, {new} received."
figures:
  old: {label: {zh: 旧存案件, en: Cases pending}, value: 512, unit: 件, kind: stock,
        as_of: 2019-12-31}
  new: {label: {zh: 新收案件, en: Cases received}, value: 100, unit: 件}
"""


@pytest.mark.parametrize("given", [False, True])
def test_a_stock_of_the_year_before_keeps_that_year(tmp_path: Path, given: bool) -> None:
    """A stock dated in the year before the report's (旧存 at the end of 2019 in the 2020
    report) is of that year: kept, its mark says 2019 (was †（2020年）, the report's
    year); given a new value, last year's goes into the history under 2019 (was 2020)."""
    spec = tmp_path / "y2020.yaml"
    spec.write_text(CARRIED, encoding="utf-8")
    figures = tmp_path / "new.csv"
    figures.write_text("id,value\nnew,120\n" + ("old,600\n" if given else ""), encoding="utf-8")
    out = tmp_path / "y2021.yaml"
    out.write_text(draft(spec, figures).text, encoding="utf-8")
    report = load_report(out)
    old = report.figure("old")
    if given:
        assert old.history == {2019: Decimal(512)} and old.as_of == date(2020, 12, 31)
        assert "同比增长17.2%" in figure_change(old, "zh")
    else:
        assert old.of_year == 2019
        assert "512件†（2019年）" in plain_text(report, "zh")


def test_a_kept_change_still_compares_with_the_year_it_did(tmp_path: Path) -> None:
    """A stale figure keeps what its change and note said of years: 较{year-1}年 of a 2024
    value is 较2023年 in the 2025 draft (was 较2024年: up 10% on the year it is of), and
    again in the 2026 one; a fresh figure's basis moves with the year."""
    spec = tmp_path / "y2024.yaml"
    spec.write_text(CARRIED.replace("2020", "2024").replace(
        "new: {label", 'new: {change: {percent: 10, basis: {zh: "较{year-1}年", en: '
        '"on {year-1}"}}, note: {zh: "{year}年数据", en: "Data of {year}"}, label'
    ).replace("{new}。", "{new}，{new:change}。").replace("{new} received.",
                                                        "{new} received, {new:change}."),
        encoding="utf-8")
    figures = tmp_path / "none.csv"
    figures.write_text("id,value\nold,600\n", encoding="utf-8")
    for year in (2025, 2026):
        out = tmp_path / f"y{year}.yaml"
        out.write_text(draft(spec, figures).text, encoding="utf-8")
        report = load_report(out)
        assert "较2023年增长10%†（2024年）" in plain_text(report, "zh")
        assert "up 10% on 2023† (2024)" in plain_text(report, "en")
        note = report.figure("new").note
        assert note is not None and render(note, report, "zh") == "2024年数据"
        spec = out


def test_a_stock_kept_a_year_then_given_a_value_is_dated_in_the_new_year(
        tmp_path: Path) -> None:
    """A stock kept (stale) in the 2025 draft and given a value in the 2026 one is at the
    end of 2026 (was 2025: its row read 有效商标（截至2025年底） over the 2026 value)."""
    spec = tmp_path / "y2024.yaml"
    spec.write_text(CARRIED.replace("2020", "2024").replace("as_of: 2019-12-31", "as_of: "
                                                            "2024-12-31"), encoding="utf-8")
    for year, given in ((2025, "new,120\n"), (2026, "new,130\nold,600\n")):
        figures = tmp_path / f"v{year}.csv"
        figures.write_text("id,value\n" + given, encoding="utf-8")
        out = tmp_path / f"y{year}.yaml"
        out.write_text(draft(spec, figures).text, encoding="utf-8")
        spec = out
    old = load_report(spec).figure("old")
    assert not old.stale and old.as_of == date(2026, 12, 31)
    assert old.history == {2024: Decimal(512)}
