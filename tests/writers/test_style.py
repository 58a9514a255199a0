"""The web page's style sheet: font names quoted so a theme cannot close the sheet,
colours as #rrggbb, font stacks Han first (Latin first for Latin text, embedded faces
before all), Latin text hyphenated, the paper's size for print."""

from ipdocs.themes import load_theme
from ipdocs.writers.html.style import colour, css_string, stack, stylesheet

THEME = load_theme("briefing")


def test_a_font_name_cannot_close_the_sheet() -> None:
    assert css_string("Noto Sans") == '"Noto Sans"'
    assert css_string('a"}b') == '"a\\22 \\7d b"'


def test_colours() -> None:
    assert colour(THEME, "rise") == "#" + str(THEME.color("rise"))
    assert colour(THEME, None) == colour(THEME, "no-such-colour") == "#1A1A1A"
    assert colour(THEME, None, "FFFFFF") == "#FFFFFF"


def test_font_stacks() -> None:
    font = THEME.fonts["sans"]
    han = stack(font).split(", ")
    assert han[0] == f'"{font.east_asian}"' and han[-1] == "sans-serif"
    assert f'"{font.latin}"' in han[1:-1]
    latin = stack(font, ("Embedded Han", "Embedded Latin"), latin=True).split(", ")
    assert latin[:3] == ['"Embedded Latin"', '"Embedded Han"', f'"{font.latin}"']
    assert latin.index(f'"{font.east_asian}"') > latin.index('"Arial"')
    assert len(latin) == len(set(latin))


def test_the_sheet() -> None:
    sheet = stylesheet(THEME, ["en"])
    assert ":lang(en){hyphens:auto" in sheet
    assert "@media print{@page{size:210mm 297mm" in sheet
    assert ".s-body{" in sheet and "--rise:" in sheet
    assert ":lang(en){hyphens" not in stylesheet(THEME)
