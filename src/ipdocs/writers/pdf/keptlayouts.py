"""Text layouts kept between runs: the lines a document's texts were broken into and the
fits of its tables, kept in the font cache (sealed with the user's key, as the subsets
are) for the next process that sets the same document.

Breaking text into lines is the largest part of a first render (Chinese kinsoku and
punctuation compression, English hyphenation and evenness, character by character); a
later build of the same report, or of the same report with a value changed, breaks the
same texts again, and fits its tables again (``typeset.fit_table`` measures each cell at
several scales). A process keeps the layouts it remembered (``text._LAYOUTS``) and the
fits it made for a document under the document's name (its title, languages, theme, text
width and the kinds of its blocks: ``_source``), and the next process that renders a
document of that name starts with them.

Nothing stale can be read back: a layout is found by everything it is made of, as a
process remembers it (the runs' text and styles, each look's face, size and tracking,
the widths and the setting: ``text.TextBlock._layout``), a table's fit by a digest of all
``blocks._fit_key`` holds (its cells, columns, width, styles, faces and the document's
characters), and the file by all that is the same for all of them: the code that lays
text out and fits tables (``LAID_BY``'s source), the versions of Python (its Unicode
tables), reportlab and pyphen, and ipdocs' own. A file also says
what each face it measured with and each hyphenation dictionary were made of (a face's
table directory, a dictionary's bytes): a file whose face or dictionary changed since is
not read. A layout or fit set in a face the cache cannot tell (one registered whole: a
theme's or the machine's own file, which could change under the same name) is not kept.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import hashlib
import marshal
import operator
import sys
import unicodedata
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

import pyphen
from reportlab import Version as REPORTLAB_VERSION

from ipdocs.base import VERSION
from ipdocs.base.kept import keep, recall
from ipdocs.doc import Document
from ipdocs.themes import Theme
from ipdocs.writers.pdf.fonts import Face
from ipdocs.writers.pdf.linebreak import Line, Run, Unit
from ipdocs.writers.subsets import (
    code_digest,
    face_directory,
    file_digest,
    keeping,
    read_kept,
    write_kept,
)
from ipdocs.writers.typeset import TableFit

LAYOUT_KIND = (f"text-layouts-and-fits/{REPORTLAB_VERSION}/{VERSION}/pyphen{pyphen.__version__}/"
               f"python{sys.version_info[0]}.{sys.version_info[1]}/"
               f"unicode{unicodedata.unidata_version}/2")
"""What the font cache keeps of a document's layouts, by the versions of what breaks
lines (the last part: raise it when what is kept changes)."""

LAID_BY = ("ipdocs.writers.pdf.keptlayouts", "ipdocs.writers.pdf.text",
           "ipdocs.writers.pdf.linebreak", "ipdocs.writers.pdf.hyphens",
           "ipdocs.writers.pdf.adapter", "ipdocs.writers.pdf.fonts",
           "ipdocs.writers.pdf.blocks", "ipdocs.writers.pdf.setting",
           "ipdocs.writers.typeset", "ipdocs.writers.columns", "ipdocs.writers.looks",
           "ipdocs.writers.spacing", "ipdocs.writers.tablerows", "ipdocs.base.patterns",
           "ipdocs.base.records", "ipdocs.base.recordinits", "ipdocs.typefaces.bundled")
"""The modules whose code lays text out and fits tables (breaks text, measures it,
hyphenates it, cuts it into looks, sets a table's cells, chooses the bundled face along a
role's chain for a character the role's face lacks, which a fit's key does not name, and
keeps what it made): their source is part of what a kept file is found by."""

LAYOUTS_KEPT_ON_DISK = 4096
"""The most layouts a document keeps on disk (``text.LAYOUTS_KEPT``, what a process
remembers): a larger document (50× Ningbo) keeps none."""

DOCUMENTS_FOLLOWED = 8
"""Documents whose layouts a process follows (the last ones rendered): a batch's worker
renders many reports' documents one after another."""

Key = tuple[Any, ...]
"""A layout as ``text._LAYOUTS`` knows it."""

Remember = Callable[[dict[Key, list[Line]]], None]
"""What takes the layouts read for a document (``text.remember_layouts``)."""

Known = Callable[[Key], list[Line] | None]
"""What gives the lines a process remembers for a layout, if any (``text.layout_known``)."""


def _none_known(key: Key) -> list[Line] | None:
    """No layout remembered: every layout read is decoded."""
    return None


PlainFit = tuple[list[float], float, dict[tuple[int, int], float]]
"""A table's fit in plain values: its widths, scale and pads (``typeset.TableFit``)."""


class _Followed:
    """What a process knows of one document's kept layouts and fits: what the file it
    read or wrote holds (the layouts' keys and line lists, the fits), and the layouts and
    fits its renders used (a fit with the faces it was measured in).

    A render notes each layout it uses, some 1,200 a Ningbo brief, as it goes: appended
    to a list (no key hashed: a key's runs hash in Python), with whether it is a line
    list the file does not hold (told by identity: the lists the file holds are kept
    here, so that no other list takes their ids)."""

    def __init__(self) -> None:
        self.on_disk: AbstractSet[Key] = frozenset()
        self.on_disk_lines: dict[int, list[Line]] = {}
        self.used: list[tuple[Key, list[Line]]] = []
        self.dirty = False
        self.fits: dict[bytes, PlainFit] = {}
        self.fits_used: dict[bytes, tuple[PlainFit, frozenset[str]]] = {}
        self.too_many = False

    def held(self, layouts: dict[Key, list[Line]]) -> None:
        """Note that the file holds ``layouts`` (read or just written)."""
        self.on_disk = layouts.keys()
        self.on_disk_lines = {id(lines): lines for lines in layouts.values()}

    def layouts(self) -> dict[Key, list[Line]]:
        """The layouts the renders used, by key (the list copied first, in one step:
        another thread's render of the same document may add to it)."""
        return dict(list(self.used))

    def restart(self) -> None:
        """Forget what renders used (their layouts are kept: what they use from now on is
        what a later process will need; ``ipdocs watch`` restarts after each rebuild, so
        that a long session's file holds its last rebuild's layouts, not every edit's)."""
        self.used, self.fits_used, self.too_many, self.dirty = [], {}, False, False

    def changed(self) -> bool:
        """Whether the renders used a layout or fit the file does not hold."""
        fits = self.fits
        return self.dirty or not all(digest in fits for digest in list(self.fits_used))


_FOLLOWED: OrderedDict[bytes, _Followed] = OrderedDict()
_USING: contextvars.ContextVar[_Followed | None] = contextvars.ContextVar(
    "ipdocs_layouts_used", default=None)


def used(key: Key, lines: list[Line]) -> None:
    """Note that the render under way used the layout ``lines`` of ``key`` (``text``
    calls this for every layout it gives a block, remembered or made)."""
    followed = _USING.get()
    if followed is None or followed.too_many:
        return
    if id(lines) not in followed.on_disk_lines:
        followed.dirty = True
    noted = followed.used
    noted.append((key, lines))
    if len(noted) > 2 * LAYOUTS_KEPT_ON_DISK:  # renders again and again: the same ones
        distinct = followed.layouts()
        if len(distinct) > LAYOUTS_KEPT_ON_DISK:
            followed.too_many = True
            followed.used, followed.fits_used = [], {}
        else:
            followed.used = list(distinct.items())


def fit_found(key: Key) -> tuple[bytes, frozenset[str]] | None:
    """What a table's fit is kept by (a digest of its key, ``blocks._fit_key``, which
    spells every part of it) and the faces it is measured in (by their sources); None
    where no render under way keeps fits, or a face of the key is one the cache cannot
    tell (registered whole)."""
    if _USING.get() is None:
        return None
    faces = set(_faces_in(key))
    if any(not face.source for face in faces):
        return None
    return (hashlib.sha256(repr(key).encode("utf-8")).digest(),
            frozenset(face.source for face in faces))


def kept_fit(found: tuple[bytes, frozenset[str]] | None) -> TableFit | None:
    """The fit an earlier process kept for the table ``found`` names, if any."""
    followed = _USING.get()
    plain = None if found is None or followed is None else followed.fits.get(found[0])
    return None if plain is None else TableFit(list(plain[0]), plain[1], dict(plain[2]))


def fit_used(found: tuple[bytes, frozenset[str]] | None, fit: TableFit,
             sources: AbstractSet[str]) -> None:
    """Note that the render under way set the table ``found`` names in ``fit``, its cells
    set in faces of ``sources`` (``Face.source``). Not kept where a cell is set in a face
    the cache cannot tell ("": a machine's face, which a character no bundled face has
    is set in: the key names only the style's faces, so a face installed or removed
    since would leave the fit stale); the bundled faces a cell fell back to are checked
    on reading with the key's."""
    followed = _USING.get()
    if found is None or followed is None or followed.too_many or "" in sources:
        return
    followed.fits_used[found[0]] = ((list(fit.widths), fit.scale, dict(fit.pads)),
                                    found[1] | sources)


def _faces_in(value: Any) -> Iterator[Face]:
    """The faces ``value`` holds, in its tuples all the way down."""
    if isinstance(value, Face):
        yield value
    elif isinstance(value, tuple):
        for part in value:
            yield from _faces_in(part)


@contextlib.contextmanager
def kept_layouts(doc: Document, theme: Theme, width: float, remember: Remember,
                 known: Known = _none_known) -> Iterator[None]:
    """Around a render of ``doc``: the layouts a process kept for a document of its name
    given to ``remember`` first (read once a process: ``text.remember_layouts``, which
    the writer hands over, this module being below the text blocks that note what they
    use; a layout ``known`` gives lines for is not decoded, ``_decoded``), and the
    layouts the render used kept when it made any the file did not hold (not when the
    render fails)."""
    source = _source(doc, theme, width)
    if source is None:
        yield
        return
    followed = _followed(source, remember, known)
    token = _USING.set(followed)
    try:
        yield
    finally:
        _USING.reset(token)
    if not followed.too_many and followed.changed():
        if _deferring[0]:
            _pending[source] = followed
        else:
            _write(source, followed)


_deferring = [False]
"""Whether what renders used is kept later (``deferred``), not as each render ends."""
_pending: dict[bytes, _Followed] = {}
"""The documents whose layouts are to be kept when ``flush`` is next called."""


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """While it lasts, the layouts and fits renders used are kept when ``flush`` is
    called, not as each render ends (``ipdocs watch`` keeps them once a rebuild's PDF is
    written, while it waits for the next change, not before); all of them at its end."""
    was = _deferring[0]
    _deferring[0] = True
    try:
        yield
    finally:
        _deferring[0] = was
        flush()


def flush() -> None:
    """Keep the layouts and fits of every document rendered since the last ``flush``
    (under ``deferred``) that used any its file does not hold."""
    while _pending:
        source, followed = _pending.popitem()
        if not followed.too_many and followed.changed():
            _write(source, followed)
        followed.restart()


def _followed(source: bytes, remember: Remember, known: Known) -> _Followed:
    """The document's layouts as this process follows them: read from the cache (and
    given to ``remember``) the first time."""
    followed = recall(_FOLLOWED, source)
    if followed is None:
        followed = keep(_FOLLOWED, source, _Followed(), DOCUMENTS_FOLLOWED)
        entries = _read(source, followed, known)
        if entries:
            remember(entries)
    return followed


def _source(doc: Document, theme: Theme, width: float) -> bytes | None:
    """What the file of ``doc``'s layouts is found by: the code and versions that lay
    text out, and the document's name (its title and languages, its theme and text
    width, the kinds of its blocks: a report's briefs, and a brief cut short to fit its
    pages, are told apart); None where the cache is off or has no key to seal with, or
    the code cannot be read."""
    code = code_digest(LAID_BY) if keeping() else None
    if code is None:
        return None
    named = repr((doc.metadata.title, doc.metadata.lang, doc.metadata.language,
                  tuple(x.code for x in doc.languages), doc.theme, theme.name, width,
                  tuple(type(block).__name__ for block in doc.blocks)))
    return b"\0".join((LAYOUT_KIND.encode(), code, named.encode("utf-8")))


def _read(source: bytes, followed: _Followed, known: Known = _none_known
          ) -> dict[Key, list[Line]]:
    """The layouts kept for ``source``, the fits kept given to ``followed`` (none where
    nothing is kept, or what is kept no longer holds)."""
    kept = read_kept(LAYOUT_KIND, source)
    decoded = None if kept is None else _decoded(kept, known)
    if decoded is None:
        return {}
    entries, followed.fits = decoded
    followed.held(entries)
    return entries


def _write(source: bytes, followed: _Followed) -> None:
    """Keep the layouts the document's renders used, those whose faces the cache can
    tell; the file then holds all of them."""
    made, fits = followed.layouts(), dict(followed.fits_used)
    if len(made) > LAYOUTS_KEPT_ON_DISK:
        followed.too_many, followed.used, followed.fits_used = True, [], {}
        return
    faces = _faces({name for key in made for name in _faces_of(key)}
                   | {name for _, sources in fits.values() for name in sources})
    dictionaries = _dictionaries(made)
    kept = {key: lines for key, lines in made.items()
            if _faces_of(key) <= faces.keys() and _dictionary_of(key) in dictionaries}
    shared: dict[Any, Any] = {}
    data = (faces, {name: digest for name, digest in dictionaries.items() if name},
            [(_key_out(key), _lines_out(lines, shared)) for key, lines in kept.items()],
            [(digest, fit) for digest, (fit, sources) in fits.items() if sources <= faces.keys()])
    try:
        packed = marshal.dumps(data)
    except ValueError:  # a value marshal cannot write (a subclass of str): not kept
        return
    write_kept(LAYOUT_KIND, source, zlib.compress(packed, 1))
    followed.held(made)
    followed.dirty = False
    followed.fits = {digest: fit for digest, (fit, _) in fits.items()}


def _decoded(kept: bytes, known: Known
             ) -> tuple[dict[Key, list[Line]], dict[bytes, PlainFit]] | None:
    """The layouts and fits ``kept`` holds; None if it cannot be read back or a face or
    dictionary they were measured with has changed since. A layout whose lines the
    process remembers (``known``: keys are exact, and lines made for a key are the lines
    kept for it) is given those, not decoded: in a batch's worker some five in six of a
    document's layouts are remembered from the documents before (its other languages,
    its region's other years), and making their units again was most of the reading."""
    try:
        faces, dictionaries, entries, fits = marshal.loads(zlib.decompress(kept))
        if any(_face_now(name) != made_of for name, made_of in faces.items()):
            return None
        if any(_dictionary_now(name) != made_of for name, made_of in dictionaries.items()):
            return None
        layouts: dict[Key, list[Line]] = {}
        for plain, lines in entries:
            key = _key_in(plain)
            layouts[key] = known(key) or _lines_in(lines)
        return layouts, dict(fits)
    except (zlib.error, AttributeError, EOFError, ImportError,
            IndexError, KeyError, TypeError, ValueError):
        return None


def _faces_of(key: Key) -> set[str]:
    """The faces (by what measures them: ``Face.widths``) a layout was measured in."""
    return {look[0] for look in key[1]}


def _dictionary_of(key: Key) -> str:
    """The hyphenation dictionary a layout was hyphenated with ("" for none)."""
    return (key[4] or "") if len(key) == 7 else ""


def _faces(names: set[str]) -> dict[str, bytes]:
    """What each bundled face of ``names`` (the faces layouts and fits were measured in)
    is made of (its table directory); a face the cache cannot tell is left out."""
    faces: dict[str, bytes] = {}
    for name in names:
        directory = _face_now(name)
        if directory is not None:
            faces[name] = directory
    return faces


def _dictionaries(made: dict[Key, list[Line]]) -> dict[str, bytes]:
    """What each hyphenation dictionary the layouts were hyphenated with is made of (a
    digest of its file); "" (no dictionary) always."""
    found: dict[str, bytes] = {"": b""}
    for name in {_dictionary_of(key) for key in made} - {""}:
        digest = _dictionary_now(name)
        if digest is not None:
            found[name] = digest
    return found


def _face_now(name: str) -> bytes | None:
    """The table directory of the bundled face ``name`` now; None if there is none."""
    try:
        return face_directory(name)
    except OSError:
        return None


def _dictionary_now(name: str) -> bytes | None:
    """A digest of pyphen's hyphenation dictionary ``name`` now; None if there is none."""
    fallback = pyphen.language_fallback(name)
    if fallback is None:
        return None
    return file_digest(pyphen.LANGUAGES[fallback])


def _key_out(key: Key) -> Key:
    """A layout's key in plain values (its runs as tuples)."""
    return (tuple((r.text, r.style, r.keep, r.latin) for r in key[0]), *key[1:])


def _key_in(key: Key) -> Key:
    """A layout's key from its plain values (``_key_out``)."""
    return (tuple(Run(*run) for run in key[0]), *key[1:])


PlainLine = tuple[bool, list[tuple[Any, ...]], tuple[tuple[Any, ...], ...] | None]
"""A line in plain values: whether it ends a paragraph, its units, and the stretches it
is shown in where it was drawn (``_stretches_out``)."""


def _lines_out(lines: Iterable[Line], shared: dict[Any, Any] | None = None
               ) -> list[PlainLine]:
    """Lines in plain values, with the stretches each was drawn in, if it was (the plan
    of its text object, made for the looks it was drawn in, left out). Equal pieces and
    widths of units are given as one object (``shared``, across all the lines a file
    holds): marshal writes it once and reads it back once, for every unit of the same
    character in the same look (lines are never changed once made, so units may share
    them): a report's file reads back in some 2 ms less (its marshal 7.6 to about 5.5
    ms), for about as much more in writing it."""
    pooled = {} if shared is None else shared
    return [(line.last, [_unit_shared(_unit_out(u), pooled) for u in line.units],
             _stretches_out(line)) for line in lines]


def _unit_shared(plain: tuple[Any, ...], pooled: dict[Any, Any]) -> tuple[Any, ...]:
    """A unit's plain values with its pieces and width the objects ``pooled`` holds for
    equal ones (added where it holds none): pieces by their one piece or the tuple of
    them, a width by itself (a tuple and a number are never equal)."""
    pieces = plain[0]
    shared = pooled.setdefault(pieces[0] if len(pieces) == 1 else tuple(pieces), pieces)
    width = plain[4]
    if width:  # not a zero, whose sign a shared one might not have
        width = pooled.setdefault(width, width)
    return (shared, *plain[1:4], width, *plain[5:])


def _lines_in(lines: Iterable[PlainLine]) -> list[Line]:
    """Lines from their plain values (``_lines_out``): a unit's plain values are its
    fields in order, so most (all but a hyphenated word's head) are made in one call."""
    made = []
    for last, units, stretches in lines:
        line = Line([Unit(*u) if u[-1] is None else _unit_in(u) for u in units], last)
        if stretches is not None:
            line.drawn = _stretches_in(stretches, line.units)
        made.append(line)
    return made


def _stretches_out(line: Line) -> tuple[tuple[Any, ...], ...] | None:
    """The stretches ``line`` was drawn in (``text._stretches``: units ``start`` to
    ``end``, their character spacing, their pieces) in plain values: a unit alone as
    (start, end, spacing), its pieces its own; an even run of characters as (start, end,
    spacing, style, text), its one piece; None where the line was never drawn."""
    drawn = line.drawn
    if drawn is None:
        return None
    stretches = drawn if type(drawn) is list else drawn.stretches
    return tuple((start, end, spacing) if end == start + 1
                 else (start, end, spacing, *pieces[0])
                 for start, end, spacing, pieces in stretches)


def _stretches_in(plain: Iterable[tuple[Any, ...]], units: list[Unit]
                  ) -> list[tuple[int, int, float, list[tuple[int, str]]]]:
    """Stretches from their plain values (``_stretches_out``), a unit alone given its
    own pieces: as ``text._stretches`` makes them."""
    return [(s[0], s[1], s[2], units[s[0]].pieces) if len(s) == 3
            else (s[0], s[1], s[2], [(s[3], s[4])]) for s in plain]


UNIT_FIELDS = tuple(f.name for f in dataclasses.fields(Unit))
"""A unit's fields in order, as its plain values hold them (the last, ``whole``, the
word a hyphenated head was cut from)."""

_unit_values = operator.attrgetter(*UNIT_FIELDS)
assert UNIT_FIELDS[0] == "pieces" and UNIT_FIELDS[4] == "width"  # as _unit_shared reads them


def _unit_out(unit: Unit) -> tuple[Any, ...]:
    """A unit in plain values: its fields in order (``UNIT_FIELDS``)."""
    values: tuple[Any, ...] = _unit_values(unit)
    whole = unit.whole
    return values if whole is None else (*values[:-1], _unit_out(whole))


def _unit_in(plain: tuple[Any, ...]) -> Unit:
    """A unit from its plain values (``_unit_out``)."""
    unit = Unit(*plain[:-1])
    if plain[-1] is not None:
        unit.whole = _unit_in(plain[-1])
    return unit
