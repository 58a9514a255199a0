"""The office's letterhead in the PDF (a theme's ``letterhead``): its picture and lines
on the first page (or every page) in place of the running header, artifacts of the
tagged PDF; a letterhead that cannot be shown refused when the theme is read."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import ipdocs
from ipdocs.themes import ThemeError, load_theme
from ipdocs.writers import RenderError
from tests.conftest import ROOT, SAMPLE

BRIEFING = (ROOT / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
LINES = ["甬知办信笺", "Ningbo IP Office, 1 Example Road"]


def _logo(folder: Path) -> Path:
    """A small PNG picture: a red square and a blue bar."""
    image = pytest.importorskip("PIL.Image", reason="needs Pillow (reportlab's)")
    picture = image.new("RGB", (300, 60), "white")
    for x in range(55):
        for y in range(60):
            picture.putpixel((x, y), (192, 0, 0))
    path = folder / "logo.png"
    picture.save(path)
    return path


def _theme(folder: Path, extra: str) -> Path:
    path = folder / "office.yaml"
    path.write_text(BRIEFING + extra, encoding="utf-8")
    return path


def _letterhead(pages: str = "first") -> str:
    return ("letterhead:\n  image: logo.png\n"
            f"  lines: [{', '.join(repr(x) for x in LINES)}]\n"
            f"  height: 6\n  top: 5\n  pages: {pages}\n")


def _pages(pdf: bytes, folder: Path) -> list[str]:
    path = folder / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.parametrize("pages", ["first", "every"])
def test_the_letterhead_on_its_pages_in_place_of_the_running_header(
        tmp_path: Path, pages: str) -> None:
    _logo(tmp_path)
    theme = load_theme(_theme(tmp_path, _letterhead(pages)))
    assert theme.letterhead is not None and theme.letterhead.image == str(tmp_path / "logo.png")
    pdf = ipdocs.render(ipdocs.load_report(SAMPLE), "pdf", lang="zh", theme=theme)
    texts = _pages(pdf, tmp_path)
    assert len(texts) >= 2
    shown = [LINES[0] in text and "Ningbo IP Office" in text for text in texts]
    assert shown == [True] + [pages == "every"] * (len(texts) - 1)
    title = ipdocs.load_report(SAMPLE).title.zh
    for text, lettered in zip(texts[1:], shown[1:], strict=True):
        head = text.splitlines()[0].replace(" ", "")
        assert (title in head) != lettered  # the running header, or the letterhead
    pikepdf = pytest.importorskip("pikepdf", reason="needs pikepdf")
    with pikepdf.open(tmp_path / "out.pdf") as opened:
        images = [name for page in opened.pages for name in page.get_images()]
        assert len(images) == (1 if pages == "first" else len(texts))


def test_the_letterhead_is_an_artifact_and_pdf_ua_clean(tmp_path: Path) -> None:
    structure = pytest.importorskip("tests.writers.structure", reason="needs pikepdf")
    pdfua = pytest.importorskip("pdfua", reason="needs pdfua (the test extra)")
    _logo(tmp_path)
    theme = load_theme(_theme(tmp_path, _letterhead()))
    (tmp_path / "out.pdf").write_bytes(
        ipdocs.render(ipdocs.load_report(SAMPLE), "pdf", lang="zh", theme=theme))
    tagged = structure.Tagged(tmp_path / "out.pdf")
    assert not any(LINES[0] in node.text for node in tagged.tree.walk())
    assert any(LINES[0] in text for text in tagged.content[0].artifacts)
    assert [page.unmarked for page in tagged.content if page.unmarked] == []
    report = pdfua.validate(str(tmp_path / "out.pdf"))
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_lines_alone_and_the_docx_unchanged(tmp_path: Path) -> None:
    theme = load_theme(_theme(tmp_path, "letterhead:\n  lines: [宁波市知识产权局]\n"
                                        "  align: right\n"))
    report = ipdocs.load_report(SAMPLE)
    texts = _pages(ipdocs.render(report, "pdf", lang="zh", theme=theme), tmp_path)
    assert "宁波市知识产权局" in texts[0]
    plain = load_theme("briefing")
    assert ipdocs.render(report, "pdf", lang="en", theme=plain) == \
        ipdocs.render(report, "pdf", lang="en", theme=load_theme(_theme(tmp_path, "")))


@pytest.mark.parametrize(("extra", "message"), [
    ("letterhead: {}\n", "letterhead: a letterhead shows an image, lines, or both"),
    ("letterhead:\n  image: missing.png\n", "letterhead.image: letterhead image"),
    ("letterhead:\n  image: office.yaml\n", "not a PNG or JPEG file"),
    ("letterhead:\n  lines: [a]\n  font: nope\n", "letterhead.font: unknown font role"),
    ("letterhead:\n  lines: [a]\n  color: bluish\n", "neither six hex digits"),
    ("letterhead:\n  lines: [a, b, c, d, e, f, g, h]\n  size: 12\n",
     "into the type area, which starts 25 mm down"),
    ("letterhead:\n  lines: [a]\n  pages: some\n", "letterhead.pages"),
])
def test_a_letterhead_that_cannot_be_shown_is_refused(tmp_path: Path, extra: str,
                                                       message: str) -> None:
    with pytest.raises(ThemeError, match=message.replace(".", r"\.")):
        load_theme(_theme(tmp_path, extra))


def test_a_damaged_picture_is_a_build_error(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    theme = load_theme(_theme(tmp_path, _letterhead()))
    with pytest.raises(ipdocs.BuildError, match="cannot read the letterhead image"):
        ipdocs.render(ipdocs.load_report(SAMPLE), "pdf", lang="zh", theme=theme)
    assert issubclass(RenderError, Exception)

