"""Walking the document tree: every string, every character, every heading."""

from dataclasses import dataclass

from ipdocs.doc import (
    Bilingual,
    Heading,
    Language,
    Paragraph,
    Span,
    characters,
    headings,
    strings,
)
from ipdocs.model import Report
from ipdocs.sections import full_brief, summary_brief


@dataclass(frozen=True)
class _Leaf:
    text: str
    kind: type = str


@dataclass(frozen=True)
class _Node:
    items: tuple[object, ...]
    extra: list[object]


def test_characters_are_those_of_every_string_below() -> None:
    tree = _Node((_Leaf("乙b"), "甲", 3, None, [_Leaf("a"), ("c", _Node((), []))]), ["z甲"])
    assert list(strings(tree)) == ["乙b", "甲", "a", "c", "z甲"]
    assert characters(tree) == "abcz乙甲"
    assert characters(_Leaf) == ""  # a class, not a node


def test_characters_of_documents_match_their_strings(sample: Report) -> None:
    for brief in (full_brief(), summary_brief()):
        for lang in ("zh", "en", "zh-en"):
            doc = brief.document(sample, lang)  # type: ignore[arg-type]
            expected = "".join(sorted({c for s in strings(doc) for c in s}))
            assert characters(doc) == expected


def test_headings_include_those_inside_pairs_in_order() -> None:
    inner = Heading(1, "Inner", "en")
    outer = Heading(1, "外", "zh")
    after = Heading(2, "后", "zh")
    blocks = [outer, Bilingual((), (inner,)), Paragraph((Span("x"),), "zh"), after]
    assert list(headings(blocks)) == [outer, inner, after]  # type: ignore[arg-type]


def test_a_language_s_description_is_not_the_document_s_text() -> None:
    language = Language("xx", "xx-XX", han=False, words=(("skip", "跳到正文"),))
    node = _Node((Paragraph((Span("文"),), "xx"), language), [])
    assert "跳到正文" not in list(strings(node)) and "xx" in list(strings(node))
    assert characters(node) == "bdoxy文"  # the paragraph's language and style, its text
