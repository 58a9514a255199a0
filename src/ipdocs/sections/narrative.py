"""Render narrative text: placeholders become localised figures, per language.

This is where the model meets ipdocs.i18n. Builders turn the runs it produces into
document-tree inlines; ``plain_text`` gives the whole narrative as text.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from ipdocs.base.kept import ByObjects, remembered_for
from ipdocs.base.records import datarecord
from ipdocs.base.vocab import cached_from_measures, measure_kind
from ipdocs.i18n import (
    Movement,
    bare_number,
    codes,
    format_quantity,
    join,
    list_amounts,
    movement_phrase,
    number_words,
    period_in_year,
    period_phrase,
    period_since,
    rank_position,
    rank_short,
    rank_statement,
    respective_phrase,
    sentence_start,
    word,
)
from ipdocs.i18n.locales import cached_from_locales
from ipdocs.i18n.sentences import opens_sentence
from ipdocs.model import (
    Figure,
    FigureRef,
    Report,
    Section,
    Text,
    YearRef,
    parse,
    text_field,
)
from ipdocs.model.changes import increment, resolve
from ipdocs.model.markup import Piece, read, unescape
from ipdocs.model.placeholders import scan


@datarecord(frozen=True)
class Run:
    """A stretch of rendered text; ``figure`` names the figure it states, if any
    (``others`` the further ones of a 分别 / respectively placeholder)."""

    text: str
    emphasis: bool = False
    figure: str | None = None
    part: str | None = None
    others: tuple[str, ...] = ()
    italic: bool = False
    link: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """Every figure this run states."""
        return () if self.figure is None else (self.figure, *self.others)


def _text(text: Text | None, lang: str) -> str | None:
    """A bilingual text in ``lang``, if there is one."""
    return text.get(lang) if text is not None else None


def figure_quantity(figure: Figure, lang: str) -> str:
    """The value with its unit, qualifier and base, without a per-capita basis: 30.1件 /
    30.1; 约占全国总量的12.3% / about 12.3% of the national total."""
    if figure.kind == "rank":
        return rank_position(int(figure.value), lang, figure.unit, figure.numeral_style)
    return format_quantity(figure.value, figure.unit_def, lang, qualifier=figure.qualifier,
                           numerals=figure.numeral_style, base=_text(figure.base, lang))


def figure_value(figure: Figure, lang: str) -> str:
    """The value with its unit, qualifier and basis: 17.1万余家 / more than 171,000;
    每万人22.93件 / 22.93 per 10,000 people."""
    if figure.kind == "rank":
        return figure_quantity(figure, lang)
    return format_quantity(figure.value, figure.unit_def, lang, qualifier=figure.qualifier,
                           per=_text(figure.per, lang), numerals=figure.numeral_style,
                           base=_text(figure.base, lang))


def figure_per(figure: Figure, lang: str) -> str:
    """The per-capita basis alone: 每万人口 / per 10,000 people."""
    if figure.per is None:
        raise ValueError(f"figure {figure.id!r} has no per-capita basis")
    return figure.per.get(lang)


def figure_period(figure: Figure, lang: str, year: int | None = None) -> str:
    """The period a flow covers: 前三季度 / the first three quarters; with the year where it
    is not the report's ``year`` (2023年前2个月 / the first two months of 2023); a total
    over several years: 2021年以来 / since 2021."""
    if figure.since is not None:
        return period_since(figure.since, lang)
    if not figure.partial_year or figure.as_of is None:
        raise ValueError(f"figure {figure.id!r} is not a flow over part of a year")
    period = period_phrase(figure.as_of.month, figure.period, lang)
    if year is not None and figure.as_of.year != year:
        return period_in_year(period, figure.as_of.year, lang, figure.period)
    return period


def figure_number(figure: Figure, lang: str) -> str:
    """The bare number: 51.7 in Chinese, 517,000 in English (magnitudes resolved)."""
    return bare_number(figure.value, figure.unit_def, lang, figure.numeral_style)


def figure_words(figure: Figure, lang: str) -> str:
    """The number as running prose writes it: English spells out whole counts from one to
    nine (six programmes, three clusters), as official English style does; otherwise, and
    in Chinese, the bare number (Chinese that spells a number uses ``numerals: hanzi``);
    a per-capita figure is a measure, always in figures (3 per 10,000 people)."""
    if figure.per is not None:
        return figure_number(figure, lang)
    return number_words(figure.value, figure.unit_def, lang, figure.numeral_style)


def figure_previous(figure: Figure, lang: str) -> str:
    """The previous value with its unit (由22个月缩短至… / from 22 months)."""
    resolved = resolve(figure)
    if resolved is None or resolved.previous is None:
        raise ValueError(f"figure {figure.id!r} has no previous value")
    if measure_kind(figure.measure).positions:
        return rank_position(int(resolved.previous), lang, _rank_form(figure),
                             figure.numeral_style)
    qualifier = figure.change.previous_qualifier if figure.change else None
    return format_quantity(resolved.previous, figure.unit_def, lang, per=_text(figure.per, lang),
                           qualifier=qualifier)


def movement(figure: Figure, lang: str) -> Movement:
    """The change of ``figure`` as the phrase in ``lang`` will say it."""
    resolved = resolve(figure)
    change = figure.change
    if resolved is None or change is None:
        raise ValueError(f"figure {figure.id!r} has no change")
    rank_form = _rank_form(figure)
    return Movement(resolved.form, figure.measure, resolved.sign, figure.unit_def,
                    figure.value, resolved.amount, resolved.previous, figure.qualifier,
                    change.qualifier, change.verb, _text(change.basis, lang), rank_form,
                    _text(figure.per, lang), change.previous_qualifier, figure.numeral_style,
                    _previous_period(change.previous_of, lang))


def figure_increment(figure: Figure, lang: str) -> str:
    """The change's size in the figure's unit said alone, with no basis, where the text
    says it apart from the percent: 收案数量增加1231件，同比增长63% / up 1,231. Its direction
    word is ``increment_verb``, else 增加 for a quantity, else the change's own."""
    change = figure.change
    size = increment(figure)
    if change is None or size is None:
        raise ValueError(f"figure {figure.id!r} has no increment or previous value")
    verb = change.increment_verb or measure_kind(figure.measure).increment_verb or change.verb
    return movement_phrase(Movement(
        size.form, figure.measure, size.sign, figure.unit_def, figure.value, size.amount,
        size.previous, verb=verb, basis="", rank_form=_rank_form(figure),
        per=_text(figure.per, lang), numerals=figure.numeral_style), lang)


def _previous_period(previous_of: int | str | None, lang: str) -> str | None:
    """When a previous value of another period is of, as a table names it: 2019年 / 2019;
    nothing where the report does not state it."""
    if not isinstance(previous_of, int):
        return None
    return word("year_of", lang, year=previous_of)


def figure_change(figure: Figure, lang: str) -> str:
    """The change phrase: 同比增长11.4% / up 11.4% year on year, 提高1.2个百分点 / up 1.2
    percentage points, 由第五位升至第三位 / up from fifth to third."""
    return movement_phrase(movement(figure, lang), lang)


def _rank_form(figure: Figure) -> str:
    """How Chinese writes a position of ``figure``: its statement's form, else a rank
    figure's unit (第二名), else 位."""
    unit = figure.unit if figure.kind == "rank" else None
    return figure.rank.form_for(unit) if figure.rank else unit or "位"


def _rank_numerals(figure: Figure) -> str:
    """How Chinese writes a rank statement's position: a rank figure's own numerals where
    given, else the statement's."""
    assert figure.rank is not None
    if figure.kind == "rank" and figure.numerals is not None:
        return figure.numerals
    return figure.rank.numerals


def figure_rank(figure: Figure, lang: str, shared: int = 0) -> str:
    """The rank statement: 居全国第二位 / ranking second in China; a rank figure's own
    position where the statement gives none; held by ``shared`` figures together: 均居全国
    第一 / both first in China."""
    rank = figure.rank
    if rank is None:
        raise ValueError(f"figure {figure.id!r} has no rank")
    position = rank.position
    if position is None and rank.standing is None and figure.kind == "rank":
        position = int(figure.value)
    return rank_statement(position, rank.scope.get(lang), lang, years=rank.years,
                          verb=rank.verb, form=_rank_form(figure), standing=rank.standing,
                          numerals=_rank_numerals(figure), shared=shared,
                          degree=rank.degree)


def figure_rank_short(figure: Figure, lang: str) -> str:
    """The rank as a table or a key figure states it (居全国第二位 / 2nd in China), or
    nothing: a rank figure's own position is its value."""
    rank = figure.rank
    if rank is None or figure.kind == "rank":
        return ""
    return rank_short(rank.position, rank.scope.get(lang), lang, years=rank.years,
                      verb=rank.verb, form=_rank_form(figure), standing=rank.standing,
                      numerals=rank.numerals)


def figure_label(figure: Figure, lang: str) -> str:
    """The figure's label in ``lang``."""
    return figure.label.get(lang)


_PARTS: dict[str, Callable[[Figure, str], str]] = {
    "value": figure_value,
    "quantity": figure_quantity,
    "per": figure_per,
    "period": figure_period,
    "number": figure_number,
    "words": figure_words,
    "previous": figure_previous,
    "increment": figure_increment,
    "change": figure_change,
    "rank": figure_rank,
    "label": figure_label,
    "list": figure_value,
}


def _refers(text: Text) -> bool:
    """Whether a bilingual text holds placeholders."""
    return any(not isinstance(segment, str)
               for prose in text.texts.values() for segment in scan(prose)[0])


def _bound_text(text: Text, report: Report) -> Text:
    """A text's placeholders rendered in each of its languages."""
    return Text(**{key: render(text, report, _speaker(key)) for key in text.texts})


def _speaker(key: str) -> str:
    """The registered language whose grammar renders the text a spec gives under ``key``:
    the language of that code, else the first whose text it prints (de-AT for de)."""
    known = codes()
    return key if key in known else next(c for c in known if text_field(c) == key)


def bind_figure(figure: Figure, report: Report) -> Figure:
    """``figure`` with the placeholders of its base and its change's basis rendered
    (是全国平均水平（11.8件）的8.3倍, 较2021年): the figures and years they name follow the
    spec as narrative does."""
    update: dict[str, object] = {}
    if figure.base is not None and _refers(figure.base):
        update["base"] = _bound_text(figure.base, report)
    change = figure.change
    if change is not None and change.basis is not None and _refers(change.basis):
        update["change"] = change.model_copy(
            update={"basis": _bound_text(change.basis, report)})
    return figure.model_copy(update=update) if update else figure


BOUND_KEPT = 4
"""Reports whose bound copy is remembered (``bind``): every document of a report (each
language, each fitting step) binds it, and the builders' blocks are remembered by the
bound report they were made of (``ipdocs.sections.brief.built``)."""
_BOUND: ByObjects[Report] = OrderedDict()
cached_from_locales(_BOUND.clear)  # placeholders are rendered in the registered languages
cached_from_measures(_BOUND.clear)  # and said as their measures say changes


def bind(report: Report) -> Report:
    """``report`` with every figure's base and basis placeholders rendered (``bind_figure``):
    what builders are given, so that tables, key figures and charts say them too.

    The bound copy is remembered for the report object (held, so that its id is not
    reused while it is kept; a report is never changed once made), until the registered
    languages change."""
    if report.bound:
        return report
    return remembered_for(_BOUND, (report,), lambda: report.as_bound(
        {fid: bind_figure(f, report) for fid, f in report.figures.items()}), BOUND_KEPT)


RENDERED_KEPT = 4
"""Reports whose figure placeholders are remembered rendered (``render_reference``): a
document renders its narrative's placeholders in its paragraphs and again in the plain
text its glossary looks for terms in. Kept by report, a few at a time, so that a process
building many reports (a batch's worker) holds only the last few, whatever their count
of placeholders."""
_RENDERED: ByObjects[dict[tuple[FigureRef, str], str]] = OrderedDict()
cached_from_locales(_RENDERED.clear)  # the words and grammars a placeholder is said with
cached_from_measures(_RENDERED.clear)  # a change is said as its measure says it


def render_reference(ref: FigureRef, report: Report, lang: str) -> str:
    """One figure placeholder rendered in ``lang``; several figures (分别 / respectively)
    are said together.

    Remembered for the report object (held, so that its id is not reused while it is
    kept; a report is never changed once made) and the language, until the registered
    languages change."""
    said = remembered_for(_RENDERED, (report,), dict, RENDERED_KEPT)
    text = said.get((ref, lang))
    if text is None:
        text = said[ref, lang] = _rendered(ref, report, lang)
    return text


def _rendered(ref: FigureRef, report: Report, lang: str) -> str:
    """``render_reference`` of a placeholder not remembered."""
    figures = [report.figure(fid) if report.bound else bind_figure(report.figure(fid), report)
               for fid in ref.ids]
    if ref.part == "period":
        return join([figure_period(f, lang, report.year) for f in figures], lang)
    if len(figures) == 1:
        return _PARTS[ref.part](figures[0], lang)
    if ref.part == "change":
        return respective_phrase([movement(f, lang) for f in figures], lang)
    if ref.part == "rank" and _one_rank(figures, lang):
        return figure_rank(figures[0], lang, shared=len(figures))
    if ref.part == "list":
        return figure_list(figures, lang)
    return join([_PARTS[ref.part](f, lang) for f in figures], lang)


def figure_list(figures: list[Figure], lang: str) -> str:
    """Figures of one unit listed with the unit said once, as the report lists them:
    4.43万、10.79万、6.5万、3.05万件 (the separator throughout, the counter after the last);
    in English the values joined as a list (44,300, 107,900, 65,000 and 30,500), the
    currency of money said once (RMB 1.2 billion, 3.4 billion and 5 billion)."""
    return list_amounts([figure_value(f, lang) for f in figures], figures[-1].unit_def, lang)


def _one_rank(figures: list[Figure], lang: str) -> bool:
    """Whether ``figures`` hold one rank together in ``lang`` (商标注册量、专利授权量均居全国
    第一): every statement the same in that language. Each language decides for itself:
    where only the Chinese wording differs (第一位, 首位), English still says "both first
    in China" once, and a registered language whose scopes differ says each rank."""
    return len({figure_rank(f, lang) for f in figures}) == 1


def inline_pieces(text: str) -> tuple[Piece, ...]:
    """The inline markup pieces of ``text`` read as one line (no lists); malformed markup,
    which loading refuses, is read as literal text."""
    markup, errors = read(text, blocks=False)
    return (Piece(0, len(text)),) if errors else markup.items[0].pieces


PIECES_KEPT = 4
"""Reports whose pieces are remembered rendered (``piece_runs``): a document renders its
narrative into its paragraphs, and a glossary renders the Chinese again as plain text to
look for terms in (``plain_text``), piece by piece the same."""
_PIECES: ByObjects[dict[tuple[str, Piece, str, str], tuple[Run, ...]]] = OrderedDict()
cached_from_locales(_PIECES.clear)  # the words and grammars a placeholder is said with
cached_from_measures(_PIECES.clear)


def piece_runs(source: str, piece: Piece, report: Report, lang: str,
               before: str = "") -> list[Run]:
    """Render one markup piece of ``source`` into runs with its look; ``before`` is the
    text rendered ahead of it (whether a placeholder opens a sentence).

    Remembered for the report object (held, so that its id is not reused while it is
    kept; a report is never changed once made), the text, the piece, the language and
    the text before, until the registered languages change."""
    said = remembered_for(_PIECES, (report,), dict, PIECES_KEPT)
    key = (source, piece, lang, before)
    runs = said.get(key)
    if runs is None:
        runs = said[key] = _piece_runs(source, piece, report, lang, before)
    return list(runs)


def _piece_runs(source: str, piece: Piece, report: Report, lang: str,
                before: str) -> tuple[Run, ...]:
    """``piece_runs`` of a piece not remembered."""
    runs: list[Run] = []
    said = before  # the text rendered so far: whether a placeholder opens a sentence
    for segment in parse(unescape(source[piece.start:piece.end])):
        if isinstance(segment, str):
            run = Run(segment, piece.strong, italic=piece.emphasis, link=piece.link)
        elif isinstance(segment, YearRef):
            run = Run(str(report.year + segment.offset), piece.strong,
                      italic=piece.emphasis, link=piece.link)
        else:
            rendered = render_reference(segment, report, lang)
            if opens_sentence(said, lang):
                rendered = sentence_start(rendered, lang)
            run = Run(rendered, piece.strong, segment.figure, segment.part,
                      segment.others, piece.emphasis, piece.link)
        runs.append(run)
        said += run.text
    return tuple(runs)


def render_runs(text: str, report: Report, lang: str) -> list[Run]:
    """Render ``text`` (one language of a bilingual text) into runs: its placeholders
    rendered, its inline markup (``**strong**``, ``*emphasis*``, links) read into each
    run's look."""
    runs: list[Run] = []
    for piece in inline_pieces(text):
        runs += piece_runs(text, piece, report, lang, "".join(r.text for r in runs))
    return runs


def stale_year(report: Report, ids: Sequence[str]) -> int | None:
    """The year the oldest stale value of the figures ``ids`` is of (None if none is)."""
    if not ids:  # most runs: text between placeholders
        return None
    years = [f.of_year or report.year - 1 for f in map(report.figure, ids) if f.stale]
    return min(years, default=None)


def stale_marked(text: str, report: Report, ids: Sequence[str], lang: str) -> str:
    """A rendered figure's text with the stale mark and the year its value is of where it
    is kept from an earlier year, as running text marks it: 71425件†（2024年）."""
    year = stale_year(report, ids)
    return text if year is None else text + word("stale_mark_dated", lang, year=year)


def render(text: Text, report: Report, lang: str) -> str:
    """A bilingual text rendered as plain text in ``lang``; in a draft, each value kept
    from an earlier year carries the stale mark and its year (71425件†（2024年）)."""
    return "".join(stale_marked(run.text, report, run.ids, lang)
                   for run in render_runs(text.get(lang), report, lang))


def _section_lines(section: Section, report: Report, lang: str, depth: int) -> list[str]:
    """A section's heading and paragraphs, then its subsections, as plain lines."""
    lines = ["#" * depth + " " + render(section.title, report, lang)]
    lines += [render(p, report, lang) for p in section.paragraphs]
    for child in section.sections:
        lines += _section_lines(child, report, lang, depth + 1)
    return lines


def plain_text(report: Report, lang: str) -> str:
    """The whole narrative as text: lead, then ``#`` headings and one paragraph per line."""
    lines = [render(p, report, lang) for p in report.lead]
    for section in report.sections:
        lines += _section_lines(section, report, lang, 1)
    return "\n".join(lines) + "\n"
