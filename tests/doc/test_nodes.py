"""The document tree: immutable nodes, JSON round trip, string walk."""

import dataclasses
import datetime as dt

import pytest

from ipdocs.doc import (
    Bilingual,
    Cell,
    Column,
    Document,
    Heading,
    KeyFigure,
    KeyFigures,
    Metadata,
    NoteRef,
    PageBreak,
    Paragraph,
    Span,
    Table,
    characters,
    from_json,
    strings,
    to_json,
)


def sample_document() -> Document:
    """A document holding one of most node types."""
    table = Table((Column("left"), Column("right")), ((Cell("指标"), Cell("数值")),),
                  ((Cell("专利"), Cell("+1%", "up")),), "zh", "表")
    return Document(
        Metadata("标题", "zh-CN", "金燕", "宁波 2024", ("宁波市",), dt.date(2025, 4, 26)),
        (Heading(1, "创造", "zh", "一、", "creation"),
         Paragraph((Span("专利", emphasis=True), Span("71425件", figure="p"),
                    NoteRef("1", "注")), "zh"),
         table,
         KeyFigures((KeyFigure("71425件", "专利授权量", "同比增长11.4%", "up"),), "zh"),
         PageBreak(),
         Bilingual((Heading(1, "创造", "zh"),), (Heading(1, "Creation", "en"),))))


def test_json_round_trip() -> None:
    doc = sample_document()
    assert from_json(to_json(doc)) == doc


def test_json_is_tagged_and_readable() -> None:
    text = to_json(sample_document())
    assert '"node": "Heading"' in text
    assert "创造" in text  # not escaped


def test_nodes_are_immutable() -> None:
    heading = Heading(1, "x", "zh")
    with pytest.raises(dataclasses.FrozenInstanceError):
        heading.text = "y"  # type: ignore[misc]


def test_paragraph_text() -> None:
    assert Paragraph((Span("a"), NoteRef("1", "n"), Span("b")), "en").text == "a1b"


def test_strings_and_characters() -> None:
    doc = sample_document()
    assert "71425件" in list(strings(doc))
    chars = characters(doc)
    assert "专" in chars and chars == "".join(sorted(set(chars)))
