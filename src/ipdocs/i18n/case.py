"""Letter case in running text, by each language's rule: a label inside an English
sentence starts lower case (patents granted) unless it starts with an acronym or a name
(PCT applications, Ningbo IP Tribunal), and an English sentence starts with a capital
(One variety passed …). Chinese has no case."""

from __future__ import annotations

from ipdocs.i18n.words import word


def _cased(lang: str) -> bool:
    """Whether the language writes letters in two cases."""
    return bool(word("letter_case", lang))


def in_sentence(label: str, lang: str) -> str:
    """A label as it reads inside a sentence: lower case unless an acronym or a name."""
    first = label.split(" ", 1)[0]
    if not _cased(lang) or first.isupper() or any(c.isupper() for c in first[1:]):
        return label
    return label[:1].lower() + label[1:]


def sentence_start(text: str, lang: str) -> str:
    """``text`` as the start of a sentence: its first letter a capital."""
    if not _cased(lang) or not text[:1].islower():
        return text
    return text[:1].upper() + text[1:]
