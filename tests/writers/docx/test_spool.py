"""The body serialised block by block and spliced back (writers/docx/spool.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from lxml import etree

from ipdocs.doc import Bilingual, Document, Heading, Metadata, Paragraph, Span
from ipdocs.themes import load_theme
from ipdocs.writers.docx import render_docx
from ipdocs.writers.docx.spool import BodySpool

PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"


def _blocks(document: DocxDocument, table: bool = True) -> list[Callable[[], object]]:
    """Steps that each add a block: Han text, escaped characters, a table (python-docx
    sizes it from the section), an element declaring a namespace of its own."""
    def nested() -> None:
        run = document.add_paragraph("图")._p.add_r()
        run.append(etree.Element(f"{{{PICTURE}}}pic", nsmap={"pic": PICTURE}))

    steps = [lambda: document.add_paragraph("专利授权量 71425 件"),
             lambda: document.add_paragraph('A & B < C > "D"'),
             lambda: document.add_table(rows=2, cols=2).cell(1, 1).add_paragraph("单元"),
             nested]
    return steps if table else steps[:2] + steps[3:]


def test_flushed_blocks_splice_back_to_the_whole_trees_bytes() -> None:
    whole, spooled = docx.Document(), docx.Document()
    for step in _blocks(whole):
        step()
    spool = BodySpool(spooled.element.body)
    for step in _blocks(spooled):
        step()
        spool.flush()
    assert [child.tag for child in spooled.element.body] == [qn("w:sectPr")]
    assert len(spool.chunks) == 4
    assert spool.document_xml(serialize_part_xml(spooled.element)) == \
        serialize_part_xml(whole.element)


def test_a_body_without_section_properties() -> None:
    whole, spooled = docx.Document(), docx.Document()
    for document in (whole, spooled):
        body = document.element.body
        body.remove(body[-1])
    spool = BodySpool(spooled.element.body)
    for step in _blocks(spooled, table=False):
        step()
        spool.flush()
    for step in _blocks(whole, table=False):
        step()
    assert len(spooled.element.body) == 0
    assert spool.document_xml(serialize_part_xml(spooled.element)) == \
        serialize_part_xml(whole.element)


def test_nothing_flushed_leaves_the_part_as_it_is() -> None:
    document = docx.Document()
    document.add_paragraph("x")
    xml = serialize_part_xml(document.element)
    assert BodySpool(document.element.body).document_xml(xml) == xml


def _document() -> Document:
    text = Paragraph((Span("知识产权 & <保护>"),), "zh")
    return Document(Metadata("T", "zh-CN"),
                    (Heading(1, "一、概况", "zh"), text,
                     Bilingual((text,), (Paragraph((Span("IP"),), "en"),)), text))


def test_the_writer_spools_its_body_to_the_same_bytes(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    theme = load_theme("briefing")
    spooled = render_docx(_document(), theme)
    flushes: list[int] = []
    monkeypatch.setattr(BodySpool, "flush", lambda self: flushes.append(1))
    assert render_docx(_document(), theme) == spooled
    assert len(flushes) >= 4  # after each top-level block, and at the end
    with zipfile.ZipFile(io.BytesIO(spooled)) as package:
        assert "知识产权 &amp; &lt;保护&gt;" in package.read("word/document.xml").decode()
