"""Building many outputs of many specs: jobs, their rendering in a pool of processes
(the outputs of one language together, the longest work first), and their files
written all or none a job."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
import time
import warnings
from collections import OrderedDict
from collections.abc import (
    Callable,
    Collection,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from contextlib import AbstractContextManager
from dataclasses import field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipdocs.app.fitting import (
    SHARED_BY,
    pdf_pages,
    render_output,
    settle_scale,
    smallest_scale,
    variant_draws_chart,
    variant_scale,
)
from ipdocs.app.recipes import BuildError, Output, Recipe
from ipdocs.base.files import WriteError, write_all
from ipdocs.base.kept import trim
from ipdocs.base.problems import Marks, Problem, locate
from ipdocs.base.records import datarecord
from ipdocs.checks.glyphs import theme_gap
from ipdocs.i18n import languages_of
from ipdocs.model import Report
from ipdocs.sections.brief import LanguageOption
from ipdocs.themes import Theme
from ipdocs.writers import Gap, RenderWarning
from ipdocs.writers.formats import format_for

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from multiprocessing.context import BaseContext


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


@datarecord(frozen=True)
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


@datarecord(frozen=True)
class Job:
    """One spec's build: its report, how to build it, and its outputs (all or none)."""

    report: Report
    recipe: Recipe
    outputs: tuple[Output, ...]
    name: str = ""
    """What to call the job in messages (its spec's path)."""
    marks: Marks = field(default_factory=dict, compare=False)
    """The spec's line:column marks, to locate what its theme cannot print."""


@datarecord(frozen=True)
class Done:
    """What became of a job: each output's result, and every file written, or the error
    that left them unwritten (``written`` then names any a failed rename left in place)."""

    job: Job
    results: tuple[Result, ...]
    written: tuple[Path, ...] = ()
    error: str | None = None


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
                executor: Executor | None = None,
                formats: Collection[str] | None = None) -> Iterator[tuple[Job, list[Result]]]:
    """Render every job's outputs, in ``workers`` processes, yielding each job with its
    results as soon as all are in (in the order they complete). ``jobs`` is read as the
    processes need more work, so a caller may load specs lazily. With ``executor`` (a
    pool kept open by the caller, see ``workers.pool``), the outputs render there.

    ``formats``: the writers the outputs need (format names), if known before the first
    job is loaded (else ``jobs.formats`` if it has them, as ``batch.jobs_of``'s does):
    the pool's processes then start at once and import them while this process loads the
    first job's spec (``workers.pool``).

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
    if formats is None:
        formats = getattr(jobs, "formats", ())
    with open_pool(workers, formats) as pool:
        from ipdocs.app.workers import no_more_work

        if not (yield from _across(pool, jobs, workers, on_output,
                                   partial(no_more_work, pool))) and formats:
            from ipdocs.app.workers import end_idle

            end_idle(pool)  # every spec refused: its workers' imports are not waited for


def open_pool(workers: int, formats: Collection[str] = ()
              ) -> AbstractContextManager[Executor]:
    """A pool of ``workers`` processes that end with it (see ``ipdocs.app.workers``);
    with ``formats``, started at once, each importing those formats' writers."""
    from ipdocs.app.workers import pool

    return pool(workers, _context(), sorted(formats))


def _across(executor: Executor, jobs: Iterable[Job], workers: int,
            on_output: OutputHook | None, last: Callable[[], None] | None = None
            ) -> Generator[tuple[Job, list[Result]], None, int]:
    """Render the jobs in ``executor``'s processes, keeping about two outputs per process
    queued (so the specs are loaded as the processes need them); return how many jobs
    there were. ``last`` is called once every task is submitted (every job read, no
    scale still to come, whose outputs would follow): ``workers.no_more_work``."""
    batch = _Batch(executor, on_output, workers, getattr(jobs, "planned", None))
    for job in jobs:
        yield from batch.submit(job)
        while batch.busy > 2 * workers:
            yield from batch.collect()
    while batch.busy:
        if last is not None and not batch.scales:
            last()
            last = None
        yield from batch.collect()
    return batch.count


def _daemon() -> bool:
    """Whether this process is a daemon (a pool's worker), which may not start processes."""
    import multiprocessing

    return multiprocessing.current_process().daemon


class _Batch:
    """Jobs in flight across a process pool: their outputs' futures and results so far,
    and the futures of the scales a fitted brief's variants come to alone (see
    ``shared_scale``): the processes find them side by side, once a job, and the job's
    outputs are queued with the scale they share when all are in."""

    def __init__(self, executor: Executor, on_output: OutputHook | None,
                 workers: int = 1, planned: int | None = None) -> None:
        self.executor = executor
        self.on_output = on_output
        self.workers = workers
        self.planned = planned
        """How many jobs the run will have at most, if known (``batch.Loading``)."""
        self.futures: dict[Future[list[Result]], tuple[int, tuple[int, ...]]] = {}
        self.scales: dict[Future[ScaleFound], tuple[int, str]] = {}
        self.found: dict[int, dict[str, ScaleFound] | None] = {}
        self.jobs: dict[int, tuple[Job, list[Result | None]]] = {}
        self.tokens: dict[int, str] = {}
        self.shipped: dict[int, Shipped] = {}
        """Each job's report and recipe as its tasks carry them (pickled once a job)."""
        self.prepared: set[int] = set()
        """The processes that found a scale while its job's others were still to come,
        and were given a ``_prepare`` task then (once a process)."""
        self.preparing: dict[Future[tuple[int, float]], tuple[int, float, float]] = {}
        """The ``_prepare`` tasks whose ends are not yet accounted for: the process each
        was meant for, the moment it was queued and about how long it takes
        (``_free_first``)."""
        self.count = 0

    @property
    def busy(self) -> int:
        """The futures in flight: outputs and scales."""
        return len(self.futures) + len(self.scales)

    def submit(self, job: Job) -> Iterator[tuple[Job, list[Result]]]:
        """Queue a job's outputs (yield it at once if it has none); those of a brief
        with a page limit once its variants' scales are found (``_scaled``)."""
        index, self.count = self.count, self.count + 1
        self.jobs[index] = (job, [None] * len(job.outputs))
        self.tokens[index] = job_token()
        self.shipped[index] = Shipped(job.report, job.recipe, self.tokens[index])
        if not job.outputs:
            yield from self._complete(index)
        elif self._scaled(job):
            try:
                for lang in sorted(SHARED_BY, key=_work):  # the longest first
                    future = self.executor.submit(_variant_scale, self.shipped[index], lang)
                    self.scales[future] = (index, lang)
            except RuntimeError:  # the pool broke: the outputs queued say so
                for future in [f for f, (i, _) in self.scales.items() if i == index]:
                    del self.scales[future]
                yield from self._queue(index, None)
            else:
                self.found[index] = {}
        else:
            yield from self._queue(index, None)

    def _scaled(self, job: Job) -> bool:
        """Whether the job's variants share a scale found first across the processes:
        a brief with a page limit, in a theme whose type can be scaled, in more than one
        process (one process finds it once itself)."""
        return (self.workers > 1 and job.recipe.brief.pages is not None
                and job.recipe.theme.scalable)

    def _whole(self, index: int) -> bool:
        """Whether a job's outputs are one task (``shared_places``' ``whole``): a job of
        a run known to have more jobs than processes, neither its first (whose outputs
        start every process at once) nor one of its last ``workers`` (split, so that
        the processes end together)."""
        return (self.planned is not None and self.workers > 1
                and 0 < index < self.planned - self.workers)

    def _queue(self, index: int, scale: float | None,
               found: Mapping[str, ScaleFound] | None = None
               ) -> Iterator[tuple[Job, list[Result]]]:
        """Queue a job's outputs, the outputs of one language together, with the scale
        its variants share if found (None: each process finds it), each process that
        found some first given a language it found (``by_finder``)."""
        job, _ = self.jobs[index]
        groups = longest_first(job, shared_places(job, alone=index == 0,
                                                  whole=self._whole(index)))
        for places in by_finder(job, groups, found or {}, self.workers):
            outputs = tuple(job.outputs[place] for place in places)
            try:
                future = self.executor.submit(_attempt_each, self.shipped[index], outputs,
                                              scale)
            except RuntimeError as exc:  # the pool broke (a worker was killed)
                for place in places:
                    yield from self._record(index, place, _broken(exc))
            else:
                self.futures[future] = (index, places)

    def _scale_found(self, future: Future[ScaleFound]) -> Iterator[tuple[Job, list[Result]]]:
        """Keep one variant's scale; once the job's every one is in, queue its outputs
        with the smallest (a scale that failed to come: each process finds it itself)."""
        index, lang = self.scales.pop(future)
        found = self.found[index]
        try:
            scale = future.result()
        except Exception:  # the worker died: its outputs will say so, or find it
            found = self.found[index] = None
        if found is not None:
            found[lang] = scale
        if any(i == index for i, _ in self.scales.values()):
            if found is not None:
                self._prepare(index, scale.process, scale.charts)
            return
        del self.found[index]
        if found is None:
            yield from self._queue(index, None)
        else:
            yield from self._queue(index, smallest_scale(f.scale for f in found.values()),
                                   self._free_first(found))

    def _prepare(self, index: int, process: int, charts: bool = False) -> None:
        """Queue a ``_prepare`` task for the job's formats, once for each ``process``
        that has found a scale of it while others are still to come: it waits for them
        (the outputs are queued with the smallest scale), so the next task it takes is
        this one, and the writers the job's outputs need are imported there then
        (``batch.writers_first`` left all but the PDF's out of the processes' start),
        with what they draw charts with where a variant the process that takes it found
        draws one (``_found_with_chart``: XlsxWriter for a Word file's chart's
        workbook, else imported by its first chart, on the job's path). Where another
        process takes it, that one needed the writers too, or has them already
        (imported again, a writer costs nothing); ``charts`` (the finder's guess) only
        lengthens the guess of its end (``CHARTS_SECONDS``)."""
        if process in self.prepared:
            return
        self.prepared.add(process)
        job, _ = self.jobs[index]
        formats = tuple(dict.fromkeys(found.name for found in map(format_for, (
            output.path for output in job.outputs)) if found is not None))
        seconds = PREPARE_SECONDS + (CHARTS_SECONDS if charts and _chart_writer_ahead()
                                     else 0.0)
        with contextlib.suppress(RuntimeError):  # the pool broke: its outputs say so
            self.preparing[self.executor.submit(_prepare, formats, self.tokens[index])] = (
                process, time.monotonic(), seconds)

    def _free_first(self, found: Mapping[str, ScaleFound]) -> dict[str, ScaleFound]:
        """``found`` with each process's moment done put off to the end of a
        ``_prepare`` task it was given; one still running or queued ends after now, at
        the later of its queuing and the process's last scale plus ``PREPARE_SECONDS``
        if that is later still (``CHARTS_SECONDS`` more where it imports the chart
        writer): so that ``by_finder`` queues first the task of the process that is free
        first."""
        later: dict[int, float] = {}
        now = time.monotonic()
        for future, (process, queued, seconds) in list(self.preparing.items()):
            if future.done():
                del self.preparing[future]
                with contextlib.suppress(Exception):  # the worker died: its outputs say so
                    process, done = future.result()
                    later[process] = max(later.get(process, done), done)
                continue
            begun = max([queued, *(one.done for one in found.values()
                                   if one.process == process)])
            later[process] = max(later.get(process, 0.0), now + 1e-6,
                                 begun + seconds)
        return {lang: replace(one, done=max(one.done, later.get(one.process, one.done)))
                for lang, one in found.items()}

    def collect(self) -> Iterator[tuple[Job, list[Result]]]:
        """Wait for at least one output or scale; yield the jobs that are then complete."""
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: list[Future[Any]] = [*self.futures, *self.scales]
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in finished:
            if future in self.scales:
                yield from self._scale_found(future)
                continue
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
        self.tokens.pop(index, None)
        self.shipped.pop(index, None)
        yield job, [r for r in results if r is not None]


def _broken(exc: BaseException) -> BuildError:
    """The error of an output whose worker process ended before it was rendered."""
    return BuildError(f"the process rendering it ended unexpectedly ({type(exc).__name__}: "
                      f"{exc})")


def shared_places(job: Job, alone: bool = False, whole: bool = False
                  ) -> list[tuple[int, ...]]:
    """The places of a job's outputs, in the groups a process renders together: the
    outputs of one language (they share the document, and a fitted brief's fitting, see
    ``fitted_document``); each ``alone`` (more processes at work on one job, as for the
    first job of a run) where the brief has no page limit; or, ``whole``, where the
    brief has no page limit, all of them in one group (``parts_first``: a job among many,
    whose processes each have other jobs to render)."""
    unfitted = job.recipe.brief.pages is None
    if alone and unfitted:
        return [(place,) for place in range(len(job.outputs))]
    groups: dict[str, list[int]] = {}
    for place, output in enumerate(job.outputs):
        groups.setdefault(output.lang, []).append(place)
    if whole and unfitted:
        return [parts_first(job, [tuple(places) for places in groups.values()])]
    return [tuple(places) for places in groups.values()]


def parts_first(job: Job, groups: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    """``groups`` of a job's output places (one language each) as one task's places: the
    languages of one text before those of two (zh and en before zh-en), each language's
    outputs together: one process reads the report's faces once, and what the writers
    remember of its Chinese and English texts (the PDF writer's lines, by text and looks,
    ``writers/pdf/text.py``) is there when it sets them again in the document of both.
    (The lines are found again only where the looks are the same: bench/RESULTS.md,
    wave 12, says what keeps them apart today.)"""
    def parts(places: tuple[int, ...]) -> int:
        try:
            return len(languages_of(job.outputs[places[0]].lang))
        except ValueError:  # not a language (a caller's own): as one
            return 1
    return tuple(place for places in sorted(groups, key=parts) for place in places)


LONGEST_FIRST = ("zh-en", "zh", "en")
"""Languages by the work their outputs take, most first: both texts, then Chinese (its
line breaking and fonts), then English."""


def _work(lang: str) -> int:
    """A language's place in ``LONGEST_FIRST`` (after them all if not there)."""
    return LONGEST_FIRST.index(lang) if lang in LONGEST_FIRST else len(LONGEST_FIRST)


def longest_first(job: Job, groups: Sequence[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """``groups`` of a job's output places in the order to queue them: the longest work
    first, so that the last to finish is short and no process waits long for another at
    the end (the order of the results is the outputs' own, whatever this order)."""
    return sorted(groups, key=lambda places: _work(job.outputs[places[0]].lang))


@datarecord(frozen=True)
class ScaleFound:
    """One variant's scale, found in a pool's process (``variant_scale``; None if the
    report cannot make it), with that process's id and the moment it was done
    (``time.monotonic``, one clock for every process of the machine): its fitting's
    documents and tries stay in that process, where the variant's outputs are cheapest
    made (``by_finder``)."""

    scale: float | None
    process: int = 0
    done: float = 0.0
    charts: bool = False
    """Whether the variant's document at that scale draws a chart
    (``variant_draws_chart``): its Word file will want the chart writer, which a
    ``_prepare`` task then imports (guessing its end later)."""


def by_finder(job: Job, groups: Sequence[tuple[int, ...]],
              found: Mapping[str, ScaleFound], workers: int = 2) -> list[tuple[int, ...]]:
    """``groups`` of a job's output places (one language each, longest first) as the
    tasks to queue, so that the outputs of the languages whose scales a pool's process
    found (``found``, by language) are rendered there, where their fitting has begun (its
    documents and tries, the writers' imports and faces): one task a process, of all its
    languages' groups, longest first. A pool's idle process takes the next task queued,
    the one idle longest first: the task of the process that was done first is queued
    first, then the next one's; groups of a language none found follow, as they came,
    for whichever process is free first. Where fewer processes found scales than the
    pool has ``workers`` (one took every scale task while another started), each group
    is a task of its own, in that order, so that no process is left without work. Which
    process renders what changes no byte."""
    last: dict[int, float] = {}
    for each in found.values():
        last[each.process] = max(last.get(each.process, each.done), each.done)
    tasks: dict[int, tuple[int, ...]] = dict.fromkeys(sorted(last, key=last.__getitem__),
                                                      ())
    left: list[tuple[int, ...]] = []
    for places in groups:
        one = found.get(job.outputs[places[0]].lang)
        if one is None:
            left.append(places)
        else:
            tasks[one.process] += places
    merged = [places for places in tasks.values() if places]
    if len(merged) < min(workers, len(groups)):
        mine = [places for places in groups if places not in left]
        return sorted(mine, key=lambda places: merged.index(
            next(task for task in merged if places[0] in task))) + left
    return merged + left


_TOKENS = itertools.count()
"""Numbers for the jobs this process queues in a pool (``job_token``)."""


def job_token() -> str:
    """A name for one job queued in a pool, unique to this process and job: each of the
    job's tasks carries it with the copies of the job's report and recipe it is sent."""
    return f"{os.getpid()}.{next(_TOKENS)}"


class Shipped:
    """A job's report and recipe as its tasks carry them to a pool's processes, with the
    job's ``token``: pickled once for all of the job's tasks (``__reduce__``; the
    Ningbo report is some 110 kB, 1–2 ms to pickle and as much to unpickle), and
    unpickled in a process only by the first of them to arrive there (``_arrived``):
    the later ones bring the same bytes and are given the objects the first brought
    (``_kept``)."""

    def __init__(self, report: Report, recipe: Recipe, token: str | None = None) -> None:
        self.report = report
        self.recipe = recipe
        self.token = token
        self._pickled: bytes | None = None

    def __reduce__(self) -> tuple[Callable[[str | None, bytes], Shipped],
                                  tuple[str | None, bytes]]:
        """Pickled as ``_arrived`` of the token and the report and recipe's pickle,
        made at the first task sent."""
        if self._pickled is None:
            import pickle

            self._pickled = pickle.dumps((self.report, self.recipe), pickle.HIGHEST_PROTOCOL)
        return _arrived, (self.token, self._pickled)


_RECEIVED: OrderedDict[str, Shipped] = OrderedDict()
"""The report and recipe a pool's process was first sent for each job (by its token),
the last ``RECEIVED_KEPT``."""
RECEIVED_KEPT = 6


def _arrived(token: str | None, pickled: bytes) -> Shipped:
    """A ``Shipped`` unpickled in a pool's process: the objects the job ``token`` names
    were first sent with if this process has them (``_kept``), else those ``pickled``
    holds."""
    kept = _RECEIVED.get(token) if token is not None else None
    if kept is not None:
        return kept
    import pickle

    report, recipe = pickle.loads(pickled)
    return _kept(Shipped(report, recipe, token))


def _kept(shipped: Shipped) -> Shipped:
    """The objects this process was first sent for the job ``shipped.token`` names, in
    place of ``shipped``, which a later task of the job brings: the fitting session of a
    brief (``fitting._session``) and the documents made (``fitted_document``) are kept
    by the objects they were made of, so a job's outputs find what its scale tasks did
    in this process. The token is the job's own, so the objects are those the job was
    queued with, whatever another job holds."""
    token = shipped.token
    if token is None:
        return shipped
    kept = _RECEIVED.get(token)
    if kept is None:
        kept = _RECEIVED[token] = shipped
        trim(_RECEIVED, RECEIVED_KEPT)  # the first received first (a job's first task)
    return kept


def _attempt_each(shipped: Shipped, outputs: Sequence[Output],
                  scale: float | None = None) -> list[Result]:
    """``_attempt`` for each output of the job ``shipped`` brings, in this process; a
    fitted brief's at the ``scale`` its variants share, if found (``settle_scale``)."""
    from ipdocs.app.workers import between_tasks

    between_tasks()
    shipped = _kept(shipped)
    report, recipe = shipped.report, shipped.recipe
    if scale is not None and recipe.brief.pages is not None:
        settle_scale(report, recipe, recipe.brief.pages, scale)
    return [_attempt(report, recipe, output) for output in outputs]


def _variant_scale(shipped: Shipped, lang: LanguageOption) -> ScaleFound:
    """``variant_scale`` of the brief of the job ``shipped`` brings, in a pool's process,
    with the process and the moment it was found (``by_finder``)."""
    from ipdocs.app.workers import between_tasks

    between_tasks()
    shipped = _kept(shipped)
    report, recipe = shipped.report, shipped.recipe
    assert recipe.brief.pages is not None
    scale = variant_scale(report, recipe, lang, recipe.brief.pages)
    charts = variant_draws_chart(report, recipe, lang, recipe.brief.pages)
    return ScaleFound(scale, os.getpid(), time.monotonic(), charts)


PREPARE_SECONDS = 0.05
"""About what a ``_prepare`` task takes (the DOCX writer's imports), to guess when a
process that is still at one will be free (``_Batch._free_first``)."""
CHARTS_SECONDS = 0.01
"""About what importing the chart writer adds to a ``_prepare`` task (XlsxWriter, some
90 M instructions), where it imports it (``_chart_writer_ahead``)."""


def _chart_writer_ahead() -> bool:
    """Whether a ``_prepare`` task imports the chart writer for a chart: only where
    charts' parts cannot be kept between runs (``writers.docx.charts
    .import_chart_writer``: one kept is read back without it)."""
    from ipdocs.writers.subsets import keeping

    return not keeping()


def _prepare(formats: Sequence[str], token: str | None = None) -> tuple[int, float]:
    """Import the writers of ``formats`` in this pool's process (``_Batch._prepare``),
    with what they draw charts with (``workers.import_writers``) where a variant of the
    job ``token`` names whose scale this process found draws a chart
    (``variant_draws_chart``: ``by_finder`` gives the process those variants' outputs;
    the task is meant for the process that found one, but the one free first takes
    it); this process's id and the moment it was done (``time.monotonic``)."""
    from ipdocs.app.workers import import_writers

    import_writers(formats, _found_with_chart(token))
    return os.getpid(), time.monotonic()


def _found_with_chart(token: str | None) -> bool:
    """Whether a variant of the job ``token`` names, found by this process, draws a
    chart (``variant_draws_chart``); False where this process was sent none of it."""
    kept = _RECEIVED.get(token) if token is not None else None
    if kept is None:
        return False
    report, recipe = kept.report, kept.recipe
    limit = recipe.brief.pages
    return limit is not None and any(variant_draws_chart(report, recipe, lang, limit)
                                     for lang in SHARED_BY)


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
               executor: Executor | None = None,
               formats: Collection[str] | None = None) -> Iterator[Done]:
    """Build every job, all or nothing each: a job that fails writes nothing of its own
    and does not stop the others. Yields each job's outcome as it completes (see
    ``render_jobs`` for the processes and ``formats``)."""
    for job, results in render_jobs(jobs, workers, on_output, executor, formats):
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
