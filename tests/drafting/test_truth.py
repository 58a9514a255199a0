"""A draft says what happened (issue 24): no change is said where a value stayed the same,
a change against a basis of its own (较改革前) keeps its basis and figures and is marked for
review, and nothing a reviewer sees claims more than the figures file gave."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ipdocs import load_report
from ipdocs.drafting import draft
from ipdocs.model import Report
from ipdocs.narrative import figure_change
from ipdocs.sections.figures import change_cell
from tests.conftest import ROOT

NINGBO = ROOT / "specs" / "ningbo-2024.yaml"


def drafted(folder: Path, rows: str, spec: Path = NINGBO, name: str = "n2025") -> Path:
    """``spec`` drafted with the CSV ``rows`` (after its header), written to ``folder``."""
    figures = folder / f"{name}.csv"
    figures.write_text("id,value,unit,qualifier,note\n" + rows, encoding="utf-8")
    out = folder / f"{name}.yaml"
    out.write_text(draft(spec, figures).text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Ningbo drafted to 2025 with durations unchanged and a change of its own basis."""
    folder = tmp_path_factory.mktemp("truth")
    rows = ("adjudication.online_days,7,,,\n"
            "pledge.processing_days,3,,,\n"
            "services.grant_cycle,3,,,\n"
            "transfer.stock_converted,900,,,\n")
    return load_report(drafted(folder, rows))


@pytest.mark.parametrize("fid", ["adjudication.online_days", "pledge.processing_days"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unchanged_duration_is_not_said_to_be_cut(year: Report, fid: str, lang: str) -> None:
    figure = year.figure(fid)
    for text in (figure_change(figure, lang), change_cell(figure, lang).text):
        assert "缩短" not in text and "cut" not in text, text
    assert change_cell(figure, lang).text == {"zh": "持平", "en": "unchanged"}[lang]


def test_a_change_of_its_own_basis_keeps_basis_and_figures(year: Report) -> None:
    figure = year.figure("services.grant_cycle")
    assert figure.change is not None and figure.change.previous == 22
    assert figure.change.basis is not None and figure.change.basis.zh == "较改革前"
    assert figure.review
    assert figure_change(figure, "zh") == "较改革前由22个月缩短至3个月左右"
    assert "from 3 months" not in figure_change(figure, "en")
    converted = year.figure("transfer.stock_converted")
    assert converted.change is not None and converted.change.percent == Decimal("71.8")
    assert converted.review and figure_change(converted, "zh") == "比专项行动之前增长了71.8%"


OWN_BASIS = """\
region: {zh: 示例市, en: Exampleton}
year: 2024
title: {zh: 示例市2024年知识产权状况, en: "IP in Exampleton, 2024"}
figures:
  stock:
    label: {zh: 存量, en: Stock}
    value: 5.1
    unit: 万件
    change: {previous: 2.2, basis: {zh: 较改革前, en: since the reform}}
"""


def test_a_kept_change_follows_a_unit_change(tmp_path: Path) -> None:
    spec = tmp_path / "e2024.yaml"
    spec.write_text(OWN_BASIS, encoding="utf-8")
    figure = load_report(drafted(tmp_path, "stock,60000,件,,\n", spec)).figure("stock")
    assert figure.change is not None and figure.change.previous == 22000
    assert figure_change(figure, "zh") == "较改革前增长172.7%"
