"""The reportlab internals the PDF writer reaches into, in one place.

reportlab has no public way to forget a registered font, to add an operator to a text
object, or to ask a KeepTogether what it holds and how tall it found it: the writer uses
these private names, and ``tests/writers/pdf/test_adapter.py`` fails when a release moves
them.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString


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


def set_row_heights(table: Any, heights: list[float]) -> None:
    """Fix a Table's row heights, as its ``rowHeights`` argument would: its next wraps
    set its rows at them (its cells no longer measured), and the parts it splits into
    keep them (reportlab gives each part its rows' heights). The places of its spanned
    cells, which reportlab keeps from its first wrap, are found again."""
    table._rowHeights = table._argH = list(heights)
    vars(table).pop("_spanRects", None)


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
