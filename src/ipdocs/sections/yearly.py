"""Builders for yearly reading: highlights from the data, and last year against this year."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ipdocs.doc import Block, Cell, Column, Paragraph, Span, Table
from ipdocs.i18n import format_quantity, word
from ipdocs.model import Figure, Report
from ipdocs.narrative import figure_change, figure_value
from ipdocs.sections.charts import percent_change_of
from ipdocs.sections.context import Builder, Context, Lang
from ipdocs.sections.figures import change_cell


def _join(items: list[str], lang: Lang) -> str:
    """A list in prose: 甲、乙和丙 / a, b and c."""
    if len(items) < 2:
        return "".join(items)
    glue = "、" if lang == "zh" else ", "
    return glue.join(items[:-1]) + word("and", lang) + items[-1]


def in_sentence(label: str, lang: Lang) -> str:
    """A label as it reads inside an English sentence: lower case unless an acronym."""
    first = label.split(" ", 1)[0]
    if lang == "zh" or first.isupper() or any(c.isupper() for c in first[1:]):
        return label
    return label[:1].lower() + label[1:]


def _item(figure: Figure, lang: Lang, detail: str) -> str:
    """A figure named with a detail: 专利授权量（同比增长11.4%） / patents granted (up …)."""
    label = in_sentence(figure.label.get(lang), lang)
    return f"{label}（{detail}）" if lang == "zh" else f"{label} ({detail})"


def is_record(figure: Figure) -> bool:
    """Whether the value beats every earlier year of at least two in the history."""
    return len(figure.history) >= 2 and figure.value > max(figure.history.values())


def highlight_text(report: Report, figures: list[Figure], lang: Lang, limit: int) -> str:
    """The sentence of rises, falls and records, or empty if the data shows none."""
    changes = [(f, p) for f in figures if not f.stale and (p := percent_change_of(f)) is not None]
    rises = sorted((c for c in changes if c[1] > 0), key=lambda c: c[1], reverse=True)[:limit]
    falls = sorted((c for c in changes if c[1] < 0), key=lambda c: c[1])[:limit]
    records = [f for f in figures if not f.stale and is_record(f)][:limit]
    clauses = []
    groups = [("highlight_rises", [_item(f, lang, figure_change(f, lang)) for f, _ in rises]),
              ("highlight_falls", [_item(f, lang, figure_change(f, lang)) for f, _ in falls]),
              ("highlight_records", [_item(f, lang, figure_value(f, lang)) for f in records])]
    for key, items in groups:
        if items:
            clauses.append(word(key, lang, items=_join(items, lang)))
    if not clauses:
        return ""
    return word("highlight_intro", lang, year=report.year) + word("clause_glue", lang).join(
        clauses) + word("full_stop", lang)


@dataclass(frozen=True)
class HighlightsBuilder(Builder):
    """A paragraph of the largest rises and falls and any records, written from the data."""

    name = "highlights"
    figures: tuple[str, ...] = ()
    limit: int = 3

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The highlights paragraph, or nothing when no figure states a change."""
        ids = self.figures or tuple(report.figures)
        text = highlight_text(report, [report.figure(i) for i in ids], ctx.lang, self.limit)
        return (Paragraph((Span(text),), ctx.lang, "lead"),) if text else ()


def previous_value(figure: Figure, year: int) -> Decimal | None:
    """Last year's value: the change's base, or the history's entry."""
    if figure.change is not None and figure.change.previous is not None:
        return figure.change.previous
    return figure.history.get(year - 1)


@dataclass(frozen=True)
class YearOverYearBuilder(Builder):
    """A table of figures: last year's value, this year's, and the change."""

    name = "year_over_year"
    figures: tuple[str, ...] = ()

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The table of figures whose previous value is known; nothing if there are none."""
        lang = ctx.lang
        ids = self.figures or tuple(report.figures)
        rows = []
        for figure in (report.figure(i) for i in ids):
            before = previous_value(figure, report.year)
            if before is None or figure.kind == "rank" or figure.stale:
                continue
            rows.append((Cell(figure.label.get(lang)),
                         Cell(format_quantity(before, figure.unit_def, lang)),
                         Cell(figure_value(figure, lang)), change_cell(figure, lang)))
        if not rows:
            return ()
        header = (Cell(word("indicator", lang)), Cell(str(report.year - 1)),
                  Cell(str(report.year)), Cell(word("change", lang)))
        columns = (Column("left", 3.6), Column("right", 1.8), Column("right", 1.8),
                   Column("right", 1.4))
        return (Table(columns, (header,), tuple(rows), lang, word("year_over_year", lang)),)
