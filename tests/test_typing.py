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


def errors_by_line(output: str, path: Path) -> set[int]:
    prefix = f"{path.relative_to(ROOT)}:"
    return {
        int(line[len(prefix) :].split(":", 1)[0])
        for line in output.splitlines()
        if line.startswith(prefix) and ": error:" in line
    }


def marked_lines(path: Path) -> set[int]:
    lines = path.read_text().splitlines()
    return {n for n, line in enumerate(lines, 1) if line.rstrip().endswith("# error")}


def test_openai_style_script_passes_mypy_strict() -> None:
    result = mypy(ROOT / "tests" / "typing" / "openai_style.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_structured_output_is_typed_as_the_class_asked_for() -> None:
    result = mypy(ROOT / "tests" / "typing" / "structured.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_is_caught_on_exactly_the_marked_lines() -> None:
    path = ROOT / "tests" / "typing" / "misuse.py"
    result = mypy(path)
    assert result.returncode == 1
    assert errors_by_line(result.stdout, path) == marked_lines(path), result.stdout


def test_readme_examples_pass_mypy_strict(tmp_path: Path) -> None:
    """Users copy the README's examples into type-checked code: each passes mypy --strict."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_readme import examples
    finally:
        sys.path.remove(str(ROOT / "tests"))
    found = examples()
    for example in found:
        (tmp_path / f"readme_line{example.line}.py").write_text(example.code)
    result = mypy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"found in {len(found)} source files" in result.stdout
