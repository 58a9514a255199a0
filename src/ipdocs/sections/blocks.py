"""The simple builders: cover, lead, contents, sources, page break."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from ipdocs.doc import Block, Contents, Cover, Heading, PageBreak, Paragraph, Span
from ipdocs.i18n import format_date, word
from ipdocs.model import Report
from ipdocs.model.bounds import MAX_SECTION_DEPTH
from ipdocs.sections.context import FIRST_LEAD, Builder, Context
from ipdocs.sections.inlines import paragraph
from ipdocs.sections.narrative import render
from ipdocs.sections.registry import register_builder


@register_builder
@dataclass(frozen=True)
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
        return (Cover(render(report.title, report, lang), lang, subtitle, tuple(lines)),)


@register_builder
@dataclass(frozen=True)
class LeadBuilder(Builder):
    """The lead paragraphs before the first section."""

    name = "lead"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """One lead paragraph per paragraph of the report's lead (the first only, when the
        brief must be shortened to fit its pages)."""
        lead = report.lead[:1] if ctx.compact >= FIRST_LEAD else report.lead
        return tuple(paragraph(p, report, ctx.lang, "lead", ctx.against) for p in lead)


@register_builder
@dataclass(frozen=True)
class ContentsBuilder(Builder):
    """A table of contents of the headings down to ``depth``."""

    name = "contents"
    depth: Annotated[int, Field(ge=1, le=MAX_SECTION_DEPTH)] = 2

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The contents node; writers fill it from the headings."""
        return (Contents(word("contents", ctx.lang), ctx.lang, self.depth),)


@register_builder
@dataclass(frozen=True)
class PageBreakBuilder(Builder):
    """A page break."""

    name = "page_break"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """A single page break."""
        return (PageBreak(),)


@register_builder
@dataclass(frozen=True)
class SourcesBuilder(Builder):
    """The report's sources as notes under a heading."""

    name = "sources"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """A heading and one note per source; nothing if the report names none."""
        if not report.sources:
            return ()
        lang = ctx.lang
        blocks: list[Block] = [Heading(1, word("sources", lang), lang, anchor="sources")]
        for source in report.sources:
            parts = [render(source.title, report, lang)]
            if source.publisher:
                parts.append(render(source.publisher, report, lang))
            if source.date:
                parts.append(format_date(source.date, lang))
            if source.url:
                parts.append(source.url)
            text = word("source_glue", lang).join(parts)
            blocks.append(Paragraph((Span(text),), lang, "note"))
        return tuple(blocks)
