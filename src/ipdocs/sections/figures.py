"""Builders of figures: the key-figure panel and a section's figure table."""

from __future__ import annotations

from dataclasses import dataclass

from ipdocs.doc import Block, Cell, Column, KeyFigure, KeyFigures, Table
from ipdocs.i18n import as_of, format_number, unit_word, word
from ipdocs.model import Figure, Report
from ipdocs.narrative import change_delta, figure_change, figure_number, figure_value
from ipdocs.sections.context import Builder, Context, Lang
from ipdocs.sections.inlines import direction
from ipdocs.vocab import QUALIFIERS, QualifierPosition, UnitKind, get_unit

MINUS = "\u2212"


def key_figure(figure: Figure, lang: Lang) -> KeyFigure:
    """One item of a key-figure panel. A per-capita basis the label already states
    (每万人高价值发明专利拥有量) is not repeated in the large value above it."""
    change = figure_change(figure, lang) if figure.change else ""
    label = figure.label.get(lang)
    shown = figure
    if figure.per and figure.per.get(lang).lower() in label.lower():
        shown = figure.model_copy(update={"per": None})
    return KeyFigure(figure_value(shown, lang), label, change, direction(figure))


def default_key_figures(report: Report) -> list[str]:
    """The report's headline figures, or the first tabled figure of each part."""
    if report.key_figures:
        return list(report.key_figures)
    ids = []
    for section in report.walk():
        if section.figures:
            ids.append(section.figures[0])
    return ids[:6]


@dataclass(frozen=True)
class KeyFiguresBuilder(Builder):
    """A panel of headline figures, chosen by id (default: the report's key figures)."""

    name = "key_figures"
    figures: tuple[str, ...] = ()

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The panel, titled 主要数据 / Key figures."""
        ids = self.figures or tuple(default_key_figures(report))
        items = tuple(key_figure(report.figure(fid), ctx.lang) for fid in ids)
        return (KeyFigures(items, ctx.lang, word("key_figures", ctx.lang)),) if items else ()


def _qualified(number: str, figure: Figure, lang: Lang) -> str:
    """A table value with the figure's qualifier: 近9000 / nearly 9,000."""
    if figure.qualifier is None:
        return number
    q = QUALIFIERS[figure.qualifier]
    if lang == "en":
        return f"{word('qualifier.' + q.meaning, 'en')} {number}"
    return q.token + number if q.position is QualifierPosition.PREFIX else number + q.token


def table_value(figure: Figure, lang: Lang) -> str:
    """The value cell: the number with its qualifier, the unit left to its own column."""
    if figure.kind == "rank":
        return figure_value(figure, lang)
    return _qualified(figure_number(figure, lang), figure, lang)


def unit_label(figure: Figure, lang: Lang) -> str:
    """The unit cell: 件, 亿元, % in Chinese; RMB, %, days or — in English."""
    unit = get_unit(figure.unit)
    per = f"/{figure.per.zh.removeprefix('每')}" if figure.per and lang == "zh" else ""
    if lang == "zh":
        return "" if figure.kind == "rank" else unit.code + per
    if figure.per:
        return figure.per.en
    if unit.kind is UnitKind.MONEY and unit.currency:
        return word("currency." + unit.currency, "en")
    if unit.kind is UnitKind.PERCENT:
        return "%"
    if unit.kind in (UnitKind.DURATION, UnitKind.WEIGHT):
        return unit_word(figure.unit, figure.value, lang)
    return ""


def change_cell(figure: Figure, lang: Lang) -> Cell:
    """The change cell: +11.4%, −13.3%, +9.3, new; empty without a change."""
    if figure.change is None:
        return Cell("")
    delta = change_delta(figure)
    if delta is None:
        return Cell(word("new", lang), "new")
    amount, unit = delta
    sign = "+" if amount > 0 else MINUS if amount < 0 else "±"
    text = sign + format_number(abs(amount), lang) + ("%" if unit is None else "")
    if figure.change.qualifier:
        text = _qualified(text, figure.model_copy(update={"qualifier": figure.change.qualifier}),
                          lang)
    if figure.change.basis:
        text += f" ({figure.change.basis.get(lang)})"
    return Cell(text, direction(figure))


def figure_row(figure: Figure, report: Report, lang: Lang) -> tuple[Cell, ...]:
    """One table row: indicator, value, unit, change."""
    label = figure.label.get(lang)
    if figure.kind == "stock" and figure.as_of and figure.as_of != report.year_end():
        label += f" ({as_of(figure.as_of, lang)})"
    return (Cell(label), Cell(table_value(figure, lang)), Cell(unit_label(figure, lang)),
            change_cell(figure, lang))


def figure_table(ids: list[str] | tuple[str, ...], report: Report, lang: Lang,
                 caption: str = "") -> Table:
    """A table of the figures ``ids``: indicator, value, unit, change (the unit and change
    columns only where some figure has one: English tables often have no unit to show)."""
    header = tuple(Cell(word(k, lang)) for k in ("indicator", "value", "unit", "change"))
    columns = (Column("left", 4.2), Column("right", 1.8), Column("center", 1.0),
               Column("right", 1.8))
    rows = tuple(figure_row(report.figure(fid), report, lang) for fid in ids)
    keep = [i for i in range(len(columns)) if i < 2 or any(row[i].text for row in rows)]
    return Table(tuple(columns[i] for i in keep), (tuple(header[i] for i in keep),),
                 tuple(tuple(row[i] for i in keep) for row in rows), lang, caption)


@dataclass(frozen=True)
class FigureTableBuilder(Builder):
    """A section's figures as a table (its own and, with ``deep``, its subsections')."""

    name = "figure_table"
    section: str = ""
    deep: bool = True

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The table, captioned with the section's title; nothing if it has no figures."""
        section = report.section(self.section)
        sections = list(section.walk()) if self.deep else [section]
        ids = [fid for s in sections for fid in s.figures]
        if not ids:
            return ()
        return (figure_table(ids, report, ctx.lang, section.title.get(ctx.lang)),)
