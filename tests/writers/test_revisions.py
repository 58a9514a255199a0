"""Tracked changes for reviewers: a draft built against last year's spec shows each figure
that changed as a Word revision (by ipdocs) and comments on what the draft marks."""

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.drafting import draft
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
JOINER = "\u200d"
"""What the DOCX writer puts between a number and its unit, so readers keep them together."""


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ningbo drafted to 2025 with two new values, as a DOCX against 2024."""
    folder = tmp_path_factory.mktemp("review")
    figures = folder / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\noverview.admin_protection_rank,1\n",
                       encoding="utf-8")
    spec = folder / "n2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    recipe = Recipe(full_brief(), load_theme("briefing"), against=load_report(NINGBO))
    return render_output(load_report(spec), recipe, Output(folder / "r.docx", "zh"))


def xml(data: bytes, name: str) -> str:
    """One part of a DOCX."""
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()


def test_each_changed_figure_is_a_revision(reviewed: bytes) -> None:
    body = xml(reviewed, "word/document.xml")
    deleted = re.findall(r'<w:del w:id="\d+" w:author="ipdocs" w:date="[^"]+">(.*?)</w:del>',
                         body)
    inserted = re.findall(r'<w:ins w:id="\d+" w:author="ipdocs" w:date="[^"]+">(.*?)</w:ins>',
                          body)
    old = ["".join(re.findall(r"<w:delText(?: [^>]*)?>([^<]*)<", d)).replace(JOINER, "")
           for d in deleted]
    new = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)<", i)).replace(JOINER, "")
           for i in inserted]
    assert "71425件" in old and "80000件" in new  # the value in the text
    assert "第二名" in old and "第一名" in new
    assert "同比增长11.4%" in old  # and its change phrase
    assert "71425" in old and "80000" in new  # the table's value cell
    assert len(deleted) == len(inserted) == 5
    assert "<w:trackRevisions/>" in xml(reviewed, "word/settings.xml")


def test_stale_figures_and_review_paragraphs_carry_comments(reviewed: bytes) -> None:
    comments = xml(reviewed, "word/comments.xml")
    assert comments.count('w:author="ipdocs"') > 100
    assert "沿用2024年的数值，尚无新数据" in comments
    assert "上年的文字，可能已不属实" in comments
    body = xml(reviewed, "word/document.xml")
    assert body.count("<w:commentRangeStart") == body.count("<w:commentReference")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_revisions(reviewed: bytes, tmp_path: Path) -> None:
    docx = tmp_path / "r.docx"
    docx.write_bytes(reviewed)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(docx)], capture_output=True, timeout=240, check=True)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", text).replace(JOINER, "")
    assert "71425件80000件" in squeezed  # the deletion shown before the insertion
    assert "第二名第一名" in squeezed
