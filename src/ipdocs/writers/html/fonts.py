"""The bundled faces embedded in a page as WOFF2 subsets of its characters (a theme's
``web_fonts: embed``, ``ipdocs build --embed-fonts``): a self-contained archive copy that
looks the same on every machine. WOFF2 compresses with Brotli (the ``brotli`` package)."""

from __future__ import annotations

import base64
import importlib.util
import io
from functools import lru_cache

from ipdocs.base.records import datarecord
from ipdocs.themes import Theme
from ipdocs.typefaces.bundled import family
from ipdocs.writers import RenderError
from ipdocs.writers.html.style import STYLES
from ipdocs.writers.subsets import subset_face


@datarecord(frozen=True)
class Embedded:
    """The families a font role's faces are embedded under, and their @font-face rules."""

    families: dict[str, tuple[str, str]]
    """By role: the Chinese face's family and its Latin companion's."""
    rules: str


def woff2(ttf: bytes) -> bytes:
    """A TrueType font as WOFF2 (RenderError where Brotli is not installed). Its glyphs
    are not transformed (WOFF2's glyf transform, in pure Python, took longer than the
    compression and saves a few percent)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.woff2 import WOFF2FlavorData

    if not any(importlib.util.find_spec(name) for name in ("brotli", "brotlicffi")):
        raise RenderError("embedding fonts in a web page needs the brotli package "
                          "(pip install brotli)")
    font = TTFont(io.BytesIO(ttf), recalcTimestamp=False)
    font.flavor = "woff2"
    font.flavorData = WOFF2FlavorData(transformedTables=())
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=16)
def _face_rule(name: str, filename: str, text: str, weight: int) -> str:
    """One @font-face rule: the face ``filename`` subset to ``text``, inline."""
    data = base64.b64encode(woff2(subset_face(filename, text))).decode("ascii")
    return (f'@font-face{{font-family:"{name}";font-weight:{weight};font-style:normal;'
            f"font-display:swap;src:url(data:font/woff2;base64,{data}) format(\"woff2\")}}")


def embedded_faces(theme: Theme, text: str, latin: bool = True) -> Embedded:
    """Every bundled face the theme's roles use, subset to ``text``, as @font-face rules:
    each bundled family under ``ipdocs-<bundled role>``, its Latin companion under
    ``ipdocs-<Latin family>`` (only where the page has text that is not Han, ``latin``),
    each face embedded once however many roles use it."""
    families: dict[str, tuple[str, str]] = {}
    faces: dict[tuple[str, int], str] = {}
    used = {theme.style(name).font for name in STYLES}
    for role, font in sorted(theme.fonts.items()):
        if role not in used:
            continue
        bundled = family(font.bundled)
        chinese = f"ipdocs-{font.bundled}"
        latin_name = "ipdocs-" + bundled.latin_name.replace(" ", "-")
        families[role] = (chinese, latin_name)
        faces[chinese, 400] = bundled.regular
        if bundled.bold not in (None, bundled.regular):
            faces[chinese, 700] = bundled.bold
        if latin:
            faces[latin_name, 400] = bundled.latin_regular
            faces[latin_name, 700] = bundled.latin_bold
    rules = [_face_rule(name, filename, text, weight)
             for (name, weight), filename in sorted(faces.items())]
    return Embedded(families, "".join(rules))
