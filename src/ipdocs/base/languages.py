"""The languages a spec's texts may be written in, by the key a text gives them: ``zh``
and ``en`` always, and the primary subtag of every locale registered since
(``ipdocs.i18n.register_locale`` adds ``de`` for a locale ``de`` or ``de-AT``).

It sits below both the locale registry, which adds to it, and the model, which accepts
a text's key only when it is here: neither of those two may import the other.
"""

from __future__ import annotations

__all__ = ["SPEC_LANGUAGES", "add_text_language", "drop_text_language", "text_key",
           "text_languages"]

SPEC_LANGUAGES = ("zh", "en")
"""The languages every text of a spec is written in."""

_ADDED: dict[str, None] = {}
"""The keys of registered locales' texts besides ``SPEC_LANGUAGES``, in order added."""


def text_key(code: str) -> str:
    """The key a language's text has in a spec: its code's primary subtag (zh-Hant: zh)."""
    return code.split("-", 1)[0]


def add_text_language(code: str) -> None:
    """Let spec texts hold prose in ``code``'s language (its ``text_key``)."""
    key = text_key(code)
    if key not in SPEC_LANGUAGES:
        _ADDED[key] = None


def drop_text_language(code: str, still: tuple[str, ...] = ()) -> None:
    """Refuse texts in ``code``'s language again, unless a language in ``still`` (the
    registered ones left) has the same key."""
    key = text_key(code)
    if all(text_key(other) != key for other in still):
        _ADDED.pop(key, None)


def text_languages() -> tuple[str, ...]:
    """Every key a spec's text may have, ``zh`` and ``en`` first."""
    return (*SPEC_LANGUAGES, *_ADDED)
