"""The Glossary builder: the termbase as a two-column table."""

from __future__ import annotations

from dataclasses import dataclass

from ipdocs.doc import Block, Cell, Column, Heading, Table
from ipdocs.i18n import word
from ipdocs.model import Report
from ipdocs.sections.context import Builder, Context


@dataclass(frozen=True)
class GlossaryBuilder(Builder):
    """Chinese terms and their English renderings, under a 术语表 / Glossary heading."""

    name = "glossary"

    def build(self, report: Report, ctx: Context) -> tuple[Block, ...]:
        """Nothing when the context carries no glossary."""
        if ctx.glossary is None or not ctx.glossary.terms:
            return ()
        lang = ctx.lang
        first, second = ("中文", "English") if lang == "zh" else ("Chinese", "English")
        rows = tuple((Cell(t.zh), Cell(t.en)) for t in ctx.glossary.terms)
        table = Table((Column("left", 1.0), Column("left", 1.6)),
                      ((Cell(first), Cell(second)),), rows, lang, style="glossary-table")
        return (Heading(1, word("glossary", lang), lang, anchor="glossary"), table)
