"""The package's face: its public names imported on first use (``ipdocs/__init__``)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import ipdocs
from tests.conftest import SPECS, fresh_python


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


def test_python_m_turns_the_collector_back_on_before_the_command_runs() -> None:
    code = ("import gc, runpy, sys\n"
            "from ipdocs.app import cli\n"
            "cli.command = lambda: print(gc.isenabled()) or 0\n"
            "sys.argv = ['ipdocs']\n"
            "try:\n"
            "    runpy.run_module('ipdocs', run_name='__main__')\n"
            "except SystemExit:\n"
            "    pass\n"
            "gc.disable()\n"
            "try:\n"
            "    runpy.run_module('ipdocs', run_name='__main__')\n"
            "except SystemExit:\n"
            "    pass\n")
    assert fresh_python(code) == "True\nFalse\n"


def test_the_command_reads_no_installed_package_s_metadata_for_a_build(
        tmp_path: Path) -> None:
    """A build naming no plugin: neither pydantic (``without_pydantic_plugins``) nor
    ipdocs (``base.plugins``) reads entry points, so ``importlib.metadata`` is never
    imported; a program that imports ipdocs keeps pydantic's plugin loader as it is."""
    code = ("import atexit, runpy, sys\n"
            "atexit.register(lambda: print('importlib.metadata' in sys.modules))\n"
            "sys.argv = ['ipdocs', 'build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o',\n"
            "            sys.argv[2]]\n"
            "runpy.run_module('ipdocs', run_name='__main__')\n")
    spec = str(SPECS / "ningbo-2024.yaml")
    assert fresh_python(code, spec, str(tmp_path)).splitlines()[-1] == "False"
    library = ("import sys\n"
               "from ipdocs.app import cli\n"
               "cli.main(['build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o', sys.argv[2]])\n"
               "print(hasattr(sys.modules['pydantic.plugin._loader'], '__file__'),\n"
               "      'importlib.metadata' in sys.modules)\n")  # the real loader, as ever
    assert fresh_python(library, spec, str(tmp_path)).splitlines()[-1] == "True True"
