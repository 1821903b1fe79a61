"""The distribution: build the sdist and wheel, install the wheel into a clean venv, import it.

Runs `python -m build --no-isolation` (hatchling comes from the project venv), so it needs no
network for the build; installing the wheel fetches httpx and attrs through pip as usual.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Runs inside the clean venv, from a temporary directory (so nothing is imported from the repo).
PROBE = """
import json, sys
from importlib import metadata
from importlib.resources import files

import trilogue
import trilogue_api
from trilogue_api.models import ChatCompletion

completion = ChatCompletion.from_dict({"choices": []})
print(json.dumps({
    "prefix": sys.prefix,
    "trilogue_file": trilogue.__file__,
    "trilogue_api_file": trilogue_api.__file__,
    "trilogue_version": getattr(trilogue, "__version__", None),
    "dist_version": metadata.version("trilogue"),
    "chat_completion": completion.to_dict(),
    "py_typed": {
        name: files(name).joinpath("py.typed").is_file() for name in ("trilogue", "trilogue_api")
    },
}))
"""


def _run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _source_version() -> str:
    """`__version__` as written in the `[tool.hatch.version]` source file."""
    tree = ast.parse((ROOT / "src" / "trilogue" / "_version.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise AssertionError("src/trilogue/_version.py sets no __version__")


@pytest.fixture(scope="module")
def dist_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ".", cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def wheel(dist_dir: Path) -> Path:
    [path] = dist_dir.glob("trilogue-*.whl")
    return path


@pytest.fixture(scope="module")
def sdist(dist_dir: Path) -> Path:
    [path] = dist_dir.glob("trilogue-*.tar.gz")
    return path


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What PROBE reports from a fresh venv with only the wheel (and its dependencies)."""
    work = tmp_path_factory.mktemp("venv")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=work)
    report: dict[str, Any] = json.loads(_run(python, "-c", PROBE, cwd=work))
    report["venv"] = str(venv)
    return report


def test_build_names_the_version(wheel: Path, sdist: Path) -> None:
    version = _source_version()
    assert wheel.name == f"trilogue-{version}-py3-none-any.whl"
    assert sdist.name == f"trilogue-{version}.tar.gz"


def test_wheel_installs_and_imports(installed: dict[str, Any]) -> None:
    venv = Path(installed["venv"]).resolve()
    assert Path(installed["prefix"]).resolve() == venv
    # Both packages come from the venv's site-packages, not from the repository.
    for key in ("trilogue_file", "trilogue_api_file"):
        assert Path(installed[key]).resolve().is_relative_to(venv), installed[key]
    assert installed["chat_completion"] == {"choices": []}
    assert (venv / "bin" / "trilogue").is_file(), "the `trilogue` console script is missing"


def test_installed_version_matches_source(installed: dict[str, Any]) -> None:
    assert installed["trilogue_version"] == _source_version()
    assert installed["dist_version"] == _source_version()


def test_facade_is_typed(installed: dict[str, Any]) -> None:
    assert installed["py_typed"]["trilogue"] is True


def test_generated_package_is_typed(installed: dict[str, Any], wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        assert "trilogue_api/py.typed" in zf.namelist()
    assert installed["py_typed"]["trilogue_api"] is True


def test_wheel_holds_both_packages(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    generated = {
        "trilogue_api/" + p.relative_to(ROOT / "generated" / "trilogue_api").as_posix()
        for p in (ROOT / "generated" / "trilogue_api").rglob("*.py")
    }
    assert generated <= names, sorted(generated - names)
    assert "trilogue/__init__.py" in names
    assert "trilogue/_version.py" in names


def test_sdist_holds_spec_and_templates(sdist: Path) -> None:
    with tarfile.open(sdist) as tf:
        names = {name.split("/", 1)[1] for name in tf.getnames() if "/" in name}
    assert "openapi.yaml" in names
    assert "generator-config.yaml" in names
    templates = {p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").iterdir()}
    assert templates, "templates/ is empty"
    assert templates <= names, sorted(templates - names)
    assert "generated/trilogue_api/api/chat/create_chat_completion.py" in names
