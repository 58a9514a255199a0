"""A list item: its mark hanging in the list's indent beside its text."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from ipdocs.writers.pdf.text import TextBlock


class Hanging(Flowable):  # type: ignore[misc]
    """A list item: the ``label`` (its bullet or number) in the first ``indent`` points,
    level with the first line of the ``body`` set beside it; split over pages by the
    body's lines, the label with the first part."""

    def __init__(self, label: TextBlock, body: TextBlock, indent: float,
                 first: bool = True) -> None:
        super().__init__()
        self.label = label
        self.body = body
        self.indent = indent
        self.first = first
        self.spaceBefore = body.spaceBefore if first else 0
        self.spaceAfter = body.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The body set in the width the indent leaves; the label in the indent."""
        _, height = self.body.wrap(availWidth - self.indent, availHeight)
        if self.first:
            self.label.wrap(self.indent, availHeight)
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        """Split by the body's lines (two at least on each side), the label with the
        first part."""
        parts = self.body.split(availWidth - self.indent, availHeight)
        if not parts:
            return []
        head, tail = parts
        return [Hanging(self.label, head, self.indent, self.first),
                Hanging(self.label, tail, self.indent, first=False)]

    def draw(self) -> None:
        """The label at the top left (its baseline the body's first), the body beside it."""
        if self.first:
            self.label.drawOn(self.canv, 0, self.height - self.label.height)
        self.body.drawOn(self.canv, self.indent, 0)
