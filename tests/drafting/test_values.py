"""Reading a figures file: one number rule on every path, a workbook's cells as they show,
every refusal located in the file (issue 24 item 1, issue 25 items 3-5, issue 33 item 4)."""

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ipdocs import SpecError, load_report
from ipdocs.base.zips import reproducible_zip
from ipdocs.drafting import draft, read_figures, workbook_bytes
from ipdocs.model.bounds import to_number

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""ipdocs.drafting.workbook's bound (imported from there, the test could not fail today)."""

SPEC = """\
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024"}
lead:
  - zh: "专利{grants}，难案占比{share}。"
    en: "Patents {grants}; hard cases {share}."
figures:
  grants:
    label: {zh: 专利授权量, en: Patents granted}
    value: 71425
    unit: 件
    change: {percent: 11.4}
  share:
    label: {zh: 技术类难案占比, en: Share of hard technical cases}
    value: 45.7
    unit: "%"
"""

FORMS = [
    ("71425", Decimal(71425)),
    ("71,425", Decimal(71425)),
    ("1,234,567.5", Decimal("1234567.5")),
    ("610.93", Decimal("610.93")),
    ("017", None),
    ("610,93", None),
    ("1.234,5", None),
    ("71,42,5", None),
    ("0x1F", None),
    ("１２３", None),
    ("1_000", None),
    ("11.4%", None),
]
"""Number forms and what every path reads them as (None: refused)."""


def _spec(tmp_path: Path) -> Path:
    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return spec


def _workbook(tmp_path: Path, cells: dict[str, Any], formats: dict[str, str] | None = None,
              name: str = "figures.xlsx") -> Path:
    """The figures workbook of SPEC with ``cells`` (H2 …) set and number ``formats``."""
    from openpyxl import load_workbook

    path = tmp_path / name
    path.write_bytes(workbook_bytes(load_report(_spec(tmp_path))))
    book = load_workbook(path)
    sheet = book["figures"]
    for ref, value in cells.items():
        sheet[ref] = value
        sheet[ref].number_format = (formats or {}).get(ref, "General")
    book.save(path)
    return path


def _read(path: Path) -> Decimal | str:
    """The value of grants (or the refusal's text)."""
    try:
        return read_figures(path)["grants"].value
    except SpecError as exc:
        return exc.report()


@pytest.mark.parametrize(("form", "expected"), FORMS)
def test_one_number_rule_on_every_path(tmp_path: Path, form: str,
                                       expected: Decimal | None) -> None:
    """CSV read 610,93 as 61093 and 1.234,5 as 1.2345, and 017 as 17, which a spec
    refuses; now a spec, a CSV, a YAML figures file and a workbook's text cell agree."""
    csv = tmp_path / "f.csv"
    csv.write_text(f'id,value\ngrants,"{form}"\n', encoding="utf-8")
    yaml = tmp_path / "f.yaml"
    yaml.write_text(f"grants: '{form}'\n", encoding="utf-8")
    book = _workbook(tmp_path, {"H2": form}, {"H2": "@"})
    try:
        spec: Decimal | None = to_number(form)
    except ValueError:
        spec = None
    assert spec == expected
    for path, where in ((csv, "f.csv:2"), (yaml, "f.yaml:1"), (book, "figures.xlsx:2:8")):
        read = _read(path)
        if expected is None:
            assert isinstance(read, str) and f"{where}: error: grants" in read, read
        else:
            assert read == expected


@pytest.mark.parametrize(("value", "number_format", "expected"), [
    (71425, "General", Decimal(71425)),
    (71425, "#,##0", Decimal(71425)),
    (610.93, "0.00", Decimal("610.93")),
    (0.1 + 0.2, "General", Decimal("0.3")),
    (0.114, "0.0%", Decimal("11.4")),
    (0.114, "0.00%", Decimal("11.4")),
    (0.5, "0%", Decimal(50)),
    (610.936, "0.00", "cell H2 shows 610.94 but holds 610.936"),
    (0.11437, "0.0%", "cell H2 shows 11.4% but holds 11.437%"),
    (71425.4, "#,##0", "cell H2 shows 71425 but holds 71425.4"),
])
def test_a_number_cell_is_read_as_it_shows(tmp_path: Path, value: float, number_format: str,
                                           expected: Decimal | str) -> None:
    book = _workbook(tmp_path, {"H2": value, "A3": "share"}, {"H2": number_format})
    if isinstance(expected, Decimal):
        new = read_figures(book)["grants"]
        assert new.value == expected
        assert new.percent == ("%" in number_format)
    else:
        assert expected in str(_read(book)) and "figures.xlsx:2:8" in str(_read(book))


def test_a_percent_cell_prints_what_was_typed(tmp_path: Path) -> None:
    """11.4% typed into a percent cell (0.114 stored) printed 0.114%."""
    book = _workbook(tmp_path, {"H3": 0.114}, {"H3": "0.0%"})
    text = draft(_spec(tmp_path), book).text
    assert re.search(r"share:\n(?:.*\n)*?\s+value: 11\.4\n", text), text


def test_a_percent_cell_for_a_count_is_refused_at_its_cell(tmp_path: Path) -> None:
    book = _workbook(tmp_path, {"H2": 0.114}, {"H2": "0.0%"})
    with pytest.raises(SpecError) as caught:
        draft(_spec(tmp_path), book)
    assert "figures.xlsx:2:8: error: grants.value: the cell is formatted as a percent " \
           "(11.4%), but the figure is in 件" in caught.value.report()


def _with_saved_value(path: Path, formula: str, saved: str) -> None:
    """Store ``saved`` as the value a spreadsheet computed for ``formula``."""
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    members[sheet] = members[sheet].replace(f"<f>{formula}</f><v></v>".encode(),
                                            f"<f>{formula}</f><v>{saved}</v>".encode())
    assert f"<v>{saved}</v>".encode() in members[sheet]
    buffer = Path(str(path) + ".tmp")
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(reproducible_zip(buffer.read_bytes()))


def test_a_formula_without_a_saved_value_is_refused_at_its_cell(tmp_path: Path) -> None:
    """=1+1 with no saved value was dropped: the figure silently stayed last year's."""
    book = _workbook(tmp_path, {"H2": "=70000+1425"})
    assert "figures.xlsx:2:8: error: grants: cell H2 holds the formula =70000+1425 with no " \
           "value saved" in str(_read(book))


def test_a_formula_is_read_by_its_saved_value(tmp_path: Path) -> None:
    book = _workbook(tmp_path, {"H2": "=70000+1425"})
    _with_saved_value(book, "70000+1425", "71425")
    assert _read(book) == Decimal(71425)


def test_a_date_cell_is_not_a_number(tmp_path: Path) -> None:
    import datetime as dt

    book = _workbook(tmp_path, {"H2": dt.datetime(2025, 1, 2)}, {"H2": "yyyy-mm-dd"})
    assert "figures.xlsx:2:8: error: grants: cell H2 holds 2025-01-02 00:00:00, not a " \
           "number" in str(_read(book))


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_text("id,value\ngrants,5\n", encoding="utf-8")
    assert "cannot read the workbook: not an .xlsx workbook (it is not a zip archive)" \
        in str(_read(path))


def test_a_zip_bomb_is_refused_unopened(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert path.stat().st_size < 1024 * 1024
    assert "cannot read the workbook: the workbook unpacks to 64 MiB" in str(_read(path))


@pytest.mark.parametrize(("text", "message"), [
    ('id,value,note\ngrants,5,see, 约\n',
     "f.csv:2: error: 4 fields where the header has 3 (an unquoted comma?"),
    ('id,value,note\ngrants,5,"a\x85b"\n',
     "f.csv:2: error: grants.note: character U+0085 at character 2 is not allowed: a "
     "control character"),
    ('id,value\ngr\x00ants,5\n', "f.csv:2: error: gr\x00ants.id: character U+0000"),
])
def test_csv_rows_that_would_lose_or_corrupt_something_are_refused(
        tmp_path: Path, text: str, message: str) -> None:
    """An unquoted note 'see, 约' lost its second field; a U+0085 in a note made draft
    write a spec that would not load."""
    path = tmp_path / "f.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        read_figures(path)
    assert message in caught.value.report()


@pytest.mark.parametrize(("row", "message"), [
    ("grants,-5", "f.csv:2: error: grants.value: a count cannot be below zero: -5件"),
])
def test_a_value_the_measure_cannot_take_is_an_error_in_draft(tmp_path: Path, row: str,
                                                               message: str) -> None:
    """A count of −5件 was drafted and printed; only check warned."""
    path = tmp_path / "f.csv"
    path.write_text(f"id,value\n{row}\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        draft(_spec(tmp_path), path)
    assert message in caught.value.report()


def test_a_figures_file_that_is_a_folder_is_located(tmp_path: Path) -> None:
    (tmp_path / "f.csv").mkdir()
    with pytest.raises(SpecError, match="is a folder, not a file"):
        read_figures(tmp_path / "f.csv")


def test_a_csv_with_windows_line_ends_reads_and_a_stray_return_is_located(
        tmp_path: Path) -> None:
    """Read without newline translation, a bare CR made the csv module raise (exit 70)."""
    path = tmp_path / "f.csv"
    path.write_bytes("id,value,note\r\ngrants,71425,市中院\r\n".encode())
    assert read_figures(path)["grants"].note == "市中院"
    path.write_bytes(b"id,value,note\ngrants,5,a\rb\n")
    with pytest.raises(SpecError) as caught:
        read_figures(path)
    assert "f.csv:3: error" in caught.value.report()
