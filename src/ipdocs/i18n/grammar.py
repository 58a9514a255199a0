"""The grammar of generated prose: how a language says numbers, quantities, changes, ranks,
periods and section numbers — an object its locale names, not branches on its code.

A locale record's ``grammar:`` is ``zh`` (Chinese-like: figures as printed, 万 and 亿, the
spec's verbs; ``ipdocs.i18n.chinese``), ``en`` (English-like: magnitudes in words, plurals,
articles; ``ipdocs.i18n.english``), or the ``package.module:Name`` path of a grammar
defined elsewhere: a subclass of :class:`Grammar` (often of one of the two shipped ones).
The modules of ``ipdocs.i18n`` ask ``locale(lang).grammar`` where the languages differ.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache

from ipdocs.base.vocab import Unit

__all__ = ["SHIPPED_GRAMMARS", "Grammar", "grammar_named"]

SHIPPED_GRAMMARS = {"zh": "ipdocs.i18n.chinese:Chinese", "en": "ipdocs.i18n.english:English"}
"""The shipped grammars by the name a locale record gives them."""


class Grammar(ABC):
    """How one kind of language says what ipdocs generates. Every method takes the code
    of the language (``lang``) for its words and its babel locale."""

    name: str = ""
    """The name the grammar goes by (``zh``, ``en``); a locale's words stand in for
    another's optional variants only where their grammars share a name (``words.defines``)."""
    groups_digits: bool = True
    """Whether numbers are written with thousands grouped (1,234,567)."""
    unit_column: bool = False
    """Whether a table sets a quantity's unit in a column of its own (17.1 | 万余家)
    rather than the whole amount in the value cell."""
    superlatives: bool = False
    """Whether a rank with a degree is said as a superlative (the second highest)."""
    percent_sign: str = "%"
    """What follows a percentage's number: ``%``, or with the space a language puts
    between them (``\u00a0%``)."""

    @abstractmethod
    def bare_number(self, value: Decimal, unit: Unit, lang: str, numerals: str) -> str:
        """A figure's number alone (51.7; 517,000)."""

    def number_words(self, value: Decimal, unit: Unit, lang: str, numerals: str) -> str:
        """A figure's number as running prose writes it: the bare number by default."""
        return self.bare_number(value, unit, lang, numerals)

    @abstractmethod
    def quantity(self, value: Decimal, unit: Unit, qualifier: str | None, numerals: str,
                 lang: str) -> str:
        """A quantity with its unit and qualifier (17.1万余家; more than 171,000)."""

    @abstractmethod
    def leading_qualifier(self, qualifier: str | None, lang: str) -> tuple[str, str | None]:
        """The part of a qualifier a verb may stand after (约 in 约占), and what is left
        with the number."""

    @abstractmethod
    def with_per(self, text: str, per: str | None) -> str:
        """A quantity with its per-capita basis (每万人…; … per 10,000 people)."""

    @abstractmethod
    def quantity_cells(self, whole: str, value: Decimal, unit: Unit, lang: str, *,
                       qualifier: str | None, per: str | None, per_stated: bool
                       ) -> tuple[str, str]:
        """A quantity (``whole``, as ``format_quantity`` writes it) split into a table's
        value and unit cells."""

    @abstractmethod
    def spreadsheet_format(self, value: Decimal, unit: Unit, lang: str
                           ) -> tuple[Decimal, str]:
        """A value and a spreadsheet number format that show it as the text does."""

    @abstractmethod
    def list_amounts(self, values: Sequence[str], unit: Unit, lang: str) -> str:
        """Formatted quantities of one unit as a list, the unit said once."""

    @abstractmethod
    def qualified(self, amount: str, qualifier: str | None, lang: str) -> str:
        """A change's amount with its qualifier (193%以上; at least 193%)."""

    @abstractmethod
    def rank_position(self, position: int, lang: str, form: str, numerals: str) -> str:
        """A position as a rank statement writes it (第二位; second)."""

    @abstractmethod
    def count(self, n: int, lang: str) -> str:
        """A count of places, years or months in a phrase (2; two)."""

    @abstractmethod
    def spelled(self, n: int, lang: str) -> str:
        """A small count a period spells (前三季度: 三; three)."""

    @abstractmethod
    def month(self, months: int, lang: str) -> str:
        """The last month of a period from January (1—6月: 6; June)."""

    @abstractmethod
    def ordinal(self, n: int, lang: str) -> str:
        """An ordinal (第二; second)."""

    def ordinal_digits(self, n: int, lang: str) -> str:
        """An ordinal as a table cell writes it: the ordinal by default."""
        return self.ordinal(n, lang)

    @abstractmethod
    def section_number(self, path: Sequence[int]) -> str:
        """The number of the section at ``path`` (1-based, outermost first, checked)."""

    @abstractmethod
    def direction(self, sign: int, measure: str, form: str,
                  verbs: Callable[[], tuple[str, str]], lang: str) -> str:
        """The direction word of a change (``sign`` +1 or −1) in a phrase of ``form``
        (delta, from_to, to); ``verbs`` gives the spec's rise and fall verbs."""

    @abstractmethod
    def standing(self, standing: str, lang: str) -> str:
        """A standing instead of a position (前列; among the leaders)."""

    def tidy(self, phrase: str) -> str:
        """A phrase made from a word template, without the gaps an empty field leaves:
        as it is by default."""
        return phrase


@cache
def grammar_named(name: str) -> Grammar:
    """The grammar a locale record names: ``zh``, ``en`` or a ``package.module:Name``
    path to a :class:`Grammar` subclass (or instance); ValueError saying what is wrong."""
    path = SHIPPED_GRAMMARS.get(name, name)
    module, _, attribute = path.partition(":")
    if not module or not attribute:
        raise ValueError(f"grammar {name!r} is neither {' nor '.join(SHIPPED_GRAMMARS)} "
                         f"nor a 'package.module:Name' path")
    try:
        found = getattr(importlib.import_module(module), attribute)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"grammar {name!r} cannot be imported ({exc})") from None
    grammar = found() if isinstance(found, type) and issubclass(found, Grammar) else found
    if not isinstance(grammar, Grammar):
        raise ValueError(f"grammar {name!r} is not an ipdocs.i18n.grammar.Grammar")
    return grammar
