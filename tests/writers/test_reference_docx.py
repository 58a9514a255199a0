"""The office's own Word file as a reference document (pandoc's reference-doc): a DOCX
made with it carries the reference's styles, page set-up, headers and footers, as Word's
layout (LibreOffice's) shows. The reference is made by LibreOffice from a flat ODF text
(tests/data/reference/office.fodt): US Letter, a red letterhead in the header, a footer
line, DejaVu Serif as the default face."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

import ipdocs
from ipdocs.themes import load_theme
from ipdocs.writers.docx.reference import ReferenceError
from tests.conftest import ROOT, SAMPLE

OFFICE = ROOT / "tests" / "data" / "reference" / "office.fodt"
LETTERHEAD = "LETTERHEAD OF THE NINGBO IP OFFICE"

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="needs LibreOffice (soffice)")


def _converted(source: Path, fmt: str, folder: Path) -> Path:
    """``source`` converted by LibreOffice to ``fmt`` in ``folder``."""
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(folder),
                    str(source)], capture_output=True, check=True, timeout=300)
    made = folder / f"{source.stem}.{fmt}"
    assert made.is_file()
    return made


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The office's template, made by LibreOffice."""
    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice (soffice) to make the template")
    return _converted(OFFICE, "docx", tmp_path_factory.mktemp("reference"))


@needs_soffice
def test_a_docx_takes_the_reference_s_styles_page_and_letterhead(
        reference: Path, tmp_path: Path) -> None:
    made = tmp_path / "briefing.docx"
    ipdocs.build(ipdocs.load_report(SAMPLE), made, lang="en", brief="summary",
                 theme=load_theme("briefing").with_reference(reference))
    document = docx.Document(str(made))
    section = document.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == \
        (215.9, 279.4)
    # the sample is a draft: its mark stays on every page, after the letterhead
    assert [p.text for p in section.header.paragraphs] == [LETTERHEAD, "DRAFT  "]
    assert [p.text for p in section.footer.paragraphs] == ["Office footer line"]
    assert not section.different_first_page_header_footer  # the letterhead on page one
    theirs = docx.Document(str(reference)).styles
    assert {s.name for s in theirs} <= {s.name for s in document.styles}
    assert "Template body." not in [p.text for p in document.paragraphs]
    pdf = _converted(made, "pdf", tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "612 x 792 pts" in info
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert LETTERHEAD in first and "Office footer line" in first
    assert "71,425" in first  # the briefing itself, under the letterhead
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    for page in range(1, pages + 1):  # the draft's mark on every page
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "DRAFT" in text, page


def test_the_same_document_without_a_reference_is_unchanged(tmp_path: Path) -> None:
    report = ipdocs.load_report(SAMPLE)
    plain = ipdocs.render(report, "docx", lang="en", brief="summary")
    assert ipdocs.render(report, "docx", lang="en", brief="summary",
                         theme=load_theme("briefing").with_reference(None)) == plain


@needs_soffice
def test_a_final_document_adds_nothing_to_the_letterhead(reference: Path) -> None:
    final = ipdocs.load_report(ROOT / "specs" / "shanghai-2022.yaml")
    assert not final.draft
    data = ipdocs.render(final, "docx", lang="en", brief="summary",
                         theme=load_theme("briefing").with_reference(reference))
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert [p.text for p in header.paragraphs] == [LETTERHEAD]


@needs_soffice
def test_every_header_a_page_shows_keeps_the_draft_s_mark(
        reference: Path, tmp_path: Path) -> None:
    """A reference whose first page has a letterhead of its own and whose even pages have
    another: the draft's mark in each."""
    template = docx.Document(str(reference))
    section = template.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "FIRST PAGE LETTERHEAD"
    template.settings.odd_and_even_pages_header_footer = True
    section.even_page_header.paragraphs[0].text = "EVEN PAGE HEAD"
    path = tmp_path / "office2.docx"
    template.save(str(path))
    data = ipdocs.render(ipdocs.load_report(SAMPLE), "docx", lang="zh", brief="full",
                         theme=load_theme("official").with_reference(path))
    document = docx.Document(io.BytesIO(data))
    assert document.settings.odd_and_even_pages_header_footer  # the official theme's
    made = document.sections[0]
    for part in (made.header, made.first_page_header, made.even_page_header):
        texts = [p.text for p in part.paragraphs]
        assert texts[-1] == "草稿  " and len(texts) == 2, texts


def test_a_reference_that_is_not_a_word_file_is_a_build_error(tmp_path: Path) -> None:
    bad = tmp_path / "office.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ipdocs.BuildError, match="cannot read the reference document"):
        ipdocs.render(ipdocs.load_report(SAMPLE), "docx", brief="summary",
                      theme=load_theme("briefing").with_reference(bad))
    assert issubclass(ReferenceError, ipdocs.writers.RenderError)


@needs_soffice
def test_the_command_line_takes_a_reference_docx(reference: Path, tmp_path: Path) -> None:
    import sys

    done = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(SAMPLE), "-f", "docx",
                           "-l", "zh", "--brief", "summary", "--reference-docx",
                           str(reference), "-o", str(tmp_path)], capture_output=True,
                          text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    [made] = tmp_path.glob("*.docx")
    header = docx.Document(str(made)).sections[0].header
    assert [p.text for p in header.paragraphs] == [LETTERHEAD, "草稿  "]
    missing = subprocess.run([sys.executable, "-m", "ipdocs", "build", str(SAMPLE),
                              "--reference-docx", str(tmp_path / "none.docx")],
                             capture_output=True, text=True, check=False, timeout=600)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_a_theme_file_names_its_reference_relative_to_itself(tmp_path: Path) -> None:
    text = (ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    theme = tmp_path / "office.yaml"
    theme.write_text(text + "reference_docx: office.docx\n", encoding="utf-8")
    with pytest.raises(ipdocs.SpecError, match=r"reference_docx: reference document "
                                               r".*office\.docx': no such file"):
        load_theme(theme)
    (tmp_path / "office.docx").write_bytes(b"")
    assert load_theme(theme).reference_docx == str(tmp_path / "office.docx")
