"""Walking the document tree: every string, every character, every heading."""

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import InitVar, dataclass
from typing import ClassVar, NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from ipdocs.doc import (
    Bilingual,
    Heading,
    Language,
    Mixed,
    Paragraph,
    Span,
    characters,
    headings,
    strings,
)
from ipdocs.doc.walk import character_set
from ipdocs.loading.loader import load_report
from ipdocs.model import Report
from ipdocs.sections import BriefError, full_brief, load_brief, summary_brief
from tests.conftest import SPECS


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


def _walked_by_isinstance(node: object) -> set[str]:
    """``character_set`` as it was (09250e9) and as ``strings`` still walks: each object
    asked by ``isinstance``, text first, then a language, a dataclass, a tuple or list."""
    seen: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            seen.update(item)
        elif isinstance(item, Language):
            continue
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, tuple | list):
            stack.extend(item)
    return seen


def test_character_sets_of_every_bundled_document_are_those_walked_by_isinstance() -> None:
    briefs = [full_brief(), summary_brief(),
              *(load_brief(path) for path in sorted((SPECS / "briefs").glob("*.yaml")))]
    made = 0
    for spec in sorted(SPECS.glob("*.yaml")):
        if spec.name == "glossary.yaml":
            continue
        report = load_report(spec)
        for brief in briefs:
            for lang, layout in (("zh", "interleaved"), ("en", "interleaved"),
                                 ("zh-en", "interleaved"), ("zh-en", "parallel")):
                try:
                    doc = brief.document(report, lang, layout=layout)  # type: ignore[arg-type]
                except BriefError:
                    continue  # a brief naming sections this report lacks
                made += 1
                assert character_set(doc) == _walked_by_isinstance(doc)
                for block in doc.blocks:
                    assert character_set(block) == _walked_by_isinstance(block)
    assert made >= 40


class _Reversed(str):
    """Text whose iteration gives its characters and one of its own."""

    def __iter__(self) -> Iterator[str]:
        yield from reversed(str(self))
        yield "逆"


class _Claims:
    """An object saying (by ``__class__``) it is of another class, as a proxy does."""

    def __init__(self, claimed: type, value: Iterable[object]) -> None:
        self._claimed = claimed
        self.value = value

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        """The class claimed."""
        return self._claimed

    def __iter__(self) -> Iterator[object]:
        return iter(self.value)


class _Pair(NamedTuple):
    first: object
    second: object


class _Items(list):  # type: ignore[type-arg]
    """A list of its own class."""


@dataclass
class _Open:
    value: object
    more: list[object] = dataclasses.field(default_factory=list)
    shared: ClassVar[str] = "类变量"  # not a field: never walked
    only: InitVar[str] = "初值"

    def __post_init__(self, only: str) -> None:
        self.extra = only  # not a field either


@dataclass(frozen=True, slots=True)
class _Slotted:
    value: object


@dataclass
class _Empty:
    pass


@dataclass(frozen=True)
class _Tongue(Language):
    """A language of its own class: still a description, not text."""


@dataclass(frozen=True)
class _TupleNode(tuple):  # type: ignore[type-arg]
    """A dataclass that is also a tuple: its fields are walked, not its items."""

    note: object = "注"

    def __new__(cls, note: object = "注") -> "_TupleNode":
        """Items that a walk by fields never reaches."""
        return super().__new__(cls, ("项", "不"))


_texts = st.text(alphabet=st.characters(max_codepoint=0x9FFF), max_size=6)
_leaves = st.one_of(
    _texts, st.booleans(), st.none(), st.integers(), st.floats(allow_nan=False),
    st.dates(), st.builds(lambda t: Mixed([Span(t, lang="en"), Span("中")]), _texts),
    st.builds(_Reversed, _texts), st.just(_Empty()), st.just(Span), st.just(_Open),
    st.builds(lambda t: Language("xx", t, han=False, words=(("skip", t),)), _texts),
    st.builds(lambda t: _Tongue("yy", t, han=True), _texts),
    st.builds(lambda t: {t: t}, _texts), st.builds(lambda t: {t}, _texts),
    st.builds(lambda t: t.encode(), _texts),
    st.builds(_Claims, st.sampled_from([str, tuple, list, Language, int]), _texts),
)
_trees = st.recursive(_leaves, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
    st.lists(inner, max_size=4).map(_Items), st.builds(_Pair, inner, inner),
    st.builds(_Open, inner, st.lists(inner, max_size=3)), st.builds(_Slotted, inner),
    st.builds(_TupleNode, inner),
    st.builds(lambda x: Span("跨", figure=x), inner),
    st.builds(lambda xs: Paragraph(tuple(xs), "zh"), st.lists(inner, max_size=3)),
    st.builds(lambda x: _Claims(tuple, (x, "称")), inner),
), max_leaves=30)


@given(_trees)
def test_character_sets_of_odd_trees_are_those_walked_by_isinstance(tree: object) -> None:
    assert character_set(tree) == _walked_by_isinstance(tree)
