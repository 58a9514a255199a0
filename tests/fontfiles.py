"""Tiny font files made for tests, and a stand-in for fontconfig that lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen


def _square(pen: object) -> None:
    """Draw a filled square into ``pen``."""
    pen.moveTo((100, 0))  # type: ignore[attr-defined]
    pen.lineTo((100, 700))  # type: ignore[attr-defined]
    pen.lineTo((900, 700))  # type: ignore[attr-defined]
    pen.lineTo((900, 0))  # type: ignore[attr-defined]
    pen.closePath()  # type: ignore[attr-defined]


def make_font(path: Path, chars: str, family: str = "Test Fallback", cff: bool = False) -> Path:
    """A font named ``family`` whose every glyph in ``chars`` is a square: TrueType
    outlines, or CFF ones with ``cff``."""
    names = [".notdef", *(f"u{ord(c):X}" for c in chars)]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"u{ord(c):X}" for c in chars})
    if cff:
        strings = {}
        for name in names:
            pen = T2CharStringPen(1000, None)
            _square(pen)
            strings[name] = pen.getCharString()
        builder.setupCFF(family.replace(" ", ""), {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in names:
            pen = TTGlyphPen(None)
            _square(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def fake_fontconfig(monkeypatch: pytest.MonkeyPatch, *fonts: tuple[Path, str]) -> None:
    """Make ``ipdocs.typefaces.sysfonts`` see only ``fonts`` (each a file and the characters it
    has) as the machine's faces."""
    from ipdocs.typefaces import sysfonts

    def listing(char: str) -> str:
        return "".join(f"{path}\t0\t{path.stem}\tzh-cn\t80\n" for path, chars in fonts
                       if char in chars)

    monkeypatch.setattr(sysfonts, "_fc_list", listing)
    sysfonts.find.cache_clear()
    sysfonts._fallbacks.cache_clear()
    monkeypatch.setattr(sysfonts, "_fallbacks", sysfonts._fallbacks.__wrapped__)
    monkeypatch.setattr(sysfonts, "find", sysfonts.find.__wrapped__)
