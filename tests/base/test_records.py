"""``datarecord`` makes the classes ``dataclass`` makes (``ipdocs.base.records``)."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdocs.base.records import datarecord


def _pair(frozen: bool, body: dict[str, Any], annotations: dict[str, Any]) -> tuple[type, type]:
    """The same class made by ``dataclass`` and by ``datarecord``."""
    made = []
    for decorator in (dataclass(frozen=frozen), datarecord(frozen=frozen)):
        namespace = {"__annotations__": dict(annotations), "__module__": __name__,
                     "__qualname__": "Thing", **body}
        made.append(decorator(type("Thing", (), namespace)))
    return made[0], made[1]


_SHAPES = [
    ({}, {}),
    ({}, {"a": "int"}),
    ({"b": ""}, {"a": "int", "b": "str"}),
    ({"b": field(default=0, repr=False), "c": field(default=1.0, compare=False)},
     {"a": "Any", "b": "int", "c": "float"}),
    ({"b": field(default=0, hash=False), "c": field(default=(), hash=True, compare=False)},
     {"a": "Any", "b": "int", "c": "tuple"}),
]

_VALUES = st.one_of(st.integers(-3, 3), st.floats(allow_nan=True), st.text(max_size=3),
                    st.tuples(st.integers(0, 2)), st.none())


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize(("body", "annotations"), _SHAPES)
@given(first=st.lists(_VALUES, min_size=3, max_size=3),
       second=st.lists(_VALUES, min_size=3, max_size=3))
def test_datarecord_answers_as_dataclass(frozen: bool, body: dict[str, Any],
                                     annotations: dict[str, Any], first: list[Any],
                                     second: list[Any]) -> None:
    plain, fast = _pair(frozen, body, annotations)
    names = list(annotations)
    a = [dict(zip(names, values, strict=False)) for values in (first, second)]
    p1, p2 = plain(**a[0]), plain(**a[1])
    f1, f2 = fast(**a[0]), fast(**a[1])
    assert repr(f1) == repr(p1)
    assert (f1 == f2) == (p1 == p2)
    assert (f1 == f1) == (p1 == p1)  # a NaN field: the tuple compares by identity first
    assert (f1 == p1) is False
    assert f1.__eq__(object()) is NotImplemented
    assert [f.name for f in dataclasses.fields(fast)] == names
    assert fast.__dataclass_params__.frozen == frozen
    assert fast.__dataclass_params__.eq and fast.__dataclass_params__.repr
    assert fast.__match_args__ == plain.__match_args__
    if frozen:
        assert hash(f1) == hash(p1)
        with pytest.raises(dataclasses.FrozenInstanceError):
            f1.x = 1
    else:
        assert fast.__hash__ is None
        with pytest.raises(TypeError):
            hash(f1)
    assert dataclasses.replace(f1) == f1
    assert dataclasses.asdict(f1) == dataclasses.asdict(p1)


def test_a_method_the_class_defines_is_kept() -> None:
    @datarecord(frozen=True)
    class Own:
        a: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "own" and Own(1) == Own(2) and hash(Own(3)) == 7


def test_an_eq_of_its_own_makes_a_frozen_record_hash_its_fields_as_dataclass() -> None:
    @datarecord(frozen=True)
    class Own:
        a: int

        def __eq__(self, other: object) -> bool:
            return False

    @dataclass(frozen=True)
    class Std:
        a: int

        def __eq__(self, other: object) -> bool:
            return False

    assert hash(Own(5)) == hash(Std(5))


def test_a_repr_that_holds_itself_stops() -> None:
    @datarecord
    class Box:
        item: Any = None

    box = Box()
    box.item = [box]
    assert repr(box) == f"{Box.__qualname__}(item=[...])"


def test_subclasses_and_bare_records_and_pickling() -> None:
    made = _Base(1), _Derived(1, "x")
    assert repr(made[1]) == "_Derived(a=1, b='x')"
    assert made[0] != made[1]
    assert pickle.loads(pickle.dumps(made[1])) == made[1]
    assert _Bare(2) == _Bare(2) and repr(_Bare(2)) == "_Bare(n=2)"


@datarecord(frozen=True)
class _Base:
    a: int


@datarecord(frozen=True)
class _Derived(_Base):
    b: str = ""


@datarecord
class _Bare:
    n: int
