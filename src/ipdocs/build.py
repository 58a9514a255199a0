"""Building briefings: report → brief → document tree → writer → atomic file write."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ipdocs.doc import Document
from ipdocs.model import Glossary, Report
from ipdocs.sections import Brief, load_brief
from ipdocs.sections.brief import Language, Layout
from ipdocs.themes import Theme, load_theme

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


def _umask() -> int:
    """The process's file-creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def write_document(doc: Document, path: Path, theme: Theme | None = None) -> Path:
    """Render ``doc`` in the format of ``path``'s extension and write it atomically."""
    fmt = path.suffix.lower().lstrip(".")
    render = _renderer(fmt)
    try:
        data = render(doc, theme or load_theme(doc.theme))
    except ValueError as exc:  # a font that cannot be used, a character no font covers
        raise BuildError(str(exc)) from exc
    return atomic_write(path, data)


def build(report: Report, path: str | Path, *, lang: Language = "zh",
          brief: str | Brief = "full", theme: str = "briefing",
          layout: Layout = "interleaved", glossary: Glossary | None = None) -> Path:
    """Build one briefing of ``report`` into ``path`` (.docx)."""
    recipe = brief if isinstance(brief, Brief) else load_brief(brief)
    loaded = load_theme(theme)
    doc = recipe.document(report, lang, layout=layout, theme=loaded.name, glossary=glossary)
    return write_document(doc, Path(path), loaded)


def output_name(spec: Path, brief: str, lang: str, fmt: str) -> str:
    """``<stem>.<lang>.<ext>``, or ``<stem>.<brief>.<lang>.<ext>`` for a brief not ``full``."""
    brief_name = Path(brief).stem if brief not in ("full", "summary") else brief
    middle = "" if brief_name == "full" else f".{brief_name}"
    return f"{spec.stem}{middle}.{lang}.{fmt}"
