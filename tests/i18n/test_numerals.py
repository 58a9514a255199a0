"""Chinese numerals, ordinals and section numbers."""

import pytest

from ipdocs.i18n import english_ordinal, hanzi, ordinal, section_number


@pytest.mark.parametrize(("n", "expected"), [
    (1, "一"), (2, "二"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"),
    (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"),
    (10000, "一万"), (10005, "一万零五"), (123456, "十二万三千四百五十六"), (0, "零"),
])
def test_hanzi(n: int, expected: str) -> None:
    assert hanzi(n) == expected


def test_hanzi_counting_two() -> None:
    assert hanzi(2, counting=True) == "两"
    assert hanzi(12, counting=True) == "十二"


def test_hanzi_out_of_range() -> None:
    with pytest.raises(ValueError):
        hanzi(-1)


@pytest.mark.parametrize(("n", "expected"), [
    (1, "first"), (2, "second"), (10, "tenth"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"),
])
def test_english_ordinal(n: int, expected: str) -> None:
    assert english_ordinal(n) == expected


def test_ordinal_per_language() -> None:
    assert ordinal(2, "zh") == "第二"
    assert ordinal(2, "en") == "second"


@pytest.mark.parametrize(("path", "zh", "en"), [
    ((1,), "一、", "1."),
    ((6,), "六、", "6."),
    ((2, 3), "（三）", "2.3"),
    ((2, 3, 4), "4.", "2.3.4"),
    ((2, 3, 4, 5), "（5）", "2.3.4.5"),
    ((11,), "十一、", "11."),
])
def test_section_number(path: tuple[int, ...], zh: str, en: str) -> None:
    assert section_number(path, "zh") == zh
    assert section_number(path, "en") == en


def test_section_number_rejects_zero() -> None:
    with pytest.raises(ValueError):
        section_number((0,), "zh")
