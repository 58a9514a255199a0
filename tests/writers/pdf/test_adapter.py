"""The reportlab internals the PDF writer reaches into (``writers/pdf/adapter.py``): each
fails here, not deep in a build, when a reportlab release moves it."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepTogether, Spacer, Table

from ipdocs.typefaces.bundled import BUNDLED
from ipdocs.writers.pdf import adapter as pdf_adapter


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
