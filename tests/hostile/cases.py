"""The hostile corpus: cases generated from lists of attacks, each with the class of end it
must reach (issue 25 item 7).

A case is files to write into an empty folder, a command line to run there, and what the
run must end in: ``BUILT`` (exit 0; for a draft, a spec that loads) or ``REFUSED`` (exit 1,
the expected words in the message, every message line naming its file, with the line
where ``located``, and nothing written). Every case must end within its time bound and
never exit 70. New attacks go in the lists below; each list crosses its attacks with the
paths a user's input comes by (a spec value, a figures CSV, a figures YAML, a brief, a
theme), so that a new path cannot quietly reopen an old hole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml

from tests.conftest import MINIMAL, ROOT

BUILT = "built"
REFUSED = "refused"


@dataclass(frozen=True)
class Case:
    """One hostile input, the command run on it and the end it must reach."""

    name: str
    files: dict[str, str | bytes]
    argv: tuple[str, ...]
    expect: str
    needle: str = ""
    """Words the refusal's message holds (or, for BUILT, the output holds)."""
    located: bool = True
    """Whether each refusal names a line of the file."""
    seconds: float = 20
    links: dict[str, str] = field(default_factory=dict)
    """Symbolic links to make: name → target."""


def swap(old: str, new: str, text: str = MINIMAL) -> str:
    """``text`` with ``old`` replaced by ``new`` once (``old`` must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def check(name: str, spec: str, expect: str, needle: str, located: bool = True,
          filename: str = "spec.yaml") -> Case:
    """A case of ``ipdocs check`` on one spec."""
    return Case(name, {filename: spec}, ("check", filename), expect, needle, located)


def draft(name: str, figures: str | bytes, filename: str, expect: str, needle: str,
          located: bool = True) -> Case:
    """A case of ``ipdocs draft`` from the minimal spec and a figures file."""
    return Case(name, {"spec.yaml": MINIMAL, filename: figures},
                ("draft", "spec.yaml", filename, "-o", "next.yaml"), expect, needle, located)


NUMBER_FORMS: tuple[tuple[str, str | None], ...] = (
    ("71425", None), ("71,425", None), ("1,234,567.5", None), ("610.93", None),
    ("+3", None), ("1.2e4", None),
    ("017", "leading zero"), ("0017.5", "leading zero"), ("610,93", "comma"),
    ("1.234,5", "comma"), ("71,42,5", "comma"), (",425", "comma"), ("0x1F", "decimal"),
    ("0b11", "decimal"), ("1:20", "base 60"), ("1_000", "underscores"),
    ("１２３", "digits 0-9"), ("٣", "digits 0-9"), ("11.4%", "without %"),
    ("1e30", "too large"), ("1e-999999999", "after the point"), (".inf", "decimal"),
    ("NaN", "decimal"), ("9" * 300, "too long"),
)
"""Number forms and, for a refused one, words of its refusal: the one number rule."""


def number_cases() -> list[Case]:
    """Every number form by every path: a spec's value, a CSV cell, a YAML figures value."""
    cases = []
    for form, refusal in NUMBER_FORMS:
        expect = REFUSED if refusal else BUILT
        needle = refusal or ""
        quoted = json.dumps(form, ensure_ascii=False)
        cases += [
            check(f"number {form[:20]} in a spec", swap("value: 71425", f"value: {quoted}"),
                  expect, needle),
            draft(f"number {form[:20]} in a CSV", f'id,value\npatents.grants,"{form}"\n',
                  "new.csv", expect, needle),
            draft(f"number {form[:20]} in a YAML figures file",
                  f"patents.grants: {quoted}\n", "new.yaml", expect, needle),
        ]
    cases.append(check("a rank position 017", swap(
        "    unit: 件\n    change", "    unit: 件\n    rank: {position: '017', scope: "
        "{zh: 全国, en: China}}\n    change"), REFUSED, "leading zero"))
    cases.append(check("a history year 02023", swap(
        "    unit: 件\n    change", "    unit: 件\n    history: {'02023': 5}\n    change"),
        REFUSED, "leading zero"))
    return cases


CHARACTERS: tuple[tuple[str, str, str], ...] = (
    ("NUL", "\\0", "U+0000"), ("a C1 control", "\\x9b", "U+009B"),
    ("NEL raw", "\x85", "U+0085"), ("NEL escaped", "\\x85", "U+0085"),
    ("U+FFFE", "\\uFFFE", "U+FFFE"), ("a right-to-left override", "\\u202E", "U+202E"),
    ("a zero-width space", "\\u200B", "ZERO WIDTH SPACE"),
    ("a byte-order mark mid-text", "\\uFEFF", "ZERO WIDTH NO-BREAK SPACE"),
    ("a left-to-right mark", "\\u200E", "LEFT-TO-RIGHT MARK"),
    ("a private-use character", "\\uE000", "private-use"),
    ("an unassigned code point", "\\u0378", "unassigned"),
    ("an escape beyond U+10FFFF", "\\U00110000", "no character"),
)
"""Characters a text cannot hold: name, how a YAML double-quoted string writes it, words
of its refusal."""

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("a section title", "en: IP Creation", 'en: "IP @Creation"'),
    ("a paragraph", "en: \"Of these, {patents.invention}", 'en: "Of@ these, {patents.invention}'),
    ("a figure label", "label: {zh: 专利授权量, en: Patents granted}",
     'label: {zh: "专利@授权量", en: Patents granted}'),
)
"""Fields a character may stand in: name, the text replaced, its replacement (the
character where @ stands)."""


def character_cases() -> list[Case]:
    """Every refused character in every kind of text of a spec."""
    cases = []
    for name, written, refusal in CHARACTERS:
        for where, old, new in FIELDS:
            cases.append(check(f"{name} in {where}", swap(old, new.replace("@", written)), REFUSED,
                               refusal))
    return cases


BOMB = 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))


def yaml_cases() -> list[Case]:
    """YAML attacks, at known keys and unknown ones."""
    many = "junk:\n  anchor: &x {k: v, l: w}\n  list: [" + ", ".join(["*x"] * 12_000) + "]\n"
    scalars = "junk:\n  anchor: &x v\n  list: [" + ", ".join(["*x"] * 40_000) + "]\n"
    return [
        check("an alias bomb", BOMB + MINIMAL, REFUSED, "aliases repeat"),
        check("12,000 aliased mappings under an unknown key", MINIMAL + many, REFUSED,
              "aliases repeat"),
        check("40,000 aliases under an unknown key", MINIMAL + scalars, REFUSED,
              "aliases repeat"),
        check("a recursive alias", "a: &a [1, *a]\n" + MINIMAL, REFUSED, "contains it"),
        check("YAML 1000 deep", "[" * 1000 + "]" * 1000, REFUSED, "nested more than 32"),
        check("!!binary", swap("en: IP Creation", "en: !!binary aGVsbG8="), REFUSED,
              "!!binary"),
        check("!!set", MINIMAL + "key_figures: !!set {patents.grants: null}\n", REFUSED,
              "!!set"),
        check("a JSON spec with a byte-order mark",
              "\ufeff" + json.dumps(yaml.safe_load(MINIMAL), ensure_ascii=False), BUILT, "",
              filename="spec.json"),
    ]


def prose_cases() -> list[Case]:
    """Placeholders and references that cannot mean anything."""
    return [
        check("a placeholder with spaces", swap("{patents.invention}。", "{ patents.invention }。"),
              REFUSED, "spaces inside its braces"),
        check("a placeholder spaced at its colon",
              swap("{patents.grants:change}。", "{patents.grants :change}。"), REFUSED,
              "spaces inside its braces"),
        check("a figure among its own parts", swap("parts: [patents.invention]",
                                                   "parts: [patents.invention, patents.grants]"),
              REFUSED, "its own parts"),
        check("a spec's own units", swap("unit: 件\n    change", "unit: 台套\n    change")
              + "units:\n  台套: {kind: count}\n", BUILT, ""),
        check("a soft hyphen", swap("en: IP Creation", 'en: "IP Cre\\u00ADation"'), BUILT, ""),
        check("a rank that fell from above the first place", swap(
            "    unit: 件\n    change: {percent: 11.4}",
            "    unit: 位\n    kind: rank\n    change: {places: -5}", MINIMAL.replace(
                "value: 71425", "value: 3")), REFUSED, "cannot have moved 5 places down"),
        check("asserted as a string", swap("    unit: 件\n    change",
                                           "    unit: 件\n    asserted: 'yes'\n    change"),
              REFUSED, "valid boolean"),
    ]


def figures_cases() -> list[Case]:
    """Figures files that would lose or corrupt something, and values no figure takes."""
    return [
        draft("an unquoted comma in a CSV note", "id,value,note\npatents.grants,5,see, 约\n",
              "new.csv", REFUSED, "fields where the header has"),
        draft("NEL in a CSV note", "id,value,note\npatents.grants,5,\"a\x85b\"\n", "new.csv",
              REFUSED, "U+0085"),
        draft("NUL in a CSV id", "id,value\npatents.gr\x00ants,5\n", "new.csv", REFUSED,
              "U+0000"),
        draft("a negative count", "id,value\npatents.grants,-5\n", "new.csv", REFUSED,
              "below zero"),
        draft("an unknown id", "id,value\npatents.typo,5\n", "new.csv", REFUSED,
              "no such figure"),
        draft("a workbook that is not a zip", "id,value\n", "new.xlsx", REFUSED,
              "not a zip archive", located=False),
        draft("a binary CSV", b"\x89PNG\r\n\x1a\n\xff", "new.csv", REFUSED, "not UTF-8"),
        draft("a new value in words", "patents.grants: many\n", "new.yaml", REFUSED,
              "not a decimal number"),
    ]


BRIEFING_THEME_SIZES: tuple[tuple[str, str, str], ...] = (
    ("a header of 40 pt", "header: {font: sans, size: 8, color: muted}",
     "header: {font: sans, size: 40}"),
    ("a page number of 60 pt", "size: 9, font: sans}", "size: 60, font: sans}"),
    ("margins that leave no text", "  inside: 25", "  inside: 180"),
)


def theme_cases(briefing: str) -> list[Case]:
    """Themes whose sizes, margins or faces cannot serve, checked with the spec."""
    cases = [Case(name, {"spec.yaml": MINIMAL, "theme.yaml": swap(old, new, briefing)},
                  ("check", "spec.yaml", "--theme", "theme.yaml"), REFUSED,
                  "theme.yaml:") for name, old, new in BRIEFING_THEME_SIZES]
    face = swap("bundled: serif}", "bundled: serif, regular_file: face.ttf}", briefing)
    whole = (ROOT / "fonts" / "NotoSerif-Regular.ttf").read_bytes()
    for name, content in (("a truncated face", whole[:20_000]), ("a face that is text",
                                                                 b"not a font\n")):
        cases.append(Case(f"a theme with {name}", {"spec.yaml": MINIMAL, "theme.yaml": face,
                                                   "face.ttf": content},
                          ("check", "spec.yaml", "--theme", "theme.yaml"), REFUSED,
                          "fonts.serif.regular_file"))
    latin = {"spec.yaml": MINIMAL, "theme.yaml": face, "face.ttf": whole}
    for command in ("check", "build"):
        cases.append(Case(f"a theme with a Latin-only face, in {command}", latin,
                          (command, "spec.yaml", "--theme", "theme.yaml"), REFUSED,
                          "theme.yaml: fonts.serif.regular_file (face.ttf) cannot set U+"))
    return cases


def file_cases() -> list[Case]:
    """Files that are not what they claim to be."""
    return [
        Case("a spec that is a symlink loop", {}, ("check", "a.yaml"), REFUSED,
             "symbolic links", located=False, links={"a.yaml": "b.yaml", "b.yaml": "a.yaml"}),
        Case("a spec of 4 MiB and one byte", {"spec.yaml": "#" * (4 * 1024 * 1024 + 1)},
             ("check", "spec.yaml"), REFUSED, "larger than 4.0 MiB", located=False),
        Case("a spec of a 245-byte name", {"报" * 80 + ".yaml": MINIMAL},
             ("build", "报" * 80 + ".yaml"), REFUSED, "longer than 247", located=False),
        Case("a brief with NUL in its name", {"spec.yaml": MINIMAL,
                                             "brief.yaml": 'name: "a\\0b"\nbuilders: [cover]\n'},
             ("check", "spec.yaml", "--brief", "brief.yaml"), REFUSED, "U+0000"),
    ]


def all_cases(briefing: str) -> list[Case]:
    """The whole corpus, by name."""
    cases = [*number_cases(), *character_cases(), *yaml_cases(), *prose_cases(),
             *figures_cases(), *theme_cases(briefing), *file_cases()]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names are unique"
    return sorted(cases, key=lambda c: c.name)
