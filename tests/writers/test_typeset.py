"""The typesetting decisions shared by the writers."""

from __future__ import annotations

from ipdocs.writers.typeset import (
    NO_BREAK_SPACE,
    figures_per_row,
    fit_table,
    kept,
    pieces,
    ragged,
    script_runs,
    widest_piece,
    with_no_break_spaces,
)


def _kept_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in kept(text)]


def test_amounts_are_kept_whole() -> None:
    text = ("worth RMB 61.093 billion, more than 171,000 sites, nearly 9,000 items, "
            "up 2.1 percentage points and USD 64.504 million")
    assert _kept_texts(text) == ["RMB 61.093 billion", "more than 171,000", "nearly 9,000",
                                 "2.1 percentage points", "USD 64.504 million"]
    assert _kept_texts("+193% or more") == ["+193% or more"]
    assert kept("up 11.4% year on year in 2024") == []  # one-word numbers break nowhere


def test_no_break_spaces_only_inside_amounts() -> None:
    assert with_no_break_spaces("up more than 193% in 2024") == \
        f"up more{NO_BREAK_SPACE}than{NO_BREAK_SPACE}193% in 2024"
    assert pieces("a RMB 20 million b") == [("a ", False), ("RMB 20 million", True),
                                           (" b", False)]
    assert pieces("") == [("", False)]


def test_script_runs_of_han_text() -> None:
    assert script_runs("全市PCT申请量683件，Madrid System注册") == [
        ("全市PCT申请量", False), ("683", True), ("件，", False), ("Madrid System", True),
        ("注册", False)]


def test_widest_piece_holds_an_amount() -> None:
    assert widest_piece("Value involved RMB 20.6418 million") == "RMB 20.6418 million"
    assert widest_piece("法院受理知识产权案件") == "法院受理"
    assert widest_piece("") == ""


def test_narrow_english_is_ragged() -> None:
    assert ragged(200, 10, True) and not ragged(400, 10, True)
    assert not ragged(200, 10, False)  # Chinese stays justified


def test_fit_table_widens_for_amounts_and_pads() -> None:
    def measure(row: int, column: int, text: str, scale: float) -> float:
        return 5.0 * len(text) * scale

    cells = [["Indicator", "Value"], ["Valid trademarks held in the city", "RMB 20.6418 million"],
             ["Growth", "22.93"], ["Share", "71425"]]
    fit = fit_table(cells, [3, 1], ["left", "right"], 1, 300, measure, 4)
    assert fit.widths[1] >= 5 * len("RMB 20.6418 million") + 8 - 1e-6
    assert sum(fit.widths) == 300 and fit.scale == 1.0
    assert fit.pads == {(1, 3): 15.0}  # 71425 padded by the width of ".93"
    narrow = fit_table(cells, [3, 1], ["left", "right"], 1, 100, measure, 4)
    assert narrow.scale < 1.0


def test_figures_per_row_keeps_values_whole() -> None:
    assert figures_per_row([50, 60, 70], 300, 7, 3) == 3
    assert figures_per_row([50, 160, 70], 300, 7, 3) == 2
    assert figures_per_row([400], 300, 7, 3) == 1
    assert figures_per_row([], 300, 7, 3) == 1
