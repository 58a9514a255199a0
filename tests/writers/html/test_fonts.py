"""The bundled faces embedded in a web page: WOFF2 subsets of the page's characters, each
face once under its family, Latin companions only where the page has Latin text."""

import base64
import importlib.util
import io
import re

import pytest

from ipdocs.themes import load_theme
from ipdocs.writers.html.fonts import embedded_faces, woff2

needs_brotli = pytest.mark.skipif(
    not any(importlib.util.find_spec(n) for n in ("brotli", "brotlicffi")),
    reason="needs the brotli package for WOFF2")


@needs_brotli
def test_woff2_keeps_the_glyphs() -> None:
    from fontTools.ttLib import TTFont

    sheet = embedded_faces(load_theme("briefing"), "知识产权", latin=False).rules
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", sheet)
    assert data is not None
    font = TTFont(io.BytesIO(base64.b64decode(data.group(1))))
    assert font.flavor == "woff2"
    assert {ord(c) for c in "知识产权"} <= set(font.getBestCmap())


@needs_brotli
def test_each_face_once_and_latin_only_where_needed() -> None:
    theme = load_theme("briefing")
    with_latin = embedded_faces(theme, "知识产权 IP")
    without = embedded_faces(theme, "知识产权", latin=False)
    assert with_latin.families == without.families
    for chinese, latin in with_latin.families.values():
        assert chinese.startswith("ipdocs-") and latin.startswith("ipdocs-")
        assert f'font-family:"{latin}"' in with_latin.rules
        assert f'font-family:"{latin}"' not in without.rules
    faces = re.findall(r'font-family:"([^"]+)";font-weight:(\d+)', with_latin.rules)
    assert len(faces) == len(set(faces))


def test_woff2_without_brotli_is_a_render_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipdocs.writers import RenderError

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RenderError, match="needs the brotli package"):
        woff2(b"")
