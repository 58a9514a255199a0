"""Numbers and quantities: the DESIGN.md table and exact-digit rules."""

from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from ipdocs.i18n import english_magnitude, format_number, format_quantity
from ipdocs.i18n.locales import codes, locale
from ipdocs.i18n.numbers import LATIN_SYMBOLS, _as_babel_formats, fraction_digits, shift

# spec value, unit, qualifier, Chinese, English — the "Numbers and words" table and more.
QUANTITIES = [
    ("71425", "件", None, "71425件", "71,425"),
    ("610.93", "亿元", None, "610.93亿元", "RMB 61.093 billion"),
    ("2064.18", "万元", None, "2064.18万元", "RMB 20,641,800"),  # not 20.6418 million
    ("499.06", "万件", None, "499.06万件", "4,990,600"),
    ("4614.64", "万", None, "4614.64万", "46,146,400"),
    ("14969.8", "万元", None, "14969.8万元", "RMB 149.698 million"),
    ("6450.4", "万美元", None, "6450.4万美元", "USD 64.504 million"),
    ("51.7", "万件", None, "51.7万件", "517,000"),
    ("17.1", "万家", "余", "17.1万余家", "more than 171,000"),
    ("2319.3", "万件", None, "2319.3万件", "23.193 million"),
    ("9", "亿元", None, "9亿元", "RMB 900 million"),
    ("15.8", "亿元", None, "15.8亿元", "RMB 1.58 billion"),
    ("3000", "万元", None, "3000万元", "RMB 30 million"),
    ("223.1", "万元", None, "223.1万元", "RMB 2.231 million"),
    ("137700", "元", None, "137700元", "RMB 137,700"),
    ("10.50", "亿元", None, "10.50亿元", "RMB 1.050 billion"),
    ("0.35", "万元", None, "0.35万元", "RMB 3,500"),
    ("9000", "件", "近", "近9000件", "nearly 9,000"),
    ("1100", "人", "超", "超1100人", "more than 1,100"),
    ("300", "件", "余", "300余件", "more than 300"),
    ("12", "万件", "突破", "突破12万件", "over 120,000"),
    ("5.5", "万人次", "约", "约5.5万人次", "about 55,000"),
    ("3", "个月", "左右", "3个月左右", "about 3 months"),
    ("3", "日", "以内", "3日以内", "within 3 days"),
    ("1", "天", None, "1天", "1 day"),
    ("1.0", "天", None, "1.0天", "1.0 days"),       # one only without decimals (CLDR: v = 0)
    ("1.0", "个百分点", None, "1.0个百分点", "1.0 percentage points"),
    ("0.00010", "万吨", None, "0.00010万吨", "1.0 tonnes"),
    ("50", "天", None, "50天", "50 days"),
    ("5600", "斤", None, "5600斤", "5,600 jin (2,800 kg)"),
    ("0.5", "斤", None, "0.5斤", "0.5 jin (0.25 kg)"),
    ("1.25", "万斤", None, "1.25万斤", "12,500 jin (6,250 kg)"),
    ("5600000", "斤", None, "5600000斤", "5,600,000 jin (2,800,000 kg)"),
    ("2", "亿斤", None, "2亿斤", "200 million jin (100 million kg)"),
    ("1.2345", "亿斤", None, "1.2345亿斤", "123.45 million jin (61.725 million kg)"),
    ("1.23457", "亿斤", None, "1.23457亿斤", "123.457 million jin (61,728,500 kg)"),
    ("1", "万吨", None, "1万吨", "10,000 tonnes"),
    ("0.0001", "万吨", None, "0.0001万吨", "1 tonne"),
    ("1", "亿平方米", "约", "约1亿平方米", "about 100 million square metres"),
    ("93.38", "%", None, "93.38%", "93.38%"),
    ("100", "%", None, "100%", "100%"),
]


@pytest.mark.parametrize(("value", "unit", "qualifier", "zh", "en"), QUANTITIES)
def test_quantity(value: str, unit: str, qualifier: str | None, zh: str, en: str) -> None:
    assert format_quantity(Decimal(value), unit, "zh", qualifier=qualifier) == zh
    assert format_quantity(Decimal(value), unit, "en", qualifier=qualifier) == en


def test_per_capita_basis_precedes_in_chinese_and_follows_in_english() -> None:
    value = Decimal("22.93")
    assert format_quantity(value, "件", "zh", per="每万人") == "每万人22.93件"
    assert format_quantity(value, "件", "en", per="per 10,000 people") == \
        "22.93 per 10,000 people"


def test_hanzi_numerals_spell_small_counts() -> None:
    assert format_quantity(Decimal(4), "年", "zh", numerals="hanzi") == "四年"
    assert format_quantity(Decimal(2), "年", "zh", numerals="hanzi") == "两年"
    assert format_quantity(Decimal(2), "年", "en", numerals="hanzi") == "two years"


@pytest.mark.parametrize(("value", "zh", "en"), [
    ("71425", "71425", "71,425"),
    ("22.930", "22.930", "22.930"),
    ("1234567.5", "1234567.5", "1,234,567.5"),
    ("-13.3", "-13.3", "-13.3"),
    ("0", "0", "0"),
])
def test_format_number_keeps_every_digit(value: str, zh: str, en: str) -> None:
    assert format_number(Decimal(value), "zh") == zh
    assert format_number(Decimal(value), "en") == en


def test_format_number_remembers_digits_not_values() -> None:
    """Equal numbers with other digits (1.0 and 1.00, 10 and 1E+1) print apart, whichever
    was formatted first: what is remembered is the digits."""
    for first, second in (("1.0", "1.00"), ("1.00", "1.0"), ("12345.60", "12345.6")):
        assert format_number(Decimal(first), "en") == first.replace("12345", "12,345")
        assert format_number(Decimal(second), "en") == second.replace("12345", "12,345")
        assert format_number(Decimal(second), "zh") == second
    assert format_number(Decimal("-0.50"), "en") == "-0.50"


def test_format_number_rejects_nan() -> None:
    with pytest.raises(ValueError, match="cannot format"):
        format_number(Decimal("NaN"), "en")


@pytest.mark.parametrize(("value", "exponent", "expected"), [
    ("3000", -2, "30"),
    ("10.50", -1, "1.050"),
    ("51.7", 4, "517000"),
    ("1.23456", 4, "12345.6"),
    ("0.310", 2, "31.0"),  # 0.310亿: 31.0 million, its published zero kept
    ("1.2300", 2, "123.00"),
    ("51.70", 4, "517000"),
    ("6417.00", -2, "64.1700"),
])
def test_shift_drops_only_invented_zeros(value: str, exponent: int, expected: str) -> None:
    assert str(shift(Decimal(value), exponent)) == expected


@pytest.mark.parametrize(("value", "exponent", "expected"), [
    ("12340", 8, "1.234 trillion"),
    ("12345.6", 8, "1,234,560,000,000"),
    ("499.06", 4, "4,990,600"),
    ("499.1", 4, "4.991 million"),
    ("2329976", 0, "2,329,976"),
    ("610.9312", 8, "61,093,120,000"),
])
def test_english_magnitude_at_most_three_decimals_scaled(value: str, exponent: int,
                                                         expected: str) -> None:
    assert english_magnitude(Decimal(value), exponent) == expected


def test_english_spells_small_whole_counts_but_keeps_published_decimals() -> None:
    """Six programmes, but a count published as 1.000 keeps its three decimals in English
    as in Chinese (found by the both-languages property test)."""
    from ipdocs.base.vocab import get_unit
    from ipdocs.i18n.numbers import number_words

    unit = get_unit("项")
    assert number_words(Decimal("6"), unit, "en") == "six"
    assert number_words(Decimal("1.000"), unit, "en") == "1.000"
    assert number_words(Decimal("1.000"), unit, "zh") == "1.000"


def test_latin_symbols_are_babels_own() -> None:
    """The symbols format_number sets the shipped locales' numbers with, without reading
    babel's locale data, are the ones babel's data gives, and every shipped locale has them."""
    for babel, (decimal, group) in LATIN_SYMBOLS.items():
        symbols = Locale.parse(babel).number_symbols["latn"]
        assert (symbols["decimal"], symbols["group"]) == (decimal, group)
    assert {locale(code).babel for code in codes()} <= set(LATIN_SYMBOLS)


_DECIMALS = st.builds(lambda sign, digits, exponent: Decimal((sign, digits, exponent)),
                      st.integers(0, 1), st.lists(st.integers(0, 9), min_size=1, max_size=30)
                      .map(tuple), st.integers(-35, 12))


@given(_DECIMALS, st.sampled_from(sorted(LATIN_SYMBOLS)), st.booleans())
@example(Decimal("-0.00"), "en_GB", True)
@example(Decimal("1E+3"), "en_GB", True)
@example(Decimal("123456"), "en_GB", True)
@example(Decimal("1234567.890"), "zh_Hans_CN", True)
@example(Decimal("0.000"), "zh_Hans_CN", False)
def test_numbers_set_as_babel_sets_them(value: Decimal, babel: str, grouped: bool) -> None:
    """format_number's own setting of a shipped locale's number is babel's, digit for
    digit, signs, zeros, grouping and exponents included (an operation babel's Decimal
    context refuses is refused alike)."""
    places = fraction_digits(value)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    try:
        expected = format_decimal(value, format=pattern, locale=babel, group_separator=grouped)
    except ArithmeticError as exc:
        with pytest.raises(type(exc)):
            _as_babel_formats(value, places, LATIN_SYMBOLS[babel], grouped)
        return
    assert _as_babel_formats(value, places, LATIN_SYMBOLS[babel], grouped) == expected
