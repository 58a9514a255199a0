"""The Chinese grammar: figures as printed, the spec's verbs, Chinese numerals."""

from decimal import Decimal

from ipdocs.base.vocab import get_unit
from ipdocs.i18n.chinese import Chinese

ZH = Chinese()


def test_a_quantity_keeps_the_report_s_word_order() -> None:
    assert ZH.quantity(Decimal("17.1"), get_unit("万家"), "余", "arabic", "zh") == "17.1万余家"
    assert ZH.quantity(Decimal("9000"), get_unit("件"), "近", "arabic", "zh") == "近9000件"
    assert ZH.bare_number(Decimal("4"), get_unit("年"), "zh", "hanzi") == "四"


def test_numbers_are_plain_and_units_have_a_column() -> None:
    assert not ZH.groups_digits and ZH.unit_column and not ZH.superlatives


def test_positions_counts_and_section_numbers() -> None:
    assert ZH.rank_position(2, "zh", "位", "hanzi") == "第二位"
    assert ZH.rank_position(1, "zh", "首位", "hanzi") == "首位"
    assert ZH.ordinal(2, "zh") == "第二"
    assert (ZH.count(5, "zh"), ZH.spelled(3, "zh"), ZH.month(6, "zh")) == ("5", "三", "6")
    assert [ZH.section_number(p) for p in ([2], [1, 3], [1, 1, 4], [1, 1, 1, 2])] == \
        ["二、", "（三）", "4.", "（2）"]


def test_the_direction_is_the_spec_s_verb() -> None:
    assert ZH.direction(1, "quantity", "delta", lambda: ("增加", "减少"), "zh") == "增加"
    assert ZH.direction(-1, "quantity", "delta", lambda: ("增加", "减少"), "zh") == "减少"


def test_qualifiers_lists_and_cells() -> None:
    assert ZH.qualified("193%", "以上", "zh") == "193%以上"
    assert ZH.with_per("12.5件", "每万人") == "每万人12.5件"
    assert ZH.list_amounts(["4.43万件", "3.05万件"], get_unit("万件"), "zh") == "4.43万、3.05万件"
    assert ZH.quantity_cells("17.1万余家", Decimal("17.1"), get_unit("万家"), "zh",
                             qualifier="余", per=None, per_stated=False) == ("17.1", "万余家")
    assert ZH.tidy("同比  增长") == "同比  增长"


def test_a_list_of_percentages_keeps_every_percent_sign() -> None:
    """12%、15% (was 12、15%: a bare 12): GB/T 15835-2011 keeps the sign of every
    percentage in a range (15%～30%, 不写为15～30%), so does a list; a counter or a
    unit word is said once after the last (4.43万、3.05万件; 100—200公斤)."""
    assert ZH.list_amounts(["12%", "15%"], get_unit("%"), "zh") == "12%、15%"
    assert ZH.list_amounts(["12天", "15天"], get_unit("天"), "zh") == "12、15天"
