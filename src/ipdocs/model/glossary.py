"""A bilingual termbase: one English rendering per Chinese term."""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

from pydantic import Field

from ipdocs.model.base import Model, Text, new_list
from ipdocs.model.bounds import Prose


class Term(Text):
    """One term: Chinese, its English rendering (and a registered language's, under its
    key, as a text holds it: ``texts``), and a note on usage."""

    short: Prose | None = Field(
        default=None, description="the short form used after first mention: IP")
    note: Prose | None = None


class Glossary(Model):
    """The terms a report's English draws on."""

    terms: list[Term] = Field(default_factory=new_list)

    def english(self, zh: str) -> str:
        """The English rendering of ``zh``; ``KeyError`` if the term is not in the glossary."""
        for term in self.terms:
            if term.zh == zh:
                return term.en
        raise KeyError(f"no term {zh!r} in the glossary")
