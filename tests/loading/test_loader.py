"""Loading specs: exact decimals, and every problem at once with field path and line."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import SpecError, load_report
from ipdocs.loading import read_spec
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
        "24:12: error: figures[patents.invention].value: Input should be a valid decimal"]


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
    assert any("valid decimal" in line for line in found)


def test_missing_field_points_at_its_parent(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("    value: 12593\n", "")
    assert lines(write_spec(text)) == [
        "23:5: error: figures[patents.invention].value: Field required"]


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
    assert "cannot read the spec" in found[0].message


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
    assert found[0].startswith("4:1: error: malformed JSON")
    text = ('{"region": {"zh": "宁波市", "en": "Ningbo"},\n "year": "twenty",\n'
            ' "title": {"zh": "t", "en": "t"}}')
    assert lines(write_spec(text, "spec.json")) == [
        "2:10: error: year: Input should be a valid integer, unable to parse string as an "
        "integer"]


def test_json_exact_decimals(write_spec: WriteSpec) -> None:
    text = MINIMAL.replace("value: 12593", "value: 610.930")
    import json

    import yaml
    data = yaml.safe_load(text)
    data["figures"]["patents.invention"]["value"] = "REPLACE"
    raw = json.dumps(data, ensure_ascii=False).replace('"REPLACE"', "610.930")
    value = load_report(write_spec(raw, "spec.json")).figure("patents.invention").value
    assert str(value) == "610.930"
