"""Change phrases with the right direction word: 同比增长11.4% / up 11.4% year on year."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ipdocs.i18n.numbers import format_number, format_quantity
from ipdocs.i18n.words import word
from ipdocs.vocab import CHANGE_VERBS, QUALIFIERS, QualifierPosition


def percent_change(value: Decimal, previous: Decimal, digits: int = 1) -> Decimal:
    """Percent change from ``previous`` to ``value``, rounded half up to ``digits`` places."""
    if previous == 0:
        raise ZeroDivisionError("no percent change from a zero base")
    exact = (value - previous) / previous * 100
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _zh_amount(amount: str, qualifier: str | None) -> str:
    """Attach a qualifier to a Chinese change amount: 193%以上, 超10%."""
    if qualifier is None:
        return amount
    q = QUALIFIERS[qualifier]
    return q.token + amount if q.position is QualifierPosition.PREFIX else amount + q.token


def _en_amount(amount: str, qualifier: str | None) -> str:
    """Attach a qualifier to an English change amount: more than 193%."""
    if qualifier is None:
        return amount
    return f"{word('qualifier.' + QUALIFIERS[qualifier].meaning, 'en')} {amount}"


def _amount(delta: Decimal, unit: str | None, lang: str) -> str:
    """The size of a change: a percentage, or an increment in the figure's unit."""
    size = abs(delta)
    if unit is None:
        return format_number(size, lang) + "%"
    return format_quantity(size, unit, lang)


def format_change(
    delta: Decimal,
    lang: str,
    *,
    unit: str | None = None,
    verb: str = "增长",
    basis: str | None = None,
    qualifier: str | None = None,
) -> str:
    """A change phrase.

    ``delta`` is a signed percentage, or with ``unit`` a signed increment in that unit.
    ``verb`` names the Chinese rise word (增长, 上升, 增加, 增长了); ``basis`` replaces
    同比 / year on year (比专项行动之前 / on the level before the campaign).
    """
    basis = basis if basis is not None else word("year_on_year", lang)
    if lang == "zh":
        if delta == 0:
            return basis + word("unchanged", "zh")
        rise, fall = CHANGE_VERBS[verb]
        direction = rise if delta > 0 else fall
        return basis + direction + _zh_amount(_amount(delta, unit, lang), qualifier)
    if delta == 0:
        return f"{word('unchanged', lang)} {basis}"
    direction = word("up" if delta > 0 else "down", lang)
    return f"{direction} {_en_amount(_amount(delta, unit, lang), qualifier)} {basis}"
