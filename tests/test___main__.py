"""``python -m ipdocs`` and the installed command (``ipdocs.__main__.run``): the collector
on again before the command runs, pydantic's plugins not looked up, and Pillow's image
module imported only where a picture is drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _command_then(printed: str, folder: Path) -> str:
    """The last line a cold zh PDF build by ``python -m ipdocs`` (into ``folder``)
    prints, where ``printed`` (an expression) is printed as the process exits."""
    code = ("import atexit, runpy, sys\n"
            f"atexit.register(lambda: print({printed}))\n"
            "sys.argv = ['ipdocs', 'build', sys.argv[1], '-f', 'pdf', '-l', 'zh', '-o',\n"
            "            sys.argv[2]]\n"
            "runpy.run_module('ipdocs', run_name='__main__')\n")
    return fresh_python(code, str(SPECS / "ningbo-2024.yaml"), str(folder)).splitlines()[-1]


def test_the_command_reads_no_installed_package_s_metadata_for_a_build(
        tmp_path: Path) -> None:
    """A build naming no plugin: neither pydantic (``without_pydantic_plugins``) nor
    ipdocs (``base.plugins``) reads entry points, so ``importlib.metadata`` is never
    imported; a program that imports ipdocs keeps pydantic's plugin loader as it is."""
    assert _command_then("'importlib.metadata' in sys.modules", tmp_path) == "False"
    spec = str(SPECS / "ningbo-2024.yaml")
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


def test_a_build_without_a_picture_does_not_import_pillow_s_image_module(
        tmp_path: Path) -> None:
    assert _command_then("type(sys.modules['PIL.Image']).__name__, "
                         "'PIL.ExifTags' in sys.modules", tmp_path) == "_StandIn False"
    assert (tmp_path / "ningbo-2024.zh.pdf").is_file()


def test_a_letterhead_s_picture_is_drawn_by_the_command_as_by_the_library(
        tmp_path: Path) -> None:
    """The command imports Pillow's image module where the letterhead's picture is read:
    its PDF is the library's (which imports it with reportlab), byte for byte."""
    import subprocess
    import sys

    import ipdocs
    from ipdocs.themes import load_theme

    image = pytest.importorskip("PIL.Image", reason="needs Pillow (reportlab's)")
    picture = image.new("RGB", (120, 30), "white")
    for x in range(20):
        for y in range(30):
            picture.putpixel((x, y), (192, 0, 0))
    picture.save(tmp_path / "logo.png")
    theme = tmp_path / "office.yaml"
    theme.write_text((Path(ipdocs.__file__).parent / "themes" / "briefing.yaml").read_text(
        "utf-8") + "letterhead:\n  image: logo.png\n  lines: [甬知办]\n  height: 6\n  top: 5\n",
        encoding="utf-8")
    spec = SPECS / "ningbo-2024.yaml"
    subprocess.run([sys.executable, "-m", "ipdocs", "build", str(spec), "-f", "pdf", "-l",
                    "en", "--theme", str(theme), "-o", str(tmp_path / "out")], check=True,
                   capture_output=True)
    made = (tmp_path / "out" / "ningbo-2024.en.pdf").read_bytes()
    assert made == ipdocs.render(ipdocs.load_report(spec), "pdf", lang="en",
                                 theme=load_theme(theme))
    assert b"/Subtype /Image" in made
