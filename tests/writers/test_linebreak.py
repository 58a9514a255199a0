"""Line breaking: kinsoku, numbers with units, gaps, justification, long words."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipdocs.writers.columns import is_wide
from ipdocs.writers.pdf.hyphens import english
from ipdocs.writers.pdf.linebreak import (
    AMBIGUOUS,
    GRID_SPREAD,
    MAX_EXTRA_EM,
    NO_END,
    NO_START,
    Line,
    Run,
    Setting,
    Unit,
    _broken,
    _extent,
    _prepared,
    break_lines,
    latin_context,
    set_alike,
)
from ipdocs.writers.typeset import is_url, pieces, url_breaks


def mono(style: int, text: str) -> float:
    """A measure in ems: Han characters 1, everything else a half."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


def lines(text: str, width: float, **options: object) -> list[Line]:
    """Lay out ``text`` in lines of ``width`` ems."""
    runs = options.pop("runs", None) or [Run(text)]
    return break_lines(runs, [width], mono, space=0.5, em=1.0, **options)  # type: ignore[arg-type]


def violations(laid: list[Line]) -> list[str]:
    """Lines that start or end with a forbidden character (a web address broken at the
    line before may start with its dot)."""
    bad = []
    for index, line in enumerate(laid):
        text = line.text
        if index and text[0] in NO_START and not line.units[0].url:
            bad.append(f"starts with {text[0]!r}: {text}")
        if index < len(laid) - 1 and text[-1] in NO_END:
            bad.append(f"ends with {text[-1]!r}: {text}")
    return bad


def test_no_line_starts_with_closing_punctuation() -> None:
    text = "甲乙丙丁戊己庚辛壬，癸子丑寅卯辰巳午未。"
    laid = lines(text, 9)
    assert violations(laid) == []
    assert laid[0].text == "甲乙丙丁戊己庚辛"
    assert laid[1].text.startswith("壬，")


def test_no_line_ends_with_opening_punctuation() -> None:
    laid = lines("甲乙丙丁戊己庚辛《宁波市专利办法》", 9)
    assert violations(laid) == []
    assert laid[0].text == "甲乙丙丁戊己庚辛"


def test_number_stays_with_its_unit() -> None:
    laid = lines("甲乙丙丁戊己庚辛壬71425件，同比增长11.4%。", 12)
    assert all("71425件" in line.text or "71425" not in line.text for line in laid)
    assert any(line.text.endswith("。") or "11.4%。" in line.text for line in laid)


def test_keep_runs_never_break() -> None:
    runs = [Run("In 2024, the city granted "), Run("RMB 61.093 billion", keep=True),
            Run(" of loans.")]
    laid = lines("", 16, runs=runs)
    assert any("RMB 61.093 billion" in line.text for line in laid)


def test_english_breaks_at_spaces_only() -> None:
    sentence = "Intellectual property pledge financing reached a record."
    laid = lines(sentence, 12)
    assert [w for line in laid for w in line.text.split(" ")] == sentence.split(" ")


def test_quarter_em_between_han_and_latin() -> None:
    laid = lines("专利PCT申请", 40, justify=False)
    units = laid[0].units
    assert [u.text for u in units] == ["专", "利", "PCT", "申", "请"]
    assert units[2].x == pytest.approx(2.25)
    assert units[3].x == pytest.approx(2.25 + 1.5 + 0.25)


def test_justified_lines_fill_the_measure() -> None:
    laid = lines("甲乙丙丁戊己庚辛壬，癸子丑寅卯辰巳午未。", 9)
    first = laid[0]
    end = first.units[-1].x + first.units[-1].width
    assert end == pytest.approx(9)
    last = laid[-1]
    assert last.units[-1].x + last.units[-1].width < 9


def test_a_word_longer_than_the_line_is_broken() -> None:
    laid = lines("https://example.org/a/very/long/path", 5)
    assert "".join(line.text for line in laid) == "https://example.org/a/very/long/path"


def test_first_line_width_differs() -> None:
    laid = break_lines([Run("甲乙丙丁戊己庚辛壬癸")], [3, 5], mono, space=0.5, em=1.0)
    assert [len(line.text) for line in laid] == [3, 5, 2]


def test_empty() -> None:
    assert lines("", 10) == []


def cjk(style: int, text: str) -> float:
    """A measure in ems where style 0 is a Chinese face (“ ” ‘ ’ … full width) and style 1
    a Latin one (everything not Han half an em)."""
    return sum(1.0 if is_wide(c) or (style == 0 and c in AMBIGUOUS) else 0.5 for c in text)


def laid_out(text: str, width: float, **options: object) -> list[Line]:
    """``text`` in lines of ``width`` ems, measured by ``cjk``."""
    runs = options.pop("runs", None) or [Run(text)]
    return break_lines(runs, [width], cjk, space=0.5, em=1.0, **options)  # type: ignore[arg-type]


def unit(line: Line, text: str) -> Unit:
    """The unit of ``line`` whose text is ``text``."""
    return next(u for u in line.units if u.text == text)


@pytest.mark.parametrize(("text", "before", "after"),
                         [("平台，2024年", "，", "2024"), ("34.4%；PCT申请", "；", "PCT"),
                          ("中心（TISC）。", "（", "TISC"), ("中心（TISC）。", "TISC", "）")])
def test_no_han_latin_gap_beside_full_width_punctuation(text: str, before: str,
                                                         after: str) -> None:
    line = laid_out(text, 40, justify=False)[0]
    assert unit(line, after).x == pytest.approx(unit(line, before).end)


def test_the_han_latin_gap_stays_between_letters() -> None:
    line = laid_out("平台，2024年", 40, justify=False)[0]
    assert unit(line, "年").x == pytest.approx(unit(line, "2024").end + 0.25)


@pytest.mark.parametrize(("text", "width"), [
    ("甲乙丙丁戊己庚同比增长193%以上，乙丙", 14.5),
    ("甲乙丙丁戊己庚辛缩短至3个月左右。", 15.5),
    ("甲乙丙丁戊己庚辛壬同比增长3日以内。", 16.5),
    ("甲乙丙丁戊己庚辛壬存量达近9000件。", 13.2),
    ("甲乙丙丁戊己庚辛市场主体17.1万余家。", 15.5),
])
def test_a_qualifier_stays_with_its_number(text: str, width: float) -> None:
    laid = laid_out(text, width)
    assert violations(laid) == []
    for first, second in itertools.pairwise(laid):
        joint = first.text[-3:] + "|" + second.text[:3]
        for word in ("以|上", "以|内", "左|右", "月|左", "万|余", "近|9", "个|月"):
            assert word not in joint, joint


def test_adjacent_closing_and_opening_marks_are_half_width() -> None:
    line = laid_out("甲。”乙（“丙", 40, justify=False)[0]
    assert unit(line, "。").end == pytest.approx(1.5)  # set half width before ”
    assert unit(line, "”").end == pytest.approx(2.5)
    assert unit(line, "（").end == pytest.approx(4.5)  # full width
    assert unit(line, "“").x == pytest.approx(4.0)  # its blank half cut on the left
    assert unit(line, "丙").x == pytest.approx(5.0)


def test_a_closing_mark_at_the_end_of_a_line_sets_half_width_to_fit() -> None:
    laid = laid_out("甲乙丙丁戊己庚辛壬，癸子丑", 9.5)
    assert laid[0].text == "甲乙丙丁戊己庚辛壬，"
    assert laid[0].end == pytest.approx(9.5)


def test_a_line_squeezes_its_marks_rather_than_stretch_a_lot() -> None:
    laid = laid_out("甲，乙，丙，丁戊己庚辛壬癸子丑寅卯", 10.7)
    assert laid[0].text == "甲，乙，丙，丁戊己庚辛"
    assert laid[0].end == pytest.approx(10.7)
    assert all(0 < unit(laid[0], "，").trim < 0.5 for _ in range(1))


def test_a_full_line_before_a_closing_mark_is_squeezed_not_letter_spaced() -> None:
    """The classic push-out: the mark cannot start a line, so the character before it would
    go down with it and the line be stretched by an em; squeezing its other marks takes
    the pair in instead."""
    text = "甲乙，丙丁，戊己庚辛，壬癸子"
    laid = laid_out(text, 10)
    assert laid[0].text == "甲乙，丙丁，戊己庚辛，"


def test_no_runt_last_line() -> None:
    laid = laid_out("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉天。", 10)
    assert len(laid[-1].text) > 2
    assert violations(laid) == []


def test_a_runt_is_taken_into_the_line_before_where_it_fits_squeezed() -> None:
    laid = laid_out("甲，乙，丙，丁，戊己庚辛壬，天。", 10)
    assert [line.text for line in laid] == ["甲，乙，丙，丁，戊己庚辛壬，天。"] or \
        len(laid[-1].text) > 2


def test_latin_punctuation_in_latin_text() -> None:
    assert latin_context("Ningbo’s IP…") == [c in "’…" for c in "Ningbo’s IP…"]
    assert not any(latin_context("专业“161工程”重点"))
    assert not any(latin_context("入选“Double First-Class”。"))
    assert latin_context("……") == [False, False]


def test_latin_punctuation_in_a_latin_face_is_narrow() -> None:
    line = laid_out("", 40, justify=False, runs=[Run("Ningbo’s", 1, latin=True)])[0]
    assert [u.text for u in line.units] == ["Ningbo’s"]
    assert line.end == pytest.approx(4.0)
    quoted = laid_out("专业“161工程”", 40, justify=False)[0]
    assert unit(quoted, "“").han and unit(quoted, "“").width == 1.0


SENTENCE = ("The municipal government supported the commercialisation of intellectual "
            "property and the internationalisation of enterprises.")


def test_english_is_hyphenated_where_a_line_would_be_loose() -> None:
    laid = laid_out(SENTENCE, 14, hyphenate=english)
    assert any(line.text.endswith("-") for line in laid[:-1])
    joined = "".join(line.text[:-1] if line.text.endswith("-") else line.text + " "
                     for line in laid)
    assert joined.strip() == SENTENCE
    unhyphenated = laid_out(SENTENCE, 14)
    assert short_or_gapped(laid) < short_or_gapped(unhyphenated)


def short_or_gapped(laid: list[Line]) -> int:
    """How many lines but the last fall short of 14 ems or gap words by three spaces."""
    return sum(1 for line in laid[:-1] if line.end < 14 - 1e-6 or gap_ratio(line) >= 3.0)


def gap_ratio(line: Line) -> float:
    """The widest space between words of a line, in word spaces (0.5 em)."""
    gaps = [u.x - p.end for p, u in itertools.pairwise(line.units) if u.space_before]
    return max(gaps, default=0.0) / 0.5


def test_justified_gaps_never_exceed_three_spaces() -> None:
    laid = laid_out("See https://example.org/a-very-long-path-without-slashes and more", 12)
    assert all(gap_ratio(line) <= 3.0 + 1e-6 for line in laid)


@pytest.mark.parametrize("length", [56, 140, 5000])
def test_a_token_longer_than_a_line_is_broken_inside_it(length: int) -> None:
    token = ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 120)[:length]
    laid = laid_out(f"A word {token} ends here.", 10)
    assert all(line.end <= 10 + 1e-6 for line in laid)
    assert "".join(line.text.replace(" ", "") for line in laid) == f"Aword{token}endshere."
    assert any(u.forced for line in laid for u in line.units)


def test_a_url_breaks_after_its_slashes() -> None:
    url = "https://example.org/" + "/".join(f"section{i:02d}" for i in range(12))
    laid = laid_out(url[:140], 12)
    assert all(line.end <= 12 + 1e-6 for line in laid)
    assert all(line.text.endswith("/") for line in laid[:-1])
    assert not any(u.forced for line in laid for u in line.units)
    assert "".join(line.text for line in laid) == url[:140]


def test_a_long_token_in_chinese_text_breaks_too() -> None:
    laid = laid_out("网址" + "x" * 56 + "。", 10)
    assert all(line.end <= 10 + 1e-6 for line in laid)
    assert violations(laid) == []


@pytest.mark.parametrize("mark", ["——", "……"])
def test_a_doubled_dash_or_ellipsis_is_never_split(mark: str) -> None:
    for width in range(6, 12):
        laid = laid_out(f"甲乙丙丁戊{mark}己庚辛壬癸子丑", width)
        assert any(mark in line.text for line in laid), [line.text for line in laid]


@pytest.mark.parametrize("filename", ["NotoSerifCJKsc-Regular.ttf", "NotoSansCJKsc-Bold.ttf"])
def test_compression_classes_agree_with_the_fonts_half_width_forms(filename: str) -> None:
    """The bundled faces' ``halt`` feature (half-width alternates) cuts a closing mark's
    right half and an opening mark's left half, as CLOSING and OPENING say."""
    from fontTools.ttLib import TTFont

    from ipdocs.typefaces.bundled import face_path
    from ipdocs.writers.pdf.linebreak import CLOSING, MIDDLE, OPENING

    font = TTFont(face_path(filename))
    table = font["GPOS"].table
    lookups = {i for record in table.FeatureList.FeatureRecord if record.FeatureTag == "halt"
               for i in record.Feature.LookupListIndex}
    moves: dict[str, tuple[int, int]] = {}
    for index in lookups:
        for sub in table.LookupList.Lookup[index].SubTable:
            values = [sub.Value] * len(sub.Coverage.glyphs) if sub.Format == 1 else sub.Value
            for glyph, value in zip(sub.Coverage.glyphs, values, strict=True):
                moves[glyph] = (getattr(value, "XPlacement", 0) or 0,
                                getattr(value, "XAdvance", 0) or 0)
    cmap = font.getBestCmap()
    assert all(moves[cmap[ord(c)]] == (0, -500) for c in CLOSING)
    assert all(moves[cmap[ord(c)]] == (-500, -500) for c in OPENING)
    assert all(moves[cmap[ord(c)]] == (-250, -500) for c in MIDDLE)


PIECES = ["甲", "乙", "丙", "知识", "产权", "，", "。", "、", "；", "（", "）", "“", "”", "《",
          "》", "2024", "11.4%", "以上", "左右", "近", "万", "余", " ", "IP", "patent", "——",
          "https://example.org/a/b", "x" * 30, "Ningbo’s", "…"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60),
       st.floats(min_value=3, max_value=30), st.booleans())
def test_any_text_keeps_every_character_and_fits(pieces: list[str], width: float,
                                                 justify: bool) -> None:
    """Whatever the text: nothing lost, every line inside its width, no forbidden line
    start or end except inside a word broken by force."""
    text = "".join(pieces)
    laid = laid_out(text, width, justify=justify, hyphenate=english)
    if not text.strip():
        assert laid == []
        return
    kept = "".join(u.text for line in laid for u in line.units)
    assert kept.replace("-", "") == text.replace(" ", "").replace("-", "")
    assert all(line.end <= width + 1e-6 for line in laid)
    if not any(u.forced for line in laid for u in line.units):
        assert violations(laid) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*PIECES, "RMB 61.093 billion", "17.1万余家"]),
                          st.booleans(), st.booleans()), min_size=1, max_size=30),
       st.floats(min_value=3, max_value=30), st.booleans())
def test_any_runs_keep_every_character_and_fit(runs: list[tuple[str, bool, bool]],
                                               width: float, justify: bool) -> None:
    """Runs kept whole or set in a Latin face, in any order: nothing lost, every line
    inside its width."""
    given_runs = [Run(text, 1 if latin else 0, keep, latin) for text, keep, latin in runs]
    laid = laid_out("", width, justify=justify, hyphenate=english, runs=given_runs)
    text = "".join(text for text, _, _ in runs)
    kept = "".join(u.text for line in laid for u in line.units)
    assert kept.replace("-", "") == text.replace(" ", "").replace("-", "")
    assert all(line.end <= width + 1e-6 for line in laid)


PROSE = ("Customs seized batches of suspected infringing goods, and the professionals of "
         "the intellectual property service industry supported commercialisation; the "
         "internationalisation of enterprises continued with RMB 61.093 billion pledged.")


@settings(max_examples=60, deadline=None)
@given(width=st.floats(min_value=9, max_value=40), justify=st.booleans())
def test_a_hyphen_only_where_a_line_breaks(width: float, justify: bool) -> None:
    """A word hyphenated at a line's end and then moved whole to the next line (evening
    out loose lines, taking in a runt) is joined again: no hyphen inside a line."""
    runs = [Run(piece, keep=whole) for piece, whole in pieces(PROSE)]
    laid = laid_out(PROSE, width, justify=justify, hyphenate=english, runs=runs)
    for line in laid:
        inside = [u.text for u in line.units[:-1]]
        assert not [t for t in inside if t.endswith("-") and t.rstrip("-") + " " not in PROSE]
    joined = "".join(line.text[:-1] if line.text.endswith("-") and
                     line.units[-1].whole is not None else line.text + " " for line in laid)
    assert joined.strip() == PROSE
    assert any("RMB 61.093 billion" in line.text for line in laid)  # kept whole


def test_a_name_that_cannot_be_hyphenated_is_squeezed_in_rather_than_gapping_the_line() -> None:
    """A Latin line that would stretch its spaces past twice their width takes in a next
    word that cannot be hyphenated (a name) if its spaces may squeeze by a third; never
    a Chinese line, never by more."""
    laid = lines("aaaa bbbb Cccccccc dd ee", 8.7, hyphenate=english)
    assert laid[0].text == "aaaa bbbb Cccccccc" and laid[0].end <= 8.7 + 1e-6
    assert lines("aaaa bbbb Cccccccc dd ee", 8.6, hyphenate=english)[0].text == "aaaa bbbb"
    assert lines("aaaa bbbb Cccccccc dd ee", 8.7, justify=False)[0].text == "aaaa bbbb"


def test_a_loose_latin_paragraph_is_broken_again_as_a_whole() -> None:
    """Filled line by line, PROSE at 17.4 ems stretches a line's spaces to 2.3 times their
    width; broken as a whole, every line but the last is full and none stretches past
    twice its spaces."""
    laid = laid_out(PROSE, 17.4, hyphenate=english)
    assert all(abs(line.end - 17.4) < 1e-6 for line in laid[:-1])
    assert max(gap_ratio(line) for line in laid[:-1]) <= 2.0 + 1e-6
    assert laid[2].text == "sionals of the intellectual property"


@settings(max_examples=60, deadline=None)
@given(width=st.floats(min_value=12, max_value=40), hyphenate=st.booleans())
def test_justified_english_never_stretches_past_twice_its_spaces(width: float,
                                                                 hyphenate: bool) -> None:
    """Broken again or, where no breaking fills a line, left short at its end: no word
    gap of a justified Latin line over twice the word space, and nothing lost."""
    laid = laid_out(PROSE, width, hyphenate=english if hyphenate else None)
    assert all(gap_ratio(line) <= 2.0 + 1e-6 for line in laid[:-1])
    assert all(line.end <= width + 1e-6 for line in laid)
    joined = "".join(line.text[:-1] if line.units[-1].hyphenated else line.text + " "
                     for line in laid)
    assert joined.strip() == PROSE


def test_on_a_grid_the_slack_goes_beside_numbers_not_between_han_characters() -> None:
    """A justified line on a character grid widens its Han–Latin gaps (to half an em at
    most) and sets its Han characters no further apart than GRID_SPREAD: what is left
    stays at the line's end; off the grid the same line spreads evenly."""
    text = "甲乙丙丁2024戊己庚辛壬癸子5000万件余，丑寅卯"
    on = laid_out(text, 15.8, grid=True)
    off = laid_out(text, 15.8)
    first = on[0]
    han = [u.x - p.end for p, u in itertools.pairwise(first.units) if p.han and u.han]
    latin = [u.x - p.end for p, u in itertools.pairwise(first.units) if p.han != u.han]
    assert max(han) <= GRID_SPREAD + 1e-9
    assert latin and all(abs(gap - 0.5) < 1e-9 for gap in latin)
    assert first.end < 15.8 - 1
    assert first.end <= 15.8 + 1e-6
    assert [line.text for line in on] == [line.text for line in off]
    assert max(u.x - p.end for p, u in itertools.pairwise(off[0].units)
               if p.han and u.han) > GRID_SPREAD


def test_an_opening_bracket_starting_a_ragged_line_is_hung() -> None:
    """A title's second line that starts with （ has its blank half before the line: the
    bracket's ink starts where the first line's does (not on a justified line)."""
    laid = lines("广州知识产权保护与发展状况（2023年度）", 13, justify=False)
    assert laid[1].text.startswith("（")
    bracket = laid[1].units[0]
    assert bracket.trim == 0.5 and bracket.x + bracket.shift == 0.0
    assert lines("广州知识产权保护与发展状况（2023年度）", 13)[1].units[0].trim == 0.0


URL = "http://www.hezhiquan.com/docs/view/29de3a0c18e249bd9c9a00efb02f9b0a.html"


@pytest.mark.parametrize("width", [17.0, 19.0, 22.0, 26.0, 31.0])
@pytest.mark.parametrize("justify", [True, False])
def test_a_web_address_breaks_only_at_its_punctuation(width: float, justify: bool) -> None:
    """Hubei's source in the official theme's side-by-side column: the address was
    hyphenated (http://www.hezhi- / quan.com) and broken after a dot (…b0a. / html)."""
    laid = laid_out(f"Hubei Intellectual Property Administration, 19 January 2019, {URL}",
                    width, justify=justify, hyphenate=english)
    words = [u for line in laid for u in line.units]
    assert not any(u.hyphenated or u.forced for u in words if u.url or "://" in u.text)
    for line, after in itertools.pairwise(laid):
        if after.units[0].url and not after.units[0].space_before:  # broken at this end
            assert line.units[-1].text.endswith("/") or after.units[0].text.startswith(".")
    address = "".join(u.text for u in words if u.url or "://" in u.text)
    assert address == URL


def test_url_breaks() -> None:
    pieces = [URL[a:b] for a, b in itertools.pairwise([0, *url_breaks(URL), len(URL)])]
    assert pieces == ["http://", "www", ".hezhiquan", ".com/", "docs/", "view/",
                      "29de3a0c18e249bd9c9a00efb02f9b0a", ".html"]
    assert url_breaks("http://example.com/a.") == [7, 14, 19]  # not before the full stop
    assert is_url(URL) and is_url("(www.cnipa.gov.cn)") and not is_url("e.g.")


LABEL = "Financing raised with data asset security insurance"


@pytest.mark.parametrize("width", [5.0, 6.5, 8.0, 8.5, 9.0, 11.0])
def test_a_cell_keeps_its_words_whole_where_they_fit(width: float) -> None:
    """A table's English label (not running text) is not hyphenated to fill its lines, as
    the DOCX asks of Word and LibreOffice (Ningbo's insurance table: insur- / ance)."""
    laid = laid_out(LABEL, width, justify=False, hyphenate=english, fill=False)
    assert not any(u.hyphenated for line in laid for u in line.units)
    assert " ".join(line.text for line in laid) == LABEL

def test_running_text_fills_a_loose_line_by_hyphenating() -> None:
    laid = laid_out(LABEL, 8.5, justify=False, hyphenate=english)
    assert [line.text for line in laid][-2:] == ["security insur-", "ance"]


def test_a_cell_hyphenates_a_word_wider_than_its_line() -> None:
    laid = laid_out("internationalisation", 6, justify=False, hyphenate=english, fill=False)
    assert laid[0].units[-1].hyphenated and not any(u.forced for line in laid
                                                    for u in line.units)


HAN = "".join(chr(0x5B57 + i) for i in range(60))
"""Han characters of which no two are alike, none a mark."""


@pytest.mark.parametrize("grid", [True, False])
def test_a_narrow_column_gives_a_runt_a_piece_from_more_lines_than_one(grid: bool) -> None:
    """A column of 13 characters (the official theme's side-by-side edition): the line
    before a runt of one character cannot give it two without being left two ems short,
    so the two lines above it give one each (Ningbo: 市场有 / 秩序。)."""
    laid = laid_out(HAN[:40] + "。", 13.3, grid=grid)
    assert [len(line.text) for line in laid] == [13, 12, 12, 4]
    assert violations(laid) == []


def test_a_runt_takes_a_piece_that_leaves_the_line_before_a_little_short() -> None:
    """Where the line before a runt of two characters can give it a piece only by
    stretching past 0.15 em a gap, and no line of the paragraph is that loose, it still
    gives it, set at 0.15 em a gap and left a little short at its end (Guangzhou's
    side-by-side official summary, its Chinese at 9.87 pt: 增 / 幅居前。, was 增幅 /
    居前。); where that would leave it far short, the runt stays."""
    laid = laid_out(HAN[:9] + "天地。", 9.3)
    assert [line.text for line in laid] == [HAN[:8], HAN[8] + "天地。"]
    assert laid[0].end == pytest.approx(8 + 7 * MAX_EXTRA_EM)
    assert [line.text for line in laid_out(HAN[:7] + "天地。", 7.3)] == [HAN[:7], "天地。"]


def test_a_runt_under_a_line_left_short_by_a_long_number() -> None:
    """A line already short (a number kept with its unit went to the next line) gives
    the runt its last character where the lines above give it theirs, none looser than
    the paragraph's loosest line (Guangzhou: 位居全国第 / 4位。)."""
    text = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄到23299761234件，位居全国第4位。"
    laid = laid_out(text, 13.3, grid=True)
    assert laid[-1].text.startswith("第")
    assert violations(laid) == []


ANY_RUNS = st.lists(st.tuples(st.sampled_from([*PIECES, "RMB 61.093 billion", "17.1万余家"]),
                              st.booleans(), st.booleans()), min_size=1, max_size=20)
"""Runs of any pieces, kept whole or not, in a Latin face or not (style 1 if so)."""


def _runs(runs: list[tuple[str, bool, bool]]) -> list[Run]:
    return [Run(text, 1 if latin else 0, keep, latin) for text, keep, latin in runs]


def _natural(runs: list[Run]) -> list[Line]:
    """The runs set on one unbounded line (as a table's cell is measured)."""
    return break_lines(runs, [float("inf")], cjk, space=0.5, em=1.0, justify=False)


@settings(max_examples=300, deadline=None)
@given(ANY_RUNS, st.floats(min_value=0.5, max_value=1.5), st.floats(min_value=3, max_value=30),
       st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_a_text_that_fits_one_line_is_set_as_filling_sets_it(
        runs: list[tuple[str, bool, bool]], share: float, rest: float, justify: bool,
        hyphenate: bool, grid: bool, fill: bool) -> None:
    """The shortcut for a text that fits its width (``_one_line``) gives the very lines
    the whole breaking does (``_broken``), at widths about the text's own."""
    given_runs = _runs(runs)
    natural = _natural(given_runs)
    widths = [max((line.end for line in natural), default=0.0) * share, rest]
    options = {"justify": justify, "hyphenate": english if hyphenate else None,
               "grid": grid, "fill": fill}
    laid = break_lines(given_runs, widths, cjk, space=0.5, em=1.0, **options)  # type: ignore[arg-type]
    s = Setting(cjk, 0.5, 1.0, justify, english if hyphenate else None, grid, fill)
    units = _prepared(given_runs, s)
    assert laid == (_broken(units, widths, s) if units else [])


@settings(max_examples=300, deadline=None)
@given(ANY_RUNS, st.floats(min_value=0.9, max_value=1.5), st.booleans(), st.booleans())
def test_a_line_measured_unbounded_is_the_line_laid_out_where_set_alike(
        runs: list[tuple[str, bool, bool]], share: float, justify: bool,
        hyphenate: bool) -> None:
    """Where ``set_alike`` says so, the one line a text was measured as is what breaking
    it for the width gives, unit for unit and position for position."""
    given_runs = _runs(runs)
    natural = _natural(given_runs)
    if natural:  # what set_alike reads, kept from setting it: as worked out afresh
        assert natural[0].extent == (0.5, 1.0, *_extent(natural[0].units,
                                                        Setting(cjk, 0.5, 1.0)))
    width = max((line.end for line in natural), default=0.0) * share
    if not set_alike(natural, width, space=0.5, em=1.0):
        assert share < 1.001 or len(natural) != 1
        return
    assert break_lines(given_runs, [width, 3.0], cjk, space=0.5, em=1.0, justify=justify,
                       hyphenate=english if hyphenate else None) == natural
