"""Letter case in running text, by each language's rule: a label inside an English
sentence starts lower case (patents granted) unless it starts with an acronym or a name
(PCT applications, Ningbo IP Tribunal), and an English sentence starts with a capital
(One variety passed …). Chinese has no case."""

from __future__ import annotations

from ipdocs.i18n.words import word


def _cased(lang: str) -> bool:
    """Whether the language writes letters in two cases."""
    return bool(word("letter_case", lang))


POSSESSIVE = ("’s", "'s")
"""How a name's possessive ends (Wuhan’s share): a common noun at a label's start does
not take it."""


def _names_first(words: list[str]) -> bool:
    """Whether a label's ``words`` start with an acronym or a name: a word in capitals or
    with a capital inside (PCT, eBay), a possessive (Wuhan’s share), or the first of
    several capitalised words (China Patent Award, Ningbo Intermediate People’s Court;
    not National IP demonstration, whose second word is an acronym)."""
    first = words[0]
    if first.isupper() or any(c.isupper() for c in first[1:]) or first.endswith(POSSESSIVE):
        return True
    second = words[1] if len(words) > 1 else ""
    return second[:1].isupper() and not second.isupper()


def in_sentence(label: str, lang: str) -> str:
    """A label as it reads inside a sentence: lower case unless it starts with an acronym
    or a name."""
    if not _cased(lang) or not label or _names_first(label.split(" ")):
        return label
    return label[:1].lower() + label[1:]


def sentence_start(text: str, lang: str) -> str:
    """``text`` as the start of a sentence: its first letter a capital."""
    if not _cased(lang) or not text[:1].islower():
        return text
    return text[:1].upper() + text[1:]
