"""Line breaking: kinsoku, numbers with units, gaps, justification, long words."""

import pytest

from ipdocs.writers.columns import is_wide
from ipdocs.writers.pdf.linebreak import NO_END, NO_START, Line, Run, break_lines


def mono(style: int, text: str) -> float:
    """A measure in ems: Han characters 1, everything else a half."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


def lines(text: str, width: float, **options: object) -> list[Line]:
    """Lay out ``text`` in lines of ``width`` ems."""
    runs = options.pop("runs", None) or [Run(text)]
    return break_lines(runs, [width], mono, space=0.5, em=1.0, **options)  # type: ignore[arg-type]


def violations(laid: list[Line]) -> list[str]:
    """Lines that start or end with a forbidden character."""
    bad = []
    for index, line in enumerate(laid):
        text = line.text
        if index and text[0] in NO_START:
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
