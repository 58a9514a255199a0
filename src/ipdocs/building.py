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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ipdocs.doc import Document
from ipdocs.files import WriteError, atomic_write, write_all
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief, load_brief
from ipdocs.sections.brief import Language, Layout
from ipdocs.sections.context import COMPACT_LEVELS
from ipdocs.themes import Theme, load_theme
from ipdocs.writers import RenderError, RenderWarning

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from multiprocessing.context import BaseContext

__all__ = ["FORMATS", "BuildError", "Done", "Job", "Output", "Recipe", "Rendered", "atomic_write",
           "build", "build_all", "build_jobs", "output_name", "render_jobs", "render_output",
           "render_outputs", "write_document", "write_files"]

FORMATS = ("docx", "pdf", "html")
"""The file formats ipdocs writes."""


class BuildError(RuntimeError):
    """A build that could not complete; nothing was written."""


def _renderer(fmt: str) -> Callable[[Document, Theme], bytes]:
    """The writer for a file format (imported only when needed)."""
    if fmt == "docx":
        from ipdocs.writers.docx import render_docx

        return render_docx
    if fmt == "pdf":
        from ipdocs.writers.pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from ipdocs.writers.html import render_html

        return render_html
    raise BuildError(f"cannot write .{fmt} files; formats: {', '.join(FORMATS)}")


def _render(doc: Document, path: Path, theme: Theme) -> bytes:
    """``doc`` rendered in the format of ``path``'s extension (BuildError if it cannot,
    or if it would be empty: a PDF of no page is a file readers refuse)."""
    return _render_as(doc, path.suffix.lower().lstrip("."), theme)


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
        raise BuildError(str(exc)) from exc


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
    """The bytes of one output (BuildError if it cannot be made)."""
    doc, theme, pdf = fitted_document(report, recipe, output.lang)
    if pdf is not None and output.path.suffix.lower() == ".pdf":
        return pdf
    return _render(doc, output.path, theme)


FIT_STEPS = ((0, 1.0), (1, 1.0), (1, 0.94), (2, 0.94), (3, 0.94), (4, 0.94), (4, 0.88),
             (COMPACT_LEVELS, 0.88), (COMPACT_LEVELS, 0.84))
"""How a brief with a page limit is made shorter, step by step: the builders' level of
``Context.compact`` and the scale of the theme's type (``Theme.scaled``)."""


def fitted_document(report: Report, recipe: Recipe,
                    lang: Language) -> tuple[Document, Theme, bytes | None]:
    """The document the recipe's brief makes of ``report``, in the recipe's theme. For a
    brief with a page limit, made again shorter and smaller (``FIT_STEPS``) until its PDF
    fits, and returned with that PDF: the DOCX of such a brief is what fitted the PDF (the
    two writers set the same type on the same page). A RenderWarning says when even the
    shortest does not fit."""
    def make(level: int) -> Document:
        return recipe.brief.document(report, lang, layout=recipe.layout,
                                     theme=recipe.theme.name, glossary=recipe.glossary,
                                     against=recipe.against, compact=level)

    limit = recipe.brief.pages
    if limit is None:
        return make(0), recipe.theme, None
    tried: set[tuple[int, float]] = set()
    for level, scale in FIT_STEPS:
        theme = recipe.theme.scaled(scale)
        step = (level, scale if theme is not recipe.theme else 1.0)  # a grid theme keeps its type
        if step in tried:
            continue
        tried.add(step)
        doc = make(level)
        pdf = _render_as(doc, "pdf", theme)
        pages = pdf_pages(pdf) or 0
        if pages <= limit:
            return doc, theme, pdf
    warnings.warn(RenderWarning(
        f"the brief “{recipe.brief.name}” is to fill {counted_pages(limit)} but fills "
        f"{counted_pages(pages)} in this language and theme even shortened as far as it goes "
        "(fewer bars, no chart, the lead's first paragraph, fewer highlights, smaller "
        "type, three key figures)"), stacklevel=2)
    return doc, theme, pdf


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
    """How worker processes start: forked on Linux (they begin with ipdocs imported and the
    report loaded), the platform's default elsewhere (spawn on macOS, where forking a
    process that has used system frameworks can crash, and on Windows)."""
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
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
    """A pool of ``workers`` processes that end with it (see ``ipdocs.workers``)."""
    from ipdocs.workers import pool

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
        self.futures: dict[Future[Result], tuple[int, int]] = {}
        self.jobs: dict[int, tuple[Job, list[Result | None]]] = {}
        self.count = 0

    def submit(self, job: Job) -> Iterator[tuple[Job, list[Result]]]:
        """Queue a job's outputs (yield it at once if it has none)."""
        index, self.count = self.count, self.count + 1
        self.jobs[index] = (job, [None] * len(job.outputs))
        if not job.outputs:
            yield from self._complete(index)
        for place, output in enumerate(job.outputs):
            try:
                future = self.executor.submit(_attempt, job.report, job.recipe, output)
            except RuntimeError as exc:  # the pool broke (a worker was killed)
                yield from self._record(index, place, _broken(exc))
            else:
                self.futures[future] = (index, place)

    def collect(self) -> Iterator[tuple[Job, list[Result]]]:
        """Wait for at least one output; yield the jobs that are then complete."""
        from concurrent.futures import FIRST_COMPLETED, wait

        finished, _ = wait(self.futures, return_when=FIRST_COMPLETED)
        for future in finished:
            index, place = self.futures.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # the worker died: BrokenProcessPool
                result = _broken(exc)
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
    of it."""
    failures = [f"cannot build {output.path}: {result}"
                for output, result in zip(job.outputs, results, strict=True)
                if isinstance(result, BuildError)]
    if failures:
        return Done(job, tuple(results), error="\n".join([*failures, "nothing written"]))
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


def build(report: Report, path: str | Path, *, lang: Language = "zh",
          brief: str | Brief = "full", theme: str | Theme = "briefing",
          layout: Layout = "interleaved", glossary: Glossary | None = None,
          against: Report | None = None) -> Path:
    """Build one briefing of ``report`` into ``path`` (.docx, .pdf or .html, by its
    extension)."""
    chosen = brief if isinstance(brief, Brief) else load_brief(brief)
    loaded = theme if isinstance(theme, Theme) else load_theme(theme)
    recipe = Recipe(chosen, loaded, layout, glossary, against)
    return atomic_write(Path(path), render_output(report, recipe, Output(Path(path), lang)))


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
    """``<stem>.<lang>.<ext>``, or ``<stem>.<brief>.<lang>.<ext>`` for a brief not ``full``
    (see ``name_stem``; BuildError where a name cannot be made)."""
    brief_name = brief if brief in ("full", "summary") else name_stem(Path(brief), "brief")
    middle = "" if brief_name == "full" else f".{brief_name}"
    return f"{name_stem(spec)}{middle}.{lang}.{fmt}"
