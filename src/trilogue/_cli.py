"""The `trilogue` command: chat with any provider from the terminal."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ._client import Trilogue
from ._exceptions import TrilogueError
from ._models import ChatCompletion
from ._providers import PROVIDERS

if TYPE_CHECKING:
    from ._types import MessageParam


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `trilogue` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "providers":
        return _providers()
    if args.command == "batch":
        return guarded(lambda: _batch(args), usage_status=1)
    return guarded(lambda: _models(args) if args.command == "models" else _chat(args))


def guarded(command: Callable[[], int], *, usage_status: int = 2) -> int:
    """Runs a command; every failure is one line on stderr and an exit status: 1 for an API
    failure (and for bad arguments caught before sending), `usage_status` for a bad option or
    a file that cannot be read, 130 for Ctrl-C."""
    try:
        return command()
    except TrilogueError as exc:
        print(f"trilogue: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError, TypeError, ImportError) as exc:
        print(f"trilogue: error: {exc}", file=sys.stderr)
        return usage_status
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="trilogue", description=__doc__)
    parser.add_argument("--version", action="version", version=f"trilogue {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="send one prompt and print the answer")
    chat.add_argument("prompt")
    _connection_arguments(chat)
    chat.add_argument("--model", default=os.environ.get("TRILOGUE_MODEL"))
    chat.add_argument("--system", help="a system prompt")
    chat.add_argument("--stream", action=argparse.BooleanOptionalAction, default=True)
    chat.add_argument(
        "--json-schema",
        metavar="FILE|MODULE:CLASS",
        help="answer as JSON matching this schema: a JSON schema file, or a Pydantic model, "
        "dataclass or TypedDict to import (the `structured` extra), e.g. mymodule:Recipe",
    )
    chat.add_argument("--tool", metavar="FILE", help="a function definition the model must call")
    chat.add_argument("--temperature", type=float)
    chat.add_argument("--max-tokens", type=int)
    models = commands.add_parser("models", help="list the models the provider offers")
    _connection_arguments(models)
    commands.add_parser("providers", help="list the providers, their addresses and env vars")
    _batch_parser(
        commands.add_parser(
            "batch", help="run a JSONL file of chat requests here, or on a provider's batch API"
        )
    )
    return parser


def _batch_parser(batch: argparse.ArgumentParser) -> None:
    actions = batch.add_subparsers(dest="batch_command", required=True)
    run = actions.add_parser(
        "run",
        help="send every line here, with bounded concurrency and rate limits; "
        "run it again to resume",
        description="Exit status: 0 when every line succeeded, 3 when some lines are error "
        "lines, 1 when the run could not proceed.",
    )
    _connection_arguments(run)
    run.add_argument("--input", required=True, help="JSONL of OpenAI batch (or Mistral) lines")
    run.add_argument("--output", required=True, help="JSONL of results, appended and resumed")
    run.add_argument("--model", help="the model for lines whose body names none")
    run.add_argument("--concurrency", type=_positive, default=16)
    run.add_argument("--rpm", type=_positive, help="requests per minute (default: learned)")
    run.add_argument("--tpm", type=_positive, help="tokens per minute (default: learned)")
    run.add_argument("--max-retries", type=int, default=2, help="the client's retries per line")
    run.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="draw progress on stderr (default: when it is a terminal)",
    )
    from ._cli_batches import add_parsers

    add_parsers(actions)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return number


def _connection_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--provider",
        choices=list(PROVIDERS),
        default=os.environ.get("TRILOGUE_PROVIDER", "mistral"),
        help="whose API to call (default: $TRILOGUE_PROVIDER, else mistral); "
        "`trilogue providers` lists their addresses and key variables",
    )
    command.add_argument(
        "--api-key",
        help="the API key (default: the provider's key environment variable; "
        "an argument is visible to other users of this machine in the process list)",
    )
    command.add_argument("--base-url", help="server address (default: the provider's)")


def _providers() -> int:
    for p in PROVIDERS.values():
        key = p.key_env + ("" if p.key_required else " (optional)") if p.key_env else "-"
        print(
            f"{p.name:18} {p.base_url or '(set base_url)':34} key: {key:30} url: {p.base_url_env}"
        )
    return 0


def _batch(args: argparse.Namespace) -> int:
    """`trilogue batch run`: 0 all lines succeeded, 3 some are error lines, 1 cannot run;
    the provider batch API commands are _cli_batches.py's."""
    if args.batch_command != "run":
        from ._cli_batches import run

        return run(args)
    from .lib.batch import run_batch

    options = {name: getattr(args, name) for name in _BATCH_OPTIONS}
    summary = run_batch(args.input, args.output, show_progress=args.progress, **options)
    print(
        f"batch: {summary.succeeded} succeeded, {summary.failed} failed, "
        f"{summary.skipped} already done, {summary.sent} sent in {summary.elapsed:.1f} s",
        file=sys.stderr,
    )
    return summary.exit_code


def _models(args: argparse.Namespace) -> int:
    with Trilogue(args.provider, api_key=args.api_key, base_url=args.base_url) as client:
        for model in client.models.list():
            print(model.id if model.owned_by is None else f"{model.id}  ({model.owned_by})")
    return 0


_BATCH_OPTIONS = (
    "provider",
    "base_url",
    "api_key",
    "model",
    "concurrency",
    "rpm",
    "tpm",
    "max_retries",
)
"""The `trilogue batch run` options passed to `run_batch` as they are named."""


def _chat(args: argparse.Namespace) -> int:
    if not args.model:
        raise ValueError("--model is required (or set TRILOGUE_MODEL)")
    messages: list[MessageParam] = []
    if args.system:
        messages.append({"role": "system", "content": args.system})
    messages.append({"role": "user", "content": args.prompt})
    given = {"temperature": args.temperature, "max_tokens": args.max_tokens}
    params: dict[str, Any] = {k: v for k, v in given.items() if v is not None}  # None: not sent
    output = _output_type(args.json_schema) if args.json_schema else None
    if args.tool:
        with open(args.tool) as f:
            function = json.load(f)
        params["tools"] = [{"type": "function", "function": function}]
        params["tool_choice"] = "required"
    with Trilogue(args.provider, api_key=args.api_key, base_url=args.base_url) as client:
        spec = None
        if output is not None:
            from .lib._structured import output_spec

            # The same request parse() makes: a strict json_schema, or Gradient's forced tool.
            spec = output_spec(output, client.provider)
            params = spec.request(params)
        if args.stream and client.provider.accepts("stream_options"):
            params["stream_options"] = {"include_usage": True}  # the others send usage unasked
        started = time.perf_counter()
        printed = False
        if args.stream:
            stream = client.chat.completions.create(
                model=args.model, messages=messages, stream=True, **params
            )
            with stream:
                for chunk in stream:
                    text = _text(chunk.delta_message.content)
                    printed = printed or bool(text)
                    print(text, end="", flush=True)
                completion = stream.get_final_completion()
            if printed:
                print()
        else:
            completion = client.chat.completions.create(
                model=args.model, messages=messages, **params
            )
        if spec is not None:
            completion = spec.parse(completion)  # the output checked against the schema
        message = completion.assistant_message
        if message is not None and not printed:
            print(_text(message.content))
        _print_tool_calls(completion)
        _print_usage(completion, time.perf_counter() - started)
    return 0


def _output_type(value: str) -> Any:
    """What `--json-schema` names: a schema file's contents, or the object at MODULE:NAME."""
    module_name, colon, name = value.partition(":")
    if not colon or os.path.exists(value):
        with open(value) as f:
            return json.load(f)
    if os.getcwd() not in sys.path and "" not in sys.path:
        sys.path.insert(0, os.getcwd())  # as `python -m` would: the user's own modules
    try:
        target: Any = importlib.import_module(module_name)
        for part in name.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError) as exc:
        raise ValueError(f"--json-schema {value}: cannot import it ({exc})") from None
    if not isinstance(target, dict | type):
        raise ValueError(f"--json-schema {value}: not a class or a schema dict")
    return target


def _text(content: object) -> str:
    """The text of a message's content: a string, or the text parts of a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(t for part in content if isinstance(t := getattr(part, "text", None), str))
    return ""


def _print_tool_calls(completion: ChatCompletion) -> None:
    message = completion.assistant_message
    for call in (message.tool_calls if message else None) or ():
        print(f"tool call: {call.function.name}({_compact(call.function.arguments)})")


def _compact(arguments: str) -> str:
    try:
        return json.dumps(json.loads(arguments), ensure_ascii=False)
    except ValueError:
        return arguments  # as the model wrote it, even when it is not JSON


def _print_usage(completion: ChatCompletion, seconds: float) -> None:
    usage = completion.usage
    tokens = (
        f"{usage.prompt_tokens} prompt + {usage.completion_tokens} completion tokens"
        if usage is not None
        else "no usage reported"
    )
    finish = completion.choices[0].finish_reason if completion.choices else None
    print(f"[{tokens}; finish: {finish}; {seconds:.2f} s]", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
