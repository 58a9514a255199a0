"""Charts in a Word file: their parts, and XlsxWriter, imported only for a chart."""

from pathlib import Path

import pytest

from tests.conftest import SAMPLE, fresh_python


@pytest.mark.parametrize(("compact", "imported"), [(0, True), (6, False)])
def test_the_chart_writer_is_imported_only_for_a_chart(tmp_path: Path, compact: int,
                                                        imported: bool) -> None:
    """A DOCX with a chart imports XlsxWriter (its workbook's writer); one without (the
    summary cut to its shortest) does not: a quarter of the DOCX writer's imports.
    python-pptx, which drew them before, never."""
    code = ("import sys; from ipdocs import load_report; from ipdocs.doc import Chart; "
            "from ipdocs.sections import summary_brief; from ipdocs.themes import load_theme; "
            "from ipdocs.writers.docx import render_docx; "
            f"doc = summary_brief().document(load_report({str(SAMPLE)!r}), 'zh', "
            f"compact={compact}); "
            "render_docx(doc, load_theme('briefing')); "
            "print('Chart' in repr(doc.blocks), 'xlsxwriter' in sys.modules, "
            "'pptx' in sys.modules)")
    assert fresh_python(code, cwd=tmp_path).split() == [str(imported), str(imported),
                                                        "False"]


def test_a_chart_drawn_again_reuses_its_parts_but_one_that_prints_apart_does_not() -> None:
    from decimal import Decimal

    from ipdocs.doc import Chart, Series
    from ipdocs.writers.docx.charts import _CHARTS, chart_parts, chart_xml

    def chart(value: object, label: str) -> Chart:
        return Chart("bar", "专利", ("甲", "乙"), (Series("量", (value, 2.0), (label, "2")),),
                     "zh")

    fonts, colors = ("Noto Serif", "Noto Serif CJK SC"), ("1F4E79", "C0392B")
    first = chart_xml(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN")
    assert chart_xml(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN") is first
    assert first == chart_parts(chart(Decimal("1.5"), "1.5"), fonts, colors, "zh-CN")
    other = chart_xml(chart(Decimal("1.50"), "1.5"), fonts, colors, "zh-CN")  # equal, but
    assert other[0] != first[0]  # its value prints apart
    assert len(_CHARTS) >= 2
