"""SOURCE_DATE_EPOCH: the same dates in the DOCX's core properties and the PDF's info."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from ipdocs.app.building import BuildError, Output, Recipe, render_output
from ipdocs.model import Report
from ipdocs.sections import Brief, CoverBuilder
from ipdocs.themes import load_theme
from ipdocs.writers.epoch import source_date


def dates(sample: Report, fmt: str) -> list[str]:
    """The creation and modification dates written in a cover-only file of ``sample``."""
    recipe = Recipe(Brief([CoverBuilder()]), load_theme("briefing"))
    data = render_output(sample, recipe, Output(Path(f"x.{fmt}"), "en"))
    if fmt == "pdf":
        return re.findall(r"/(?:CreationDate|ModDate) \(D:(\d{14})", data.decode("latin-1"))
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    found = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)
    return [re.sub(r"\D", "", date) for date in found]


def test_both_formats_take_the_time_source_date_epoch_names(
        sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    assert dates(sample, "pdf") == dates(sample, "docx") == ["20231114221320"] * 2


def test_without_it_the_dates_are_fixed_as_before(sample: Report,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert dates(sample, "pdf") == ["20000101000000"] * 2
    assert len(set(dates(sample, "docx"))) == 1


@pytest.mark.parametrize("value", ["soon", "1.7e9", "-5", "99999999999999", "１２３"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_malformed_value_is_a_clear_error_in_either_format(
        sample: Report, monkeypatch: pytest.MonkeyPatch, value: str, fmt: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH must be a whole number of "
                                         "seconds since 1970-01-01"):
        dates(sample, fmt)


@pytest.mark.parametrize(("value", "year"), [("0", 1970), (" 86400 ", 1970),
                                             ("253402300799", 9999)])
def test_the_range_it_accepts(monkeypatch: pytest.MonkeyPatch, value: str, year: int) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    when = source_date()
    assert when is not None and when.year == year


def test_empty_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert source_date() is None
