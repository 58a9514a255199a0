"""Building briefings: report → brief → document tree → writer → atomic file write."""

from __future__ import annotations

import os
import re
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ipdocs.base.files import WriteError, atomic_write, name_problem, write_all
from ipdocs.base.problems import Marks, Problem, error, locate
from ipdocs.checks.glyphs import theme_gap
from ipdocs.doc import Document
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief, load_brief
from ipdocs.sections.brief import DocumentLanguage, Language, Layout
from ipdocs.sections.context import (
    COMPACT_LEVELS,
    FEW_HIGHLIGHTS,
    FEW_KEY_FIGURES,
    FIRST_LEAD,
    NO_CHART,
)
from ipdocs.themes import Theme, load_theme
from ipdocs.writers import Gap, RenderError, RenderWarning
from ipdocs.writers.formats import Format, Renderer, format_for, format_names, writer_format

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from multiprocessing.context import BaseContext

__all__ = ["FORMATS", "BuildError", "Done", "Job", "Output", "Recipe", "Rendered", "atomic_write",
           "build", "build_all", "build_jobs", "output_name", "render", "render_jobs",
           "render_output",
           "render_outputs", "write_document", "write_files"]

FORMATS = format_names()
"""The file formats ipdocs writes (those registered in ``ipdocs.writers.formats`` when
ipdocs was imported; ``format_names()`` for the registry as it is now)."""


class BuildError(RuntimeError):
    """A build that could not complete; nothing was written. ``gaps``: the characters the
    theme's faces could not set, by font role (``ipdocs.writers.Gap``), where that is why."""

    def __init__(self, message: str, gaps: Sequence[Gap] = ()) -> None:
        super().__init__(message)
        self.gaps = tuple(gaps)


def _renderer(fmt: str) -> Renderer:
    """The writer for a file format (``ipdocs.writers.formats``; imported only when
    needed)."""
    registered = writer_format(fmt)
    if registered is None:
        raise BuildError(f"cannot write .{fmt} files; formats: {', '.join(format_names())}")
    return registered.renderer()


def _render(doc: Document, path: Path, theme: Theme) -> bytes:
    """``doc`` rendered in the format of ``path``'s extension (BuildError if it cannot,
    or if it would be empty: a PDF of no page is a file readers refuse)."""
    registered = format_for(path)
    name = registered.name if registered else path.suffix.lower().lstrip(".")
    return _render_as(doc, name, theme)


def _render_as(doc: Document, fmt: str, theme: Theme) -> bytes:
    """``doc`` rendered as ``fmt`` (docx, pdf); BuildError if it cannot be, or if it would
    be empty."""
    render = _renderer(fmt)
    if not doc.blocks:
        raise BuildError("nothing to print: the brief has no builders, or none with "
                         "content for this report")
    try:
        return render(doc, theme)
    except RenderError as exc:  # a font that cannot be used, a character no font covers
        raise BuildError(str(exc), exc.gaps) from exc


def write_document(doc: Document, path: Path, theme: Theme | None = None) -> Path:
    """Render ``doc`` in the format of ``path``'s extension and write it atomically."""
    return atomic_write(path, _render(doc, path, theme or load_theme(doc.theme)))


@dataclass(frozen=True)
class Output:
    """One file to build: where, in which language (the format is the path's extension)."""

    path: Path
    lang: Language


@dataclass(frozen=True)
class Recipe:
    """How to build every output of one run: the brief, the theme and the options."""

    brief: Brief
    theme: Theme
    layout: Layout = "interleaved"
    glossary: Glossary | None = None
    against: Report | None = None
    """Last year's report: a DOCX then shows each figure that changed as a tracked
    revision, and why a draft marks what it marks as comments."""


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
                    lang: Language) -> tuple[Document, Theme, bytes | None]:
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


@dataclass(frozen=True)
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
           lang: Language) -> Callable[[int, frozenset[int]], Document]:
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


def fit_steps(theme: Theme) -> list[tuple[int, Theme]]:
    """The distinct steps of ``FIT_STEPS`` for ``theme``: each level of compactness with
    the theme scaled (a grid theme keeps its type, so some steps repeat and go)."""
    steps: list[tuple[int, Theme]] = []
    tried: set[tuple[int, float]] = set()
    for level, scale in FIT_STEPS:
        scaled = theme.scaled(scale)
        step = (level, scale if scaled is not theme else 1.0)
        if step not in tried:
            tried.add(step)
            steps.append((level, scaled))
    return steps


def _fit(report: Report, recipe: Recipe, lang: Language,
         limit: int) -> tuple[Document, Theme, bytes]:
    """The brief fitted to ``limit`` pages (``_fitting``). A brief compared with last
    year's (``recipe.against``) is cut and given back as this year's alone is: accepting
    every revision of its DOCX gives this year's DOCX."""
    if recipe.against is None:
        fit = _fitting(report, recipe, lang, limit)
        return fit.doc, fit.theme, fit.pdf
    fit = _fitting(report, replace(recipe, against=None), lang, limit)
    return _maker(report, recipe, lang)(fit.level, fit.restored), fit.theme, fit.pdf


@dataclass(frozen=True)
class _Fit:
    """How a brief was fitted to its pages: its level of ``Context.compact``, the cuts
    given back, and the document, theme and PDF that fitted."""

    level: int
    restored: frozenset[int]
    doc: Document
    theme: Theme
    pdf: bytes


def _fitting(report: Report, recipe: Recipe, lang: Language, limit: int) -> _Fit:
    """The first step of ``fit_steps`` whose PDF fills at most ``limit`` pages, with that
    PDF and what it cut given back where the page has room (``_given_back``); else the
    last, with a RenderWarning. A step that does not fit is laid out only as far as the
    page after the limit (``render_pdf_within``): no file is made of it."""
    make = _maker(report, recipe, lang)
    steps = fit_steps(recipe.theme)
    for level, theme in steps[:-1]:
        doc = make(level, frozenset())
        pdf = _render_within(doc, theme, limit)
        if pdf is not None:
            return _given_back(make, _Fit(level, frozenset(), doc, theme, pdf), limit)
    level, theme = steps[-1]
    doc = make(level, frozenset())
    pdf = _render_as(doc, "pdf", theme)
    pages = pdf_pages(pdf) or 0
    if pages <= limit:
        return _given_back(make, _Fit(level, frozenset(), doc, theme, pdf), limit)
    warnings.warn(RenderWarning(
        f"the brief “{recipe.brief.name}” is to fill {counted_pages(limit)} but fills "
        f"{counted_pages(pages)} in this language and theme even shortened as far as it "
        "goes (fewer bars, no chart, the lead's first paragraph, fewer highlights, "
        "smaller type, three key figures)"), stacklevel=4)
    return _Fit(level, frozenset(), doc, theme, pdf)


GIVEN_BACK = (NO_CHART, FEW_HIGHLIGHTS, FIRST_LEAD, FEW_KEY_FIGURES)
"""The cuts a fitted brief tries to give back, in order: the chart (of the fewest bars),
every highlight, the lead's second paragraph, every key figure."""


def _given_back(make: Callable[[int, frozenset[int]], Document], fitted: _Fit,
                limit: int) -> _Fit:
    """A brief that fitted its pages with each cut of its level given back
    (``GIVEN_BACK``, one by one) that still fits: a page with room left keeps its chart,
    its highlights, its lead."""
    for cut in GIVEN_BACK:
        if fitted.level < cut:
            continue
        restored = fitted.restored | {cut}
        doc = make(fitted.level, restored)
        if doc == fitted.doc:
            continue  # the cut took nothing away (no chart, one lead paragraph)
        pdf = _render_within(doc, fitted.theme, limit)
        if pdf is not None:
            fitted = _Fit(fitted.level, restored, doc, fitted.theme, pdf)
    return fitted


def _render_within(doc: Document, theme: Theme, limit: int) -> bytes | None:
    """``doc``'s PDF if it fills at most ``limit`` pages, else None (BuildError as
    ``_render_as``). reportlab's writer stops at the page after the limit; any other
    writer ``_renderer`` gives (a stand-in) is asked for the whole file."""
    from ipdocs.writers.pdf import render_pdf, render_pdf_within

    render = _renderer("pdf")
    if render is not render_pdf:
        pdf = _render_as(doc, "pdf", theme)
        return pdf if (pdf_pages(pdf) or 0) <= limit else None
    if not doc.blocks:
        raise BuildError("nothing to print: the brief has no builders, or none with "
                         "content for this report")
    try:
        return render_pdf_within(doc, theme, limit)
    except RenderError as exc:
        raise BuildError(str(exc), exc.gaps) from exc


def counted_pages(count: int) -> str:
    """``count`` pages, in words a message reads: 1 page, 2 pages."""
    return f"{count} page" if count == 1 else f"{count} pages"


def available_cpus() -> int:
    """How many processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context() -> BaseContext:
    """How worker processes start: as the program chose (``multiprocessing
    .set_start_method``), else forked on Linux (they begin with ipdocs imported and the
    report loaded), else the platform's default (spawn on macOS, where forking a process
    that has used system frameworks can crash, and on Windows)."""
    import multiprocessing

    if multiprocessing.get_start_method(allow_none=True) is None and \
            sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@dataclass(frozen=True)
class Rendered:
    """One output made: its bytes, the seconds its rendering took, what its writer warned."""

    data: bytes
    seconds: float = 0.0
    warnings: tuple[str, ...] = ()

    @property
    def pages(self) -> int | None:
        """The pages of a PDF (None for other formats: Word paginates a DOCX itself)."""
        return pdf_pages(self.data)


Result = Rendered | BuildError
"""An output rendered, or the error that prevented it."""


@dataclass(frozen=True)
class Job:
    """One spec's build: its report, how to build it, and its outputs (all or none)."""

    report: Report
    recipe: Recipe
    outputs: tuple[Output, ...]
    name: str = ""
    """What to call the job in messages (its spec's path)."""
    marks: Marks = field(default_factory=dict, compare=False)
    """The spec's line:column marks, to locate what its theme cannot print."""


@dataclass(frozen=True)
class Done:
    """What became of a job: each output's result, and every file written, or the error
    that left them unwritten (``written`` then names any a failed rename left in place)."""

    job: Job
    results: tuple[Result, ...]
    written: tuple[Path, ...] = ()
    error: str | None = None


_PAGES = re.compile(rb"/Count (\d+) /Kids \[[^\]]*\] /Type /Pages")


def pdf_pages(data: bytes) -> int | None:
    """The page count of a PDF written by reportlab (the root of its page tree), or None."""
    found = _PAGES.search(data) if data.startswith(b"%PDF-") else None
    return int(found.group(1)) if found else None


def workers_for(jobs: int, outputs: int) -> int:
    """Processes to render ``outputs`` files in: ``jobs`` (0: one per processor), at most
    one per output, at least one."""
    return max(1, min(jobs or available_cpus(), outputs))


def render_outputs(report: Report, recipe: Recipe, outputs: Sequence[Output],
                   jobs: int = 1) -> list[bytes | BuildError]:
    """Render every output, in ``jobs`` processes (0: one per processor, at most one per
    output); each result is the file's bytes or the error that prevented it."""
    job = Job(report, recipe, tuple(outputs))
    [(_, results)] = render_jobs([job], workers_for(jobs, len(outputs)))
    return [result.data if isinstance(result, Rendered) else result for result in results]


OutputHook = Callable[[Output, Result], None]
"""Called as each output is rendered (a progress bar)."""


def render_jobs(jobs: Iterable[Job], workers: int = 1, on_output: OutputHook | None = None,
                executor: Executor | None = None) -> Iterator[tuple[Job, list[Result]]]:
    """Render every job's outputs, in ``workers`` processes, yielding each job with its
    results as soon as all are in (in the order they complete). ``jobs`` is read as the
    processes need more work, so a caller may load specs lazily. With ``executor`` (a
    pool kept open by the caller, see ``workers.pool``), the outputs render there.

    One process renders in this one; a daemon process (a worker of someone else's pool)
    may not start processes, and renders alone too. multiprocessing is imported only for
    a build in several processes (it costs about 12 ms of start-up)."""
    if executor is not None:
        yield from _across(executor, jobs, workers, on_output)
        return
    if workers <= 1 or _daemon():
        for job in jobs:
            results: list[Result] = []
            for output in job.outputs:
                results.append(_attempt(job.report, job.recipe, output))
                if on_output is not None:
                    on_output(output, results[-1])
            yield job, results
        return
    with open_pool(workers) as pool:
        yield from _across(pool, jobs, workers, on_output)


def open_pool(workers: int) -> AbstractContextManager[Executor]:
    """A pool of ``workers`` processes that end with it (see ``ipdocs.app.workers``)."""
    from ipdocs.app.workers import pool

    return pool(workers, _context())


def _across(executor: Executor, jobs: Iterable[Job], workers: int,
            on_output: OutputHook | None) -> Iterator[tuple[Job, list[Result]]]:
    """Render the jobs in ``executor``'s processes, keeping about two outputs per process
    queued (so the specs are loaded as the processes need them)."""
    batch = _Batch(executor, on_output)
    for job in jobs:
        yield from batch.submit(job)
        while len(batch.futures) > 2 * workers:
            yield from batch.collect()
    while batch.futures:
        yield from batch.collect()


def _daemon() -> bool:
    """Whether this process is a daemon (a pool's worker), which may not start processes."""
    import multiprocessing

    return multiprocessing.current_process().daemon


class _Batch:
    """Jobs in flight across a process pool: their outputs' futures and results so far."""

    def __init__(self, executor: Executor, on_output: OutputHook | None) -> None:
        self.executor = executor
        self.on_output = on_output
        self.futures: dict[Future[list[Result]], tuple[int, tuple[int, ...]]] = {}
        self.jobs: dict[int, tuple[Job, list[Result | None]]] = {}
        self.count = 0

    def submit(self, job: Job) -> Iterator[tuple[Job, list[Result]]]:
        """Queue a job's outputs (yield it at once if it has none)."""
        index, self.count = self.count, self.count + 1
        self.jobs[index] = (job, [None] * len(job.outputs))
        if not job.outputs:
            yield from self._complete(index)
        for places in longest_first(job, shared_places(job, alone=index == 0)):
            outputs = tuple(job.outputs[place] for place in places)
            try:
                future = self.executor.submit(_attempt_each, job.report, job.recipe, outputs)
            except RuntimeError as exc:  # the pool broke (a worker was killed)
                for place in places:
                    yield from self._record(index, place, _broken(exc))
            else:
                self.futures[future] = (index, places)

    def collect(self) -> Iterator[tuple[Job, list[Result]]]:
        """Wait for at least one output; yield the jobs that are then complete."""
        from concurrent.futures import FIRST_COMPLETED, wait

        finished, _ = wait(self.futures, return_when=FIRST_COMPLETED)
        for future in finished:
            index, places = self.futures.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # the worker died: BrokenProcessPool
                results = [_broken(exc)] * len(places)
            for place, result in zip(places, results, strict=True):
                yield from self._record(index, place, result)

    def _record(self, index: int, place: int, result: Result
                ) -> Iterator[tuple[Job, list[Result]]]:
        """Keep one output's result; yield its job if that was the last one."""
        job, results = self.jobs[index]
        results[place] = result
        if self.on_output is not None:
            self.on_output(job.outputs[place], result)
        if all(r is not None for r in results):
            yield from self._complete(index)

    def _complete(self, index: int) -> Iterator[tuple[Job, list[Result]]]:
        """Yield a job whose every output is in, and forget it."""
        job, results = self.jobs.pop(index)
        yield job, [r for r in results if r is not None]


def _broken(exc: BaseException) -> BuildError:
    """The error of an output whose worker process ended before it was rendered."""
    return BuildError(f"the process rendering it ended unexpectedly ({type(exc).__name__}: "
                      f"{exc})")


def shared_places(job: Job, alone: bool = False) -> list[tuple[int, ...]]:
    """The places of a job's outputs, in the groups a process renders together: the
    outputs of one language (they share the document, and a fitted brief's fitting, see
    ``fitted_document``); each ``alone`` (more processes at work on one job, as for the
    first job of a run) where the brief has no page limit."""
    if alone and job.recipe.brief.pages is None:
        return [(place,) for place in range(len(job.outputs))]
    groups: dict[str, list[int]] = {}
    for place, output in enumerate(job.outputs):
        groups.setdefault(output.lang, []).append(place)
    return [tuple(places) for places in groups.values()]


LONGEST_FIRST = ("zh-en", "zh", "en")
"""Languages by the work their outputs take, most first: both texts, then Chinese (its
line breaking and fonts), then English."""


def longest_first(job: Job, groups: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """``groups`` of a job's output places in the order to queue them: the longest work
    first, so that the last to finish is short and no process waits long for another at
    the end (the order of the results is the outputs' own, whatever this order)."""
    def rank(places: tuple[int, ...]) -> int:
        lang = job.outputs[places[0]].lang
        return LONGEST_FIRST.index(lang) if lang in LONGEST_FIRST else len(LONGEST_FIRST)

    return sorted(groups, key=rank)


def _attempt_each(report: Report, recipe: Recipe,
                  outputs: Sequence[Output]) -> list[Result]:
    """``_attempt`` for each output, in this process."""
    return [_attempt(report, recipe, output) for output in outputs]


def _attempt(report: Report, recipe: Recipe, output: Output) -> Result:
    """One output rendered, or its error as a value (errors cross process boundaries);
    the writer's warnings (RenderWarning) are kept with it, other warnings pass on."""
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        try:
            data = render_output(report, recipe, output)
        except BuildError as exc:
            return exc
    said = [w for w in caught if issubclass(w.category, RenderWarning)]
    for other in caught:
        if other not in said:
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    return Rendered(data, time.perf_counter() - start,
                    tuple(dict.fromkeys(str(w.message) for w in said)))


def finish(job: Job, results: Sequence[Result]) -> Done:
    """Write a job's files if every one was rendered (all or none), and say what became
    of it: characters the theme cannot set said once, located in the spec."""
    gaps = [gap for result in results if isinstance(result, BuildError) for gap in result.gaps]
    failures = [f"cannot build {output.path}: {result}"
                for output, result in zip(job.outputs, results, strict=True)
                if isinstance(result, BuildError) and not result.gaps]
    if gaps or failures:
        located = [p.format(job.name or None)
                   for p in gap_problems(job.report, job.recipe.theme, gaps, job.marks)]
        return Done(job, tuple(results), error="\n".join([*located, *failures,
                                                          "nothing written"]))
    files = [(output.path, result.data) for output, result in
             zip(job.outputs, results, strict=True) if isinstance(result, Rendered)]
    try:
        return Done(job, tuple(results), tuple(write_all(files)))
    except WriteError as exc:
        return Done(job, tuple(results), tuple(exc.written), str(exc))


def build_jobs(jobs: Iterable[Job], workers: int = 1, on_output: OutputHook | None = None,
               executor: Executor | None = None) -> Iterator[Done]:
    """Build every job, all or nothing each: a job that fails writes nothing of its own
    and does not stop the others. Yields each job's outcome as it completes (see
    ``render_jobs`` for the processes)."""
    for job, results in render_jobs(jobs, workers, on_output, executor):
        yield finish(job, results)


def build_all(report: Report, recipe: Recipe, outputs: Sequence[Output],
              jobs: int = 1) -> list[Path]:
    """Build every output, all or nothing: if any cannot be made, BuildError lists each
    failure and no file is written or replaced. The files are written together (see
    ``files.write_all``): should one not go in place, the error names it and any already
    put in place."""
    job = Job(report, recipe, tuple(outputs))
    [done] = build_jobs([job], workers_for(jobs, len(outputs)))
    if done.error is not None:
        raise BuildError(done.error)
    return list(done.written)


def write_files(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """``files.write_all``, its errors as BuildError."""
    try:
        return write_all(files)
    except WriteError as exc:
        raise BuildError(str(exc)) from exc


def build(report: Report, path: str | Path, *, lang: DocumentLanguage = "zh",
          brief: str | Brief = "full", theme: str | Theme = "briefing",
          layout: Layout = "interleaved", glossary: Glossary | None = None,
          against: Report | None = None) -> Path:
    """Build one briefing of ``report`` into ``path`` (.docx, .pdf or .html, by its
    extension)."""
    recipe = _recipe(brief, theme, layout, glossary, against)
    return atomic_write(Path(path), render_output(report, recipe, Output(Path(path), lang)))


def theme_problems(report: Report, recipe: Recipe,
                   langs: Sequence[Language] = ("zh-en",), marks: Marks | None = None
                   ) -> list[Problem]:
    """Errors where the recipe's theme cannot print ``report`` as ``build`` would (a
    character no face of it has, a chart label no one face has): the PDF of each of
    ``langs`` is made, and what the writer refuses is an error, located by ``marks`` (the
    spec's) at the text that holds it. ``zh-en`` holds the texts of both languages, and
    charts whose labels are in both."""
    problems = []
    for lang in langs:
        try:
            render_output(report, recipe, Output(Path(f"check.{lang}.pdf"), lang))
        except BuildError as exc:
            if exc.gaps:
                problems += gap_problems(report, recipe.theme, exc.gaps, marks or {})
            else:
                problems.append(error(("theme",), f"{recipe.theme.name}: the {lang} PDF "
                                                  f"cannot be made: {exc}"))
    return problems


def gap_problems(report: Report, theme: Theme, gaps: Iterable[Gap],
                 marks: Marks) -> list[Problem]:
    """One located error a font role (and weight, and chart labels apart) for the
    characters the theme's faces could not set, of every output's ``gaps`` together."""
    merged: dict[tuple[str, bool, bool], tuple[dict[str, None], dict[str, None]]] = {}
    for gap in gaps:
        chars, texts = merged.setdefault((gap.role, gap.bold, gap.chart), ({}, {}))
        chars.update(dict.fromkeys(gap.chars))
        texts.update(dict.fromkeys(gap.texts))
    return [locate(theme_gap(report, theme, role, bold, sorted(chars), list(texts), chart),
                   marks)
            for (role, bold, chart), (chars, texts) in merged.items()]



def render(report: Report, format: Format = "pdf", *,
           lang: DocumentLanguage = "zh", brief: str | Brief = "full",
           theme: str | Theme = "briefing", layout: Layout = "interleaved",
           glossary: Glossary | None = None, against: Report | None = None) -> bytes:
    """The bytes of one briefing of ``report`` in ``format`` (docx, pdf or html), written to no
    file: for a web response, an e-mail, an archive (``io.BytesIO(render(...))`` for a
    stream). The same bytes ``build`` writes with the same options."""
    registered = writer_format(format)
    if registered is None:
        raise BuildError(f"unknown format {format!r}; formats: {', '.join(format_names())}")
    recipe = _recipe(brief, theme, layout, glossary, against)
    return render_output(report, recipe, Output(Path(f"briefing{registered.suffix}"), lang))


def _recipe(brief: str | Brief, theme: str | Theme, layout: Layout,
            glossary: Glossary | None, against: Report | None) -> Recipe:
    """The recipe of one briefing, the brief and theme loaded by name where given so."""
    chosen = brief if isinstance(brief, Brief) else load_brief(brief)
    loaded = theme if isinstance(theme, Theme) else load_theme(theme)
    return Recipe(chosen, loaded, layout, glossary, against)


SPEC_SUFFIXES = (".yaml", ".yml", ".json")
"""The extensions of spec files, which output names leave out."""


def name_stem(path: Path, what: str = "spec") -> str:
    """The part of a spec's (or brief's) file name its outputs are named after: the name
    without its extension, leading dots (outputs are never hidden) or surrounding spaces;
    BuildError where nothing is left or the name holds control characters."""
    name = path.name
    suffix = next((s for s in SPEC_SUFFIXES if name.lower().endswith(s)), Path(name).suffix)
    stem = name[:len(name) - len(suffix)] if suffix else name
    stem = stem.lstrip(".").strip()
    if not stem or any(unicodedata.category(c) in ("Cc", "Cs") for c in stem):
        why = "holds control characters" if stem else "is only dots and an extension"
        raise BuildError(f"cannot name files after the {what} {str(path)!r}: its name {why}; "
                         "rename it")
    return stem


def output_name(spec: Path, brief: str, lang: str, fmt: str) -> str:
    """``<stem>.<lang><suffix>``, or ``<stem>.<brief>.<lang><suffix>`` for a brief not
    ``full``, the suffix the format ``fmt`` registered (``.fmt`` for one not registered;
    see ``name_stem``; BuildError where a name cannot be made)."""
    brief_name = brief if brief in ("full", "summary") else name_stem(Path(brief), "brief")
    middle = "" if brief_name == "full" else f".{brief_name}"
    registered = writer_format(fmt)
    suffix = registered.suffix if registered else f".{fmt}"
    name = f"{name_stem(spec)}{middle}.{lang}{suffix}"
    too_long = name_problem(name)
    if too_long:
        raise BuildError(f"cannot name the output {name!r} after the spec {str(spec)!r}: "
                         f"{too_long}; shorten the spec's name")
    return name
