"""A third language with a grammar of its own, in tests only: German (tests/data/locales:
de.yaml, words.de.yaml and the grammar module german.py — the three files the walk of
ARCHITECTURE.md counts). Registered, it says numbers, changes, ranks and periods in its
grammar, a spec's texts hold its prose under ``de:``, and a report builds in it (PDF,
DOCX, web page), alone and beside Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import SpecError, build, load_report
from ipdocs.doc import Table
from ipdocs.i18n import (
    forget_locale,
    format_change,
    format_number,
    format_quantity,
    locale,
    period_phrase,
    rank_short,
    rank_statement,
    register_locale,
    section_number,
)
from ipdocs.model import Glossary, Term
from ipdocs.sections import GlossaryBuilder
from ipdocs.sections.brief import combine
from ipdocs.sections.context import Context
from ipdocs.sections.narrative import render
from tests.conftest import ROOT

GERMAN = ROOT / "tests" / "data" / "locales" / "de.yaml"

SPEC = """\
region: {zh: 宁波市, en: Ningbo, de: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024",
        de: "Geistiges Eigentum in Ningbo 2024"}
lead:
  - zh: "{year}年，全市专利授权量{patents.grants}，{patents.grants:change}。"
    en: "In {year}, {patents.grants} patents were granted, {patents.grants:change}."
    de: "Im Jahr {year} wurden {patents.grants} Patente erteilt, {patents.grants:change}."
sections:
  - id: creation
    title: {zh: 知识产权创造, en: IP Creation, de: Schaffung geistigen Eigentums}
    figures: [patents.grants, income]
    paragraphs:
      - zh: "专利质押融资额{income}，{income:change}，{income:rank}。"
        en: "Patent-backed loans reached {income}, {income:change}, {income:rank}."
        de: "Patentbesicherte Kredite erreichten {income}, {income:change}, {income:rank}."
figures:
  patents.grants:
    label: {zh: 专利授权量, en: Patents granted, de: Erteilte Patente}
    value: 71425
    unit: 件
    change: {percent: 11.4}
  income:
    label: {zh: 专利质押融资额, en: Patent-backed loans, de: Patentbesicherte Kredite}
    value: 610.93
    unit: 亿元
    change: {percent: -3.2}
    rank: {position: 2, scope: {zh: 全国, en: in China, de: in China}}
"""


@pytest.fixture
def german() -> Iterator[str]:
    """The test language registered for one test, and forgotten after it."""
    registered = register_locale(GERMAN)
    yield registered.code
    forget_locale(registered.code)


def test_it_names_a_grammar_of_its_own(german: str) -> None:
    own = locale(german)
    assert type(own.grammar).__name__ == "German" and own.grammar.name == "de"
    assert own.hyphenation == "de_DE" and not own.han


def test_numbers_changes_ranks_and_periods_follow_its_grammar(german: str) -> None:
    assert format_number(Decimal("71425.5"), german) == "71.425,5"
    assert format_quantity(Decimal("610.93"), "亿元", german) == "61,093 Milliarden RMB"
    assert format_quantity(Decimal("17.1"), "万家", german, qualifier="余") == \
        "mehr als 171.000"
    assert format_change(Decimal("11.4"), german) == \
        "ein Plus von 11,4\u00a0% gegenüber dem Vorjahr"
    assert rank_statement(2, "in China", german, years=5) == \
        "Platz 2 in China seit fünf Jahren in Folge"
    assert rank_short(2, "in China", german) == "2. Platz in China"
    assert period_phrase(9, "quarters", german) == "die ersten drei Quartale"
    assert period_phrase(6, "months", german) == "Januar bis Juni"
    assert section_number([1, 2], german) == "1.2"


def test_a_spec_without_the_language_registered_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    with pytest.raises(SpecError, match=r"region\.de: no registered language 'de'"):
        load_report(path)


def _pdf_text(pdf: Path) -> str:
    """A PDF's text, its lines joined (a hyphen at a line's end joins its word again)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"\s+", " ", re.sub(r"-\n", "", out))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
@pytest.mark.parametrize("lang", ["de", "zh-de"])
def test_a_report_builds_in_it(german: str, tmp_path: Path, lang: str) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    report = load_report(path)
    said = ["71.425 Patente erteilt, ein Plus von 11,4 % gegenüber dem Vorjahr",
            "erreichten 61,093 Milliarden RMB, ein Minus von 3,2 % gegenüber dem "
            "Vorjahr, auf Platz 2 in China"]  # no-break spaces read as spaces
    pdf = build(report, tmp_path / "out.pdf", lang=lang)  # type: ignore[arg-type]
    text = _pdf_text(pdf).replace("\u00a0", " ")
    assert all(sentence in text for sentence in said)
    assert "Inhalt" in text and "Kennzahlen" in text  # its own words
    if lang == "zh-de":
        assert "知识产权创造" in text.replace(" ", "")
    docx = build(report, tmp_path / "out.docx", lang=lang)  # type: ignore[arg-type]
    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    assert 'w:val="de-DE"' in body  # its runs marked with its tag
    assert "w:autoHyphenation" in settings  # its dictionary names one
    runs = re.sub(r"<[^>]+>", "", body).replace("\u00a0", " ")
    assert all(sentence in runs for sentence in said)
    html = build(report, tmp_path / "out.html", lang=lang)  # type: ignore[arg-type]
    page = html.read_text(encoding="utf-8")
    assert 'lang="de-DE"' in page
    assert (">Zum Text<" if lang == "de" else ">跳到正文<") in page  # the first's skip link
    page = re.sub(r"<[^>]+>", "", page.replace("&nbsp;", " ")).replace("\u00a0", " ")
    assert all(sentence in page for sentence in said)


def test_its_glossary_gives_its_own_terms_or_says_english(german: str,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    report = load_report(path)
    both = Glossary(terms=[Term(zh="专利授权量", en="patents granted",
                                de="Patenterteilungen")])  # type: ignore[call-arg]
    _, table = GlossaryBuilder().build(report, Context(german, glossary=both))
    assert isinstance(table, Table)
    assert [c.lang for c in table.columns] == ["zh", "de"]
    assert [c.text for c in table.header[0]] == ["Chinesisch", "Deutsch"]
    assert [[c.text for c in row] for row in table.rows] == [["专利授权量", "Patenterteilungen"]]
    # a term without German: the column is the English every term has, and says so
    english_only = Glossary(terms=[Term(zh="专利授权量", en="patents granted")])
    _, table = GlossaryBuilder().build(report, Context(german, glossary=english_only))
    assert isinstance(table, Table) and [c.lang for c in table.columns] == ["zh", "en"]
    assert [c.text for c in table.header[0]] == ["Chinesisch", "Englisch"]
    assert table.rows[0][1].text == "patents granted"
    # beside Chinese, the one glossary gives the German
    zh = GlossaryBuilder().build(report, Context("zh", glossary=both))
    de = GlossaryBuilder().build(report, Context(german, glossary=both))
    merged = [b for b in combine(zh, de, "interleaved") if isinstance(b, Table)]
    assert [c.lang for c in merged[0].columns] == ["zh", "de"]


RANKS = """\
region: {zh: 宁波市, en: Ningbo, de: Ningbo}
year: 2024
title: {zh: 标题, en: Title, de: Titel}
lead:
  - {zh: "{a,b:rank}", en: "{a,b:rank}", de: "{a,b:rank}"}
figures:
  a:
    label: {zh: 甲, en: A, de: A}
    value: 1
    unit: 件
    rank: {position: 2, scope: {zh: 全国, en: in China, de: in China}}
  b:
    label: {zh: 乙, en: B, de: B}
    value: 2
    unit: 件
    rank: {position: 2, scope: {zh: 全国, en: in China, de: GERMAN}}
"""


def test_ranks_held_together_are_said_once_in_each_language_that_says_them_alike(
        german: str, tmp_path: Path) -> None:
    """A registered language decides for itself: where its statements differ, it says
    each rank (no scope given to both), while the languages that say them alike say
    them once."""
    said = {}
    for scope in ("in China", "in Europa"):
        path = tmp_path / f"{scope}.yaml"
        path.write_text(RANKS.replace("GERMAN", scope), encoding="utf-8")
        report = load_report(path)
        said[scope] = {lang: render(report.lead[0], report, lang)
                       for lang in ("zh", "en", german)}
    assert said["in China"]["zh"] == said["in Europa"]["zh"] == "均居全国第二位"
    assert said["in China"]["en"] == said["in Europa"]["en"]
    assert said["in China"][german].count("in China") == 1
    assert "in China" in said["in Europa"][german] and "in Europa" in said["in Europa"][german]
