"""Rank statements in each language: a position or a standing, years running, shared
ranks, superlatives, and the short form of tables and key figures."""

import pytest

from ipdocs.i18n.ranks import rank_short, rank_statement

SCOPES = {"zh": "全国", "en": "in China"}


@pytest.mark.parametrize(("lang", "second", "first", "standing", "shared"), [
    ("zh", "居全国第二位", "位居全国首位", "居全国前列", "均居全国第二位"),
    ("en", "ranking second in China", "first in China", "among the leaders in China",
     "both second in China"),
])
def test_rank_statement(lang: str, second: str, first: str, standing: str,
                        shared: str) -> None:
    scope = SCOPES[lang]
    assert rank_statement(2, scope, lang) == second
    assert rank_statement(1, scope, lang, verb="位居", form="首位") == first
    assert rank_statement(None, scope, lang, standing="前列") == standing
    assert rank_statement(2, scope, lang, shared=2) == shared


def test_years_running_and_superlatives() -> None:
    assert rank_statement(1, "全省", "zh", years=5, form="") == "连续5年居全省第一"
    assert rank_statement(1, "in the province", "en", years=5, form="") == \
        "first in the province for five consecutive years"
    assert rank_statement(2, "in China", "en", degree="highest") == "the second highest in China"
    assert rank_statement(2, "全国", "zh", degree="highest") == "居全国第二位"  # no superlative


def test_a_statement_needs_a_position_or_a_standing() -> None:
    with pytest.raises(ValueError, match="position or a standing"):
        rank_statement(None, "全国", "zh")


def test_the_short_form() -> None:
    assert rank_short(2, "in China", "en") == "2nd in China"
    assert rank_short(1, "in China", "en", years=5) == "1st in China, 5 years running"
    assert rank_short(2, "全国", "zh") == "居全国第二位"  # Chinese: the statement itself
