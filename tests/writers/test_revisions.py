"""Tracked changes for reviewers: a draft built against last year's spec shows each figure
that changed as a Word revision (by ipdocs) and comments on what the draft marks."""

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ipdocs import load_report
from ipdocs.app import fitting, recipes
from ipdocs.app.building import Output, Recipe, render_output
from ipdocs.drafting import draft
from ipdocs.model import Report
from ipdocs.sections import full_brief, load_brief, summary_brief
from ipdocs.sections.brief import Layout
from ipdocs.themes import load_theme
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"
JOINER = "\u200d"
"""What the DOCX writer puts between a number and its unit, so readers keep them together."""


def _reviewed(folder: Path) -> bytes:
    """Ningbo drafted to 2025 with two new values, as a DOCX against 2024, made in
    ``folder``."""
    figures = folder / "new.csv"
    figures.write_text("id,value\npatents.grants,80000\noverview.admin_protection_rank,1\n",
                       encoding="utf-8")
    spec = folder / "n2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    recipe = Recipe(full_brief(), load_theme("briefing"), against=load_report(NINGBO))
    return render_output(load_report(spec), recipe, Output(folder / "r.docx", "zh"))


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Ningbo drafted to 2025 with two new values, as a DOCX against 2024."""
    return _reviewed(tmp_path_factory.mktemp("review"))


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
    old, new = "|".join(old), "|".join(new)
    assert "71425" in old and "80000" in new  # the value in the text and the table
    assert "二" in old and "一" in new  # 第二名 → 第一名, what changed and no more
    assert "11.4%" in old and "12.0%" in new  # and its change phrase
    assert "2024" in old and "2025" in new  # the {year} of the prose
    assert "†" in new and "†" not in old  # a stale value's mark is new this year
    assert "<w:trackRevisions/>" in xml(reviewed, "word/settings.xml")


def test_stale_figures_and_review_paragraphs_carry_comments(reviewed: bytes) -> None:
    comments = xml(reviewed, "word/comments.xml")
    assert 20 < comments.count('w:author="ipdocs"') < 60  # one a paragraph or table
    assert "沿用2024年的数值，尚无新数据：发明专利授权量、PCT申请量" in comments
    assert "上年的文字，可能已不属实" in comments
    body = xml(reviewed, "word/document.xml")
    assert body.count("<w:commentRangeStart") == body.count("<w:commentReference")


def test_comments_are_dated_as_the_revisions_and_a_build_is_made_again_alike(
        reviewed: bytes, tmp_path: Path) -> None:
    """Every comment carries the date the document's revisions carry (its creation date,
    from SOURCE_DATE_EPOCH where set), not the time it was added: the same draft against
    the same spec built again, a second later, gives the same bytes."""
    import time

    dates = set(re.findall(r'w:date="([^"]+)"', xml(reviewed, "word/comments.xml")))
    revised = set(re.findall(r'<w:(?:ins|del) [^>]*w:date="([^"]+)"',
                             xml(reviewed, "word/document.xml")))
    assert len(dates) == 1 and dates == revised
    time.sleep(1.1)
    assert _reviewed(tmp_path) == reviewed


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
    assert "第二一名" in squeezed  # 二 deleted, 一 inserted


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CLERK = """\
id,value,unit,qualifier,note
patents.grants,80000,,,
pledge.amount,6805000,万元,,银行报表，单位万元
courts.civil,4000,,,市中院
courts.cases,4200,,,
adjudication.online_days,7,,,
pledge.processing_days,3,,,
services.grant_cycle,3,,,
talent.high_level_recruited,1200,,,
copyright.entries,320,,-,
transfer.dormant_patents,9100,,约,
overview.admin_protection_rank,1,,,
"""
"""A figures file as a statistics office fills it in: a unit changed, qualifiers dropped,
changed and kept, durations unchanged, a change of its own basis, a record, notes."""


@pytest.fixture(scope="module")
def clerk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report]:
    """Ningbo 2024 and its 2025 draft from the clerk's figures."""
    folder = tmp_path_factory.mktemp("clerk")
    shutil.copy(ROOT / "specs" / "glossary.yaml", folder / "glossary.yaml")
    figures = folder / "figures.csv"
    figures.write_text(CLERK, encoding="utf-8")
    spec = folder / "n2025.yaml"
    spec.write_text(draft(NINGBO, figures).text, encoding="utf-8")
    return load_report(NINGBO), load_report(spec)


def paragraphs(data: bytes, keep: str | None = None) -> list[str]:
    """The non-empty paragraphs of a DOCX's body, with every revision accepted
    (``keep="ins"``), rejected (``keep="del"``) or as they are; joiners left out."""
    root = etree.fromstring(xml(data, "word/document.xml").encode())
    if keep is not None:
        drop = W + ("del" if keep == "ins" else "ins")
        for element in list(root.iter(drop)):
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
    texts = ("".join(t.text or "" for t in p.iter(W + "t", W + "delText")).replace(JOINER, "")
             for p in root.iter(W + "p"))
    return [text for text in texts if text]


BRIEFS = {"full": full_brief, "summary": summary_brief,
          "press": lambda: load_brief(ROOT / "specs/briefs/press.yaml"),
          "tables": lambda: load_brief(ROOT / "specs/briefs/tables.yaml")}


@pytest.mark.parametrize(("brief", "lang", "layout"), [
    ("full", "zh", "interleaved"), ("full", "en", "interleaved"),
    ("full", "zh-en", "interleaved"), ("full", "zh-en", "parallel"),
    ("summary", "zh-en", "interleaved"), ("press", "zh", "interleaved"),
    ("tables", "en", "interleaved")])
def test_accepting_gives_this_year_and_rejecting_last_year(
        clerk: tuple[Report, Report], brief: str, lang: str, layout: Layout,
        tmp_path: Path) -> None:
    """A brief fitted to its pages is cut (and given back) as this year's is alone: the
    revisions rejected give last year's document with those cuts."""
    old, new = clerk
    theme, made = load_theme("briefing"), BRIEFS[brief]()
    out = Output(tmp_path / "r.docx", lang)  # type: ignore[arg-type]
    tracked = render_output(new, Recipe(made, theme, layout, against=old), out)
    this_year = render_output(new, Recipe(made, theme, layout), out)
    last_year = render_output(old, Recipe(made, theme, layout), out)
    if made.pages is not None:  # shortened as this year's was, not as last year's alone
        fit = fitting._fitting(new, Recipe(made, theme, layout), lang, made.pages)
        shortened = fitting._maker(old, Recipe(made, theme, layout), lang)
        last_year = recipes._render_as(shortened(fit.level, fit.restored), "docx", fit.theme)
    assert paragraphs(tracked, "ins") == paragraphs(this_year)
    assert paragraphs(tracked, "del") == paragraphs(last_year)


def resolved(data: bytes, keep: str) -> bytes:
    """A tracked DOCX with every revision accepted (``keep="ins"``) or rejected
    (``keep="del"``), as Word's Accept All / Reject All leave it."""
    root = etree.fromstring(xml(data, "word/document.xml").encode())
    drop = W + ("del" if keep == "ins" else "ins")
    for row in list(root.iter(W + "tr")):  # a row marked as the dropped kind goes whole
        if row.find(f"{W}trPr/{drop}") is not None:
            parent = row.getparent()
            assert parent is not None
            parent.remove(row)
    for element in list(root.iter(drop)):
        parent = element.getparent()
        assert parent is not None
        parent.remove(element)
    for element in list(root.iter(W + keep)):
        parent = element.getparent()
        assert parent is not None
        if parent.tag == W + "trPr":
            parent.remove(element)
            continue
        at = parent.index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(at + offset, child)
        parent.remove(element)
    for text in root.iter(W + "delText"):
        text.tag = W + "t"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(item, body)
    return out.getvalue()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_accepted_and_rejected_forms_as_the_two_years(
        clerk: tuple[Report, Report], tmp_path: Path) -> None:
    old, new = clerk
    theme, brief = load_theme("briefing"), full_brief()
    out = Output(tmp_path / "r.docx", "zh")
    tracked = render_output(new, Recipe(brief, theme, against=old), out)
    files = {"accepted": resolved(tracked, "ins"), "rejected": resolved(tracked, "del"),
             "new": render_output(new, Recipe(brief, theme), out),
             "old": render_output(old, Recipe(brief, theme), out)}
    for name, data in files.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                    "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx") for n in files)],
                   capture_output=True, timeout=600, check=True)
    text = {n: re.sub(r"\s+", "", (tmp_path / f"{n}.txt").read_text(encoding="utf-8-sig"))
            .replace(JOINER, "") for n in files}
    assert "80000件" in text["accepted"] and "71425件" in text["rejected"]
    assert text["accepted"] == text["new"]
    assert text["rejected"] == text["old"]


@pytest.mark.parametrize("lang", ["zh", "zh-en"])
def test_a_tracked_docx_is_valid(clerk: tuple[Report, Report], lang: str,
                                 tmp_path: Path) -> None:
    audit = pytest.importorskip("openxml_audit", reason="needs openxml-audit")
    old, new = clerk
    path = tmp_path / "r.docx"
    path.write_bytes(render_output(new, Recipe(full_brief(), load_theme("briefing"),
                                               against=old), Output(path, lang)))  # type: ignore[arg-type]
    assert [str(e) for e in audit.OpenXmlValidator(max_errors=0).validate(path).errors] == []


def test_one_comment_a_paragraph_or_table_with_the_clerks_notes(
        clerk: tuple[Report, Report], tmp_path: Path) -> None:
    old, new = clerk
    data = render_output(new, Recipe(full_brief(), load_theme("briefing"), against=old),
                         Output(tmp_path / "r.docx", "zh"))
    texts = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)<", c)) for c in re.findall(
        r"<w:comment [^>]*>(.*?)</w:comment>", xml(data, "word/comments.xml"), re.DOTALL)]
    assert not any(t == "沿用2024年的数值，尚无新数据：请填入新数值。" for t in texts)
    said = "".join(texts)
    assert "法院受理知识产权民事案件，填报说明：市中院。" in said
    assert "知识产权质押融资额，填报说明：银行报表，单位万元。" in said
    stale = [f.label.zh for f in new.figures.values() if f.stale]
    assert all(label in said for label in stale)  # every stale value named
    assert len(texts) < len(stale) / 2  # in a comment a paragraph or table, not one a value


def test_a_pdf_built_against_last_year_is_the_pdf_of_this_year(
        clerk: tuple[Report, Report], tmp_path: Path) -> None:
    old, new = clerk
    theme, out = load_theme("briefing"), Output(tmp_path / "r.pdf", "zh")
    assert render_output(new, Recipe(full_brief(), theme, against=old), out) == \
        render_output(new, Recipe(full_brief(), theme), out)  # deleted rows, charts left out
