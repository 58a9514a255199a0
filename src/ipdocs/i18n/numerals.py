"""Chinese numerals, English ordinals and section numbers in each language's convention."""

from __future__ import annotations

from collections.abc import Sequence

from ipdocs.i18n.locales import locale

_DIGITS = "零一二三四五六七八九"
_EN_CARDINALS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
)
_EN_ORDINALS = (
    "zeroth", "first", "second", "third", "fourth", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth",
)


def _below_ten_thousand(n: int) -> str:
    """Chinese numeral for 1 ≤ n < 10000 in the form used for ordinals (十二, 一百零五)."""
    out = ""
    pending_zero = False
    for value, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if pending_zero:
                out += "零"
                pending_zero = False
            out += _DIGITS[digit] + mark
        elif out:
            pending_zero = True
    return out


def hanzi(n: int, *, counting: bool = False) -> str:
    """Write ``n`` (0 ≤ n < 10^8) in Chinese numerals.

    ``counting`` selects the form used before a measure word: 两 instead of 二 for two
    (两年, 两个), as in 连续两年.
    """
    if n < 0 or n >= 10**8:
        raise ValueError(f"cannot write {n} in Chinese numerals")
    if n == 0:
        return "零"
    if counting and n == 2:
        return "两"
    high, low = divmod(n, 10000)
    text = _below_ten_thousand(high) + "万" if high else ""
    if low:
        if high and low < 1000:
            text += "零"
        text += _below_ten_thousand(low)
    if text.startswith("一十"):
        text = text[1:]
    return text


def english_cardinal(n: int) -> str:
    """Spell 0–10 in English words; larger numbers stay digits."""
    return _EN_CARDINALS[n] if 0 <= n <= 10 else f"{n:,}"


def english_ordinal(n: int) -> str:
    """Spell 1–10 as words (second); larger numbers as 11th, 22nd, 103rd."""
    if 0 <= n <= 10:
        return _EN_ORDINALS[n]
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def english_ordinal_digits(n: int) -> str:
    """An ordinal in digits, as tables write it: 1st, 2nd, 3rd, 11th, 22nd."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal(n: int, lang: str) -> str:
    """An ordinal: 第二 in Chinese, second in English."""
    return locale(lang).grammar.ordinal(n, lang)


def section_number(path: Sequence[int], lang: str) -> str:
    """The number of the section at ``path`` (1-based, outermost first).

    Chinese: 一、 / （一） / 1. / （1）. English: 1. / 1.1 / 1.1.1.
    """
    if not path or any(n < 1 for n in path):
        raise ValueError(f"section path must be 1-based and non-empty, got {list(path)}")
    return locale(lang).grammar.section_number(path)
