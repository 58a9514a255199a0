"""The table of contents: filled from the headings laid out on the previous pass."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Table

if TYPE_CHECKING:
    from ipdocs.writers.pdf.blocks import Writer

Entry = tuple[int, str, int, str]
"""Level, text, page number, bookmark key."""


class Contents(Flowable):  # type: ignore[misc]
    """Headings down to ``depth`` with their page numbers, as a two-column table."""

    def __init__(self, depth: int, writer: Writer) -> None:
        super().__init__()
        self.depth = depth
        self.writer = writer
        self.entries: list[Entry] = []
        """Headings seen on the previous pass: what this pass draws."""
        self._collecting: list[Entry] = []
        self._table: Table | None = None

    def isIndexing(self) -> bool:
        """Tell multiBuild to keep passing until the entries settle."""
        return True

    def isSatisfied(self) -> bool:
        """Whether this pass saw the same headings on the same pages as the one before."""
        return self._collecting == self.entries

    def beforeBuild(self) -> None:
        """Draw last pass's headings; collect this pass's afresh."""
        if self._collecting:
            self.entries = self._collecting
        self._collecting = []

    def afterBuild(self) -> None:
        """Nothing to do: isSatisfied compares the passes."""

    def notify(self, kind: str, stuff: Any) -> None:
        """Record a heading the document template reports."""
        if kind == "TOCEntry" and stuff[0] <= self.depth:
            self._collecting.append(stuff)

    def _grid(self, width: float) -> Table:
        """The contents as a table of titles and page numbers."""
        from ipdocs.writers.pdf.blocks import Piece, text_block

        w = self.writer
        rows = []
        for level, text, page, _ in self.entries or [(1, "", 0, "")]:
            indent = "\u3000" * 2 * (level - 1)
            lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"
            rows.append([text_block([Piece(indent + text)], "toc-entry", lang, w, "left"),
                         text_block([Piece(str(page) if page else "")], "toc-entry", "en", w,
                                    "right")])
        grid = Table(rows, colWidths=[width - 40, 40])
        grid.setStyle(w.table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")))
        return grid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Size of the contents table."""
        self._table = self._grid(availWidth)
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split the underlying table across pages."""
        table = self._grid(availWidth)
        parts: list[Any] = table.split(availWidth, availHeight)
        return parts

    def draw(self) -> None:
        """Draw the contents table."""
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)
