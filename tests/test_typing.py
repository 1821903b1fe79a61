"""Types are part of the API: openai-style user code type-checks under `mypy --strict`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_openai_style_script_passes_mypy_strict() -> None:
    result = mypy(ROOT / "tests" / "typing" / "openai_style.py")
    assert result.returncode == 0, result.stdout + result.stderr
