"""The release path end to end: `make release` publishes to a real local index (pypiserver on
127.0.0.1), and `pip install trilogue==<version>` from that index works in a clean venv.

The clean venv gets trilogue's dependencies first, from the usual package index, so that the
install from the local index (the only index pip is given then) can only find trilogue there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
import tomllib
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "src" / "trilogue" / "_version.py").read_text(), namespace)
    return namespace["__version__"]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A pypiserver that accepts uploads without a password; (its URL, its package dir)."""
    packages = tmp_path_factory.mktemp("index")
    port = free_port()
    log = packages.parent / "pypiserver.log"
    with open(log, "wb") as out:
        serve = ["run", "-i", "127.0.0.1", "-p", str(port), "-a", ".", "-P", "."]
        proc = subprocess.Popen(
            [BIN / "python", "-m", "pypiserver", *serve, "--disable-fallback", str(packages)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/simple/", timeout=2):
                break
        except OSError:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "pypiserver did not start:\n" + log.read_text()
            time.sleep(0.2)
    try:
        yield url, packages
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_make_release_publishes_and_the_package_installs_from_the_index(
    index: tuple[str, Path], tmp_path: Path
) -> None:
    url, packages = index
    version = _version()
    dist = tmp_path / "dist"
    output = _run(
        "make",
        "--no-print-directory",
        "release",
        f"DIST={dist}",
        f"INDEX_URL={url}/",
        cwd=ROOT,
        env={"TWINE_USERNAME": "ci", "TWINE_PASSWORD": "unused"},
    )
    print(output)
    assert "PASSED" in output and "smoke: trilogue" in output
    assert f"release: uploading to {url}/" in output
    assert sorted(p.name for p in packages.iterdir()) == [
        f"trilogue-{version}-py3-none-any.whl",
        f"trilogue-{version}.tar.gz",
    ]

    with zipfile.ZipFile(dist / f"trilogue-{version}-py3-none-any.whl") as wheel:
        names = wheel.namelist()
        metadata = wheel.read(f"trilogue-{version}.dist-info/METADATA").decode()
    assert f"trilogue-{version}.dist-info/licenses/LICENSE" in names
    assert "trilogue/testing/__init__.py" in names and "trilogue/__main__.py" in names
    assert "License-Expression: MIT" in metadata
    # The PyPI page is the README: it opens with what the package is and how to install it.
    description = metadata.partition("\n\n")[2]
    assert description.startswith("# trilogue\n")
    assert description.index("pip install trilogue") < description.index("make ")
    with tarfile.open(dist / f"trilogue-{version}.tar.gz") as sdist:
        files = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "VERSIONING.md", "README.md"} <= files

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    # The dependencies first (the local index holds trilogue alone), as pyproject.toml says.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    _run(*pip, "install", "-q", *pyproject["project"]["dependencies"], cwd=tmp_path)
    installed = _run(
        *pip,
        "install",
        "--isolated",  # no pip.conf: the local index is the only place to look
        "--index-url",
        f"{url}/simple/",
        f"trilogue=={version}",
        cwd=tmp_path,
    )
    print(installed)
    assert f"Successfully installed trilogue-{version}" in installed
    shown = _run(python, "-m", "trilogue", "--version", cwd=tmp_path).strip()
    assert shown == f"trilogue {version}"
    where = _run(python, "-c", "import trilogue; print(trilogue.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv)
