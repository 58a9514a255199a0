"""The reportlab internals the PDF writer reaches into (``writers/pdf/adapter.py``): each
fails here, not deep in a build, when a reportlab release moves it."""

import io
import re
import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether, Spacer, Table

from ipdocs.typefaces.bundled import BUNDLED, face_path
from ipdocs.writers.pdf import adapter as pdf_adapter
from tests.conftest import fresh_python


def test_reportlab_registry_text_objects_and_keep_together() -> None:
    face = BUNDLED["sans"].latin_regular
    font = TTFont("AdapterTestFace", str(face))
    pdfmetrics.registerFont(font)
    assert pdf_adapter.is_registered("AdapterTestFace")
    pdf_adapter.forget_font("AdapterTestFace", font.face.name)
    assert not pdf_adapter.is_registered("AdapterTestFace")
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    text = canvas.beginText()
    pdf_adapter.add_operator(text, "0.5 w")
    assert "0.5 w" in text.getCode()
    pdf_adapter.text_code(text).append("EMC")
    assert pdf_adapter.text_code(text)[-1] == "EMC"
    group = KeepTogether([Spacer(10, 20), Spacer(10, 30)])
    group.canv = canvas
    group.wrap(100, 1000)
    assert pdf_adapter.wrapped_for(group) == (100, 1000)
    assert len(pdf_adapter.kept_content(group)) == 2
    assert pdf_adapter.kept_height(group) == 50


def test_reportlab_page_code_pages_and_catalog() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(10, 10, "a")
    assert any("Tj" in entry for entry in pdf_adapter.page_code(canvas))
    canvas.bookmarkPage("here")
    canvas.linkRect("to here", "here", (0, 0, 10, 10), name="a-link")
    _, annotation = pdf_adapter.named_annotation(canvas, "a-link")
    pdf_adapter.set_annotation_entry(annotation, "StructParent", 7)
    _, link = pdf_adapter.url_annotation(canvas, "https://example.org/", (0, 20, 10, 30),
                                         "an example")
    pdf_adapter.set_annotation_entry(link, "StructParent", 8)
    name = pdf_adapter.page_name(canvas)
    canvas.showPage()
    page = pdf_adapter.last_page(canvas)
    pdf_adapter.set_page_entry(page, "StructParents", 0)
    assert pdf_adapter.reference(canvas, page).name == name
    pdf_adapter.catalog(canvas).MarkInfo = pdf_adapter.reference(canvas, page)
    canvas.save()
    assert b"/StructParents 0" in buffer.getvalue() and b"/MarkInfo" in buffer.getvalue()
    assert b"/StructParent 7" in buffer.getvalue()
    assert b"/StructParent 8" in buffer.getvalue() and b"(an example)" in buffer.getvalue()


def test_a_text_object_is_drawn_one_entry_per_operator() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    before = len(pdf_adapter.page_code(canvas))
    text = canvas.beginText(10, 10)
    text.textOut("a")
    pdf_adapter.add_operator(text, "EMC")
    pdf_adapter.draw_text_entries(canvas, text)
    added = pdf_adapter.page_code(canvas)[before:]
    assert added[0] == "BT" and added[-2:] == ["EMC", "ET"]
    assert len(added) > 3  # not one joined entry, as canvas.drawText makes


def test_a_page_entry_is_listed_once() -> None:
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    canvas.showPage()
    page = pdf_adapter.last_page(canvas)
    pdf_adapter.set_page_entry(page, "StructParents", 0)
    pdf_adapter.set_page_entry(page, "StructParents", 1)
    assert list(page.__NoDefault__).count("StructParents") == 1
    assert page.StructParents == 1


def test_a_font_never_registered_is_forgotten_quietly() -> None:
    pdf_adapter.forget_font("NeverRegisteredFace", b"NeverRegisteredFace")
    assert not pdf_adapter.is_registered("NeverRegisteredFace")


def test_reportlab_table_rows_and_frame() -> None:
    table = Table([["a"], ["b"], ["c"], ["d"]], rowHeights=[10, 20, 30, 40], repeatRows=1)
    table.setStyle([("NOSPLIT", (0, 1), (-1, 2))])
    table.wrap(100, 1000)
    assert pdf_adapter.row_heights(table) == [10, 20, 30, 40]
    assert pdf_adapter.last_split_row(table, 35) == 1  # not between the rows kept together
    assert pdf_adapter.last_split_row(table, 60) == 3
    assert pdf_adapter.last_split_row(table, 5) == 0
    box = Spacer(10, 10)
    assert not pdf_adapter.at_frame_top(box)
    frame = Frame(0, 0, 100, 100)
    box._frame = frame
    assert pdf_adapter.at_frame_top(box)
    frame.add(Spacer(10, 10), Canvas(io.BytesIO()))
    assert not pdf_adapter.at_frame_top(box)


def test_a_tables_row_heights_fixed_after_a_wrap_place_its_spanned_cells() -> None:
    drawn: list[float] = []

    class Box(Spacer):  # type: ignore[misc]
        def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
            drawn.append(y)

    table = Table([[Box(10, 10), ""], ["a", "b"]], colWidths=[50, 50])
    table.setStyle([("SPAN", (0, 0), (-1, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 0)])
    table.wrap(100, 1000)
    pdf_adapter.set_row_heights(table, [40, 30])
    assert table.wrap(100, 1000) == (100, 70) and pdf_adapter.row_heights(table) == [40, 30]
    table.canv = Canvas(io.BytesIO(), pagesize=A4)
    table.draw()
    assert drawn == [70 - 10]  # the spanned cell at the top of its row as set, 40 tall
    head, tail = table.split(100, 45)
    assert pdf_adapter.row_heights(head) == [40] and tail.wrap(100, 1000)[1] == 30


class _Counted(Spacer):  # type: ignore[misc]
    """A cell that counts its wraps and is taller in a narrower column."""

    wraps = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        type(self).wraps += 1
        return availWidth, 1000 / availWidth


def _rows(count: int) -> list[list[Any]]:
    return [[_Counted(1, 1), f"row {n}"] for n in range(count)]


def test_a_table_measures_its_rows_once_a_width() -> None:
    def laid(table: Table, width: float, height: float) -> tuple[Any, ...]:
        size = table.wrap(width, height)
        return size, list(table._rowHeights), list(table._rowpositions), table._hmax

    once = pdf_adapter.RowsOnce(_rows(6), colWidths=["60%", "40%"])
    plain = Table(_rows(6), colWidths=["60%", "40%"])
    for width, height, wraps in [(100, 1000, 6), (100, 30, 0), (80, 1000, 6),
                                 (100, 1000, 6), (100, 5, 0)]:
        _Counted.wraps = 0
        assert laid(once, width, height) == laid(plain, width, height)
        assert _Counted.wraps == wraps + 6  # the plain table's own, each time
    head, tail = once.split(100, 30)  # the parts as reportlab splits the table
    assert [pdf_adapter.row_heights(p) for p in (head, tail)] == \
        [pdf_adapter.row_heights(p) for p in plain.split(100, 30)]


def test_reportlab_measures_every_row_of_a_table_without_row_spans() -> None:
    """``RowsOnce`` relies on it: reportlab stops measuring a long table's rows early only
    where a cell spans rows."""
    table = Table(_rows(8), colWidths=[50, 30])
    table.setStyle([("SPAN", (0, 0), (-1, 0))])  # a caption across the columns
    table.wrap(80, 25)
    assert None not in pdf_adapter.row_heights(table)
    spanned = pdf_adapter.RowsOnce(_rows(8), colWidths=[50, 30])
    spanned.setStyle([("SPAN", (0, 2), (0, 3))])
    spanned.wrap(80, 25)
    assert "_rows_once" not in vars(spanned)  # not kept: reportlab shares the span out


def test_charts_are_made_with_reportlabs_checks_off_and_on_again() -> None:
    from reportlab import rl_config

    before = rl_config.shapeChecking
    with pdf_adapter.shapes_unchecked:
        with pdf_adapter.shapes_unchecked:
            assert not rl_config.shapeChecking
        assert not rl_config.shapeChecking
    assert rl_config.shapeChecking == before


def test_reportlabs_graphics_first_imported_with_checks_off_still_check() -> None:
    """reportlab's shapes decide at their import whether they check what they are given:
    a fresh process whose first chart drawing turns the checks off has them imported
    with the checks on, so a shape made afterwards still refuses a wrong value."""
    code = (
        "from ipdocs.writers.pdf.adapter import shapes_unchecked\n"
        "import sys\n"
        "print('reportlab.graphics.shapes' in sys.modules)\n"
        "with shapes_unchecked:\n"
        "    from reportlab.graphics.shapes import Rect\n"
        "try:\n"
        "    Rect(0, 0, 1, 1).strokeWidth = 'wide'\n"
        "    print('accepted')\n"
        "except AttributeError:\n"
        "    print('refused')\n")
    out = fresh_python(code).split()
    assert out == ["False", "refused"]


def _latin_face(name: str) -> TTFont:
    """The bundled Latin sans face registered under ``name``."""
    font = TTFont(name, face_path(BUNDLED["sans"].latin_regular))
    pdfmetrics.registerFont(font)
    return font


def _draw_line(text: Any, font: str, words: list[str]) -> None:
    """What a line of ``TextBlock`` does with a text object: place, space, set, show."""
    text.setFont(font, 10.5)
    text.setFillColor(HexColor("#336699"))
    for index, word in enumerate(words):
        text.setTextOrigin(12.25 + 40 * index, 700.125)
        text.setCharSpace(0.5 * index)
        text.textOut(word)
        text.textOut(word[::-1])  # its characters known: their codes read back
        if index == 1:
            text.setFont("Helvetica", 9)  # a font that is not a TrueType one
            text.textOut("(x)")
            text.setFont(font, 12)
    text.setCharSpace(0)
    text.textOut("")


def test_a_line_text_object_writes_what_reportlabs_writes() -> None:
    font = _latin_face("AdapterLineFace")
    covered = sorted(c for c in font.face.charToGlyph if c > 32)[:700]
    words = ["plain", "a(b)c\\d", "".join(map(chr, covered[:300])), "é\u00a0ü", "\u00a0 ",
             "".join(map(chr, covered[300:])), "\uffff", "plain"]
    made = []
    for make in (lambda c: c.beginText(), pdf_adapter.begin_line):
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, invariant=1)
        text = make(canvas)
        _draw_line(text, "AdapterLineFace", words)
        canvas.drawText(text)
        code = list(pdf_adapter.page_code(canvas))
        canvas.showPage()
        canvas.save()
        made.append((code, buffer.getvalue()))
    assert made[0] == made[1]
    shown = made[0][0][-1]
    fonts = set(re.findall(r"/(F[0-9+]+) [0-9.]+ Tf", shown))
    assert {"F2+0", "F2+1", "F2+2", "F1"} <= fonts  # three subsets, and Helvetica


_SHOWN = re.compile(r"/F[0-9+]+ [0-9.]+ Tf|\((?:[^\\)]|\\.)*\) Tj")
"""A font's subset set (``Tf``) and a text shown (``Tj``) in a page's content."""


def _shown_by_plan(canvas: Canvas, font: str, lines: list[list[str]]) -> list[str]:
    """The ``Tf`` and ``Tj`` operators of ``lines`` of words drawn by plans on ``canvas``."""
    for words in lines:
        plan = [pdf_adapter.font_step(font, 10.5)]
        plan += [(pdf_adapter.SHOW, word, None) for word in words]
        pdf_adapter.draw_plan(canvas, plan, 12.25, 700.125)
    return _SHOWN.findall(" ".join(pdf_adapter.page_code(canvas)))


def test_a_plan_shows_a_text_again_as_its_document_first_showed_it() -> None:
    """A text's pieces are kept with the document's canvas: the same operators as a text
    object writes, a text shown again in the same document and in several subsets alike;
    another document gives characters their codes afresh, in the order it shows them."""
    font = _latin_face("AdapterPlanFace")
    covered = sorted(c for c in font.face.charToGlyph if c > 255)[:300]
    many = "".join(map(chr, covered))  # two subsets
    lines = [["\u00e9", "plain", many, "\u00e9\u00fc"], ["\u00e9\u00fc", many, "plain"]]
    planned = Canvas(io.BytesIO(), pagesize=A4)
    shown = _shown_by_plan(planned, "AdapterPlanFace", lines)
    by_text_object = Canvas(io.BytesIO(), pagesize=A4)
    for words in lines:
        text = by_text_object.beginText()
        text.setFont("AdapterPlanFace", 10.5)
        for word in words:
            text.textOut(word)
        by_text_object.drawText(text)
    assert shown == _SHOWN.findall(" ".join(pdf_adapter.page_code(by_text_object)))
    assert len({op for op in shown if op.endswith("Tf")}) == 2  # both subsets shown
    assert shown[3:6] == shown[15:18]  # ``many`` again (a piece in each subset)
    assert shown[1] == "(\\001) Tj"  # é took the first code
    other = _shown_by_plan(Canvas(io.BytesIO(), pagesize=A4), "AdapterPlanFace",
                           [["\u00fc", "\u00e9\u00fc"]])
    assert other[1:] == ["(\\001) Tj", "(\\002\\001) Tj"]  # ü first in the other document


def test_a_line_text_object_on_a_canvas_drawn_top_down_is_reportlabs() -> None:
    _latin_face("AdapterLineFace")
    canvases = [Canvas(io.BytesIO(), pagesize=A4, bottomup=0) for _ in range(2)]
    texts = [canvases[0].beginText(), pdf_adapter.begin_line(canvases[1])]
    for text in texts:
        _draw_line(text, "AdapterLineFace", ["top", "down"])
    assert texts[0].getCode() == texts[1].getCode()


def test_compression_is_zlibs_once_per_input() -> None:
    kept = pdf_adapter._Compressed(budget=3000)
    first = kept(b"a" * 1000)
    assert first == zlib.compress(b"a" * 1000)
    assert kept("a" * 1000) is first  # text compressed as its UTF-8 bytes
    assert kept(b"b" * 1000) == zlib.compress(b"b" * 1000)
    kept(b"c" * 1000)  # beyond the budget: the least recently used forgotten
    assert b"a" * 1000 not in kept.kept and b"c" * 1000 in kept.kept
    assert kept.size <= 3000
    assert kept(b"a" * 1000) == first


def test_reportlabs_streams_compress_through_the_remembered_compression() -> None:
    from reportlab.pdfbase import pdfdoc

    import ipdocs.writers.pdf  # noqa: F401  (installs it)

    assert pdfdoc.PDFZCompress.encode is pdf_adapter.compressed
    assert pdfdoc.PDFZCompress.encode(b"xyz") == zlib.compress(b"xyz")


def test_a_faces_subsets_are_made_once() -> None:
    font = _latin_face("AdapterSubsetFace")
    subset = [0, *range(65, 91)]
    made = pdf_adapter._remembered_subset(font.face, subset)
    assert made == pdf_adapter._make_subset(font.face, subset)
    assert pdf_adapter._remembered_subset(font.face, list(subset)) is made
    assert pdf_adapter._remembered_subset(font.face, [0, 66]) != made


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
       st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6))
def test_a_number_is_spelt_as_reportlab_spells_it(x: float, y: float) -> None:
    assert pdf_adapter.number(x) == fp_str(x)
    assert pdf_adapter.number(x) == fp_str(x)  # remembered
    assert f"{pdf_adapter.number(x)} {pdf_adapter.number(y)}" == fp_str(x, y)


def _reportlab_encoding(value: Any) -> Any:
    """reportlab's own encoding of ``value``, or the error it raises."""
    try:
        return pdf_adapter._REPORTLAB_ENCODE(value)
    except UnicodeEncodeError as exc:
        return type(exc)


@given(st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=0x7F)),
                 st.binary()))
def test_text_is_encoded_as_reportlab_encodes_it(value: Any) -> None:
    try:
        ours = pdf_adapter.pdfdoc_bytes(value)
    except UnicodeEncodeError as exc:
        ours = type(exc)
    assert ours == _reportlab_encoding(value)


def test_every_ascii_character_is_encoded_as_reportlab_encodes_it() -> None:
    for code in range(0x80):
        assert _encoded(chr(code)) == _reportlab_encoding(chr(code)), hex(code)
    from reportlab.pdfbase import pdfdoc

    import ipdocs.writers.pdf  # noqa: F401  (installs it)

    assert pdfdoc.pdfdocEnc is pdf_adapter.pdfdoc_bytes


def _encoded(value: str) -> Any:
    """``pdfdoc_bytes(value)``, or the error it raises."""
    try:
        return pdf_adapter.pdfdoc_bytes(value)
    except UnicodeEncodeError as exc:
        return type(exc)


def test_a_reference_is_formatted_as_reportlab_formats_it() -> None:
    from reportlab.pdfbase.pdfdoc import PDFDictionary as Dictionary
    from reportlab.pdfbase.pdfdoc import format as pdf_format

    canvas = Canvas(io.BytesIO(), pagesize=A4)
    ref = pdf_adapter.reference(canvas, Dictionary({"A": 1}))
    assert pdf_adapter.is_reference(ref) and not pdf_adapter.is_reference(b"1 0 R")
    assert pdf_adapter.reference_bytes(ref, canvas._doc) == pdf_format(ref, canvas._doc)


@given(st.text(max_size=20))
def test_a_name_is_spelt_as_reportlab_spells_it(data: str) -> None:
    assert pdf_adapter.pdf_name(data) == pdf_adapter._REPORTLAB_NAME(data)
    assert pdf_adapter.pdf_name(data) == pdf_adapter._REPORTLAB_NAME(data)  # remembered
    assert pdf_adapter.pdf_name(data, "a", "z") == pdf_adapter._REPORTLAB_NAME(data, "a", "z")


@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=0x7F)), st.binary(),
                 st.integers(min_value=-10**9, max_value=10**9), st.booleans(),
                 st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6,
                           max_value=1e6)))
def test_a_value_is_formatted_as_reportlab_formats_it(value: Any) -> None:
    doc = Canvas(io.BytesIO(), pagesize=A4)._doc
    ours = _outcome(pdf_adapter.pdf_format, value, doc)
    assert ours == _outcome(pdf_adapter._REPORTLAB_FORMAT, value, doc)
    assert _outcome(pdf_adapter.pdf_format, value, doc) == ours  # remembered


def _outcome(format: Any, value: Any, doc: Any) -> Any:
    """What ``format`` makes of ``value``, or the kind of error it raises."""
    try:
        return format(value, doc)
    except UnicodeEncodeError as exc:
        return type(exc)


def test_reportlabs_objects_format_through_the_remembered_names() -> None:
    from reportlab.pdfbase import pdfdoc

    import ipdocs.writers.pdf  # noqa: F401  (installs it)

    assert pdfdoc.PDFName is pdf_adapter.pdf_name and pdfdoc.format is pdf_adapter.pdf_format
    doc = Canvas(io.BytesIO(), pagesize=A4)._doc
    made = []
    try:
        for name, format in ((pdf_adapter._REPORTLAB_NAME, pdf_adapter._REPORTLAB_FORMAT),
                             (pdf_adapter.pdf_name, pdf_adapter.pdf_format)):
            pdfdoc.PDFName, pdfdoc.format = name, format
            made.append(pdfdoc.PDFDictionary({
                "Type": pdfdoc.PDFName("Font"), "W": pdfdoc.PDFArray([1, 2.5, -0.0, "x", b"y"]),
                "A b": pdfdoc.PDFString("z")}).format(doc))
    finally:
        pdf_adapter.remember_names()
    assert made[0] == made[1] == b"<<\n/A#20b (z) /Type /Font /W [ 1 2.5 0 x y ]\n>>"


def test_font_files_are_made_one_thread_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # reportlab's face reads its bytes through one position of its own: two threads
    # making files of one face read each other's tables (a kept file would keep that).
    from ipdocs.writers.pdf import adapter

    held: list[bool] = []

    def made(face: object, subset: object) -> bytes:
        held.append(adapter._MAKING.locked())
        return b"file"

    monkeypatch.setattr(adapter, "_make_subset", made)
    class Face:
        """A face the writer remembers font files of (weakly, by the face)."""

    assert adapter._remembered_subset(Face(), [65, 66]) == b"file"
    assert held == [True] and not adapter._MAKING.locked()
