"""The Chart builder: bars of this year's values, growth bars, series over years."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from ipdocs.base.records import datarecord
from ipdocs.base.vocab import Unit
from ipdocs.doc import Block, Chart, Series
from ipdocs.i18n import (
    change_cell_text,
    format_percent,
    format_quantity,
    rank_position,
    signed_percent_format,
    spreadsheet_format,
    word,
)
from ipdocs.model import Figure, Report, text_field
from ipdocs.model.changes import of_report_year, year_on_year_percent
from ipdocs.sections.context import (
    COMPACT_CHART_BARS,
    NO_CHART,
    SMALLEST_CHART_BARS,
    Builder,
    Context,
    Lang,
    old_blocks,
)
from ipdocs.sections.narrative import figure_period, figure_value, movement, render
from ipdocs.sections.registry import Ids, Title, register_builder

MIN_BARS = 3
MINUS = "\u2212"


def percent_change_of(figure: Figure) -> Decimal | None:
    """The figure's year-on-year percent change, if it states or implies one.

    Not an increment, and not a change against another basis (比专项行动之前).
    """
    return year_on_year_percent(figure)


def signed_percent(value: Decimal, lang: Lang) -> str:
    """+11.4% / −13.3%."""
    sign = "+" if value > 0 else MINUS if value < 0 else ""
    return sign + format_percent(abs(value), lang)


def change_label(figure: Figure, lang: Lang) -> str:
    """A growth bar's label: the change as a table's change cell shows it, qualifier and
    all (+193%以上 / +193% or more where the text says 193%以上 / at least 193%)."""
    return change_cell_text(movement(figure, lang), lang)


def literal_format(text: str) -> str:
    """A spreadsheet number format that shows ``text`` whatever the value (all three
    sections, so that no minus sign is added to a negative value)."""
    quoted = '"' + text.replace('"', "") + '"'
    return ";".join([quoted] * 3)


def _label_format(change: Decimal, label: str, lang: Lang) -> str:
    """The format a native chart shows a growth bar's label by: one that follows the
    value where the label is the plain signed percent, else the label itself."""
    return signed_percent_format(change) if label == signed_percent(change, lang) \
        else literal_format(label)


def _value_format(value: Decimal, unit: Unit, label: str, code: str, lang: Lang) -> str:
    """The format a native chart shows a value's label by: ``code`` (it follows the
    value) where the label is the plain quantity, else the label itself, so that a DOCX
    chart says what the PDF's and the text say, qualifier (超, 余, more than) and
    per-capita basis (每万人, per 10,000 people) included."""
    return code if label == format_quantity(value, unit, lang) else literal_format(label)


def chart_label(figure: Figure, lang: Lang) -> str:
    """A figure's name in a chart or a two-year table: its label, with the part of the
    year a flow covers, as its table row names it (专利授权量（前三季度） / Patents granted
    (the first three quarters)): never a partial year's value read as the year's. These
    show only figures of the report's year, so the period needs no year."""
    label = figure.label.get(lang)
    if figure.partial_year:
        label += word("bracketed", lang, text=figure_period(figure, lang))
    return label


def growth_changes(figures: Sequence[Figure], limit: int) -> list[tuple[Figure, Decimal]]:
    """The figures with a year-on-year percent change and their changes, largest rise
    first, at most ``limit`` of them."""
    changes = [(f, p) for f in figures if (p := percent_change_of(f)) is not None]
    changes.sort(key=lambda item: item[1], reverse=True)
    return changes[:limit]


def growth_chart(figures: Sequence[Figure], title: str, lang: Lang, limit: int) -> Chart | None:
    """Year-on-year changes, largest rise first, declines below the axis."""
    changes = growth_changes(figures, limit)
    if len(changes) < MIN_BARS:
        return None
    labels = tuple(change_label(f, lang) for f, _ in changes)
    series = Series(word("change", lang), tuple(float(p) for _, p in changes), labels,
                    tuple(_label_format(p, label, lang)
                          for (_, p), label in zip(changes, labels, strict=True)))
    return Chart("growth", title, tuple(chart_label(f, lang) for f, _ in changes), (series,),
                 lang)


def bar_chart(figures: Sequence[Figure], title: str, lang: Lang, limit: int) -> Chart | None:
    """This year's values of figures in the same unit as the first one."""
    if not figures:
        return None
    chosen = [f for f in figures if f.unit == figures[0].unit and f.kind != "rank"][:limit]
    if len(chosen) < 2:
        return None
    labels = tuple(figure_value(f, lang) for f in chosen)
    shown = [spreadsheet_format(f.value, f.unit_def, lang) for f in chosen]
    series = Series(title, tuple(float(v) for v, _ in shown), labels,
                    tuple(_value_format(f.value, f.unit_def, label, code, lang)
                          for f, label, (_, code) in zip(chosen, labels, shown, strict=True)))
    return Chart("bar", title, tuple(chart_label(f, lang) for f in chosen), (series,), lang)


def years_chart(figure: Figure, year: int, lang: Lang) -> Chart | None:
    """A figure's history and this year's value as bars over the years."""
    points = {**figure.history, year: figure.value}
    if len(points) < 2:
        return None
    years = sorted(points)
    shown = [spreadsheet_format(points[y], figure.unit_def, lang) for y in years]
    labels = tuple(year_label(figure, points[y], lang, latest=y == year) for y in years)
    series = Series(chart_label(figure, lang), tuple(float(v) for v, _ in shown), labels,
                    tuple(_value_format(points[y], figure.unit_def, label, code, lang)
                          for y, label, (_, code) in zip(years, labels, shown, strict=True)))
    return Chart("years", chart_label(figure, lang), tuple(str(y) for y in years), (series,),
                 lang)


def year_label(figure: Figure, value: Decimal, lang: Lang, *, latest: bool) -> str:
    """A bar's label over the years, as the text states the figure: a rank's position
    (第三位 / third, never 3位), a per-capita value with its basis (每万人22.93件 / 22.93
    per 10,000 people); only this year's value (``latest``) with its qualifier. No base
    of a share or multiple: the one the spec names is this year's."""
    if figure.kind == "rank":
        return rank_position(int(value), lang, figure.unit, figure.numeral_style)
    return format_quantity(value, figure.unit_def, lang,
                           qualifier=figure.qualifier if latest else None,
                           per=figure.per.get(lang) if figure.per else None)


def chart_alt(chart: Chart, lang: Lang) -> str:
    """What ``chart`` shows, in words in ``lang``, for a reader who cannot see it: its kind
    and title, then every category with the label its bar carries (the same formatted
    values a sighted reader sees), in the chart's order."""
    series = chart.series[0] if chart.series else None
    labels = series.labels if series else ()
    items = word("chart_alt_separator", lang).join(
        word("chart_alt_item", lang, category=c, value=v)
        for c, v in zip(chart.categories, labels, strict=False))
    return word(f"chart_alt_{chart.kind}", lang, title=chart.title, items=items)


def _figures(report: Report, ids: Sequence[str], section: str) -> list[Figure]:
    """The chosen figures: by id, those of a section and its subsections, or the key ones;
    never a draft's stale value (a chart cannot mark one), nor a figure of another period."""
    if ids:
        chosen = list(ids)
    elif section:
        chosen = [fid for s in report.section(section).walk() for fid in s.figures]
    else:
        chosen = report.key_figures if len(report.key_figures) >= MIN_BARS \
            else list(report.figures)
    return [f for f in (report.figure(fid) for fid in chosen)
            if not f.stale and of_report_year(f, report.year)]


def _title(kind: str, report: Report, section: str, lang: Lang, declines: bool) -> str:
    """A default title: 同比增速 of the section (同比变化 / year-on-year change where some
    of its changes are declines), or its name."""
    scope = render(report.section(section).title, report, lang) if section \
        else word("key_figures", lang)
    if kind == "growth":
        return word("chart_change" if declines else "chart_growth", lang, scope=scope)
    return scope


ChartKind = Literal["growth", "bar", "years"]
"""A chart's kind: changes in percent, values as bars, a figure's values over the years."""


@register_builder
@datarecord(frozen=True)
class ChartBuilder(Builder):
    """A chart of chosen figures (by id, a section's, or the key figures)."""

    name = "chart"
    kind: ChartKind = "growth"
    figures: Ids = ()
    section: str = ""
    title_zh: Title = ""
    title_en: Title = ""
    limit: Annotated[int, Field(ge=1, le=50)] = 10
    title: Annotated[dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")], Title],
                     Field(max_length=50)] = field(default_factory=dict, hash=False)
    """The chart's title by language (``{zh: …, en: …, de: …}``); ``title_zh`` and
    ``title_en`` are the older way of giving the first two."""

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """The chart, or nothing when too few figures allow one (or the brief must be
        shortened to fit its pages: fewer bars drawn shorter, fewer still, then no
        chart)."""
        if ctx.cuts(NO_CHART):
            return ()
        bars = SMALLEST_CHART_BARS if ctx.compact >= 2 else COMPACT_CHART_BARS
        limit = min(self.limit, bars) if ctx.compact else self.limit
        lang = ctx.lang
        key = text_field(lang)
        given = self.title.get(key) or {"zh": self.title_zh, "en": self.title_en}.get(key, "")
        chosen = _figures(report, self.figures, self.section)
        declines = any(p < 0 for _, p in growth_changes(chosen, limit))
        title = given or _title(self.kind, report, self.section, lang, declines)
        if self.kind == "years":
            chart = years_chart(chosen[0], report.year, lang) if chosen else None
        elif self.kind == "bar":
            chart = bar_chart(chosen, title, lang, limit)
        elif self.kind == "growth":
            chart = growth_chart(chosen, title, lang, limit)
        else:
            raise ValueError(f"unknown chart kind {self.kind!r}; expected growth, bar or years")
        chart = (replace(chart, alt=chart_alt(chart, lang), compact=ctx.compact >= 1)
                 if chart else None)
        if ctx.against is not None:
            old = old_blocks(self, ctx)
            return revised_chart(chart, old[0] if old and isinstance(old[0], Chart) else None)
        return (chart,) if chart else ()


def revised_chart(chart: Chart | None, old: Chart | None) -> tuple[Block, ...]:
    """A chart against the chart in the same place of the document compared with: its
    title and source there; inserted where there was none; the old chart, deleted, where
    there is none now."""
    if chart is None:
        return () if old is None else (replace(old, revision="deleted"),)
    if old is None:
        return (replace(chart, revision="inserted", was=("", "")),)
    return (replace(chart, was=(old.title, old.source)),)
