"""The node types of the document tree: immutable dataclasses, no behaviour beyond data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from typing import Any, Literal

from ipdocs.base.records import datarecord

Lang = str
"""The code of the language a node's text is in (zh, en): ``Document.language`` says what
writers need to know of it."""
Align = Literal["left", "center", "right"]
Direction = Literal["up", "down", "flat", "new"]


@datarecord(frozen=True)
class Span:
    """A run of text; ``figure`` names the figure it states, for writers that mark them."""

    text: str
    emphasis: bool = False
    figure: str | None = None
    review: bool = False
    keep: bool = False
    """Never break a line inside this span (a number with its unit and sign)."""
    stale: bool = False
    """A draft's value kept from an earlier year: marked apart from fresh values and from
    text to review."""
    previous: str | None = None
    """What this text said in the document it is compared with (a figure's value last
    year): writers that track changes show it deleted and this text inserted."""
    comment: str = ""
    """A reviewer's note on this text (why it is marked), for writers that hold comments."""
    italic: bool = False
    """Emphasis (``*…*`` in a spec): italic where the language's script has italics; Han
    text has none and sets it as ``emphasis`` (bold) — see ``writers.looks.span_look``."""
    link: str | None = None
    """The address this text links to (http, https or mailto), or None."""
    lang: Lang | None = None
    """The language of this text where it is not its paragraph's (None: the paragraph's)."""


class Mixed(str):
    """Text whose pieces are in different languages, for a string field of a node (a
    cover's subtitle, a heading's or a chart's title, a chart's description): a ``str``
    like any other, its text the spans' texts joined, which also says the language of
    each piece (``Span.lang``; None: the node's own, as a separator between them).

    Writers that mark languages read ``spans_of``; any other code sees a string. Text
    made from it by string operations (slicing, ``+``) is a plain ``str`` again, in the
    node's language.
    """

    spans: tuple[Span, ...]

    def __new__(cls, spans: Iterable[Span]) -> Mixed:
        """Text of ``spans``, each with its language."""
        kept = tuple(spans)
        made = super().__new__(cls, "".join(s.text for s in kept))
        made.spans = kept
        return made

    @classmethod
    def joined(cls, parts: Iterable[tuple[str, Lang]], separator: str = " ") -> Mixed:
        """The texts of ``parts`` (each a text and its language; an empty one left out)
        joined by ``separator``, which is in the node's language."""
        spans: list[Span] = []
        for text, lang in parts:
            if not text:
                continue
            if spans:
                spans.append(Span(separator))
            spans += [replace(s, lang=s.lang or lang) for s in spans_of(text)]
        return cls(spans)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its spans (documents go to worker processes)."""
        return (Mixed, (self.spans,))

    def __repr__(self) -> str:
        return f"Mixed({self.spans!r})"


def spans_of(text: str) -> tuple[Span, ...]:
    """The pieces of ``text`` with their languages: a ``Mixed`` text's spans, or the
    whole of a plain one in its node's language (``lang`` None)."""
    if isinstance(text, Mixed):
        return text.spans
    return (Span(text),) if text else ()


def concat(*texts: str) -> str:
    """``texts`` one after the other, each piece keeping its language (a ``Mixed`` if any
    of them is one, else a plain string)."""
    if not any(isinstance(t, Mixed) for t in texts):
        return "".join(texts)
    return Mixed(s for t in texts for s in spans_of(t))


@datarecord(frozen=True)
class NoteRef:
    """A reference to a note (a superscript mark in the text)."""

    mark: str
    text: str


Inline = Span | NoteRef


@datarecord(frozen=True)
class Metadata:
    """Document properties: what a reader's file dialog and PDF properties show."""

    title: str
    lang: str
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    date: dt.date | None = None
    draft: str = ""
    """The mark a draft carries on every page and in its properties (草稿 / DRAFT), or
    nothing for a final document."""

    language: Lang = ""
    """The code of the document's first language (its title's and running header's)."""


@datarecord(frozen=True)
class Language:
    """What writers need to know of a language, resolved from its locale when the tree is
    built: writers read these, never compare language codes."""

    code: Lang
    tag: str
    """The BCP-47 tag text in the language is marked with (zh-CN, en-GB)."""
    han: bool
    """Set as Han text: the East Asian font slot, a first-line indent in ems, kinsoku."""
    hyphenation: str | None = "auto"
    """The pyphen dictionary long words hyphenate with at a line's end (en_US), or None;
    ``auto`` (a language described by hand): en_US unless it is set as Han."""

    words: tuple[tuple[str, str], ...] = ()
    """The fixed words writers print in the language that the tree does not hold (a web
    page's skip link, a chart's data table: ``WRITER_WORDS``), by name; none for a
    language described by hand (writers then use English)."""

    @property
    def dictionary(self) -> str | None:
        """The hyphenation dictionary, ``auto`` resolved."""
        if self.hyphenation == "auto":
            return None if self.han else "en_US"
        return self.hyphenation

    @property
    def hyphenates(self) -> bool:
        """Whether long words may be hyphenated at a line's end."""
        return self.dictionary is not None


def find_language(languages: Sequence[Language], code: Lang) -> Language:
    """The description of ``code`` among a document's ``languages`` (KeyError naming them
    if it is not there)."""
    for language in languages:
        if language.code == code:
            return language
    raise KeyError(f"the document does not describe language {code!r} (its languages: "
                   f"{', '.join(x.code for x in languages) or 'none'})")


WRITER_WORDS = ("skip", "data", "item", "says", "then", "end")
"""The names of a language's ``words`` (``web.<name>`` in its words file): a web page's
skip link, the summary of a chart's data table and its first column's head, and the
glue of a chart's description (": ", "; ", ".")."""

SHIPPED_LANGUAGES = (
    Language("zh", "zh-CN", han=True, hyphenation=None,
             words=(("skip", "跳到正文"), ("data", "图表数据表"), ("item", "项目"),
                    ("says", "："), ("then", "；"), ("end", "。"))),
    Language("en", "en-GB", han=False, hyphenation="en_US",
             words=(("skip", "Skip to the text"), ("data", "The chart's figures as a table"),
                    ("item", "Item"), ("says", ": "), ("then", "; "), ("end", "."))),
)
"""The shipped languages as the locale registry resolves them (a test keeps the two in
step): what a tree made by hand describes unless it says otherwise. Briefs resolve the
languages of the trees they make from the registry."""


@datarecord(frozen=True)
class Cover:
    """The title block: title, subtitle and lines such as authors and date."""

    title: str
    lang: Lang
    subtitle: str = ""
    lines: tuple[str, ...] = ()
    was: Cover | None = None
    """The cover of the document compared with (see Span.previous)."""


@datarecord(frozen=True)
class Heading:
    """A heading; ``number`` is the localised section number (一、, （一）, 1.1) or empty."""

    level: int
    text: str
    lang: Lang
    number: str = ""
    anchor: str = ""
    gap: str = ""
    """What stands between the number and the text (a space in English, nothing in
    Chinese, whose numbers end in 、 or ）)."""
    previous: str | None = None
    """The heading's title as printed in the document compared with (see Span.previous)."""

    @property
    def display(self) -> str:
        """The heading as printed: 一、标题 / （一）标题 / 1. Title / 1.1 Title."""
        if not self.number:
            return self.text
        return concat(self.number + self.gap, self.text)


@datarecord(frozen=True)
class Paragraph:
    """A paragraph of inlines in one language, set in a theme style (body, lead, note…)."""

    inlines: tuple[Inline, ...]
    lang: Lang
    style: str = "body"
    review: bool = False
    comment: str = ""
    """A reviewer's note on the whole paragraph (why it is marked for review)."""
    tracked: tuple[Inline, ...] | None = None
    """The inlines cut where they differ from the document compared with, each difference
    a revision (see Span.previous): what writers that track changes write instead of
    ``inlines``. A paragraph with no inlines but tracked ones is one that document had and
    this one lacks (the other writers leave it out)."""

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(i.text if isinstance(i, Span) else i.mark for i in self.inlines)


@datarecord(frozen=True)
class ItemList:
    """A bulleted or numbered list (a spec paragraph written as ``- `` or ``1. `` lines):
    each item a paragraph of inlines in the list's language and style."""

    items: tuple[Paragraph, ...]
    lang: Lang
    ordered: bool = False
    style: str = "body"


@datarecord(frozen=True)
class Column:
    """A table column: its alignment and relative width."""

    align: Align = "left"
    width: float = 1.0
    lang: Lang = ""
    """The language of the column's body cells where it is not the table's (a glossary's
    Chinese and English terms), else ''."""


@datarecord(frozen=True)
class Cell:
    """A table cell: its text and, for a change, the direction it shows."""

    text: str
    direction: Direction | None = None
    stale: bool = False
    review: bool = False
    previous: str | None = None
    """What the cell said in the document it is compared with (see Span.previous)."""
    comment: str = ""


RowChange = Literal["", "inserted", "deleted"]
"""How a table row differs from the document compared with."""


@datarecord(frozen=True)
class Table:
    """A table with header rows repeated on every page; numbers aligned right."""

    columns: tuple[Column, ...]
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    lang: Lang
    caption: str = ""
    note: str = ""
    style: str = "metric-table"
    was: tuple[str, str] | None = None
    """The caption and note the table had in the document compared with."""
    note_review: bool = False
    """The note is carried over from last year and may no longer hold: marked for review."""
    revision: RowChange = ""
    """Against the document compared with, a table it lacked (inserted) or one it had and
    this document lacks (deleted): its header rows too are marked so; writers that do not
    track changes leave a deleted table out."""
    changes: tuple[RowChange, ...] = ()
    """Against the document compared with, each body row kept (its cells' own revisions),
    inserted, or deleted (its cells empty, their previous text what it held): writers that
    track changes show them, the others leave deleted rows out. Empty: all kept."""

    def shown(self) -> Table:
        """The table as a reader of the new document sees it: deleted rows left out."""
        if "deleted" not in self.changes:
            return self
        rows = tuple(r for r, c in zip(self.rows, self.changes, strict=True) if c != "deleted")
        return replace(self, rows=rows, changes=())


@datarecord(frozen=True)
class KeyFigure:
    """One headline figure: its value, label and change."""

    value: str
    label: str
    change: str = ""
    direction: Direction | None = None
    stale: bool = False
    rank: str = ""
    """The figure's rank, as a key figure states it (居全国第二位 / 2nd in China)."""
    langs: tuple[Lang, ...] = ()
    """The language of each line of its label, then of its change, then of its rank, in a
    panel in two languages; () where every line is in the panel's."""
    was: KeyFigure | None = None
    """The same figure as it read in the document compared with (see Span.previous): its
    value, label, change and rank there; an empty one where that document lacked it."""

    def lines(self, default: Lang) -> tuple[list[tuple[str, Lang]], ...]:
        """Its label's, change's and rank's lines, each with its language (``default``,
        the panel's, where ``langs`` does not say)."""
        langs = iter(self.langs)
        return tuple([(line, next(langs, "") or default) for line in text.splitlines()]
                     for text in (self.label, self.change, self.rank))


@datarecord(frozen=True)
class KeyFigures:
    """A panel of headline figures."""

    items: tuple[KeyFigure, ...]
    lang: Lang
    title: str = ""


@datarecord(frozen=True)
class Series:
    """One data series of a chart: values as numbers, labels already formatted."""

    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...]
    formats: tuple[str, ...] = ()
    """Spreadsheet number formats that show each value as its label (for native charts)."""


@datarecord(frozen=True)
class Chart:
    """A chart: bars of values or of changes, or a series over years."""

    kind: Literal["bar", "growth", "years"]
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    lang: Lang
    source: str = ""
    alt: str = ""
    """What the chart shows, in words, for a reader who cannot see it: its kind, title and
    every bar's category and value (a PDF figure's /Alt, a DOCX drawing's description)."""
    revision: RowChange = ""
    """Against the document compared with: a chart it lacked (inserted), or one it had
    and this one lacks (deleted: writers that track changes show it so, the others leave
    it out)."""
    was: tuple[str, str] | None = None
    """The title and source the chart had in the document compared with."""
    compact: bool = False
    """Drawn shorter (its bars closer together): a brief shortened to fit its page shrinks
    its chart before it leaves it out."""


@datarecord(frozen=True)
class Contents:
    """A table of contents, filled from the headings by the writer."""

    title: str
    lang: Lang
    depth: int = 2


@datarecord(frozen=True)
class PageBreak:
    """Start a new page."""


@datarecord(frozen=True)
class Bilingual:
    """The same content in two languages, to be set side by side: the document's first
    language left, its second right."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]


Block = (Cover | Heading | Paragraph | ItemList | Table | KeyFigures | Chart | Contents
         | PageBreak | Bilingual)


@datarecord(frozen=True)
class Document:
    """A whole document: metadata, the name of its theme and its blocks."""

    metadata: Metadata
    blocks: tuple[Block, ...]
    theme: str = "briefing"
    headers: tuple[str, ...] = field(default=())
    charset: str = ""
    """Characters fonts embedded in the file must cover beyond the document's own: every
    brief of one report then embeds identical font subsets (LibreOffice shares embedded
    fonts by family name across the documents of a session)."""
    languages: tuple[Language, ...] = SHIPPED_LANGUAGES
    """Every language the document's nodes are in, resolved."""

    def language(self, code: Lang) -> Language:
        """What a node's language is (KeyError if the document does not describe it)."""
        return find_language(self.languages, code)

    @property
    def main(self) -> Language:
        """The document's first language (its title's, its running header's): the one
        ``metadata.language`` names, else the one whose tag the metadata carries."""
        if self.metadata.language:
            return self.language(self.metadata.language)
        return next((x for x in self.languages if x.tag == self.metadata.lang),
                    self.languages[0])

    @property
    def title_page(self) -> bool:
        """Whether the first page is a title page: the document opens with its cover (in
        either language of a side-by-side pair)."""
        first = self.blocks[0] if self.blocks else None
        if isinstance(first, Bilingual):
            return any(part and isinstance(part[0], Cover) for part in (first.left, first.right))
        return isinstance(first, Cover)
