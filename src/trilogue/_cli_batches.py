"""`trilogue batch submit|status|results|cancel`: the providers' own batch APIs from the
terminal. A job is named by its handle, `provider:id`, which `submit` prints. Exit status:
0 done, 3 some results are error lines, 1 the job cannot give what was asked."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TextIO

from . import _json
from ._client import Trilogue
from ._providers import PROVIDERS
from .lib.batch import BatchHandle, BatchJob

__all__ = ["add_parsers", "run"]


def add_parsers(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The four commands, on `trilogue batch`'s subcommands."""
    submit = actions.add_parser(
        "submit",
        help="upload a JSONL file to the provider's batch API (Mistral, Gradient) and print "
        "the job's handle",
        description="Every line is checked before anything is sent. Prints the job's handle "
        "(provider:id) on stdout.",
    )
    submit.add_argument(
        "--provider",
        choices=[name for name in PROVIDERS if name in ("mistral", "gradient")],
        default=os.environ.get("TRILOGUE_PROVIDER", "mistral"),
    )
    submit.add_argument("--input", required=True, help="JSONL of OpenAI batch (or Mistral) lines")
    submit.add_argument("--model", help="the model for lines whose body names none")
    submit.add_argument("--wait", action="store_true", help="wait until the job is done")
    submit.add_argument("--output", help="with --wait: write the results here")
    submit.add_argument("--poll-interval", type=float, default=30.0, help="seconds (--wait)")
    _key_arguments(submit)
    for name, words in (
        ("status", "print a job's state"),
        ("results", "write a done job's results (OpenAI batch output lines)"),
        ("cancel", "ask the provider to cancel a job"),
    ):
        command = actions.add_parser(name, help=words)
        command.add_argument("job", help="the job's handle, provider:id, as submit printed it")
        if name == "results":
            command.add_argument("--output", required=True, help="JSONL of results")
        _key_arguments(command)


def _key_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--api-key", help="the API key (default: the provider's variable)")
    command.add_argument("--base-url", help="server address (default: the provider's)")


def run(args: argparse.Namespace) -> int:
    """Runs one of the commands (`_cli.guarded` reports its failures)."""
    return _COMMANDS[args.batch_command](args)


def _client(args: argparse.Namespace, provider: str) -> Trilogue:
    return Trilogue(provider, api_key=args.api_key, base_url=args.base_url)  # type: ignore[arg-type]


def _submit(args: argparse.Namespace) -> int:
    if args.output and not args.wait:
        raise ValueError("--output needs --wait (or use `trilogue batch results` later)")
    with _client(args, args.provider) as client:
        job = client.batches.create(input=args.input, model=args.model)
        print(job.handle, flush=True)
        if not args.wait:
            return 0
        job = client.batches.wait(job, poll_interval=args.poll_interval)
        _print_status(job)
        if not job.succeeded:
            return 1
        return _write_results(client, job, args.output) if args.output else 0


def _status(args: argparse.Namespace) -> int:
    handle = BatchHandle.parse(args.job)
    with _client(args, handle.provider) as client:
        _print_status(client.batches.retrieve(handle), stream=sys.stdout)
    return 0


def _results(args: argparse.Namespace) -> int:
    handle = BatchHandle.parse(args.job)
    with _client(args, handle.provider) as client:
        return _write_results(client, handle, args.output)


def _cancel(args: argparse.Namespace) -> int:
    handle = BatchHandle.parse(args.job)
    with _client(args, handle.provider) as client:
        _print_status(client.batches.cancel(handle), stream=sys.stdout)
    return 0


def _write_results(client: Trilogue, job: BatchJob | BatchHandle, output: str) -> int:
    """Writes the results as they download (never the whole file in memory)."""
    succeeded = failed = 0
    with open(output, "wb") as f:
        for result in client.batches.stream_results(job):
            f.write(_json.dumps(result.line) + b"\n")
            succeeded, failed = (
                succeeded + (result.error is None),
                failed + (result.error is not None),
            )
    print(f"batch: {succeeded} succeeded, {failed} failed", file=sys.stderr)
    return 3 if failed else 0


def _print_status(job: BatchJob, stream: TextIO | None = None) -> None:
    counts = f"{job.total} requests" if job.total is not None else "requests unknown"
    if job.succeeded_count is not None or job.failed_count is not None:
        counts += f", {job.succeeded_count or 0} succeeded, {job.failed_count or 0} failed"
    errors = f"; {'; '.join(job.errors)}" if job.errors else ""
    print(f"{job.handle} {job.status} ({counts}){errors}", file=stream or sys.stderr)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "submit": _submit,
    "status": _status,
    "results": _results,
    "cancel": _cancel,
}
