"""Writers: a document tree and a theme in, file bytes out. They never see the model."""

from __future__ import annotations

from collections.abc import Sequence

from ipdocs.base.records import datarecord


@datarecord(frozen=True)
class Gap:
    """Characters a theme's font role cannot set, with the texts that hold them: what a
    message needs to name the theme's field (``fonts.<role>.regular_file``) and, found
    again in the spec, the text's field and line."""

    role: str
    bold: bool
    chars: tuple[str, ...]
    texts: tuple[str, ...]
    chart: bool = False
    """A chart's label, which is set whole in one face (no fallback within a label)."""


class RenderError(ValueError):
    """The one error a writer raises for a document it cannot build: a font that cannot
    be used, a character no font covers, content that cannot be laid out on a page. The
    message says what and where. Anything else a writer raises is a bug in ipdocs.
    ``gaps`` are the characters no face could set, by font role (none for other errors)."""

    def __init__(self, message: str, gaps: Sequence[Gap] = ()) -> None:
        super().__init__(message)
        self.gaps = tuple(gaps)


class RenderWarning(UserWarning):
    """Something a writer tells about a file it made (the file is made all the same).
    Builds collect these and report them with the file."""
