"""The layering rules of DESIGN.md, enforced by import-linter contracts in pyproject.toml."""

import subprocess
import sys

from tests.conftest import ROOT


def test_import_contracts_are_kept() -> None:
    script = ("import sys; from importlinter.cli import lint_imports_command; "
              "sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()")
    result = subprocess.run([sys.executable, "-c", script],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
