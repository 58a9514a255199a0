"""Hypothesis strategies for hostile inputs: scalars, texts and edits of a file."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

NASTY = ["\x00", "\x07", "\x1b", "\x85", "\ufffe", "\ufdd0", "\u202e", "\u200b", "\ufeff",
         "e\u0301", "𠮷", "🙂", "喆", "赟", "{", "}", "{{", "}}", "{year}", "{year+99999}",
         "{patents.grants}", "{patents.grants:change}", "{nosuch.id}", "**", "<b>", "&",
         "<img src=/etc/passwd>", "%", "\\", "'", '"', "#", ": ", "- ", "? ", "&a ", "*a",
         "!!set ", "!!binary ", "!!python/object:os.system ", "!!timestamp ", "017", "0x1F",
         "1:20", "1_000", "１２３", ".inf", ".nan", "1e30", "1e-999999999", "-0", "9" * 50,
         "yes", "no", "null", "~", "[", "]", "{}", "[]", "\t", "\n", "\r\n", "\n  ", "\n- ",
         " " * 8, "x" * 300, "宁波" * 50, "A" * 60]
"""Pieces that have broken a YAML reader, a parser, a writer or a font somewhere."""

texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=4).map("".join),
)
"""Texts a user might type or paste, hostile ones first."""

numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.decimals(allow_nan=True, allow_infinity=True, places=None),
    st.decimals(min_value=-10**15, max_value=10**15, places=6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["017", "0x1F", "1:20", "1_000", "１２３", "1e30", "1e-999999999",
                     "-0", "71,425", "610.930", " 7 ", "", "NaN", "9" * 5000]),
)
"""Numbers, and texts standing where a number should."""

scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
values: st.SearchStrategy[Any] = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                     st.dictionaries(texts, inner, max_size=4)),
    max_leaves=12)
"""Any value a YAML or JSON file can hold."""


@st.composite
def edits(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few pieces deleted, replaced or inserted at random places."""
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 12)))
        text = text[:start] + draw(texts) + text[end:]
    return text


def plain(value: Any) -> Any:
    """``value`` with Decimals as their text, for a YAML or JSON dump."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
