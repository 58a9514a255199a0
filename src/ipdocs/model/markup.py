"""Inline markup in spec prose: a small Markdown-like subset, read once into pieces.

The subset (specs/README.md, "Markup"):

- ``**strong**`` and ``*emphasis*``; a mark opens before a non-space and closes after
  one, so ``5 * 3`` stays literal; a mark between two digits is an error (markup never
  splits a number);
- ``[link text](https://…)``: http, https or mailto; the text may hold placeholders
  and emphasis; a ``[`` not followed by ``](`` after its ``]`` is literal;
- a paragraph whose first line starts ``- `` is a bulleted list and one whose first line
  starts ``1. `` a numbered list: every line is then an item (``- `` or the next number);
- ``\\*``, ``\\[``, ``\\]`` and ``\\\\`` are literal ``*``, ``[``, ``]`` and ``\\``.

Markup is read on the text with its placeholders masked (``placeholders.masked``), so a
placeholder is never split and its dots and colons are not markup. Offsets are the
text's own: a problem says where it is (``MarkupError.offset``) as placeholders do.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Literal

from ipdocs.base.kept import keep, recall
from ipdocs.base.records import datarecord
from ipdocs.model.placeholders import masked

SCHEMES = ("http://", "https://", "mailto:")
"""What a link may point at."""

ESCAPABLE = "*[]\\"
"""Characters a backslash makes literal."""

ListKind = Literal["", "bullets", "numbers"]
"""What a paragraph is: running text (""), a bulleted or a numbered list."""

_BULLET = re.compile(r"- ")
_NUMBER = re.compile(r"(\d{1,3})\. ")


class MarkupError(ValueError):
    """Malformed markup, with its character offset in the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(f"{message} (at character {offset + 1})")
        self.offset = offset


@datarecord(frozen=True)
class Piece:
    """A stretch of the source text (``start``:``end``, escapes not yet resolved) and its
    look."""

    start: int
    end: int
    strong: bool = False
    emphasis: bool = False
    link: str | None = None


@datarecord(frozen=True)
class Item:
    """A list item, or the whole of a paragraph that is not a list: its pieces."""

    pieces: tuple[Piece, ...]


@datarecord(frozen=True)
class Markup:
    """A text read: its kind, its items (one for running text) and its links' targets."""

    kind: ListKind
    items: tuple[Item, ...]

    @property
    def links(self) -> tuple[str, ...]:
        """Every link's target, in order (a link cut by a placeholder counted once)."""
        found: list[str] = []
        for item in self.items:
            previous: str | None = None
            for piece in item.pieces:
                if piece.link is not None and piece.link != previous:
                    found.append(piece.link)
                previous = piece.link
        return tuple(found)


def unescape(source: str) -> str:
    """``source`` with each markup escape resolved (``\\*`` → ``*``)."""
    return re.sub(r"\\([*\[\]\\])", r"\1", source)


def strip(text: str) -> str:
    """``text`` without its markup, as a plain line (a heading, a document property):
    marks dropped, links as their text, list items joined by spaces. Malformed markup is
    left as written (``check`` reports it)."""
    markup, errors = read(text, blocks=False)
    if errors:
        return text
    return "".join(unescape(text[p.start:p.end]) for p in markup.items[0].pieces)


READS_KEPT = 1024
"""Texts whose markup is remembered (``read``): a spec loaded again (``ipdocs watch``)
holds mostly the same texts, each read when loaded and when set."""
_READS: OrderedDict[tuple[str, bool], Markup] = OrderedDict()


def read(text: str, blocks: bool = True) -> tuple[Markup, list[MarkupError]]:
    """Read ``text``'s markup: its kind (a list only where ``blocks``), its items' pieces,
    and every problem found.

    The markup of a text without problems is remembered by the text and ``blocks`` (a
    few thousand, the least recently used let go): it is made of them alone and never
    changed."""
    key = (text, blocks)
    kept = recall(_READS, key)
    if kept is not None:
        return kept, []
    markup, errors = _read(text, blocks)
    if not errors:
        keep(_READS, key, markup, READS_KEPT)
    return markup, errors


def _read(text: str, blocks: bool) -> tuple[Markup, list[MarkupError]]:
    """``read`` of a text not remembered."""
    errors: list[MarkupError] = []
    mask = masked(text)
    kind, spans = _items(mask, errors) if blocks else ("", [(0, len(text))])
    items = tuple(Item(tuple(_inline(text, mask, start, end, errors)))
                  for start, end in spans)
    return Markup(kind, items), errors


def is_list(text: str) -> bool:
    """Whether a paragraph of ``text`` is a list: its first line starts ``- `` or ``1. ``
    (placeholders masked)."""
    return _opens_list(_marker(masked(text), 0))


def _opens_list(first: tuple[ListKind, int, int] | None) -> bool:
    """Whether a paragraph's first marker (``_marker`` at 0) opens a list."""
    return first is not None and (first[0] == "bullets" or first[1] == 1)


def _items(mask: str, errors: list[MarkupError]) -> tuple[ListKind, list[tuple[int, int]]]:
    """A paragraph's kind and the source range of each item's content (after its marker)."""
    first = _marker(mask, 0)
    if first is None or not _opens_list(first):
        return "", [(0, len(mask))]
    kind = first[0]
    spans: list[tuple[int, int]] = []
    start = 0
    for number, line in enumerate(mask.split("\n"), start=1):
        end = start + len(line)
        marker = _marker(mask[:end], start)
        if marker is None or marker[0] != kind or (kind == "numbers" and marker[1] != number):
            want = "'- '" if kind == "bullets" else f"'{number}. '"
            errors.append(MarkupError(f"line {number} of a list is not its next item: start "
                                      f"it with {want} (a list is a paragraph of its own)",
                                      start))
        else:
            spans.append((start + marker[2], end))
        start = end + 1
    return kind, spans


def _marker(mask: str, at: int) -> tuple[ListKind, int, int] | None:
    """The list marker at ``at``: its kind, its number (0 for a bullet), its length."""
    if _BULLET.match(mask, at):
        return "bullets", 0, 2
    number = _NUMBER.match(mask, at)
    if number:
        return "numbers", int(number.group(1)), number.end() - at
    return None


def _link_end(mask: str, at: int, end: int) -> tuple[int, int, int] | None:
    """For a ``[`` at ``at``: the offsets of its ``]``, of its URL's start and of its
    ``)`` (-1 where it is missing), or None where the bracket opens no link."""
    close = mask.find("](", at + 1, end)
    if close < 0 or "[" in _unescaped(mask, at + 1, close):
        return None
    stop = mask.find(")", close + 2, end)
    return close, close + 2, stop


def _unescaped(mask: str, start: int, end: int) -> str:
    """The source between ``start`` and ``end`` with escaped characters removed."""
    return re.sub(r"\\[*\[\]\\]", "", mask[start:end])


def _between_digits(mask: str, at: int, width: int) -> bool:
    """Whether a mark of ``width`` characters at ``at`` stands between two digits."""
    return at > 0 and mask[at - 1].isdigit() and at + width < len(mask) \
        and mask[at + width].isdigit()


def _flanks(mask: str, at: int, width: int, start: int, end: int, open_: bool) -> bool:
    """Whether a mark may close (``open_`` it is open: a non-space before it) or open (a
    non-space after it)."""
    if open_:
        return at > start and not mask[at - 1].isspace()
    return at + width < end and not mask[at + width].isspace()


_MARK = re.compile(r"[\\*\[]")
"""A character that may begin inline markup: the loop of ``_inline`` steps over the rest."""


def _next_mark(mask: str, at: int, end: int, link_close: int) -> int:
    """Where ``_inline`` next has something to do from ``at``: the next character that may
    begin markup, or the open link's ``]`` (``link_close``, -1 for none), or ``end``."""
    found = _MARK.search(mask, at, end)
    stop = end if found is None else found.start()
    return link_close if at <= link_close < stop else stop


def _inline(text: str, mask: str, start: int, end: int,
            errors: list[MarkupError]) -> list[Piece]:
    """The pieces of one item (``start``:``end`` of ``text``, read on its ``mask``)."""
    pieces: list[Piece] = []
    state = {"strong": -1, "emphasis": -1}
    link: tuple[str, int] | None = None
    link_close = -1
    at = piece = start

    def cut(to: int) -> None:
        if to > piece:
            pieces.append(Piece(piece, to, state["strong"] >= 0, state["emphasis"] >= 0,
                                link[0] if link else None))

    while at < end:
        char = mask[at]
        if char == "\\" and at + 1 < end and mask[at + 1] in ESCAPABLE:
            at += 2
            continue
        if link is not None and at == link_close:
            cut(at)
            stop = mask.find(")", at + 2, end)
            link, at = None, (end if stop < 0 else stop + 1)
            piece = at
            continue
        if char == "*":
            width = 2 if mask.startswith("**", at) else 1
            name = "strong" if width == 2 else "emphasis"
            if _between_digits(mask, at, width):
                errors.append(MarkupError(f"{'*' * width} between two digits would split a "
                                          "number: write \\* for a literal asterisk", at))
            elif _flanks(mask, at, width, start, end, state[name] >= 0):
                cut(at)
                state[name] = -1 if state[name] >= 0 else at
                piece = at + width
            at += width
            continue
        if char == "[" and link is None:
            found = _link_end(mask, at, end)
            if found is not None:
                target = _open_link(text, mask, at, found, errors)
                if target is not None:
                    cut(at)
                    link, link_close, piece = target, found[0], at + 1
                    at += 1
                    continue
        at = _next_mark(mask, at + 1, end, link_close if link is not None else -1)
    cut(end)
    for name, opened in state.items():
        if opened >= 0:
            mark = "**" if name == "strong" else "*"
            errors.append(MarkupError(f"unclosed {mark}: close it with {mark}, or write \\* "
                                      "for a literal asterisk", opened))
    return pieces


def _open_link(text: str, mask: str, at: int, found: tuple[int, int, int],
               errors: list[MarkupError]) -> tuple[str, int] | None:
    """The target of the link opened at ``at`` (and where it opens), or None with its
    problem recorded."""
    close, url_start, stop = found
    if stop < 0:
        errors.append(MarkupError("a link's URL is not closed: end it with ')'", at))
        return None
    url = text[url_start:stop].strip()
    if not url:
        errors.append(MarkupError("a link without a URL: write [text](https://…)", at))
        return None
    placeholder = mask[url_start:stop] != text[url_start:stop]
    if placeholder or not url.startswith(SCHEMES) or any(c.isspace() for c in url):
        errors.append(MarkupError(f"a link to {url!r}: a link goes to an http, https or "
                                  "mailto address, with no spaces and no placeholders", at))
        return None
    if close == at + 1:
        errors.append(MarkupError("a link without text: write [text](…)", at))
        return None
    return url, at


def is_paragraph(path: tuple[object, ...]) -> bool:
    """Whether a text at ``path`` of a spec is a paragraph (a lead or section paragraph),
    which may be a list; other texts (titles, notes) take inline markup only."""
    return len(path) >= 2 and path[-2] in ("lead", "paragraphs") and isinstance(path[-1], int)


def structure_mismatch(found: dict[str, Markup]) -> str | None:
    """What differs between the structures of one text's languages (its kind, its number
    of items, its links' targets), or None where they agree."""
    if len(found) < 2:
        return None
    (one, first), (other, second) = list(found.items())[:2]
    if first.kind != second.kind or len(first.items) != len(second.items):
        return (f"the {one} text is {_kind(first)} and the {other} text {_kind(second)}: "
                "both languages must have the same structure")
    if first.links != second.links:
        return (f"the {one} text links to {', '.join(first.links) or 'nothing'} and the "
                f"{other} text to {', '.join(second.links) or 'nothing'}: both languages "
                "must link to the same addresses in the same order")
    return None


def _kind(markup: Markup) -> str:
    """How a text's structure is told: running text, a list of 3 items."""
    if not markup.kind:
        return "running text"
    what = "bulleted" if markup.kind == "bullets" else "numbered"
    count = len(markup.items)
    return f"a {what} list of {count} item{'s' if count != 1 else ''}"


def blanked(text: str) -> str:
    """``text`` with everything that is markup and not prose (marks, list markers, a
    link's brackets and address) replaced by spaces, offsets and lines kept: for finding typed
    numbers. Malformed markup is left as written."""
    markup, errors = read(text)
    if errors:
        return text
    pieces = markup.items[0].pieces if len(markup.items) == 1 else ()
    if len(pieces) == 1 and pieces[0].start == 0 and pieces[0].end == len(text):
        return text  # no markup: all of it is prose
    out = [" " if char != "\n" else char for char in text]
    for item in markup.items:
        for piece in item.pieces:
            out[piece.start:piece.end] = text[piece.start:piece.end]
    return "".join(out)
