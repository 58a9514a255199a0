"""What a report can hold: numbers a report can print, texts a document can set.

These hold however a report is made, from a spec file or in Python
(``Report.model_validate``): the model's figures are ``Number`` and its texts ``Prose``.

The number rule, one for every path a number comes by (a spec in YAML or JSON, a
figures CSV or YAML, a text or number cell of the figures workbook, a value given in
Python): a number is decimal as written: a ``Decimal``, an ``int``, or a ``str`` in
digits 0-9 with an optional sign, point and exponent (``'610.93'``, ``'-13.3'``,
``'1.2e4'``), its thousands optionally separated by commas in groups of three
(``'71,425'``, ``'1,234,567.5'``). A ``float`` (from PyYAML, pandas, or Python code) is
read as the decimal its shortest repr spells when that has at most ``MAX_SIGNIFICANT``
significant digits (``5.5``, ``71425.0`` as 71425: a float keeps no trailing zeros, so
give ``'5.50'`` to print 5.50); any other float is refused, since it is not the number
its author meant (``0.1 + 0.2``). Refused too are forms other readers take for other
numbers: a leading zero (``'017'``, octal to YAML 1.1), ``'0x1F'``, ``'1:20'`` (base 60),
``'1_000'``, a decimal comma or misgrouped thousands (``'610,93'``, ``'1.234,5'``,
``'71,42,5'``), full-width digits (``'１２３'``). And it is a number a report can print:
at most ``MAX_SIGNIFICANT`` significant digits, less than 10^``MAX_INTEGER_DIGITS``, at
most ``MAX_FRACTION_DIGITS`` digits after the point. An exponent is read as the number
it spells (``1.2e4`` is 12000); ``-0`` is 0. Whole numbers (a year, a rank's position, a
history year) follow the same rule (``Whole``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator, Strict

from ipdocs.base.folding import soft_breaks
from ipdocs.base.inputs import normalise, text_problem
from ipdocs.base.patterns import on_first_use
from ipdocs.model.markup import is_list

MAX_SIGNIFICANT = 15
"""Significant digits of a figure, at most (what a double can carry; reports use ≤ 8)."""

MAX_INTEGER_DIGITS = 15
"""Digits before the point, at most: 10^15 元 is a thousand times China's GDP."""

MAX_FRACTION_DIGITS = 6
"""Digits after the point, at most (reports print two, sometimes four)."""

MAX_SECTION_DEPTH = 6
"""Sections inside sections, at most (the official numbering has four levels)."""

MAX_SPELLED = 99_999_999
"""The largest number written in Chinese numerals (a rank 第…位, ``numerals: hanzi``)."""

MAX_PROPERTY = 255
"""The longest text a DOCX core property (title, subject, author, keywords) holds."""

PROPERTY_ROOM = 32
"""What a property adds to a report's texts: the draft's mark (【草稿】, DRAFT: ), the
' / ' between languages, the year after the region."""

MAX_NUMBER_CHARS = 64
"""The longest text read as a number."""

_NUMBER = on_first_use(
    r"[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,10})?")
_GROUPED = on_first_use(r"[-+]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
"""Thousands separated by commas, in groups of three: 71,425 and 1,234,567.5."""
_LEADING_ZERO = on_first_use(r"[-+]?0[0-9]")


def _shown(text: str) -> str:
    """A text quoted for a message, cut short when long."""
    return repr(text if len(text) <= 24 else text[:20] + "…")


def number_problem(value: Decimal) -> str | None:
    """Why ``value`` is not a number a report can print, or None."""
    if not value.is_finite():
        return f"{value} is not a finite number"
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    significant = 0 if value.is_zero() else len(digits)
    if not value.is_zero() and value.adjusted() >= MAX_INTEGER_DIGITS:
        return (f"{_shown(str(value))} is too large: a number has at most "
                f"{MAX_INTEGER_DIGITS} digits before the point")
    if exponent < -MAX_FRACTION_DIGITS:
        return (f"{_shown(str(value))} has {-exponent:,} digits after the point; at most "
                f"{MAX_FRACTION_DIGITS}")
    if significant > MAX_SIGNIFICANT:
        return (f"{_shown(str(value))} has {significant} significant digits; at most "
                f"{MAX_SIGNIFICANT}")
    return None


def _text_form_problem(text: str) -> str | None:
    """Why ``text`` is not a decimal number as ipdocs reads one, or None."""
    if len(text) > MAX_NUMBER_CHARS:
        return f"{_shown(text)} is too long for a number ({len(text):,} characters)"
    if _LEADING_ZERO.match(text) and _NUMBER.fullmatch(text.lstrip("+-").lstrip("0")):
        octal = ", which YAML 1.1 reads as an octal number" if text.isdigit() else ""
        plain = text.lstrip("+-").lstrip("0")
        return (f"{_shown(text)} has a leading zero{octal}: write "
                f"{'0' + plain if plain[:1] in ('.', '') else plain}")
    if not _NUMBER.fullmatch(text) and not _GROUPED.fullmatch(text):
        hint = _hint(text)
        return f"{_shown(text)} is not a decimal number" + (f": {hint}" if hint else "")
    return None


def _hint(text: str) -> str:
    """What to write instead of a text that is almost a number."""
    if text.isdecimal() or (text[:1] in "+-" and text[1:].isdecimal()):
        return f"write it in digits 0-9 ({Decimal(text)})"
    if text.endswith(("%", "％")):
        return "write the number without %: the figure's unit says it is a percent"
    if ":" in text:
        return "YAML 1.1 reads it as a number in base 60; write the number in digits 0-9"
    if "," in text or "，" in text:
        return ("a comma only separates thousands, in groups of three (71,425); the decimal "
                "point is '.' (610.93)")
    if "_" in text:
        return "write it without underscores"
    if text.lower().lstrip("+-").startswith(("0x", "0o", "0b")):
        return "write it in decimal digits"
    return ""


_REFUSED = ("is not a number ipdocs reads: give a Decimal, an int or a str "
            "(Decimal('0.1'), 12, '610.93')")


def _from_float(value: float) -> Decimal:
    """A float as the decimal its shortest repr spells (5.5 → 5.5, 71425.0 → 71425: a
    float keeps no trailing zeros), when that has at most ``MAX_SIGNIFICANT`` significant
    digits and so is the number its author wrote; ValueError for any other
    (0.1 + 0.2 is 0.30000000000000004, which nobody published)."""
    shown = repr(value).removesuffix(".0")
    number = Decimal(shown)
    if not number.is_finite() or len(number.as_tuple().digits) > MAX_SIGNIFICANT:
        raise ValueError(f"a float ({value!r}) {_REFUSED}")
    return number


def to_number(value: Any) -> Decimal:
    """``value`` as an exact Decimal within bounds; ValueError saying why not."""
    if isinstance(value, bool):
        raise ValueError(f"true or false {_REFUSED}")
    if isinstance(value, float):
        value = _from_float(value)
    if isinstance(value, str):
        problem = _text_form_problem(value.strip())
        if problem:
            raise ValueError(problem)
        value = Decimal(value.strip().replace(",", ""))
    elif isinstance(value, int):
        if value.bit_length() > 64:
            digits = int(value.bit_length() * 0.30103) + 1
            raise ValueError(f"an integer of about {digits:,} digits is too large: a number "
                             f"has at most {MAX_INTEGER_DIGITS} digits before the point")
        value = Decimal(value)
    elif not isinstance(value, Decimal):
        raise ValueError(f"expected a number, not {type(value).__name__}")
    problem = number_problem(value)
    if problem:
        raise ValueError(problem)
    return _plain(value)


def _plain(value: Decimal) -> Decimal:
    """A positive exponent spelled out (1.2E+4 → 12000); -0 as 0."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        value = value.quantize(Decimal(1))
    return abs(value) if value.is_zero() else value


NO_NUMBER: Any = None
"""The default of an ``OptionalNumber`` field (typed Any: the field's type is, to a type
checker, a descriptor, which None is not)."""


def no_numbers() -> Any:
    """The default of a ``NumbersByYear`` field: none."""
    return {}


def to_whole(value: Any) -> Any:
    """A text read as a number by the number rule (``'017'``, ``'0x1F'`` refused, as a
    figure's value is), for a field of whole numbers; anything else is left for the
    field's own type."""
    return to_number(value) if isinstance(value, str) else value


Whole = Annotated[int, BeforeValidator(to_whole)]
"""A whole number (a year, a rank's position, a history year): the number rule, then int."""


NumberIn = Decimal | int | str | float
"""What a figure's number may be given as (``to_number`` reads it)."""

if TYPE_CHECKING:
    # Type checkers read a dataclass-like field whose type is a descriptor as taking its
    # __set__ type in __init__ and giving its __get__ type when read (PEP 681): a figure
    # is made with Decimal('610.93'), '610.93', 610.93 or 12, and its value is a Decimal,
    # with no pydantic plugin.
    class Number:
        """A figure's number: given as any ``NumberIn``, read as a Decimal."""

        def __get__(self, instance: object, owner: type | None = None) -> Decimal: ...
        def __set__(self, instance: object, value: NumberIn) -> None: ...

    class OptionalNumber:
        """A number that may be absent: given as any ``NumberIn`` or None."""

        def __get__(self, instance: object, owner: type | None = None) -> Decimal | None: ...
        def __set__(self, instance: object, value: NumberIn | None) -> None: ...

    class NumbersByYear:
        """Numbers by year (a history): given as any ``NumberIn``, read as Decimals."""

        def __get__(self, instance: object,
                    owner: type | None = None) -> dict[int, Decimal]: ...
        def __set__(self, instance: object, value: Mapping[int, NumberIn]) -> None: ...
else:
    Number = Annotated[Decimal, BeforeValidator(to_number)]
    """A figure's number: exact, decimal as written, within the bounds above."""

    OptionalNumber = Number | None
    NumbersByYear = dict[Whole, Number]


def to_prose(value: Any) -> Any:
    """A text checked (length, characters) and in normalisation form C; anything that is
    not a str is left for the field's own type to refuse."""
    if not isinstance(value, str):
        return value
    problem, prose = _prose(value) if type(value) is str else (text_problem(value), None)
    if problem:
        raise ValueError(problem)
    return running(normalise(value)) if prose is None else prose


PROSE_KEPT = 1 << 13
"""Texts ``to_prose`` remembers what it found of (a spec has some 500; ``ipdocs watch``
validates it again after each edit, which leaves all but a text or two as they were)."""


@lru_cache(maxsize=PROSE_KEPT)
def _prose(value: str) -> tuple[str | None, str]:
    """Why ``value`` cannot be printed (or None) and its normalisation form C: what
    ``to_prose`` finds, by the text alone (a str itself: a subclass, equal to a str, may
    carry more, and is given back as it is where it needs no normalising). A line break
    in running text is set as the soft break it is (``running``)."""
    return text_problem(value), running(normalise(value))


def running(text: str) -> str:
    """``text`` with its line breaks set as soft breaks (``folding.soft_breaks``: a space,
    or nothing beside a Chinese character), unless it is a list (``- `` or ``1. `` lines,
    one item a line), whose line breaks part its items. So every writer prints the same
    text: a line break written in a paragraph or a title is not a line break in one
    writer and a space in another."""
    if "\n" not in text and "\r" not in text:
        return text
    return text if is_list(text) else soft_breaks(text)


Prose = Annotated[str, BeforeValidator(to_prose)]
"""A text a document prints: at most 10,000 characters, no control characters."""


Flag = Annotated[bool, Strict()]
"""A yes or no: true or false as written (YAML's yes and no are true and false), never a
text or a number read as one ('yes' quoted, 'false' quoted, 0)."""
