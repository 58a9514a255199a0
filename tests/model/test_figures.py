"""Figures: what a figure's change may state."""
def test_a_change_of_zero_takes_no_qualifier() -> None:
    """'超0%' said nothing true: the text read 同比持平 and the table cell 超持平 (found by
    the both-languages property test)."""
    import pytest

    from ipdocs.base.problems import SpecError
    from ipdocs.model import Figure

    with pytest.raises(SpecError, match="a change of 0 with qualifier"):
        Figure.model_validate({"label": {"zh": "x", "en": "x"}, "value": 2, "unit": "件",
                               "change": {"percent": "0", "qualifier": "超"}})
