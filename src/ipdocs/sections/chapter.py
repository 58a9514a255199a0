"""The Chapter builder: a report section with its subsections, numbered per language."""

from __future__ import annotations

from dataclasses import replace

from ipdocs.base.records import datarecord
from ipdocs.doc import Block, Heading
from ipdocs.i18n import section_number, word
from ipdocs.model import Paragraph as ModelParagraph
from ipdocs.model import Report, Section
from ipdocs.sections.charts import ChartBuilder
from ipdocs.sections.context import Builder, Context
from ipdocs.sections.figures import figure_table, old_title
from ipdocs.sections.inlines import prose
from ipdocs.sections.narrative import render
from ipdocs.sections.registry import register_builder

MAX_LEVEL = 3


def section_blocks(section: Section, path: tuple[int, ...], report: Report,
                   ctx: Context) -> list[Block]:
    """Heading, paragraphs and table of ``section``, then its subsections."""
    lang = ctx.lang
    number = section_number(path, lang) if ctx.numbered else ""
    level = min(len(path), MAX_LEVEL)
    title = render(section.title, report, lang)
    heading = Heading(level, title, lang, number, section.id, word("heading_number_gap", lang))
    if ctx.against is not None:
        before = old_section(ctx.against, section.id)
        was = "" if before is None else replace(heading, text=render(
            before.title, ctx.against, lang)).display
        heading = replace(heading, previous=was)
    blocks: list[Block] = [heading]
    old = counterparts(ctx.against, section.id)
    blocks += [prose(p, report, lang, against=ctx.against,
                     was=old[i] if i < len(old) else None)
               for i, p in enumerate(section.paragraphs)]
    if ctx.tables and section.figures:
        blocks.append(figure_table(section.figures, report, lang, title, ctx.against,
                                   old_title(ctx.against, section.id, lang)))
    for index, child in enumerate(section.sections, start=1):
        blocks += section_blocks(child, (*path, index), report, ctx)
    return blocks


def old_section(against: Report, section_id: str) -> Section | None:
    """The section ``section_id`` of the report compared with, if it has one."""
    try:
        return against.section(section_id)
    except KeyError:
        return None


def counterparts(against: Report | None, section_id: str) -> list[ModelParagraph]:
    """The paragraphs of the section ``section_id`` in the report compared with (none
    where it has no such section)."""
    old = old_section(against, section_id) if against is not None else None
    return list(old.paragraphs) if old is not None else []


def part_chart(section: Section, report: Report, ctx: Context) -> list[Block]:
    """A growth chart of a part's figures, where at least three state a percent change."""
    return list(ChartBuilder("growth", section=section.id).build(report, ctx))


def _position(report: Report, section_id: str) -> int:
    """The 1-based position of a top-level section."""
    for index, section in enumerate(report.sections, start=1):
        if section.id == section_id:
            return index
    raise KeyError(f"no top-level section {section_id!r} in the report")


@register_builder
@datarecord(frozen=True)
class ChapterBuilder(Builder):
    """One top-level section (by id), or every one when ``section`` is empty."""

    name = "chapters"
    section: str = ""
    charts: bool = False

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The chapter's blocks, numbered 一、（一） in Chinese and 1. / 1.1 in English."""
        if self.section:
            chosen = [(_position(report, self.section), report.section(self.section))]
        else:
            chosen = list(enumerate(report.sections, start=1))
        blocks: list[Block] = []
        for index, section in chosen:
            blocks += section_blocks(section, (index,), report, ctx)
            if self.charts:
                blocks += part_chart(section, report, ctx)
        return tuple(blocks)
