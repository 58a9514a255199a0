"""Markup in every writer: emphasis, links and lists in DOCX (hyperlinks, numbering
definitions), PDF (link annotations in Link elements, L/LI/Lbl/LBody, still PDF/UA clean)
and HTML (a, ul/ol, em/strong)."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from ipdocs import load_report
from ipdocs.doc import Document
from ipdocs.sections import full_brief
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx
from ipdocs.writers.html import render_html
from ipdocs.writers.html.markup import serialise, tag, text
from ipdocs.writers.pdf import render_pdf
from tests.conftest import ROOT

MARKUP_SPEC = ROOT / "tests" / "data" / "markup.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CNIPA = "https://www.cnipa.gov.cn/"
MAIL = "mailto:ip@example.org"


@cache
def _document(lang: str) -> Document:
    return full_brief().document(load_report(MARKUP_SPEC), lang)  # type: ignore[arg-type]


def _part(data: bytes, name: str) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ET.fromstring(archive.read(name))


def test_docx_links_are_hyperlinks_in_the_hyperlink_style() -> None:
    data = render_docx(_document("en"), load_theme("briefing"))
    body = _part(data, "word/document.xml")
    rels = {r.get("Id"): r for r in _part(data, "word/_rels/document.xml.rels")}
    links = [h for h in body.iter(f"{W}hyperlink")  # the contents' links are internal
             if h.get(f"{R}id") is not None]
    assert all(h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h not in links)
    targets = [rels[h.get(f"{R}id")].get("Target") for h in links]
    assert targets == [CNIPA, MAIL]
    assert all(rels[h.get(f"{R}id")].get("TargetMode") == "External" for h in links)
    text = "".join(t.text or "" for t in links[0].iter(f"{W}t"))
    assert text == "website of CNIPA, up 11.4% year on year"
    for run in links[0].findall(f"{W}r"):
        assert run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"
    styles = _part(data, "word/styles.xml")
    assert any(s.get(f"{W}styleId") == "Hyperlink" for s in styles)
    others = [r for r in body.iter(f"{W}r") if r not in set(links[0]) | set(links[1])]
    assert not any(r.find(f"{W}rPr/{W}rStyle") is not None for r in others
                   if r.find(f"{W}rPr/{W}rStyle") is not None
                   and r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink")
    italic = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}i") is not None]
    assert ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in italic] == ["Key"]


def test_docx_lists_are_numbered_by_definitions_of_their_own() -> None:
    data = render_docx(_document("en"), load_theme("briefing"))
    body = _part(data, "word/document.xml")
    numbering = _part(data, "word/numbering.xml")
    items = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    assert len(items) == 5
    ids = [p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in items]
    assert ids[0] == ids[1] != ids[2] == ids[3] == ids[4]
    nums = {n.get(f"{W}numId"): n for n in numbering.findall(f"{W}num")}
    abstracts = {a.get(f"{W}abstractNumId"): a for a in numbering.findall(f"{W}abstractNum")}

    def level(num_id: str) -> ET.Element:
        abstract = nums[num_id].find(f"{W}abstractNumId").get(f"{W}val")
        found = abstracts[abstract].find(f"{W}lvl")
        assert found is not None
        return found

    assert level(ids[0]).find(f"{W}numFmt").get(f"{W}val") == "bullet"
    assert level(ids[2]).find(f"{W}numFmt").get(f"{W}val") == "decimal"
    assert level(ids[2]).find(f"{W}lvlText").get(f"{W}val") == "%1."
    assert nums[ids[2]].find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
    children = [c.tag for c in numbering]  # the schema: every abstractNum before any num
    assert children.index(f"{W}num") > max(i for i, t in enumerate(children)
                                           if t == f"{W}abstractNum")
    for item in items:  # a hanging indent, no Han first-line indent
        indent = item.find(f"{W}pPr/{W}ind")
        assert indent.get(f"{W}hanging") == indent.get(f"{W}left")


def test_chinese_emphasis_is_bold_not_italic() -> None:
    data = render_docx(_document("zh"), load_theme("briefing"))
    body = _part(data, "word/document.xml")
    runs = [r for r in body.iter(f"{W}r")
            if "".join(t.text or "" for t in r.iter(f"{W}t")) == "重点"]
    assert runs and all(r.find(f"{W}rPr/{W}b") is not None for r in runs)
    assert all(r.find(f"{W}rPr/{W}i") is None for r in runs)
    page = render_html(_document("zh"), load_theme("briefing")).decode()
    assert "<strong>重点</strong>" in page and "<em>" not in page


def test_html_links_lists_and_emphasis() -> None:
    html5lib = pytest.importorskip("html5lib", reason="needs html5lib (the test extra)")
    page = render_html(_document("en"), load_theme("briefing")).decode()
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    links = [a for a in tree.iter("a") if a.get("href", "").startswith(("http", "mailto"))]
    assert [a.get("href") for a in links] == [CNIPA, MAIL]
    assert "".join(links[0].itertext()) == "website of CNIPA, up 11.4% year on year"
    assert [len(u.findall("li")) for u in tree.iter("ul") if "list" in u.get("class", "")] \
        == [2]
    assert [len(o.findall("li")) for o in tree.iter("ol") if "list" in o.get("class", "")] \
        == [3]
    assert ["".join(e.itertext()) for e in tree.iter("em")] == ["Key"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("markup")
    out = {}
    for lang in ("zh", "en"):
        out[lang] = folder / f"{lang}.pdf"
        out[lang].write_bytes(render_pdf(_document(lang), load_theme("briefing")))
    return out


def test_pdf_link_annotations(pdfs: dict[str, Path]) -> None:
    pikepdf = pytest.importorskip("pikepdf", reason="needs pikepdf")
    with pikepdf.open(pdfs["en"]) as pdf:
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])
                       if a.get("/A") is not None and a.A.get("/S") == "/URI"]
        uris = [str(a.A.URI) for a in annotations]
        assert set(uris) == {CNIPA, MAIL}
        assert all("/StructParent" in a and str(a.Contents) for a in annotations)
        assert any("CNIPA" in str(a.Contents) for a in annotations)


def test_pdf_structure_of_lists_and_links(pdfs: dict[str, Path]) -> None:
    structure = pytest.importorskip("tests.writers.structure", reason="needs pikepdf")
    for lang in ("zh", "en"):
        tagged = structure.Tagged(pdfs[lang])
        nodes = tagged.tree.walk()
        lists = [n for n in nodes if n.role == "L"
                 and n.kids[0].kids[0].text.strip() in ("•", "1.")]  # not key figures
        assert [len(n.kids) for n in lists] == [2, 3]
        for item in (i for n in lists for i in n.kids):
            assert item.role == "LI" and [k.role for k in item.kids] == ["Lbl", "LBody"]
        labels = [n.kids[0].text.strip() for n in lists[1].kids]
        assert labels == ["1.", "2.", "3."]
        texts = {"zh": ["国家知识产权局网站", "说明"],
                 "en": ["website of CNIPA, up 11.4% year on year", "the note"]}[lang]
        links = [n for n in nodes if n.role == "Link" and n.kids == []
                 and " ".join(n.text.split()) in texts]  # the contents' entries aside
        assert [" ".join(n.text.split()) for n in links] == texts
        assert all(n.links and n.text == n.text.strip() for n in links)
        assert all(" ".join(d.split()) in texts for n in links for d in n.links)


def test_pdf_with_markup_is_pdf_ua_clean(pdfs: dict[str, Path]) -> None:
    pdfua = pytest.importorskip("pdfua", reason="needs pdfua (the test extra)")
    for path in pdfs.values():
        report = pdfua.validate(str(path))
        assert [(f.rule_id, f.message) for f in report.findings] == []


def test_attributes_lose_their_underscores_and_empty_ones_go() -> None:
    root = tag(None, "label", "x", class_="a", for_="b", aria_label="c", title="")
    assert serialise(root) == (b'<!DOCTYPE html>\n'
                               b'<label class="a" for="b" aria-label="c">x</label>\n')


def test_text_goes_after_the_last_child_and_is_escaped() -> None:
    root = tag(None, "p")
    text(root, "a&b")
    tag(root, "br")
    text(root, "<c>")
    text(root, "")
    text(root, "d")
    assert serialise(root) == b"<!DOCTYPE html>\n<p>a&amp;b<br>&lt;c&gt;d</p>\n"
