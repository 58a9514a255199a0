"""The README's library example runs as written."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_library_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Library"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    (tmp_path / "specs").symlink_to(ROOT / "specs")
    result = subprocess.run([sys.executable, "-c", code.group(1)], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "71,425" in result.stdout  # the English narrative, figures rendered
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == ["n.en.docx", "n.zh.pdf", "ningbo.zh.pdf", "protection.en.docx"]
