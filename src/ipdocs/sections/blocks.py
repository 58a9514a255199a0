"""The simple builders: cover, lead, contents, sources, page break."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from pydantic import Field

from ipdocs.base.records import datarecord
from ipdocs.doc import Block, Contents, Cover, Heading, PageBreak, Paragraph, Span
from ipdocs.i18n import format_date, word
from ipdocs.model import Report, Source
from ipdocs.model.bounds import MAX_SECTION_DEPTH
from ipdocs.sections.context import FIRST_LEAD, Builder, Context, Lang
from ipdocs.sections.inlines import prose
from ipdocs.sections.narrative import render
from ipdocs.sections.registry import register_builder
from ipdocs.sections.review import revised


@register_builder
@datarecord(frozen=True)
class CoverBuilder(Builder):
    """Title, subtitle, authors, issuer and publication date."""

    name = "cover"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The title block."""
        lang = ctx.lang
        lines = []
        if report.issuer:
            lines.append(render(report.issuer, report, lang))
        if report.authors:
            lines.append(word("cover_names_glue", lang).join(
                render(a, report, lang) for a in report.authors))
        if report.published:
            lines.append(format_date(report.published, lang))
        subtitle = render(report.subtitle, report, lang) if report.subtitle else ""
        cover = Cover(render(report.title, report, lang), lang, subtitle, tuple(lines))
        if ctx.against is not None:
            old = self.build(ctx.against, replace(ctx, against=None))[0]
            assert isinstance(old, Cover)
            cover = replace(cover, was=old)
        return (cover,)


@register_builder
@datarecord(frozen=True)
class LeadBuilder(Builder):
    """The lead paragraphs before the first section."""

    name = "lead"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """One lead paragraph per paragraph of the report's lead (the first only, when the
        brief must be shortened to fit its pages)."""
        lead = report.lead[:1] if ctx.cuts(FIRST_LEAD) else report.lead
        old = ctx.against.lead if ctx.against is not None else []
        return tuple(prose(p, report, ctx.lang, "lead", ctx.against,
                           old[i] if i < len(old) else None) for i, p in enumerate(lead))


@register_builder
@datarecord(frozen=True)
class ContentsBuilder(Builder):
    """A table of contents of the headings down to ``depth``."""

    name = "contents"
    depth: Annotated[int, Field(ge=1, le=MAX_SECTION_DEPTH)] = 2

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The contents node; writers fill it from the headings."""
        return (Contents(word("contents", ctx.lang), ctx.lang, self.depth),)


@register_builder
@datarecord(frozen=True)
class PageBreakBuilder(Builder):
    """A page break."""

    name = "page_break"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """A single page break."""
        return (PageBreak(),)


@register_builder
@datarecord(frozen=True)
class SourcesBuilder(Builder):
    """The report's sources as notes under a heading."""

    name = "sources"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """A heading and one note per source; nothing if the report names none."""
        if not report.sources:
            return ()
        lang = ctx.lang
        blocks: list[Block] = [Heading(1, word("sources", lang), lang, anchor="sources")]
        notes = [Paragraph((Span(source_text(source, report, lang), review=source.review),),
                           lang, "note", False,
                           word("comment_source", lang) if source.review and ctx.against
                           else "")
                 for source in report.sources]
        if ctx.against is not None:
            old = [source_text(source, ctx.against, lang) for source in ctx.against.sources]
            notes = revised_notes(notes, old)
        return (*blocks, *notes)


def source_text(source: Source, report: Report, lang: Lang) -> str:
    """A source as its note reads: title, publisher, date and address."""
    parts = [render(source.title, report, lang)]
    if source.publisher:
        parts.append(render(source.publisher, report, lang))
    if source.date:
        parts.append(format_date(source.date, lang))
    if source.url:
        parts.append(source.url)
    return word("source_glue", lang).join(parts)


def revised_notes(notes: list[Paragraph], old: list[str]) -> list[Paragraph]:
    """One-line notes against the notes of the document compared with: a new note an
    insertion, a note that is gone a deletion (an empty note holding it), a note that
    changed a revision of it."""
    from difflib import SequenceMatcher  # here: only a compared document diffs its notes

    texts = ["".join(i.text for i in n.inlines if isinstance(i, Span)) for n in notes]
    lang = notes[0].lang if notes else ""
    out: list[Paragraph] = []
    for _, i1, i2, j1, j2 in SequenceMatcher(None, old, texts, autojunk=False).get_opcodes():
        befores = old[i1:i2]
        for at, j in enumerate(range(j1, j2)):
            was = befores[at] if at < len(befores) else ""
            out.append(replace(notes[j], tracked=revised(
                [i for i in notes[j].inlines if isinstance(i, Span)], was)))
        out += [Paragraph((), lang, "note", tracked=(Span("", previous=gone),))
                for gone in befores[j2 - j1:]]
    return out
