"""Builders for yearly reading: highlights from the data, and last year against this year.

The highlights claim only what the data proves: "the largest rises" (增幅居前) only among
figures of one kind of measure and unit, every one of them with this year's value; a
record (创历史新高) only where the spec states it, or where the figure's history is
declared complete back to a first year and this year's value beats every one of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from ipdocs.base.records import datarecord
from ipdocs.base.vocab import UnitKind, measure_kind
from ipdocs.doc import Block, Cell, Column, Paragraph, Span, Table
from ipdocs.i18n import change_amount, format_quantity, in_sentence, join, sentence_start, word
from ipdocs.i18n.changes import direction_word
from ipdocs.i18n.words import plural
from ipdocs.model import Figure, Report
from ipdocs.model.changes import of_report_year, year_on_year
from ipdocs.sections.charts import chart_label, percent_change_of
from ipdocs.sections.context import FEW_HIGHLIGHTS, Builder, Context, Lang, old_blocks
from ipdocs.sections.figures import change_cell
from ipdocs.sections.narrative import figure_change, figure_value, movement
from ipdocs.sections.registry import Ids, register_builder
from ipdocs.sections.review import revised, revised_rows

CLAIMS: dict[str, str] = {
    "增幅居前 / the largest rises": "figures of one kind of measure and unit (counts, or money "
    "amounts: the kind most of the highlighted figures with a year-on-year percent share), "
    "each stating a year-on-year percent, and every figure of that kind among the "
    "highlighted ones with this year's value (none stale); otherwise the rises are said "
    "without a superlative (实现增长 / rose)",
    "实现增长 / rose": "a fresh figure of that kind with a year-on-year percent above zero",
    "有所下降 / fell": "a fresh figure of that kind with a year-on-year percent below zero",
    "创历史新高 / a record high": "`record: true` (the report states it), or `history_since` "
    "with every year from it to last year in `history` and this year's value above each",
    "同比增速 chart / year-on-year change chart": "at least three fresh figures stating a "
    "year-on-year percent (not an increment, a rank's places or another basis)",
}
"""Every claim the highlights and charts make, with the data it needs: without that data
the claim is not made (specs/README.md lists these)."""


def is_record(figure: Figure, year: int) -> bool:
    """Whether the data proves a record: the spec states it, or the history is declared
    complete from its first year (``history_since``) to last year and this year's value
    is above every one of them."""
    if figure.record:
        return True
    since = figure.history_since
    if since is None or since >= year:
        return False
    past = [figure.history.get(y) for y in range(since, year)]
    return all(v is not None for v in past) and \
        figure.value > max(v for v in past if v is not None)


def comparable(figures: Sequence[Figure]) -> tuple[list[Figure], bool]:
    """The figures whose year-on-year changes may be ranked against each other: counts and
    amounts of the one unit kind most of them share (counts before money on a tie); and
    whether every figure of that kind among ``figures`` is fresh (a superlative needs all)."""
    measured = [(f, f.unit_def.kind) for f in figures if measure_kind(f.measure).comparable]
    kinds: dict[UnitKind, list[Figure]] = {}
    for figure, unit_kind in measured:
        kinds.setdefault(unit_kind, []).append(figure)
    ranked = [(f, unit_kind) for f, unit_kind in measured
              if not f.stale and percent_change_of(f) is not None]
    if not ranked:
        return [], True
    counts = {k: sum(1 for _, unit_kind in ranked if unit_kind is k) for k in kinds}
    kind = max(counts, key=lambda k: (counts[k], k is UnitKind.COUNT))
    chosen = [f for f, unit_kind in ranked if unit_kind is kind]
    return chosen, not any(f.stale for f in kinds[kind])


def _listed(figures: Sequence[Figure], lang: Lang, first: str, rest: str) -> str:
    """Figures said in a list, the first with its verb and the others with theirs left
    out (A rose 12%, B 8% and C 5%) where the language gaps them."""
    items = []
    for index, figure in enumerate(figures):
        fields = {"label": in_sentence(chart_label(figure, lang), lang),
                  "value": figure_value(figure, lang)}
        if figure.change is not None:
            move = movement(figure, lang)
            fields["change"] = figure_change(figure, lang)
            if move.amount is not None:  # a from → to or a new figure states no size
                fields["amount"] = change_amount(move, lang)
        items.append(word(first if index == 0 else rest, lang, **fields))
    return join(items, lang)


def _clauses(rises: list[Figure], falls: list[Figure], records: list[Figure], all_fresh: bool,
             lang: Lang) -> list[str]:
    """The highlights' clauses: the rises (a superlative only where it is proved), the
    falls, the records."""
    clauses = []
    if rises:
        kind = "rise" if all_fresh else "plain"
        items = _listed(rises, lang, f"highlight_{kind}_first", f"highlight_{kind}_next")
        key = "highlight_rises" if all_fresh else "highlight_rises_plain"
        clauses.append(word(key, lang, items=items))
    if falls:
        items = _listed(falls, lang, "highlight_fall_first", "highlight_fall_next")
        clauses.append(word("highlight_falls", lang, items=items))
    if records:
        items = _listed(records, lang, "highlight_record", "highlight_record")
        clauses.append(plural("highlight_records", lang, len(records)).format(items=items))
    return clauses


def highlight_text(report: Report, figures: list[Figure], lang: Lang, limit: int) -> str:
    """The highlights of the rises, falls and records, or empty if the data shows none:
    in Chinese one sentence of clauses, in English a sentence each."""
    chosen, all_fresh = comparable(figures)
    changes = [(f, percent_change_of(f) or Decimal(0)) for f in chosen]
    rises = [f for f, _ in sorted((c for c in changes if c[1] > 0), key=lambda c: c[1],
                                  reverse=True)[:limit]]
    falls = [f for f, _ in sorted((c for c in changes if c[1] < 0), key=lambda c: c[1])[:limit]]
    records = [f for f in figures if not f.stale and is_record(f, report.year)][:limit]
    clauses = _clauses(rises, falls, records, all_fresh, lang)
    if not clauses:
        return ""
    glue = word("highlight_glue", lang)
    said = glue.join(sentence_start(c, lang) if i else c for i, c in enumerate(clauses))
    return word("highlight_intro", lang, year=report.year) + said + word("full_stop", lang)


@register_builder
@datarecord(frozen=True)
class HighlightsBuilder(Builder):
    """A paragraph of the largest rises and falls and any records, written from the data."""

    name = "highlights"
    figures: Ids = ()
    limit: Annotated[int, Field(ge=1, le=20)] = 3

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The highlights paragraph, or nothing when no figure states a change (two of
        each at most, when the brief must be shortened to fit its pages)."""
        ids = self.figures or tuple(report.figures)
        limit = min(self.limit, 2) if ctx.cuts(FEW_HIGHLIGHTS) else self.limit
        figures = [f for f in (report.figure(i) for i in ids) if of_report_year(f, report.year)]
        text = highlight_text(report, figures, ctx.lang, limit)
        if ctx.against is not None:
            old = old_blocks(self, ctx)
            was = [i for b in old if isinstance(b, Paragraph) for i in b.inlines
                   if isinstance(i, Span)]
            if text or was:
                spans = (Span(text),) if text else ()
                return (Paragraph(spans, ctx.lang, "lead", tracked=revised(spans, was)),)
        return (Paragraph((Span(text),), ctx.lang, "lead"),) if text else ()


def previous_value(figure: Figure, year: int) -> Decimal | None:
    """Last year's value: the change's base (when the change is year on year), or the
    history's entry, where it cannot have lost a qualifier (the history keeps none: an
    approximate figure's entry may have been 3个月左右); none for a figure of another
    period than the report's year."""
    if not of_report_year(figure, year):
        return None
    change = figure.change
    if change is not None and change.previous is not None and year_on_year(figure):
        return change.previous
    return None if figure.approximate else figure.history.get(year - 1)


def previous_qualifier(figure: Figure) -> str | None:
    """The qualifier of last year's value, as the change states it (超 of 由超1100人)."""
    change = figure.change
    if change is not None and change.previous is not None and change.basis is None:
        return change.previous_qualifier
    return None


def year_change_cell(figure: Figure, lang: Lang) -> Cell:
    """The change cell of a two-year table: a change said from → to shows only its
    direction (增长 / up), the two values standing in their own columns."""
    cell = change_cell(figure, lang)
    if figure.change is None or figure.change.basis is not None:  # its own basis, said
        return cell
    move = movement(figure, lang)
    if move.form in ("from_to", "to") and move.sign != 0:
        return replace(cell, text=direction_word(move, lang))
    return cell


@register_builder
@datarecord(frozen=True)
class YearOverYearBuilder(Builder):
    """A table of figures: last year's value, this year's, and the change."""

    name = "year_over_year"
    figures: Ids = ()

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The table of figures whose previous value is known; nothing if there are none.
        A value stale this year is not shown (it is not this year's); last year's value
        keeps the qualifier it was published with. With ``ctx.against``, revised against
        the table of the document compared with (none there: all of it inserted)."""
        table, keys = self.table(report, ctx.lang)
        if ctx.against is None:
            return (table,) if keys else ()
        old, old_keys = self.table(ctx.against, ctx.lang)
        if not keys and not old_keys:
            return ()
        if not old_keys:  # a table last year's document lacked: inserted whole
            old = replace(table, header=(tuple(Cell("") for _ in table.header[0]),), rows=(),
                          caption="")
            return (replace(revised_rows(table, keys, old, [], by_position=True),
                            revision="inserted"),)
        if not keys:  # last year's table, which this document lacks: deleted whole
            gone = replace(old, header=(tuple(Cell("") for _ in old.header[0]),), rows=(),
                           caption="")
            return (replace(revised_rows(gone, [], old, old_keys, by_position=True),
                            revision="deleted"),)
        return (revised_rows(table, keys, old, old_keys, by_position=True),)

    def table(self, report: Report, lang: Lang) -> tuple[Table, list[str]]:
        """The table of ``report`` and the ids of the figures its rows show."""
        ids = [i for i in self.figures or tuple(report.figures) if i in report.figures]
        rows, keys = [], []
        for figure in (report.figure(i) for i in ids):
            before = previous_value(figure, report.year)
            if before is None or figure.kind == "rank" or figure.stale:
                continue
            keys.append(figure.id or "")
            rows.append((Cell(chart_label(figure, lang)),
                         Cell(format_quantity(before, figure.unit_def, lang,
                                              per=figure.per.get(lang) if figure.per else None,
                                              qualifier=previous_qualifier(figure))),
                         Cell(figure_value(figure, lang)), year_change_cell(figure, lang)))
        header = (Cell(word("indicator", lang)), Cell(str(report.year - 1)),
                  Cell(str(report.year)), Cell(word("change", lang)))
        columns = (Column("left", 3.6), Column("right", 1.8), Column("right", 1.8),
                   Column("right", 1.4))
        return Table(columns, (header,), tuple(rows), lang, word("year_over_year", lang)), keys
