"""`make bench`: trilogue's CPU cost, import time and memory next to raw httpx and openai.

What it measures, for three clients: raw (httpx + json.loads, no SDK: the floor), the official
`openai` SDK, and trilogue (provider "openai-compatible"):

- create, sync:  calls per CPU-second over sequential `create()` calls;
- create, async: calls per CPU-second over rounds of concurrent calls (asyncio.gather);
- stream:        chunks per CPU-second over one 20,000-chunk stream, each chunk parsed into the
                 client's chunk object, in two regimes: one HTTP chunk per event (as servers
                 stream tokens), and the whole stream sent at once with a Content-Length, so it
                 sits in the socket buffer and only per-chunk work shows;
- import:        wall time of `import X` plus constructing a client, median over fresh processes;
- peak RSS:      ru_maxrss of a process holding 200 async streams open, each past its first chunk.

How: a minimal keep-alive HTTP/1.1 server (bench/server.py, asyncio) runs in its own process and
answers with a canned ~1.7 KB chat.completion or an SSE stream. Every (measurement, client) pair
runs in a fresh worker process (this script with `--worker`) that warms up, then times only its
own CPU (`time.process_time()`) around the measured loop, so the server's CPU is not counted.
Workers of the three clients alternate, and each pair runs a few times (best kept), so load from
elsewhere on the machine hits all three alike. All clients run from one bench-only venv,
`.venv-bench/`, created on the first run with openai pinned and trilogue installed editable.

Prints one table and writes it, with the machine and versions, to BENCHMARKS.md (not with
`--quick` or `--only`, whose numbers are partial).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import clients as workloads

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = ROOT / ".venv-bench"
VENV_PYTHON = VENV / "bin" / "python"
OPENAI_PIN = "3.54.0"
"""The newest openai on the package index when this benchmark was written."""
CLIENTS = ("raw", "openai", "trilogue")
T = TypeVar("T")
VERSIONED = ("httpx", "httpcore", "h11", "openai", "pydantic", "trilogue", "attrs", "orjson")


@dataclass(frozen=True)
class Measurement:
    name: str
    label: str
    unit: str
    higher_is_better: bool
    target: str  # "raw" or "openai": the column the target compares trilogue with
    limit: float  # the trilogue/<target> ratio to reach (a floor, or a ceiling if lower is better)


MEASUREMENTS = (
    Measurement("create-sync", "create, sync", "calls/CPU-s", True, "raw", 0.9),
    Measurement(
        "create-async", "create, async x{async_concurrency}", "calls/CPU-s", True, "raw", 0.9
    ),
    Measurement("stream", "stream, one HTTP chunk per event", "chunks/CPU-s", True, "raw", 0.55),
    Measurement("stream-whole", "stream, whole body buffered", "chunks/CPU-s", True, "raw", 0.55),
    Measurement("import", "import + client", "ms", False, "raw", 1.15),
    Measurement("memory", "peak RSS, {streams_held} streams", "MiB", False, "openai", 1.0),
)


@dataclass(frozen=True)
class Sizes:
    rounds: int  # worker runs per (measurement, client); the best is kept
    sync_calls: int
    async_concurrency: int
    async_rounds: int
    stream_chunks: int
    import_runs: int
    streams_held: int


FULL = Sizes(3, 600, 100, 6, 20_000, 25, 200)  # 25 imports: 9 moved the median by ±10%
QUICK = Sizes(1, 100, 100, 2, 2_000, 3, 50)


# The bench venv.


def _venv_stamp() -> str:
    pyproject = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    return f"openai=={OPENAI_PIN} pyproject={pyproject}\n"


def ensure_venv() -> None:
    """Creates or refreshes .venv-bench/ (openai pinned, trilogue editable) when out of date."""
    stamp = VENV / ".bench-stamp"
    if stamp.exists() and stamp.read_text() == _venv_stamp():
        return
    print(f"Setting up {VENV.name}/ (openai=={OPENAI_PIN}, trilogue editable)...", flush=True)
    if not VENV_PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    out = subprocess.run(
        [*pip, f"openai=={OPENAI_PIN}", "-e", str(ROOT)], capture_output=True, text=True
    )
    if out.returncode:
        sys.exit(f"pip could not set up {VENV.name}/:\n{out.stdout}{out.stderr}")
    stamp.write_text(_venv_stamp())


def versions() -> dict[str, str]:
    code = (
        "import importlib.metadata as m, json, sys\n"
        "def v(n):\n"
        "    try: return m.version(n)\n"
        "    except m.PackageNotFoundError: return 'not installed'\n"
        "print(json.dumps({n: v(n) for n in sys.argv[1:]}))"
    )
    out = subprocess.run(
        [str(VENV_PYTHON), "-c", code, *VERSIONED], check=True, capture_output=True, text=True
    )
    found: dict[str, str] = json.loads(out.stdout)
    return found


# The server.


@contextlib.contextmanager
def running_server() -> Iterator[str]:
    """Starts bench/server.py in its own process; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, str(BENCH / "server.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)


# Running workers.


def run_worker(measurement: str, client: str, base_url: str, sizes: Sizes) -> float:
    """Runs one measurement of one client in a fresh process; returns its number."""
    command = [str(VENV_PYTHON), str(Path(__file__).resolve()), "--worker", measurement]
    command += ["--client", client, "--base-url", base_url]
    command += ["--sizes", json.dumps(sizes.__dict__)]
    return float(_run(command).splitlines()[-1])


def _run(command: list[str], env: dict[str, str] | None = None) -> str:
    """Runs a child process; its stdout, or exits showing its stderr if it failed."""
    out = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    if out.returncode:
        sys.exit(f"{' '.join(command)}\nfailed ({out.returncode}):\n{out.stderr}")
    return out.stdout.strip()


def import_ms(client: str, base_url: str) -> float:
    """Milliseconds to import the client's library and build a client, in a fresh process
    that may write bytecode (with PYTHONDONTWRITEBYTECODE set, every source changed since its
    .pyc was written would be compiled again on each import)."""
    snippet = workloads.IMPORT_SNIPPETS[client].format(url=base_url)
    code = f"import time; t = time.perf_counter(); {snippet}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return float(_run([str(VENV_PYTHON), "-c", code], env)) * 1000


def measure_imports(clients: list[str], base_url: str, runs: int) -> dict[str, float]:
    """The median import time of each client, runs alternating between the clients."""
    for client in clients:
        import_ms(client, base_url)  # writes the .pyc files, warms the file cache
    times: dict[str, list[float]] = {client: [] for client in clients}
    for _ in range(runs):
        for client in clients:
            times[client].append(import_ms(client, base_url))
    return {client: statistics.median(values) for client, values in times.items()}


def measure(m: Measurement, clients: list[str], base_url: str, sizes: Sizes) -> dict[str, float]:
    """One row: each client's best result over `sizes.rounds` fresh worker processes."""
    if m.name == "import":
        return measure_imports(clients, base_url, sizes.import_runs)
    best = max if m.higher_is_better else min
    results: dict[str, list[float]] = {client: [] for client in clients}
    for _ in range(sizes.rounds):
        for client in clients:
            results[client].append(run_worker(m.name, client, base_url, sizes))
    return {client: best(values) for client, values in results.items()}


def worker(measurement: str, client_name: str, base_url: str, sizes: Sizes) -> float:
    """The body of a worker process: builds the client and runs one workload."""
    client = workloads.ADAPTERS[client_name](base_url)
    if measurement == "create-sync":
        return workloads.create_sync(client, sizes.sync_calls)
    if measurement == "create-async":
        return workloads.create_async(client, sizes.async_concurrency, sizes.async_rounds)
    if measurement == "stream":
        return workloads.stream(client, sizes.stream_chunks)
    if measurement == "stream-whole":
        return workloads.stream(client, sizes.stream_chunks, whole=True)
    if measurement == "memory":
        return workloads.memory(client, sizes.streams_held)
    raise ValueError(f"unknown measurement {measurement!r}")


# The table.


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _ratio(row: dict[str, float], other: str) -> float | None:
    if "trilogue" in row and other in row:
        return row["trilogue"] / row[other]
    return None


def _verdict(m: Measurement, row: dict[str, float]) -> tuple[str, str]:
    sign = "≥" if m.higher_is_better else "≤"
    target = f"{sign} {m.limit:.2f}x {m.target}"
    ratio = _ratio(row, m.target)
    if ratio is None:
        return target, "-"
    met = ratio >= m.limit if m.higher_is_better else ratio <= m.limit
    return target, "met" if met else "**NOT met**"


def table(rows: dict[str, dict[str, float]], names: dict[str, str], sizes: Sizes) -> str:
    """The results as one Markdown table."""
    header = [
        "measurement (rates: higher is better; import, RSS: lower is better)",
        *(names[client] for client in CLIENTS),
        "trilogue/raw",
        "trilogue/openai",
        "target (trilogue)",
        "met?",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for m in MEASUREMENTS:
        if m.name not in rows:
            continue
        row = rows[m.name]
        label = m.label.format(**sizes.__dict__)
        cells = [f"{label} ({m.unit})", *(_number(row.get(client)) for client in CLIENTS)]
        cells += [_ratio_text(_ratio(row, "raw")), _ratio_text(_ratio(row, "openai"))]
        cells += _verdict(m, row)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _ratio_text(ratio: float | None) -> str:
    return "-" if ratio is None else f"{ratio:.2f}x"


# BENCHMARKS.md.


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def report(result: str, found: dict[str, str], command: str, seconds: float, load: str) -> str:
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    packages = ", ".join(f"{name} {version}" for name, version in found.items())
    return f"""# Benchmarks

trilogue's client-side cost next to raw httpx + `json.loads` (the floor: no SDK at all) and the
official `openai` SDK, all three talking to the same local server. Produced by `make bench`
(bench/run.py; how it measures is in its docstring).

- Command: {command} (took {seconds:.0f} s)
- Date: {today}
- Machine: {platform.platform()}; {cpu_model()}; {os.cpu_count()} CPUs; load average {load}
  at the start
- Python {platform.python_version()} ({platform.python_implementation()}); {packages}

{result}

Rates are per CPU-second of the client process alone (`time.process_time()` around the measured
loop, after a warm-up), so the server's work is not counted and other load on the machine skews
them far less than wall time; the best of {FULL.rounds} fresh processes is kept. Import time is
the median wall time of {FULL.import_runs} fresh processes (interpreter start-up excluded), so it
moves with the machine's load: compare the ratios, taken side by side, rather than the
milliseconds. Peak RSS is `ru_maxrss` of a process holding 200 async streams open, each past
its first chunk; raw httpx and trilogue get a pool of 1000 connections there (openai's default),
since httpx's default pool of 100 could not hold 200 streams.

Targets for trilogue:
- create (sync and async) ≥ 0.9x raw calls per CPU-second;
- stream ≥ 0.55x raw chunks per CPU-second (≥ 0.7x with `trilogue[fast]`);
- import + construct ≤ 1.15x `import httpx; httpx.Client()`;
- peak RSS with 200 open streams no worse than openai's.
"""


def client_names(found: dict[str, str]) -> dict[str, str]:
    return {
        "raw": f"raw (httpx {found['httpx']})",
        "openai": f"openai {found['openai']}",
        "trilogue": f"trilogue {found['trilogue']}",
    }


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    names = [m.name for m in MEASUREMENTS]
    choices = [*names, *CLIENTS]
    parser.add_argument("--quick", action="store_true", help="fewer iterations: a smoke test")
    parser.add_argument(
        "--only",
        action="append",
        choices=choices,
        metavar="NAME",
        help=f"run only this measurement or client (repeatable): {', '.join(choices)}",
    )
    parser.add_argument("--worker", choices=names, help=argparse.SUPPRESS)
    parser.add_argument("--client", choices=CLIENTS, help=argparse.SUPPRESS)
    parser.add_argument("--base-url", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.worker:
        sizes = Sizes(**json.loads(args.sizes))
        print(worker(args.worker, args.client, args.base_url, sizes))
        return 0
    started = time.perf_counter()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    ensure_venv()
    sizes = QUICK if args.quick else FULL
    only = set(args.only or ())
    measurements = _select(MEASUREMENTS, only, key=lambda m: m.name)
    clients = _select(CLIENTS, only, key=str)
    rows: dict[str, dict[str, float]] = {}
    with running_server() as base_url:
        for m in measurements:
            print(f"measuring {m.label.format(**sizes.__dict__)}...", flush=True)
            rows[m.name] = measure(m, clients, base_url, sizes)
    found = versions()
    result = table(rows, client_names(found), sizes)
    print(result)
    if args.quick or args.only:
        print("\n(--quick / --only: BENCHMARKS.md left unchanged)")
        return 0
    seconds = time.perf_counter() - started
    (ROOT / "BENCHMARKS.md").write_text(report(result, found, _command(argv), seconds, load))
    print("\nWrote BENCHMARKS.md")
    return 0


def _select(items: Sequence[T], only: set[str], key: Callable[[T], str]) -> list[T]:
    """The items `--only` names; all of them if it names none of this kind."""
    named = [item for item in items if key(item) in only]
    return named or list(items)


def _command(argv: list[str]) -> str:
    """How this run was started, as Markdown."""
    command = "`" + " ".join([os.path.relpath(sys.executable, ROOT), "bench/run.py", *argv]) + "`"
    return f"`make bench`, which runs {command}" if "MAKELEVEL" in os.environ else command


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
