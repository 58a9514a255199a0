"""The Ningbo 2024 spec: the golden Chinese text, the English, the glossary, the checks.

tests/data/ningbo-2024.zh.golden.txt is the seed report repaired by hand (extraction
damage undone, nothing else changed). It is not generated from the spec: rendering the
spec's Chinese narrative must reproduce it character for character.
"""

import re
import shutil
import subprocess
import warnings
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.building import build
from ipdocs.checks import check_report
from ipdocs.loading import load_glossary
from ipdocs.model import Report
from ipdocs.model.placeholders import figure_refs, parse
from ipdocs.model.references import iter_texts
from ipdocs.sections.narrative import plain_text
from ipdocs.writers.columns import is_wide
from ipdocs.writers.pdf.linebreak import NO_END, NO_START, Run, break_lines
from tests.conftest import ROOT, SPECS

SPEC = SPECS / "ningbo-2024.yaml"
GOLDEN = ROOT / "tests" / "data" / "ningbo-2024.zh.golden.txt"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def ningbo() -> Report:
    """The Ningbo spec, loaded once."""
    return load_report(SPEC)


def test_golden_chinese_text_paragraph_by_paragraph() -> None:
    golden = GOLDEN.read_text(encoding="utf-8").splitlines()
    rendered = plain_text(ningbo(), "zh").splitlines()
    for index, (want, got) in enumerate(zip(golden, rendered, strict=False)):
        assert got == want, f"block {index + 1} differs"
    assert len(rendered) == len(golden)


def test_english_has_no_han_characters() -> None:
    english = plain_text(ningbo(), "en")
    found = sorted(set(HAN.findall(english)))
    assert not found, f"Han characters in the English: {''.join(found)}"
    assert "{" not in english and "}" not in english


def test_english_states_every_figure() -> None:
    report = ningbo()
    referenced = {ref.figure for _, text in iter_texts(report.model_dump(exclude={"figures"}))
                  if isinstance(text.get("en"), str) for ref in figure_refs(text["en"])}
    assert set(report.figures) - referenced == set()


def test_figure_labels_in_both_languages() -> None:
    for figure in ningbo().figures.values():
        assert not HAN.search(figure.label.en), figure.id
        assert HAN.search(figure.label.zh), figure.id


ALLOWED_DIGITS = re.compile(
    r"(?:19|20)\d\d年|年\d{1,2}月|“361”|“161工程”|甬优1540|剑网2024|行动2024|超12个月")
"""Numbers that are not statistics: dates, names, a definition (pending >12 months)."""


def test_no_statistic_typed_into_the_chinese() -> None:
    leftovers = []
    for path, text in iter_texts(ningbo().model_dump(exclude={"figures"})):
        zh = text.get("zh")
        if not isinstance(zh, str):
            continue
        literal = "".join(s for s in parse(zh) if isinstance(s, str))
        for match in re.finditer(r"\d[\d.]*", ALLOWED_DIGITS.sub("", literal)):
            leftovers.append(f"{path}: {match.group(0)}")
    assert leftovers == []


def test_strict_check_passes_with_the_court_cases_acknowledged() -> None:
    """The source's court cases do not add up (3856 + 122 + 26 = 4004 against 4013): the
    spec acknowledges it once, so the strict check passes and the table says so."""
    assert check_report(ningbo(), strict=True) == []
    cases = ningbo().figure("courts.cases")
    assert cases.discrepancy is not None and "原文如此" in cases.discrepancy.zh


def test_changing_one_figure_changes_only_its_places() -> None:
    report = ningbo()
    figure = report.figure("patents.grants")
    changed = report.model_copy(update={"figures": {
        **report.figures, "patents.grants": figure.model_copy(update={"value": Decimal(80000)})}})
    for lang, old, new in (("zh", "71425", "80000"), ("en", "71,425", "80,000")):
        before = plain_text(report, lang).splitlines()
        after = plain_text(changed, lang).splitlines()
        differing = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert differing
        assert all(a == b.replace(old, new) for b, a in differing)


def test_glossary_is_consistent() -> None:
    glossary = load_glossary(SPECS / "glossary.yaml")
    chinese = [t.zh for t in glossary.terms]
    assert len(chinese) == len(set(chinese)), "a term is listed twice"
    assert all(not HAN.search(t.en) for t in glossary.terms)


def test_figure_labels_draw_on_the_glossary() -> None:
    glossary = load_glossary(SPECS / "glossary.yaml")
    mismatches = []
    for figure in ningbo().figures.values():
        for term in glossary.terms:
            if "…" in term.en or len(term.zh) < 2:
                continue
            forms = [term.en.lower(), *([term.short.lower()] if term.short else [])]
            if term.zh in figure.label.zh and not any(f in figure.label.en.lower()
                                                      for f in forms):
                mismatches.append(f"{figure.id}: {term.zh} → {term.en!r} not in "
                                  f"{figure.label.en!r}")
    assert mismatches == []


def mono(style: int, text: str) -> float:
    """Han characters one em wide, others half."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


@pytest.mark.parametrize("measure", [10, 17, 28])
def test_kinsoku_over_the_whole_report(measure: int) -> None:
    bad = []
    for paragraph in plain_text(ningbo(), "zh").splitlines():
        text = paragraph.lstrip("# ")
        lines = break_lines([Run(text)], [measure - 2, measure], mono, space=0.5, em=1.0)
        for index, line in enumerate(lines):
            if index and line.text[0] in NO_START:
                bad.append(f"starts {line.text!r}")
            if index < len(lines) - 1 and line.text[-1] in NO_END:
                bad.append(f"ends {line.text!r}")
            if index < len(lines) - 1 and re.search(r"\d$", line.text) and \
                    is_wide(lines[index + 1].text[0]):
                bad.append(f"number split from its unit: {line.text!r}")
    assert bad == []


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils")
@pytest.mark.parametrize(("lang", "layout", "theme"), [
    ("zh", "interleaved", "briefing"), ("en", "interleaved", "briefing"),
    ("zh-en", "interleaved", "briefing"), ("zh-en", "parallel", "briefing"),
    ("zh", "interleaved", "official")])
def test_the_summary_fits_its_page(lang: str, layout: str, theme: str, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a summary that does not fit says so
        path = build(ningbo(), tmp_path / f"summary.{lang}.pdf", lang=lang,  # type: ignore[arg-type]
                     brief="summary", layout=layout, theme=theme)  # type: ignore[arg-type]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Pages:\s+1\n", info)


def test_highlights_only_compare_year_on_year() -> None:
    from ipdocs.sections import Context, HighlightsBuilder

    text = HighlightsBuilder().build(ningbo(), Context("en"))[0].text  # type: ignore[union-attr]
    assert "average time to grant" not in text
    # the largest rises are among counts; money (turnover, up 260%) is not ranked with them
    assert "the largest year-on-year rises were in pre-examination cases received by the " \
           "Ningbo IP Protection Center (up at least 193%)" in text
    assert "turnover" not in text
    # the report states the record; the highlights say it, and nothing else is a record
    assert text.endswith(". High-level IP professionals recruited or accredited reached a "
                         "record high of more than 1,100.")
