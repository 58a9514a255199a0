"""Native, editable Word charts: a chart part with cached values and an embedded workbook.

The chart's data and frame come from ``chartxml`` (DrawingML, shared by Word and
PowerPoint, and a workbook by XlsxWriter); this module gives them their look in Word:
per-point number formats that make data labels read like the text, decline colours,
fonts, labels on one line, and the inline drawing that places the chart in the
document.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from collections import OrderedDict
from dataclasses import replace
from functools import lru_cache
from importlib.util import find_spec

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from ipdocs.base import VERSION
from ipdocs.base.kept import remembered
from ipdocs.base.zips import reproducible_zip
from ipdocs.doc import Chart
from ipdocs.themes import Font
from ipdocs.typefaces.bundled import BUNDLED, covers
from ipdocs.writers.docx.adapter import XML_LIBRARIES, r_of, set_blob
from ipdocs.writers.docx.chartxml import A, C, R, bar_chart_space, chart_workbook
from ipdocs.writers.looks import CHART_LABEL_SIZE, COMPACT_DOCX_CHART, DOCX_CHART
from ipdocs.writers.subsets import code_digest, file_digest, keeping, read_kept, write_kept
from ipdocs.writers.typeset import minus_stand_in, spaced_label

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"c": C, "a": A}
LABEL_SIZE = round(CHART_LABEL_SIZE * 100)  # hundredths of a point
AXIS_IDS = (50010001, 50010002)  # category, value
DECLINE_ROOM = 0.15
"""A share of the values' span the value axis reaches beyond the largest decline: room
for its label, clear of the category labels left of the plot."""


def _el(tag: str, **attrs: str) -> etree._Element:
    """A new element in the chart or drawing namespace (``c:tag`` / ``a:tag``)."""
    prefix, name = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{name}")
    for key, value in attrs.items():
        element.set(key, value)
    return element


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Append a new child element."""
    child = _el(tag, **attrs)
    parent.append(child)
    return child


def _fill(color: str) -> etree._Element:
    """A ``c:spPr`` with a solid fill and no outline."""
    sppr = _el("c:spPr")
    _sub(_sub(sppr, "a:solidFill"), "a:srgbClr", val=color)
    _sub(_sub(sppr, "a:ln"), "a:noFill")
    return sppr


def _text_props(fonts: tuple[str, str], size: int, lang: str) -> etree._Element:
    """A ``c:txPr``: the chart's fonts (Latin and East Asian) and language."""
    txpr = _el("c:txPr")
    _sub(txpr, "a:bodyPr")
    _sub(txpr, "a:lstStyle")
    para = _sub(txpr, "a:p")
    rpr = _sub(_sub(para, "a:pPr"), "a:defRPr", sz=str(size))
    _sub(rpr, "a:latin", typeface=fonts[0])
    _sub(rpr, "a:ea", typeface=fonts[1])
    _sub(para, "a:endParaRPr", lang=lang)
    return txpr


def _data_labels(formats: tuple[str, ...]) -> etree._Element:
    """Data labels, one number format per point so each reads as in the text."""
    dlbls = _el("c:dLbls")
    for index, code in enumerate(formats):
        dlbl = _sub(dlbls, "c:dLbl")
        _sub(dlbl, "c:idx", val=str(index))
        _sub(dlbl, "c:numFmt", formatCode=code, sourceLinked="0")
        for flag, value in (("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"),
                            ("showSerName", "0"), ("showPercent", "0"),
                            ("showBubbleSize", "0")):
            _sub(dlbl, f"c:{flag}", val=value)
    _sub(dlbls, "c:dLblPos", val="outEnd")
    for flag, value in (("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"),
                        ("showSerName", "0"), ("showPercent", "0"), ("showBubbleSize", "0")):
        _sub(dlbls, f"c:{flag}", val=value)
    return dlbls


def _style_series(ser: etree._Element, chart: Chart, colors: tuple[str, str]) -> None:
    """Series colour, decline colour per point, data labels; in the schema's order."""
    accent, fall = colors
    anchor = ser.find("c:cat", NS)
    assert anchor is not None
    anchor.addprevious(_fill(accent))
    anchor.addprevious(_el("c:invertIfNegative", val="0"))
    for index, value in enumerate(chart.series[0].values):
        if value < 0:
            dpt = _el("c:dPt")
            _sub(dpt, "c:idx", val=str(index))
            _sub(dpt, "c:invertIfNegative", val="0")
            _sub(dpt, "c:bubble3D", val="0")
            dpt.append(_fill(fall))
            anchor.addprevious(dpt)
    if chart.series[0].formats:
        anchor.addprevious(_data_labels(chart.series[0].formats))


def _axes(space: etree._Element, values: tuple[float, ...] = ()) -> None:
    """The value axis reaching ``DECLINE_ROOM`` beyond the largest decline; bars wider
    than Word's default (a gap of 60% of a bar's width between categories)."""
    val = space.find(".//c:valAx", NS)
    assert val is not None
    low, high = min((0.0, *values)), max((0.0, *values))  # no values: none below zero
    if low < 0:
        scaling = val.find("c:scaling", NS)
        assert scaling is not None
        _sub(scaling, "c:min", val=f"{low - (high - low) * DECLINE_ROOM:g}")
    bar = space.find(".//c:barChart", NS)
    assert bar is not None
    bar.find("c:axId", NS).addprevious(_el("c:gapWidth", val="60"))


def _unwrapped() -> etree._Element:
    """A ``c:txPr`` that keeps labels on one line (LibreOffice wraps a value label to fit
    a share of the chart's size: +55.02 / %)."""
    txpr = _el("c:txPr")
    _sub(txpr, "a:bodyPr", wrap="none")
    _sub(txpr, "a:lstStyle")
    _sub(_sub(txpr, "a:p"), "a:pPr")
    return txpr


def _value_labels_unwrapped(space: etree._Element) -> None:
    """Every value label on one line."""
    for dlbls in space.iterfind(".//c:dLbls", NS):
        position = dlbls.find("c:dLblPos", NS)
        assert position is not None
        position.addprevious(_unwrapped())


PLOT_SHARE = (0.42, 0.48)
"""Of a compact chart's width: where its plot begins (the category labels left of it,
at most that share, as in the PDF) and how wide it is (the value labels right of it)."""


def _every_category(space: etree._Element) -> None:
    """Every category labelled (``c:tickLblSkip``, which Word honours) and its label on
    one line, the plot the chart's whole height (a manual layout: LibreOffice otherwise
    keeps margins inside the drawing and leaves every other category out where bars
    stand as close as in a compact chart)."""
    plot = space.find(".//c:plotArea", NS)
    assert plot is not None
    layout = _el("c:layout")
    manual = _sub(layout, "c:manualLayout")
    _sub(manual, "c:layoutTarget", val="inner")
    _sub(manual, "c:xMode", val="edge")
    _sub(manual, "c:yMode", val="edge")
    for name, value in (("x", PLOT_SHARE[0]), ("y", 0.02), ("w", PLOT_SHARE[1]),
                        ("h", 0.96)):
        _sub(manual, f"c:{name}", val=f"{value:g}")
    plot.insert(0, layout)
    cat = space.find(".//c:catAx", NS)
    assert cat is not None
    cross = cat.find("c:crossAx", NS)
    assert cross is not None
    cross.addprevious(_unwrapped())
    skip = _el("c:tickLblSkip", val="1")
    after = cat.find("c:noMultiLvlLbl", NS)
    if after is not None:
        after.addprevious(skip)
    else:
        cat.append(skip)


def in_face(chart: Chart, font: Font) -> Chart:
    """A chart whose labels the font's bundled face sets whole: a minus sign it lacks set
    as its hyphen-minus, in the labels and in their number formats
    (``typeset.minus_stand_in``), so that every chart of a theme is in the theme's face
    (the official theme's FangSong has no minus sign)."""
    if font.regular_file is not None or font.bundled not in BUNDLED:
        return chart
    face = BUNDLED[font.bundled].regular

    def covered(char: str) -> bool:
        return covers(face, ord(char))

    series = tuple(replace(s, labels=tuple(minus_stand_in(t, covered) for t in s.labels),
                           formats=tuple(minus_stand_in(f, covered) for f in s.formats))
                   for s in chart.series)
    return replace(chart, series=series)


CHARTS_KEPT = 64
"""How many charts' parts a process keeps (``chart_xml``)."""

_CHARTS: OrderedDict[tuple[str, tuple[str, str], tuple[str, str], str],
                     tuple[bytes, bytes]] = OrderedDict()


def chart_xml(chart: Chart, fonts: tuple[str, str], colors: tuple[str, str],
              tag: str) -> tuple[bytes, bytes]:
    """The chart part's XML and its workbook (``chart_parts``), kept for the process by
    everything that makes them, the chart by its exact value (``repr``: 1.0 and 1.00 are
    equal numbers but print apart): a rebuild, and the outputs of a report, draw the
    same charts again. Kept in the font cache too (``_kept_parts``), for a later
    process."""
    return remembered(_CHARTS, (repr(chart), fonts, colors, tag),
                      lambda: _kept_parts(chart, fonts, colors, tag), CHARTS_KEPT)


PARTS_KIND = (f"docx-chart-parts/{XML_LIBRARIES}/"
              f"zlib{zlib.ZLIB_RUNTIME_VERSION}/{VERSION}/"
              f"python{sys.version_info[0]}.{sys.version_info[1]}/1")
"""What the font cache keeps of a chart (``_kept_parts``): its part's XML and workbook,
by the versions of what serialises and deflates them and ipdocs' (the last part: raise
it when what is kept changes); XlsxWriter's, which writes the workbook, is told by its
own ``__init__`` (``_workbook_writer``), read without importing it."""

CHARTED_BY = ("ipdocs.writers.docx.charts", "ipdocs.writers.docx.chartxml",
              "ipdocs.writers.typeset", "ipdocs.writers.columns", "ipdocs.writers.looks",
              "ipdocs.base.zips", "ipdocs.base.records", "ipdocs.base.recordinits",
              "ipdocs.doc.nodes")
"""The modules whose code makes a chart's parts (its XML, its labels spaced, its
workbook zipped again with fixed times) and spells the chart they are found by: their
source is part of what kept parts are found by (``subsets.code_digest``)."""


def _kept_parts(chart: Chart, fonts: tuple[str, str], colors: tuple[str, str],
                tag: str) -> tuple[bytes, bytes]:
    """``chart_parts``, read from the font cache where a process kept them before, else
    made and kept there (sealed with the user's key, found by all they are made of:
    ``_parts_inputs``).

    Making a chart's workbook imports XlsxWriter (some 90 M instructions of a cold Word
    build) and writes and zips a spreadsheet again; kept parts are two byte strings."""
    inputs = _parts_inputs(chart, fonts, colors, tag)
    if inputs is not None:
        kept = read_kept(PARTS_KIND, inputs)
        parts = None if kept is None else _parts_read(kept)
        if parts is not None:
            return parts
    made = chart_parts(chart, fonts, colors, tag)
    if inputs is not None:
        write_kept(PARTS_KIND, inputs, marshal.dumps(made))
    return made


def _parts_read(kept: bytes) -> tuple[bytes, bytes] | None:
    """The chart's XML and workbook ``kept`` holds; None if it cannot be read back."""
    try:
        parts = marshal.loads(kept)
    except (EOFError, TypeError, ValueError):
        return None
    if isinstance(parts, tuple) and len(parts) == 2 and all(
            isinstance(part, bytes) for part in parts):
        return parts[0], parts[1]
    return None


def _parts_inputs(chart: Chart, fonts: tuple[str, str], colors: tuple[str, str],
                  tag: str) -> bytes | None:
    """All a chart's parts are made of: the chart (every field, as its ``repr`` spells
    it), the fonts, colours and language tag, the code that makes them (``CHARTED_BY``)
    and XlsxWriter (``_workbook_writer``). None where the cache is off or has no key to
    seal with, or a part cannot be told (a source not found): the parts are then not
    kept."""
    if not keeping():
        return None
    code, writer = code_digest(CHARTED_BY), _workbook_writer()
    if code is None or writer is None:
        return None
    spelt = repr((chart, fonts, colors, tag)).encode("utf-8")
    return b"\0".join((code, writer, spelt))


@lru_cache(maxsize=1)
def _workbook_writer() -> bytes | None:
    """A SHA-256 of XlsxWriter's ``__init__`` (which holds its version), found and read
    without importing XlsxWriter (read once a process); None where it cannot be."""
    try:
        spec = find_spec("xlsxwriter")
    except (ImportError, ValueError):
        return None
    origin = None if spec is None else spec.origin
    return None if not origin else file_digest(origin)


def import_chart_writer() -> None:
    """Import what a chart's workbook is written with (``chartxml.chart_workbook``):
    XlsxWriter (some 90 M instructions, a quarter of the DOCX writer's imports), so
    that a process with nothing else to do may import it ahead of a Word file with a
    chart (``writers.formats.WriterFormat.charts``). Not where charts' parts are kept
    between runs (``keeping``): a chart made before is read back without XlsxWriter
    (``_kept_parts``), and a new one imports it as its workbook is made. (A summary's
    process that found its scale imported it for nothing, some 10 ms of the build.)"""
    if not keeping():
        import xlsxwriter  # noqa: F401


def chart_parts(chart: Chart, fonts: tuple[str, str], colors: tuple[str, str],
                tag: str) -> tuple[bytes, bytes]:
    """The chart part's XML and its workbook; ``fonts``: the Latin and East Asian
    families; ``tag``: the language its text is marked with. Category labels are spaced
    as the text is (``typeset.spaced_label``: PCT 申请量)."""
    categories = [spaced_label(c) for c in chart.categories]
    series = [(s.name, s.values) for s in chart.series]
    space = bar_chart_space(categories, series, chart.kind != "years", AXIS_IDS)
    for ser in space.iterfind(".//c:ser", NS):
        _style_series(ser, chart, colors)
    _axes(space, chart.series[0].values if chart.series else ())
    chart_element = space.find("c:chart", NS)
    assert chart_element is not None
    chart_element.tail = space.text  # what follows the chart begins a line of its own
    chart_element.addnext(_text_props(fonts, LABEL_SIZE, tag))
    space.insert(1, _el("c:roundedCorners", val="0"))
    border = _el("c:spPr")
    _sub(border, "a:noFill")
    _sub(_sub(border, "a:ln"), "a:noFill")
    chart_element.addnext(border)
    _value_labels_unwrapped(space)
    if chart.compact:
        _every_category(space)
    xml = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, reproducible_zip(chart_workbook(categories, series), fix_core_dates=True)


def _next_name(document: DocxDocument, folder: str, ext: str) -> PackURI:
    """A free part name such as /word/charts/chart3.xml."""
    used = {str(p.partname) for p in document.part.package.iter_parts()}
    index = 1
    while f"/word/{folder}/{folder[:-1]}{index}.{ext}" in used:
        index += 1
    return PackURI(f"/word/{folder}/{folder[:-1]}{index}.{ext}")


def add_chart_part(document: DocxDocument, chart: Chart, fonts: tuple[str, str],
                   colors: tuple[str, str], tag: str) -> str:
    """Add the chart part and its workbook; return the relationship id from the document.
    ``fonts``: the Latin and East Asian families; ``tag``: the language of its text."""
    xml, workbook = chart_xml(chart, fonts, colors, tag)
    package = document.part.package
    chart_name = _next_name(document, "charts", "xml")
    book_name = PackURI(f"/word/embeddings/Workbook_{chart_name.idx or 1}.xlsx")
    book = Part(book_name, CT.SML_SHEET, workbook, package)
    part = Part(chart_name, CT.DML_CHART, b"", package)
    book_rid = part.relate_to(book, RT.PACKAGE)
    space = etree.fromstring(xml)
    external = _el("c:externalData")
    external.set(f"{{{R}}}id", book_rid)
    _sub(external, "c:autoUpdate", val="0")
    space.append(external)
    set_blob(part, etree.tostring(space, xml_declaration=True, encoding="UTF-8",
                                  standalone=True))
    rid: str = document.part.relate_to(part, RT.CHART)
    return rid


def place_chart(paragraph: DocxParagraph, rid: str, width_mm: float, rows: int,
                chart_id: int, descr: str, title: str = "", compact: bool = False) -> None:
    """An inline drawing holding the chart, sized to the text width and the bar count
    as the PDF's is (``looks.DOCX_CHART``; shorter where ``compact``), described by
    ``descr`` (its alternative text) and titled ``title``."""
    cx = int(Mm(width_mm))
    per_bar, besides = COMPACT_DOCX_CHART if compact else DOCX_CHART
    cy = int(Pt(rows * per_bar + besides))
    xml = (
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{chart_id}" name="Chart {chart_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData>'
        f"</a:graphic></wp:inline></w:drawing>")
    drawing = etree.fromstring(xml)
    doc_pr = drawing.find(f".//{{{WP}}}docPr")
    assert doc_pr is not None
    doc_pr.set("descr", descr)
    if title:
        doc_pr.set("title", title)
    run = paragraph.add_run()
    r_of(run).append(drawing)
