"""Fitting a brief to its page limit: the brief made shorter and its type smaller, step by
step, until its PDF fills no more pages than the brief asks, then what it cut given back
where the page has room; and the bytes of one output, made of the fitted document."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field, replace
from typing import NamedTuple

from ipdocs.app import recipes
from ipdocs.app.recipes import BuildError, Output, Recipe, _render, _render_as
from ipdocs.base.records import datarecord
from ipdocs.doc import Bilingual, Block, Chart, Document
from ipdocs.model import Report
from ipdocs.sections.brief import LanguageOption
from ipdocs.sections.context import (
    COMPACT_LEVELS,
    FEW_HIGHLIGHTS,
    FEW_KEY_FIGURES,
    FIRST_LEAD,
    NO_CHART,
)
from ipdocs.themes import Theme
from ipdocs.writers import RenderError, RenderWarning
from ipdocs.writers.formats import format_for


def render_output(report: Report, recipe: Recipe, output: Output) -> bytes:
    """The bytes of one output (BuildError if it cannot be made). Only a DOCX shows the
    revisions against ``recipe.against``: any other format is made of this year's
    document alone (not merely drawn without them: a PDF of the compared document would
    embed the glyphs of text it never prints)."""
    registered = format_for(output.path)
    if recipe.against is not None and not (registered and registered.revisions):
        recipe = replace(recipe, against=None)
    doc, theme, pdf = fitted_document(report, recipe, output.lang)
    if pdf is not None and registered is not None and registered.name == "pdf":
        return pdf
    return _render(doc, output.path, theme)


FIT_STEPS = ((0, 1.0), (1, 1.0), (1, 0.94), (2, 0.94), (3, 0.94), (4, 0.94), (5, 0.94),
             (5, 0.88), (COMPACT_LEVELS, 0.88), (COMPACT_LEVELS, 0.84))
"""How a brief with a page limit is made shorter, step by step: the builders' level of
``Context.compact`` and the scale of the theme's type (``Theme.scaled``)."""


def fitted_document(report: Report, recipe: Recipe,
                    lang: LanguageOption) -> tuple[Document, Theme, bytes | None]:
    """The document the recipe's brief makes of ``report``, in the recipe's theme. For a
    brief with a page limit, made again shorter and smaller (``FIT_STEPS``) until its PDF
    fits, and returned with that PDF: the DOCX of such a brief is what fitted the PDF (the
    two writers set the same type on the same page). A RenderWarning says when even the
    shortest does not fit.

    The document (and a fitted brief's PDF) is kept (see ``_FITTED``) for the other
    outputs of the same language made of the same report and recipe objects in this
    process, with the warnings its fitting gave, which are given again."""
    key = (id(report), id(recipe), lang)
    kept = _FITTED.get(key)
    if kept is not None and kept.report is report and kept.recipe is recipe:
        for message in kept.warnings:
            warnings.warn(message, stacklevel=2)
        return kept.doc, kept.theme, kept.pdf
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        limit = recipe.brief.pages
        doc, theme, pdf = ((_maker(report, recipe, lang)(0, frozenset()), recipe.theme, None)
                           if limit is None else _fit(report, recipe, lang, limit))
    said = [w.message for w in caught if issubclass(w.category, RenderWarning)]
    for other in caught:
        if not issubclass(other.category, RenderWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    for message in said:
        warnings.warn(message, stacklevel=2)
    _FITTED[key] = _Fitted(report, recipe, doc, theme, pdf, tuple(said))
    while len(_FITTED) > FITTED_KEPT:
        del _FITTED[next(iter(_FITTED))]
    return doc, theme, pdf


@datarecord(frozen=True)
class _Fitted:
    """A brief made (and fitted to its pages): what it was made of (held, so that their
    ids are not reused while it is kept), the document, theme and fitted PDF (None for a
    brief without a page limit), and the warnings said."""

    report: Report
    recipe: Recipe
    doc: Document
    theme: Theme
    pdf: bytes | None
    warnings: tuple[Warning | str, ...]


_FITTED: dict[tuple[int, int, str], _Fitted] = {}
FITTED_KEPT = 6
"""Briefs made kept in a process (the last ones made): the outputs of one run come
format by format (every language's DOCX, then every language's PDF), so a PDF finds the
document its language's DOCX was made of."""


def _maker(report: Report, recipe: Recipe,
           lang: LanguageOption) -> Callable[[int, frozenset[int]], Document]:
    """The recipe's brief made of ``report`` in ``lang`` at a level of compactness, with
    the cuts ``restored`` given back; a level asked again is the document already made
    (the brief's documents depend on nothing else)."""
    made: dict[tuple[int, frozenset[int]], Document] = {}

    def make(level: int, restored: frozenset[int] = frozenset()) -> Document:
        if (level, restored) not in made:
            made[level, restored] = recipe.brief.document(
                report, lang, layout=recipe.layout, theme=recipe.theme.name,
                glossary=recipe.glossary, against=recipe.against, compact=level,
                restored=restored)
        return made[level, restored]

    return make


def fit_steps(theme: Theme, ceiling: float = 1.0) -> list[tuple[int, Theme]]:
    """The distinct steps of ``FIT_STEPS`` for ``theme``: each level of compactness with
    the theme scaled (one that cannot be, ``Theme.scalable``, keeps its type, so some
    steps repeat and go; a grid theme scales its Latin text alone), none larger than
    ``ceiling`` (the scale a brief's variants share, ``shared_scale``): a step above it
    is taken at it."""
    return [(step.level, step.theme) for step in _steps(theme, ceiling)]


class _Step(NamedTuple):
    """A step of the fitting (``fit_steps``): the level of ``Context.compact``, the
    factor its theme is scaled by (1 where it keeps its type), whether its Han text is
    scaled as its Latin text is (``Theme.scaled``'s ``han``), and the theme."""

    level: int
    factor: float
    han: bool
    theme: Theme


def _steps(theme: Theme, ceiling: float = 1.0) -> list[_Step]:
    """``fit_steps`` with the factor each step's theme is scaled by."""
    ladder = [(level, min(scale, ceiling)) for level, scale in FIT_STEPS]
    steps: list[_Step] = []
    tried: set[tuple[int, float]] = set()
    for level, scale in ladder:
        scaled = theme.scaled(scale)
        step = (level, scale if scaled is not theme else 1.0)
        if step not in tried:
            tried.add(step)
            steps.append(_Step(*step, False, scaled))
    return steps


def _han_steps(theme: Theme, ceiling: float = 1.0) -> list[_Step]:
    """The steps a brief in two languages, one set as Han text and one not, takes after
    ``_steps`` on a character grid whose Latin text is fitted (``Page.latin_fitted``,
    the official theme), where even its shortest does not fit with its Han text on the
    grid: its Han text set off the grid as its Latin text is (``Theme.off_grid``; GB/T
    9704's 28-character line cannot be kept among or beside the English), one body size
    for both languages, the Latin text's at ``ceiling`` (五号 at least), shortened and
    made smaller as ``FIT_STEPS`` does (so no smaller than a briefing summary's body
    goes: 五号 times 0.84). None for any other theme. A step's factor is its body's
    share of the theme's."""
    if not (theme.page.chars_per_line and theme.page.latin_fitted):
        return []
    body = theme.style("body").size
    steps: list[_Step] = []
    tried: set[tuple[int, float]] = set()
    for level, scale in FIT_STEPS:
        scaled = theme.off_grid(ceiling, scale)
        step = (level, round(scaled.style("body").size / body, 4))
        if step not in tried:
            tried.add(step)
            steps.append(_Step(*step, True, scaled))
    return steps


def _fit(report: Report, recipe: Recipe, lang: LanguageOption,
         limit: int) -> tuple[Document, Theme, bytes]:
    """The brief fitted to ``limit`` pages (``_fitting``). A brief compared with last
    year's (``recipe.against``) is cut and given back as this year's alone is: accepting
    every revision of its DOCX gives this year's DOCX."""
    if recipe.against is None:
        fit = _fitting(report, recipe, lang, limit)
        return fit.doc, fit.theme, fit.pdf
    fit = _fitting(report, replace(recipe, against=None), lang, limit)
    return _maker(report, recipe, lang)(fit.level, fit.restored), fit.theme, fit.pdf


@datarecord(frozen=True)
class _Fit:
    """How a brief was fitted to its pages: its level of ``Context.compact``, the cuts
    given back, the scale of its type, and the document, theme and PDF that fitted."""

    level: int
    restored: frozenset[int]
    doc: Document
    theme: Theme
    pdf: bytes
    scale: float = 1.0
    factor: float = 1.0
    """The factor of its step (``_steps``): what the theme was scaled by."""
    han: bool = False
    """Whether its Han text was scaled as its Latin text (``_han_steps``)."""


SHARED_BY = ("zh", "en", "zh-en")
"""The variants of a brief with a page limit that share one body size (``shared_scale``):
those set in one column across the measure (zh-en one language after the other)."""


def shared_scale(report: Report, recipe: Recipe, limit: int) -> float:
    """The scale of type the variants of a brief with a page limit share: the smallest
    each of ``SHARED_BY`` comes to when fitted alone (``FIT_STEPS``: content is cut before
    type is made smaller). Each variant is then set at that scale, keeping as much as fits
    there (the roomier ones keep more), unless even its shortest does not fit there (the
    side-by-side edition, whose half-measure columns carry both languages): then it goes
    smaller, as far as it must. On a character grid the scale is that of the Latin text
    alone (``Theme.scaled``: the Han type is fixed). Kept for the process with the
    fitting's tries (``_Session``), or given by ``settle_scale`` (a pool's processes found
    each variant's, ``variant_scale``)."""
    session = _session(report, recipe, limit)
    if session.scale is None:
        session.scale = smallest_scale(variant_scale(report, recipe, lang, limit)
                                       for lang in SHARED_BY)
    return session.scale


def variant_scale(report: Report, recipe: Recipe, lang: LanguageOption,
                  limit: int) -> float | None:
    """The scale of type ``lang``'s variant of the brief comes to fitted alone to
    ``limit`` pages (one term of ``shared_scale``), or None if this report cannot make
    it (it then takes no part)."""
    alone = replace(recipe, layout="interleaved", against=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RenderWarning)  # each variant says it when built
        try:
            return _scale_alone(_session(report, recipe, limit), report, alone, lang, limit)
        except BuildError:
            return None


def variant_draws_chart(report: Report, recipe: Recipe, lang: LanguageOption,
                        limit: int) -> bool:
    """Whether the document ``lang``'s variant last came to in this process's fitting
    of the brief (``variant_scale``: the shortest step at the scale it came to) draws a
    chart: its outputs, made at the shared scale (that step or a roomier one), most
    likely do too. A guess, for what a process imports ahead (``jobs._prepare``); False
    where this process has not fitted the variant (no session is begun for asking)."""
    made_of = (report, recipe.brief, recipe.theme, recipe.glossary)
    session = _SESSIONS.get((*map(id, made_of), limit))
    if session is None or any(a is not b for a, b in zip(session.made_of, made_of,
                                                          strict=True)):
        return False
    made = [doc for (_, language, *_), doc in session.docs.items() if language == lang]
    return bool(made) and _draws_chart(made[-1].blocks)


def _draws_chart(blocks: Iterable[Block]) -> bool:
    """Whether ``blocks`` hold a chart, those of bilingual pairs included."""
    return any(isinstance(block, Chart) or (isinstance(block, Bilingual) and (
        _draws_chart(block.left) or _draws_chart(block.right))) for block in blocks)


def smallest_scale(scales: Iterable[float | None]) -> float:
    """The scale the variants share, of each one's (``variant_scale``): the smallest of
    those that can be made, 1 if none."""
    return min((scale for scale in scales if scale is not None), default=1.0)


def settle_scale(report: Report, recipe: Recipe, limit: int, scale: float) -> None:
    """Give this process's fitting of ``recipe``'s brief for ``report`` the scale its
    variants share (``shared_scale``), found of the same objects elsewhere: by the
    processes of a pool, each variant's (``variant_scale``), then the smallest
    (``smallest_scale``)."""
    _session(report, recipe, limit).scale = scale


def _scale_alone(session: _Session, report: Report, recipe: Recipe, lang: LanguageOption,
                 limit: int) -> float:
    """The scale of type ``lang`` comes to fitted alone: that of the first of its steps
    (``fit_steps``) that fits, else of the last, as ``_ladder`` finds it. Only the scale
    is wanted: the steps are laid out without drawing, and no cut is given back; of the
    steps at one scale only the shortest is tried (``_shortest_of_each_scale``); the
    last, when nothing before it fits, is made whole only for the errors it may raise
    (a variant that cannot be made takes no part)."""
    steps = _steps(recipe.theme)
    make = session.maker(report, recipe, lang)
    for level, factor, han, theme in _shortest_of_each_scale(steps):
        if session.tried(make(level, frozenset()), factor, theme, limit, han,
                         drawn=False) is not None:
            return _found_scale(theme, recipe.theme, factor)
    level, factor, _, theme = steps[-1]
    _render_as(make(level, frozenset()), "pdf", theme)
    return _found_scale(theme, recipe.theme, factor)


def _shortest_of_each_scale(steps: list[_Step]) -> list[_Step]:
    """Of ``steps`` but the last (``_scale_alone``), the last of each run at one scale
    (its factor): the most compact there. A step further along at the same scale only
    cuts more (``Context.compact``: fewer bars, no chart, fewer highlights, the lead's
    first paragraph), so it is never longer: where the shortest at a scale does not fit,
    none before it at that scale does, and where it fits, the brief comes to that scale
    (the scale is all ``_scale_alone`` wants), as the first step of the run that fits
    would have said. The summary's zh-en tried 3 steps instead of 8, its en 2 instead
    of 5."""
    tried = steps[:-1]
    return [step for index, step in enumerate(tried)
            if index + 1 == len(tried) or tried[index + 1].factor != step.factor]


def _found_scale(theme: Theme, base: Theme, factor: float) -> float:
    """The scale a step of the fitting came to: its body type's of the theme's
    (``_scale_of``); on a character grid, whose Han body is fixed, the factor its Latin
    text was scaled by."""
    return factor if base.page.chars_per_line else _scale_of(theme, base)


@datarecord
class _Session:
    """A brief with a page limit fitted for one report in this process, shared by its
    variants and by the search for their shared scale: the documents made (by layout,
    language, level of ``Context.compact`` and cuts given back; one object for equal
    documents, as a report with no chart makes at several levels), each try's outcome
    (by the document, the factor its type is scaled by and whether its Han type is
    too: its PDF; ``b""`` where it was only found to fit, not drawn; None where it does
    not fit), and the shared scale once found. It holds what it was made of (so that
    their ids are not reused while it is kept): the report, the brief, the theme and the
    glossary, all a document and its layout depend on besides those keys (fitting makes
    no compared document)."""

    made_of: tuple[object, ...]
    docs: dict[tuple[str, str, int, frozenset[int]], Document] = field(default_factory=dict)
    tries: dict[tuple[int, float, bool], bytes | None] = field(default_factory=dict)
    scale: float | None = None

    def maker(self, report: Report, recipe: Recipe,
              lang: LanguageOption) -> Callable[[int, frozenset[int]], Document]:
        """``_maker`` for a recipe of this session (no compared document), each document
        made once for the session whatever ladder asks for it, and one equal to a
        document already made (of the same layout and language) given as that one."""
        def make(level: int, restored: frozenset[int] = frozenset()) -> Document:
            key = (recipe.layout, lang, level, restored)
            if key not in self.docs:
                doc = recipe.brief.document(
                    report, lang, layout=recipe.layout, theme=recipe.theme.name,
                    glossary=recipe.glossary, against=None, compact=level,
                    restored=restored)
                self.docs[key] = next((made for (layout, language, *_), made in
                                       self.docs.items() if layout == recipe.layout
                                       and language == lang and made == doc), doc)
            return self.docs[key]

        return make

    def outcome(self, layout: str, lang: LanguageOption, level: int, factor: float,
                han: bool) -> bool | None:
        """Whether a try of this session (``tried``) found the document of ``layout``,
        ``lang`` and ``level`` (no cut given back) to fit at ``factor`` (and ``han``);
        None where it was not tried."""
        doc = self.docs.get((layout, lang, level, frozenset()))
        key = (id(doc), factor, han)
        if doc is None or key not in self.tries:
            return None
        return self.tries[key] is not None

    def tried(self, doc: Document, factor: float, theme: Theme, limit: int,
              han: bool = False, drawn: bool = True) -> bytes | None:
        """``_render_within`` of ``doc`` (a document of this session, ``maker``) in
        ``theme`` (the session's scaled by ``factor``, its Han text too where ``han``),
        each try laid out once for the session: a try found to fit without drawing is
        drawn when its PDF is wanted (``drawn``), not laid out dry again."""
        key = (id(doc), factor, han)
        if key in self.tries:
            got = self.tries[key]
            if got != b"" or not drawn:
                return got
            got = _render_within(doc, theme, limit, fits=True)
        else:
            got = _render_within(doc, theme, limit, drawn=drawn)
        self.tries[key] = got
        return got


def _session(report: Report, recipe: Recipe, limit: int) -> _Session:
    """The fitting session of ``recipe``'s brief to ``limit`` pages for ``report`` (a new
    one for objects not those a kept session was made of)."""
    made_of = (report, recipe.brief, recipe.theme, recipe.glossary)
    key = (*map(id, made_of), limit)
    kept = _SESSIONS.get(key)
    if kept is not None and all(a is b for a, b in zip(kept.made_of, made_of, strict=True)):
        return kept
    session = _SESSIONS[key] = _Session(made_of)
    while len(_SESSIONS) > FITTED_KEPT:
        del _SESSIONS[next(iter(_SESSIONS))]
    return session


_SESSIONS: dict[tuple[int, ...], _Session] = {}
"""The fitting sessions of this process, the last ones begun (``FITTED_KEPT``)."""


def _fitting(report: Report, recipe: Recipe, lang: LanguageOption, limit: int) -> _Fit:
    """The brief fitted to ``limit`` pages at the scale its variants share
    (``shared_scale``), smaller only where even its shortest does not fit there; a brief
    in two languages, one set as Han text and one not, on a character grid goes on to
    ``_han_steps`` where its shortest does not fit with its Han text on the grid."""
    ceiling = shared_scale(report, recipe, limit)
    steps = _steps(recipe.theme, ceiling)
    languages = _session(report, recipe, limit).maker(report, recipe, lang)(
        0, frozenset()).languages
    if len({language.han for language in languages}) == 2:
        steps += _han_steps(recipe.theme, ceiling)
    return _ladder(report, recipe, lang, limit, steps)


def _scale_of(theme: Theme, base: Theme) -> float:
    """The factor ``theme``'s body type is of ``base``'s."""
    return round(theme.style("body").size / base.style("body").size, 4)


def _ladder(report: Report, recipe: Recipe, lang: LanguageOption, limit: int,
            steps: list[_Step]) -> _Fit:
    """The first of ``steps`` whose PDF fills at most ``limit`` pages, with that
    PDF and what it cut given back where the page has room (``_given_back``); else the
    last, with a RenderWarning. A step that does not fit is laid out only as far as the
    page after the limit (``render_pdf_within``): no file is made of it. A try the
    session (``_Session``) already made is not made again, and where it knows how some
    step came out, fewer steps are tried (``_first_fitting``)."""
    session = _session(report, recipe, limit)
    make = session.maker(report, recipe, lang)

    def lay(doc: Document, fitted: _Fit, restored: frozenset[int]) -> bytes | None:
        return session.tried(doc, fitted.factor, fitted.theme, limit, fitted.han)

    def fits(step: _Step, drawn: bool) -> bool:
        return session.tried(make(step.level, frozenset()), step.factor, step.theme, limit,
                             step.han, drawn=drawn) is not None

    def known(step: _Step) -> bool | None:
        return session.outcome(recipe.layout, lang, step.level, step.factor, step.han)

    first = _first_fitting(steps[:-1], fits, known)
    if first is not None:
        level, factor, han, theme = first
        doc = make(level, frozenset())
        pdf = session.tried(doc, factor, theme, limit, han)
        assert pdf is not None  # found to fit: drawn now if a search only laid it out
        return _given_back(make, _Fit(level, frozenset(), doc, theme, pdf,
                                      _scale_of(theme, recipe.theme), factor, han),
                           limit, lay)
    level, factor, han, theme = steps[-1]
    doc = make(level, frozenset())
    pdf = _render_as(doc, "pdf", theme)
    pages = pdf_pages(pdf) or 0
    fit = _Fit(level, frozenset(), doc, theme, pdf, _scale_of(theme, recipe.theme), factor,
               han)
    if pages <= limit:
        return _given_back(make, fit, limit, lay)
    warnings.warn(RenderWarning(
        f"the brief “{recipe.brief.name}” is to fill {counted_pages(limit)} but fills "
        f"{counted_pages(pages)} in this language and theme even shortened as far as it "
        "goes (fewer bars, no chart, the lead's first paragraph, fewer highlights, "
        "smaller type, three key figures)"), stacklevel=5)
    return fit


def _first_fitting(steps: Sequence[_Step], fits: Callable[[_Step, bool], bool],
                   known: Callable[[_Step], bool | None]) -> _Step | None:
    """The first of ``steps`` that fits (``fits``, drawn or only laid out), where the
    session knows how some came out (``known``: a scale's search tried them) with tries
    from both ends of a run. Consecutive steps of one factor (and Han scaling) are a run
    of ever more compact documents in one type (``_steps``), each never longer than the
    one before (``_shortest_of_each_scale``): where one fits, every later one of its run
    does, and where one does not, none before it does. A run's first step is tried first
    (drawn: where the type need not shrink, it is the one). Where it does not fit and a
    later step of the run is known to fit, the first that fits lies between them
    (``_first_of_run``); where the run's last is known not to fit, none of it does; else
    its steps are tried in turn, as the ladder always tried them. The step found is the
    one a try of every step in turn finds."""
    start = 0
    while start < len(steps):
        end = start
        while end + 1 < len(steps) and (steps[end + 1].factor, steps[end + 1].han) == (
                steps[start].factor, steps[start].han):
            end += 1
        run = steps[start:end + 1]
        start = end + 1
        if fits(run[0], True):
            return run[0]
        high = next((index for index, step in enumerate(run) if known(step)), None)
        if high is not None:
            return _first_of_run(run, high, fits)
        if known(run[-1]) is False:
            continue
        found = next((step for step in run[1:] if fits(step, True)), None)
        if found is not None:
            return found
    return None


def _first_of_run(run: Sequence[_Step], high: int, fits: Callable[[_Step, bool], bool]
                  ) -> _Step:
    """The first step of ``run`` that fits, where its first does not and the one at
    ``high`` does: tried from both ends in turn, the step below the last known to fit
    (only laid out: it may not be the first) and the step after the last known not to
    (drawn: if it fits, it is the first). The first that fits lies near either end:
    the briefing summaries' zh-en of Ningbo and Shanghai fit one level before the
    shortest their scales' searches tried or at it (Ningbo's tries 4 of its run's 7
    steps where one by one tried 6, Shanghai's 2 where it tried 7), Hubei's at the
    third level of six (one try more than one by one, only laid out). Never more than
    twice the tries one by one takes."""
    low = 0
    while high - low > 1:
        if not fits(run[high - 1], False):
            return run[high]
        high -= 1
        if high - low > 1:
            low += 1
            if fits(run[low], True):
                return run[low]
    return run[high]


GIVEN_BACK = (NO_CHART, FEW_HIGHLIGHTS, FIRST_LEAD, FEW_KEY_FIGURES)
"""The cuts a fitted brief tries to give back, in order: the chart (of the fewest bars),
every highlight, the lead's second paragraph, every key figure."""

_Lay = Callable[[Document, "_Fit", frozenset[int]], "bytes | None"]
"""How a cut given back is tried: the document, the brief fitted, the cuts given back
in it; its PDF if it fits, else None."""


def _given_back(make: Callable[[int, frozenset[int]], Document], fitted: _Fit,
                limit: int, lay: _Lay | None = None) -> _Fit:
    """A brief that fitted its pages with each cut of its level given back
    (``GIVEN_BACK``, one by one) that still fits: a page with room left keeps its chart,
    its highlights, its lead. Each is tried by ``lay`` (else ``_render_within``)."""
    for cut in GIVEN_BACK:
        if fitted.level < cut:
            continue
        restored = fitted.restored | {cut}
        doc = make(fitted.level, restored)
        if doc == fitted.doc:
            continue  # the cut took nothing away (no chart, one lead paragraph)
        pdf = (lay(doc, fitted, restored) if lay is not None
               else _render_within(doc, fitted.theme, limit))
        if pdf is not None:
            fitted = replace(fitted, restored=restored, doc=doc, pdf=pdf)
    return fitted


def _render_within(doc: Document, theme: Theme, limit: int, drawn: bool = True,
                   fits: bool = False) -> bytes | None:
    """``doc``'s PDF if it fills at most ``limit`` pages, else None (BuildError as
    ``_render_as``). reportlab's writer stops at the page after the limit; any other
    writer ``_renderer`` gives (a stand-in) is asked for the whole file. Not ``drawn``,
    a PDF that fits is laid out only, and ``b""`` stands for it; one known to fit
    (``fits``) is drawn without being laid out dry first."""
    from ipdocs.writers.pdf import render_pdf, render_pdf_within

    render = recipes._renderer("pdf")  # looked up in recipes: a stand-in put there is used
    if render is not render_pdf:
        pdf = _render_as(doc, "pdf", theme)
        return pdf if (pdf_pages(pdf) or 0) <= limit else None
    if not doc.blocks:
        raise BuildError("nothing to print: the brief has no builders, or none with "
                         "content for this report")
    try:
        return render_pdf_within(doc, theme, limit, drawn=drawn, fits=fits)
    except RenderError as exc:
        raise BuildError(str(exc), exc.gaps) from exc


def counted_pages(count: int) -> str:
    """``count`` pages, in words a message reads: 1 page, 2 pages."""
    return f"{count} page" if count == 1 else f"{count} pages"


_PAGES = re.compile(rb"/Count (\d+) /Kids \[[^\]]*\] /Type /Pages")


def pdf_pages(data: bytes) -> int | None:
    """The page count of a PDF written by reportlab (the root of its page tree), or None."""
    found = _PAGES.search(data) if data.startswith(b"%PDF-") else None
    return int(found.group(1)) if found else None
