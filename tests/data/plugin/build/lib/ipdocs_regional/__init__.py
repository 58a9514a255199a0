"""The worked example of ipdocs' plugins (README, "Plugins"): a section builder, a theme
and a brief of an office's own, in a package of their own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from ipdocs.doc import Block, Cell, Column, Heading, Table
from ipdocs.model import Report
from ipdocs.sections import Builder, Context, register_builder
from ipdocs.sections.narrative import figure_label, figure_value

HERE = Path(__file__).parent
THEME = HERE / "regional.yaml"
"""The theme file the entry point ``ipdocs.themes: regional`` names."""
BRIEF = HERE / "brief.yaml"
"""The brief file the entry point ``ipdocs.briefs: regional`` names."""

WORDS = {"zh": ("区域比较", "指标", "数值"), "en": ("Regional comparison", "Indicator", "Value")}
"""The heading and column heads in each language the builder writes in."""


@register_builder
@dataclass(frozen=True)
class RegionalComparison(Builder):
    """The report's figures side by side with a share of the region: a heading and a
    table of label and value, the same two blocks in every language."""

    name = "regional_comparison"

    figures: tuple[str, ...] = ()
    """The figures to compare, by id (the brief checks each names a figure)."""
    level: Annotated[int, Field(ge=1, le=3)] = 2
    """The heading's level."""

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """A heading and a table, in ``ctx.lang``."""
        lang = ctx.lang
        rows = tuple((Cell(figure_label(report.figure(fid), lang)),
                      Cell(figure_value(report.figure(fid), lang)))
                     for fid in self.figures)
        title, label, value = WORDS.get(lang.split("-")[0], WORDS["en"])
        return (Heading(self.level, title, lang),
                Table((Column("left", 3.0), Column("right", 1.0)),
                      ((Cell(label), Cell(value)),), rows, lang))
