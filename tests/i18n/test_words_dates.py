"""Fixed words with English fallback; dates and reference dates."""

import datetime as dt
from decimal import Decimal

import pytest

from ipdocs.i18n import as_of, format_date, format_month, word
from ipdocs.i18n.words import lookup


def test_word_per_language() -> None:
    assert word("contents", "zh") == "目录"
    assert word("contents", "en") == "Contents"
    assert word("unit", "zh") == "单位"
    assert word("source", "en") == "Source"


def test_missing_word_falls_back_to_english() -> None:
    assert word("currency.CNY", "zh") == "RMB"


def test_an_unknown_language_is_an_error_not_english() -> None:
    from ipdocs.i18n import UnknownLanguageError, format_quantity

    with pytest.raises(UnknownLanguageError, match="unknown language 'fr'; languages: zh, en"):
        word("contents", "fr")
    with pytest.raises(UnknownLanguageError, match="unknown language 'ja'"):
        format_quantity(Decimal("610.93"), "亿元", "ja")


def test_unknown_word_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no fixed word 'nonsense'"):
        lookup("nonsense", "zh")


def test_every_chinese_word_exists_in_english() -> None:
    from ipdocs.i18n.words import _table

    assert set(_table("zh")) - set(_table("en")) == set()


def test_dates() -> None:
    day = dt.date(2024, 12, 31)
    assert format_date(day, "zh") == "2024年12月31日"
    assert format_date(day, "en") == "31 December 2024"
    assert format_month(dt.date(2024, 8, 1), "zh") == "2024年8月"
    assert format_month(dt.date(2024, 8, 1), "en") == "August 2024"


def test_as_of() -> None:
    assert as_of(dt.date(2024, 12, 31), "zh") == "截至2024年底"
    assert as_of(dt.date(2024, 12, 31), "en") == "as of the end of 2024"
    assert as_of(dt.date(2024, 6, 30), "zh") == "截至2024年6月30日"
    assert as_of(dt.date(2024, 6, 30), "en") == "as of 30 June 2024"
