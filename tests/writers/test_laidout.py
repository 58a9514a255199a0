"""bench/laidout.py's measures of a laid-out PDF (the PDF writer's, or a DOCX as
LibreOffice lays it out): what they count and what they do not."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def bench() -> ModuleType:
    """bench/laidout.py as a module."""
    spec = importlib.util.spec_from_file_location("laidout", ROOT / "bench" / "laidout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["laidout"] = module
    spec.loader.exec_module(module)
    return module


def test_a_number_broken_inside_its_digits_is_counted() -> None:
    laidout = bench()
    for before, after in (("714", "25 件"), ("71,42", "5"), ("4,01", "3"), ("+166", "%"),
                          ("RMB 61.", "093 billion")):
        assert laidout.broken_at(before, after) == "inside a number", (before, after)


def test_a_web_address_broken_at_its_punctuation_is_no_number_broken() -> None:
    laidout = bench()
    assert laidout.broken_at("http://www.gz.gov.cn/jcdt/jc/10823", ".html") is None
    assert laidout.broken_at("see www.example.com/2024", "/report") is None
    assert laidout.broken_at("2024 年共 10823", ".5 件") == "inside a number"


def test_two_numbers_of_adjacent_table_rows_are_not_one_broken() -> None:
    """pdftotext reads a column of table values as one flow: 171 above 170,000 (the
    side-by-side edition's English table) is two values, not 171170,000 broken."""
    laidout = bench()
    assert laidout.broken_at("171", "170,000") is None
    assert laidout.broken_at("517,000", "1,280") is None
    assert laidout.broken_at("cases 1,280", "2,554 cases") is None


def line(text: str, left: float, right: float, bottom: float, page: int = 1,
         height: float = 16.0) -> object:
    """A printed line of ``text`` (one word a character) from ``left`` to ``right``."""
    laidout = sys.modules["laidout"]
    words = tuple((c, left, right) for c in text)
    return laidout.Line(words, height, left, right, page, bottom - height, bottom)


def test_the_side_by_side_grid_is_counted_column_by_column() -> None:
    """The official side-by-side edition: 22 lines a page in each column of 13
    characters, not 44 lines of both and no line of 28."""
    laidout = bench()
    han = "知识产权保护力度不断加大加"
    lines = [line(han, 80, 288, 100 + 28 * row) for row in range(22)]
    lines += [line("Intellectual property", 305, 515, 100 + 28 * row, height=14.0)
              for row in range(22)]
    lines += [line(han * 2, 80, 515, 60)]  # a title across both columns
    counts = laidout.Counts()
    laidout.grid(lines, counts, columns=2)
    assert max(counts.lines_per_page) == 22
    assert max(counts.chars_per_line) == 13
    whole = laidout.Counts()
    laidout.grid(lines, whole)
    assert max(whole.lines_per_page) == 23 and max(whole.chars_per_line) == 26


def test_a_line_across_both_columns_is_read_as_one_in_each() -> None:
    """LibreOffice sets the official side-by-side DOCX's columns on one grid, and
    pdftotext reads a line of each as one line: the English line's number then seemed
    broken from the Chinese line below it (…ty had 517,000 / 注册 51.7 万件). Split at the
    middle, each column's lines are read in turn and nothing is broken."""
    laidout = bench()
    Line = laidout.Line
    first = Line((("全市商标注册", 80, 180), ("The", 305, 330), ("city", 335, 360),
                  ("had", 365, 390), ("517,000", 395, 515)), 16.0, 80, 515, 1, 84, 100)
    second = Line((("注册", 80, 110), ("51.7", 115, 145), ("万件", 150, 188),
                   ("registered", 305, 515)), 16.0, 80, 515, 1, 112, 128)
    assert laidout.broken_at(first.text, second.text) == "from its unit"
    left, right = laidout.in_columns([[first, second]])
    assert [line.text for line in left] == ["全市商标注册", "注册 51.7 万件"]
    assert [line.text for line in right] == ["The city had 517,000", "registered"]
    assert right[0].left == 305 and right[0].right == 515
    counts = laidout.Counts()
    for lines in (left, right):
        laidout.record(lines, set(), counts)
    assert counts.broken == []


def test_a_contents_entry_across_the_page_is_not_cut_in_two() -> None:
    """A contents entry runs across both columns: it is read whole (cut, its leader
    dots looked like a loose line)."""
    laidout = bench()
    entry = laidout.Line((("5.1", 80, 95), ("Building", 100, 150), *(
        (".", x, x + 2) for x in range(160, 500, 5)), ("23", 505, 515)),
        12.0, 80, 515, 1, 84, 96)
    assert laidout.in_columns([[entry]]) == [[entry]]


def test_a_word_across_the_middle_is_cut_there() -> None:
    """pdftotext joins the last characters of the Chinese column and the first of the
    English one into one word where LibreOffice's gutter is narrow."""
    laidout = bench()
    line = laidout.Line((("同比增长", 200, 264), ("125%。In", 274, 330), ("2024", 335, 360)),
                        16.0, 200, 360, 1, 84, 100)
    left, right = laidout._halves(line, 314.0)
    assert left.text == "同比增长 125%。" and left.right == 314.0
    assert right.text == "In 2024" and right.left == 314.0


def test_an_english_word_across_the_middle_is_not_cut() -> None:
    """A chart's title across the page: Year-on-year is not read as r-on-year, a
    hyphenated word that the text does not have."""
    laidout = bench()
    line = laidout.Line((("同比增速", 200, 264), ("Year-on-year", 270, 330)), 16.0, 200, 330,
                        1, 84, 100)
    left, right = laidout._halves(line, 297.0)
    assert left.text == "同比增速" and right.text == "Year-on-year"


def test_a_web_address_hyphenated_at_a_line_s_end_is_counted() -> None:
    """A hyphen an address does not have, printed where its line breaks (LibreOffice
    hyphenated Hubei's codes), would be typed with it: counted; the address's own
    hyphen and a break at its punctuation are not."""
    laidout = bench()
    assert laidout.broken_at("2019, http://www.hezhiquan.com/docs/view/29de3a0c18e249bd9c9a00ef-",
                             "b02f9b0a.html") == "hyphenated address"
    assert laidout.broken_at("网，https://freewechat.com/a/MzI-", "wNDU1NDE5Mg==/2") == \
        "hyphenated address"
    assert laidout.broken_at("see http://www.example.com/year-", "book.html",
                             {"year-book"}) is None
    assert laidout.broken_at("http://www.hezhiquan.com/docs/view/", "29de.html") is None


def test_a_number_above_an_ordinal_is_no_unit_broken() -> None:
    """第 begins an ordinal (第4位), never a number's unit: 151981 above 第4位 is the value
    of one table row above the next row's rank (a value column read as one flow)."""
    laidout = bench()
    assert laidout.broken_at("151981", "第 4 位") is None
    assert laidout.broken_at("有效发明专利量 151981", "件，位居全国第 4") == "from its unit"


def test_the_address_probe_writes_what_each_variant_says(tmp_path: Path) -> None:
    """The probe of a web address in LibreOffice (``--probe-address``): the code of no
    language and not proofed in every variant but code-en, .html in its variant's
    language, Word's wordWrap off in its variant, and no invisible character."""
    import zipfile

    laidout = bench()
    _, code, tail = laidout.ADDRESS_PROBE
    for variant, tail_lang in (("current", "en-GB"), ("tail-zh", "zh-CN"),
                               ("wordwrap", "en-GB")):
        path = tmp_path / f"{variant}.docx"
        laidout.address_document(variant, path)
        xml = zipfile.ZipFile(path).read("word/document.xml").decode()
        assert f'<w:noProof/><w:lang w:val="x-none"/></w:rPr><w:t>{code}</w:t>' in xml
        assert f'<w:lang w:val="{tail_lang}"/></w:rPr><w:t>{tail}</w:t>' in xml
        assert ('<w:wordWrap w:val="0"/>' in xml) is (variant == "wordwrap")
        assert not laidout.INVISIBLE.search(xml)
