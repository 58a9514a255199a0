"""The package's face: its public names imported on first use (``ipdocs/__init__``)."""

from __future__ import annotations

import importlib

import pytest

import ipdocs
from tests.conftest import fresh_python


def test_every_public_name_is_its_homes_object() -> None:
    for name in ipdocs.__all__:
        value = getattr(ipdocs, name)
        if name != "__version__":
            assert value is getattr(importlib.import_module(ipdocs._HOMES[name]), name)
    assert set(ipdocs.__all__) <= set(dir(ipdocs))


def test_a_layer_answers_after_a_bare_import_and_an_unknown_name_does_not() -> None:
    assert ipdocs.model is importlib.import_module("ipdocs.model")
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        ipdocs.nothing  # noqa: B018


def test_importing_the_package_imports_nothing_else_until_a_name_is_used() -> None:
    out = fresh_python("import sys, ipdocs\n"
                  "print(sorted(m for m in sys.modules if m.startswith('ipdocs')))\n"
                  "from ipdocs import *\n"
                  "print(Report.__name__, callable(build))\n")
    assert out == "['ipdocs', 'ipdocs.base']\nReport True\n"  # the base: its version
