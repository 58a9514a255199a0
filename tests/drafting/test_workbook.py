"""The figures workbook: written for the statistics office, read back cell by cell with its
values, formulas and number formats (drafting/workbook.py)."""

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipdocs import load_report
from ipdocs.drafting.workbook import (
    COLUMNS,
    MAX_MEMBERS,
    SHEET,
    Cell,
    check_archive,
    last_value,
    read_rows,
    workbook_bytes,
    write_workbook,
)
from ipdocs.model import Report

SPEC = """\
region: {zh: 宁波市, en: Ningbo}
year: 2024
title: {zh: 宁波市2024年知识产权发展与保护状况, en: "IP in Ningbo, 2024"}
lead:
  - zh: "专利{grants}，人才{people}。"
    en: "Patents {grants}; people {people}."
figures:
  grants:
    label: {zh: 专利授权量, en: Patents granted}
    value: 71425
    unit: 件
    change: {percent: 11.4}
  people:
    label: {zh: 人才, en: People}
    value: 1100
    unit: 人
    qualifier: 超
"""


@pytest.fixture
def report(tmp_path: Path) -> Report:
    spec = tmp_path / "y2024.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return load_report(spec)


def test_one_row_a_figure_with_last_years_value_as_the_report_wrote_it(report: Report) -> None:
    book = load_workbook(io.BytesIO(workbook_bytes(report)))
    assert book.sheetnames == [SHEET, "README"]
    rows = list(book[SHEET].iter_rows(values_only=True))
    assert list(rows[0]) == [c.header for c in COLUMNS]
    by_id = {r[0]: dict(zip([c.key for c in COLUMNS], r, strict=True)) for r in rows[1:]}
    assert set(by_id) == {"grants", "people"}
    assert by_id["grants"]["label_zh"] == "专利授权量" and by_id["grants"]["last_unit"] == "件"
    assert by_id["grants"]["last"] == "71425件"
    assert "11.4" in by_id["grants"]["last_change"]
    assert by_id["people"]["last"] == "超1100人"
    assert all(by_id[f]["value"] is None for f in by_id)


def test_last_value_says_when_it_was_kept_from_an_earlier_year(report: Report) -> None:
    grants = report.figures["grants"]
    assert last_value(grants, 2024) == "71425件"
    kept = grants.model_copy(update={"stale": True})
    assert last_value(kept, 2024) == "71425件（2023年数据，沿用 / 2023 value, kept）"
    older = grants.model_copy(update={"stale": True, "of_year": 2021})
    assert last_value(older, 2024).endswith("（2021年数据，沿用 / 2021 value, kept）")


def test_the_value_column_is_validated_and_the_file_is_reproducible(report: Report) -> None:
    data = workbook_bytes(report)
    assert data == workbook_bytes(report)
    sheet = load_workbook(io.BytesIO(data))[SHEET]
    ranges = {str(v.sqref): v.type for v in sheet.data_validations.dataValidation}
    assert ranges == {"H2:H3": "custom", "J2:J3": "list"}
    book = load_workbook(io.BytesIO(data))
    assert book.properties.creator == "ipdocs"
    assert book.properties.created.year == 2025  # the year after the report's, fixed


def test_read_rows_reads_values_formulas_and_formats(report: Report, tmp_path: Path) -> None:
    path = write_workbook(report, tmp_path / "figures.xlsx")
    book = load_workbook(path)
    sheet = book[SHEET]
    sheet["H2"] = 71425.5
    sheet["H2"].number_format = "#,##0.0"
    sheet["H3"] = "=1000+200"
    sheet["K3"] = "from the bureau"
    book.save(path)
    header, rows = read_rows(path)
    assert sorted(header.values()) == ["id", "note", "qualifier", "unit", "value"]
    read = dict(rows)
    first = read[2]
    assert first["id"].value == "grants"
    assert first["value"] == Cell(71425.5, 2, 8, None, "#,##0.0")
    assert first["value"].ref == "H2"
    second = read[3]
    assert second["value"].formula == "=1000+200"
    assert second["value"].value is None  # openpyxl saved no computed value
    assert second["note"].value == "from the bureau"


def test_a_file_that_is_not_a_workbook_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    text = tmp_path / "figures.xlsx"
    text.write_text("id,value\n", "utf-8")
    with pytest.raises(ValueError, match="not a zip archive"):
        check_archive(text)
    crowded = tmp_path / "crowded.xlsx"
    with zipfile.ZipFile(crowded, "w") as archive:
        for index in range(MAX_MEMBERS + 1):
            archive.writestr(f"p{index}", b"")
    with pytest.raises(ValueError, match="parts; the most read is"):
        check_archive(crowded)
    with pytest.raises(ValueError, match="not a zip archive"):
        read_rows(text)
