"""The typesetting decisions every writer applies the same way, given its own measure.

Between the document tree and the writers: what must not break (a number with its sign,
decimals, percent sign, currency, scale and qualifier: “RMB 61.093 billion”, “more than
171,000”, “+193%以上”), the script runs of Han text (which Latin phrases and numbers
inside it are set as Latin), a table's column widths and type scale (every short number
and every unbreakable piece of a long cell whole, decimal points lined up; labels wrap
first), how many key figures a row holds and how far a value shrinks to stay whole,
where justified English is set ragged right, which styles hyphenate to fill their lines
(``RUNNING_TEXT``), where a web address may break (``url_breaks``) and what a word
processor must not hyphenate (``unhyphenated``: amounts, a web address's codes). The PDF
writer lays lines out with these decisions; the DOCX writer (and an HTML writer:
``kept`` or ``pieces`` give the spans to wrap in ``white-space: nowrap``) marks them up:
kept spans with no-break spaces, script runs as runs of their own language, widths on
the table grid. Pure logic: no writer library, measures come in as callbacks
(``writers.metrics`` measures in the bundled faces for a writer that lays out no lines
itself).

What keeps a number with its unit, sign and qualifier in Han text is decided here too.
The PDF writer breaks lines itself and asks ``number_glued`` and ``glue_qualifiers``
between the units of a line (``writers.pdf.linebreak``); the HTML writer leaves breaking
to the browser and asks ``kept_runs`` which stretches of a text must not break, to set
them ``white-space: nowrap``. Both read the same rules:

- a digit is glued to a Han character right after it (71425件, 610.93亿);
- a qualifier stays with the number before it, across a unit of at most ``UNIT_SPAN``
  Han characters (193%以上, 3个月左右, 17.1万余);
- a prefix stays with the number after it (近9000, 超过80000);
- a number never breaks after its decimal point or thousands separator (``inside_number``).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from ipdocs.base.patterns import on_first_use
from ipdocs.base.records import datarecord
from ipdocs.doc import Mixed
from ipdocs.writers.columns import (
    HAN_KEEP,
    aligns_on_point,
    decimal_tail,
    fit_scale,
    fit_widths,
    is_short,
    is_wide,
    lend_slack,
    proportional,
    refit_scale,
)

_QUALIFIER = r"(?:(?:more|less|fewer) than|over|nearly|almost|about|around|approximately|up to)"
_CURRENCY = r"(?:RMB|CNY|USD|US\$|HK\$|EUR|€|\$|¥|￥)"
_SCALE = r"(?:trillion|billion|million|thousand|per ?cent|percentage points?|pp|times)"
_AFTER = r"(?:or (?:more|less|above|so)|and above)"
_DURATION = r"(?:(?:working )?days?|weeks?|months?|years?|hours?)"
_AMOUNT = (rf"(?:\b{_QUALIFIER}\s+)?(?:{_CURRENCY}\s?)?[+\-\u2212±]?\d[\d,]*(?:\.\d+)?"
           rf"(?:[%‰]|\s{_SCALE}\b|\s{_DURATION}\b)?(?:\s{_SCALE}\b)?(?:\s{_AFTER}\b)?")
_IN_WORDS = (rf"\b{_QUALIFIER}\s+(?:a|one)\s(?:hundred|thousand|million|billion)\b"
             rf"(?:\s{_AFTER}\b)?")
KEPT = on_first_use(f"{_IN_WORDS}|{_AMOUNT}", re.IGNORECASE)
"""An amount in Latin text that no line break may fall inside, nor a hyphen: its
qualifier (more than, nearly; or more), currency (RMB), sign, digits and decimals,
percent sign and scale (billion, percentage points), or the unit of a duration right
after its number (about 3 months, 31 days; a count's noun, 1,828 enterprises, may
wrap); a round amount in words after its qualifier (more than a thousand: LibreOffice
set Hubei's more than a thou- / sand). Han text keeps its numbers with their units and
qualifiers by the line breaker's own rules (a digit is glued to the Han character after
it; 以上, 左右, 近, 超过)."""

NO_BREAK_SPACE = "\u00a0"
"""What a space inside a kept span becomes where a writer cannot keep it by layout (the
DOCX: neither Word nor LibreOffice has a property that keeps words together): a visible
space, read and searched as one by screen readers and by LibreOffice."""


_SPACE = re.compile(r"\s")
"""Any space: a text without one holds no amount of more than one word."""


_AMOUNT_SIGN = re.compile(r"\d|hundred|thousand|million|billion", re.IGNORECASE)
"""What every match of ``KEPT`` holds (a digit, or a round amount in words): a text
without one is not searched."""


_SPACED_WORDS = ("more", "less", "fewer", "over", "nearly", "almost", "about", "around",
                 "approximately", "up to", "rmb", "cny", "usd", "$", "eur", "illion",
                 "thousand", "cent", "percentage", "pp", "times", "day", "week", "month",
                 "year", "hour", "above", "or so")
"""What every match of ``KEPT`` that holds a space holds, in ASCII text (lower case): its
space comes with a qualifier, a currency, a scale, a duration or what follows an
amount (``or so``, ``and above``), each of which holds one of these."""


def _may_hold_spaced(text: str) -> bool:
    """Whether ``text`` may hold an amount of more than one word: any text but ASCII
    text without one of ``_SPACED_WORDS`` (a date in English, ``as of the end of 2024``,
    in a Chinese document; ``KEPT``, costly to compile, is not needed for it). Text
    beyond ASCII is searched: there, letters of other scripts match ASCII ones without
    regard to case (the Kelvin sign a k, a dotless ı an i)."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(word in lower for word in _SPACED_WORDS)


def kept(text: str) -> list[tuple[int, int]]:
    """The spans (start, end) of ``text`` that must not break: amounts of more than one
    word (a one-word number breaks nowhere anyway). Text without a space (most Chinese
    text), or without a digit or a round amount in words, or (in ASCII) without a word
    an amount of several words holds, is not searched."""
    if _SPACE.search(text) is None or _AMOUNT_SIGN.search(text) is None \
            or not _may_hold_spaced(text):
        return []
    return list(_kept_spans(text))


@lru_cache(maxsize=1 << 12)
def _kept_spans(text: str) -> tuple[tuple[int, int], ...]:
    """``kept``'s spans of a text with a space, remembered by the text: a table's fitting
    asks a label's several times, and the PDF writer's cutting asks again."""
    return tuple(m.span() for m in KEPT.finditer(text) if _SPACE.search(m.group(0)))


def with_no_break_spaces(text: str) -> str:
    """``text`` with the spaces inside its kept spans made no-break spaces."""
    spans = kept(text)
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        for index in range(start, end):
            if out[index] == " ":
                out[index] = NO_BREAK_SPACE
    return "".join(out)


def pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into stretches, each with whether it is kept whole (see ``kept``)."""
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in kept(text):
        if start > position:
            out.append((text[position:start], False))
        out.append((text[start:end], True))
        position = end
    if position < len(text) or not out:
        out.append((text[position:], False))
    return out


ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z’'\-]*(?:[ ,.;:()]+[A-Za-z][A-Za-z’'\-]*)+"
                            r"|[A-Za-z]{4,}[A-Za-z’'\-]*")
"""English words inside Chinese text (bilingual labels): set as Latin text, so readers
break lines between words, not inside them. Short acronyms (PCT, APP) stay with the
Chinese."""

NUMBER = re.compile(r"[+\-\u2212]?\d+(?:[.,]\d+)*%?")
"""A number inside Chinese text (683, 22.93, +11.4%): set as Latin text, in the Latin
face and with Western line-breaking rules (LibreOffice breaks between digits under
Chinese rules)."""

_WEB_ADDRESS = (r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)"
                r"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*"
                r"[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef.,;:!?)\]”’]")
WEB_ADDRESS = on_first_use(_WEB_ADDRESS)
"""A web address in text (http://…, www.…), up to a space, Han text or full-width
punctuation, without the sentence's punctuation after it: set whole as Latin text inside
Chinese (``script_runs``), where LibreOffice broke it anywhere as Han text."""

_INSIDE_HAN = on_first_use(f"{_WEB_ADDRESS}|{ENGLISH_PHRASE.pattern}|{NUMBER.pattern}")
_INSIDE_HAN_NO_ADDRESS = on_first_use(f"{ENGLISH_PHRASE.pattern}|{NUMBER.pattern}")
"""``_INSIDE_HAN`` for a text without :// or www., where no web address can start: the
same matches, and some 25 M instructions less to compile (the address's classes of every
Han character are built a code point at a time)."""


HYPHENATED_MIN = 5
"""The shortest run of letters and digits a hyphenator breaks: LibreOffice's English
dictionaries hyphenate no word shorter than LEFTHYPHENMIN 2 + RIGHTHYPHENMIN 3."""

_ADDRESS_WORD = re.compile(r"[A-Za-z0-9]+")


def address_codes(text: str) -> list[tuple[int, int]]:
    """The spans (start, end) of the runs of letters and digits in ``text``'s web
    addresses that a hyphenator could break: HYPHENATED_MIN characters or more with a
    letter (a code, 29de3a0c18e249bd9c9a00efb02f9b0a, or a name, hezhiquan); not the
    shorter ones (http, www, docs, view, html), nor digits alone (2247495708: no
    hyphenator breaks a number, and LibreOffice breaks before one after a slash only as
    English, not as text of no language: …/224749570 / 8/2?raw), nor the punctuation.
    A text without :// or www. (every address has one) is not searched."""
    spans: list[tuple[int, int]] = []
    if "://" not in text and "www." not in text:
        return spans
    for address in WEB_ADDRESS.finditer(text):
        spans += [(address.start() + word.start(), address.start() + word.end())
                  for word in _ADDRESS_WORD.finditer(address.group(0))
                  if len(word.group(0)) >= HYPHENATED_MIN and
                  not word.group(0).isdigit()]
    return spans


def unhyphenated(text: str) -> list[tuple[int, int]]:
    """The spans (start, end) of ``text`` no word of which may be hyphenated, in order: an
    amount of several words (RMB 2.231 million: ``kept``, its spaces no-break spaces or
    not) and a web address's codes and long names (``address_codes``). A writer that
    leaves hyphenation to the reader's application marks them as text of no language
    (the DOCX: LibreOffice hyphenated a word of an amount its no-break spaces hold
    together, mil- / lion, and the codes of Hubei's addresses, 29de3a0c18e249b- / d9c9).
    The rest of an address keeps its paragraph's language: LibreOffice breaks an address
    after a slash only where its hyphenator may (the break after a slash is the start of
    a word it hyphenates), and a word shorter than HYPHENATED_MIN it does not hyphenate.
    Probes of 60 lines each, English at 150 mm: an address all of no language broke
    inside a word at the line's end in every line and never after a slash; its codes and
    long names of no language and the rest English, only after a slash (http:// ,
    docs/ , freewechat.com/); all English, after a slash and hyphenated (…00ef- /
    b02f…, MzIwN- / DU1…)."""
    plain = text.replace(NO_BREAK_SPACE, " ")
    codes = address_codes(plain)
    amounts = [(start, end) for start, end in kept(plain)
               if not any(start < b and a < end for a, b in codes)]
    return sorted(amounts + codes)


def script_runs(text: str) -> list[tuple[str, bool]]:
    """Han text in runs, each with whether it is Latin (an English phrase, a number or a
    web address)."""
    out: list[tuple[str, bool]] = []
    position = 0
    inside = _INSIDE_HAN if "://" in text or "www." in text else _INSIDE_HAN_NO_ADDRESS
    for match in inside.finditer(text):
        if match.start() > position:
            out.append((text[position:match.start()], False))
        out.append((match.group(0), True))
        position = match.end()
    if position < len(text) or not text:
        out.append((text[position:], False))
    return out


_AFTER_DASH = re.compile(r"(?<=[A-Za-z][-\u2013])(?=[A-Za-z])")
"""Where a Latin word breaks after its own hyphen or en dash (pre- / examination)."""


def _url_parts(address: str) -> list[str]:
    """A web address cut where it may break (``url_breaks``)."""
    cuts = [0, *url_breaks(address), len(address)]
    return [address[start:end] for start, end in itertools.pairwise(cuts)]


def widest_piece(text: str) -> str:
    """What a long cell's column should be wide enough for on one line: its longest piece
    no line may break inside (a word, or an amount kept whole: RMB 61.093 billion; a word
    with a hyphen or dash breaks after it in every writer: pre- / campaign), or a few
    Chinese characters (Chinese breaks anywhere, but a column one character wide is
    unreadable)."""
    words = re.split(r"[ \t\n\u3000]+", with_no_break_spaces(text).strip())
    words = [w[:HAN_KEEP] if any(map(is_wide, w)) else w for w in words]
    words = [part for w in words for part in (_url_parts(w) if is_url(w) else
                                              _AFTER_DASH.split(w))]
    return max(words, key=len, default="").replace(NO_BREAK_SPACE, " ")


RUNNING_TEXT = ("body", "lead", "note")
"""The theme styles of running text: the only ones whose lines are filled by hyphenating
a word, in both writers. A table's cells, headings, captions, key figures and the
contents keep their words whole (their columns are made wide enough for the longest
word, ``fit_table``); the PDF writer hyphenates a word there only where it is wider than
a whole line, rather than break it anywhere."""


NARROW_EMS = 30.0
"""Justified text of a language that hyphenates (English), in a column narrower than this
many ems, is set ragged right: too few spaces per line to take up the slack without gaps
wide enough to see (rivers)."""


def ragged(width: float, size: float, hyphenates: bool) -> bool:
    """Whether justified text ``size`` points large in a column ``width`` points wide is
    set ragged right instead (see NARROW_EMS)."""
    return hyphenates and width < NARROW_EMS * size


KEY_VALUE_MIN_SCALE = 0.75
"""A key figure's value shrinks to fit its cell on one line, down to this fraction."""


def key_value_scale(natural: float, room: float) -> float:
    """How much smaller a key figure's value ``natural`` points wide is set to fit
    ``room`` on one line (1.0 when it fits; never below KEY_VALUE_MIN_SCALE)."""
    if natural <= room:
        return 1.0
    return max(room / natural * 0.98, KEY_VALUE_MIN_SCALE)


def figures_per_row(naturals: Sequence[float], total: float, padding: float,
                    most: int) -> int:
    """How many key figures a row of ``total`` points holds: at most ``most`` (and the
    number of figures), fewer where a value ``naturals`` points wide would not fit its
    cell on one line even at the smallest scale (a number is never broken)."""
    per_row = max(min(most, len(naturals)), 1)
    while per_row > 1 and max(naturals, default=0.0) * KEY_VALUE_MIN_SCALE > \
            total / per_row - 2 * padding:
        per_row -= 1
    return per_row


CellMeasure = Callable[[int, int, str, float], float]
"""The width of ``text`` set as the cell at (row, column) is set, at ``scale`` times its
size (the whole cell's text: as its line breaker sets it on one line), in points. A
piece of a cell is no wider than a piece that begins or ends with it (its glyphs'
advances added up: ``_halved`` searches a label's break points by that)."""


@datarecord(frozen=True)
class TableFit:
    """A table's widths and type scale, and the extra right padding that lines up the
    decimal points of its number columns."""

    widths: list[float]
    scale: float
    pads: dict[tuple[int, int], float]
    """Points of extra right padding by (column, row of the cells given)."""


def _floors(cells: Sequence[Sequence[str]], measure: CellMeasure, padding: float,
            scale: float) -> tuple[list[float], list[float], list[float]]:
    """Each column's hard floor (its short numbers and units on one line), firm floor
    (a long cell's widest unbreakable piece where that holds a number or is an amount in
    words: about 3 months, more than a hundred; of a web address, the widest part
    between its breaks) and soft floor (its other short cells on one line, the widest
    word of its long cells): where not all can be met, a label wraps before an amount
    breaks, and an amount in a long cell before a short number."""
    count = len(cells[0]) if cells else 0
    floors = ([0.0] * count, [0.0] * count, [0.0] * count)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            for which, piece in _floor_pieces(text):
                floor = floors[which]
                floor[c] = max(floor[c], measure(r, c, piece, scale) + 2 * padding)
    return floors


_HARD, _FIRM, _SOFT = 0, 1, 2
"""Which of ``_floors``' floors a piece of a cell holds up."""

CELLS_KEPT = 1 << 12
"""How many cells' texts a process keeps what ``fit_table`` measures of (``_floor_pieces``,
``_label``, ``_break_points``, ``_tail``): a table's fitting looks at each cell at every
scale it tries, and a report's languages and writers fit the same labels again."""


@lru_cache(maxsize=CELLS_KEPT)
def _floor_pieces(text: str) -> tuple[tuple[int, str], ...]:
    """What of a cell ``_floors`` measures, each with the floor it holds up: a short
    number or unit whole (hard); a Chinese phrase with a number, its glued number hard
    and itself soft; another short cell soft; a long cell's widest piece, firm where it
    holds a number or is an amount in words, else soft (``KEPT``, costly to compile, is
    not read for a piece without a round amount in words)."""
    short = is_short(text)
    whole = short and _whole(text)
    if whole and _han_phrase(text):
        return (_HARD, _phrase_floor(text)), (_SOFT, text)
    if whole:
        return ((_HARD, text),)
    if short:
        return ((_SOFT, text),)
    if piece := widest_piece(text):
        amount = any(ch.isdigit() for ch in piece) or (
            _AMOUNT_SIGN.search(piece) is not None and KEPT.fullmatch(piece) is not None)
        return (((_FIRM if amount else _SOFT), piece),)
    return ()


UNIT_CHARS = 3
"""A short cell of at most this many characters (a unit: 万件, 件/万人) never wraps."""


def _han_phrase(text: str) -> bool:
    """Whether a short cell holding a number is a Chinese phrase (a rank: 位居全国第4位)
    rather than a number with its unit: more than HAN_KEEP Han characters."""
    return sum(1 for c in text if is_wide(c)) > HAN_KEEP


def _phrase_floor(text: str) -> str:
    """What a Chinese phrase with a number needs on one line: its number with the unit
    and qualifier glued to it (4位), or HAN_KEEP characters, whichever is wider; the rest
    of the phrase wraps (位居全国 / 第4位) rather than leave its table's labels two
    characters a line."""
    return max([text[start:end] for start, end in glued_runs(text)] + [text[:HAN_KEEP]],
               key=len)


def _whole(text: str) -> bool:
    """Whether a short cell must stay on one line whatever it costs: a number, an amount
    or a change (it holds a digit), or a unit."""
    return any(map(str.isdigit, text)) or len(text) <= UNIT_CHARS


def _pads(cells: Sequence[Sequence[str]], aligns: Sequence[str], body: int,
          measure: CellMeasure, scale: float) -> dict[tuple[int, int], float]:
    """Extra right padding of right-aligned number cells in body rows (from ``body``)
    that lines up their decimal points (see ``columns.decimal_tail``)."""
    pads: dict[tuple[int, int], float] = {}
    for column, align in enumerate(aligns):
        if align != "right":
            continue
        tails = {r: measure(r, column, tail, scale) for r in range(body, len(cells))
                 if (tail := _tail(cells[r][column])) is not None}
        widest = max(tails.values(), default=0.0)
        pads.update({(column, r): widest - tail for r, tail in tails.items() if widest > tail})
    return pads


@lru_cache(maxsize=CELLS_KEPT)
def _tail(text: str) -> str | None:
    """A right-aligned cell's decimal tail (``columns.decimal_tail``) where it is a number
    to line up on its point, else None."""
    return decimal_tail(text) if aligns_on_point(text) else None


def fit_table(cells: Sequence[Sequence[str]], relative: Sequence[float],
              aligns: Sequence[str], body: int, total: float, measure: CellMeasure,
              padding: float) -> TableFit:
    """Column widths for a table's ``cells`` (header rows, then body rows from ``body``)
    in ``total`` points: in proportion to the ``relative`` widths, widened so every short
    cell (with its decimal-point padding) and every unbreakable piece of a long cell
    fits whole; the type set smaller (down to ``columns.SMALLEST_SCALE``, and for its
    numbers and amounts alone to ``columns.WHOLE_SCALE``) where the table is too narrow
    for that. ``padding`` is a cell's left (and right) padding."""
    hard, firm, soft, pads = _needs(cells, aligns, body, measure, padding, 1.0)
    scale = fit_scale(hard, [max(f, s) for f, s in zip(firm, soft, strict=True)], total)
    if scale < 1.0:
        hard, firm, soft, pads = _needs(cells, aligns, body, measure, padding, scale)
    for _ in range(REFITS):
        smaller = refit_scale(hard, firm, soft, total, 2 * padding, scale)
        if smaller >= scale:
            break
        scale = smaller
        hard, firm, soft, pads = _needs(cells, aligns, body, measure, padding, scale)
    widths = fit_widths(proportional(relative, total), hard, soft, firm)
    floors = [max(h, f, s) for h, f, s in zip(hard, firm, soft, strict=True)]
    widths = lend_slack(widths, floors, _label_wants(cells, measure, padding, scale, widths),
                        2 * padding)
    return TableFit(widths, scale, pads)


@lru_cache(maxsize=CELLS_KEPT)
def _label(text: str) -> bool:
    """Whether a cell is a label that may wrap: a long cell of Han text or of several
    words, not an amount kept whole (more than 1,100)."""
    return not is_short(text) and (any(map(is_wide, text)) or
                                   " " in with_no_break_spaces(text).strip())


def _label_wants(cells: Sequence[Sequence[str]], measure: CellMeasure, padding: float,
                 scale: float, widths: Sequence[float] = ()) -> list[float]:
    """Each column's width for its labels (long cells that may wrap, not an amount kept
    whole: more than 1,100) on ``columns.LABEL_LINES`` (two) lines (``_halved``); 0 for
    a column with none (numbers, amounts, units, changes: the columns that lend their
    room, ``columns.lend_slack``). A label is not halved further once a way of breaking
    it is found that its column's want already holds (``_halved``'s ``enough``), nor,
    given the columns' ``widths`` (and ``padding`` more than 0), one its column's width
    already holds: such a want may then be wider than the least (never more than its
    width), and ``lend_slack``, which lends a column only what it wants beyond its width
    and takes from none that wants any, lends the same (most labels fit on one line: a
    cold zh PDF halved each at three or four break points)."""
    count = len(cells[0]) if cells else 0
    wants = [0.0] * count
    holds = list(widths) if widths and padding > 0 else [0.0] * count
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if _label(text):
                width = _halved(text, _piece_measure(measure, r, c, scale),
                                _held(max(wants[c], holds[c]), padding))
                wants[c] = max(wants[c], width + 2 * padding)
    return wants


def _held(want: float, padding: float) -> Callable[[float], bool]:
    """Whether a label's wider line, with its ``padding`` each side, is no wider than its
    column's ``want`` already is (``_label_wants`` adds the padding so)."""
    return lambda wider: wider + 2 * padding <= want


def _piece_measure(measure: CellMeasure, row: int, column: int, scale: float
                   ) -> Callable[[str], float]:
    """``measure`` of a piece of the cell at (``row``, ``column``) at ``scale``."""
    return lambda piece: measure(row, column, piece, scale)


def _halved(text: str, width: Callable[[str], float],
            enough: Callable[[float], bool] = lambda wider: False) -> float:
    """The width of ``text`` on LABEL_LINES (two) lines: its wider line where it breaks
    best, after a space or between two Han characters (``width`` measures a piece).

    The first line grows and the second shrinks from one break point to the next
    (``CellMeasure``), so the wider of the two is least at the first point where the
    first line is at least as wide as the second, or at the point before it: found by
    bisection, the same width as trying every point gives. Where the wider line at a
    point tried is ``enough`` for the caller (no wider than what its column wants
    already), that width is returned at once: the least is no wider."""
    text, points = _break_points(text)
    if not points:
        return width(text)
    measured: dict[int, tuple[float, float]] = {}

    def lines(index: int) -> tuple[float, float]:
        if index not in measured:
            at = points[index]
            measured[index] = width(text[:at].rstrip()), width(text[at:].lstrip())
        return measured[index]

    low, high = 0, len(points)  # the first point whose first line is the wider
    while low < high:
        middle = (low + high) // 2
        first, second = lines(middle)
        if enough(max(first, second)):
            return max(first, second)
        if first >= second:
            high = middle
        else:
            low = middle + 1
    return min(max(lines(index)) for index in (low - 1, low) if 0 <= index < len(points))


@lru_cache(maxsize=CELLS_KEPT)
def _break_points(label: str) -> tuple[str, tuple[int, ...]]:
    """A label as ``_halved`` breaks it (stripped, the spaces of its amounts no-break
    spaces) and where it may break: after a space, or between two Han characters where
    the second may start a line."""
    text = with_no_break_spaces(label.strip())
    wide = [is_wide(char) for char in text]
    return text, tuple(i for i in range(1, len(text)) if text[i - 1] == " " or
                       (wide[i - 1] and wide[i] and text[i] not in NO_START))


REFITS = 4
"""How many times a table's scale is measured again and made smaller where its floors
measured at it do not fit (``columns.refit_scale``)."""


def _needs(cells: Sequence[Sequence[str]], aligns: Sequence[str], body: int,
           measure: CellMeasure, padding: float, scale: float
           ) -> tuple[list[float], list[float], list[float], dict[tuple[int, int], float]]:
    """The hard, firm and soft floors at ``scale``, a padded cell's hard floor counting
    its padding, and the pads."""
    hard, firm, soft = _floors(cells, measure, padding, scale)
    pads = _pads(cells, aligns, body, measure, scale)
    for (column, r), pad in pads.items():
        hard[column] = max(hard[column], measure(r, column, cells[r][column], scale) +
                           2 * padding + pad)
    return hard, firm, soft, pads


NO_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠")
"""Characters that cannot start a line (ECMA-376 Part 1, Annex A, Simplified Chinese)."""

NO_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
"""Characters that cannot end a line."""

QUALIFIERS = ("以上", "以下", "以内", "左右", "余", "多")
"""What may follow a number and its unit and must stay with them (193%以上, 3个月左右)."""

PREFIXES = ("超过", "突破", "近", "约", "超", "逾")
"""What may stand before a number and must stay with it (近9000, 超80000)."""

FIRSTS = frozenset(word[0] for word in QUALIFIERS + PREFIXES)
"""The first characters of qualifiers and prefixes."""

UNIT_SPAN = 2
"""How many Han characters (a unit such as 个月) may stand between a number and its
qualifier."""

SPACES = frozenset(" \t\u3000")
"""Where a line may break between words."""


class Token(Protocol):
    """A piece of a line as the rules see it: one Han character or one Latin word."""

    han: bool
    space_before: bool
    glued: bool
    """No line break may come before it."""
    mark: str
    """A full-width mark's compression class (open, close, middle), else empty."""

    @property
    def text(self) -> str:
        """Its text."""

    @property
    def first(self) -> str:
        """Its first character."""

    @property
    def last(self) -> str:
        """Its last character."""


def number_glued(prev: Token, token: Token) -> bool:
    """Whether ``token`` is a unit glued to the number ending ``prev`` (71425件)."""
    return prev.last.isdigit() and token.han and token.first not in NO_END \
        and not token.space_before


def inside_number(text: str, index: int) -> bool:
    """Whether a break before ``text[index]`` would fall inside a number: after its
    decimal point or thousands separator (11.|4%, 71,|425), where a Latin word may
    otherwise break after a full stop."""
    return 2 <= index < len(text) and text[index].isdigit() and text[index - 1] in ".," \
        and text[index - 2].isdigit()


def _spells(tokens: Sequence[Token], start: int, word: str) -> bool:
    """Whether the Han tokens from ``start`` spell ``word``, one character each."""
    chunk = tokens[start:start + len(word)]
    return len(chunk) == len(word) and all(
        u.han and u.text == c and not u.space_before for u, c in zip(chunk, word, strict=True))


def _numeric(token: Token) -> bool:
    """Whether a token ends a number (a digit, or a percent or permille sign after one)."""
    text = token.text.rstrip("%‰")
    return not token.han and bool(text) and text[-1].isdigit()


def glue_qualifiers(tokens: Sequence[Token]) -> None:
    """Keep a qualifier with its number: 193%以上, 3个月左右, 17.1万余, 近9000, 超过80000."""
    for index, token in enumerate(tokens):
        if not token.han or token.first not in FIRSTS or token.text not in FIRSTS:
            continue
        for word in QUALIFIERS:
            if _spells(tokens, index, word) and (start := _number_before(tokens, index)) >= 0:
                for kept in tokens[start + 1:index + len(word)]:
                    kept.glued = True
        for word in PREFIXES:
            after = index + len(word)
            if _spells(tokens, index, word) and after < len(tokens) and \
                    not tokens[after].space_before and tokens[after].first.isdigit():
                for kept in tokens[index + 1:after + 1]:
                    kept.glued = True


def _number_before(tokens: Sequence[Token], index: int) -> int:
    """The index of the number a qualifier at ``index`` follows (across at most
    UNIT_SPAN Han characters of its unit), or −1."""
    for back in range(1, UNIT_SPAN + 2):
        at = index - back
        if at < 0 or tokens[at + 1].space_before:
            return -1
        if _numeric(tokens[at]):
            return at
        if not tokens[at].han or tokens[at].mark or not tokens[at].text.isalpha():
            return -1
    return -1


URL_BEFORE = frozenset(".,-_~?#%&=")
"""Where a web address may break before the character (the dot begins the next line, so
it is not read as the end of a sentence, nor a hyphen as one the break added)."""
URL_AFTER = frozenset("/&=")
"""Where a web address may break after the character (after a slash: http:// , /docs/)."""


def is_url(text: str) -> bool:
    """Whether a Latin word is a web address (http://…, www.…), which is never hyphenated
    and breaks only at its punctuation (``url_breaks``)."""
    return "://" in text or text.lstrip("(<[“‘\"'").lower().startswith("www.")


def url_breaks(text: str) -> list[int]:
    """Where a web address may break: after a slash (not between the two of //), an
    ampersand or an equals sign, and before a dot, comma, hyphen, underscore, tilde,
    question mark, hash, percent, ampersand or equals sign with a letter or digit after
    it (never before a sentence's closing full stop); never inside a run of letters and
    digits, so no part of a word or a code ends a line without a mark."""
    points = []
    for index in range(1, len(text)):
        prev, char = text[index - 1], text[index]
        after = prev in URL_AFTER and char not in URL_AFTER and char not in NO_START
        before = char in URL_BEFORE and prev not in URL_BEFORE and prev not in URL_AFTER \
            and prev not in NO_END and index + 1 < len(text) and text[index + 1].isalnum()
        if after or before:
            points.append(index)
    return points


CLOSING = frozenset("，。、；：！？）》」』】〕〗〉”’．")
"""Full-width marks whose blank half is on the right (Simplified Chinese positions; the
bundled faces' ``halt`` feature agrees)."""

OPENING = frozenset("（《「『【〔〖〈“‘")
"""Full-width marks whose blank half is on the left."""


@datarecord
class TextToken:
    """A token of a plain text, with where it starts and ends in the text."""

    text: str
    han: bool
    start: int
    space_before: bool = False
    glued: bool = False
    mark: str = ""

    @property
    def first(self) -> str:
        """Its first character."""
        return self.text[0]

    @property
    def last(self) -> str:
        """Its last character."""
        return self.text[-1]

    @property
    def end(self) -> int:
        """Where it ends in the text."""
        return self.start + len(self.text)


def _mark(char: str) -> str:
    """The compression class of a full-width character (none for a Han character)."""
    if char in CLOSING:
        return "close"
    return "open" if char in OPENING else ""


def text_tokens(text: str) -> list[TextToken]:
    """``text`` in tokens: each wide character alone, Latin words whole, spaces between.
    Punctuation a Chinese face sets full width and a Latin one narrow (’ …) counts as
    Latin here: the PDF decides it by its neighbours (``linebreak.latin_context``), the web
    page leaves it to the face the browser finds."""
    out: list[TextToken] = []
    space = False
    for index, char in enumerate(text):
        if char in SPACES:
            space = True
            continue
        han = is_wide(char)
        prev = out[-1] if out else None
        if prev is not None and not han and not prev.han and not space:
            prev.text += char
            continue
        out.append(TextToken(char, han, index, space, mark=_mark(char) if han else ""))
        space = False
    return out


def han_latin_gaps(text: str) -> list[int]:
    """Where a quarter-em gap goes between a Han character and a Latin letter or digit
    (never beside punctuation, clreq 3.2): the offsets of the second character of each
    such pair."""
    return [index for index in range(1, len(text))
            if text[index - 1].isalnum() and text[index].isalnum()
            and is_wide(text[index - 1]) != is_wide(text[index])]


def spaced_label(text: str) -> str:
    """``text`` with a space wherever the text stage sets a Han–Latin gap
    (``han_latin_gaps``): a chart's label, which no writer can give a quarter-em gap,
    spaced as the text is (PCT 申请量; a CJK face's space is about a quarter em)."""
    out, at = [], 0
    for gap in han_latin_gaps(text):
        out += [text[at:gap], " "]
        at = gap
    return "".join([*out, text[at:]])


MINUS = "\u2212"
"""The minus sign, which some Chinese faces lack (FandolFang, FandolKai)."""


def minus_stand_in(text: str, covered: Callable[[str], bool]) -> str:
    """``text`` with its minus signs set as hyphen-minus where a face lacks the minus but
    has the hyphen-minus (``covered``): a chart sets its labels in one face, the theme's,
    rather than all of them in another face for one sign."""
    if MINUS not in text or covered(MINUS) or not covered("-"):
        return text
    if isinstance(text, Mixed):  # each piece keeps its language
        return Mixed(replace(s, text=s.text.replace(MINUS, "-")) for s in text.spans)
    return text.replace(MINUS, "-")


def kept_runs(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` (start, end) that must stay on one line: a number with
    the unit and qualifier glued to it (``glued_runs``: 71425件, +193%以上, 近9000), and
    an amount of several Latin words (``kept``: RMB 61.093 billion, more than 171,000)."""
    return _joined(sorted(glued_runs(text) + kept(text)))


def glued_runs(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` (start, end) the line breaker's own rules keep on one
    line: a number with the unit and qualifier glued to it (71425件, +193%以上, 近9000)."""
    tokens = text_tokens(text)
    for prev, token in itertools.pairwise(tokens):
        token.glued = number_glued(prev, token)
    glue_qualifiers(tokens)
    runs: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        if token.glued and index:
            if runs and runs[-1][1] == tokens[index - 1].end:
                runs[-1] = (runs[-1][0], token.end)
            else:
                runs.append((tokens[index - 1].start, token.end))
    return runs


def _joined(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted stretches with those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for start, end in runs:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def title_measure(text: str, width: float, measure: Callable[[str], float]) -> float:
    """The measure a title of ``text`` is set in: ``width`` where it fits one line, else
    the narrowest measure that breaks it in as many lines, each about as wide as the
    others, so that no last line is a runt (the English official summary's Intellectual
    Property Development and Protection in Ningbo, / 2024; LibreOffice's 广州知识产权保护
    与发展状况（2023 年 / 度）). Lines break between the pieces of ``_title_units``;
    ``measure`` gives a line's width."""
    units = _title_units(text, width, measure)
    lines = _wrap(units, width, measure)
    if len(lines) < 2:
        return width
    low, high = max(measure(unit.rstrip()) for unit in units), width
    for _ in range(20):
        middle = (low + high) / 2
        if len(_wrap(units, middle, measure)) <= len(lines):
            high = middle
        else:
            low = middle
    return min(width, high * TITLE_AIR)


def title_indents(narrower: float, align: str) -> tuple[float, float]:
    """The left and right indents that set a title ``narrower`` points narrower than its
    measure (``title_measure``) where it stands: half each side of a centred title, all
    on the side its lines do not start from otherwise."""
    if narrower <= 1e-6:
        return 0.0, 0.0
    if align == "center":
        return narrower / 2, narrower / 2
    return (narrower, 0.0) if align == "right" else (0.0, narrower)


TITLE_AIR = 1.03
"""A balanced title's measure is this much wider than its widest line: a writer's own
measure of a line may differ from the shared one by a little."""


def _greedy(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """``text`` broken as a title is in ``width`` (``_title_units``, ``_wrap``)."""
    return _wrap(_title_units(text, width, measure), width, measure)


def _wrap(units: Sequence[str], width: float, measure: Callable[[str], float]) -> list[str]:
    """``units`` in lines no wider than ``width`` where they can, as many on a line as
    fit (a unit wider than ``width`` a line of its own)."""
    lines: list[str] = []
    line = ""
    for unit in units:
        if line and measure((line + unit).rstrip()) > width:
            lines.append(line.rstrip())
            line = unit
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _title_units(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """The pieces a title breaks between: after a space, before an opening mark, after a
    closing one, between Han and Latin text (广州知识产权保护与发展状况 / （2023年度）,
    where a word is not cut in two); between any two Han characters only where a piece
    would not fit ``width`` otherwise (no line starts with a closing mark nor ends with
    an opening one)."""
    text = text.strip()

    def cut(points: list[int]) -> list[str]:
        edges = [0, *points, len(text)]
        return [text[a:b] for a, b in itertools.pairwise(edges) if b > a]

    strong = [i for i in range(1, len(text)) if _title_break(text[i - 1], text[i])]
    units = cut(strong)
    if all(measure(unit.rstrip()) <= width for unit in units):
        return units
    return cut(sorted(set(strong) | {
        i for i in range(1, len(text)) if is_wide(text[i - 1]) and is_wide(text[i]) and
        text[i] not in NO_START and text[i - 1] not in NO_END}))


def _title_break(before: str, after: str) -> bool:
    """Whether a title may break between ``before`` and ``after`` without cutting a word:
    after a space, before an opening mark, after a closing mark, or where Han text meets
    Latin (not a number and its unit or prefix: 2023年度, 第4位)."""
    if after in NO_START or before in NO_END or after.isspace() or (
            (before.isdigit() and is_wide(after)) or (is_wide(before) and after.isdigit())):
        return False
    return before.isspace() or after in OPENING or before in CLOSING or (
        is_wide(before) != is_wide(after) and not before.isspace())
