"""Lists in prose, by each language's rule: 甲、乙和丙 / a, b and c."""

from __future__ import annotations

from collections.abc import Sequence

from ipdocs.i18n.words import word


def join(items: Sequence[str], lang: str) -> str:
    """``items`` as a list in running text: the list separator between all but the last
    two, and the language's "and" before the last (甲、乙和丙 / a, b and c)."""
    if len(items) < 2:
        return "".join(items)
    return word("list_separator", lang).join(items[:-1]) + word("and", lang) + items[-1]


def join_numbers(items: Sequence[str], lang: str) -> str:
    """Numbers listed in running text: 第1、3、4句 in Chinese (no 和 between numbers),
    sentences 1, 3 and 4 in English."""
    if len(items) < 2:
        return "".join(items)
    return word("list_separator", lang).join(items[:-1]) + word("numbers_and", lang) + \
        items[-1]


def join_clauses(clauses: Sequence[str], lang: str) -> str:
    """Clauses of one sentence: separated by ；in Chinese and ; in English."""
    return word("clause_glue", lang).join(clauses)
