#!/usr/bin/env python3
"""`make release`'s smoke test: install a built wheel into a clean venv and use it.

    python scripts/smoke_wheel.py dist/trilogue-X.Y.Z-py3-none-any.whl

From a temporary directory (so nothing comes from the repository) it imports trilogue, checks the
installed version against the wheel's name, makes a completion and a stream for every provider
through `trilogue.testing.FakeProvider` (in-process, no network), and runs `trilogue --version`
and `python -m trilogue --version`. Exits non-zero, saying what failed, on any problem.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """
import sys
import trilogue
from trilogue.testing import FakeProvider

expected = sys.argv[1]
assert trilogue.__version__ == expected, (trilogue.__version__, expected)
assert "site-packages" in trilogue.__file__, trilogue.__file__
for provider in trilogue.PROVIDERS:
    fake = FakeProvider(provider).add_response("pong").add_response(chunks=["po", "ng"])
    with fake.client() as client:
        messages = [{"role": "user", "content": "ping"}]
        completion = client.chat.completions.create(model="m", messages=messages)
        assert completion.assistant_message.content == "pong", provider
        with client.chat.completions.stream(model="m", messages=messages) as stream:
            assert stream.get_final_completion().assistant_message.content == "pong", provider
print(f"smoke: trilogue {trilogue.__version__} imports and answers for", len(trilogue.PROVIDERS),
      "providers")
"""


def run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"smoke: {' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit("usage: smoke_wheel.py WHEEL")
    wheel = Path(argv[0]).resolve()
    version = wheel.name.split("-")[1]
    with tempfile.TemporaryDirectory(prefix="trilogue-smoke-") as tmp:
        work = Path(tmp)
        run(sys.executable, "-m", "venv", work / "venv", cwd=work)
        python = work / "venv" / "bin" / "python"
        run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel, cwd=work)
        print(run(python, "-c", PROBE, version, cwd=work), end="")
        for command in ([work / "venv" / "bin" / "trilogue"], [python, "-m", "trilogue"]):
            shown = run(*command, "--version", cwd=work).strip()
            if shown != f"trilogue {version}":
                sys.exit(f"smoke: {command[-1]} --version printed {shown!r}")
        print(f"smoke: the trilogue command and python -m trilogue say {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
