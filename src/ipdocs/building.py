"""Building briefings: report → brief → document tree → writer → atomic file write."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ipdocs.doc import Document
from ipdocs.files import WriteError, atomic_write, write_all
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief, load_brief
from ipdocs.sections.brief import Language, Layout
from ipdocs.themes import Theme, load_theme

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["FORMATS", "BuildError", "Output", "Recipe", "atomic_write", "build", "build_all",
           "output_name", "render_output", "render_outputs", "write_document", "write_files"]

FORMATS = ("docx", "pdf")
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
    raise BuildError(f"cannot write .{fmt} files; formats: {', '.join(FORMATS)}")


def _render(doc: Document, path: Path, theme: Theme) -> bytes:
    """``doc`` rendered in the format of ``path``'s extension (BuildError if it cannot)."""
    render = _renderer(path.suffix.lower().lstrip("."))
    try:
        return render(doc, theme)
    except ValueError as exc:  # a font that cannot be used, a character no font covers
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


def render_output(report: Report, recipe: Recipe, output: Output) -> bytes:
    """The bytes of one output (BuildError if it cannot be made)."""
    doc = recipe.brief.document(report, output.lang, layout=recipe.layout,
                                theme=recipe.theme.name, glossary=recipe.glossary)
    return _render(doc, output.path, recipe.theme)


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


def render_outputs(report: Report, recipe: Recipe, outputs: Sequence[Output],
                   jobs: int = 1) -> list[bytes | BuildError]:
    """Render every output, in ``jobs`` processes (0: one per processor, at most one per
    output); each result is the file's bytes or the error that prevented it. A daemon
    process (a worker of someone else's pool) may not start processes: it renders alone.

    multiprocessing is imported only for a build in several processes (it costs about
    12 ms of start-up)."""
    workers = min(jobs or available_cpus(), len(outputs))
    if workers <= 1 or _daemon():
        return [_attempt(report, recipe, output) for output in outputs]
    return _in_processes(report, recipe, outputs, workers)


def _daemon() -> bool:
    """Whether this process is a daemon (a pool's worker), which may not start processes."""
    import multiprocessing

    return multiprocessing.current_process().daemon


def _in_processes(report: Report, recipe: Recipe, outputs: Sequence[Output],
                  workers: int) -> list[bytes | BuildError]:
    """Every output rendered across a pool of ``workers`` processes, in order."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        futures = [pool.submit(_attempt, report, recipe, output) for output in outputs]
        return [future.result() for future in futures]


def _attempt(report: Report, recipe: Recipe, output: Output) -> bytes | BuildError:
    """One output's bytes, or its error as a value (errors cross process boundaries)."""
    try:
        return render_output(report, recipe, output)
    except BuildError as exc:
        return exc


def build_all(report: Report, recipe: Recipe, outputs: Sequence[Output],
              jobs: int = 1) -> list[Path]:
    """Build every output, all or nothing: if any cannot be made, BuildError lists each
    failure and no file is written or replaced. The files are written together (see
    ``files.write_all``): should one not go in place, the error names it and any already
    put in place."""
    results = render_outputs(report, recipe, outputs, jobs)
    pairs = list(zip(outputs, results, strict=True))
    failures = [f"cannot build {output.path}: {result}" for output, result in pairs
                if isinstance(result, BuildError)]
    if failures:
        raise BuildError("\n".join([*failures, "nothing written"]))
    return write_files([(output.path, result) for output, result in pairs
                        if isinstance(result, bytes)])


def write_files(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """``files.write_all``, its errors as BuildError."""
    try:
        return write_all(files)
    except WriteError as exc:
        raise BuildError(str(exc)) from exc


def build(report: Report, path: str | Path, *, lang: Language = "zh",
          brief: str | Brief = "full", theme: str = "briefing",
          layout: Layout = "interleaved", glossary: Glossary | None = None) -> Path:
    """Build one briefing of ``report`` into ``path`` (.docx or .pdf, by its extension)."""
    recipe = brief if isinstance(brief, Brief) else load_brief(brief)
    loaded = load_theme(theme)
    doc = recipe.document(report, lang, layout=layout, theme=loaded.name, glossary=glossary)
    return write_document(doc, Path(path), loaded)


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
