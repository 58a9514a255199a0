"""The README's library example runs as written, whether worker processes fork or spawn."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SPAWN = ("import multiprocessing\nimport ipdocs.app.jobs\n"
         "ipdocs.app.jobs._context = lambda: multiprocessing.get_context('spawn')\n")
"""Lines put before the example to make its worker processes spawn, as on macOS and
Windows: each imports the example's file again, so an unguarded example would fail."""


def example() -> str:
    """The code of the README's library section."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Library"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    return code.group(1)


@pytest.mark.parametrize("start", ["default", "spawn"])
def test_library_example_runs(tmp_path: Path, start: str) -> None:
    (tmp_path / "specs").symlink_to(ROOT / "specs")
    script = tmp_path / "example.py"
    script.write_text((SPAWN if start == "spawn" else "") + example(), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, check=False, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "71,425" in result.stdout  # the English narrative, figures rendered
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == ["made.en.pdf", "n.en.docx", "n.zh.pdf", "ningbo.zh.pdf",
                    "protection.en.docx"]


def test_the_spawn_check_can_fail(tmp_path: Path) -> None:
    """An example without its __main__ guard fails under spawn: the test above means it."""
    (tmp_path / "specs").symlink_to(ROOT / "specs")
    unguarded = example().replace('if __name__ == "__main__":', "if True:")
    script = tmp_path / "example.py"
    script.write_text(SPAWN + unguarded, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                            text=True, check=False, timeout=300)
    assert result.returncode != 0
