"""Every node type of the document tree has a writer in every format (DOCX, PDF, HTML) and
a serial form: a node added to the tree without them fails here, not in a user's build."""

import dataclasses
import typing

from ipdocs.doc import (
    Bilingual,
    Block,
    Cell,
    Chart,
    Column,
    Contents,
    Cover,
    Document,
    Heading,
    ItemList,
    KeyFigure,
    KeyFigures,
    Metadata,
    NoteRef,
    PageBreak,
    Paragraph,
    Series,
    Span,
    Table,
    from_json,
    serial,
    to_json,
)
from ipdocs.doc import nodes as tree
from ipdocs.themes import load_theme
from ipdocs.writers.docx import blocks as docx_blocks
from ipdocs.writers.docx import render_docx
from ipdocs.writers.html import blocks as html_blocks
from ipdocs.writers.html import render_html
from ipdocs.writers.pdf import blocks as pdf_blocks
from ipdocs.writers.pdf import render_pdf


def test_every_block_type_has_a_writer_in_every_format() -> None:
    kinds = set(typing.get_args(Block)) - {Bilingual}  # pairs: grouped into rows by all
    assert set(pdf_blocks.WRITERS) == kinds
    assert set(docx_blocks.WRITERS) == kinds
    assert set(html_blocks.WRITERS) == kinds


def test_every_node_type_has_a_serial_form() -> None:
    node_types = {cls for cls in vars(tree).values()
                  if isinstance(cls, type) and dataclasses.is_dataclass(cls)
                  and cls.__module__ == tree.__name__}
    assert node_types == set(serial._TYPES.values())


def every_block() -> Document:
    """A document of one block of each type, in both languages."""
    table = Table((Column("left", 2), Column("right")), ((Cell("指标"), Cell("数值")),),
                  ((Cell("专利授权量"), Cell("71425", "up")),), "zh", "表", "注：示例")
    chart = Chart("growth", "同比增速", ("甲", "乙", "丙"),
                  (Series("同比", (11.4, -3.2, 5.0), ("+11.4%", "−3.2%", "+5.0%")),), "zh")
    return Document(Metadata("标题", "zh-CN", language="zh"), (
        Cover("标题", "zh", "副标题", ("2025年4月",)),
        Contents("目录", "zh"),
        PageBreak(),
        Heading(1, "创造", "zh", "一、", "creation"),
        Paragraph((Span("专利授权量"), Span("71425件", keep=True), NoteRef("1", "注")), "zh"),
        ItemList((Paragraph((Span("甲", italic=True),), "zh"),
                  Paragraph((Span("乙", link="https://example.org/"),), "zh")), "zh", True),
        table,
        KeyFigures((KeyFigure("71425件", "专利授权量", "同比增长11.4%", "up"),), "zh", "主要数据"),
        chart,
        Bilingual((Heading(2, "专利", "zh", "（一）"),),
                  (Heading(2, "Patents", "en", "1.1", gap=" "),))))


def test_a_document_of_every_block_builds_in_every_format_and_round_trips() -> None:
    doc = every_block()
    assert from_json(to_json(doc)) == doc
    for theme in ("briefing", "official"):
        assert render_pdf(doc, load_theme(theme)).startswith(b"%PDF-")
        assert render_docx(doc, load_theme(theme)).startswith(b"PK")
        assert render_html(doc, load_theme(theme)).startswith(b"<!DOCTYPE html>")
