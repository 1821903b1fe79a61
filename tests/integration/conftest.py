"""Starts the real llama.cpp server (scripts/local_server.py) once for the integration suite."""

from __future__ import annotations

import importlib.util
import sys
import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType

import pytest

import trilogue

ROOT = Path(__file__).resolve().parents[2]
MODEL = "smollm2-135m-instruct"


def _local_server() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "local_server", ROOT / "scripts" / "local_server.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["local_server"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def llama_url() -> Iterator[str]:
    server = _local_server()
    if not server.is_installed():
        try:
            server.check_backend()
        except server.MissingToolsError as exc:
            message = f"INTEGRATION SUITE SKIPPED: no llama.cpp server here ({exc})"
            warnings.warn(message, stacklevel=1)
            pytest.skip(message)
    proc, url = server.start_server(0)
    try:
        yield url
    finally:
        server.stop_server(proc)


@pytest.fixture
def client(llama_url: str) -> Iterator[trilogue.Trilogue]:
    with trilogue.Trilogue("openai-compatible", base_url=llama_url, timeout=120) as c:
        yield c


@pytest.fixture
async def aclient(llama_url: str) -> AsyncIterator[trilogue.AsyncTrilogue]:
    async with trilogue.AsyncTrilogue("openai-compatible", base_url=llama_url, timeout=120) as c:
        yield c
