"""The python-docx internals the DOCX writer uses, exercised on the installed library: a
release that moves one fails here, not in a user's build (reportlab's: pdf/test_adapter.py)."""


import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from ipdocs.writers.docx import adapter as docx_adapter


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


def test_python_docx_default_template_and_styles_member() -> None:
    """``default_template`` is the file ``docx.Document()`` opens (a template written
    there is the one opened), and ``styles_member`` the zip member a saved document's
    styles are in."""
    import io
    import zipfile
    from pathlib import Path

    template = Path(docx_adapter.default_template())
    document = docx.Document(str(template))
    assert document.styles.element.xml == docx.Document().styles.element.xml
    saved = io.BytesIO()
    document.save(saved)
    member = docx_adapter.styles_member(document)
    with zipfile.ZipFile(template) as shipped, zipfile.ZipFile(saved) as package:
        assert member in shipped.namelist()
        assert package.read(member) == document.part._styles_part.blob
