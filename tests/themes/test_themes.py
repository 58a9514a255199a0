"""Themes as data: the built-in ones, user files, and clear errors."""

from dataclasses import replace
from pathlib import Path

import pytest

from ipdocs.themes import BUILT_IN, ThemeError, load_theme


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_themes_define_every_style(name: str) -> None:
    theme = load_theme(name)
    needed = {"body", "lead", "note", "title", "subtitle", "cover-line", "heading-1",
              "heading-2", "heading-3", "caption", "table-header", "table-cell", "key-value",
              "key-label", "key-change", "toc-title", "toc-entry", "header"}
    assert needed <= set(theme.styles)
    assert all(theme.font(style).east_asian for style in theme.styles.values())


def test_official_theme_follows_gbt_9704() -> None:
    theme = load_theme("official")
    page = theme.page
    assert (page.width, page.height, page.top, page.inside) == (210, 297, 37, 28)
    assert page.width - page.inside - page.outside == 156
    assert page.height - page.top - page.bottom == 225
    body = theme.style("body")
    assert body.size == 16 and theme.font(body).east_asian == "仿宋_GB2312"
    assert round(225 / 0.3528 / body.exact) == 22  # 22 lines of text
    assert theme.style("title").size == 22
    assert theme.font(theme.style("heading-1")).east_asian == "黑体"
    assert theme.font(theme.style("heading-2")).east_asian == "楷体_GB2312"
    assert theme.page_number.format == "— {n} —" and theme.page_number.align == "outside"
    assert theme.page_number.size == 14


def test_briefing_theme_serif_body_sans_headings() -> None:
    theme = load_theme("briefing")
    assert theme.style("body").font == "serif"
    assert theme.style("heading-1").font == "sans"
    assert theme.color("accent") == theme.accent


def test_unknown_style_falls_back_to_body() -> None:
    theme = load_theme("briefing")
    assert theme.style("nonexistent") == theme.style("body")


def test_user_theme_file(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    path = tmp_path / "mine.yaml"
    path.write_text(text.replace("name: briefing", "name: mine"), encoding="utf-8")
    assert load_theme(path).name == "mine"


@pytest.mark.parametrize(("text", "message"), [
    ("name: x\n", "1:1: error: fonts: missing: a required field"),
    ("[1, 2]\n", "a theme is a mapping"),
    ("name: [\n", "malformed YAML"),
])
def test_bad_theme_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError, match=message):
        load_theme(path)


def test_style_with_unknown_font_role(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace("body: {font: serif", "body: {font: comic"), encoding="utf-8")
    with pytest.raises(ThemeError, match=r"styles\.body uses unknown font role 'comic'"):
        load_theme(path)


def test_style_with_unknown_field(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace("body: {font: serif", "body: {colour: red, font: serif"),
                    encoding="utf-8")
    with pytest.raises(ThemeError, match=r"styles\.body.*colour"):
        load_theme(path)


def test_unknown_theme_name() -> None:
    with pytest.raises(ThemeError, match="unknown theme 'glossy'"):
        load_theme("glossy")


BRIEFING = (Path(__file__).parents[2] / "src/ipdocs/themes/briefing.yaml").read_text("utf-8")


def _problems(tmp_path: Path, text: str, name: str = "bad.yaml") -> list[str]:
    """Every problem of a theme file, file name stripped."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme(path)
    return [p.format("F").removeprefix("F:") for p in caught.value.problems]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  serif: {east_asian: Noto Serif CJK SC", "  serif: [1, 2]\n  x: {east_asian: N",
     "24:10: error: fonts.serif: Input should be a valid dictionary"),
    ("body: {font: serif, size: 10.5", "body: {font: serif, size: big",
     "27:29: error: styles.body.size: Input should be a valid number"),
    ("body: {font: serif, size: 10.5", 'body: {font: serif, size: "12"',
     "27:29: error: styles.body.size: Input should be a valid number"),
    ("title: {font: sans, size: 24, bold: true, line: 1.25, after: 10, color: accent}",
     "title: {font: sans, size: 24, color: name}",
     "30:40: error: styles.title.color: colour 'name' is neither six hex digits (1F5C7A) "
     "nor one of accent, muted, rule, fill, rise, fall"),
    ('accent: "1F5C7A"', "accent: red", "3:9: error: accent: String should match pattern"),
    ("heading-3:", "headng-3:", "error: styles: unknown style 'headng-3'"),
    ("align: justify, indent_zh: 2}", "align: justified, indent_zh: 2}",
     "27:63: error: styles.body.align: Input should be 'left', 'center', 'right' or 'justify'"),
    ("size: 9, font: sans}", "size: -9, font: sans}",
     "19:51: error: page_number.size: Input should be greater than 0"),
    ('format: "{n}"', 'format: "{n} of {m}"',
     "19:23: error: page_number.format: a page number format holds {n} once"),
    ("bundled: serif}", "bundled: comic}", "24:107: error: fonts.serif.bundled: Input should be "
     "'serif', 'sans', 'fang', 'kai' or 'song-bold'"),
    ("  width: 210", "  width: 21", "error: page.width: Input should be greater than or equal "
     "to 50"),
    ("header: {font: sans, size: 8, color: muted}", "header: {font: sans, size: 40}",
     "error: styles.header.size: a running header of 40 pt 12 mm from the top edge runs into "
     "the type area, which starts 25 mm down"),
    ("size: 9, font: sans}", "size: 60, font: sans}",
     "19:51: error: page_number.size: a page number of 60 pt does not fit the 25 mm below the "
     "type area"),
])
def test_theme_values_are_checked_and_located(tmp_path: Path, old: str, new: str,
                                               expected: str) -> None:
    assert old in BRIEFING
    found = _problems(tmp_path, BRIEFING.replace(old, new, 1))
    assert any(expected in line for line in found), found


def test_every_theme_problem_at_once(tmp_path: Path) -> None:
    text = (BRIEFING.replace('accent: "1F5C7A"', "accent: red")
            .replace("body: {font: serif, size: 10.5", "body: {font: serif, size: big")
            .replace("\n  header: {font: sans", "\n  header: {font: comic"))
    found = _problems(tmp_path, text)
    assert len(found) == 2  # the font role is checked once the values are valid
    text = BRIEFING.replace("\n  header: {font: sans", "\n  header: {font: comic")
    assert _problems(tmp_path, text) == [
        "44:18: error: styles.header.font: styles.header uses unknown font role 'comic'; "
        "roles: serif, sans"]


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
    (b"name: x\nfonts: !!binary aGVsbG8=\n", "2:8: error: the YAML tag !!binary is not allowed"),
    (b'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + b"".join(
        f"a{i}: &a{i} [".encode() + b", ".join([f"*a{i - 1}".encode()] * 9) + b"]\n"
        for i in range(1, 9)), "aliases repeat more than 10,000 values"),
])
def test_bad_theme_files_are_refused_with_their_place(tmp_path: Path, content: bytes,
                                                      message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(ThemeError, match=message):
        load_theme(path)


def test_a_theme_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ThemeError, match="is a folder"):
        load_theme(tmp_path)


def test_colour_roles_resolve_and_nothing_else(tmp_path: Path) -> None:
    theme = load_theme("briefing")
    assert theme.color("accent") == "1F5C7A" and theme.color("2B3A42") == "2B3A42"


@pytest.mark.parametrize(("file", "message"), [
    ("/dev/zero", "not a regular file"), ("missing.ttf", "no such file"),
    (".", "not a regular file"),
])
def test_font_files_must_be_files(tmp_path: Path, file: str, message: str) -> None:
    text = BRIEFING.replace("bundled: serif}", f"bundled: serif, regular_file: '{file}'}}", 1)
    found = _problems(tmp_path, text)
    assert len(found) == 1 and "fonts.serif.regular_file: font file" in found[0]
    assert message in found[0]
    found = _problems(tmp_path, BRIEFING + f"fallbacks: ['{file}#0']\n")
    assert len(found) == 1 and "fallbacks[0]: font file" in found[0] and message in found[0]
def test_official_theme_has_the_grid_and_the_heading_levels() -> None:
    theme = load_theme("official")
    assert (theme.page.chars_per_line, theme.page.lines_per_page) == (28, 22)
    fonts = [theme.font(theme.style(f"heading-{n}")).bundled for n in (1, 2, 3, 4)]
    assert fonts == ["sans", "kai", "fang", "fang"]  # 黑体, 楷体, 仿宋 bold, 仿宋
    assert theme.style("heading-3").bold and not theme.style("heading-4").bold
    assert theme.font(theme.style("title")).bundled == "song-bold"
    assert (theme.page_number.inset, theme.page_number.below) == (1, 7)
    assert theme.masthead is None


def test_a_masthead_from_theme_data(tmp_path: Path) -> None:
    text = Path("src/ipdocs/themes/official.yaml").read_text("utf-8")
    path = tmp_path / "red.yaml"
    path.write_text(text + "masthead: {text: 宁波市知识产权局, font: xbs}\n", "utf-8")
    head = load_theme(path).masthead
    assert head is not None and head.text == "宁波市知识产权局" and head.color == "C00000"
    path.write_text(text + "masthead: {text: x, font: nowhere}\n", "utf-8")
    with pytest.raises(ThemeError, match=r"masthead\.font: unknown font role 'nowhere'"):
        load_theme(path)


def test_what_a_title_page_shows_is_theme_data(tmp_path: Path) -> None:
    assert not load_theme("briefing").title_page.header
    assert not load_theme("briefing").title_page.page_number
    assert load_theme("official").title_page.page_number  # GB/T 9704 numbers every page
    path = tmp_path / "mine.yaml"
    old = "title_page: {header: false,"
    assert old in BRIEFING
    path.write_text(BRIEFING.replace(old, "title_page: {header: true,"), "utf-8")
    assert load_theme(path).title_page.header
    found = _problems(tmp_path, BRIEFING.replace(old, "title_page: {header: yes please,"))
    assert any("title_page.header: Input should be a valid boolean" in p for p in found), found


def test_a_theme_scaled_keeps_small_type_legible_and_a_grid_theme_its_sizes() -> None:
    theme = load_theme("briefing")
    small = theme.scaled(0.8)
    body, scaled = theme.style("body"), small.style("body")
    assert scaled.size == pytest.approx(body.size * 0.8)
    assert scaled.after == pytest.approx(body.after * 0.8)
    assert small.style("header").size == 7.5  # 8 pt would be 6.4: no style below 7.5
    assert theme.scaled(1.0) is theme
    assert small.for_script("body", han=False) == "body"  # no Latin variant off a grid
    official = load_theme("official")
    assert official.scaled(1.0) is official
    fitted = official.scaled(0.94)
    for name, style in official.styles.items():  # GB/T 9704 fixes the Han sizes
        assert fitted.style(fitted.for_script(name, han=True)) == style


def test_a_theme_scaled_again_by_the_same_factor_is_the_same_object() -> None:
    """A fitted brief asks for each scale of its theme at every step: made once for the
    theme object and factor, and as made afresh."""
    from ipdocs.themes import _SCALED

    for name in ("briefing", "official"):
        theme = load_theme(name)
        assert theme.scaled(0.88) is theme.scaled(0.88)
        assert theme.scaled(0.88) is not theme.scaled(0.84)
        _SCALED.clear()
        again = theme.scaled(0.88)
        assert again == theme._scaled(0.88) and again is not theme._scaled(0.88)
        other = load_theme(name)  # an equal theme of its own: scaled on its own
        assert other.scaled(0.88) is not again and other.scaled(0.88) == again


def test_a_grid_theme_scaled_sets_its_latin_text_smaller_on_half_its_pitch() -> None:
    """The official theme's brief fitted to its page sets English at three quarters of
    the grid's sizes times the fitting's scale, the body 10.5 pt (五号) at least, every
    style in the body's proportion; grid styles' English two lines to a grid line, off
    the character grid; a theme on a grid that does not say so keeps its Latin sizes."""
    official = load_theme("official")
    body = official.style("body")
    for factor, size in ((0.94, 16 * 0.75 * 0.94), (0.88, 10.56), (0.84, 10.5)):
        fitted = official.scaled(factor)
        latin = fitted.style(fitted.for_script("body", han=False))
        assert latin.size == pytest.approx(size)
        assert latin.exact == pytest.approx(body.exact / 2)  # 14.475: 1.2–1.38 × size
        assert not latin.grid
        ratio = size / body.size
        key = fitted.style(fitted.for_script("key-label", han=False))
        assert key.size == pytest.approx(official.style("key-label").size * ratio)
        assert key.line == official.style("key-label").line
        title = fitted.style(fitted.for_script("title", han=False))
        assert title.exact == pytest.approx(official.style("title").exact * ratio)
    fixed = replace(official, page=replace(official.page, latin_fitted=None))
    assert fixed.scaled(0.84) is fixed
    assert official.scalable and not fixed.scalable and load_theme("briefing").scalable


def test_a_grid_theme_set_off_its_grid_sets_han_text_as_latin_text() -> None:
    """A brief in two languages fitted to its page on the official theme's grid sets its
    Chinese as its English (``Theme.off_grid``): at the English's size at the fitting's
    scale, then smaller, in every style the same size for both scripts, off the grid
    (no character grid, the English's half pitch), in the theme's own faces (仿宋 for the
    body, 小标宋 for the title); a theme on no grid, or a grid that fixes its Latin sizes,
    is itself."""
    official = load_theme("official")
    for factor, smaller, size in ((0.84, 1.0, 10.5), (0.84, 0.88, 9.24), (0.84, 0.84, 8.82),
                                  (0.94, 1.0, 11.28)):
        fitted = official.off_grid(factor, smaller)
        for name, style in official.styles.items():
            han = fitted.style(fitted.for_script(name, han=True))
            assert han == fitted.style(fitted.for_script(name, han=False))
            assert han.font == style.font and not han.grid
            assert han.size == pytest.approx(max(style.size * size / 16,
                                                 min(style.size, 7.5)))
        assert fitted.style("body").exact == pytest.approx(official.style("body").exact / 2)
    briefing = load_theme("briefing")
    assert briefing.off_grid(0.84) is briefing
    fixed = replace(official, page=replace(official.page, latin_fitted=None))
    assert fixed.off_grid(0.84) is fixed


def test_a_size_the_type_area_cannot_hold_is_located(tmp_path: Path) -> None:
    """A 200 pt title on a narrow page was drawn off it, with exit 0."""
    text = BRIEFING.replace("  width: 210", "  width: 100").replace(
        "title: {font: sans, size: 24", "title: {font: sans, size: 200")
    assert "30:29: error: styles.title.size: 200 pt is 71 mm a character: more than the " \
           "type area (50 × 247 mm) holds" in _problems(tmp_path, text)


@pytest.mark.parametrize(("content", "message"), [
    (b"junk\n", "not a font ipdocs can read (TTLibError"),
    (None, "truncated: its glyf table ends beyond the file's 20,000 bytes"),
])
def test_a_damaged_font_file_is_refused_at_its_line(tmp_path: Path, content: bytes | None,
                                                    message: str) -> None:
    """A truncated face made the PDF writer crash (struct.error, exit 70)."""
    from tests.conftest import ROOT

    whole = (ROOT / "fonts" / "NotoSerif-Regular.ttf").read_bytes()
    (tmp_path / "face.ttf").write_bytes(whole[:20_000] if content is None else content)
    text = BRIEFING.replace("bundled: serif}", "bundled: serif, regular_file: face.ttf}", 1)
    found = _problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith("24:") and message in found[0], found


def test_a_whole_font_file_is_read(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    face = ROOT / "fonts" / "NotoSerif-Regular.ttf"
    path = tmp_path / "t.yaml"
    path.write_text(BRIEFING.replace("bundled: serif}", f"bundled: serif, regular_file: "
                                     f"'{face}'}}", 1), encoding="utf-8")
    assert load_theme(path).fonts["serif"].regular_file == str(face)
