"""Rank statements: 居全国第二位 / ranking second in China, 位居全国首位 / first in China,
连续5年居全省第一 / first in the province for five consecutive years, 居全国前列 / among the
leaders in China."""

from __future__ import annotations

from ipdocs.i18n.changes import rank_position
from ipdocs.i18n.locales import locale
from ipdocs.i18n.words import defines, word

PARTICIPLE_VERBS = frozenset({"居"})
"""Chinese rank verbs that continue a clause (，居全国第二), which English writes with a
participle (, ranking second in China); the others are predicates (位居全国首位: was
first in China)."""


def _years(years: int | None, lang: str) -> str:
    """连续5年 / for five consecutive years, or nothing."""
    if not years:
        return ""
    count = locale(lang).grammar.count(years, lang)
    return word("rank_years", lang, years=count)


def _scoped(placed: str, scope: str, lang: str) -> str:
    """The scope as it follows the position: English says "among" once (among the
    leaders of China’s sub-provincial cities, never among the leaders among …)."""
    among = word("among", lang) if defines("among", lang) else ""
    if among and placed.startswith(among) and scope.startswith(among):
        return word("of", lang) + scope[len(among):]
    return scope


def _superlative(position: int, degree: str, lang: str) -> str:
    """A position said as a superlative: the most, the second highest."""
    if position == 1:
        return word("superlative", lang, degree=degree)
    return word("superlative_nth", lang, degree=degree,
                ordinal=locale(lang).grammar.ordinal(position, lang))


def rank_statement(position: int | None, scope: str, lang: str, *, years: int | None = None,
                   verb: str = "居", form: str = "位", standing: str | None = None,
                   numerals: str = "hanzi", shared: int = 0, degree: str | None = None
                   ) -> str:
    """A rank statement in ``lang``; ``scope`` is already in ``lang`` (全国 / in China).

    Give ``position``, or a ``standing`` (前列) instead; ``verb`` and ``form`` are the
    Chinese rank verb (居, 位居 …) and how the position is written (位, 名, '', 首位).
    """
    superlative = degree is not None and position is not None and \
        locale(lang).grammar.superlatives
    if superlative and position is not None:
        placed = _superlative(position, str(degree), lang)
    elif position is not None:
        placed = rank_position(position, lang, form, numerals)
    elif standing is not None:
        placed = locale(lang).grammar.standing(standing, lang)
    else:
        raise ValueError("a rank statement needs a position or a standing")
    key = "rank_statement"
    participle = f"{key}.participle"
    if verb in PARTICIPLE_VERBS and position is not None and not years and shared < 2 \
            and not superlative and defines(participle, lang):
        key = participle
    scope = _scoped(placed, scope, lang)
    said = word(key, lang, years=_years(years, lang), verb=verb, scope=scope, position=placed)
    if shared < 2:
        return said
    return word("shared_two" if shared == 2 else "shared_all", lang, statement=said)


def rank_short(position: int | None, scope: str, lang: str, *, years: int | None = None,
               verb: str = "居", form: str = "位", standing: str | None = None,
               numerals: str = "hanzi") -> str:
    """A rank as a table cell or a key figure states it: 居全国第二位 / 2nd in China;
    居全国前列 / among the leaders in China; 连续5年居全省第一 / 1st in the province,
    5 years running."""
    if not defines("rank_short", lang):
        return rank_statement(position, scope, lang, years=years, verb=verb, form=form,
                              standing=standing, numerals=numerals)
    placed = locale(lang).grammar.ordinal_digits(position, lang) if position is not None else \
        word(f"standing.{standing}", lang)
    running = word("rank_short_years", lang, years=years) if years else ""
    return word("rank_short", lang, position=placed, scope=_scoped(placed, scope, lang),
                years=running)
