"""Regular expressions compiled on their first use instead of at import, and other costly
parts of the dependencies' imports made once or on first use.

Python compiles a regular expression in Python code, and a character class over a large
range of code points costs a loop step for each of them: reportlab's pattern of web
addresses (``reportlab.platypus.paragraph.uri_pat``, ``\\xa1-\\uffff`` three times,
case-insensitive) took some 320 M instructions, about 7% of a cold zh PDF build that
never uses it; PyYAML's ``Reader.NON_PRINTABLE`` (used only by its pure-Python reader,
not by libyaml's) and reportlab's ``textsplit.rx`` about 50 M each.

``compiled_on_first_use`` wraps the import of such a module: while it runs, a
``re.compile`` of one of the named patterns returns a ``Deferred`` that compiles the
pattern (with the real ``re.compile``, so with the same result) the first time any of
its attributes is read, and forwards every attribute to it. Any other pattern is compiled
at once as before. A pattern the dependency no longer has (a new version) is simply
compiled at once: nothing depends on the deferral but the time. ``on_first_use`` makes
such a pattern of ipdocs' own.

It also defers every pattern the top level of one of the named ``modules`` compiles
(``REPORTLAB_UNUSED``): modules reportlab's platypus imports whose patterns (reportlab's
Paragraph markup, its Python highlighting for XPreformatted, its never-read pattern of
unsafe names, the standard library's HTML parser) ipdocs never uses and whose every use
reads an attribute of the pattern: some 35 M instructions of a cold zh PDF build.

``annotations_compiled_once`` does the like for the annotations a dependency's classes
give as text: while it runs, ``typing.ForwardRef`` compiles each distinct text once
(pydantic-core's schema types are some 90 ``TypedDict`` classes whose 710 annotations,
``'str'`` or ``'CoreSchema'`` among them, come to 215 texts: some 20 M instructions).

``without_pydantic_plugins`` is for the ``ipdocs`` command's own process only (not a
program that imports ipdocs): before pydantic makes its first model it gives pydantic's
plugin loader a stand-in that finds no plugin, as ``PYDANTIC_DISABLE_PLUGINS=__all__``
would, without importing ``importlib.metadata`` (and the ``email``, ``zipfile`` and
``csv`` packages it brings) and reading every installed package's entry points: some
8 ms of a cold build, for a process whose only models are ipdocs' own.
``pillow_on_first_use``, for the command's process too, gives Pillow's image module,
which reportlab imports at its top and reads only to take in a picture, a stand-in that
imports it at its first use: some 10 ms of a cold build that draws no picture. Each
stand-in imports the real module under a lock.

No module is left lazy (``importlib.util.LazyLoader``): Python 3.11's lazy module runs
itself without a lock, so in a program that imports ipdocs two threads reading a lazy
module's first attribute at once could see it half run.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.util
import os
import re
import sys
import threading
import typing
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import CodeType, ModuleType
from typing import Any, cast

_LOCK = threading.RLock()

REPORTLAB_URI = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?(?:(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)"
    "(?:\\.(?:25[0-5]|2[0-4]\\d|[0-1]?\\d?\\d)){3}|\\[[0-9a-f:\\.]+\\]|([a-z\xa1-\uffff0-9]"
    "(?:[a-z\xa1-\uffff0-9-]{0,61}[a-z\xa1-\uffff0-9])?(?:\\.(?!-)[a-z\xa1-\uffff0-9-]{1,63}"
    "(?<!-))*\\.(?!-)(?:[a-z\xa1-\uffff-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?|localhost))"
    "(?::\\d{2,5})?(?:[/?#][^\\s]*)?\\Z", re.IGNORECASE)
"""reportlab's pattern of a web address in a paragraph's link (``paragraph.uri_pat``),
with its flags: ipdocs draws its own text and never sets a reportlab Paragraph."""

REPORTLAB_CJK = ("([\u2e80-\uffff])", re.UNICODE)
"""reportlab's pattern of CJK characters in ``textsplit`` (its word splitting for its own
Paragraph)."""

YAML_NON_PRINTABLE = (
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010ffff]", 0)
"""PyYAML's pattern of characters YAML may not hold (``Reader.NON_PRINTABLE``), used only
by its pure-Python reader: libyaml's loader checks the characters itself."""

YAML_TIMESTAMP = (
    '^(?P<year>[0-9][0-9][0-9][0-9])\n'
    '                -(?P<month>[0-9][0-9]?)\n'
    '                -(?P<day>[0-9][0-9]?)\n'
    '                (?:(?:[Tt]|[ \\t]+)\n'
    '                (?P<hour>[0-9][0-9]?)\n'
    '                :(?P<minute>[0-9][0-9])\n'
    '                :(?P<second>[0-9][0-9])\n'
    '                (?:\\.(?P<fraction>[0-9]*))?\n'
    '                (?:[ \\t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)\n'
    '                (?::(?P<tz_minute>[0-9][0-9]))?))?)?$',
    re.VERBOSE)
"""PyYAML's pattern of a timestamp (``SafeConstructor.timestamp_regexp``), used only by
its constructor of timestamps, which ipdocs' loaders replace (a date is read as its
text): some 3 M instructions to compile."""

REPORTLAB_UNUSED = ("reportlab.lib.rl_safe_eval", "reportlab.lib.PyFontify",
                    "reportlab.platypus.paragraph", "reportlab.platypus.paraparser")
"""reportlab's modules whose top-level patterns are compiled on first use while reportlab
is first imported: rl_safe_eval's pattern of unsafe names (read nowhere), PyFontify's of
Python code (XPreformatted's highlighting), a Paragraph's hyphenation, link schemes and
markup units (each read only through its attributes: ``search``, ``match``, ``split``,
``sub``). Not the standard library's HTML parser, which reportlab's markup parser is
built on: its module's patterns are the process's, whoever else parses HTML in it (a
library user's code may pickle a parser, or test a pattern's type)."""


class Deferred:
    """A regular expression compiled the first time one of its attributes is read
    (``search``, ``match``, ``pattern``, ...), and that pattern from then on."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The pattern, compiled now if it was not yet."""
        if self._compiled is None:
            self._compiled = _REAL_COMPILE(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name in Deferred.__slots__:  # not set yet: a copy or an unpickling under way
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        """Pickled and copied as the pattern it stands for (``re.compile`` of the same
        source and flags), as a compiled pattern is."""
        return (_REAL_COMPILE, (self._source, self._flags))

    def __repr__(self) -> str:
        return f"Deferred({self._source!r}, {self._flags!r})"


_REAL_COMPILE = re.compile


def on_first_use(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of ipdocs' own compiled the first time it is used (a ``Deferred``, which
    answers every attribute of a compiled pattern): for one with a large character class
    that only some outputs use (a cold zh PDF build never searches for web addresses in
    Han text, which only the DOCX writer cuts into scripts)."""
    return cast("re.Pattern[str]", Deferred(source, flags))


def _at_top_of(modules: Collection[str]) -> bool:
    """Whether the code calling ``re.compile`` (two frames up) is the top level of one of
    ``modules`` (their import)."""
    caller = sys._getframe(2)
    return caller.f_code.co_name == "<module>" and caller.f_globals.get("__name__") in modules


@contextmanager
def compiled_on_first_use(*patterns: tuple[str, int],
                          modules: Collection[str] = ()) -> Iterator[None]:
    """While the body runs (an import), ``re.compile`` returns a ``Deferred`` for each of
    ``patterns`` (source and flags, exactly as the module compiles them) and for each
    pattern the top level of one of ``modules`` compiles, and compiles any other pattern
    at once."""
    wanted = {(source, int(flags)) for source, flags in patterns}

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and ((pattern, int(flags)) in wanted
                                         or (modules and _at_top_of(modules))):
            return Deferred(pattern, int(flags))
        return _REAL_COMPILE(pattern, flags)

    with _LOCK:
        before = re.compile
        re.compile = compile_
        try:
            yield
        finally:
            re.compile = before


_MISSING = object()


@contextmanager
def annotations_compiled_once() -> Iterator[None]:
    """While the body runs (an import), ``typing.ForwardRef`` (an annotation given as
    text) compiles each distinct text once and shares the code object: compiling the
    same text in ``eval`` mode always makes the same code (and code objects never
    change), so every ForwardRef is as it would be, only made sooner. The standard
    library's ``typing`` looks ``compile`` up in its module before the built-ins; the
    name is set there for the body only."""
    made: dict[str, CodeType] = {}

    def compile_(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
        # dont_inherit: as typing compiles, not with this module's future import
        if args or kwargs or not isinstance(source, str) or (filename, mode) != (
                "<string>", "eval"):
            if len(args) < 2:
                kwargs.setdefault("dont_inherit", True)
            return builtins.compile(source, filename, mode, *args, **kwargs)
        code = made.get(source)
        if code is None:
            code = made[source] = builtins.compile(source, filename, mode, dont_inherit=True)
        return code

    with _LOCK:
        before = vars(typing).get("compile", _MISSING)
        typing.compile = compile_  # type: ignore[attr-defined]
        try:
            yield
        finally:
            if before is _MISSING:
                del typing.compile  # type: ignore[attr-defined]
            else:
                typing.compile = before  # type: ignore[attr-defined]


@contextmanager
def pydantic_imported() -> Iterator[None]:
    """The body imports pydantic: its annotations given as text compiled once
    (``annotations_compiled_once``)."""
    with annotations_compiled_once():
        yield


PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"
"""pydantic's module that finds its plugins (``get_plugins``), imported with its first
model's validator."""


def without_pydantic_plugins() -> bool:
    """In the ``ipdocs`` command's own process, before pydantic is imported: pydantic's
    plugin loader replaced by a stand-in whose ``get_plugins`` finds none (any other of
    its names read loads the real module in its place, so a pydantic that asks for more
    works as ever). Not where the user set ``PYDANTIC_DISABLE_PLUGINS`` (pydantic then
    does as it says) or the loader is already imported. Whether it did."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") is not None \
            or PYDANTIC_PLUGIN_LOADER in sys.modules:
        return False
    sys.modules[PYDANTIC_PLUGIN_LOADER] = _stand_in(
        PYDANTIC_PLUGIN_LOADER, "pydantic's plugin loader, finding no plugin "
                                "(ipdocs.base.patterns)", get_plugins=_no_plugins)
    return True


def _no_plugins() -> tuple[()]:
    """What pydantic's ``get_plugins`` gives where plugins are disabled: none."""
    return ()


PILLOW_IMAGE = "PIL.Image"
"""Pillow's image module, which reportlab's ``lib.utils`` imports at its top."""


def pillow_on_first_use() -> bool:
    """In the ``ipdocs`` command's own process, before reportlab is imported: Pillow's
    image module a stand-in that imports it in its place at its first use
    (``_StandIn``). reportlab imports it with its first module, but reads it only to
    take in a picture (a letterhead's, ``writers.pdf.page``); importing it (its Exif and
    TIFF tag tables, its C core) is some 10 ms and 55 M instructions of a cold build
    that draws none. Not where it is imported already or Pillow is missing. Whether it
    did."""
    if PILLOW_IMAGE in sys.modules:
        return False
    package, _, name = PILLOW_IMAGE.rpartition(".")
    try:
        parent = importlib.import_module(package)
        spec = importlib.util.find_spec(PILLOW_IMAGE)  # found, not run
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    stand_in = _stand_in(PILLOW_IMAGE, "Pillow's image module, imported at its first use "
                                       "(ipdocs.base.patterns)", spec)
    sys.modules[PILLOW_IMAGE] = stand_in
    setattr(parent, name, stand_in)  # ``from PIL import Image`` reads it from the package
    return True


class _StandIn(ModuleType):
    """A module standing in ``sys.modules`` for another until its first use: the names
    it was made with are its own (a module's ``__name__``, ``__spec__`` and the like
    among them); any other name read, set or deleted (``__all__``, which ``import *``
    reads, or ``MAX_IMAGE_PIXELS`` set by a program before its first picture) is the
    real module's, imported in its place at the first (once, under the lock; the
    import system then puts it in its package too). It has no ``__path__``: the import
    system asks a module it takes names from whether it is a package, and reading the
    real module's for that would import it at once."""

    def __getattr__(self, name: str) -> Any:
        """Any name not its own: the real module's (``__path__`` none)."""
        if name == "__path__":
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        return getattr(self._real(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        """A name of its own set on it, any other on the real module."""
        if name in vars(self):
            super().__setattr__(name, value)
        else:
            setattr(self._real(), name, value)

    def __delattr__(self, name: str) -> None:
        """A name of its own deleted from it, any other from the real module."""
        if name in vars(self):
            super().__delattr__(name)
        else:
            delattr(self._real(), name)

    def _real(self) -> ModuleType:
        """The real module, imported in this one's place if it is not yet."""
        with _LOCK:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            return importlib.import_module(self.__name__)


def _stand_in(module: str, doc: str, spec: ModuleSpec | None = None,
              **own: Any) -> ModuleType:
    """A ``_StandIn`` for ``module`` with ``own`` names (and the real module's ``spec``,
    if found: ``importlib.util.find_spec`` then answers for it as for the module)."""
    stand_in = _StandIn(module, doc)
    vars(stand_in).update(own, __spec__=spec)
    return stand_in
