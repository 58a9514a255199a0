"""The library internals the writers use, exercised on the installed libraries: a release
of python-docx or reportlab that moves one fails here, not in a user's build."""

import io

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Spacer

from ipdocs.typefaces.bundled import BUNDLED
from ipdocs.writers.docx import adapter as docx_adapter
from ipdocs.writers.pdf import adapter as pdf_adapter


def test_python_docx_elements_behind_its_objects() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("text")
    run = paragraph.runs[0]
    table = document.add_table(rows=2, cols=2)
    assert docx_adapter.p_of(paragraph).tag == qn("w:p")
    assert docx_adapter.r_of(run).tag == qn("w:r")
    assert docx_adapter.tbl_of(table).tag == qn("w:tbl")
    cells = docx_adapter.cells_of(table)
    assert len(cells) == 4 and isinstance(cells[0], docx_adapter.Cell)
    assert docx_adapter.tc_of(cells[0]).tag == qn("w:tc")
    assert docx_adapter.sect_pr(document.sections[0]).tag == qn("w:sectPr")
    assert docx_adapter.story_of(document.sections[0].header).tag == qn("w:hdr")
    assert docx_adapter.story_of(document.sections[0].footer).tag == qn("w:ftr")
    part = Part(PackURI("/word/extra.xml"), "application/xml", b"<a/>", document.part.package)
    docx_adapter.set_blob(part, b"<b/>")
    assert part.blob == b"<b/>"


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
