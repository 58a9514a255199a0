"""The blank document a DOCX is built on (writers/docx/template.py)."""

import io
import zipfile

from docx.oxml.ns import qn

from ipdocs.themes import load_theme
from ipdocs.writers.docx.template import HYPHENATION_ZONE, blank


def _parts(document: object) -> dict[str, str]:
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    with zipfile.ZipFile(out) as package:
        return {n: package.read(n).decode("utf-8", "replace") for n in package.namelist()}


def test_nothing_of_the_template_is_left() -> None:
    parts = _parts(blank(load_theme("briefing"), ("zh-CN", "zh-CN")))
    assert not any("thumbnail" in n or "customXml" in n for n in parts)
    everything = "".join(parts.values())
    assert "ja-JP" not in everything and 'script="Jpan"' not in everything
    assert "eastAsiaTheme" not in parts["word/styles.xml"]
    assert "asciiTheme" not in parts["word/styles.xml"]


def test_defaults_name_the_themes_body_fonts_and_the_languages() -> None:
    theme = load_theme("official")
    body = theme.font(theme.style("body"))
    document = blank(theme, ("en-US", "zh-CN"))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == body.latin
    assert fonts.get(qn("w:eastAsia")) == body.east_asian
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-US" and lang.get(qn("w:eastAsia")) == "zh-CN"


def test_settings_follow_the_theme_and_hyphenation() -> None:
    official = _parts(blank(load_theme("official"), ("zh-CN", "zh-CN")))["word/settings.xml"]
    assert "<w:mirrorMargins/>" in official and "<w:evenAndOddHeaders/>" in official
    assert "autoHyphenation" not in official
    assert 'w:themeFontLang w:val="zh-CN" w:eastAsia="zh-CN"' in official
    hyphenated = _parts(blank(load_theme("briefing"), ("en-US", "zh-CN"), hyphenate=True))
    settings = hyphenated["word/settings.xml"]
    assert "<w:autoHyphenation/>" in settings
    assert f'w:hyphenationZone w:val="{HYPHENATION_ZONE}"' in settings
    assert "mirrorMargins" not in settings


def test_the_theme_part_names_the_east_asian_face() -> None:
    theme = load_theme("briefing")
    body = theme.font(theme.style("body"))
    parts = _parts(blank(theme, ("zh-CN", "zh-CN")))
    themes = [t for n, t in parts.items() if n.startswith("word/theme/")]
    assert themes and any(body.east_asian in t for t in themes)
