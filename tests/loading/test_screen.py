"""Every value screened before the model sees it: texts in NFC, control characters and
numbers too large refused, keys that collide once normalised refused; each by path."""

from decimal import Decimal

from ipdocs.loading.screen import screen


def test_texts_and_keys_are_normalised() -> None:
    data, problems = screen({"Cafe\u0301": ["Cafe\u0301", 1]})
    assert data == {"Caf\u00e9": ["Caf\u00e9", 1]} and problems == []


def test_bad_values_are_located_by_path() -> None:
    data, problems = screen({"b": [1, Decimal("1e40"), "x\x07"]}, ("figures",))
    assert data["b"][2] == "x\x07"
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        (("figures", "b", 1), "'1E+40' is too large"),
        (("figures", "b", 2), "character U+0007 at character 2 is not allowed")]


def test_keys_that_collide_once_normalised_are_refused() -> None:
    _, problems = screen({"caf\u00e9": 1, "cafe\u0301": 2})
    assert [p.path for p in problems] == [("cafe\u0301",)]
    assert "given twice" in problems[0].message


def test_booleans_are_not_numbers() -> None:
    assert screen([True, False]) == ([True, False], [])
