"""A German-like grammar for the test language ``de`` (not shipped): it proves a language
with a grammar of its own is a locale file, a words file and this one module.

It is the English grammar with German habits: decimal comma and grouping dot (babel's
de_DE), a space before the percent sign, small counts and ordinals the German way
(zwei, 2.), a rank as a place (Platz 2), the currency after the amount
(61,093 Milliarden RMB), no superlatives.
"""

from __future__ import annotations

from ipdocs.i18n.english import English
from ipdocs.i18n.words import word

CARDINALS = ("null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht",
             "neun", "zehn", "elf", "zwölf")


class German(English):
    """German-like prose."""

    name = "de"
    superlatives = False
    percent_sign = "\u00a0%"

    def count(self, n: int, lang: str) -> str:
        """Zwei; 13."""
        return CARDINALS[n] if 0 <= n < len(CARDINALS) else str(n)

    def spelled(self, n: int, lang: str) -> str:
        """Drei (die ersten drei Quartale)."""
        return self.count(n, lang)

    def ordinal(self, n: int, lang: str) -> str:
        """2."""
        return f"{n}."

    def ordinal_digits(self, n: int, lang: str) -> str:
        """2. (2. Platz in China)."""
        return f"{n}."

    def rank_position(self, position: int, lang: str, form: str, numerals: str) -> str:
        """Platz 2."""
        return word("place_of", lang, n=position)

    def currency(self, code: str, amount: str, lang: str) -> str:
        """61,093 Milliarden RMB."""
        return f"{amount} {word('currency.' + code, lang)}"
