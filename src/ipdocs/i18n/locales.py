"""The locale registry: one record per language ipdocs writes in, from data files.

A locale says everything the code needs to know of a language: the tag its files are
marked with, babel's locale for numbers and dates, the grammar its generated prose follows
(an object: ``ipdocs.i18n.grammar``), whether it is set as Han text, and where its fixed
words are. The spec's text it prints is the one of its primary subtag (zh-Hant prints
the zh text: ``ipdocs.model.text_field``; a spec's texts may hold a registered
language's prose under that subtag: ``ipdocs.base.languages``). Nothing outside ``ipdocs.i18n``
compares language codes: it asks the locale. Adding a language is a locale file and a
words file (``register_locale``), not edits across the code.
"""

# No ``from __future__ import annotations``: pydantic reads each field's type as the
# object itself rather than compiling and evaluating its text at import.

from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ipdocs.base.fastyaml import safe_load
from ipdocs.base.inputs import text_digest
from ipdocs.base.languages import add_text_language, drop_text_language
from ipdocs.base.records import datarecord
from ipdocs.i18n.grammar import Grammar, grammar_named

Code = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]


class UnknownLanguageError(ValueError):
    """A language code no locale is registered for."""


@datarecord(frozen=True)
class Record:
    """A locale file's record, checked (``spec_model``): what registering a locale keeps."""

    tag: str
    babel: str
    grammar: str
    han: bool
    words: str
    hyphenation: str | None = None
    fallback: str | None = None


@cache
def spec_model() -> type[BaseModel]:
    """The pydantic model a locale file's record is checked with, made the first time
    one is (a locale file registered, or the shipped records changed since
    ``SHIPPED_DIGEST``): a build in the shipped languages makes none."""

    class LocaleSpec(BaseModel):
        """A locale file's record (``data/locales.yaml`` holds the shipped ones)."""

        model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

        tag: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})+$")] = Field(
            description="the BCP-47 tag files in the language are marked with (zh-CN, en-GB)")
        babel: Annotated[str, Field(min_length=2, max_length=20)] = Field(
            description="babel's locale for numbers and dates (zh_Hans_CN, en_GB)")
        grammar: Annotated[str, Field(pattern=r"^(zh|en|[A-Za-z_][\w.]*:[A-Za-z_]\w*)$")] = Field(
            description="the grammar of generated prose: zh (Chinese: counts as printed, 万 and "
                        "亿, the spec's verbs), en (English: magnitudes in words, plurals, "
                        "articles), or the package.module:Name path of a grammar of one's own "
                        "(a subclass of ipdocs.i18n.grammar.Grammar)")
        han: bool = Field(description="set as Han text: first-line indent in ems, kinsoku, "
                                      "no word spaces or hyphenation, the East Asian font slot")
        hyphenation: Annotated[str, Field(pattern=r"^(none|[a-z]{2,3}(_[A-Za-z0-9]{2,8})*)$")] \
            | None = Field(None, description="the pyphen dictionary long words hyphenate with at a "
                                      "line's end (en_US, de_DE), or none; by default en_US "
                                      "for a language not set as Han, none for Han")
        words: str = Field(description="the words file, beside the locale file")
        fallback: Code | None = Field(None, description="the locale whose words stand in for "
                                                        "words this one lacks")

    return LocaleSpec


def _checked(data: Any) -> Record:
    """A locale record, checked by ``spec_model`` (ValidationError where it is wrong)."""
    return Record(**spec_model().model_validate(data).model_dump())


@datarecord(frozen=True)
class Locale:
    """A registered language, resolved: what every layer asks instead of comparing codes."""

    code: str
    """How the CLI, briefs and the document tree name it: zh, en, zh-Hant."""
    tag: str
    babel: str
    grammar: Grammar
    """How its generated prose says numbers, changes, ranks and periods."""
    han: bool
    words: Path | Any
    """The words file (a path, or a packaged resource)."""
    fallbacks: tuple[str, ...]
    """Locales whose words stand in, nearest first (English last)."""
    hyphenation: str | None = None
    """The pyphen dictionary its long words hyphenate with (en_US), or None."""

    @property
    def hyphenates(self) -> bool:
        """Whether long words of the language may be hyphenated at a line's end."""
        return self.hyphenation is not None

    @property
    def spaced(self) -> bool:
        """Whether words of the language are separated by spaces (a heading's number and
        its text, a list's items)."""
        return not self.han


_REGISTERED: dict[str, tuple[Record, Any]] = {}

_FILES: dict[str, Path] = {}
"""The file each language registered with ``register_locale`` came from, by code."""


SHIPPED_DIGEST = "2432d7359f7b99905ac7f2b3c8e898e62a08fc2252a2cb4029c614d373ef0518"
"""The SHA-256 of ``data/locales.yaml`` as shipped, whose records are known to pass
``spec_model`` (a test fails until this is changed with the file): the shipped records
are registered unchecked while the file is that text, checked if it changed since."""


def _shipped_text() -> str:
    """The text of the shipped locale records (``data/locales.yaml``)."""
    path = resources.files("ipdocs.i18n").joinpath("data", "locales.yaml")
    return path.read_text(encoding="utf-8")


def _shipped() -> dict[str, Any]:
    """The shipped locale records, as data."""
    return dict(safe_load(_shipped_text()) or {})


def _load_shipped() -> None:
    """Register the shipped locales (zh, en)."""
    folder = resources.files("ipdocs.i18n").joinpath("data")
    text = _shipped_text()
    known = text_digest(text) == SHIPPED_DIGEST
    for code, data in (safe_load(text) or {}).items():
        record = Record(**data) if known else _checked(data)
        _REGISTERED[code] = (record, folder.joinpath(record.words))


def register_locale(path: str | Path) -> Locale:
    """Register the locale a file describes (``code:`` and the fields of ``spec_model``),
    its words file named relative to it; ValueError saying what is wrong otherwise."""
    file = Path(path)
    codes()  # the shipped locales first (registered first, they would never load)
    try:
        data = safe_load(file.read_text(encoding="utf-8")) or {}
        code = data.pop("code")
        spec = _checked(data)
    except (OSError, KeyError, AttributeError, ValidationError) as exc:
        raise ValueError(f"{file}: not a locale file ({exc})") from None
    try:
        grammar_named(spec.grammar)
    except ValueError as exc:
        raise ValueError(f"{file}: {exc}") from None
    words = file.parent / spec.words
    if not words.is_file():
        raise ValueError(f"{file}: no words file {words}")
    if spec.fallback is not None and spec.fallback not in codes():
        raise ValueError(f"{file}: fallback {spec.fallback!r} is not a registered language")
    _REGISTERED[str(code)] = (spec, words)
    _FILES[str(code)] = file.resolve()
    add_text_language(str(code))  # a spec's texts may now hold its prose
    _forget_cached()
    return locale(str(code))


def registered_files() -> tuple[Path, ...]:
    """The locale files registered in this process with ``register_locale``, in the
    order registered: a process that starts afresh rather than forked (a spawned pool
    worker) registers them again."""
    return tuple(_FILES.values())


def forget_locale(code: str) -> None:
    """Unregister a language registered with ``register_locale`` (the shipped ones stay)."""
    if code in _shipped():
        raise ValueError(f"{code!r} is a shipped language")
    _REGISTERED.pop(code, None)
    _FILES.pop(code, None)
    drop_text_language(code, still=tuple(_REGISTERED))
    _forget_cached()


_CACHES: list[Callable[[], None]] = []
"""What forgets a cache made of the registered locales (``cached_from_locales``)."""


def cached_from_locales(forget: Callable[[], None]) -> None:
    """Have ``forget`` called whenever the registered locales change: a module above this
    one that caches what it read of a locale (the word tables) forgets it then."""
    _CACHES.append(forget)


def _forget_cached() -> None:
    """Forget resolved locales and what was cached of them (the word tables read)."""
    locale.cache_clear()
    for forget in _CACHES:
        forget()


def codes() -> tuple[str, ...]:
    """Every registered language code, the shipped ones first."""
    if not _REGISTERED:
        _load_shipped()
    return tuple(_REGISTERED)


@cache
def locale(code: str) -> Locale:
    """The locale of ``code``; UnknownLanguageError naming the known ones otherwise."""
    known = codes()
    if code not in known:
        raise UnknownLanguageError(f"unknown language {code!r}; languages: {', '.join(known)}")
    spec, words = _REGISTERED[code]
    return Locale(code, spec.tag, spec.babel, grammar_named(spec.grammar), spec.han, words,
                  _fallbacks(code), _hyphenation(spec))


DEFAULT_HYPHENATION = "en_US"
"""The dictionary a language not set as Han hyphenates with unless its record names one:
pyphen's American patterns serve British spelling as well."""


def _hyphenation(spec: Record) -> str | None:
    """The dictionary a locale record names (``none``: none), else the default."""
    if spec.hyphenation is not None:
        return None if spec.hyphenation == "none" else spec.hyphenation
    return None if spec.han else DEFAULT_HYPHENATION


def _fallbacks(code: str) -> tuple[str, ...]:
    """The locales whose words stand in for ``code``'s, nearest first, English last."""
    chain: list[str] = []
    current = _REGISTERED[code][0].fallback
    while current is not None and current not in chain and current != code:
        chain.append(current)
        current = _REGISTERED[current][0].fallback if current in _REGISTERED else None
    return tuple(chain) if "en" in chain or code == "en" else (*chain, "en")


def chinese(code: str) -> bool:
    """Whether ``code``'s generated prose follows the Chinese grammar (its name is
    ``zh``). Kept for code outside ipdocs that used it: ipdocs itself asks the locale's
    grammar (``locale(code).grammar``) what to do, never which language it is."""
    return locale(code).grammar.name == "zh"


def languages_of(option: str) -> tuple[str, ...]:
    """The languages a document option names, in the order the document shows them: one
    registered code (``zh``, ``zh-Hant``), or two joined by a hyphen (``zh-en``)."""
    known = codes()
    if option in known:
        return (option,)
    parts = option.split("-")
    for cut in range(1, len(parts)):
        first, second = "-".join(parts[:cut]), "-".join(parts[cut:])
        if first in known and second in known and first != second:
            return first, second
    raise UnknownLanguageError(f"unknown language {option!r}; languages: "
                               f"{', '.join(known)}, or two of them joined by '-' (zh-en)")
