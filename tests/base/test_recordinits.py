"""The plain records' ``__init__`` templates kept as Python (``base.recordinits``): made
from ``records._template_source`` as it is, and taken without compiling."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from ipdocs.base import recordinits, records
from ipdocs.base.records import datarecord


def test_the_templates_are_made_from_the_code_as_it_is() -> None:
    assert Path(recordinits.__file__).read_text(encoding="utf-8") == \
        records.templates_source(), ("records' templates changed: run "
                                     "`python -m ipdocs.base.records` and commit "
                                     "src/ipdocs/base/recordinits.py")


@pytest.mark.skipif(records._INIT_FN is None, reason="Python 3.13 makes records as ever")
def test_a_template_kept_is_taken_and_one_of_more_fields_compiled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real_exec = builtins.exec
    monkeypatch.setattr(builtins, "exec", lambda source, *rest: (
        compiled.append(str(source)[:20]), real_exec(source, *rest))[1])
    monkeypatch.setattr(records, "_TEMPLATES", {})
    names = [f"f{index}" for index in range(records.TEMPLATED + 3)]
    kept = records._template(records.TEMPLATED, True)
    assert compiled == []
    assert kept.co_varnames == ("self", *(f"__record_field_{i}__"
                                          for i in range(records.TEMPLATED)))
    many = datarecord(frozen=True)(type("Many", (), {
        "__doc__": "Many fields.", "__module__": __name__,
        "__annotations__": dict.fromkeys(names, "int")}))
    made = many(*range(len(names)))
    assert compiled and [getattr(made, name) for name in names] == list(range(len(names)))
