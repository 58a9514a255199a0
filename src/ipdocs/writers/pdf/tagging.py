"""Tagged PDF (PDF/UA-1): the structure tree and the marked content that ties it to pages.

reportlab writes no structure, so the writer builds it itself. The block functions make
one structure element per piece of content as they make the story (so the tree is in the
order of the document, not the order of drawing: a side-by-side pair reads its left
column, then its right one); a flowable that holds an element wraps what it draws in a
marked-content sequence with a number (MCID) on the page it is drawn on. At the end of
each page everything drawn outside such a sequence (running headers, page numbers, rules,
grounds, a table's header rows repeated on the next page, the draft's mark) is wrapped as
an artifact, so no content is left neither tagged nor an artifact. At saving, the tree,
its parent tree, ``/MarkInfo``, the XMP metadata (the title, ``pdfuaid:part`` 1) go into
the file as reportlab's own objects: no second pass over the finished PDF.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape as _escape_html
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.platypus import Flowable

from ipdocs.base.records import datarecord
from ipdocs.writers.pdf.adapter import (
    add_operator,
    catalog,
    is_reference,
    last_page,
    named_annotation,
    page_code,
    page_name,
    reference,
    reference_bytes,
    set_annotation_entry,
    set_page_entry,
    shapes_unchecked,
    url_annotation,
)

PAINTING = frozenset({"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*",
                      "b", "b*", "sh", "BI"})
"""Operators that put something on the page (text, paths, images, forms, shadings)."""


@datarecord(frozen=True)
class Annotation:
    """A link annotation an element holds (as an object reference, OBJR)."""

    ref: Any
    obj: Any
    page: int


@dataclass(eq=False)
class Element:
    """A structure element: its standard type, language, alternative texts, attributes
    and kids (elements, and marked content as (page index, MCID))."""

    role: str
    lang: str = ""
    """The BCP-47 tag of its text ('' inherits the parent's)."""
    alt: str = ""
    actual: str = ""
    scope: str = ""
    """A table header cell's scope: Column or Row."""
    kids: list[Element | tuple[int, int] | Annotation] = field(default_factory=list)
    number_key: str = ""
    """A contents entry's page number: the key of the heading whose page it shows (its
    ActualText is that page's number, known only once the heading is placed)."""
    numbering: str = ""
    """A list's numbering (Decimal, Disc): its /ListNumbering attribute."""
    target: str = ""
    """A Link's address (the writer's own record: the file has it in the annotation)."""

    def add(self, role: str, lang: str = "", *, alt: str = "", scope: str = "",
            number_key: str = "") -> Element:
        """A new element of type ``role`` as this one's last kid."""
        kid = Element(role, lang, alt=alt, scope=scope, number_key=number_key)
        self.kids.append(kid)
        return kid

    def has_content(self) -> bool:
        """Whether the element or one below it marks content on a page."""
        for kid in self.kids:  # noqa: SIM110 (a loop, not any(): asked of every element)
            if not isinstance(kid, Element) or kid.has_content():
                return True
        return False


class StructTree:
    """The structure tree of one document, filled as its story is made and drawn."""

    def __init__(self, lang: str = "") -> None:
        self.root = Element("Document", lang)
        self.marked: list[list[Element]] = []
        """For each page (by index), the element each MCID on it belongs to."""
        self.numbers: dict[str, int] = {}
        """The page each heading (by key) was placed on."""
        self.annotations: list[tuple[Element, Annotation]] = []
        """Link annotations, each with the element that holds it."""

    def mark(self, element: Element, page: int) -> int:
        """A new MCID on page index ``page`` for content of ``element``."""
        while len(self.marked) <= page:
            self.marked.append([])
        mcid = len(self.marked[page])
        self.marked[page].append(element)
        element.kids.append((page, mcid))
        return mcid


def tag(flowable: Any, element: Element | None) -> Any:
    """``flowable`` holding ``element``: what it draws is that element's content."""
    flowable.tag = element
    return flowable


def _tree(canvas: Any) -> StructTree | None:
    """The structure tree a canvas fills, if it is a tagging canvas."""
    tree = getattr(canvas, "tags", None)
    return tree if isinstance(tree, StructTree) else None


class content:  # used as a function: ``with content(canvas, holder):``
    """What is drawn inside is the content of the element ``holder`` holds (see ``tag``),
    marked with a new MCID; drawn a second time (a table's header row repeated on the
    next page), it is left unmarked, and so becomes an artifact. (A class, not a
    generator's context: a render enters some 800.)"""

    __slots__ = ("_code",)

    def __init__(self, canvas: Any, holder: Any) -> None:
        self._code: list[str] | None = None
        element: Element | None = getattr(holder, "tag", None)
        tree = _tree(canvas)
        if element is None or tree is None or getattr(holder, "tag_drawn", False):
            return
        holder.tag_drawn = True
        mcid = tree.mark(element, canvas.getPageNumber() - 1)
        self._code = page_code(canvas)
        self._code.append(f"/{element.role} <</MCID {mcid}>> BDC")

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, *_: object) -> None:
        if self._code is not None and kind is None:  # closed only when drawn through
            self._code.append("EMC")


def piece_element(parent: Element, lang: str) -> Element:
    """The element a piece of ``parent``'s text in the language ``lang`` (a tag; ''
    for ``parent``'s own) is the content of: ``parent`` itself, or a Span in ``lang``
    under it (the last one, if the piece goes on from it: a piece split over lines)."""
    if not lang:
        return parent
    last = parent.kids[-1] if parent.kids else None
    if isinstance(last, Element) and last.role == "Span" and last.lang == lang:
        return last
    return parent.add("Span", lang)


class PieceMarks:
    """The marked content of a text block whose pieces are in different languages: each
    stretch of text in one language a sequence of its own, inside the block's text
    objects, for the block's element (its own language) or a Span in the piece's."""

    def __init__(self, canvas: Any, element: Element | None = None,
                 tree: StructTree | None = None) -> None:
        self.element = element
        self.tree = tree
        self.page = canvas.getPageNumber() - 1
        self.open: str | None = None

    def switch(self, text: Any, lang: str) -> None:
        """What ``text`` (a text object) shows next is in ``lang`` ('' the element's)."""
        if self.open == lang:
            return
        self.close(text)
        if self.element is None or self.tree is None:  # inside the element's one item
            if lang:
                add_operator(text, f"/Span <</Lang ({lang})>> BDC")
                self.open = lang
            return
        target = piece_element(self.element, lang)
        mcid = self.tree.mark(target, self.page)
        add_operator(text, f"/{target.role} <</MCID {mcid}>> BDC")
        self.open = lang

    def close(self, text: Any) -> None:
        """End the sequence open in ``text``, if any (before the text object ends)."""
        if self.open is not None:
            add_operator(text, "EMC")
            self.open = None


def piece_marks(canvas: Any, holder: Any) -> PieceMarks | None:
    """Marks for the pieces of the text ``holder`` draws (see ``PieceMarks``), or None
    where it is not tagged or was drawn before (a repeated header row: an artifact).

    A heading (``holder.langs_inline``) keeps one content item, its pieces in other
    languages marked by a /Lang in the content itself (ISO 32000-1, 14.9.2.2), not by
    Spans of the structure: pdfua 0.1.3 cannot check a heading of several content items
    (its rule UA-14-001 stops on the array of kids)."""
    element: Element | None = getattr(holder, "tag", None)
    tree = _tree(canvas)
    if element is None or tree is None or getattr(holder, "tag_drawn", False):
        return None
    if getattr(holder, "langs_inline", False):
        return PieceMarks(canvas)
    holder.tag_drawn = True
    return PieceMarks(canvas, element, tree)


def link(canvas: Any, holder: Any, rect: tuple[float, float, float, float]) -> None:
    """A link over ``rect`` (in the current coordinates) to the heading of the outline key
    ``holder.link`` holds, described by its text, in the structure as part of the element
    ``holder`` holds (a contents entry's Link)."""
    key, text = getattr(holder, "link", ("", ""))
    element: Element | None = getattr(holder, "tag", None)
    tree = _tree(canvas)
    if not key or element is None or tree is None:
        return
    name = f"link-{len(tree.annotations)}"
    canvas.linkRect(text, key, rect, relative=1, thickness=0, name=name)
    ref, obj = named_annotation(canvas, name)
    annotation = Annotation(ref, obj, canvas.getPageNumber() - 1)
    element.kids.append(annotation)
    tree.annotations.append((element, annotation))


def url_link(canvas: Any, element: Element | None, url: str,
             rect: tuple[float, float, float, float], text: str) -> None:
    """A link over ``rect`` (current coordinates) to ``url``, described by its ``text``;
    in the structure, an object reference in ``element`` (the Link that holds the text)."""
    ref, obj = url_annotation(canvas, url, rect, text)
    tree = _tree(canvas)
    if element is None or tree is None:
        return
    annotation = Annotation(ref, obj, canvas.getPageNumber() - 1)
    element.kids.append(annotation)
    tree.annotations.append((element, annotation))


class Segments:
    """The marked content of a text block whose text holds links, drawn segment by
    segment inside its lines' text objects: the text of a link is the content of a Link
    element of the block's element, the rest the content of the block's element or, for
    a piece in another language, of a Span in it (``piece_element``); a link in another
    language is a Link in that language. A link that goes on from one line to the next
    is one Link."""

    def __init__(self, canvas: Any, holder: Any) -> None:
        self.canvas = canvas
        self.element: Element | None = getattr(holder, "tag", None)
        self.tree = _tree(canvas)
        self.open = False
        self.key: tuple[str | None, str] = (None, "")
        self.link: Element | None = None

    def enter(self, code: list[str], url: str | None, lang: str = "") -> Element | None:
        """Start the segment of ``url`` (None: plain text) in the language ``lang`` (a
        tag; '' the block's) in a text object's ``code``, ending the one open if it
        differs; the Link element of a link segment."""
        if self.open and (url, lang) == self.key:
            return self.link if url is not None else None
        self.close(code)
        self.key = (url, lang)
        target = self._target(url, lang)
        if target is not None and self.tree is not None:
            mcid = self.tree.mark(target, self.canvas.getPageNumber() - 1)
            code.append(f"/{target.role} <</MCID {mcid}>> BDC")
            self.open = True
        return self.link if url is not None else None

    def _target(self, url: str | None, lang: str) -> Element | None:
        """The element a segment of ``url`` in ``lang`` is the content of: the block's own
        (or its Span in ``lang``), or the Link of ``url`` (a new one unless the last Link
        goes on in the same language)."""
        if self.element is None:
            self.link = None
            return None
        if url is None:
            self.link = None
            return piece_element(self.element, lang)
        if self.link is None or self.link.target != url or self.link.lang != lang:
            self.link = self.element.add("Link", lang)
            self.link.target = url
        return self.link

    def close(self, code: list[str]) -> None:
        """End the segment open, if one is (at a line's end)."""
        if self.open:
            code.append("EMC")
            self.open = False


def _hex(text: str) -> str:
    """A PDF text string in hex, UTF-16 with its byte-order mark."""
    return "<" + (codecs.BOM_UTF16_BE + text.encode("utf-16-be")).hex().upper() + ">"


@contextmanager
def actual_text(canvas: Any, text: str) -> Iterator[None]:
    """What is drawn inside reads as ``text`` (a hyphen at a line's end as a soft hyphen,
    so the word extracts whole)."""
    code = page_code(canvas)
    code.append(f"/Span <</ActualText {_hex(text)}>> BDC")
    yield
    code.append("EMC")


@contextmanager
def artifact(canvas: Any, kind: str, subtype: str = "") -> Iterator[None]:
    """What is drawn inside is an artifact of ``kind`` (Pagination, Layout, Page,
    Background) and ``subtype`` (Header, Footer, Watermark)."""
    code = page_code(canvas)
    extra = f" /Subtype /{subtype}" if subtype else ""
    code.append(f"/Artifact <</Type /{kind}{extra}>> BDC")
    yield
    code.append("EMC")


def _paints(entry: str) -> bool:
    """Whether a content entry puts something on the page."""
    return not PAINTING.isdisjoint(entry.split())


def wrap_artifacts(code: Sequence[str]) -> list[str]:
    """A page's content entries with every run drawn outside marked content that paints
    something wrapped as an artifact (the entries this module adds are whole entries, one
    operator each, so a run never starts or ends inside a text or path object)."""
    out: list[str] = []
    run: list[str] = []
    depth = 0

    def flush() -> None:
        if any(_paints(entry) for entry in run):
            out.append("/Artifact BMC")
            out.extend(run)
            out.append("EMC")
        else:
            out.extend(run)
        run.clear()

    for entry in code:
        if entry.endswith((" BDC", " BMC")):
            if depth == 0:
                flush()
            depth += 1
            out.append(entry)
        elif entry == "EMC" and depth:
            depth -= 1
            out.append(entry)
        elif depth:
            out.append(entry)
        else:
            run.append(entry)
    flush()
    return out


class Figure(Flowable):  # type: ignore[misc]
    """A flowable (a chart's drawing) drawn as the content of a Figure element; the
    figure's ``others`` (the Figures that describe it in other languages, each with its
    /Alt and /Lang) follow it with empty content at the same place."""

    def __init__(self, inner: Flowable, element: Element,
                 others: Sequence[Element] = ()) -> None:
        super().__init__()
        self.inner = inner
        self.tag = element
        self.others = list(others)
        self.hAlign = getattr(inner, "hAlign", "LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The drawing's size."""
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        """The drawing, marked as the figure's content (a chart's shapes drawn as
        made: ``adapter.shapes_unchecked``)."""
        with content(self.canv, self), shapes_unchecked:
            self.inner.drawOn(self.canv, 0, 0)
        tree = _tree(self.canv)
        if tree is None:
            return
        for other in self.others:
            if not other.has_content():  # once, not again for a repeated drawing
                mcid = tree.mark(other, self.canv.getPageNumber() - 1)
                code = page_code(self.canv)
                code += [f"/{other.role} <</MCID {mcid}>> BDC", "EMC"]


class TaggingCanvasMixin:
    """What a canvas does to tag: artifacts wrapped at the end of each page, each page
    told its place in the parent tree, the tree written before saving."""

    tags: StructTree

    def start_tagging(self, tags: StructTree, title: str, metadata: dict[str, str]) -> None:
        """Fill ``tags`` while drawing; describe the file with ``title`` and
        ``metadata`` (author, subject, language, producer) in XMP."""
        self.tags = tags
        self.xmp_title = title
        self.xmp = metadata
        self.page_names: list[str] = []

    def finish_page(self) -> None:
        """Wrap the page's unmarked content as artifacts (before reportlab closes it)."""
        code = page_code(self)
        code[:] = wrap_artifacts(code)
        self.page_names.append(page_name(self))

    def page_closed(self) -> None:
        """Tell the page just added its key in the parent tree, and that its annotations
        are visited in the order of the structure."""
        page = last_page(self)
        set_page_entry(page, "StructParents", len(self.page_names) - 1)
        set_page_entry(page, "Tabs", PDFName("S"))

    def write_tree(self) -> None:
        """Put the structure tree, the parent tree, /MarkInfo and the XMP metadata into
        the document."""
        write_structure(self, self.tags, self.page_names)
        root = catalog(self)
        root.MarkInfo = PDFDictionary({"Marked": "true"})
        root.Metadata = xmp_stream(self.xmp_title, self.xmp)


def _pages(names: Sequence[str]) -> list[PDFObjectReference]:
    """References to the pages by index."""
    return [PDFObjectReference(name) for name in names]


def _kept(element: Element) -> list[Element]:
    """The element and every element below it that marks content, in order."""
    out = [element]
    for kid in element.kids:
        if isinstance(kid, Element) and kid.has_content():
            out += _kept(kid)
    return out


def _first_page(element: Element) -> int | None:
    """The page index of the element's first marked content of its own."""
    for kid in element.kids:
        if isinstance(kid, tuple):
            return int(kid[0])
    return None


def _langs(element: Element, inherited: str, out: dict[int, str]) -> None:
    """The /Lang each element needs: its own where it differs from what it inherits."""
    own = element.lang or inherited
    if own != inherited:
        out[id(element)] = own
    for kid in element.kids:
        if isinstance(kid, Element):
            _langs(kid, own, out)


class _Raw(PDFObject):  # type: ignore[misc]
    """A PDF dictionary or array written as given: bytes, and objects reportlab formats
    (references, text strings), joined by spaces. A structure tree has a few thousand
    small dictionaries; reportlab's own sorts and formats each key of each anew (a tenth
    of the time of writing the file)."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    def format(self, document: Any) -> bytes:
        """The object's bytes (a reference, most of what is not bytes, as reportlab
        writes it, without its generic formatting)."""
        return b" ".join([part if type(part) is bytes else
                          reference_bytes(part, document) if is_reference(part) else
                          pdf_format(part, document) for part in self.parts])


def _entries(element: Element, tree: StructTree, lang: str | None) -> list[Any]:
    """An element's entries beyond its type, parent, page and kids: /Lang where it
    differs from what it inherits, /Alt, /ActualText, a header cell's /A /Scope."""
    out: list[Any] = []
    if lang is not None:
        out += [b"/Lang", PDFString(lang)]
    if element.alt:
        out += [b"/Alt", PDFString(element.alt)]
    actual = element.actual or (str(tree.numbers[element.number_key])
                                if element.number_key in tree.numbers else "")
    if actual:
        out += [b"/ActualText", PDFString(actual)]
    if element.scope:
        out += [f"/A << /O /Table /Scope /{element.scope} >>".encode()]
    if element.numbering:
        out += [f"/A << /O /List /ListNumbering /{element.numbering} >>".encode()]
    return out


def escape(text: str) -> str:
    """``text`` with &, < and > escaped for XML (as xml.sax.saxutils.escape, whose import
    pulls in urllib and http: some 10 ms of a cold build)."""
    return _escape_html(text, quote=False)


def write_structure(canvas: Any, tree: StructTree, names: Sequence[str]) -> None:
    """The structure tree root, every element with content, and the parent tree, as
    objects of the canvas's document referred to from its catalog."""
    pages = _pages(names)
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = reference(canvas, root)
    elements = _kept(tree.root)
    raws = [_Raw([]) for _ in elements]
    refs = {id(e): reference(canvas, r) for e, r in zip(elements, raws, strict=True)}
    langs: dict[int, str] = {}
    _langs(tree.root, "", langs)
    parents = {id(kid): refs[id(e)] for e in elements for kid in e.kids
               if isinstance(kid, Element) and id(kid) in refs}
    for element, raw in zip(elements, raws, strict=True):
        parts: list[Any] = [b"<< /S", PDFName(element.role).encode(), b"/P",
                            parents.get(id(element), root_ref)]
        first = _first_page(element)
        if first is not None:
            parts += [b"/Pg", pages[first]]
        kids: list[Any] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                if id(kid) in refs:
                    kids.append(refs[id(kid)])
            elif isinstance(kid, Annotation):
                kids += [b"<< /Type /OBJR /Obj", kid.ref, b"/Pg", pages[kid.page], b">>"]
            elif kid[0] == first:
                kids.append(b"%d" % kid[1])
            else:
                kids += [b"<< /Type /MCR /Pg", pages[kid[0]], b"/MCID %d >>" % kid[1]]
        parts += [b"/K", *kids] if len(kids) == 1 else [b"/K [", *kids, b"]"]
        parts += _entries(element, tree, langs.get(id(element)))
        raw.parts = [*parts, b">>"]
    nums: list[Any] = [b"<< /Nums ["]
    for index in range(len(names)):
        marked = tree.marked[index] if index < len(tree.marked) else []
        nums += [b"%d [" % index, *(refs[id(e)] for e in marked), b"]"]
    for key, (element, annotation) in enumerate(tree.annotations, start=len(names)):
        set_annotation_entry(annotation.obj, "StructParent", key)
        nums += [b"%d" % key, refs[id(element)]]
    root["K"] = PDFArray([refs[id(tree.root)]])
    root["ParentTree"] = _Raw([*nums, b"] >>"])
    root["ParentTreeNextKey"] = len(names) + len(tree.annotations)
    catalog(canvas).StructTreeRoot = root


XMP_TEMPLATE = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
{rest}   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""


def xmp_packet(title: str, metadata: dict[str, str]) -> str:
    """The XMP packet of a file: its title, author, subject, language, producer, and its
    claim to PDF/UA-1."""
    lines = []
    if metadata.get("author"):
        lines.append(f"   <dc:creator><rdf:Seq><rdf:li>{escape(metadata['author'])}"
                     "</rdf:li></rdf:Seq></dc:creator>")
    if metadata.get("subject"):
        lines.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                     f"{escape(metadata['subject'])}</rdf:li></rdf:Alt></dc:description>")
    if metadata.get("lang"):
        lines.append(f"   <dc:language><rdf:Bag><rdf:li>{escape(metadata['lang'])}"
                     "</rdf:li></rdf:Bag></dc:language>")
    if metadata.get("producer"):
        lines.append(f"   <pdf:Producer>{escape(metadata['producer'])}</pdf:Producer>")
    if metadata.get("creator"):
        lines.append(f"   <xmp:CreatorTool>{escape(metadata['creator'])}</xmp:CreatorTool>")
    rest = "".join(line + "\n" for line in lines)
    return XMP_TEMPLATE.format(title=escape(title), rest=rest)


def xmp_stream(title: str, metadata: dict[str, str]) -> PDFStream:
    """The XMP packet as an uncompressed metadata stream."""
    stream = PDFStream(PDFDictionary({"Type": PDFName("Metadata"),
                                      "Subtype": PDFName("XML")}),
                       xmp_packet(title, metadata).encode("utf-8"), filters=[])
    return stream
