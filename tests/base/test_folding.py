"""Folded line breaks joined between East Asian characters (``base/folding``)."""

import pytest

from ipdocs.base.folding import fold_wide, is_wide, joins, soft_breaks


@pytest.mark.parametrize(("char", "wide"), [
    ("中", True), ("，", True), ("。", True), ("ｶ", True),   # Han, full stops, halfwidth kana
    ("a", False), ("2", False), (",", False), ("“", False),  # Latin, digits, ambiguous quote
    ("한", False), ("ᄀ", False),                              # Hangul: Korean spaces words
])
def test_wide_characters_are_east_asian_and_not_hangul(char: str, wide: bool) -> None:
    assert is_wide(char) is wide


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("绩", "连", True), ("，", "2", True), ("市", "2", True), ("4", "年", True),
    (")", "报", True), ("a", "b", False), ("4", "%", False), ("한", "국", False),
    ("中", "한", False),
])
def test_a_soft_break_beside_a_wide_character_is_removed(before: str, after: str,
                                                         joined: bool) -> None:
    assert joins(before, after) is joined


def test_each_fold_is_judged_by_its_own_neighbours() -> None:
    value = "全市专利 授权量 71425件， 同比增长 of patents granted"
    source = "全市专利\n  授权量\n  71425件，\n  同比增长\n  of patents\n  granted"
    assert fold_wide(value, source, None) == "全市专利授权量71425件，同比增长of patents granted"


@pytest.mark.parametrize(("text", "expected"), [
    ("佳绩，\n连续四年", "佳绩，连续四年"),
    ("佳绩， \r\n \t 连续", "佳绩，连续"),           # the blanks around it go too
    ("in\nNingbo", "in Ningbo"),
    ("in \n\n Ningbo", "in Ningbo"),                # a blank line inside running text
    ("\n宁波\n", "宁波"),                            # at the start and the end: nothing
    ("no break", "no break"),
])
def test_line_breaks_in_running_text_are_soft(text: str, expected: str) -> None:
    assert soft_breaks(text) == expected


def test_a_space_typed_inside_a_line_is_kept() -> None:
    assert fold_wide("金燕 赵煜 撰文", "金燕 赵煜\n  撰文", None) == "金燕 赵煜撰文"


@pytest.mark.parametrize(("value", "source", "style"), [
    ("佳绩\n连续\n", "|\n  佳绩\n  连续\n", "|"),        # a literal block keeps its breaks
    ("佳绩 连续", "佳绩 连续", None),                      # one line: nothing folded
    ("佳绩 连续", "佳绩\r  连续", None),                   # a bare CR: left as read
    ("佳绩 连续", "佳绩\n  其他", None),                    # the lines do not rebuild the value
    ("佳绩 连续", '"佳绩\n  连续', '"'),                   # a quote missing: left as read
    ("佳绩 连续", ">\n\n", ">"),                          # no content line
])
def test_what_cannot_be_matched_safely_is_left_as_read(value: str, source: str,
                                                       style: str | None) -> None:
    assert fold_wide(value, source, style) == value
