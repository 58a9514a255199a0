"""Loading specs: exact decimals, and every problem at once with field path and line."""

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ipdocs import SpecError, load_report
from ipdocs.base.fastyaml import read_yaml
from ipdocs.base.problems import locate
from ipdocs.loading import loader, read_spec
from ipdocs.loading.loader import load_glossary
from ipdocs.loading.screen import screen
from tests.conftest import MINIMAL

WriteSpec = Callable[..., Path]


def lines(path: Path) -> list[str]:
    """Every problem of the spec at ``path``, formatted, file name stripped."""
    return [p.format("F").removeprefix("F:") for p in read_spec(path).problems]


def test_loads_minimal(write_spec: WriteSpec) -> None:
    report = load_report(write_spec())
    assert report.figure("patents.grants").value == Decimal(71425)
    assert report.figure("patents.grants").change is not None


def test_floats_stay_exact_decimals(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("value: 12593", "value: 610.930")
    value = load_report(write_spec(text)).figure("patents.invention").value
    assert isinstance(value, Decimal)
    assert str(value) == "610.930"


def test_wrong_type_is_located(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("value: 12593", "value: many")
    assert lines(write_spec(text)) == [
        "24:12: error: figures[patents.invention].value: 'many' is not a decimal number"]


def test_unknown_figure_in_paragraph_is_located(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("发明专利授权量{patents.invention}", "发明专利授权量{patents.typo}")
    found = lines(write_spec(text))
    assert "12:13: error: sections[0].paragraphs[0].zh: unknown figure id 'patents.typo' " \
           "in placeholder" in found
    assert any(line.startswith("12:9: error: sections[0].paragraphs[0]: only the Chinese")
               for line in found)


def test_duplicate_figure_id_is_located(write_spec: WriteSpec) -> None:
    text = MINIMAL + "  patents.grants:\n    label: {zh: x, en: x}\n    value: 1\n    unit: 件\n"
    assert "26:3: error: figures[patents.grants]: duplicate key 'patents.grants' " \
           "(first at line 15)" in lines(write_spec(text))


def test_malformed_yaml_is_located(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("year: 2024", "year: [2024")
    found = lines(write_spec(text))
    assert len(found) == 1
    assert found[0].startswith("3:")
    assert "malformed YAML" in found[0]


def test_all_problems_reported_at_once(write_spec: WriteSpec) -> None:
    text = (MINIMAL.replace("value: 12593", "value: many")
            .replace("unit: 件\n    change", "unit: 斗\n    change")
            .replace("{patents.grants:change}。\"", "{patents.nope}。\""))
    found = lines(write_spec(text))
    assert len([line for line in found if "error" in line]) >= 4
    assert any("unknown unit '斗'" in line for line in found)
    assert any("patents.nope" in line for line in found)
    assert any("not a decimal number" in line for line in found)


def test_missing_field_points_at_its_parent(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("    value: 12593\n", "")
    assert lines(write_spec(text)) == [
        "23:5: error: figures[patents.invention].value: missing: a required field"]


def test_unknown_field(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("    value: 12593\n", "    value: 12593\n    valeu: 1\n")
    assert lines(write_spec(text)) == [
        "25:12: error: figures[patents.invention].valeu: unknown field (check its spelling)"]


def test_load_report_raises_spec_error_with_all_problems(write_spec: WriteSpec) -> None:
    path = write_spec(MINIMAL.replace("value: 12593", "value: many"))
    with pytest.raises(SpecError) as caught:
        load_report(path)
    assert caught.value.errors
    assert str(path) in str(caught.value)


def test_not_a_mapping(write_spec: WriteSpec) -> None:
    assert lines(write_spec("- just\n- a list\n")) == [
        "1:1: error: a spec is a mapping with region, year, title, sections and figures"]


def test_missing_file(tmp_path: Path) -> None:
    found = read_spec(tmp_path / "absent.yaml").problems
    assert "cannot read the file" in found[0].message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in read_spec(path).problems[0].message


def test_unsafe_yaml_tags_are_refused(write_spec: WriteSpec) -> None:
    text = "!!python/object/apply:os.system ['echo pwned']\n"
    found = lines(write_spec(text))
    assert "malformed YAML" in found[0]


def test_json_spec(write_spec: WriteSpec) -> None:
    import json

    import yaml

    data = yaml.safe_load(MINIMAL)
    path = write_spec(json.dumps(data, ensure_ascii=False, indent=2), "spec.json")
    assert load_report(path).figure("patents.grants").value == 71425


def test_json_errors_are_located(write_spec: WriteSpec) -> None:
    text = '{\n  "region": {"zh": "宁波市", "en": "Ningbo"},\n  "year": "twenty",\n}'
    found = lines(write_spec(text, "spec.json"))
    # Python 3.11 places a trailing comma's error at the brace (4:1), 3.13 at the comma
    assert found[0].startswith(("4:1: error: malformed JSON", "3:19: error: malformed JSON"))
    text = ('{"region": {"zh": "宁波市", "en": "Ningbo"},\n "year": "twenty",\n'
            ' "title": {"zh": "t", "en": "t"}}')
    assert lines(write_spec(text, "spec.json")) == [
        "2:10: error: year: 'twenty' is not a decimal number"]


def test_json_exact_decimals(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("value: 12593", "value: 610.930")
    import json

    import yaml
    data = yaml.safe_load(text)
    data["figures"]["patents.invention"]["value"] = "REPLACE"
    raw = json.dumps(data, ensure_ascii=False).replace('"REPLACE"', "610.930")
    value = load_report(write_spec(raw, "spec.json")).figure("patents.invention").value
    assert str(value) == "610.930"


@pytest.mark.parametrize(("written", "message"), [
    ("017", "'017' has a leading zero, which YAML 1.1 reads as an octal number: write 17"),
    ("'017'", "'017' has a leading zero"),
    ("0x1F", "'0x1F' is not a decimal number"),
    ("1:20", "base 60"),
    ("'１２３'", "write it in digits 0-9 (123)"),
    ("1_000", "without underscores"),
    ("610,93", "a comma only separates thousands, in groups of three"),
    ("'1.234,5'", "a comma only separates thousands"),
    (".inf", "not a decimal number"),
    ("1e30", "too large"),
    ("'1e30'", "too large"),
    ("1.0e+30", "too large"),
    ("1e-999999999", "999,999,999 digits after the point"),
    ("9" * 4300, "too long for a number"),
])
def test_numbers_are_read_as_written_or_refused_at_their_line(write_spec: WriteSpec,
                                                              written: str,
                                                              message: str) -> None:
    found = lines(write_spec(MINIMAL.replace("value: 12593", f"value: {written}")))
    assert len(found) == 1, found
    assert found[0].startswith("24:12: error: figures[patents.invention].value: ")
    assert message in found[0]


def test_every_number_in_a_spec_is_bounded(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("change: {percent: 11.4}",
                           "change: {percent: 1e30}\n    rank: {position: " + "9" * 30
                           + ", scope: {zh: 全国, en: China}}")
    found = lines(write_spec(text))
    assert any(line.startswith("19:23: error: figures[patents.grants].change.percent:")
               and "too large" in line for line in found)
    assert any(line.startswith("20:22: error: figures[patents.grants].rank.position:")
               and "too large" in line for line in found)


def test_a_number_spelled_in_chinese_numerals_is_bounded(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("value: 12593", "value: 100000000\n    numerals: hanzi")
    assert lines(write_spec(text)) == [
        "24:12: error: figures[patents.invention].value: 100000000 is too large to write in "
        "Chinese numerals (at most 99,999,999)"]


@pytest.mark.parametrize(("escape", "what"), [
    ("\\0", "U+0000"), ("\\x1b", "U+001B"), ("\\ud800", "U+D800"), ("\\uFFFE", "U+FFFE"),
    ("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\\x85", "U+0085"),
])
def test_characters_are_refused_with_their_field_and_line(write_spec: WriteSpec, escape: str,
                                                          what: str) -> None:
    text = MINIMAL.replace("en: IP Creation", f'en: "IP {escape}Creation"')
    assert lines(write_spec(text)) == [
        f"9:29: error: sections[0].title.en: character {what} at character 4 is not allowed: "
        + {"U+D800": "a lone surrogate, half of a character", "U+FFFE": "a noncharacter",
           "U+202E RIGHT-TO-LEFT OVERRIDE": "a bidirectional control, which reorders what a "
                                            "reader sees"}.get(what, "a control character")]


def test_characters_in_json_escapes_are_refused(write_spec: WriteSpec) -> None:
    import json

    import yaml

    data = yaml.safe_load(MINIMAL)
    data["sections"][0]["title"]["en"] = "IP\x00"
    found = lines(write_spec(json.dumps(data, ensure_ascii=True), "spec.json"))
    assert len(found) == 1 and "sections[0].title.en: character U+0000" in found[0]


def test_texts_are_normalised_on_load(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("en: IP Creation", 'en: "Cafe\u0301 Zu\u0308rich"')
    assert load_report(write_spec(text)).sections[0].title.en == "Café Zürich"


def test_a_long_text_is_refused(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("en: IP Creation", "en: " + "x" * 200_000)
    assert lines(write_spec(text)) == [
        "9:29: error: sections[0].title.en: a text of 200,000 characters; the longest accepted "
        "is 10,000"]


def test_a_date_is_read_as_written_and_checked(write_spec: WriteSpec) -> None:
    assert str(load_report(write_spec(MINIMAL + "published: 2024-04-26\n")).published) == \
        "2024-04-26"
    found = lines(write_spec(MINIMAL + "published: 2023-02-29\n"))
    assert len(found) == 1 and found[0].startswith("26:12: error: published:")


@pytest.mark.parametrize(("tail", "message"), [
    ("key_figures: !!set {patents.grants: null}\n", "26:14: error: the YAML tag !!set is not "
     "allowed: a set has no order (the output would change from run to run): write a list"),
    ("note: !!binary aGVsbG8=\n", "26:7: error: the YAML tag !!binary is not allowed"),
    ("x: &x [1, *x]\n", "26:4: error: an alias refers to a value that contains it"),
])
def test_yaml_beyond_plain_data_is_refused(write_spec: WriteSpec, tail: str,
                                           message: str) -> None:
    found = lines(write_spec(MINIMAL + tail))
    assert len(found) == 1 and found[0].startswith(message)


def test_an_alias_bomb_is_refused_fast(write_spec: WriteSpec) -> None:
    import time

    bomb = 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9))
    started = time.perf_counter()
    found = lines(write_spec(bomb + MINIMAL))
    assert time.perf_counter() - started < 2
    assert found == ["5:5: error: YAML aliases repeat more than 10,000 values in all"]


@pytest.mark.parametrize(("name", "text"), [
    ("spec.yaml", "a:\n" + "".join(f"{'  ' * (i + 1)}- \n" for i in range(40))),
    ("spec.yaml", "[" * 1000 + "]" * 1000),
    ("spec.json", "[" * 100_000 + "]" * 100_000),
])
def test_nesting_is_refused_at_its_line(write_spec: WriteSpec, name: str, text: str) -> None:
    found = lines(write_spec(text, name))
    assert len(found) == 1 and "error: nested more than 32 deep" in found[0], found


def _nested_sections(depth: int) -> str:
    import json

    import yaml

    data = yaml.safe_load(MINIMAL)
    section = {"id": "s0", "title": {"zh": "节", "en": "S"}}
    data["sections"].append(section)
    for level in range(1, depth):
        child = {"id": f"s{level}", "title": {"zh": "节", "en": "S"}}
        section["sections"] = [child]
        section = child
    return json.dumps(data, ensure_ascii=False)


def test_section_depth_is_bounded(write_spec: WriteSpec) -> None:
    assert load_report(write_spec(_nested_sections(6), "spec.json"))
    found = lines(write_spec(_nested_sections(7), "spec.json"))
    assert len(found) == 1 and found[0].endswith("error: sections[1].sections[0].sections[0]."
                                                 "sections[0].sections[0].sections[0].sections"
                                                 "[0]: sections nest at most 6 deep")
    deep = ('{"id": "s", "title": {"zh": "节", "en": "S"}, "sections": [' * 1200
            + "]}" * 1200)
    found = lines(write_spec(MINIMAL.replace("sections:\n", f"sections:\n  - {deep}\n"),
                             "spec.yaml"))
    assert len(found) == 1 and "nested more than 32 deep" in found[0]


def test_a_spec_made_of_huge_json_numbers(write_spec: WriteSpec) -> None:
    text = '{"region": {"zh": "宁波市", "en": "Ningbo"}, "year": ' + "9" * 5000 + "}"
    found = lines(write_spec(text, "spec.json"))
    assert "1:51: error: year: '99999999999999999999…' is too long for a number (5,000 " \
           "characters)" in found


@pytest.mark.parametrize("kind", ["folder", "fifo", "device"])
def test_a_spec_that_is_not_a_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    import os

    path = tmp_path / "spec.yaml"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    found = [p.message for p in read_spec(path).problems]
    assert found == ["is a folder, not a file" if kind == "folder"
                     else "is not a regular file (a device, FIFO or socket)"]


def test_year_placeholders_are_bounded(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("{year}年", "{year+" + "9" * 4300 + "}年")
    found = lines(write_spec(text))
    assert found == ["5:9: error: lead[0].zh: {year+999999…} shifts the year by more than 100 "
                     "(at character 1)"]


@pytest.mark.parametrize("parts", ["1", "patents.invention", "{a: 1}", "true"])
def test_parts_that_are_not_a_list_are_located(write_spec: WriteSpec, parts: str) -> None:
    found = lines(write_spec(MINIMAL.replace("parts: [patents.invention]", f"parts: {parts}")))
    assert len(found) == 1 and found[0].startswith(
        "20:12: error: figures[patents.grants].parts: Input should be a valid list"), found


def test_a_glossary_is_remembered_by_its_exact_text(tmp_path: Path) -> None:
    """The same text loads to the same glossary without being read again; a changed
    text loads afresh; a broken one is refused every time, with its place."""
    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n  - {zh: 专利, en: patents}\n", "utf-8")
    first = load_glossary(path)
    assert load_glossary(path) is first
    path.write_text("terms:\n  - {zh: 专利, en: patent}\n", "utf-8")
    assert load_glossary(path).english("专利") == "patent"
    path.write_text("terms:\n  - {zh: 专利, en: patents}\n", "utf-8")
    assert load_glossary(path) is first
    path.write_text("terms:\n  - {zh: 专利}\n", "utf-8")
    for _ in range(2):
        with pytest.raises(SpecError, match=r"glossary\.yaml"):
            load_glossary(path)
    path.write_text("terms: [", "utf-8")
    with pytest.raises(SpecError):
        load_glossary(path)


def _as_parsed(path: Path) -> tuple[Any, Any, list[Any]]:
    """What reading the spec at ``path`` afresh gives: its data (screened), marks and
    problems."""
    data, marks, problems = read_yaml(path.read_text(encoding="utf-8"))
    data, screened = screen(data)
    return data, marks, [*problems, *(locate(p, marks) for p in screened)]


def _read_again(path: Path, text: str) -> tuple[tuple[Any, Any, list[Any]], bool]:
    """``text`` saved at ``path`` and read as ``read_spec`` reads it; and whether it
    was read as an edit of the last reading (not parsed)."""
    path.write_text(text, encoding="utf-8")
    last = loader._READS.get(str(path))
    edited = last is not None and loader._edited(last, text.split("\n")) is not None
    return loader._spec_data(path), edited


SPEC_NUMBERS = re.compile(r"(?m)^ *[A-Za-z_][\w.-]*: +([0-9][0-9.]*) *$")
"""The numbers of a spec given on lines of their own."""


@pytest.mark.parametrize("name", ["ningbo-2024", "guangzhou-2023"])
def test_a_spec_edited_in_one_number_reads_as_parsed_afresh(tmp_path: Path,
                                                            name: str) -> None:
    """Each number of a spec changed (to another integer, a fraction, a form YAML reads
    otherwise, a comment after it) and changed back, one save at a time: each reading
    is what parsing the text afresh gives, data, marks and problems; a number for a
    number is read as an edit of the last reading."""
    base = (Path(__file__).parents[2] / "specs" / f"{name}.yaml").read_text(encoding="utf-8")
    spec = tmp_path / f"{name}.yaml"
    _read_again(spec, base)
    numbers = list(SPEC_NUMBERS.finditer(base))
    assert len(numbers) > 20
    for match in numbers[::len(numbers) // 10]:
        for other, patched in (("987654", True), ("3.25", True), ("-0", True),
                               ("1_000", False), ("017", False), ("12 # noted", False),
                               ("12.", False), ("9" * 17, False)):
            text = base[:match.start(1)] + other + base[match.end(1):]
            read, edited = _read_again(spec, text)
            fresh = _as_parsed(spec)
            assert read == fresh and repr(read[0]) == repr(fresh[0]) and edited is patched
            read, edited = _read_again(spec, base)
            assert read == _as_parsed(spec) and edited is patched


@pytest.mark.parametrize(("before", "after"), [
    ("base: &b\n  value: 12\nother: *b\n", "base: &b\n  value: 13\nother: *b\n"),
    ("note: |\n  value: 12\nx: 1\n", "note: |\n  value: 13\nx: 1\n"),
    ("note: \"a\n  value: 12\"\nx: 1\n", "note: \"a\n  value: 13\"\nx: 1\n"),
    ("a: 12\n  34\nb: 1\n", "a: 13\n  34\nb: 1\n"),
    ("base: &b {value: 12}\nother: {<<: *b}\n", "base: &b {value: 13}\nother: {<<: *b}\n"),
    ("a: \"x\u2028y\"\nb: 12\n", "a: \"x\u2028y\"\nb: 13\n"),
    ("a:\n  value: 12\n", "a:\n  valve: 12\n"),
    ("a:\n  value: 12\n", "a:\n   value: 12\n"),
    ("a:\n  value: 12\n  b: 1\n", "a:\n  value: 13\n  b: 2\n"),
    ("a:\r\n  value: 12\r\n", "a:\r\n  value: 13\r\n"),
    ("a: {b: 1,\n  value: 12}\n", "a: {b: 1,\n  value: 13}\n"),
    ("a: [1,\n  2]\nyes: 12\n", "a: [1,\n  2]\nyes: 13\n"),
    ("a: 12\nb: 12\n", "a: 12\nb: 12.5\n"),
])
def test_an_edit_read_afresh_where_a_number_is_not_all_it_changes(
        tmp_path: Path, before: str, after: str) -> None:
    """Texts where the line changed is not a plain key's number alone, or where the
    number is not in one place of the data (an alias, a block or quoted text, a
    continued scalar, a key YAML reads as a boolean, another line changed too, other
    line breaks): read as parsing them afresh reads them."""
    spec = tmp_path / "spec.yaml"
    _read_again(spec, before)
    read, _ = _read_again(spec, after)
    fresh = _as_parsed(spec)
    assert read == fresh and repr(read[0]) == repr(fresh[0])
