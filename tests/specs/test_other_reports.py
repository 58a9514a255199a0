"""Two more published reports of the genre as specs (Guangzhou 2023 and Shanghai 2022,
partial: what could be retrieved): their Chinese text renders the golden text exactly from
figures, with no statistic typed into the prose; they pass the strict check; every output
builds."""

import re
from functools import cache
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.checks import check_report
from ipdocs.model import Report
from ipdocs.sections import full_brief
from ipdocs.sections.narrative import render
from ipdocs.themes import load_theme
from tests.conftest import ROOT, SPECS

REPORTS = ["guangzhou-2023", "shanghai-2022"]


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
