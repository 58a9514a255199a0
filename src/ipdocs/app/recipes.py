"""What one run builds and how: its recipe and outputs, the writer a file format
registered (``ipdocs.writers.formats``), and the names of output files."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ipdocs.base.files import WriteError, atomic_write, name_problem, write_all
from ipdocs.base.records import datarecord
from ipdocs.doc import Document
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief
from ipdocs.sections.brief import LanguageOption, Layout
from ipdocs.themes import Theme, load_theme
from ipdocs.writers import Gap, RenderError
from ipdocs.writers.formats import Renderer, format_for, format_names, writer_format

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


@datarecord(frozen=True)
class Output:
    """One file to build: where, in which language (the format is the path's extension)."""

    path: Path
    lang: LanguageOption


@datarecord(frozen=True)
class Recipe:
    """How to build every output of one run: the brief, the theme and the options."""

    brief: Brief
    theme: Theme
    layout: Layout = "interleaved"
    glossary: Glossary | None = None
    against: Report | None = None
    """Last year's report: a DOCX then shows each figure that changed as a tracked
    revision, and why a draft marks what it marks as comments."""


def write_files(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """``files.write_all``, its errors as BuildError."""
    try:
        return write_all(files)
    except WriteError as exc:
        raise BuildError(str(exc)) from exc


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
