"""Building HTML as a tree of elements (the standard library's ElementTree), never as
format strings: every text and attribute value is escaped on the way out."""

from __future__ import annotations

from xml.etree import ElementTree as ET

Element = ET.Element


def tag(parent: Element | None, name: str, text: str = "", /, **attrs: str) -> Element:
    """A new element ``name`` holding ``text``, appended to ``parent`` when given; an
    attribute ``class_`` or ``for_`` is written without its underscore, ``aria_label``
    as ``aria-label``."""
    clean = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()
             if value != ""}
    element = Element(name, clean) if parent is None else ET.SubElement(parent, name, clean)
    if text:
        element.text = text
    return element


def text(parent: Element, value: str) -> None:
    """Append ``value`` to ``parent``'s content, after its last child."""
    if not value:
        return
    children = list(parent)
    if children:
        children[-1].tail = (children[-1].tail or "") + value
    else:
        parent.text = (parent.text or "") + value


def serialise(root: Element) -> bytes:
    """The document's bytes: an HTML5 doctype and the tree, UTF-8."""
    body = ET.tostring(root, encoding="unicode", method="html")
    return ("<!DOCTYPE html>\n" + body + "\n").encode("utf-8")
