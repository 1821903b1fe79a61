#!/usr/bin/env python3
"""`make demo`: start the local llama.cpp server and chat with it through the `trilogue` CLI:
a streamed answer, a forced tool call and a structured (json_schema) answer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import local_server  # noqa: E402

MODEL = "smollm2-135m-instruct"


def main() -> int:
    proc, base_url = local_server.start_server(0)
    env = {**os.environ, "TRILOGUE_BASE_URL": base_url, "TRILOGUE_MODEL": MODEL}
    cli = [sys.executable, "-m", "trilogue._cli", "chat", "--provider", "openai-compatible"]
    steps = [
        ("A streamed answer", [*cli, "Write two sentences about the sea.", "--max-tokens", "60"]),
        (
            "A tool call (tool_choice=required)",
            [
                *cli,
                "What's the weather in Paris?",
                "--tool",
                str(HERE / "demo" / "get_weather.json"),
            ],
        ),
        (
            "A structured answer (json_schema)",
            [
                *cli,
                "Invent a person.",
                "--json-schema",
                str(HERE / "demo" / "person.json"),
                "--no-stream",
                "--temperature",
                "0",
            ],
        ),
    ]
    try:
        print(f"llama-server with SmolLM2-135M-Instruct at {base_url}\n", flush=True)
        for title, command in steps:
            print(f"== {title}\n$ trilogue {' '.join(command[3:])}", flush=True)
            result = subprocess.run(command, env=env, check=False)
            print(flush=True)
            if result.returncode != 0:
                return result.returncode
    finally:
        local_server.stop_server(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
