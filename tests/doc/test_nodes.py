"""The document tree: immutable nodes, JSON round trip, string walk."""

import dataclasses
import datetime as dt
import pickle

import pytest

from ipdocs.doc import (
    Bilingual,
    Cell,
    Column,
    Cover,
    Document,
    Heading,
    KeyFigure,
    KeyFigures,
    Language,
    Metadata,
    Mixed,
    NoteRef,
    PageBreak,
    Paragraph,
    Span,
    Table,
    characters,
    concat,
    from_json,
    spans_of,
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


def test_mixed_text_is_a_string_that_says_each_piece_s_language() -> None:
    text = Mixed.joined([("目录", "zh"), ("", "zh"), ("Contents", "en")])
    assert text == "目录 Contents" and isinstance(text, str)
    assert [(s.text, s.lang) for s in spans_of(text)] == [
        ("目录", "zh"), (" ", None), ("Contents", "en")]
    assert spans_of("plain") == (Span("plain"),) and spans_of("") == ()
    heading = Heading(1, text, "zh", number="一、")
    assert heading.display == "一、目录 Contents"
    assert [s.lang for s in spans_of(heading.display)] == [None, "zh", None, "en"]
    assert concat("a", "b") == "ab" and not isinstance(concat("a", "b"), Mixed)


def test_mixed_text_survives_pickling_and_json() -> None:
    cover = Cover("标题", "zh", Mixed.joined([("Title", "en")]))
    again = pickle.loads(pickle.dumps(cover))
    assert isinstance(again.subtitle, Mixed) and again.subtitle.spans == cover.subtitle.spans
    back = from_json(to_json(cover))
    assert isinstance(back.subtitle, Mixed) and back.subtitle.spans == cover.subtitle.spans
    assert to_json(back) == to_json(cover)


def test_a_language_hyphenates_with_its_dictionary() -> None:
    assert Language("en", "en-GB", han=False).dictionary == "en_US"  # described by hand
    assert Language("zh", "zh-CN", han=True).dictionary is None
    assert Language("de", "de-DE", han=False, hyphenation="de_DE").dictionary == "de_DE"
    assert not Language("xx", "xx-XX", han=False, hyphenation=None).hyphenates
