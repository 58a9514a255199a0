"""The typesetting decisions shared by the writers: what keeps a number with its unit, read
by the PDF's line breaking, the DOCX's runs and the web page's unbreakable spans."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdocs.writers.columns import SMALLEST_SCALE, WHOLE_SCALE, is_wide
from ipdocs.writers.pdf.linebreak import AMBIGUOUS, Run, break_lines
from ipdocs.writers.typeset import (
    NO_BREAK_SPACE,
    CellMeasure,
    figures_per_row,
    fit_table,
    glued_runs,
    kept,
    kept_runs,
    pieces,
    ragged,
    script_runs,
    widest_piece,
    with_no_break_spaces,
)
from tests.writers.test_linebreak import PIECES, mono


def _kept_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in kept(text)]


def test_amounts_are_kept_whole() -> None:
    text = ("worth RMB 61.093 billion, more than 171,000 sites, nearly 9,000 items, "
            "up 2.1 percentage points and USD 64.504 million")
    assert _kept_texts(text) == ["RMB 61.093 billion", "more than 171,000", "nearly 9,000",
                                 "2.1 percentage points", "USD 64.504 million"]
    assert _kept_texts("+193% or more") == ["+193% or more"]
    assert kept("up 11.4% year on year in 2024") == []  # one-word numbers break nowhere


def test_no_break_spaces_only_inside_amounts() -> None:
    assert with_no_break_spaces("up more than 193% in 2024") == \
        f"up more{NO_BREAK_SPACE}than{NO_BREAK_SPACE}193% in 2024"
    assert pieces("a RMB 20 million b") == [("a ", False), ("RMB 20 million", True),
                                           (" b", False)]
    assert pieces("") == [("", False)]


def test_script_runs_of_han_text() -> None:
    assert script_runs("全市PCT申请量683件，Madrid System注册") == [
        ("全市PCT申请量", False), ("683", True), ("件，", False), ("Madrid System", True),
        ("注册", False)]


def test_widest_piece_holds_an_amount() -> None:
    assert widest_piece("Value involved RMB 20.6418 million") == "RMB 20.6418 million"
    assert widest_piece("法院受理知识产权案件") == "法院受理"
    assert widest_piece("") == ""


def test_narrow_english_is_ragged() -> None:
    assert ragged(200, 10, True) and not ragged(400, 10, True)
    assert not ragged(200, 10, False)  # Chinese stays justified


def test_fit_table_widens_for_amounts_and_pads() -> None:
    def measure(row: int, column: int, text: str, scale: float) -> float:
        return 5.0 * len(text) * scale

    cells = [["Indicator", "Value"], ["Valid trademarks held in the city", "RMB 20.6418 million"],
             ["Growth", "22.93"], ["Share", "71425"]]
    fit = fit_table(cells, [3, 1], ["left", "right"], 1, 300, measure, 4)
    assert fit.widths[1] >= 5 * len("RMB 20.6418 million") + 8 - 1e-6
    assert sum(fit.widths) == 300 and fit.scale == 1.0
    assert fit.pads == {(1, 3): 15.0}  # 71425 padded by the width of ".93"
    narrow = fit_table(cells, [3, 1], ["left", "right"], 1, 100, measure, 4)
    assert narrow.scale < 1.0


def test_figures_per_row_keeps_values_whole() -> None:
    assert figures_per_row([50, 60, 70], 300, 7, 3) == 3
    assert figures_per_row([50, 160, 70], 300, 7, 3) == 2
    assert figures_per_row([400], 300, 7, 3) == 1
    assert figures_per_row([], 300, 7, 3) == 1


def kept_texts(text: str) -> list[str]:
    """The stretches of ``text`` that must stay on one line."""
    return [text[start:end] for start, end in kept_runs(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("全市专利授权量71425件，同比增长11.4%", ["71425件"]),
    ("预审案件3077件，同比增长193%以上", ["3077件", "193%以上"]),
    ("由22个月缩短至3个月左右", ["22个", "3个月左右"]),
    ("近9000家企业，超过80000项", ["近9000家", "超过80000项"]),
    ("610.93亿元", ["610.93亿"]),
    ("17.1万余家", ["17.1万余"]),
    ("PCT申请量683件", ["683件"]),
    ("up 11.4% year on year", []),
    ("RMB 61.093 billion, more than 171,000", ["RMB 61.093 billion", "more than 171,000"]),
    ("第 3 位", []),
    ("", []),
])
def test_numbers_are_kept_with_units_and_qualifiers(text: str, expected: list[str]) -> None:
    assert kept_texts(text) == expected


def _breaks(text: str, width: float) -> set[int]:
    """Where the PDF breaks ``text`` into lines of ``width`` ems (offsets in the text
    without its spaces)."""
    laid = break_lines([Run(text)], [width], mono, space=0.5, em=1.0)
    ends, at = set(), 0
    for line in laid[:-1]:
        at += len("".join(u.text for u in line.units))
        ends.add(at)
    return ends


def _squeezed(text: str, index: int) -> int:
    """``index`` in ``text`` counted without its spaces."""
    return index - text[:index].count(" ")


PLAIN = [p for p in PIECES if not set(p) & AMBIGUOUS and len(p) < 10]
"""Pieces without punctuation a Chinese face sets full width and a Latin one narrow (’ …):
the web page leaves those to the browser's face, the PDF decides by their neighbours; and
without words so long the PDF breaks them inside (a URL)."""


def test_a_loose_line_never_breaks_a_number_at_its_decimal_point() -> None:
    """A loose English line may end with the head of its next word broken after a full
    stop (a URL's dots): never a number's (11.|4%)."""
    text = "ab cd ef 11.4%以上"
    for width in (8.0, 9.0, 10.0, 10.5, 11.0):
        laid = break_lines([Run(text)], [width], mono, space=0.5, em=1.0)
        assert not any(line.text.endswith(("11.", "11")) for line in laid), width


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PLAIN, "3077件", "193%以上", "3个月左右", "近9000",
                                 "超过80000", "17.1万余家"]), min_size=1, max_size=40),
       st.floats(min_value=12, max_value=30))
def test_the_pdf_never_breaks_what_the_web_page_keeps(pieces: list[str], width: float) -> None:
    """The PDF's line breaking never breaks inside a stretch the web page sets unbroken:
    one decision for both (a stretch kept fits any line this wide)."""
    text = "".join(pieces)
    breaks = _breaks(text, width)
    for start, end in glued_runs(text):
        if mono(0, text[start:end]) + 0.25 * (end - start) > width:  # with its Han–Latin
            continue  # gaps, perhaps wider than a line: broken by force
        inside = set(range(_squeezed(text, start) + 1, _squeezed(text, end)))
        assert not inside & breaks, (text[start:end], text)


def test_a_label_is_spaced_where_the_text_sets_a_han_latin_gap() -> None:
    from ipdocs.writers.typeset import spaced_label

    assert spaced_label("PCT申请量") == "PCT 申请量"
    assert spaced_label("超12个月（2024年）") == "超 12 个月（2024 年）"
    assert spaced_label("Patents granted") == "Patents granted"


def test_a_minus_a_face_lacks_is_set_as_its_hyphen_minus() -> None:
    from ipdocs.writers.typeset import minus_stand_in

    assert minus_stand_in("\u221233.33%", lambda c: c != "\u2212") == "-33.33%"
    assert minus_stand_in("\u221233.33%", lambda c: True) == "\u221233.33%"
    assert minus_stand_in("\u221233.33%", lambda c: False) == "\u221233.33%"


def test_a_duration_is_kept_with_its_number() -> None:
    """about 3 months, 31 days: a duration's unit stays with its number; a count's noun
    may wrap, and a percent's year on year is not a unit."""
    assert _kept_texts("cut from 22 months to about 3 months (31 days at the fastest)") == \
        ["22 months", "about 3 months", "31 days"]
    assert _kept_texts("within 3 working days") == ["3 working days"]
    assert kept("1,828 enterprises, up 11.4% year on year") == []


def test_an_amount_in_a_long_cell_is_kept_before_a_label_word() -> None:
    """The parallel official edition's narrow English table: the value column holds
    "about 3 months"; before, the amount was a soft floor, given up with the labels'
    longest words when not all fitted, and "months" broke inside."""
    def measure(row: int, column: int, text: str, scale: float) -> float:
        return 5.0 * len(text) * scale

    long_word = "a" * 40  # a label word too long for any width here: it wraps
    cells = [["Indicator", "Value"], [f"{long_word} applications", "3,077"],
             ["Average time", "about 3 months"]]
    fit = fit_table(cells, [3, 1], ["left", "right"], 1, 170, measure, 2)
    assert fit.widths[1] >= fit.scale * 5 * len("about 3 months") + 4 - 1e-6
    assert sum(fit.widths) == pytest.approx(170)


def _five_points(row: int, column: int, text: str, scale: float) -> float:
    """A character 5 points wide at full size."""
    return 5.0 * len(text) * scale


def test_an_amount_wider_than_a_columns_share_is_kept_whole() -> None:
    """Ningbo's insurance table in the official theme's English column: RMB 30 million
    needs more than 45% of the table, which capped its column and broke it (mil- / lion)."""
    cells = [["Indicator", "Value"], ["Financing raised with security insurance", "RMB 30 million"]]
    fit = fit_table(cells, [4.2, 1.8], ["left", "right"], 1, 140, _five_points, 4)
    assert fit.scale == 1.0
    assert fit.widths[1] >= 5 * len("RMB 30 million") + 8 - 1e-6
    assert fit.widths[0] >= 5 * len("Financing") + 8 - 1e-6


def test_amounts_shrink_below_the_labels_smallest_scale_rather_than_break() -> None:
    """Ningbo's courts table beside the Chinese: a label's amount (more than 12 months),
    a value's (RMB 900 million) and a change did not fit at 0.75 of their size."""
    cells = [["Indicator", "Value", "Change"],
             ["IP cases pending for more than 12 months", "RMB 900 million", "−33.33%"]]
    fit = fit_table(cells, [4.2, 1.8, 1.8], ["left", "right", "right"], 1, 150, _five_points, 4)
    assert WHOLE_SCALE <= fit.scale < SMALLEST_SCALE
    for column, piece in enumerate(("more than 12 months", "RMB 900 million", "−33.33%")):
        assert fit.widths[column] >= 5 * len(piece) * fit.scale + 8 - 1e-6
    assert sum(fit.widths) == pytest.approx(150)


def test_a_labels_word_keeps_its_room_though_padding_does_not_scale() -> None:
    """Guangzhou's four-column English table: the scale estimated as if the cells'
    padding shrank with the text left the header Change a point short, and it broke
    inside (Chang / e)."""
    cells = [["Indicator", "Value", "Change", "Rank"],
             ["Invention patents granted", "36,339", "+1.6%", ""]]
    fit = fit_table(cells, [4.2, 1.8, 1.8, 2.2], ["left", "right", "right", "right"], 1,
                    130, _five_points, 4)
    assert fit.widths[2] >= 5 * len("Change") * fit.scale + 8 - 1e-6
    assert fit.widths[0] >= 5 * len("Invention") * fit.scale + 8 - 1e-6


def test_a_table_a_little_short_for_its_labels_words_shrinks_a_little_more() -> None:
    """Guangzhou's English table beside the Chinese in the official DOCX: at 0.75 of its
    size its words missed the table's width by a point, and LibreOffice broke previou / s;
    a table far too narrow for its words still wraps its labels rather than shrink."""
    cells = [["Indicator", "Value", "Change"],
             ["Invention patents granted", "36,339", "up two places (on the previous ranking)"]]
    needed = sum(5 * 0.75 * len(word) + 8 for word in ("Invention", "36,339", "previous"))
    fit = fit_table(cells, [4.2, 1.8, 1.8], ["left", "right", "right"], 1, needed - 2,
                    _five_points, 4)
    assert WHOLE_SCALE <= fit.scale < SMALLEST_SCALE
    assert fit.widths[2] >= 5 * len("previous") * fit.scale + 8 - 1e-6
    assert fit.widths[0] >= 5 * len("Invention") * fit.scale + 8 - 1e-6
    far = fit_table(cells, [4.2, 1.8, 1.8], ["left", "right", "right"], 1, needed * 0.9,
                    _five_points, 4)
    assert far.scale == SMALLEST_SCALE


def test_a_word_breaks_after_its_own_hyphen_so_its_parts_need_the_room() -> None:
    """Ningbo's tables: (on the pre-campaign level) needs room for campaign, not for
    pre-campaign (both writers break after the hyphen); LibreOffice broke campaig / n
    where the column was given up for pre-campaign."""
    assert widest_piece("(on the pre-campaign level)") == "campaign"
    assert widest_piece("Cases passing pre-examination") == "examination"
    assert widest_piece("Police–enterprise IP liaison stations") == "enterprise"
    assert widest_piece("more than −5 items") == "more than −5"


def test_a_chinese_rank_wraps_before_the_labels_go_two_characters_a_line() -> None:
    """Guangzhou's table beside the English in the official theme: the rank 位居全国第4位
    held its column at seven characters, and the labels wrapped every two; its number
    with its unit (and four characters) is what stays on one line."""
    def han(row: int, column: int, text: str, scale: float) -> float:
        return 10.0 * len(text) * scale

    cells = [["指标", "数值", "排名"], ["商标有效注册量", "2329976", "位居全国第4位"],
             ["发明专利授权量全国排名", "第4位", ""]]
    fit = fit_table(cells, [4.2, 1.8, 2.2], ["left", "right", "left"], 1, 160, han, 4)
    assert fit.widths[2] >= 10 * 4 * fit.scale + 8 - 1e-6
    assert fit.widths[2] < 10 * 7 * fit.scale + 8
    assert fit.widths[0] >= 10 * 4 * fit.scale + 8 - 1e-6


def test_a_web_address_in_a_cell_needs_room_for_its_widest_part() -> None:
    """An address breaks at its slashes: its column needs room for its widest part, not
    for the whole address (which, holding digits, took the table as an amount would)."""
    address = "https://example.org/section00/section01/section02"
    assert widest_piece(address) == "section00/"
    assert widest_piece(f"See {address}") == "section00/"


def test_a_web_address_s_codes_and_long_names_are_not_to_be_hyphenated() -> None:
    """What a word processor must not hyphenate: amounts of several words and, in a web
    address, every run of letters and digits a hyphenator could break (five or more, with
    a letter); the short words, the numbers and the punctuation between them stay in the
    text's language, where LibreOffice breaks the address after a slash."""
    from ipdocs.writers.typeset import unhyphenated

    text = ("Hubei, RMB 2.231 million, http://www.hezhiquan.com/docs/view/"
            "29de3a0c18e249bd9c9a00efb02f9b0a.html and https://a.cn/MzIwNDU1NDE5Mg==/2?raw.")
    spans = [text[start:end] for start, end in unhyphenated(text)]
    assert spans == ["RMB 2.231 million", "hezhiquan", "29de3a0c18e249bd9c9a00efb02f9b0a",
                     "https", "MzIwNDU1NDE5Mg"]
    assert unhyphenated("see www.gz.gov.cn/jc/10823.html") == []


def test_a_label_takes_the_room_a_number_column_does_not_need() -> None:
    """A narrow table's labels ran to four and five lines beside numbers with half their
    cell empty (the side-by-side official edition): a label column is widened for its
    labels on two lines from the room the number columns have beyond their needs."""
    cells = [["Indicator", "Value"], ["PCT international applications", "683"],
             ["Invention patents granted", "12,593"]]
    fit = fit_table(cells, [1, 3], ["left", "right"], 1, 200, _five_points, 4)
    assert fit.widths[0] == pytest.approx(5 * len("PCT international") + 8)  # two lines
    assert fit.widths[1] >= 5 * len("12,593") + 8 and sum(fit.widths) == pytest.approx(200)


def test_a_wrapped_title_is_balanced_and_its_words_kept_whole() -> None:
    """Ningbo, / 2024: a wrapped title's measure narrows until its lines are about even,
    in as many lines; a title on one line keeps the whole measure. A Chinese title breaks
    before its bracket, not inside a word nor between a number and its unit (广州知识产权
    保护与发展状况 / （2023年度）); the indents stand where the lines do not start."""
    from ipdocs.writers.typeset import _greedy, title_indents, title_measure

    def width(text: str) -> float:
        return sum(14.0 if ord(c) > 0x2E80 else 7.0 for c in text)

    title = "Intellectual Property Development and Protection in Ningbo, 2024"
    assert _greedy(title, 430, width)[-1] == "2024"
    lines = _greedy(title, title_measure(title, 430, width), width)
    assert len(lines) == 2 and min(map(width, lines)) > 0.8 * max(map(width, lines))
    assert title_measure("Intellectual Property in Ningbo", 430, width) == 430
    chinese = "广州知识产权保护与发展状况（2023年度）"
    assert _greedy(chinese, title_measure(chinese, 240, width), width) == \
        ["广州知识产权保护与发展状况", "（2023年度）"]
    assert title_indents(40, "center") == (20, 20) and title_indents(40, "left") == (0, 40)
    assert title_indents(0, "center") == (0, 0)


def test_a_round_amount_in_words_is_kept_whole() -> None:
    """Hubei's more than a thou- / sand (LibreOffice): an amount in words after its
    qualifier is kept as one written in digits is."""
    from ipdocs.writers.typeset import kept

    text = "with 18 enterprises filing more than a hundred each and Douyu more than a thousand."
    assert [text[a:b] for a, b in kept(text)] == ["more than a hundred", "more than a thousand"]
    assert kept("a thousand cuts") == []


def test_a_round_amount_in_words_in_a_label_gets_the_room_an_amount_does() -> None:
    """Hubei's side-by-side official table broke more than a / hundred in its narrow
    label column: an amount in words is a firm floor, as one in digits is, not a word's
    soft floor capped at a share of the table."""
    cells = [["Indicator", "Value"], ["more than a hundred firms", "18"]]
    fit = fit_table(cells, [1, 4], ["left", "right"], 1, 200, _five_points, 4)
    assert fit.widths[0] >= 5 * len("more than a hundred") + 8 - 1e-6


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, " ", "more than", "知识产权"]), min_size=1,
                max_size=30),
       st.dictionaries(st.sampled_from(sorted(set("".join(PIECES)) | set(" moretha知识产权"))),
                       st.floats(min_value=0, max_value=3), min_size=1),
       st.floats(min_value=0.5, max_value=2))
def test_a_label_halved_by_bisection_breaks_where_trying_every_point_does(
        pieces: list[str], advances: dict[str, float], size: float) -> None:
    """``_halved`` searches a label's break points by bisection: the same width as
    trying each of them, for any measure that adds advances up (``CellMeasure``)."""
    from ipdocs.writers.columns import is_wide
    from ipdocs.writers.typeset import NO_START, _halved

    def width(piece: str) -> float:
        total = 0.0
        for char in piece:
            total += advances.get(char, 1.0)
        return total * size

    text = with_no_break_spaces("".join(pieces).strip())
    points = [i for i in range(1, len(text)) if text[i - 1] == " " or
              (is_wide(text[i - 1]) and is_wide(text[i]) and text[i] not in NO_START)]
    every = min((max(width(text[:i].rstrip()), width(text[i:].lstrip())) for i in points),
                default=width(text))
    assert _halved("".join(pieces), width) == every


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["more than", "a", "hundred", "THOUSAND", "Million", "billion",
                                 "RMB", "1,828", "3", "months", "%", " ", "nearly", "٣",
                                 "ſ", "知识产权", "over", "percentage points", "-", "2024",
                                 "年", "￥", "$", "\u212a", "wee\u212as", "ye\u0131rs",
                                 "as of the end of", "Up to", "USD", "US$", "HK$", "eur",
                                 "fewer than", "about", "Around", "approximately", "almost",
                                 "working days", "week", "Hours", "year", "pp", "times",
                                 "per cent", "Percent", "trillion", "or so", "and above",
                                 "or more", "\t", "17.5", "of", "the", "end", "x"]),
                min_size=1, max_size=20))
def test_kept_searches_only_text_that_may_hold_an_amount(words: list[str]) -> None:
    """``kept`` skips the search of a text with no digit and no round amount in words,
    and of ASCII text without a word an amount of several words holds: the same spans
    as searching every text with a space."""
    from ipdocs.writers.typeset import KEPT

    for text in (" ".join(words), "".join(words)):
        every = [m.span() for m in KEPT.finditer(text)
                 if any(c.isspace() for c in m.group(0))]
        assert kept(text) == every


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, " ", "more than", "知识产权"]), min_size=1,
                max_size=30),
       st.floats(min_value=0, max_value=200))
def test_a_label_halved_no_further_than_enough_never_changes_its_columns_want(
        pieces: list[str], want: float) -> None:
    """``_halved`` stops at a break that is ``enough`` (no wider than a column's want):
    the want, the wider of it and the label's least width, is the same as without."""
    from ipdocs.writers.typeset import _halved

    def width(piece: str) -> float:
        return mono(0, piece)

    text = "".join(pieces)
    least = _halved(text, width)
    found = _halved(text, width, lambda wider: wider <= want)
    assert found >= least
    assert max(want, found) == max(want, least)


@pytest.mark.parametrize("text", [
    "see https://mp.weixin.qq.com/s/29de3a0c18e249bd9c9a00efb02f9b0a for details",
    "见www.hezhiquan.gov.cn/view", "ftp://files.example.org/archive2024", "no address here",
    "WWW.EXAMPLE.COM is not one", "知识产权：//不是网址"])
def test_address_codes_are_those_of_every_address_found(text: str) -> None:
    """``address_codes`` searches only a text with :// or www.: the same spans as
    searching every text."""
    from ipdocs.writers.typeset import HYPHENATED_MIN, WEB_ADDRESS, address_codes

    every = [(a.start() + w.start(), a.start() + w.end()) for a in WEB_ADDRESS.finditer(text)
             for w in re.finditer(r"[A-Za-z0-9]+", a.group(0))
             if len(w.group(0)) >= HYPHENATED_MIN and not w.group(0).isdigit()]
    assert address_codes(text) == every


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["知识产权", "WIPO", "PCT", " ", "3077", "件", "+1.5%", "www",
                                 ".", "http", "://", "gov.cn/a", "，", "Intellectual property",
                                 "-", "’s", "(", ")"]), max_size=12))
def test_script_runs_look_for_addresses_only_where_one_may_start(words: list[str]) -> None:
    """``script_runs`` searches a text without :// or www. with a pattern that has no web
    address in it: the same runs as searching every text with the whole pattern."""
    from ipdocs.writers.typeset import _INSIDE_HAN

    text = "".join(words)
    every = [m.group(0) for m in _INSIDE_HAN.finditer(text)]
    assert [run for run, latin in script_runs(text) if latin] == every


_CELL_WORDS = ("专利", "授权量", "发明专利", "知识产权", "保护中心", "（件）", "，", "。",
               "同比增长",
               "Invention", "patents", "granted", "PCT", "international", "applications",
               "more than", "RMB", "billion", "per cent", "the", "city's", "valid",
               "trademarks", "12,593", "683", "+22.93%", "61.093", "71425", "3", "万件",
               "位居全国第4位", "-", "—", "2024", "年", "近9000", "193%以上")


def _random_cell(rng: random.Random) -> str:
    """A cell's text: a number, a unit, or a label of one to twelve words (Chinese,
    English or both, with or without spaces)."""
    kind = rng.random()
    if kind < 0.25:
        return rng.choice(["12,593", "683", "22.93", "+4.5%", "71425", "0.7", "1,828.06",
                           "-3.1", "万件", "件", "%", "193%以上"])
    joiner = rng.choice(["", " "])
    return joiner.join(rng.choice(_CELL_WORDS) for _ in range(rng.randint(1, 12)))


def _random_measure(rng: random.Random) -> tuple[Callable[[int, int, str, float], float],
                                                  list[list[str]]]:
    """A table and a measure for it: advances added up (a Han character an em, others
    their own), a header at its own size; a whole cell set as a line breaker might (a
    little narrower or wider than its pieces add up to), as ``CellMeasure`` allows."""
    rows, columns = rng.randint(1, 8), rng.randint(1, 5)
    cells = [[_random_cell(rng) for _ in range(columns)] for _ in range(rows)]
    advances = {char: rng.uniform(0.2, 0.9) for char in set("".join(_CELL_WORDS))}
    sizes = (rng.uniform(7, 12), rng.uniform(7, 12))
    whole = rng.uniform(0.9, 1.1)

    def measure(row: int, column: int, text: str, scale: float) -> float:
        ems = sum(1.0 if is_wide(c) else advances.get(c, 0.5) for c in text)
        if text == cells[row][column]:
            ems *= whole
        return ems * sizes[0 if row == 0 else 1] * scale

    return measure, cells


def test_a_label_its_column_holds_is_not_halved_yet_the_widths_are_the_same() -> None:
    """``fit_table`` halves no further a label its column's width already holds (its
    want may be wider than the least then): the widths, scale and pads of random tables
    (Chinese and English labels, numbers, units, random widths and measures) are those
    of halving every label to its least, and the wants did differ for some."""
    from ipdocs.writers import typeset

    rng = random.Random(2812)
    least = typeset._label_wants
    differed = lent = 0
    seen: list[tuple[list[float], list[float]]] = []

    def every(cells: Sequence[Sequence[str]], measure: CellMeasure, padding: float,
              scale: float, widths: Sequence[float] = ()) -> list[float]:
        wants = least(cells, measure, padding, scale)
        seen.append((wants, least(cells, measure, padding, scale, widths)))
        return wants

    for _ in range(600):
        measure, cells = _random_measure(rng)
        columns = len(cells[0])
        relative = [rng.uniform(0.5, 4) for _ in range(columns)]
        aligns = [rng.choice(["left", "right", "center"]) for _ in range(columns)]
        total, padding = rng.uniform(60, 500), rng.choice([2.0, 4.0, 5.67])
        fast = fit_table(cells, relative, aligns, 1, total, measure, padding)
        seen.clear()
        typeset._label_wants = every  # type: ignore[assignment]
        try:
            slow = fit_table(cells, relative, aligns, 1, total, measure, padding)
        finally:
            typeset._label_wants = least
        assert (fast.widths, fast.scale, fast.pads) == (slow.widths, slow.scale, slow.pads)
        differed += any(exact != held for exact, held in seen)
        lent += any(w > 0 for w in seen[0][0]) and any(w <= 0 for w in seen[0][0])
    assert differed > 50 and lent > 50
