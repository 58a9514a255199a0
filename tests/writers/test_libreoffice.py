"""Real reader: LibreOffice opens every kind of DOCX we write and converts it to PDF.

The PDF's text (poppler) must hold the spec's narrative, and its fonts must be the
Simplified Chinese faces, never a Japanese one. Skips where LibreOffice or poppler is
absent; .ci/run installs both.
"""

import re
import shutil
import subprocess
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ipdocs.app.building import build
from ipdocs.doc import Cell, Column, Document, Metadata, Paragraph, Span, Table
from ipdocs.model import Report
from ipdocs.sections.narrative import render
from ipdocs.themes import load_theme
from ipdocs.writers import RenderWarning
from ipdocs.writers.docx import render_docx

KINDS = {
    "zh": {"lang": "zh"},
    "en": {"lang": "en"},
    "zh-en": {"lang": "zh-en"},
    "parallel": {"lang": "zh-en", "layout": "parallel"},
    "official": {"lang": "zh", "theme": "official"},
    "summary": {"lang": "en", "brief": "summary"},
}

ENGLISH_HYPHENATION = any(Path("/usr/share/hyphen").glob("hyph_en*.dic"))
"""Whether LibreOffice can hyphenate English here (Debian's dictionaries)."""

needs_tools = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdffonts")),
    reason="needs LibreOffice (soffice) and poppler (pdftotext, pdffonts)")


@pytest.fixture(scope="module")
def converted(sample: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every kind of DOCX, converted to PDF by LibreOffice, each with a fresh profile."""
    folder = tmp_path_factory.mktemp("lo")
    sources = []
    for name, options in KINDS.items():
        sources.append(build(sample, folder / f"{name}.docx", **options))  # type: ignore[arg-type]
    sources.append(folder / "long.docx")
    sources[-1].write_bytes(render_docx(long_tokens(), load_theme("briefing")))
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda source: _convert(source, folder), sources))
    return {name: folder / f"{name}.pdf" for name in [*KINDS, "long"]}


URL = ("https://example.org/" + "/".join(f"section{i:02d}" for i in range(12)))[:140]
WORD = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 120)


def long_tokens() -> Document:
    """Words of 56, 140 and 5,000 characters and a long URL in text and table cells."""
    cells = tuple((Cell(text), Cell("12")) for text in (WORD[:56], URL, WORD[:140]))
    table = Table((Column("left", 3), Column("right", 1)), ((Cell("Indicator"),
                                                            Cell("Value")),), cells, "en")
    return Document(Metadata("long", "en-GB"), (
        Paragraph((Span(f"See {URL} and {WORD[:56]} here."),), "en"),
        Paragraph((Span(WORD[:5000]),), "en"), table))


def _convert(source: Path, folder: Path) -> None:
    """Convert one DOCX in a LibreOffice session of its own, as a reader opening that file
    sees it. (LibreOffice resolves a family name once a session: files converted one
    after another in one session take faces from each other; see writers.docx.fonts.)"""
    profile = (folder / f"profile-{source.stem}").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300)


CHINESE = {"zh", "zh-en", "parallel", "official"}


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing across line breaks."""
    return re.sub(r"[\s\u200d]+", "", text)  # joiners (writers.docx.blocks.NO_BREAK) print nothing


def pdf_text(path: Path) -> str:
    """The text poppler extracts."""
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_fonts(path: Path) -> str:
    """poppler's font list."""
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


@needs_tools
@pytest.mark.parametrize("name", sorted(KINDS))
def test_libreoffice_sets_simplified_chinese(converted: dict[str, Path], name: str) -> None:
    """Every face LibreOffice sets is one of those embedded: the Simplified Chinese ones
    in Chinese files, the Latin ones alone in English files; the official theme's Latin
    text (Times New Roman) in the Noto Serif embedded under that name, not the machine's
    substitute (Liberation Serif)."""
    fonts = pdf_fonts(converted[name])
    faces = re.findall(r"^[A-Z]{6}\+(\S+)", fonts, re.M)
    assert faces, fonts
    if name in CHINESE:
        assert any("CJKsc" in face for face in faces), fonts
    for face in faces:
        assert re.fullmatch(r"(Noto(Serif|Sans)(CJKsc)?|Fandol(Fang|Kai))-(Regular|Bold)",
                            face), fonts


@needs_tools
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "official"])
def test_pdf_text_matches_the_spec(converted: dict[str, Path], sample: Report,
                                   name: str) -> None:
    text = squeeze(pdf_text(converted[name]))
    langs = ["zh", "en"] if name == "zh-en" else [KINDS[name]["lang"]]
    for lang in langs:
        for section in sample.walk():
            for paragraph in section.paragraphs:
                assert squeeze(render(paragraph, sample, lang).replace("**", "")) in text
        assert squeeze(sample.title.get(lang)) in text


@needs_tools
def test_parallel_holds_both_languages(converted: dict[str, Path], sample: Report) -> None:
    text = squeeze(pdf_text(converted["parallel"]))
    for section in sample.walk():
        assert squeeze(section.title.zh) in text
        assert squeeze(section.title.en) in text


@needs_tools
def test_summary_has_key_figures(converted: dict[str, Path]) -> None:
    text = squeeze(pdf_text(converted["summary"]))
    assert "RMB61.093" in text and "billion" in text  # cells are read row by row
    assert "71,425" in text


@needs_tools
@pytest.mark.parametrize("name", ["zh", "zh-en", "official"])
def test_contents_print_no_wrong_page_number(converted: dict[str, Path], sample: Report,
                                            name: str) -> None:
    """LibreOffice shows the contents (a TOC field) as stored: every heading's entry, and
    no page number but the page its heading is on. (It keeps a TOC field's result as
    stored and prints the PAGEREF fields inside as their stored text, which the writer
    leaves empty: it cannot know the pages a reader lays the headings out on. Word
    computes them when it opens the file.)"""
    pages = subprocess.run(["pdftotext", "-layout", str(converted[name]), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    for section in sample.sections:  # the top-level headings, on the first page
        title = section.title.zh
        entry = next((line for line in pages[0].splitlines() if title in line), None)
        assert entry is not None, title
        number = re.search(r"[\s.](\d+)$", entry.strip())
        if number:
            assert title in pages[int(number.group(1)) - 1].replace(" ", "")


@needs_tools
def test_long_words_stay_inside_the_page_in_word_processors(converted: dict[str, Path],
                                                            tmp_path: Path) -> None:
    """The DOCX needs nothing of its own for words longer than a line: a word processor
    breaks them at the cell's or the page's edge (fixed table layout keeps the column as
    wide as set). Every word LibreOffice sets stays inside the page's margins."""
    html = subprocess.run(["pdftotext", "-bbox", str(converted["long"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))  # type: ignore[union-attr]
    right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', html)]
    assert right and max(right) <= width - 25 * 72 / 25.4 + 1
    assert WORD[:56] in squeeze(pdf_text(converted["long"]))


OFFICIAL_SUMMARIES = {
    f"official summary {name}": {"lang": lang, "layout": layout, "theme": "official",
                                 "brief": "summary"}
    for name, lang, layout in (("zh", "zh", "interleaved"), ("en", "en", "interleaved"),
                               ("zh-en", "zh-en", "interleaved"),
                               ("parallel", "zh-en", "parallel"))}
"""The official theme's summaries, whose English is set smaller to fit (``Theme.scaled``)."""


@pytest.fixture(scope="module")
def ningbo_pair(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Ningbo's full brief of every kind and its official summaries: the PDF, and the
    DOCX as LibreOffice lays it out."""
    from ipdocs import load_report

    report = load_report(Path(__file__).parents[2] / "specs" / "ningbo-2024.yaml")
    folder = tmp_path_factory.mktemp("ningbo-lo")
    pairs = {}
    kinds = {**{name: options for name, options in KINDS.items() if name != "summary"},
             **OFFICIAL_SUMMARIES}
    for name, options in kinds.items():
        with warnings.catch_warnings():
            if name in OFFICIAL_SUMMARIES:  # each fits its page: none says it does not
                warnings.simplefilter("error", RenderWarning)
            build(report, folder / f"{name}.docx", **options)  # type: ignore[arg-type]
            pairs[name] = (build(report, folder / f"{name}.pdf", **options),  # type: ignore[arg-type]
                           folder / "lo" / f"{name}.pdf")
    (folder / "lo").mkdir()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda name: _convert(folder / f"{name}.docx", folder / "lo"), pairs))
    return pairs


def page_count(pdf: Path) -> int:
    """The pages of a PDF, as poppler counts them."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    return int(found.group(1))


@needs_tools
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "parallel", "official"])
def test_the_docx_paginates_within_a_tenth_of_the_pdf(
        ningbo_pair: dict[str, tuple[Path, Path]], name: str) -> None:
    """Issue 16's bound, for Ningbo: LibreOffice lays the DOCX out on a page count within
    10% of the PDF's (side by side, a caption no longer drags its table's whole row to the
    next page)."""
    pdf, docx = ningbo_pair[name]
    assert abs(page_count(docx) - page_count(pdf)) <= 0.1 * page_count(pdf)


@needs_tools
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "parallel", "official",
                                  *OFFICIAL_SUMMARIES])
def test_the_docx_paginates_as_the_pdf(ningbo_pair: dict[str, tuple[Path, Path]],
                                       name: str) -> None:
    """Issue 27: with the DOCX's table rows and charts as tall as the PDF's, LibreOffice
    lays every Ningbo DOCX out on the PDF's page count (the official one took 23 pages
    against 22, the English 17 against 16, the side-by-side 29 against 28). The English
    DOCX asks for hyphenation, which LibreOffice does only with its dictionaries (Debian's
    hyphen-en-gb and hyphen-en-us, which `.ci/run` installs): without them its English
    runs longer, so the outputs with English are skipped there."""
    if name not in ("zh", "official", "official summary zh") and not ENGLISH_HYPHENATION:
        pytest.skip("LibreOffice has no English hyphenation dictionary here "
                    "(apt-get install hyphen-en-gb hyphen-en-us)")
    pdf, docx = ningbo_pair[name]
    assert page_count(docx) == page_count(pdf)


@needs_tools
@pytest.mark.parametrize("name", ["zh", "en", "zh-en", "parallel"])
def test_the_official_summary_fills_one_page_in_both_formats(
        ningbo_pair: dict[str, tuple[Path, Path]], name: str) -> None:
    """Issue 27: Ningbo's official summary in Chinese and in English (its English set
    smaller than the grid's 三号, the DOCX with Latin paragraph styles of its own), and
    in both languages interleaved and side by side (their Chinese off the grid, as small
    as their English), fills one page in the PDF and in the DOCX as LibreOffice lays it
    out (the English took two, the bilingual ones two however small their English)."""
    pdf, docx = ningbo_pair[f"official summary {name}"]
    assert page_count(pdf) == page_count(docx) == 1
