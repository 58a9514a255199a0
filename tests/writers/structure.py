"""Reading a tagged PDF's structure tree with pikepdf, as a screen reader would: each
element with its type, language and the text of the content it marks, in tree order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}


def _cmap(font: Any) -> dict[int, str]:
    """A simple font's codes and the text they stand for (its ToUnicode bfchar lines)."""
    if "/ToUnicode" not in font:
        return {}
    data = font.ToUnicode.read_bytes().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    return out


def _decode(operands: Any, operator: str, cmap: dict[int, str]) -> str:
    """The text a text-showing operator shows."""
    strings = operands[0] if operator == "TJ" else operands[-1:]
    text = ""
    for item in strings:
        if isinstance(item, pikepdf.String):
            text += "".join(cmap.get(b, "\ufffd") for b in bytes(item))
    return text


@dataclass
class PageContent:
    """What a page's content stream marks: the text of each MCID, and what it shows outside
    any marked content (which should be nothing)."""

    texts: dict[int, str] = field(default_factory=dict)
    unmarked: list[str] = field(default_factory=list)
    artifacts: list[str] = field(default_factory=list)
    pieces: dict[int, list[tuple[str, str | None]]] = field(default_factory=dict)
    """The text of each MCID in pieces, each with the /Lang marked content inside the
    MCID's gives it (None: the element's)."""


def _property(operands: Any, key: str) -> Any:
    """An entry of a BDC operator's property list, or None."""
    if len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary):
        return operands[1].get(key)
    return None


def page_content(page: Any) -> PageContent:
    """The marked content of one page."""
    fonts = {str(name): _cmap(font) for name, font in page.Resources.get("/Font", {}).items()}
    out = PageContent()
    stack: list[tuple[str, int | None, str | None]] = []
    langs: list[str | None] = []
    cmap: dict[int, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = _property(operands, "/MCID")
            actual = _property(operands, "/ActualText")
            lang = _property(operands, "/Lang")
            langs.append(str(lang) if lang is not None else None)
            stack.append((tag, int(mcid) if mcid is not None else None,
                          str(actual) if actual is not None else None))
            if actual is not None:
                _add(out, stack[:-1], str(actual), _lang(langs[:-1]))
        elif op == "EMC":
            stack.pop()
            langs.pop()
        elif op == "Tf":
            cmap = fonts.get(str(operands[0]), {})
        elif op in TEXT_OPERATORS:
            if any(actual is not None for _, _, actual in stack):
                continue
            _add(out, stack, _decode(operands, op, cmap), _lang(langs))
        elif op == "Do":
            _add(out, stack, "", None)
    return out


def _lang(langs: list[str | None]) -> str | None:
    """The innermost /Lang of open marked content (None if none says one)."""
    return next((lang for lang in reversed(langs) if lang is not None), None)


def _add(out: PageContent, stack: list[tuple[str, int | None, str | None]], text: str,
         lang: str | None) -> None:
    """Add shown text to the innermost MCID of ``stack``, an artifact, or the unmarked."""
    for tag, mcid, _ in reversed(stack):
        if tag == "/Artifact":
            out.artifacts.append(text)
            return
        if mcid is not None:
            out.texts[mcid] = out.texts.get(mcid, "") + text
            out.pieces.setdefault(mcid, []).append((text, lang))
            return
    out.unmarked.append(text or "(form)")


@dataclass
class Node:
    """A structure element as read: type, own /Lang, language in effect, alternative and
    actual text, attributes, the text it marks directly and its kids."""

    role: str
    lang: str | None
    effective: str
    alt: str | None
    actual: str | None
    scope: str | None
    text: str
    kids: list[Node]
    links: list[str] = field(default_factory=list)
    """The descriptions (/Contents) of the link annotations it holds."""
    order: list[str | Node] = field(default_factory=list)
    """Its own marked text and its kids, in the order of its /K."""
    pieces: list[list[tuple[str, str]]] = field(default_factory=list)
    """For each of its own marked texts in ``order``, the text in pieces, each with the
    language it is read in (the element's, or a /Lang of the marked content)."""

    def spoken(self) -> list[tuple[str, str]]:
        """All the text of the element and below in order, in pieces, each with the
        language a screen reader reads it in."""
        out: list[tuple[str, str]] = []
        own = iter(self.pieces)
        for part in self.order:
            out += part.spoken() if isinstance(part, Node) else next(own)
        return out

    def walk(self) -> list[Node]:
        """The element and all below it, in order."""
        return [self, *(n for kid in self.kids for n in kid.walk())]

    def read(self) -> str:
        """All the text of the element and below, in order (an element's actual text in
        place of its content)."""
        if self.actual is not None:
            return self.actual
        return "".join(part if isinstance(part, str) else part.read() for part in self.order)


class Tagged:
    """A tagged PDF opened for reading its structure."""

    def __init__(self, path: Any) -> None:
        self.pdf = pikepdf.open(path)
        self.pages = {page.objgen: index for index, page in enumerate(self.pdf.pages)}
        self.content = [page_content(page) for page in self.pdf.pages]
        root = self.pdf.Root
        self.lang = str(root.Lang)
        self.tree = self._node(root.StructTreeRoot.K[0] if isinstance(
            root.StructTreeRoot.K, pikepdf.Array) else root.StructTreeRoot.K, self.lang)

    def _node(self, element: Any, inherited: str) -> Node:
        """One element read, with everything below it."""
        lang = str(element.Lang) if "/Lang" in element else None
        effective = lang or inherited
        page = self.pages.get(element.Pg.objgen) if "/Pg" in element else None
        kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
        text, nodes, links = "", [], []
        order: list[str | Node] = []
        pieces: list[list[tuple[str, str]]] = []

        def marked(index: int, mcid: int) -> str:
            said = self.content[index].pieces.get(mcid, [])
            pieces.append([(t, lang or effective) for t, lang in said])
            return self.content[index].texts.get(mcid, "")

        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                annotation = kid.Obj
                assert annotation.Subtype == "/Link"
                assert "/Dest" in annotation or annotation.A.S == "/URI"  # inside or out
                assert int(annotation.StructParent) >= 0
                links.append(str(annotation.Contents))
            elif isinstance(kid, int):
                assert page is not None
                order.append(marked(page, int(kid)))
                text += order[-1]
            elif kid.get("/Type") == "/MCR":
                order.append(marked(self.pages[kid.Pg.objgen], int(kid.MCID)))
                text += order[-1]
            else:
                nodes.append(self._node(kid, effective))
                order.append(nodes[-1])
        scope = element.A.get("/Scope") if "/A" in element else None

        def _text(key: str) -> str | None:
            return str(element[key]) if key in element else None

        return Node(str(element.S)[1:], lang, effective, _text("/Alt"), _text("/ActualText"),
                    str(scope)[1:] if scope is not None else None, text, nodes, links, order,
                    pieces)


def dump(node: Node, depth: int = 0) -> str:
    """The tree as indented lines (for looking at it)."""
    extra = "".join(f" {k}={v!r}" for k, v in (("lang", node.lang), ("alt", node.alt),
                                               ("actual", node.actual), ("scope", node.scope))
                    if v is not None)
    line = f"{'  ' * depth}{node.role}{extra} {node.text[:60]!r}"
    return "\n".join([line, *(dump(kid, depth + 1) for kid in node.kids)])
