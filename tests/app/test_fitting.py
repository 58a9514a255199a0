"""Fitting a brief to its page limit, and the bytes of one output made of it."""

import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdocs.app.building import build
from ipdocs.app.fitting import FIT_STEPS, counted_pages, fit_steps, pdf_pages
from ipdocs.app.recipes import Output, Recipe
from ipdocs.model import Report
from ipdocs.sections import Brief, summary_brief
from ipdocs.sections.brief import LanguageOption
from ipdocs.themes import load_theme
from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user would."""
    return subprocess.run([sys.executable, "-m", "ipdocs", *args], capture_output=True,
                          text=True, check=False)


def test_pages_are_counted_in_words() -> None:
    assert [counted_pages(n) for n in (1, 2, 10)] == ["1 page", "2 pages", "10 pages"]


def test_the_pages_of_a_pdf_are_read_from_its_page_tree(sample: Report,
                                                        tmp_path: Path) -> None:
    from ipdocs.app.fitting import render_output

    recipe = Recipe(summary_brief(), load_theme("briefing"))
    pdf = render_output(sample, recipe, Output(tmp_path / "s.zh.pdf", "zh"))
    assert pdf_pages(pdf) == 1
    assert pdf_pages(b"PK\x03\x04 /Count 3 /Kids [] /Type /Pages") is None  # not a PDF
    assert pdf_pages(b"%PDF-1.4 no page tree") is None


def test_the_steps_of_fitting_shorten_then_shrink_each_once() -> None:
    theme = load_theme("briefing")
    steps = fit_steps(theme)
    assert len(steps) == len(FIT_STEPS)  # a theme that scales: every step differs
    assert [level for level, _ in steps] == [level for level, _ in FIT_STEPS]
    assert steps[0][1] == theme.scaled(1.0)
    levels = [level for level, _ in steps]
    assert levels == sorted(levels)


def test_a_brief_that_cannot_fit_its_pages_says_so_once_naming_its_files(
        tmp_path: Path) -> None:
    brief = tmp_path / "one.yaml"
    brief.write_text("pages: 1\nbuilders: [cover, contents, chapters]\n", encoding="utf-8")
    result = run("build", str(ROOT / "specs/ningbo-2024.yaml"), "-l", "en", "--brief",
                 str(brief), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "is to fill 1 page" in line]
    assert len(said) == 1
    found = re.fullmatch(r"ipdocs: warning: ningbo-2024\.one\.en\.docx, ningbo-2024\.one\.en"
                         r"\.pdf: the brief “one” is to fill 1 page but fills (\d+) pages .*",
                         said[0])
    assert found and int(found.group(1)) > 1


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_docx_of_a_fitted_brief_is_the_document_that_fitted(tmp_path: Path) -> None:
    """Ningbo's interleaved summary fits its page without its chart: the DOCX has none
    either; its English summary keeps a chart (shortened): the DOCX has it too."""
    import zipfile

    from ipdocs import load_report

    def charts(docx: Path) -> list[str]:
        with zipfile.ZipFile(docx) as package:
            return [n for n in package.namelist() if n.startswith("word/charts/chart")]

    def printed(pdf: Path) -> str:
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    report = load_report(ROOT / "specs/ningbo-2024.yaml")
    for lang, kept in (("zh-en", False), ("en", True)):
        pdf = build(report, tmp_path / f"s.{lang}.pdf", lang=lang, brief="summary")
        docx = build(report, tmp_path / f"s.{lang}.docx", lang=lang, brief="summary")
        assert ("Year-on-year change" in printed(pdf)) is kept, lang
        assert bool(charts(docx)) is kept, lang
    whole = Brief(summary_brief().builders, "summary")  # the same steps, no page limit
    assert charts(build(report, tmp_path / "whole.docx", lang="zh-en", brief=whole))


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one at each PDF layout begun (fitting trials included)."""
    from ipdocs.writers.pdf.page import Template

    laid: list[int] = []
    original = Template.build_story

    def counted(self: Template, story: list[object]) -> None:
        laid.append(1)
        original(self, story)

    monkeypatch.setattr(Template, "build_story", counted)
    return laid


def test_the_pdf_and_docx_of_one_language_share_the_fitted_brief(
        sample: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DOCX fits the brief (PDF trials); the PDF of its language is the PDF that
    fitted, laid out no more; a report not the same object fits afresh."""
    from ipdocs.app.fitting import render_output

    laid = _count_layouts(monkeypatch)
    recipe = Recipe(summary_brief(), load_theme("briefing"))
    docx = render_output(sample, recipe, Output(tmp_path / "s.zh.docx", "zh"))
    trials = len(laid)
    assert trials >= 1
    pdf = render_output(sample, recipe, Output(tmp_path / "s.zh.pdf", "zh"))
    assert len(laid) == trials
    assert render_output(sample, recipe, Output(tmp_path / "again.zh.docx", "zh")) == docx
    again = Report.model_validate(sample.model_dump())
    assert render_output(again, recipe, Output(tmp_path / "t.zh.pdf", "zh")) == pdf
    assert len(laid) == 2 * trials


def test_the_pdf_and_docx_of_one_language_share_the_document(
        sample: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief without a page limit is made once for a language's DOCX and PDF, and
    again for another report object or another recipe."""
    from ipdocs.app.fitting import render_output
    from ipdocs.sections import full_brief

    made: list[str] = []
    brief = full_brief()
    original = Brief.document

    def counted(self: Brief, report: Report, lang: str, **options: object) -> object:
        made.append(lang)
        return original(self, report, lang, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Brief, "document", counted)
    recipe = Recipe(brief, load_theme("briefing"))
    for fmt in ("docx", "pdf"):
        render_output(sample, recipe, Output(tmp_path / f"s.en.{fmt}", "en"))
    assert made == ["en"]
    render_output(sample, Recipe(brief, load_theme("briefing")),
                  Output(tmp_path / "t.en.pdf", "en"))
    assert made == ["en", "en"]


def test_a_fitted_brief_gives_back_each_cut_its_page_has_room_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Fitted at the last level, a brief tries each cut back in turn (the chart, the
    highlights, the lead, the key figures) and keeps those that still fit; a cut that took
    nothing away is not laid out again."""
    from ipdocs.app import fitting
    from ipdocs.sections.context import FEW_HIGHLIGHTS, FEW_KEY_FIGURES, FIRST_LEAD, NO_CHART

    room = {NO_CHART: 3, FEW_HIGHLIGHTS: 1, FIRST_LEAD: 1, FEW_KEY_FIGURES: 5}
    laid: list[frozenset[int]] = []

    def make(level: int, restored: frozenset[int] = frozenset()) -> object:
        return ("doc", level, restored - {FIRST_LEAD})  # the lead has one paragraph

    def within(doc: tuple[str, int, frozenset[int]], theme: object, limit: int) -> bytes | None:
        laid.append(doc[2])
        return b"%PDF" if sum(room[cut] for cut in doc[2]) <= 2 else None

    monkeypatch.setattr(fitting, "_render_within", within)
    theme = load_theme("briefing")
    fitted = fitting._Fit(6, frozenset(), make(6), theme, b"%PDF")  # type: ignore[arg-type]
    got = fitting._given_back(make, fitted, 1)  # type: ignore[arg-type]
    assert got.doc == ("doc", 6, frozenset({FEW_HIGHLIGHTS})) and got.pdf == b"%PDF"
    assert got.restored == {FEW_HIGHLIGHTS}
    assert laid == [frozenset({NO_CHART}), frozenset({FEW_HIGHLIGHTS}),
                    frozenset({FEW_HIGHLIGHTS, FEW_KEY_FIGURES})]


def test_a_variants_scale_is_found_by_the_shortest_step_of_each_scale() -> None:
    """The search for a variant's scale tries, of the steps at one scale, the last (the
    most compact); the last step of all is not among them (made whole only where
    nothing before it fits); a theme whose type cannot be scaled tries one step."""
    from ipdocs.app.fitting import _shortest_of_each_scale, _steps

    theme = load_theme("briefing")
    tried = _shortest_of_each_scale(_steps(theme))
    assert [(step.level, step.factor) for step in tried] == [
        (1, 1.0), (5, 0.94), (FIT_STEPS[-2][0], 0.88)]
    fixed = _steps(theme.scaled(1.0), ceiling=0.5)  # every step at one scale
    assert [step.level for step in _shortest_of_each_scale(fixed)] == [fixed[-2].level]


@pytest.mark.parametrize(("spec", "theme_name"), [("tests/data/sample.yaml", "official"),
                                                   ("specs/ningbo-2024.yaml", "briefing")])
def test_the_shortest_step_of_each_scale_finds_the_scale_every_step_finds(
        monkeypatch: pytest.MonkeyPatch, spec: str, theme_name: str) -> None:
    """The scale each variant comes to (the sample's official summaries 1, 0.94 and
    0.84, Ningbo's briefing ones 1, 0.94 and 0.88) is the one trying every step in turn
    finds."""
    from ipdocs import load_report
    from ipdocs.app import fitting
    from ipdocs.app.fitting import variant_scale

    report = load_report(ROOT / spec)
    langs: tuple[LanguageOption, ...] = ("zh", "en", "zh-en")
    recipe = Recipe(summary_brief(), load_theme(theme_name))
    found = {lang: variant_scale(report, recipe, lang, 1) for lang in langs}
    with monkeypatch.context() as patched:
        patched.setattr(fitting, "_shortest_of_each_scale", lambda steps: steps[:-1])
        fresh = Recipe(summary_brief(), load_theme(theme_name))  # a session of its own
        every = {lang: variant_scale(report, fresh, lang, 1) for lang in langs}
    assert found == every and len(set(found.values())) == 3


@st.composite
def _runs(draw: st.DrawFn) -> tuple[list[Any], dict[int, bool], dict[int, bool]]:
    """Steps in runs of one factor each, whether each fits (never again not, once one
    of its run did), and what a session knows of some of them (the truth)."""
    from ipdocs.app.fitting import _Step

    theme = load_theme("briefing")
    steps: list[_Step] = []
    fits: dict[int, bool] = {}
    for number, length in enumerate(draw(st.lists(st.integers(1, 7), min_size=1,
                                                  max_size=4))):
        first = draw(st.integers(0, length))  # the first of the run that fits (length: none)
        for level in range(length):
            fits[len(steps)] = level >= first
            steps.append(_Step(level, 1.0 - number / 20, number % 2 == 1, theme))
    known = {index: fits[index] for index in draw(st.sets(st.sampled_from(sorted(fits))))}
    return steps, fits, known


@settings(max_examples=500)
@given(_runs())
def test_a_run_of_steps_is_searched_to_the_step_trying_each_in_turn_finds(
        made: tuple[list[Any], dict[int, bool], dict[int, bool]]) -> None:
    """Whatever the session knows, ``_first_fitting`` finds the first step that fits,
    as the ladder trying every step in turn does, tries no step twice nor any of a run
    after that step's, never more than twice the steps one by one tries, and draws only
    a step that fits first in its run or the first step of a run (only lays out the
    others)."""
    from ipdocs.app.fitting import _first_fitting

    steps, fits, known = made
    index = {id(step): number for number, step in enumerate(steps)}
    tried: list[int] = []

    drawn: list[int] = []

    def tries(step: object, draw: bool) -> bool:
        tried.append(index[id(step)])
        if draw:
            drawn.append(index[id(step)])
        return fits[index[id(step)]]

    found = _first_fitting(steps, tries, lambda step: known.get(index[id(step)]))
    expected = next((number for number in range(len(steps)) if fits[number]), None)
    assert (index[id(found)] if found is not None else None) == expected
    assert len(tried) == len(set(tried))
    assert len(tried) <= 2 * (len(steps) if expected is None else expected + 1)
    firsts = {n for n in range(len(steps)) if n == 0 or (steps[n].factor, steps[n].han) != (
        steps[n - 1].factor, steps[n - 1].han)}
    assert all(n in firsts or not fits[n] or n == expected for n in drawn)
    if expected is not None:
        run = (steps[expected].factor, steps[expected].han)
        later = [n for n in tried if n > expected and (steps[n].factor, steps[n].han) != run]
        assert later == []


def test_the_summary_s_zh_en_tries_fewer_steps_where_its_search_found_its_scale(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Ningbo's zh-en summary fits only at the scale its variant's search came to (0.88),
    one level before its shortest: of that run's seven steps it tries its first, the
    shortest but one (which fits, laid out only), the second and the one before the
    shortest but one (which do not), where trying each in turn took six; its document
    and PDF are those every step in turn finds."""
    from ipdocs import load_report
    from ipdocs.app import fitting

    report = load_report(ROOT / "specs/ningbo-2024.yaml")
    tried: list[tuple[int, float]] = []
    real = fitting._Session.tried

    def counted(self: fitting._Session, doc: object, factor: float, *args: object,
                **kwargs: object) -> bytes | None:
        level = next(key[2] for key, made in self.docs.items() if made is doc)
        tried.append((level, factor))
        return real(self, doc, factor, *args, **kwargs)  # type: ignore[arg-type]

    def fitted(every: bool) -> tuple[object, bytes | None]:
        recipe = Recipe(summary_brief(), load_theme("briefing"))  # a session of its own
        assert fitting.shared_scale(report, recipe, 1) == 0.88  # each variant's found
        tried.clear()
        with monkeypatch.context() as patched:
            patched.setattr(fitting._Session, "tried", counted)
            if every:
                patched.setattr(fitting._Session, "outcome", lambda *args: None)
            doc, _, pdf = fitting.fitted_document(report, recipe, "zh-en")
        return doc, pdf

    doc, pdf = fitted(every=False)
    searched = list(tried)
    assert fitted(every=True) == (doc, pdf)
    assert searched[:5] == [(0, 0.88), (5, 0.88), (1, 0.88), (4, 0.88), (5, 0.88)]
    assert [step for step in tried if step[1] == 0.88][:6] == [
        (level, 0.88) for level in range(6)]


def test_steps_under_a_ceiling_take_no_larger_type() -> None:
    """Under the scale a brief's variants share, every level is tried at that scale
    before the type goes smaller; a grid theme keeps its type."""
    theme = load_theme("briefing")
    steps = fit_steps(theme, 0.88)
    body = theme.style("body").size
    sizes = [round(scaled.style("body").size / body, 2) for _, scaled in steps]
    assert sizes == [0.88] * 7 + [0.84]
    assert [level for level, _ in steps] == [0, 1, 2, 3, 4, 5, 6, 6]
    official = load_theme("official")  # its Han type fixed, its Latin text scaled
    grid = fit_steps(official, 0.88)
    assert [level for level, _ in grid] == [0, 1, 2, 3, 4, 5, 6, 6]
    assert {scaled.style("body") for _, scaled in grid} == {official.style("body")}
    latin = [scaled.style(scaled.for_script("body", han=False)).size for _, scaled in grid]
    assert latin == [pytest.approx(10.56)] * 7 + [10.5]


def test_the_summaries_of_a_report_share_one_body_size() -> None:
    """Ningbo's zh, en and interleaved summaries are set at one body size, the one its
    interleaved edition comes to alone; the roomier ones keep more (the English its
    chart); the side-by-side edition goes smaller, as its page needs."""
    from ipdocs import load_report
    from ipdocs.app.fitting import fitted_document
    from ipdocs.doc import Chart, KeyFigures

    report = load_report(ROOT / "specs/ningbo-2024.yaml")
    theme = load_theme("briefing")
    recipe = Recipe(summary_brief(), theme)
    body = {}
    for lang in ("zh", "en", "zh-en"):
        doc, fitted, _ = fitted_document(report, recipe, lang)
        body[lang] = fitted.style("body").size
        if lang == "en":
            charts = [b for b in doc.blocks if isinstance(b, Chart)]
            assert charts and charts[0].compact
    assert len(set(body.values())) == 1
    assert body["zh"] < theme.style("body").size
    parallel = Recipe(summary_brief(), theme, layout="parallel")
    doc, fitted, _ = fitted_document(report, parallel, "zh-en")
    assert fitted.style("body").size < body["zh"]
    assert any(isinstance(b, KeyFigures) for b in doc.blocks)


@pytest.mark.parametrize("spec", ["ningbo-2024", "guangzhou-2023"])
def test_the_official_summaries_fill_one_page(spec: str) -> None:
    """The official theme's summaries each fill one page, none saying it cannot. In
    Chinese at the grid's sizes; in English at most 12 pt times the fitting's scale, 五号
    at least (the grid's 三号 filled two pages); in both languages, interleaved and side
    by side, the Chinese off the grid at the English's size (GB/T 9704's sizes filled
    two pages however small the English, see bench/RESULTS.md): one body size for both,
    no larger than the English's siblings have and no smaller than a briefing summary's
    goes (8.82 pt), with its key figures."""
    from ipdocs import load_report
    from ipdocs.app.fitting import fitted_document
    from ipdocs.doc import KeyFigures
    from ipdocs.writers import RenderWarning

    report = load_report(ROOT / f"specs/{spec}.yaml")
    official = load_theme("official")
    pages = {}
    for layout, lang in (("interleaved", "zh"), ("interleaved", "en"),
                         ("interleaved", "zh-en"), ("parallel", "zh-en")):
        recipe = Recipe(summary_brief(), official, layout=layout)  # type: ignore[arg-type]
        with warnings.catch_warnings():
            warnings.simplefilter("error", RenderWarning)
            doc, fitted, pdf = fitted_document(report, recipe, lang)  # type: ignore[arg-type]
        assert pdf is not None
        pages[f"{layout} {lang}"] = pdf_pages(pdf)
        english = fitted.style(fitted.for_script("body", han=False))
        if lang == "zh-en":
            assert fitted.style("body") == english
            assert 8.82 <= english.size <= 10.5
            assert fitted.style("body").font == official.style("body").font
            assert any(isinstance(block, KeyFigures) for block in doc.blocks)
        else:
            assert fitted.style("body") == official.style("body")
            assert 10.5 <= english.size <= 12
    assert pages == {"interleaved zh": 1, "interleaved en": 1, "interleaved zh-en": 1,
                     "parallel zh-en": 1}
