"""The batch runner's resume after `kill -9`, as a transcript.

The real CLI (`python -m trilogue batch run`) sends N lines to tests/batch_server.py, which
answers each request after 50 ms so that requests are in flight; the runner is killed with
SIGKILL once half the result lines are written, then the same command runs again. Printed:
the lines written at the kill, whether the file ends on a whole line, what the second run says,
and the counts the issue asks for (lines lost, duplicate output lines, requests sent twice).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from batch_server import BatchServer  # noqa: E402


def write_input(path: Path, count: int) -> None:
    with path.open("w") as out:
        for i in range(count):
            body = {"model": "m", "messages": [{"role": "user", "content": f"line {i}"}]}
            line = {"custom_id": f"r{i}", "method": "POST", "url": "/v1/chat/completions"}
            out.write(json.dumps({**line, "body": body}) + "\n")


def lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, BatchServer(delay=0.05) as server:
        source, results = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl")
        write_input(source, args.lines)
        command = [sys.executable, "-m", "trilogue", "batch", "run"]
        command += ["--provider", "openai-compatible", "--base-url", server.url]
        command += ["--input", str(source), "--output", str(results)]
        command += ["--concurrency", str(args.concurrency)]
        print(f"$ trilogue batch run ... --concurrency {args.concurrency} &   # {args.lines} lines")
        first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while lines_in(results) < args.lines // 2:
            time.sleep(0.005)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        kept = results.read_bytes()
        at_kill, whole = lines_in(results), kept.endswith(b"\n")
        print(f"$ kill -9 $!   # at {at_kill} result lines of {args.lines}")
        print(f"  the file ends on a whole line: {whole}")
        print(f"  (the server had received {len(server.seen)} requests)")
        started = time.monotonic()
        second = subprocess.run(command, capture_output=True, text=True)
        print("$ trilogue batch run ...   # the same command again")
        print(f"  {second.stderr.strip().splitlines()[-1]}")
        print(f"  exit status {second.returncode}, {time.monotonic() - started:.1f} s")
        rows = [json.loads(line) for line in results.read_bytes().splitlines()]
        ids = [row["custom_id"] for row in rows]
        sent_twice = len(server.seen) - args.lines
        print(
            f"result lines {len(rows)}, distinct custom_id {len(set(ids))}, errors "
            f"{sum(1 for row in rows if row['error'])}; lines written before the kill kept "
            f"byte for byte: {results.read_bytes().startswith(kept)}"
        )
        print(
            f"lines lost {args.lines - len(set(ids))}, duplicate output lines "
            f"{len(ids) - len(set(ids))}, requests sent twice {sent_twice} "
            f"(concurrency {args.concurrency})"
        )


if __name__ == "__main__":
    main()
