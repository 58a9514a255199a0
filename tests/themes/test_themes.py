"""Themes as data: the built-in ones, user files, and clear errors."""

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
    ("name: x\n", "missing 'fonts'"),
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
    with pytest.raises(ThemeError, match="masthead uses unknown font role 'nowhere'"):
        load_theme(path)
