"""More published reports of the genre as specs, partial (what could be retrieved): two cities
(Guangzhou 2023, Shanghai 2022), a court (the Supreme People's Court's IP Court, 2020) and a
province (Hubei's patent statistics report, 2018). Their Chinese text renders the golden text
exactly from figures, with no statistic typed into the prose; they pass the strict check;
every output builds, in every language, layout and format, full and summary."""

import re
from functools import cache
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.checks import check_report
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief
from ipdocs.sections.narrative import render
from ipdocs.themes import load_theme
from tests.conftest import ROOT, SPECS

REPORTS = ["guangzhou-2023", "shanghai-2022", "spc-ip-court-2020", "hubei-2018"]
ISSUERS = ["spc-ip-court-2020", "hubei-2018"]
"""The reports of issuers other than a city: built in every format and layout."""


@cache
def report(name: str) -> Report:
    """A spec, loaded once."""
    return load_report(SPECS / f"{name}.yaml")


def paragraphs(spec: Report) -> list[str]:
    """Every paragraph of the narrative, rendered in Chinese, in reading order."""
    texts = [*spec.lead, *(p for s in spec.walk() for p in s.paragraphs)]
    return [render(p, spec, "zh").replace("**", "") for p in texts]


@pytest.mark.parametrize("name", REPORTS)
def test_golden_chinese_text(name: str) -> None:
    golden = (ROOT / "tests" / "data" / f"{name}.zh.golden.txt").read_text(encoding="utf-8")
    heading = re.compile(r"[一二三四五六七八九十]+、.*")
    lines = [line for line in golden.splitlines() if not heading.fullmatch(line)]
    assert paragraphs(report(name)) == lines


@pytest.mark.parametrize("name", REPORTS)
def test_strict_check_passes(name: str) -> None:
    assert check_report(report(name), strict=True) == []


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize(("lang", "fmt"), [("zh", "pdf"), ("en", "pdf"), ("zh-en", "pdf"),
                                           ("zh", "docx"), ("en", "docx"), ("zh-en", "docx")])
def test_every_output_builds(name: str, lang: str, fmt: str, tmp_path: Path) -> None:
    recipe = Recipe(full_brief(), load_theme("briefing"))
    data = render_output(report(name), recipe, Output(tmp_path / f"x.{fmt}", lang))  # type: ignore[arg-type]
    assert len(data) > 1000


@pytest.mark.parametrize("name", ISSUERS)
@pytest.mark.parametrize("brief", ["full", "summary"])
@pytest.mark.parametrize(("lang", "layout"), [("zh", "interleaved"), ("en", "interleaved"),
                                              ("zh-en", "interleaved"), ("zh-en", "parallel")])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_every_format_builds(name: str, brief: str, lang: str, layout: str, fmt: str,
                             tmp_path: Path) -> None:
    chosen = full_brief() if brief == "full" else summary_brief()
    recipe = Recipe(chosen, load_theme("briefing"), layout=layout)  # type: ignore[arg-type]
    data = render_output(report(name), recipe, Output(tmp_path / f"x.{fmt}", lang))  # type: ignore[arg-type]
    assert len(data) > 1000


def test_the_court_says_increments_apart_from_percents() -> None:
    """增加1231件，同比增长63%: the increment and the percent of one change, each in its place."""
    text = paragraphs(report("spc-ip-court-2020"))[1]
    assert "收案数量增加1231件，同比增长63%；结案数量增加1354件，同比增长95%。" in text
    english = render(list(report("spc-ip-court-2020").walk())[2].paragraphs[0],
                     report("spc-ip-court-2020"), "en")
    assert "cases received were up 1,231 (up 63% year on year)" in english


def test_the_province_says_its_increment_with_its_own_verb() -> None:
    text = paragraphs(report("hubei-2018"))[2]
    assert "同比增长19.94%，较2017年底提高1.37件。" in text
