"""Briefs: builders composed in order, in one language or both, into a document tree."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NewType

from ipdocs.base.inputs import InputError, read_text
from ipdocs.base.kept import ByObjects, keep_afresh, remembered_for
from ipdocs.base.plugins import PluginError, installed_file
from ipdocs.base.problems import Marks, Problem, error, locate
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import CHANGE_VERBS, QUALIFIERS, UNITS, cached_from_measures
from ipdocs.doc import (
    Bilingual,
    Block,
    Chart,
    Contents,
    Cover,
    Document,
    Heading,
    KeyFigure,
    KeyFigures,
    Language,
    Metadata,
    Mixed,
    PageBreak,
    Paragraph,
    Span,
    Table,
)
from ipdocs.doc.nodes import WRITER_WORDS
from ipdocs.i18n import codes, languages_of, locale, word
from ipdocs.i18n.locales import cached_from_locales
from ipdocs.i18n.words import table as lookup_table
from ipdocs.model import Glossary, Report
from ipdocs.sections.blocks import (
    ContentsBuilder,
    CoverBuilder,
    LeadBuilder,
    PageBreakBuilder,
    SourcesBuilder,
)
from ipdocs.sections.brieffile import BUILDERS, BriefError, check_builders, read_brief_file
from ipdocs.sections.chapter import ChapterBuilder
from ipdocs.sections.charts import ChartBuilder
from ipdocs.sections.context import Builder, Context, Lang
from ipdocs.sections.figures import KeyFiguresBuilder
from ipdocs.sections.glossary import GLOSSARY, GlossaryBuilder
from ipdocs.sections.inlines import paragraph_text
from ipdocs.sections.narrative import bind, render
from ipdocs.sections.review import revised
from ipdocs.sections.yearly import HighlightsBuilder, YearOverYearBuilder

LanguageOption = str
"""A document's languages as an option names them: a registered code (zh, en), or two
joined by '-' (zh-en). (A language itself, resolved, is ``ipdocs.doc.Language``.)"""
ShippedLanguage = Literal["zh", "en", "zh-en", "en-zh"]
"""The shipped languages of a document, as a type checker knows them."""
RegisteredLanguage = NewType("RegisteredLanguage", str)
"""A language checked at run time (``language_code``): one registered after ipdocs was
installed (``ipdocs.i18n.register_locale``), or any text read from a user."""
DocumentLanguage = ShippedLanguage | RegisteredLanguage
"""A document's language in the library's signatures: a type checker refuses
``lang="fr"``; a code it cannot know goes through ``language_code`` first."""


def language_code(code: str) -> DocumentLanguage:
    """``code`` checked to name a registered language or two joined by '-'
    (UnknownLanguageError naming the known ones otherwise), typed for the library's
    signatures."""
    languages_of(code)
    return RegisteredLanguage(code)
Layout = Literal["interleaved", "parallel"]
LANGUAGES: tuple[LanguageOption, ...] = ("zh", "en", "zh-en")
"""The shipped languages of a document."""
LAYOUTS: tuple[Layout, ...] = ("interleaved", "parallel")

__all__ = ["BUILDERS", "LANGUAGES", "LAYOUTS", "Brief", "BriefError", "full_brief",
           "load_brief", "summary_brief"]


def _lines(*texts: str) -> str:
    """Texts on lines of their own (a key figure's label or change in each language)."""
    return "\n".join(t for t in texts if t)


def _line_langs(a: KeyFigure, b: KeyFigure, first: Lang, second: Lang) -> tuple[Lang, ...]:
    """The language of each line of a bilingual key figure (see ``KeyFigure.langs``)."""
    return tuple(lang for texts in ((a.label, b.label), (a.change, b.change), (a.rank, b.rank))
                 for text, lang in zip(texts, (first, second), strict=True)
                 for _ in text.splitlines())


def _bilingual_panel(first: KeyFigures, second: KeyFigures) -> KeyFigures:
    """One key-figure panel for both languages: the first language's value, each
    language's label and change on a line of its own."""
    items = tuple(_bilingual_figure(a, b, first.lang, second.lang)
                  for a, b in zip(first.items, second.items, strict=True))
    return KeyFigures(items, first.lang, _both(first.title, first.lang,
                                               second.title, second.lang))


def _bilingual_cover(first: Cover, second: Cover) -> Cover:
    """One cover for both languages: the second's title under the first's (and the cover
    of the document compared with, the same way)."""
    subtitle = Mixed.joined(((second.title, second.lang), (first.subtitle, first.lang),
                             (second.subtitle, second.lang)), " / ")
    lines = tuple(dict.fromkeys((*first.lines, *(Mixed.joined([(line, second.lang)])
                                                 for line in second.lines))))
    was = _bilingual_cover(first.was, second.was) \
        if first.was is not None and second.was is not None else None
    return Cover(first.title, first.lang, subtitle, lines, was)


def _bilingual_figure(a: KeyFigure, b: KeyFigure, first: Lang, second: Lang) -> KeyFigure:
    """One key figure in two languages, each line with its language (and as it read in
    the document compared with)."""
    was = _bilingual_figure(a.was, b.was, first, second) \
        if a.was is not None and b.was is not None else None
    return KeyFigure(a.value, _lines(a.label, b.label), _lines(a.change, b.change),
                     a.direction, a.stale, _lines(a.rank, b.rank),
                     langs=_line_langs(a, b, first, second), was=was)


def _bilingual_chart(first: Chart, second: Chart) -> Chart:
    """One chart for both languages: categories named in both, the first language's
    value labels."""
    categories = tuple(_both(a, first.lang, b, second.lang)
                       for a, b in zip(first.categories, second.categories, strict=True))
    was = None
    if first.was is not None and second.was is not None:
        was = (_both(first.was[0], first.lang, second.was[0], second.lang), first.was[1])
    return replace(first, title=_both(first.title, first.lang, second.title, second.lang),
                   categories=categories, was=was,
                   alt=_both(first.alt, first.lang, second.alt, second.lang))


def _both(first: str, first_lang: Lang, second: str, second_lang: Lang) -> str:
    """Two languages' texts side by side on one line, each piece marked with its
    language (``Mixed``; nothing for two empty ones)."""
    return Mixed.joined(((first, first_lang), (second, second_lang))) \
        if first or second else ""


def _bilingual_contents(first: Contents, second: Contents) -> Contents:
    """The contents once, titled in both languages."""
    return Contents(_both(first.title, first.lang, second.title, second.lang), first.lang,
                    first.depth)


def _glossary_heading(first: Heading, second: Heading) -> Heading | None:
    """The glossary's heading once, in both languages (its table holds both); any other
    heading is not merged."""
    if first.anchor == GLOSSARY:
        return Heading(first.level, _both(first.text, first.lang, second.text, second.lang),
                       first.lang, anchor=GLOSSARY)
    return None


def _glossary_table(first: Table, second: Table) -> Table | None:
    """The glossary's table once: its columns are the two languages already (the
    second language's table where its terms' column is another language than the
    first's: a zh-de document's glossary gives the German); any other table is not
    merged."""
    if first.style != "glossary-table":
        return None
    return second if second.columns[-1].lang != first.columns[-1].lang else first


def _page_break(first: PageBreak, second: PageBreak) -> PageBreak:
    """A page break once."""
    return first


ONCE: dict[type[Any], Callable[[Any, Any], Block | None]] = {
    PageBreak: _page_break,
    Contents: _bilingual_contents,
    Cover: _bilingual_cover,
    KeyFigures: _bilingual_panel,
    Heading: _glossary_heading,
    Table: _glossary_table,
    Chart: _bilingual_chart,
}
"""How a pair of blocks of one node type (the first language's and the second's) becomes
the single block that stands for both, if it does: page breaks and contents appear once;
the cover, key figures and charts merge their two languages into one block, since the
numbers are the same in both. A node type not here is never merged."""


def _once(first: Block, second: Block) -> Block | None:
    """The single block that stands for a pair which must not be repeated, if any
    (``ONCE``, by the pair's node type)."""
    merge = ONCE.get(type(first))
    return merge(first, second) if merge is not None and type(second) is type(first) else None


def combine(first: Sequence[Block], second: Sequence[Block], layout: Layout) -> list[Block]:
    """Pair the blocks of the two languages: one after the other, or side by side."""
    if len(first) != len(second):
        raise ValueError(f"builders gave {len(first)} blocks in one language but "
                         f"{len(second)} in the other")
    out: list[Block] = []
    for a, b in zip(first, second, strict=True):
        single = _once(a, b)
        if single is not None:
            out.append(single)
        elif layout == "parallel":
            out.append(Bilingual((a,), (b,)))
        else:
            out += [a, b]
    return out


def _column_languages(blocks: Sequence[Block], langs: Sequence[Lang]) -> list[Lang]:
    """The languages of table columns (a glossary's terms) not among ``langs``, the
    document's own: described too, after them, so writers can mark the cells."""
    found: list[Lang] = []
    for block in blocks:
        sides = block.left + block.right if isinstance(block, Bilingual) else (block,)
        for item in sides:
            if isinstance(item, Table):
                found += [c.lang for c in item.columns
                          if c.lang and c.lang not in langs and c.lang not in found]
    return found


def resolved_languages(langs: Sequence[Lang]) -> tuple[Language, ...]:
    """What the writers need to know of a document's languages, from their locales."""
    return tuple(Language(code, locale(code).tag, locale(code).han, locale(code).hyphenation,
                          tuple((name, word(f"web.{name}", code)) for name in WRITER_WORDS))
                 for code in langs)


def metadata(report: Report, language: LanguageOption) -> Metadata:
    """Document properties in the document's language(s); a draft says so in its title
    and carries its mark."""
    langs = languages_of(language)
    title = " / ".join(render(report.title, report, lang) for lang in langs)
    if report.draft:
        title = word("draft_title", langs[0], title=title)
    author = word("author_glue", langs[0]).join(a.get(langs[0]) for a in report.authors)
    subject = " / ".join(f"{render(report.region, report, lang)} {report.year}" for lang in langs)
    mark = " ".join(word("draft_mark", lang) for lang in langs) if report.draft else ""
    return Metadata(title, locale(langs[0]).tag, author, subject,
                    tuple(report.region.get(x) for x in langs), report.published, mark,
                    langs[0])


def draft_legend(report: Report, language: LanguageOption) -> list[Block]:
    """What a draft's marks mean, after its cover: nothing for a final document."""
    if not report.draft:
        return []
    years = [f.of_year or report.year - 1 for f in report.figures.values() if f.stale]
    year = min(years, default=report.year - 1)
    return [Paragraph((Span(word("draft_legend", lang, year=year)),), lang, "note")
            for lang in languages_of(language)]


def revised_legend(legend: list[Block], old: list[Block]) -> list[Block]:
    """A draft's legend with what differs from the legend of the document compared with
    (none, when that was final) a revision."""
    texts = [paragraph_text(b) if isinstance(b, Paragraph) else "" for b in old]
    kept = [replace(b, tracked=revised([i for i in b.inlines if isinstance(i, Span)],
                                       texts[at] if at < len(texts) else ""))
            if isinstance(b, Paragraph) else b for at, b in enumerate(legend)]
    gone: list[Block] = [replace(b, inlines=(), tracked=revised([], texts[at]))
                         for at, b in enumerate(old) if at >= len(legend)
                         and isinstance(b, Paragraph)]
    return kept + gone


def _listed_contents(blocks: list[Block]) -> list[Block]:
    """``blocks`` without a table of contents that would list nothing (a brief of tables
    and charts has no heading for it)."""
    depth = max((b.depth for b in blocks if isinstance(b, Contents)), default=0)
    listed = any(isinstance(b, Heading) and b.level <= depth for b in blocks) or any(
        isinstance(b, Bilingual) and any(isinstance(x, Heading) and x.level <= depth
                                         for x in b.left) for b in blocks)
    return blocks if listed else [b for b in blocks if not isinstance(b, Contents)]


def _with_legend(blocks: list[Block], legend: list[Block]) -> list[Block]:
    """``blocks`` with the draft legend after the cover (or first, without one)."""
    if not legend:
        return blocks
    at = next((i + 1 for i, b in enumerate(blocks) if isinstance(b, Cover)), 0)
    return [*blocks[:at], *legend, *blocks[at:]]


_BASE_CHARSET = "".join(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100),
                                         *range(0x2010, 0x2027), *range(0x3000, 0x3020),
                                         *range(0xFF01, 0xFF5F), 0x2212, 0x2103))
_VOCAB_CHARSET = "零一二三四五六七八九十百千万两第首位名居连续年" + "".join(
    [*UNITS, *QUALIFIERS, *(w for pair in CHANGE_VERBS.values() for w in pair)])


def report_charset(report: Report) -> str:
    """Every character any brief of ``report`` can print, in any language, sorted.

    The report's own text in both languages, the fixed words of both languages (not a
    web page's own, ``web.*``: paper never sets them), the vocabularies a rendered
    figure draws on, and the Latin and punctuation ranges.
    """
    own = remembered_for(_OWN_TEXTS, (report,), lambda: _PRINTABLE_ASCII.sub(
        "", report.model_dump_json()), CHARSETS_KEPT)  # printable ASCII is in the base
    charset = _CHARSETS.get(own)
    if charset is None:
        charset = keep_afresh(_CHARSETS, own, "".join(sorted(set(own) | _words_chars())),
                              CHARSETS_KEPT)
    return charset


CHARSETS_KEPT = 8
"""Reports' charsets remembered by the report's text beyond printable ASCII (all the
charset depends on but the fixed words, which forget them when the locales change):
``ipdocs watch`` builds again after each edit, and an edit of a value leaves it as it
was."""
_CHARSETS: dict[str, str] = {}
cached_from_locales(_CHARSETS.clear)  # the fixed words read again
_OWN_TEXTS: ByObjects[str] = OrderedDict()
"""Each report's text beyond printable ASCII (its JSON), by the report object (never
changed once made): every document of a brief, each of a fitted brief's tries among
them, reads it (some 0.6 ms a dump of the Ningbo report)."""
_GLOSSED: ByObjects[str] = OrderedDict()
"""``_glossed`` by the glossary object and the charset it is joined to."""


def _glossed(charset: str, glossary: Glossary) -> str:
    """``charset`` with the characters of ``glossary`` (its JSON), remembered."""
    return remembered_for(_GLOSSED, (glossary,), lambda: "".join(sorted(set(
        charset + glossary.model_dump_json()))), CHARSETS_KEPT, also=(charset,))


_WORDS_CHARS: dict[tuple[str, ...], frozenset[str]] = {}
cached_from_locales(_WORDS_CHARS.clear)  # the word tables read again


def _words_chars() -> frozenset[str]:
    """``_fixed_chars`` of the registered languages' fixed words (as ``report_charset``
    joins them), kept until the registered languages change (when their word tables are
    read again): every document asks."""
    languages = codes()
    kept = _WORDS_CHARS.get(languages)
    if kept is None:
        words = "".join(str({key: text for key, text in lookup_table(lang).items()
                             if not key.startswith("web.")}) for lang in languages)
        kept = _WORDS_CHARS[languages] = _fixed_chars(words)
    return kept


_PRINTABLE_ASCII = re.compile("[ -~]+")
"""Runs of printable ASCII (all of it in ``_BASE_CHARSET``): a report's JSON is mostly
that, and a set of its every character took a document of a fitted brief a millisecond."""


@lru_cache(maxsize=4)
def _fixed_chars(words: str) -> frozenset[str]:
    """The characters of the languages' fixed ``words`` (as ``report_charset`` joins
    them: other words are other text, read again), the vocabularies and the ranges every
    report's charset holds; kept, since every document of a fitted brief asks again."""
    return frozenset(words + _BASE_CHARSET + _VOCAB_CHARSET)


BUILT_KEPT = 128
"""Builders' blocks remembered (``built``): a process that makes a report's documents in
Chinese, English and both (a batch's task, ``ipdocs build -l zh,en,zh-en``) makes the
document of both languages of the blocks the other two were made of."""
_BUILT: ByObjects[tuple[Block, ...]] = OrderedDict()
cached_from_locales(_BUILT.clear)  # the words and grammars blocks are made with
cached_from_measures(_BUILT.clear)  # and the measures their figures are said by


def _built_key(builder: Builder, ctx: Context) -> tuple[Any, ...] | None:
    """What a builder's blocks are made of besides the report, the context's termbase and
    report compared with (compared by identity): the builder (its options, by value) and
    the rest of the context; None where the builder's options cannot be compared
    (unhashable) or the context is not ``Context`` itself."""
    if type(ctx) is not Context:
        return None
    key = (builder, ctx.lang, ctx.numbered, ctx.tables, ctx.compact, ctx.restored)
    try:
        hash(key)
    except TypeError:
        return None
    return key


def built(builder: Builder, report: Report, ctx: Context) -> tuple[Block, ...]:
    """``builder.build(report, ctx)``, remembered while the same report, termbase and
    report compared with (the same objects: a model is never changed once made) are built
    in the same context by an equal builder: a builder is a pure function of them
    (``Builder``), and its blocks are frozen. The registered languages changing forgets
    them all."""
    key = _built_key(builder, ctx)
    if key is None:
        return tuple(builder.build(report, ctx))
    return remembered_for(_BUILT, (report, ctx.glossary, ctx.against),
                          lambda: tuple(builder.build(report, ctx)), BUILT_KEPT, also=key)


@datarecord(frozen=True)
class Brief:
    """A sequence of builders: the recipe of a briefing. ``source`` and ``marks`` say
    where a brief read from a file came from, to locate what ``check`` finds."""

    builders: tuple[Builder, ...]
    name: str = "custom"
    source: str | None = field(default=None, compare=False, repr=False)
    marks: Marks = field(default_factory=dict, compare=False, repr=False)
    pages: int | None = None
    """The most pages the brief may fill: a longer PDF is built again shortened
    (``Context.compact``), as far as its builders' rules allow."""

    def __init__(self, builders: Iterable[Builder], name: str = "custom",
                 source: str | None = None, marks: Marks | None = None,
                 pages: int | None = None) -> None:
        object.__setattr__(self, "builders", tuple(builders))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "marks", marks or {})
        object.__setattr__(self, "pages", pages)

    def check(self, report: Report) -> list[Problem]:
        """Every section or figure the steps name that ``report`` lacks, located."""
        return [locate(p, self.marks) for p in check_builders(self.builders, report)]

    def require(self, report: Report) -> None:
        """Raise BriefError listing every problem ``check`` finds, if any."""
        problems = self.check(report)
        if problems:
            raise BriefError(problems, self.source or f"<brief {self.name}>")

    def blocks(self, report: Report, ctx: Context) -> list[Block]:
        """Every builder's blocks in one language."""
        return [block for builder in self.builders for block in built(builder, report, ctx)]

    def document(self, report: Report, lang: LanguageOption = "zh", *,
                 layout: Layout = "interleaved", theme: str = "briefing",
                 glossary: Glossary | None = None, against: Report | None = None,
                 compact: int = 0, restored: frozenset[int] = frozenset()) -> Document:
        """Build the document tree of ``report`` in ``lang`` (``zh``, ``en`` or ``zh-en``),
        with ``glossary`` or, failing it, the one that came with the report; ``against``
        (last year's report) marks what changed since, for reviewers; ``compact``
        shortens it (``Context.compact``), but for the cuts ``restored`` gives back."""
        langs = languages_of(lang)
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
        self.require(report)
        report = bind(report)
        against = bind(against) if against is not None else None
        glossary = glossary if glossary is not None else report.glossary
        ctx = Context(langs[0], glossary, against=against, compact=compact,
                      restored=restored)
        if len(langs) == 2:
            blocks: list[Block] = []
            for builder in self.builders:
                blocks += combine(built(builder, report, ctx.with_lang(langs[0])),
                                  built(builder, report, ctx.with_lang(langs[1])), layout)
        else:
            blocks = self.blocks(report, ctx)
        legend = draft_legend(report, lang)
        if against is not None:
            legend = revised_legend(legend, draft_legend(against, lang))
        blocks = _with_legend(_listed_contents(blocks), legend)
        charset = report_charset(report)
        if glossary is not None:
            charset = _glossed(charset, glossary)
        meta = metadata(report, lang)
        return Document(meta, tuple(blocks), theme, (meta.title,), charset,
                        resolved_languages([*langs, *_column_languages(blocks, langs)]))


def full_brief() -> Brief:
    """The whole report: cover, contents, lead, key figures, every chapter, last year against
    this year (where the report knows last year's values), glossary, sources."""
    return Brief([CoverBuilder(), ContentsBuilder(), PageBreakBuilder(), LeadBuilder(),
                  KeyFiguresBuilder(), ChapterBuilder(charts=True), YearOverYearBuilder(),
                  GlossaryBuilder(), SourcesBuilder()], "full")


def summary_brief() -> Brief:
    """One page: title, lead, key figures, highlights, one chart of their growth (shortened
    to fit: fewer bars, no chart, the lead's first paragraph, fewer highlights)."""
    return Brief([CoverBuilder(), LeadBuilder(), KeyFiguresBuilder(), HighlightsBuilder(),
                  ChartBuilder("growth", limit=8)], "summary", pages=1)


BUILT_IN = {"full": full_brief, "summary": summary_brief}


def _installed(name: str) -> str:
    """The file of the brief an installed package calls ``name`` (entry point group
    ``ipdocs.briefs``); BriefError if there is none or it cannot be used."""
    try:
        return installed_file("briefs", name, BUILT_IN)
    except PluginError as exc:
        raise BriefError([error((), str(exc))]) from None


def load_brief(name_or_path: str | Path) -> Brief:
    """A built-in brief (``full``, ``summary``) or one described in a YAML file;
    BriefError listing every problem of the file with its line and step."""
    if str(name_or_path) in BUILT_IN:
        return BUILT_IN[str(name_or_path)]()
    path = Path(name_or_path)
    if not path.exists():
        path = Path(_installed(str(name_or_path)))
    try:
        text = read_text(path)
    except InputError as exc:
        raise BriefError([error((), exc.message).at(exc.line, exc.column)], str(path)) from None
    described, marks, problems = read_brief_file(text)
    if problems:
        raise BriefError(problems, str(path), described.builders, marks, described.steps)
    return Brief(described.builders, described.name or path.stem, str(path), marks,
                 described.pages)
