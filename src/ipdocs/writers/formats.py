"""The output formats, one registration each: what the command line offers (``--formats``),
what a file's extension is written as, and which writer renders it.

A writer is named by its import path (``module:function``) and imported only when a file
of its format is first rendered, so that a PDF build never imports python-docx. A new
output format is its writer package (``render_<format>(doc, theme) -> bytes``) and one
``register_format`` line below; a format of another package is a ``WriterFormat`` it names
in the ``ipdocs.formats`` entry-point group (read only when a name or an extension is not
one registered, so that a build of the shipped formats pays nothing for them).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal, NewType

from ipdocs.base.plugins import PluginError, entry_point_names, from_entry_point
from ipdocs.base.records import datarecord

if TYPE_CHECKING:
    from ipdocs.doc import Document
    from ipdocs.themes import Theme

__all__ = ["Format", "RegisteredFormat", "Renderer", "ShippedFormat", "WriterFormat",
           "format_for", "format_names", "register_format", "unregister_format",
           "writer_format"]

ShippedFormat = Literal["docx", "pdf", "html"]
"""The formats registered below, as a type checker knows them (a shipped format adds its
name here beside its registration)."""
RegisteredFormat = NewType("RegisteredFormat", str)
"""A format checked at run time: one an installed package registers
(``RegisteredFormat("text")``), or any name read from a user."""
Format = ShippedFormat | RegisteredFormat
"""A format in the library's signatures: a type checker refuses a name ipdocs does not
ship (``"odt"``); a registered one is given as ``RegisteredFormat``."""

Renderer = Callable[["Document", "Theme"], bytes]
"""A writer: a document tree and a theme in, the file's bytes out."""


@datarecord(frozen=True)
class WriterFormat:
    """One output format: its name (``--formats``), file suffix, media type, whether its
    writer lays out pages, whether it shows last year's figures as tracked revisions
    (``--against``), and its writer (an import path ``module:function``, or the function)."""

    name: str
    suffix: str
    media_type: str
    writer: str | Renderer
    paginated: bool = False
    """The writer lays the pages out itself (a PDF): its files have a page count, and a
    brief's page limit is fitted by it. Word paginates a DOCX as it opens it."""
    revisions: bool = False
    """A file built ``--against`` last year's report shows each change as a tracked
    revision; other formats are made of this year's document alone."""

    charts: str | None = None
    """Where the writer imports what it draws charts with apart from itself, the import
    path (``module:function``) of a function that imports it: for a process with nothing
    else to do meanwhile to import it ahead of a file with a chart
    (``import_chart_writer``)."""

    def import_chart_writer(self) -> None:
        """Import what the writer draws charts with (``charts``), if it names it."""
        if self.charts is not None:
            module, _, name = self.charts.partition(":")
            getattr(import_module(module), name)()

    def renderer(self) -> Renderer:
        """The writer's function, imported now if it is named by its import path."""
        if not isinstance(self.writer, str):
            return self.writer
        module, _, name = self.writer.partition(":")
        render: Renderer = getattr(import_module(module), name)
        return render


_FORMATS: dict[str, WriterFormat] = {}


def register_format(fmt: WriterFormat) -> WriterFormat:
    """Make ``fmt`` a format ipdocs writes (replacing one of the same name); ValueError if
    its suffix is another format's or does not start with a dot."""
    if not fmt.suffix.startswith(".") or fmt.suffix != fmt.suffix.lower():
        raise ValueError(f"format {fmt.name!r}: its suffix {fmt.suffix!r} is not a lower-case "
                         "'.ext'")
    taken = [f.name for f in _FORMATS.values() if f.suffix == fmt.suffix and f.name != fmt.name]
    if taken:
        raise ValueError(f"format {fmt.name!r}: the suffix {fmt.suffix} is the format "
                         f"{taken[0]!r}'s")
    _FORMATS[fmt.name] = fmt
    return fmt


def unregister_format(name: str) -> None:
    """Forget a registered format (for tests that register one of their own)."""
    _FORMATS.pop(name, None)


def format_names() -> tuple[str, ...]:
    """The registered formats' names, in the order they were registered."""
    return tuple(_FORMATS)


def writer_format(name: str) -> WriterFormat | None:
    """The format called ``name``: registered, or one an installed package names in the
    ``ipdocs.formats`` entry-point group (registered then); None if none is; PluginError
    if one is named but is not a format of that name."""
    return _FORMATS.get(name) or _installed(name)


def format_for(path: PurePath) -> WriterFormat | None:
    """The format a file of ``path``'s extension is written in (any case): a registered
    one, else one of the installed packages'; or None."""
    suffix = path.suffix.lower()
    found = next((f for f in _FORMATS.values() if f.suffix == suffix), None)
    if found is None:
        for name in entry_point_names("formats"):
            if name not in _FORMATS:
                _installed(name)
        found = next((f for f in _FORMATS.values() if f.suffix == suffix), None)
    return found


def _installed(name: str) -> WriterFormat | None:
    """The format an installed package names ``name``, registered; None if none does."""
    found = from_entry_point("formats", name)
    if found is None:
        return None
    if not isinstance(found, WriterFormat) or found.name != name:
        raise PluginError(f"the format {name!r} of an installed package is {found!r}, not "
                          f"a WriterFormat named {name!r}")
    return register_format(found)


register_format(WriterFormat(
    "docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ipdocs.writers.docx:render_docx", revisions=True,
    charts="ipdocs.writers.docx.charts:import_chart_writer"))
register_format(WriterFormat("pdf", ".pdf", "application/pdf", "ipdocs.writers.pdf:render_pdf",
                             paginated=True))
register_format(WriterFormat("html", ".html", "text/html; charset=utf-8",
                             "ipdocs.writers.html:render_html"))
