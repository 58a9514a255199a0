"""Both languages state the same quantity (issue 33).

For every shipped unit and a spec's own, every magnitude it takes, qualifiers, signs and
values from 0.001 to 10^14, a figure is rendered in Chinese and English in every form a
placeholder offers and in the writers' table, key-figure and chart cells; each text is
read back to an exact Decimal with its unit by the small parsers below, written here
independently of the renderer, and the two readings must agree — glosses (kg) included.
Changes likewise: a percent, points, places, from → to and a multiple read back in both
languages give the same change. The English is also held to the written number style
(specs/README.md, "English style"): at most three decimals in a million, billion or
trillion form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipdocs.base.vocab import shipped_entries
from ipdocs.i18n import spreadsheet_format
from ipdocs.loading.loader import validate_data
from ipdocs.model import Figure, FigureRef, parse
from ipdocs.sections.figures import change_cell, key_figure, value_cells
from ipdocs.sections.narrative import (
    figure_change,
    figure_number,
    figure_previous,
    figure_quantity,
    figure_value,
    figure_words,
    render_reference,
)

# --- The facts the test reads by: the units' data, and its own tables of words. ---

OWN_UNITS: dict[str, dict[str, Any]] = {
    "公顷": {"kind": "area", "words": {"en": ["hectare", "hectares"]}},
    "担": {"kind": "weight", "metric": ["50", "kg"], "words": {"en": "dan"}},
    "日元": {"kind": "money", "currency": "JPY"},
    "台套": {"kind": "count"},
    "件/千人": {"kind": "count", "prefixes": False, "words": {"en": "per 1,000 people"}},
}
"""A spec's own units: an area, a traditional weight with a gloss, a currency English has
no word of its own for, a counter and a rate without magnitudes."""

ENTRIES = {**shipped_entries(), **OWN_UNITS}
PREFIXED_KINDS = {"count", "money", "weight", "area"}
MAGNITUDE = {"": 0, "万": 4, "亿": 8}
CURRENCY_WORDS = {"CNY": "RMB", "USD": "USD", "EUR": "EUR", "HKD": "HKD"}

ZH_QUALIFIERS = {"超": "more_than", "逾": "more_than", "突破": "over", "近": "nearly",
                 "约": "about", "余": "more_than", "多": "more_than", "以上": "at_least",
                 "左右": "about", "以内": "within", "以下": "at_most"}
EN_QUALIFIERS = {"more than": "more_than", "over": "over", "nearly": "nearly",
                 "about": "about", "within": "within", "at least": "at_least",
                 "at most": "at_most"}
EN_TABLE_QUALIFIERS = {"or more": "at_least", "or less": "at_most"}
"""A table's English qualifier after the amount: 以上 and 以下, which include the number
(超, 余 and 突破 say "more than" and "over" before it, in tables as in text)."""

EN_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "ten"]
EN_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
               "eighth", "ninth", "tenth"]
EN_SCALES = {"million": 6, "billion": 9, "trillion": 12}
ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
ZH_PLACES = {"十": 10, "百": 100, "千": 1000}

RISE = ("增长了", "增长", "上升", "增加", "提高", "提升", "延长", "升")
FALL = ("下降了", "下降", "回落", "减少", "降低", "缩短", "降")
EN_RISE = ("up", "lengthened", "rose")
EN_FALL = ("down", "cut", "fell")


def units_of(code: str) -> list[str]:
    """The unit ``code`` and its forms with the magnitudes it takes."""
    entry = ENTRIES[code]
    prefixes = entry.get("prefixes")
    prefixed = entry["kind"] in PREFIXED_KINDS if prefixes is None else prefixes
    return [m + code for m in MAGNITUDE if prefixed or not m]


ALL_UNITS = sorted({u for code in ENTRIES for u in units_of(code)})


def split_unit(code: str) -> tuple[str, str]:
    """A unit code's magnitude and base (万吨 → 万, 吨)."""
    for base in sorted(ENTRIES, key=len, reverse=True):
        prefix = code[: len(code) - len(base)]
        if code.endswith(base) and prefix in MAGNITUDE:
            return prefix, base
    raise KeyError(code)


def en_label(base: str, value: Decimal) -> str:
    """What English writes with a quantity of ``base``: its word (singular for exactly
    one written without decimals: 1 day, 1.0 days, as CLDR's English rule has it), its
    currency before the number, % or nothing."""
    entry = ENTRIES[base]
    if base == "%":
        return "%"
    if entry.get("currency"):
        return str(CURRENCY_WORDS.get(entry["currency"], entry["currency"]))
    words = entry.get("words", {}).get("en")
    if words is None:
        return ""
    forms = [words, words] if isinstance(words, str) else words
    return forms[0] if value == 1 and value.as_tuple().exponent == 0 else forms[-1]


# --- Readers: text back to numbers. ---


@dataclass(frozen=True)
class Quantity:
    """A quantity as read: its exact value, what it is in (a Chinese base unit, or the
    English word or currency), its qualifier's meaning and a metric gloss."""

    value: Decimal
    unit: str
    qualifier: str | None = None
    gloss: Decimal | None = None
    gloss_unit: str | None = None
    scaled_decimals: int = 0
    scale: int | None = None
    """English: the power of ten the number is written at (0 in full) and its decimals.
    Chinese: those the English number style gives it (specs/README.md, "English style")."""
    decimals: int | None = None


def zh_integer(text: str) -> int:
    """A number in Chinese numerals below 10,000 (四, 十二, 一百零五, 两)."""
    total, digit = 0, None
    for char in text:
        if char in ZH_DIGITS:
            digit = ZH_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * ZH_PLACES[char]
            digit = None
    return total + (digit or 0)


def zh_number(text: str) -> Decimal:
    """Chinese digits or numerals as a Decimal."""
    if re.fullmatch(r"[-−]?\d+(\.\d+)?", text):
        return Decimal(text.replace("−", "-"))
    return Decimal(zh_integer(text))


ZH_PREFIX = "突破|超|逾|近|约"
"""The qualifiers Chinese writes before the number."""
ZH_QTY = re.compile(
    rf"(?P<pre>{ZH_PREFIX})?(?P<num>[-−]?\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
    r"(?P<mag>[万亿])?(?P<infix>[余多])?(?P<unit>.*?)(?P<suf>以上|左右|以内|以下|余|多)?")


def read_zh(text: str) -> Quantity:
    """A Chinese quantity (约1.25万斤, 17.1万余家, 3个月左右) as a value in its base unit."""
    m = ZH_QTY.fullmatch(text)
    assert m, f"unreadable Chinese quantity {text!r}"
    qualifiers = [m[g] for g in ("pre", "infix", "suf") if m[g]]
    assert len(qualifiers) <= 1, text
    value = zh_number(m["num"]).scaleb(MAGNITUDE[m["mag"] or ""])
    unit = m["unit"]
    assert unit in ENTRIES, f"unknown unit {unit!r} in {text!r}"
    scale, decimals = english_style(zh_number(m["num"]), m["mag"] or "")
    return Quantity(value, unit, ZH_QUALIFIERS[qualifiers[0]] if qualifiers else None,
                    scale=scale, decimals=decimals)


def english_style(published: Decimal, magnitude: str) -> tuple[int, int]:
    """The power of ten the English style writes a Chinese number at: a number given with
    万 or 亿 in millions, billions or trillions from a million up where that shows every
    published digit in at most three decimals (zeros ending a whole number are not
    published digits: 3000万 is 30 million), else in full; one without a magnitude in
    full; and the decimals it then shows: every published one, none invented."""
    if int(published.as_tuple().exponent) >= 0:  # a whole number, no decimals published
        published = published.normalize()
    exponent = MAGNITUDE[magnitude]
    whole = published.scaleb(exponent)
    for power in sorted(EN_SCALES.values(), reverse=True):
        if magnitude and abs(whole) >= Decimal(10) ** power:
            shown = _decimals(published.scaleb(exponent - power))
            if shown <= 3:
                return power, shown
            break
    return 0, _decimals(whole)


def _decimals(number: Decimal) -> int:
    """How many decimals ``number`` shows."""
    return max(0, -int(number.as_tuple().exponent))


EN_NUM = r"[-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?"
EN_QTY = re.compile(
    rf"(?:(?P<q>{'|'.join(EN_QUALIFIERS)}) )?(?:(?P<cur>[A-Z]{{3}}) )?"
    rf"(?P<num>{EN_NUM}|{'|'.join(EN_CARDINALS)})(?P<pct>%)?"
    rf"(?: (?P<scale>{'|'.join(EN_SCALES)}))?(?: (?P<word>[a-z][a-z ,0-9]*?))?"
    rf"(?: \((?P<gnum>{EN_NUM})(?: (?P<gscale>{'|'.join(EN_SCALES)}))? (?P<gunit>[a-z]+)\))?")


def en_number(text: str, scale: str | None) -> tuple[Decimal, int]:
    """An English number (12,500; 4.991 million; four) and the decimals it shows."""
    if text in EN_CARDINALS:
        return Decimal(EN_CARDINALS.index(text)), 0
    number = Decimal(text.replace(",", "").replace("−", "-"))
    return number.scaleb(EN_SCALES[scale] if scale else 0), _decimals(number)


def read_en(text: str) -> Quantity:
    """An English quantity (more than 171,000; RMB 61.093 billion; 12,500 jin (6,250 kg))."""
    table_qualifier = next((q for q in EN_TABLE_QUALIFIERS if text.endswith(" " + q)), None)
    m = EN_QTY.fullmatch(text.removesuffix(f" {table_qualifier}"))
    assert m, f"unreadable English quantity {text!r}"
    value, decimals = en_number(m["num"], m["scale"])
    unit = "%" if m["pct"] else m["cur"] or m["word"] or ""
    assert not (m["pct"] and (m["cur"] or m["word"])), text
    gloss = en_number(m["gnum"], m["gscale"]) if m["gnum"] else None
    assert not (m["q"] and table_qualifier), text
    qualifier = EN_QUALIFIERS[m["q"]] if m["q"] else \
        EN_TABLE_QUALIFIERS[table_qualifier] if table_qualifier else None
    scaled = [decimals] if m["scale"] else []
    if gloss and m["gscale"]:
        scaled.append(gloss[1])
    return Quantity(value, unit, qualifier or None, gloss[0] if gloss else None, m["gunit"],
                    max(scaled, default=0), EN_SCALES[m["scale"]] if m["scale"] else 0,
                    decimals)


def same_quantity(zh: Quantity, en: Quantity, where: str) -> None:
    """Assert that a Chinese and an English reading state one quantity, in the form the
    English number style gives it."""
    assert zh.value == en.value, f"{where}: {zh.value} ≠ {en.value}"
    assert en.unit == en_label(zh.unit, en.value), f"{where}: {zh.unit} read as {en.unit!r}"
    assert zh.qualifier == en.qualifier, f"{where}: qualifier {zh.qualifier} ≠ {en.qualifier}"
    metric = ENTRIES[zh.unit].get("metric")
    if metric is None:
        assert en.gloss is None, f"{where}: a gloss of a unit without one"
    else:
        assert en.gloss == zh.value * Decimal(str(metric[0])), f"{where}: gloss {en.gloss}"
        assert en.gloss_unit == metric[1], where
    assert en.scaled_decimals <= 3, f"{where}: more than three decimals in a scaled form"
    if zh.scale is not None and en.scale is not None:
        assert (en.scale, en.decimals) == (zh.scale, zh.decimals), \
            f"{where}: written at 10^{en.scale} with {en.decimals} decimals, not " \
            f"10^{zh.scale} with {zh.decimals}"


# --- Figures to render. ---


def decimals(low: str = "0.001", high: str = "1e14") -> st.SearchStrategy[Decimal]:
    """Exact published values: up to three decimals, from ``low`` to ``high``."""
    return st.builds(lambda n, places: Decimal(n).scaleb(-places),
                     st.integers(1, 10**15 - 1), st.integers(0, 3)).filter(
        lambda d: Decimal(low) <= d <= Decimal(high))  # a spec takes 15 digits at most


def signed(values: st.SearchStrategy[Decimal]) -> st.SearchStrategy[Decimal]:
    """``values`` with either sign."""
    return st.builds(lambda v, negative: -v if negative else v, values, st.booleans())


def spec(figures: dict[str, Any]) -> dict[str, Any]:
    """A spec of ``figures`` with the test's own units."""
    return {"region": {"zh": "甲市", "en": "Jia"}, "year": 2024,
            "title": {"zh": "测试", "en": "Test"}, "units": OWN_UNITS, "figures": figures}


def build(data: dict[str, Any]) -> Figure:
    """The one figure of a figure description, validated as a spec would be."""
    report, problems = validate_data(spec({"x": {"label": {"zh": "甲", "en": "A"}, **data}}))
    assert report is not None, problems
    return report.figure("x")


@st.composite
def plain_figures(draw: st.DrawFn) -> dict[str, Any]:
    """A figure of any unit, magnitude, qualifier and sign, without a change."""
    unit = draw(st.sampled_from(ALL_UNITS))
    hanzi = draw(st.booleans())  # Chinese numerals (四万件, 连续四年), below 10,000
    value = Decimal(draw(st.integers(0, 9999))) if hanzi else draw(signed(decimals()))
    data: dict[str, Any] = {"value": str(value), "unit": unit}
    if hanzi:
        data["numerals"] = "hanzi"
    if (qualifier := draw(st.sampled_from([None, *ZH_QUALIFIERS]))) is not None:
        data["qualifier"] = qualifier
    kind = ENTRIES[split_unit(unit)[1]]["kind"]
    if unit in BASES and draw(st.booleans()):
        data["base"] = BASES[unit]
    elif "/" not in unit and kind in PREFIXED_KINDS and draw(st.booleans()):
        data["per"] = PER
    return data


PER = {"zh": "每万人", "en": "per 10,000 people"}
"""A per-capita basis: 每万人22.93件 / 22.93 per 10,000 people (件/万人 in a table)."""
BASES = {"%": {"zh": "全国总量", "en": "the national total"},
         "倍": {"zh": "全国平均水平", "en": "the national average"}}
"""What a share or a multiple is of: 约占全国总量的12.3% / about 12.3% of the national
total; 是全国平均水平的3.4倍 / 3.4 times the national average."""


def zh_context(text: str, figure: Figure) -> tuple[str, str]:
    """A Chinese quantity without its per-capita basis or base, and which it had (per,
    base:全国总量 or nothing)."""
    if figure.base and (m := re.fullmatch(rf"(?P<pre>{ZH_PREFIX})?[占是](?P<base>.+?)的(?P<q>.+)",
                                          text)):
        return (m["pre"] or "") + m["q"], "base:" + m["base"]
    if figure.per and text.startswith(PER["zh"]):
        return text.removeprefix(PER["zh"]), "per"
    if figure.per and text.endswith("/万人"):  # a table's unit cell: 件/万人
        return text.removesuffix("/万人"), "per"
    return text, ""


def en_context(text: str, figure: Figure) -> tuple[str, str]:
    """An English quantity without its per-capita basis or base, and which it had."""
    for base in BASES.values():
        for link in (" of ", " "):
            if figure.base and text.endswith(link + base["en"]):
                return text.removesuffix(link + base["en"]), "base:" + base["zh"]
    if figure.per and text.endswith(" " + PER["en"]):
        return text.removesuffix(" " + PER["en"]), "per"
    return text, ""


STATES = {"{x}": ("per", "base"), ":quantity": ("base",), "table": ("per",),
          "key figure": ("per", "base")}
"""Where a figure's per-capita basis and base are stated with its value."""


def context_of(figure: Figure, where: str) -> str:
    """What ``where`` states with the figure's value: per, base:… or nothing."""
    if figure.per and "per" in STATES.get(where, ()):
        return "per"
    if figure.base and "base" in STATES.get(where, ()):
        return "base:" + figure.base.zh
    return ""


def chart_label(value: Decimal, code: str) -> str:
    """What a spreadsheet shows for ``value`` in number format ``code`` (the formats
    spreadsheet_format writes: quoted text, #,##0 or 0 with decimals, thousands commas)."""
    m = re.fullmatch(r'(?:"(?P<before>[^"]*)")?(?P<group>#,##)?0(?:\.(?P<zeros>0+))?'
                     r'(?P<commas>,*)(?:"(?P<after>[^"]*)")?', code)
    assert m, code
    shown = value.scaleb(-3 * len(m["commas"]))
    places = len(m["zeros"] or "")
    rounded = shown.quantize(Decimal(1).scaleb(-places))
    assert rounded == shown, f"format {code} rounds {value}"
    number = f"{rounded:,.{places}f}" if m["group"] else f"{rounded:.{places}f}"
    return (m["before"] or "") + number + (m["after"] or "")


def value_texts(figure: Figure, lang: str) -> dict[str, str]:
    """Every text that states the figure's value in ``lang``, by where it is printed."""
    number, unit = value_cells(figure, lang)
    magnitude = split_unit(figure.unit)[0]
    base = split_unit(figure.unit)[1]
    zh_tail = magnitude + base if lang == "zh" else ""
    return {
        "{x}": figure_value(figure, lang),
        ":quantity": figure_quantity(figure, lang),
        ":number": figure_number(figure, lang) + zh_tail,
        ":words": figure_words(figure, lang) + zh_tail,
        "table": number + unit,
        "key figure": key_figure(figure, lang).value,
        "chart": chart_label(*spreadsheet_format(figure.value, figure.unit_def, lang)),
    }


SETTINGS = settings(max_examples=500, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(plain_figures())
def test_both_languages_state_the_same_value(data: dict[str, Any]) -> None:
    assert_same_value(data)


VALUES = ("0.001", "1", "1.25", "499.06", "5600", "12345678.9", "-3.5", "99999999999999")
"""Values from 0.001 to 10^14 that every unit is read back at, in every run."""
QUALIFIER_CYCLE = [None, *ZH_QUALIFIERS]


@pytest.mark.parametrize("index", range(len(ALL_UNITS)), ids=lambda i: ALL_UNITS[i] or "none")
def test_every_unit_and_magnitude_states_the_same_value(index: int) -> None:
    """Whatever Hypothesis draws, every unit and magnitude, shipped and the spec's own, is
    read back at each value, with the qualifiers in turn."""
    for offset, value in enumerate(VALUES):
        qualifier = QUALIFIER_CYCLE[(index + offset) % len(QUALIFIER_CYCLE)]
        assert_same_value({"value": value, "unit": ALL_UNITS[index],
                           **({"qualifier": qualifier} if qualifier else {})})


def assert_same_value(data: dict[str, Any]) -> None:
    """Render the figure of ``data`` in every form in both languages and read each back."""
    figure = build(data)
    zh, en = value_texts(figure, "zh"), value_texts(figure, "en")
    for where in zh:
        (zh_text, zh_has), (en_text, en_has) = zh_context(zh[where], figure), \
            en_context(en[where], figure)
        assert zh_has == en_has == context_of(figure, where), f"{where}: {zh[where]} / " \
                                                              f"{en[where]}"
        zh_reading, en_reading = read_zh(zh_text), read_en(en_text)
        if where in (":number", ":words"):  # the bare number: no unit, no qualifier
            assert (zh_reading.value, zh_reading.scale, zh_reading.decimals) == \
                (en_reading.value, en_reading.scale, en_reading.decimals), \
                f"{where}: {zh[where]} / {en[where]}"
            continue
        if where == "chart" and figure.qualifier:  # a chart's bar is its number
            zh_reading = Quantity(zh_reading.value, zh_reading.unit)
        same_quantity(zh_reading, en_reading, f"{where}: {zh[where]} / {en[where]}")


def test_the_jin_gloss_of_every_magnitude() -> None:
    """The cases of issue 33: the magnitude applies before the conversion."""
    for value, unit, gloss in (("1.25", "万斤", "6,250 kg"), ("2", "亿斤", "100 million kg"),
                               ("5600", "斤", "2,800 kg")):
        assert figure_value(build({"value": value, "unit": unit}), "en").endswith(
            f" jin ({gloss})")


# --- Changes. ---


@dataclass(frozen=True)
class Move:
    """A change as read: its form, direction, size (a quantity; places as a count) and
    the values it goes from and to."""

    form: str
    sign: int
    amount: Quantity | None = None
    previous: Quantity | None = None
    value: Quantity | None = None


def zh_position(text: str) -> Decimal:
    """A Chinese position: 第三名, 第12位, 第二, 首位."""
    if text == "首位":
        return Decimal(1)
    m = re.fullmatch(r"第(.+?)[位名]?", text)
    assert m, text
    return zh_number(m[1])


def en_position(text: str) -> Decimal:
    """An English position: third, 12th."""
    if text in EN_ORDINALS:
        return Decimal(EN_ORDINALS.index(text))
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    assert m, text
    return Decimal(m[1])


def zh_sign(verb: str) -> int:
    """+1 for a Chinese word of a rise, −1 for one of a fall."""
    assert verb in RISE or verb in FALL, verb
    return 1 if verb in RISE else -1


def en_sign(word: str) -> int:
    """+1 for an English word of a rise, −1 for one of a fall."""
    assert word in EN_RISE or word in EN_FALL, word
    return 1 if word in EN_RISE else -1


ZH_VERB = "|".join(sorted(RISE + FALL, key=len, reverse=True))


def read_zh_move(text: str, rank: bool) -> Move:
    """A Chinese change phrase, or a table's change cell (+1.5 with the unit column's
    unit appended by the caller)."""
    quantity = zh_position if rank else read_zh
    if text == "新增":
        return Move("new", 1)
    if re.fullmatch(r"(?:同比)?持平", text):
        return Move("unchanged", 0)
    if m := re.fullmatch(rf"(?:同比)?由(?P<prev>.+?)(?P<verb>{ZH_VERB})至(?P<value>.+)", text):
        return Move("from_to", zh_sign(m["verb"]), previous=_q(quantity(m["prev"])),
                    value=_q(quantity(m["value"])))
    if m := re.fullmatch(rf"由(?P<prev>.+?)(?P<verb>{ZH_VERB})", text):  # a table cell
        return Move("from", zh_sign(m["verb"]), previous=_q(quantity(m["prev"])))
    if m := re.fullmatch(rf"(?:同比)?(?P<verb>{ZH_VERB})到(?P<value>.+)", text):
        return Move("to", zh_sign(m["verb"]), value=_q(quantity(m["value"])))
    if m := re.fullmatch(rf"(?P<pre>{ZH_PREFIX})?(?P<sign>[+−±])(?P<amount>.+)", text):
        sign = {"+": 1, "−": -1, "±": 0}[m["sign"]]
        return Move("delta", sign, amount=read_zh((m["pre"] or "") + m["amount"]))
    m = re.fullmatch(rf"(?:同比)?(?P<verb>{ZH_VERB})(?P<amount>.+)", text)
    assert m, f"unreadable Chinese change {text!r}"
    if rank:
        places = re.fullmatch(r"(\d+)位", m["amount"])
        assert places, text
        return Move("delta", zh_sign(m["verb"]), amount=Quantity(Decimal(places[1]), "places"))
    return Move("delta", zh_sign(m["verb"]), amount=read_zh(m["amount"]))


def _q(value: Quantity | Decimal) -> Quantity:
    """A position as a quantity of places, or the quantity itself."""
    return value if isinstance(value, Quantity) else Quantity(value, "position")


def read_en_move(text: str, rank: bool) -> Move:
    """An English change phrase or table change cell."""
    quantity = en_position if rank else read_en
    if text == "new":
        return Move("new", 1)
    if text in ("unchanged", "unchanged year on year"):
        return Move("unchanged", 0)
    words = "|".join(EN_RISE + EN_FALL)
    if m := re.fullmatch(rf"(?P<dir>{words}) from (?P<prev>.+?) to (?P<value>.+)", text):
        return Move("from_to", en_sign(m["dir"]), previous=_q(quantity(m["prev"])),
                    value=_q(quantity(m["value"])))
    if m := re.fullmatch(rf"(?P<dir>{words}) from (?P<prev>.+)", text):
        return Move("from", en_sign(m["dir"]), previous=_q(quantity(m["prev"])))
    if m := re.fullmatch(rf"(?P<dir>{words}) to (?P<value>.+)", text):
        return Move("to", en_sign(m["dir"]), value=_q(quantity(m["value"])))
    if m := re.fullmatch(rf"(?:(?P<q>{'|'.join(EN_QUALIFIERS)}) )?(?P<sign>[+−±])"
                         r"(?P<amount>.+?)(?P<pp> pp)?(?P<more> or (?:more|less))?", text):
        sign = {"+": 1, "−": -1, "±": 0}[m["sign"]]
        amount = read_en((m["q"] + " " if m["q"] else "") + m["amount"] + (m["more"] or ""))
        if m["pp"]:
            amount = Quantity(amount.value, en_label("个百分点", amount.value), amount.qualifier)
        return Move("delta", sign, amount=amount)
    m = re.fullmatch(rf"(?P<dir>{words})(?: by)? (?P<amount>.+?)(?: year on year)?", text)
    assert m, f"unreadable English change {text!r}"
    if rank:
        places = re.fullmatch(r"(\w+) places?", m["amount"])
        assert places, text
        return Move("delta", en_sign(m["dir"]),
                    amount=Quantity(en_number(places[1], None)[0], "places"))
    return Move("delta", en_sign(m["dir"]), amount=read_en(m["amount"]))


def same_move(zh: Move, en: Move, where: str) -> None:
    """Assert that a Chinese and an English change say the same."""
    assert (zh.form, zh.sign) == (en.form, en.sign), f"{where}: {zh} / {en}"
    for part in ("amount", "previous", "value"):
        a, b = getattr(zh, part), getattr(en, part)
        assert (a is None) == (b is None), f"{where}: {part}"
        if a is None or b is None:
            continue
        if a.unit in ("places", "position"):
            assert (a.value, a.unit) == (b.value, b.unit), f"{where}: {part}"
        else:
            same_quantity(a, b, f"{where} ({part})")


def change_texts(figure: Figure, lang: str) -> dict[str, str]:
    """Every text that states the figure's change in ``lang``."""
    texts = {":change": figure_change(figure, lang),
             "key figure": key_figure(figure, lang).change,
             "table": change_cell(figure, lang).text}
    if figure.change is not None and figure.change.previous is not None:
        texts[":previous"] = figure_previous(figure, lang)
    return texts


MEASURED_UNITS = {
    "quantity": [u for u in ALL_UNITS if ENTRIES[split_unit(u)[1]]["kind"] in PREFIXED_KINDS],
    "rate": ["%", "个百分点"],
    "duration": [u for u in ENTRIES if ENTRIES[u]["kind"] == "duration"],
    "score": ["分"],
    "multiple": ["倍"],
}

SMALL = decimals("0.001", "1e6")


@st.composite
def changing_figures(draw: st.DrawFn) -> dict[str, Any]:
    """A figure with a change: a percent, an increment (points for a rate, a multiple's
    times), places or from → to, of any sign, with or without a qualifier."""
    measure = draw(st.sampled_from([*MEASURED_UNITS, "rank"]))
    if measure == "rank":
        position = draw(st.integers(1, 40))
        change: dict[str, Any] = draw(st.one_of(
            # a move down cannot start above the first place (the model refuses it)
            st.builds(lambda p: {"places": p}, st.integers(max(-30, 1 - position), 30)),
            st.builds(lambda p: {"previous": p}, st.integers(1, 40))))
        return {"value": position, "unit": draw(st.sampled_from(["位", "名"])), "kind": "rank",
                "change": change}
    unit = draw(st.sampled_from(MEASURED_UNITS[measure]))
    value = draw(SMALL if measure == "quantity" else st.decimals("0", "1000", places=1))
    form = draw(st.sampled_from(["percent", "increment", "from_to", "to", "computed"]))
    sizes = st.one_of(st.just(Decimal(0)), signed(SMALL))
    change = {}
    if form == "percent":
        change = {"percent": str(draw(sizes))}
        if measure == "rate":
            change["form"] = "percent"
    elif form == "increment":
        change = {"increment": str(draw(sizes))}
    else:  # from the previous value: a percent or increment computed, from → to, to
        change = {"previous": str(draw(st.one_of(st.just(Decimal(0)), st.just(value), SMALL)))}
        if form in ("from_to", "to"):
            change["form"] = form
    data: dict[str, Any] = {"value": str(value), "unit": unit, "change": change}
    if form in ("percent", "increment") and Decimal(str(change.get(form))) != 0 \
            and draw(st.booleans()):  # a qualified zero is refused by the model
        change["qualifier"] = draw(st.sampled_from(list(ZH_QUALIFIERS)))
    elif form in ("from_to", "to") and draw(st.booleans()):
        data["qualifier"] = draw(st.sampled_from(list(ZH_QUALIFIERS)))
    return data


@SETTINGS
@given(changing_figures())
def test_both_languages_state_the_same_change(data: dict[str, Any]) -> None:
    assert_same_change(data)


CHANGES_OF = {
    "quantity": ({"percent": "-3.5"}, {"increment": "0.25", "qualifier": "以上"},
                 {"previous": "10.0"}, {"previous": "499.06", "form": "from_to"}),
    "rate": ({"increment": "-1.2"}, {"percent": "4.5", "form": "percent"},
             {"previous": "30", "form": "from_to"}, {"previous": "35.6"}),
    "duration": ({"previous": "22"}, {"increment": "-3"}),
    "score": ({"previous": "80", "form": "to"}, {"increment": "2.5"}),
    "multiple": ({"previous": "3.1"}, {"increment": "0.3"}),
}
"""The changes each measure is read back with, in every unit that has it."""
EVERY_MEASURED_UNIT = [(measure, unit) for measure, units in MEASURED_UNITS.items()
                       for unit in units]


@pytest.mark.parametrize(("measure", "unit"), EVERY_MEASURED_UNIT)
def test_every_measure_states_the_same_change(measure: str, unit: str) -> None:
    """Whatever Hypothesis draws, every unit of every measure is read back with each of
    its changes (a duration's value qualified: 3个月左右)."""
    for change in CHANGES_OF[measure]:
        extra = {"qualifier": "左右"} if measure == "duration" and "previous" in change else {}
        assert_same_change({"value": "12.5", "unit": unit, "change": change, **extra})


@pytest.mark.parametrize("data", [
    {"value": "3", "unit": "名", "kind": "rank", "change": {"places": 2}},
    {"value": "3", "unit": "位", "kind": "rank", "change": {"previous": 12}},
    {"value": "1", "unit": "位", "kind": "rank", "change": {"previous": 1}},
])
def test_ranks_state_the_same_change(data: dict[str, Any]) -> None:
    assert_same_change(data)


def assert_same_change(data: dict[str, Any]) -> None:
    """Render the change of the figure of ``data`` in every form in both languages and read
    each back."""
    figure = build(data)
    rank = figure.kind == "rank"
    zh, en = change_texts(figure, "zh"), change_texts(figure, "en")
    for where in zh:
        if where == ":previous":
            if rank:
                assert zh_position(zh[where]) == en_position(en[where]), where
            else:
                same_quantity(read_zh(zh[where]), read_en(en[where]), where)
            continue
        zh_text = zh[where]
        if where == "table" and not rank:
            zh_text = _with_unit_column(zh_text, figure)
        zh_move, en_move = read_zh_move(zh_text, rank), read_en_move(en[where], rank)
        same_move(zh_move, en_move, f"{where}: {zh[where]} / {en[where]}")
        said = read_zh_move(zh[":change"], rank).sign
        assert zh_move.sign == said, f"{where}: {zh[where]} moves otherwise than {zh[':change']}"


def _with_unit_column(cell: str, figure: Figure) -> str:
    """A Chinese change cell with the unit its table's unit column gives, where the cell
    states the number alone (+1.5 | 万件)."""
    m = re.fullmatch(rf"((?:{ZH_PREFIX})?[+−±][\d.]+)(以上|左右|以内|以下|余|多)?", cell)
    if m is None:
        return cell
    return m[1] + figure.unit + (m[2] or "")


def test_the_table_increment_of_a_magnitude_unit_is_whole_in_english() -> None:
    """+1.5 under a 万件 column is +15,000 in English, whose table has no unit column."""
    figure = build({"value": "51.7", "unit": "万件", "change": {"increment": "1.5"}})
    assert change_cell(figure, "zh").text == "+1.5"
    assert change_cell(figure, "en").text == "+15,000"
    money = build({"value": "2", "unit": "亿元", "change": {"increment": "0.5"}})
    assert change_cell(money, "en").text == "+RMB 50 million"


def respective_items(text: str, lang: str) -> list[tuple[int, str]]:
    """The (sign, amount text) of each change of a 分别 / respectively phrase: a direction
    word said once before the first amount serves all, else each amount has its own."""
    signs: Callable[[str], int]
    if lang == "zh":
        m = re.fullmatch(r"同比分别(?P<items>.+)", text)
        assert m, text
        items, verbs = re.split("、|和", m["items"]), ZH_VERB
        pattern, signs = rf"(?P<dir>{verbs})?(?P<amount>.+)", zh_sign
    else:
        m = re.fullmatch(r"(?P<items>.+) year on year respectively", text)
        assert m, text
        items, verbs = re.split(", | and ", m["items"]), "|".join(EN_RISE + EN_FALL)
        pattern, signs = rf"(?:(?P<dir>{verbs}) )?(?P<amount>.+)", en_sign
    parts = [re.fullmatch(pattern, item) for item in items]
    assert all(parts) and parts[0] and parts[0]["dir"], text
    shared = not any(p["dir"] for p in parts[1:] if p)
    assert shared or all(p["dir"] for p in parts if p), text
    return [(signs(parts[0]["dir"] if shared else p["dir"]), p["amount"]) for p in parts if p]


@st.composite
def respective_figures(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Two or three figures in one unit, each with a percent or an increment change."""
    unit = draw(st.sampled_from(MEASURED_UNITS["quantity"]))
    form = draw(st.sampled_from(["percent", "increment"]))
    sizes = st.lists(signed(SMALL), min_size=2, max_size=3)
    return [{"value": str(draw(SMALL)), "unit": unit, "change": {form: str(size)}}
            for size in draw(sizes)]


@SETTINGS
@given(respective_figures())
def test_changes_said_together_read_back_the_same(figures: list[dict[str, Any]]) -> None:
    ids = [f"f{i}" for i in range(len(figures))]
    data = spec({fid: {"label": {"zh": "甲", "en": "A"}, **f}
                 for fid, f in zip(ids, figures, strict=True)})
    report, problems = validate_data(data)
    assert report is not None, problems
    ref = next(iter(parse("{" + ",".join(ids) + ":change}")))
    assert isinstance(ref, FigureRef)
    zh = respective_items(render_reference(ref, report, "zh"), "zh")
    en = respective_items(render_reference(ref, report, "en"), "en")
    assert len(zh) == len(en) == len(figures)
    for fid, (zh_sign_, zh_amount), (en_sign_, en_amount) in zip(ids, zh, en, strict=True):
        alone = read_zh_move(figure_change(report.figure(fid), "zh"), False)
        assert zh_sign_ == en_sign_ == alone.sign, fid
        same_quantity(read_zh(zh_amount), read_en(en_amount), f"{fid}: {zh_amount}")
