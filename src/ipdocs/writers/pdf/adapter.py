"""The reportlab internals the PDF writer reaches into, in one place.

reportlab has no public way to forget a registered font, to add an operator to a text
object, or to ask a KeepTogether what it holds and how tall it found it: the writer uses
these private names, and ``tests/writers/pdf/test_adapter.py`` fails when a release moves
them.

It also imports reportlab first, with the costly patterns it never uses compiled only
on their first use (``LayoutError`` comes from here).
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from ipdocs.base.kept import keep_afresh, remembered, touch, trim
from ipdocs.base.patterns import (
    REPORTLAB_CJK,
    REPORTLAB_UNUSED,
    REPORTLAB_URI,
    compiled_on_first_use,
)

with compiled_on_first_use(REPORTLAB_URI, REPORTLAB_CJK, modules=REPORTLAB_UNUSED):
    # reportlab imported here first (``ipdocs.writers.pdf`` imports this module before
    # any other that uses it): patterns ipdocs never uses (a Paragraph's links and its
    # CJK word splitting, and those of the modules ``REPORTLAB_UNUSED`` names) are
    # compiled only if something does (``base.patterns``).
    from reportlab import rl_config
    from reportlab.lib.rl_accel import escapePDF, fp_str
    from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus.doctemplate import LayoutError as LayoutError
    from reportlab.platypus.tables import Table


class _ShapesUnchecked:
    """``with shapes_unchecked:`` turns reportlab's checking of every attribute a
    graphics shape or widget is given (``rl_config.shapeChecking``: each value tested
    against the class's declared kinds) off for the block, and back as it was after.

    ipdocs' charts set only values of the kinds reportlab declares, so their checks
    never fail; they were about a tenth of a chart's making and drawing (some 36 M
    instructions of a full zh PDF's first render). The drawing is the same either way:
    the check only raises or lets a value through. Nested and threaded uses count, so
    the setting comes back when the last ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._before: Any = None

    def __enter__(self) -> None:
        # The modules that decide at their import whether shapes check what they are
        # given: imported (if not yet) before the checks go off, so that a first import of
        # reportlab's graphics by another thread meanwhile still makes checking classes.
        import reportlab.graphics.shapes
        import reportlab.graphics.widgetbase  # noqa: F401

        with self._lock:
            if not self._depth:
                self._before = rl_config.shapeChecking
                rl_config.shapeChecking = 0
            self._depth += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if not self._depth:
                rl_config.shapeChecking = self._before


shapes_unchecked = _ShapesUnchecked()


def forget_font(font_name: str, face_name: bytes | str) -> None:
    """Remove a font from reportlab's registry (its fonts and its face names)."""
    pdfmetrics._fonts.pop(font_name, None)
    pdfmetrics._dynFaceNames.pop(face_name, None)


def is_registered(font_name: str) -> bool:
    """Whether reportlab's registry holds ``font_name``."""
    return font_name in pdfmetrics._fonts


def add_operator(text: Any, operator: str) -> None:
    """Append a raw PDF operator to a text object's content (the line width of a stroked
    glyph, which the text object's API does not set)."""
    text._code.append(operator)


def text_code(text: Any) -> list[str]:
    """The operators a text object holds so far (marked content is added to them)."""
    code: list[str] = text._code
    return code


NUMBERS_KEPT = 1 << 16
"""Numbers whose PDF spelling a process remembers before it starts again."""

_numbers: dict[float, str] = {}


def number(value: float) -> str:
    """``value`` as reportlab writes a number into a content stream (``fp_str``: at most
    six significant decimals, no trailing zeros), remembered: a report places its text at
    a few hundred distinct positions and spacings, and ``fp_str`` formats through
    ``printf`` every time."""
    text = _numbers.get(value)
    return text if text is not None else keep_afresh(_numbers, value, fp_str(value), NUMBERS_KEPT)


class LineText(PDFTextObject):  # type: ignore[misc]
    """A text object that writes the operators of reportlab's own, byte for byte, with
    less work: text in a TrueType face (reportlab's subsetted fonts) is split into its
    subsets by the font's own ``splitString`` (so characters take their codes in the
    same order) and shown without reportlab's general formatting, which also measures
    every string to advance a cursor; numbers are spelt by ``number``. The
    cursor is not advanced: a line places each stretch of text it shows
    (``setTextOrigin``), and ``textLine``, ``moveCursor`` and the cursor getters are not
    used on it. Anything else (another kind of font, a canvas drawn top down) goes
    through reportlab's methods unchanged.
    """

    def __init__(self, canvas: Any) -> None:
        self._fast = bool(canvas.bottomup)
        self._ttf: Any = None
        self._tf = ""
        super().__init__(canvas)

    def setTextOrigin(self, x: float, y: float) -> None:
        """Place the next text at (``x``, ``y``): the ``Tm`` operator reportlab writes."""
        if not self._fast:
            super().setTextOrigin(x, y)
            return
        self._code.append(f"1 0 0 1 {number(x)} {number(y)} Tm")
        self._x0 = self._x = x
        self._y0 = self._y = y

    def setCharSpace(self, charSpace: float) -> None:
        """Set the character spacing: the ``Tc`` operator reportlab writes."""
        self._charSpace = charSpace
        self._code.append(f"{number(charSpace)} Tc")

    def setFont(self, psfontname: str, size: float,
                leading: float | None = None) -> None:
        """Set the font (a TrueType font writes its ``Tf`` with the text, as reportlab's
        text object does, naming the subset of the characters shown)."""
        font = pdfmetrics._fonts.get(psfontname) or pdfmetrics.getFont(psfontname)
        if not font._dynamicFont:
            self._ttf = None
            super().setFont(psfontname, size, leading)
            return
        self._fontname, self._fontsize = psfontname, size
        self._leading = size * 1.2 if leading is None else leading
        self._curSubset = -1
        self._ttf = font
        self._tf = f" {number(size)} Tf {number(self._leading)} TL"

    def textOut(self, text: str) -> None:
        """Show ``text``: what reportlab's ``textOut`` writes for a TrueType font."""
        font = self._ttf
        if font is None or not self._fast:
            super().textOut(text)
            return
        doc = self._canvas._doc
        out = []
        for subset, chars in font.splitString(text, doc):
            if subset != self._curSubset:
                out.append(font.getSubsetInternalName(subset, doc) + self._tf)
                self._curSubset = subset
            out.append(f"({escapePDF(chars)}) Tj")
        self._code.append(" ".join(out))


SAME = 0
"""A line plan's step: an operator written as it is."""
PLACE = 1
"""A line plan's step: the next text placed at the line's start plus a distance, on its
baseline (``Tm``)."""
FONT = 2
"""A line plan's step: the font (by its registered name) and the size operators written
with its text."""
FILL = 3
"""A line plan's step: the fill colour's operator, and its opacity."""
SHOW = 4
"""A line plan's step: text shown in the current font."""

PlanStep = tuple[int, Any, Any]
"""One step of a line's plan: its kind (``SAME``, ``PLACE``, ``FONT``, ``FILL``,
``SHOW``) and its two values."""


def plain_canvas(canvas: Any) -> bool:
    """Whether a line's plan may be drawn on ``canvas`` (``draw_plan``): it is drawn
    bottom up and enforces no colour space, as every canvas of the writer is."""
    return bool(canvas.bottomup) and getattr(canvas, "_enforceColorSpace", None) is None


def plain_origin(canvas: Any) -> bool:
    """Whether a block may be drawn on ``canvas`` with its origin moved by operators
    alone (``text.TextBlock.drawOn``): a plain canvas (``plain_canvas``) whose fill is
    opaque, so that the block's text sets no opacity the canvas must forget after it."""
    return plain_canvas(canvas) and canvas._extgstate.getValue("ca") == 1


def dynamic_font(name: str) -> bool:
    """Whether the registered font ``name`` is one reportlab subsets (a TrueType font),
    whose text a line's plan shows."""
    font = pdfmetrics._fonts.get(name) or pdfmetrics.getFont(name)
    return bool(font._dynamicFont)


def font_step(name: str, size: float) -> PlanStep:
    """The plan's step setting the TrueType font ``name`` at ``size`` (what ``LineText``
    writes with its text: the size and a leading of 1.2 times it)."""
    return (FONT, name, f" {number(size)} Tf {number(size * 1.2)} TL")


def fill_step(color: Any) -> PlanStep:
    """The plan's step setting the fill colour ``color`` (a reportlab ``Color``), as a
    text object's ``setFillColor`` writes it."""
    return (FILL, f"{fp_str((color.red, color.green, color.blue))} rg",
            getattr(color, "alpha", None))


class _Sink:
    """Where reportlab's graphics state writes an opacity operator (its ``_code``)."""

    __slots__ = ("_code",)

    def __init__(self, code: list[str]) -> None:
        self._code = code


class _Shown:
    """What a canvas's document has shown in its TrueType fonts, kept with the canvas
    (one document): the names reportlab gave the font subsets (``/F2+0``; it names a
    subset once a document, its first call registering the font with the document) and,
    by font and text, the pieces a text was shown as, each its subset and its
    ``Tj`` operator.

    A text's pieces are found once a document: the font's ``splitString`` gives each
    character its code the first time the document shows it (stateful, in the order
    shown), and the same codes every time after, so a text shown again (a word, a
    space) is shown by the same operators. Kept no longer than the document's canvas,
    and no more than ``TEXTS_KEPT`` texts."""

    __slots__ = ("names", "texts")

    TEXTS_KEPT = 1 << 16

    def __init__(self) -> None:
        self.names: dict[tuple[Any, int], str] = {}
        self.texts: dict[tuple[Any, str], list[tuple[int, str]]] = {}

    def pieces(self, font: Any, text: str, doc: Any) -> list[tuple[int, str]]:
        """The subsets and ``Tj`` operators ``text`` in ``font`` is shown by in
        ``doc``: the font's ``splitString`` (assigning codes to new characters) on the
        first showing, kept for the next."""
        key = (font, text)
        known = self.texts.get(key)
        if known is not None:
            return known
        found = [(subset, f"({escapePDF(chars)}) Tj")
                 for subset, chars in font.splitString(text, doc)]
        if len(self.texts) < self.TEXTS_KEPT:
            self.texts[key] = found
        return found


def _shown(canvas: Any) -> _Shown:
    """What the canvas's document has shown in its TrueType fonts (``_Shown``), made on
    its first line drawn by a plan."""
    shown: _Shown | None = getattr(canvas, "_ipdocs_shown", None)
    if shown is None:
        shown = canvas._ipdocs_shown = _Shown()
    return shown


def draw_plan(canvas: Any, plan: list[PlanStep], x0: float, baseline: float) -> None:
    """Draw a line by its plan at ``x0`` on ``baseline``: the text object a ``LineText``
    would write for it, byte for byte (``BT`` and reportlab's first ``Tm``, each step,
    ``ET``), as one entry of the page's content, without a text object's calls."""
    doc = canvas._doc
    code = ["BT", "1 0 0 1 0 0 Tm"]
    y = number(baseline)
    fonts = pdfmetrics._fonts
    shown = _shown(canvas)
    names = shown.names
    texts = shown.texts
    font: Any = None
    tf = ""
    current = -1
    versioned = False
    for kind, first, second in plan:
        if kind == SHOW:
            pieces = texts.get((font, first))
            if pieces is None:
                pieces = shown.pieces(font, first, doc)
            if len(pieces) == 1 and pieces[0][0] == current:  # the common case
                code.append(pieces[0][1])
                continue
            out = []
            for subset, shows in pieces:
                if subset != current:
                    name = names.get((font, subset))
                    if name is None:
                        name = names[font, subset] = font.getSubsetInternalName(subset, doc)
                    out.append(name + tf)
                    current = subset
                out.append(shows)
            code.append(" ".join(out))
        elif kind == PLACE:
            code.append(f"1 0 0 1 {number(x0 + first)} {y} Tm")
        elif kind == SAME:
            code.append(first)
        elif kind == FONT:
            font, tf, current = fonts[first], second, -1
        else:
            code.append(first)
            if second is not None:  # the opacity, as a text object's setFillColor sets it
                if not versioned:
                    doc.ensureMinPdfVersion("transparency")
                    versioned = True
                state = canvas._extgstate
                if state.getValue("ca") != second:  # else setting it writes nothing
                    state.set(_Sink(code), "ca", second)
    code.append("ET")
    canvas._code.append(" ".join(code))


def begin_line(canvas: Any) -> Any:
    """A text object for one line of text (a ``LineText``)."""
    return LineText(canvas)


def draw_text_entries(canvas: Any, text: Any) -> None:
    """Draw a text object as one entry of the page's content per operator, not one for
    the whole object as reportlab does: marked content opened and closed inside it (a
    piece of text in another language) is then seen by ``tagging.wrap_artifacts``."""
    text.getCode()  # closes the object (ET)
    canvas._code.extend(text._code)


def kept_content(group: Any) -> list[Any]:
    """The flowables a KeepTogether holds."""
    return list(group._content)


def kept_height(group: Any) -> float:
    """The height a KeepTogether found its flowables need, at its last wrap."""
    return float(group._H)


def wrapped_for(group: Any) -> tuple[float, float] | None:
    """The space a KeepTogether was last wrapped for, or None."""
    return getattr(group, "_wrapInfo", None)


def below_frame_top(flowable: Any) -> bool:
    """Whether the frame ``flowable`` is being laid out in has something placed in it
    already (False where it is not known)."""
    frame = getattr(flowable, "_frame", None)
    return frame is not None and not getattr(frame, "_atTop", True)


def page_code(canvas: Any) -> list[str]:
    """The content-stream entries a canvas holds for its current page (one string per
    drawing call), which ``showPage`` joins into the page's stream."""
    code: list[str] = canvas._code
    return code


def page_name(canvas: Any) -> str:
    """The name under which the canvas's document registers the page being drawn."""
    return str(canvas._doc.thisPageName())


def last_page(canvas: Any) -> Any:
    """The page object the canvas's last ``showPage`` added to its document."""
    return canvas._doc.Pages.pages[-1]


def set_page_entry(page: Any, key: str, value: Any) -> None:
    """Give a page object an entry of its dictionary that reportlab's page class does not
    list (``StructParents``)."""
    names = list(page.__NoDefault__)
    if key not in names:
        page.__NoDefault__ = [*names, key]
    setattr(page, key, value)


def catalog(canvas: Any) -> Any:
    """The document catalog of a canvas's document (its entries set as attributes)."""
    return canvas._doc.Catalog


def reference(canvas: Any, obj: Any) -> Any:
    """An indirect reference to ``obj``, registered in the canvas's document."""
    return canvas._doc.Reference(obj)


def named_annotation(canvas: Any, name: str) -> tuple[Any, Any]:
    """A reference to the annotation the canvas added under ``name``, and the object."""
    ref = canvas._doc.refAnnotation(name)
    return ref, canvas._doc.idToObject[ref.name]


def set_annotation_entry(annotation: Any, key: str, value: Any) -> None:
    """Give an annotation object an entry reportlab's annotation class does not list
    (``StructParent``); an annotation made as a plain dictionary (a URL link) takes it
    as any entry."""
    if isinstance(annotation, PDFDictionary):
        annotation[key] = value
        return
    annotation.permitted = (*annotation.permitted, key)
    annotation.otherkw[key] = value


def url_annotation(canvas: Any, url: str, rect: tuple[float, float, float, float],
                   contents: str) -> tuple[Any, Any]:
    """A link annotation over ``rect`` (current coordinates) to ``url``, described by
    ``contents``: a reference to it and the object (reportlab names it by a count)."""
    canvas.linkURL(url, rect, relative=1, thickness=0, Contents=PDFString(contents))
    return named_annotation(canvas, f"NUMBER{canvas._annotationCount}")


def row_heights(table: Any) -> list[float]:
    """The heights of a Table's rows, as its last wrap found them."""
    return [float(h) for h in table._rowHeights]


def row_heights_known(table: Any) -> list[float] | None:
    """The heights of all a Table's rows as its last wrap measured them, or None where it
    stopped measuring before its last row (the rest did not fit the page)."""
    heights = table._rowHeights
    if any(height is None for height in heights):
        return None
    return list(heights)


def set_row_heights(table: Any, heights: list[float]) -> None:
    """Fix a Table's row heights, as its ``rowHeights`` argument would: its next wraps
    set its rows at them (its cells no longer measured), and the parts it splits into
    keep them (reportlab gives each part its rows' heights). The places of its spanned
    cells, which reportlab keeps from its first wrap, are found again."""
    table._rowHeights = table._argH = list(heights)
    vars(table).pop("_spanRects", None)


class RowsOnce(Table):  # type: ignore[misc]
    """A reportlab Table that measures its rows once a width: wrapped again at the width
    (and column widths and fixed heights) it last measured every row at, it takes the
    heights it found then instead of wrapping each cell again. Only for a table whose
    cells span no rows: reportlab then measures every row whatever the height available
    (it stops early only to share out a row span's height; ``test_adapter`` fails if a
    release changes that), and a cell's height depends only on its width, so the
    heights, and the positions reportlab works out from them, are the same. A table is
    wrapped more than once when it is kept with what follows it and then placed, or
    split; each wrap measured all its cells' lines again."""

    _argH: list[Any]
    _rowHeights: list[Any]

    def _calc_height(self, availHeight: float, availWidth: float, H: Any = None,
                     W: Any = None) -> None:
        """reportlab's measure of the rows, or the heights of its last full measure."""
        fixed: list[Any] = self._argH
        key = (availWidth, None if not W else tuple(W), tuple(self._argW), tuple(fixed))
        kept: tuple[Any, list[float]] | None = self.__dict__.get("_rows_once")
        if kept is not None and kept[0] == key:
            self._argH = kept[1]  # reportlab's own sums, over the heights it measured
            try:
                super()._calc_height(availHeight, availWidth, H, W)
            finally:
                self._argH = fixed
            self._rowHeights = list(kept[1])
            return
        super()._calc_height(availHeight, availWidth, H, W)
        measured = self._rowHeights
        if None in fixed and None not in measured and \
                not (self._spanCmds and self._rowSpanCells):
            self._rows_once = (key, list(measured))


def last_split_row(table: Any, height: float) -> int:
    """The most rows of a Table (its repeated header rows counted) that a page break may
    follow within ``height``, by its row heights at its last wrap: a position inside a
    run of rows kept together (NOSPLIT) or a spanned cell is never one; 0 where there is
    none."""
    return int(table._getFirstPossibleSplitRowPosition(height))


def at_frame_top(flowable: Any) -> bool:
    """Whether ``flowable`` is being laid out in a frame with nothing placed in it yet
    (False where it is not known)."""
    frame = getattr(flowable, "_frame", None)
    return frame is not None and bool(getattr(frame, "_atTop", False))


COMPRESSED_KEPT = 8 << 20
"""Bytes (input and output together) of compressed streams a process remembers: a page
or a font file the same as one compressed before is not compressed again (a rebuild in
``ipdocs watch`` compresses only the pages that changed; a full zh PDF's streams come
to about 1 MB). Kept small: the inputs are held as they are, and a batch of large
reports must stay within its memory."""


class _Compressed:
    """zlib's output for the streams compressed last, keyed by their exact input bytes
    (never by a name or a hash that could stand for changed content), the least recently
    used forgotten beyond ``COMPRESSED_KEPT``."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.size = 0
        self.kept: OrderedDict[bytes, bytes] = OrderedDict()

    def __call__(self, data: bytes | str) -> bytes:
        """``zlib.compress(data)``, at its default level, as reportlab calls it."""
        if isinstance(data, str):
            data = data.encode("utf8")
        out = self.kept.get(data)
        if out is not None:
            touch(self.kept, data)
            return out
        out = zlib.compress(data)
        self.kept[data] = out
        self.size += len(data) + len(out)
        while self.size > self.budget:
            gone = trim(self.kept, len(self.kept) - 1)
            if not gone:  # nothing left to let go (threads: the sizes are approximate)
                self.size = 0
                break
            old, old_out = gone[0]
            self.size -= len(old) + len(old_out)
        return out


compressed = _Compressed(COMPRESSED_KEPT)


def remember_compression() -> None:
    """Make reportlab's Flate filter (every stream of its PDFs) compress through
    ``compressed``: the bytes are zlib's, computed once per distinct input."""
    pdfdoc.PDFZCompress.encode = compressed


SUBSETS_KEPT = 16
"""Font subsets a face remembers (a report's full zh PDF embeds one to four a face; a
face is forgotten with its registration, ``fonts.MAX_SUBSET_TEXTS``)."""

_made: WeakKeyDictionary[Any, OrderedDict[tuple[int, ...], bytes]] = WeakKeyDictionary()
_make_subset: Callable[[Any, Any], bytes] = ttfonts.TTFontFile.makeSubset


def _remembered_subset(face: Any, subset: Any) -> bytes:
    """The font file reportlab makes of ``face`` for the characters ``subset`` (a list
    of code points, in their codes' order), made once per face and list: it depends on
    nothing else (the face's file is read once and never changes)."""
    return remembered(_made.setdefault(face, OrderedDict()), tuple(subset),
                      lambda: _one_at_a_time(face, subset), SUBSETS_KEPT)


_MAKING = threading.Lock()
"""Held while reportlab makes a font file: its face reads its bytes through one position
of its own (``_pos``), so two threads making files of one face read each other's tables
(stray glyphs, or an IndexError; a kept file would keep them: ``fonts.KeptFace``)."""


def _one_at_a_time(face: Any, subset: Any) -> bytes:
    """reportlab's font file of ``face`` for ``subset``, made by one thread at a time."""
    with _MAKING:
        return _make_subset(face, subset)


def remember_subsets() -> None:
    """Make reportlab's TrueType faces remember the subsets they make
    (``_remembered_subset``)."""
    ttfonts.TTFontFile.makeSubset = _remembered_subset


_REPORTLAB_ENCODE: Callable[[Any], Any] = pdfdoc.pdfdocEnc
_NOT_PDFDOC = re.compile("[^\\x00-\\x17\\x20-\\x7f]")
"""A character PDFDocEncoding spells otherwise than ASCII, or lacks (0x18 to 0x1F are
accents there)."""


def pdfdoc_bytes(value: Any) -> Any:
    """``value`` as reportlab's ``pdfdocEnc`` encodes it (text in PDFDocEncoding, bytes
    as they are): text that is all ASCII outside 0x18 to 0x1F, as nearly every operator,
    key and number reportlab writes, is the same in ASCII, encoded without the Python
    codec reportlab registers (about a microsecond a call, some ten thousand a PDF)."""
    if isinstance(value, str) and not _NOT_PDFDOC.search(value):
        return value.encode("ascii")
    return _REPORTLAB_ENCODE(value)


def remember_encoding() -> None:
    """Make reportlab's PDF objects encode their text through ``pdfdoc_bytes``."""
    pdfdoc.pdfdocEnc = pdfdoc_bytes


_REPORTLAB_FORMAT: Callable[..., bytes] = pdfdoc.format
_REPORTLAB_NAME: Callable[..., str] = pdfdoc.PDFName
NAMES_KEPT = 1 << 12
"""PDF names (and numbers' bytes) a process remembers before it starts again."""
_names: dict[str, str] = {}
_number_bytes: dict[float, bytes] = {}


def pdf_name(data: Any, *args: Any) -> str:
    """``data`` as reportlab's ``PDFName`` spells it (``/Type``; a character outside
    ``!`` to ``~`` or a delimiter as ``#`` and its code), remembered for a text given
    without reportlab's optional bounds: a file's dictionaries repeat a few dozen keys
    some ten thousand times, and reportlab spells each anew, character by character."""
    if args or type(data) is not str:
        return _REPORTLAB_NAME(data, *args)
    name = _names.get(data)
    return name if name is not None else keep_afresh(
        _names, data, _REPORTLAB_NAME(data), NAMES_KEPT)


def pdf_format(element: Any, document: Any, toplevel: int = 0) -> bytes:
    """``element`` as reportlab's ``pdfdoc.format`` writes it into the file: bytes as they
    are, text encoded (``pdfdoc_bytes``), a number as ``fp_str`` spells it (its bytes
    remembered: a font's widths and the pages' boxes repeat a few hundred numbers), and
    anything else (a PDF object) by reportlab's own function."""
    kind = type(element)
    if kind is bytes:
        same: bytes = element
        return same
    if kind is str:
        encoded: bytes = pdfdoc_bytes(element)
        return encoded
    if kind is int or kind is float:
        spelt = _number_bytes.get(element)
        return spelt if spelt is not None else keep_afresh(
            _number_bytes, element, fp_str(element).encode("ascii"), NAMES_KEPT)
    return _REPORTLAB_FORMAT(element, document, toplevel)


def remember_names() -> None:
    """Make reportlab write names and the values of its objects through ``pdf_name``
    and ``pdf_format`` (the same bytes, sooner)."""
    pdfdoc.PDFName = pdf_name
    pdfdoc.format = pdf_format


def reference_bytes(ref: Any, document: Any) -> bytes:
    """An indirect reference as reportlab formats it (``12 0 R``), read from the
    document's object numbers without its generic formatting."""
    number, version = document.idToObjectNumberAndVersion[ref.name]
    return b"%d %d R" % (number, version)


def is_reference(obj: Any) -> bool:
    """Whether ``obj`` is one of reportlab's indirect references."""
    return type(obj) is pdfdoc.PDFObjectReference
