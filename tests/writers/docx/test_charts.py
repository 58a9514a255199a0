"""Charts in a Word file: python-pptx's chart writer, imported only for a chart."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE


@pytest.mark.parametrize(("compact", "imported"), [(0, True), (6, False)])
def test_the_chart_writer_is_imported_only_for_a_chart(tmp_path: Path, compact: int,
                                                        imported: bool) -> None:
    """A DOCX with a chart imports python-pptx's chart writer; one without (the summary
    cut to its shortest) does not: more than half of the DOCX writer's imports."""
    code = ("import sys; from ipdocs import load_report; from ipdocs.doc import Chart; "
            "from ipdocs.sections import summary_brief; from ipdocs.themes import load_theme; "
            "from ipdocs.writers.docx import render_docx; "
            f"doc = summary_brief().document(load_report({str(SAMPLE)!r}), 'zh', "
            f"compact={compact}); "
            "render_docx(doc, load_theme('briefing')); "
            "print('Chart' in repr(doc.blocks), 'pptx' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=tmp_path)
    assert result.stdout.split() == [str(imported), str(imported)]
