"""Shared fixtures: a Prism mock server of openapi.yaml, and free TCP ports."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
PRISM_VERSION = "5.16.0"
PRISM_START_TIMEOUT = 60.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prism_binary() -> str:
    """$TRILOGUE_PRISM, else the copy `make prism` installs, else `prism` on PATH."""
    cache = os.environ.get("TRILOGUE_CACHE") or str(Path.home() / ".cache" / "trilogue")
    candidates = [
        os.environ.get("TRILOGUE_PRISM", ""),
        str(Path(cache) / f"prism-{PRISM_VERSION}" / "node_modules" / ".bin" / "prism"),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    on_path = shutil.which("prism")
    if on_path:
        return on_path
    pytest.fail(
        f"Prism CLI not found (looked at $TRILOGUE_PRISM={candidates[0]!r}, {candidates[1]} "
        "and PATH); run `make prism` to install it",
        pytrace=False,
    )


def _can_connect(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of `prism mock openapi.yaml` (static mode: the spec's examples are served)."""
    binary = _prism_binary()
    port = free_port()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [binary, "mock", str(SPEC_PATH), "-h", "127.0.0.1", "-p", str(port)],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the whole of it can be stopped
        )

        def output() -> str:
            log.seek(0)
            return log.read().decode("utf-8", "replace")

        def stop() -> None:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()

        deadline = time.monotonic() + PRISM_START_TIMEOUT
        while not _can_connect(port):
            if proc.poll() is not None:
                pytest.fail(
                    f"Prism exited with status {proc.returncode} before listening on port "
                    f"{port}. Output:\n{output()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                stop()
                pytest.fail(
                    f"Prism did not listen on port {port} within {PRISM_START_TIMEOUT:.0f} s. "
                    f"Output:\n{output()}",
                    pytrace=False,
                )
            time.sleep(0.1)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            stop()
