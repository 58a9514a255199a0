"""The data model: figures, changes, ranks, sections, reports."""

from decimal import Decimal
from typing import Any

import pytest

from ipdocs.base.problems import SpecError
from ipdocs.model import Change, Figure, Report

LABEL = {"zh": "专利授权量", "en": "Patents granted"}


def figure(**fields: Any) -> Figure:
    """A figure with a label, a value and a unit, overridable."""
    return Figure.model_validate({"label": LABEL, "value": "1", "unit": "件", **fields})


def report(**fields: Any) -> Report:
    """A minimal valid report, overridable."""
    base: dict[str, Any] = {"region": {"zh": "宁波市", "en": "Ningbo"}, "year": 2024,
                            "title": {"zh": "标题", "en": "Title"}}
    return Report.model_validate({**base, **fields})


def test_value_stays_exact() -> None:
    assert figure(value="610.93").value == Decimal("610.93")
    assert str(figure(value=Decimal("22.930")).value) == "22.930"


@pytest.mark.parametrize(("fields", "message"), [
    ({"unit": "furlong"}, "unknown unit 'furlong'"),
    ({"qualifier": "大约"}, "unknown qualifier '大约'"),
    ({"value": "abc"}, "decimal"),
    ({"value": "NaN"}, "not a decimal number"),
    ({"kind": "rank", "unit": "件"}, "rank figure takes unit 位 or 名"),
    ({"kind": "rank", "unit": "位", "value": "2.5"}, "whole number"),
    ({"as_of": "2024-12-31"}, "ends a partial year at a month's end before December"),
    ({"as_of": "2024-09-29"}, "ends a partial year"),
    ({"kind": "rank", "unit": "位", "value": "2", "as_of": "2024-09-30"}, "not a rank"),
    ({"numerals": "hanzi", "value": "1.5"}, "whole numbers"),
    ({"colour": "red"}, "colour: unknown field"),
])
def test_figure_rejects(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        figure(**fields)


def test_change_needs_something() -> None:
    with pytest.raises(SpecError, match="needs percent, increment, places or previous"):
        Change.model_validate({"verb": "增长"})


def test_change_verb_must_be_known() -> None:
    with pytest.raises(SpecError, match="unknown change verb"):
        Change.model_validate({"percent": 1, "verb": "暴涨"})
    with pytest.raises(SpecError, match="unknown change verb"):
        Change.model_validate({"percent": 1, "increment": 2, "increment_verb": "激增"})


def test_text_needs_both_languages() -> None:
    with pytest.raises(SpecError, match="en"):
        figure(label={"zh": "只有中文"})


def test_models_are_immutable() -> None:
    f = figure()
    with pytest.raises(ValueError, match="frozen"):
        f.value = Decimal(2)  # type: ignore[misc]


def test_report_gives_figures_their_ids() -> None:
    r = report(figures={"patents.grants": {"label": LABEL, "value": 1, "unit": "件"}})
    assert r.figure("patents.grants").id == "patents.grants"


def test_a_figure_made_of_data_holds_its_key_and_one_made_already_is_kept_or_copied() -> None:
    """A spec's figure is made with its key as id; a figure given made keeps its own
    object where it says that id already, and is copied to hold it where it says none;
    one that says another id is refused, whichever way it is given."""
    data = {"label": LABEL, "value": 1, "unit": "件"}
    r = report(figures={"patents.grants": data})
    assert r.figure("patents.grants").id == "patents.grants"
    assert "id" not in data  # the caller's data is left as it was
    made = Figure(id="a.b", **data)
    assert report(figures={"a.b": made}).figure("a.b") is made
    unnamed = Figure(**data)
    copied = report(figures={"a.b": unnamed}).figure("a.b")
    assert copied.id == "a.b" and unnamed.id is None
    with pytest.raises(SpecError, match=r"says its id is 'a\.b'"):
        report(figures={"c.d": made})
    with pytest.raises(SpecError, match="says its id is 'x'"):
        report(figures={"c.d": {**data, "id": "x"}})


def test_report_rejects_bad_figure_id() -> None:
    with pytest.raises(SpecError, match="dotted lowercase"):
        report(figures={"Patents Grants": {"label": LABEL, "value": 1, "unit": "件"}})


def test_report_rejects_duplicate_section_ids() -> None:
    title = {"zh": "一", "en": "One"}
    sections = [{"id": "a", "title": title, "sections": [{"id": "a", "title": title}]}]
    with pytest.raises(SpecError, match=r"sections\[0\]\.sections\[0\]\.id: duplicate"):
        report(sections=sections)


def test_report_checks_references_from_python() -> None:
    lead = [{"zh": "{missing}", "en": "{missing}"}]
    with pytest.raises(SpecError, match="unknown figure id 'missing'"):
        report(lead=lead)


def test_walk_and_lookup() -> None:
    title = {"zh": "一", "en": "One"}
    r = report(sections=[{"id": "a", "title": title,
                          "sections": [{"id": "b", "title": title}]},
                         {"id": "c", "title": title}])
    assert [s.id for s in r.walk()] == ["a", "b", "c"]
    assert r.section("b").id == "b"
    with pytest.raises(KeyError, match="no section 'z'"):
        r.section("z")
    with pytest.raises(KeyError, match="no figure 'z'"):
        r.figure("z")


def test_a_spec_adds_units_of_its_own() -> None:
    from ipdocs.model import Report
    from ipdocs.sections.narrative import figure_value

    label = {"zh": "x", "en": "x"}
    data = {"region": label, "year": 2024, "title": label,
            "units": {"公顷": {"kind": "area", "words": {"en": ["hectare", "hectares"]}}},
            "figures": {"a": {"label": label, "value": "1.5", "unit": "万公顷"}}}
    report = Report.model_validate(data)
    assert figure_value(report.figure("a"), "zh") == "1.5万公顷"
    assert figure_value(report.figure("a"), "en") == "15,000 hectares"
    import pickle

    assert pickle.loads(pickle.dumps(report)).figure("a").unit_def.base == "公顷"
    with pytest.raises(SpecError, match="shipped unit"):
        Report.model_validate({**data, "units": {"件": {"kind": "count"}}})


def test_every_shipped_unit_renders_in_both_languages() -> None:
    from ipdocs.base.vocab import UNITS
    from ipdocs.i18n import format_quantity, quantity_cells

    for unit in UNITS.values():
        for lang in ("zh", "en"):
            assert format_quantity(Decimal("2.5"), unit, lang)
            assert quantity_cells(Decimal("2.5"), unit, lang, qualifier="余")


def test_a_figures_unit_definition_follows_its_unit_in_a_copy() -> None:
    """``unit_def`` is the definition remembered at validation (a spec's own unit
    included), and a copy whose unit was replaced looks its new unit up."""
    from ipdocs.model import Report

    label = {"zh": "x", "en": "x"}
    report = Report.model_validate({
        "region": label, "year": 2024, "title": label,
        "units": {"公顷": {"kind": "area", "words": {"en": ["hectare", "hectares"]}}},
        "figures": {"a": {"label": label, "value": "1.5", "unit": "万公顷"},
                    "b": {"label": label, "value": "3", "unit": "件"}}})
    area = report.figure("a")
    assert area.unit_def.code == "万公顷" and area.unit_def.base == "公顷"
    count = report.figure("b").model_copy(update={"unit": "万件"})
    assert count.unit_def.code == "万件"
    assert report.figure("b").unit_def.code == "件"
