"""The python-docx internals the DOCX writer reaches into (writers/docx/adapter.py)."""

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from ipdocs.writers.docx import adapter


def test_elements_are_the_ones_behind_the_objects() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("text")
    table = document.add_table(rows=1, cols=3)
    assert adapter.p_of(paragraph) is paragraph._p
    assert adapter.r_of(paragraph.runs[0]).tag == qn("w:r")
    assert adapter.tbl_of(table) is table._tbl
    assert [adapter.tc_of(c).tag for c in adapter.cells_of(table)] == [qn("w:tc")] * 3


def test_story_of_furniture_holds_what_is_written_into_it() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "running"
    story = adapter.story_of(section.header)
    assert story.tag == qn("w:hdr")
    assert "running" in "".join(story.itertext())
    assert adapter.sect_pr(section) is document.element.body.sectPr


def test_set_blob_replaces_a_parts_bytes() -> None:
    document = docx.Document()
    part = Part(PackURI("/word/x.bin"), "application/octet-stream", b"old",
                document.part.package)
    adapter.set_blob(part, b"new")
    assert part.blob == b"new"


def test_a_style_added_without_the_name_check_is_the_one_python_docx_adds() -> None:
    ours = docx.Document()
    theirs = docx.Document()
    added = adapter.add_style(ours, "Key Figure")
    theirs.styles.add_style("Key Figure", WD_STYLE_TYPE.PARAGRAPH)
    assert added.name == "Key Figure" and added.type == WD_STYLE_TYPE.PARAGRAPH
    assert ours.styles.element.xml == theirs.styles.element.xml


def test_cells_of_reads_a_table_as_python_docx_does_with_and_without_merged_cells() -> None:
    document = docx.Document()
    plain = document.add_table(rows=2, cols=3)
    merged = document.add_table(rows=3, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1))  # a span across columns
    merged.cell(1, 2).merge(merged.cell(2, 2))  # and down rows
    for table in (plain, merged):
        ours = [adapter.tc_of(c) for c in adapter.cells_of(table)]
        assert ours == [c._tc for c in table._cells]
    assert len({id(c) for c in adapter.cells_of(merged)}) < 9


def test_styles_python_docx_wrote_are_parsed_when_first_read_and_saved_as_read() -> None:
    import io

    made = docx.Document()
    made.styles.add_style("Made Here", WD_STYLE_TYPE.PARAGRAPH)
    buffer = io.BytesIO()
    made.save(buffer)
    template = docx.Document(io.BytesIO(buffer.getvalue())).part._styles_part
    assert template._parsed is not None  # bytes not known as python-docx's: parsed
    read = adapter.serialised_styles(made)
    document = docx.Document(io.BytesIO(buffer.getvalue()))
    part = document.part._styles_part
    assert isinstance(part, adapter.StylesRead)
    assert part._parsed is None and part.blob == read  # opened without parsing
    assert document.styles["Made Here"].style_id == "MadeHere"  # reading parses it
    assert part._parsed is not None
    assert part.blob == read  # parsed and serialised again: the bytes read
    document.styles.add_style("Added Here", WD_STYLE_TYPE.PARAGRAPH)
    assert b"Added Here" in part.blob and b"Added Here" not in read
