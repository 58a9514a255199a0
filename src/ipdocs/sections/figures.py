"""Builders of figures: the key-figure panel and a section's figure table."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from pydantic import Field

from ipdocs.base.records import datarecord
from ipdocs.doc import Block, Cell, Column, KeyFigure, KeyFigures, Table
from ipdocs.i18n import (
    as_of,
    change_cell_text,
    quantity_cells,
    word,
)
from ipdocs.model import Figure, Report
from ipdocs.sections.context import COMPACT_KEY_FIGURES, FEW_KEY_FIGURES, Builder, Context, Lang
from ipdocs.sections.inlines import direction, stale_mark
from ipdocs.sections.narrative import (
    figure_change,
    figure_period,
    figure_rank_short,
    figure_value,
    movement,
    render,
)
from ipdocs.sections.registry import BriefRequired, Ids, register_builder
from ipdocs.sections.review import figures_comment, revised_rows


def stale_label(figure: Figure, label: str, lang: Lang, report: Report, *,
                dated: bool = False) -> str:
    """A label with the year a stale value is of: 专利授权量（2024年数据）; nothing more
    where the label is ``dated`` with the stock's own date already."""
    if not figure.stale or (dated and figure.as_of is not None):
        return label
    return label + word("stale_label", lang, year=figure.of_year or report.year - 1)


def key_change(figure: Figure, lang: Lang) -> str:
    """A key figure's change, which never repeats the value shown above it: a change said
    from → to, or to the value reached, gives the previous value alone (由120天缩短 / cut
    from 120 days; up from 80 points)."""
    if figure.change is None:
        return ""
    move = movement(figure, lang)
    if move.form in ("from_to", "to"):
        return change_cell_text(move, lang)
    return figure_change(figure, lang)


def key_figure(figure: Figure, lang: Lang, report: Report | None = None) -> KeyFigure:
    """One item of a key-figure panel. A per-capita basis the label already states
    (每万人高价值发明专利拥有量) is not repeated in the large value above it; a stale value
    is marked, with the year it is of; a stock's date or a flow's period where it is not
    the report's year is named, as the table names it."""
    change = key_change(figure, lang)
    label = figure.label.get(lang)
    if report is not None and not figure.stale:
        label = dated_label(figure, report, lang)
    shown = figure
    if figure.per and figure.per.get(lang).lower() in label.lower():
        shown = figure.model_copy(update={"per": None})
    value = figure_value(shown, lang)
    if figure.stale and report is not None:
        value, label = stale_mark(value, lang), stale_label(figure, label, lang, report)
    return KeyFigure(value, label, change, direction(figure), figure.stale,
                     figure_rank_short(figure, lang))


def default_key_figures(report: Report) -> list[str]:
    """The report's headline figures, or the first tabled figure of each part."""
    if report.key_figures:
        return list(report.key_figures)
    ids = []
    for section in report.walk():
        if section.figures:
            ids.append(section.figures[0])
    return ids[:6]


@register_builder
@datarecord(frozen=True)
class KeyFiguresBuilder(Builder):
    """A panel of headline figures, chosen by id (default: the report's key figures)."""

    name = "key_figures"
    figures: Ids = ()

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The panel, titled 主要数据 / Key figures (a row of three at most, when the brief
        must be shortened to fit its pages)."""
        ids = self.figures or tuple(default_key_figures(report))
        if ctx.cuts(FEW_KEY_FIGURES):
            ids = ids[:COMPACT_KEY_FIGURES]
        items = tuple(key_figure(report.figure(fid), ctx.lang, report) for fid in ids)
        if ctx.against is not None:
            items = tuple(replace(item, was=key_figure(ctx.against.figure(fid), ctx.lang,
                                                       ctx.against)
                                  if fid in ctx.against.figures else KeyFigure("", ""))
                          for fid, item in zip(ids, items, strict=True))
        return (KeyFigures(items, ctx.lang, word("key_figures", ctx.lang)),) if items else ()


def _per_stated(figure: Figure, lang: Lang) -> bool:
    """Whether the figure's label already states its per-capita basis."""
    return figure.per is not None and figure.per.get(lang).lower() in \
        figure.label.get(lang).lower()


def value_cells(figure: Figure, lang: Lang) -> tuple[str, str]:
    """The value and unit cells, reading in the report's word order: 17.1 | 万余家,
    3 | 个月左右, 近9000 | 件 / more than 171,000, RMB 900 million (English keeps the amount
    whole). A rank shows its position (第二名 / second)."""
    if figure.kind == "rank":
        return figure_value(figure, lang), ""
    return quantity_cells(figure.value, figure.unit_def, lang, qualifier=figure.qualifier,
                          per=figure.per.get(lang) if figure.per else None,
                          per_stated=_per_stated(figure, lang))


def table_value(figure: Figure, lang: Lang) -> str:
    """The value cell: the number with its qualifier (English: the whole amount)."""
    return value_cells(figure, lang)[0]


def unit_label(figure: Figure, lang: Lang) -> str:
    """The unit cell: 件, 万余家, 个月左右, 件/万人 in Chinese; nothing in English."""
    return value_cells(figure, lang)[1]


def change_cell(figure: Figure, lang: Lang) -> Cell:
    """The change cell: +11.4%, −13.3%, +1.2个百分点, 上升2位, 由22个月缩短, 新增; empty
    without a change."""
    if figure.change is None:
        return Cell("")
    move = movement(figure, lang)
    return Cell(change_cell_text(move, lang), "new" if move.form == "new" else direction(figure),
                figure.stale, figure.review)


def _label(figure: Figure, report: Report, lang: Lang) -> str:
    """The indicator cell: the label, with a stock's date or a flow's part of the year
    where it is not the year end: 专利授权量（前三季度） / Patents granted (first three
    quarters)."""
    label = dated_label(figure, report, lang)
    return stale_label(figure, label, lang, report,
                       dated=figure.kind == "stock" and figure.as_of != report.year_end())


def dated_label(figure: Figure, report: Report, lang: Lang) -> str:
    """The label with a stock's date or a flow's period where it is not the report's year:
    专利授权量（2023年前2个月） / Patents granted (the first two months of 2023)."""
    label = figure.label.get(lang)
    if figure.kind == "stock" and figure.as_of and figure.as_of != report.year_end():
        label += word("bracketed", lang, text=as_of(figure.as_of, lang))
    if (figure.partial_year and figure.as_of is not None) or figure.since is not None:
        label += word("bracketed", lang, text=figure_period(figure, lang, report.year))
    return label


def figure_row(figure: Figure, report: Report, lang: Lang) -> tuple[Cell, ...]:
    """One table row: indicator, value, unit, change, rank (with last year's report,
    ``figure_table`` sets what each cell read there and the table's comment)."""
    value, unit = value_cells(figure, lang)
    stale, review = figure.stale, figure.review
    if figure.stale:
        value = stale_mark(value, lang)
    return (Cell(_label(figure, report, lang), None, stale, review),
            Cell(value, None, stale, review), Cell(unit, None, stale, review),
            change_cell(figure, lang), Cell(figure_rank_short(figure, lang), None, stale, review))


def figure_table(ids: list[str] | tuple[str, ...], report: Report, lang: Lang,
                 caption: str = "", against: Report | None = None,
                 old_caption: str | None = None) -> Table:
    """A table of the figures ``ids``: indicator, value, unit, change, rank (the unit, change
    and rank columns only where some figure has one: English tables often have no unit to
    show), the figures' notes under it; with ``against``, every cell that reads otherwise
    in the table of the same figures there a revision (its text there, empty for a figure
    or a column that table lacks), and its caption (``old_caption``, else the same) and
    note."""
    header = tuple(Cell(word(k, lang)) for k in ("indicator", "value", "unit", "change", "rank"))
    columns = (Column("left", 4.2), Column("right", 1.8), Column("center", 1.0),
               Column("right", 1.8), Column("left", 2.2))
    figures = [report.figure(fid) for fid in ids]
    rows = tuple(figure_row(figure, report, lang) for figure in figures)
    keep = [i for i in range(len(columns)) if i < 2 or any(row[i].text for row in rows)]
    table = Table(tuple(columns[i] for i in keep), (tuple(header[i] for i in keep),),
                  tuple(tuple(row[i] for i in keep) for row in rows), lang, caption,
                  table_notes(figures, report, lang),
                  note_review=any(f.note_review for f in figures
                                  if f.note is not None or f.discrepancy is not None))
    if against is None:
        return table
    old_ids = [fid for fid in ids if fid in against.figures]
    old = figure_table(old_ids, against, lang, caption if old_caption is None else old_caption)
    return commented(revised_rows(table, list(ids), old, old_ids),
                     figures_comment(figures, report, lang))


def commented(table: Table, comment: str) -> Table:
    """``table`` with one comment for a reviewer, on its first header cell."""
    if not comment or not table.header or not table.header[0]:
        return table
    first, *rest = table.header[0]
    return replace(table, header=((replace(first, comment=comment), *rest),
                                  *table.header[1:]))


def figure_note(figure: Figure, report: Report, lang: Lang) -> str:
    """A figure's note as its author wrote it (the case kept: a note may start with a
    name), with any acknowledged discrepancy of its source after it."""
    notes = [render(t, report, lang) for t in (figure.note, figure.discrepancy) if t]
    return word("clause_glue", lang).join(notes)


def table_notes(figures: list[Figure], report: Report, lang: Lang) -> str:
    """The notes of a table's figures, as one note under it: 注：指标：说明；…"""
    items = [word("note_item", lang, label=f.label.get(lang), note=note)
             for f in figures for note in [figure_note(f, report, lang)] if note]
    if not items:
        return ""
    return word("notes_intro", lang) + word("notes_glue", lang).join(items) + \
        word("full_stop", lang)


@register_builder
@datarecord(frozen=True)
class FigureTableBuilder(Builder):
    """A section's figures as a table (its own and, with ``deep``, its subsections')."""

    name = "figure_table"
    section: Annotated[str, BriefRequired(), Field(min_length=1)] = ""
    deep: bool = True

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The table, captioned with the section's title; nothing if it has no figures."""
        section = report.section(self.section)
        sections = list(section.walk()) if self.deep else [section]
        ids = [fid for s in sections for fid in s.figures]
        if not ids:
            return ()
        caption = render(section.title, report, ctx.lang)
        return (figure_table(ids, report, ctx.lang, caption, ctx.against,
                             old_title(ctx.against, self.section, ctx.lang)),)


def old_title(against: Report | None, section_id: str, lang: Lang) -> str | None:
    """The title of the section ``section_id`` in the report compared with ("" where it
    has no such section; None without one)."""
    if against is None:
        return None
    try:
        return render(against.section(section_id).title, against, lang)
    except KeyError:
        return ""
