"""``python -m ipdocs`` and the installed command (``ipdocs.__main__.run``): the collector
on again before the command runs, and pydantic's plugins not looked up."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SPECS, fresh_python


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


def test_a_profiler_running_the_command_prints_its_figures(tmp_path: Path) -> None:
    """``python -m cProfile -m ipdocs``: the command does not leave the process at once
    (``app.cli.leave``), so the profiler, whose main module it is, prints after it."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "cProfile", "-m", "ipdocs", "build",
                             str(SPECS / "ningbo-2024.yaml"), "-f", "pdf", "-l", "zh", "-o",
                             str(tmp_path)], capture_output=True, text=True, check=True)
    assert "function calls" in result.stdout
    assert (tmp_path / "ningbo-2024.zh.pdf").is_file()
