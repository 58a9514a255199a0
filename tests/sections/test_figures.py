"""Figure tables: the notes of a table's figures under it."""

from ipdocs.model import Report
from ipdocs.sections.figures import figure_table

TEXT = {"zh": "x", "en": "x"}


def notes(lang: str) -> str:
    """The note under a table of two figures with notes and one without."""
    figures = {
        "grants": {"label": {"zh": "专利授权量", "en": "Patents granted"}, "value": 10,
                   "unit": "件", "note": {"zh": "含外观设计", "en": "includes designs"}},
        "cnipa": {"label": {"zh": "受理量", "en": "Applications"}, "value": 3, "unit": "件",
                  "note": {"zh": "国家知识产权局数据", "en": "CNIPA data"}},
        "bare": {"label": {"zh": "案件", "en": "Cases"}, "value": 4, "unit": "件"},
        "months": {"label": {"zh": "授权量", "en": "Grants"}, "value": 2, "unit": "件",
                   "note": {"zh": "2023年1—2月", "en": "January to February 2023"}},
        "total": {"label": {"zh": "案件总数", "en": "All cases"}, "value": 5, "unit": "件",
                  "parts": ["bare"], "discrepancy": {"zh": "原文如此", "en": "as published"}},
    }
    report = Report.model_validate({"region": TEXT, "year": 2024, "title": TEXT,
                                    "figures": figures})
    return figure_table(("grants", "cnipa", "bare", "months", "total"), report, lang).note  # type: ignore[arg-type]


def test_notes_name_their_figure_in_the_languages_word_order() -> None:
    assert notes("zh") == ("注：专利授权量——含外观设计；受理量——国家知识产权局数据；"
                           "授权量——2023年1—2月；案件总数——原文如此。")
    # a note keeps the case its author wrote: a name after the dash stays a name
    assert notes("en") == ("Note: Patents granted — includes designs; Applications — CNIPA "
                           "data; Grants — January to February 2023; All cases — as published.")
