"""The `trilogue` logger. `TRILOGUE_LOG=debug` (or `info`) turns it on without code."""

from __future__ import annotations

import logging
import os
import re
from typing import Any

import httpx

logger = logging.getLogger("trilogue")

_SECRET_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})


def setup_from_env() -> None:
    level = os.environ.get("TRILOGUE_LOG", "").upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)


def redact_headers(headers: object) -> dict[str, str]:
    """Headers safe to log: credentials replaced by `<redacted>`."""
    items = headers.items() if hasattr(headers, "items") else []
    return {str(k): "<redacted>" if str(k).lower() in _SECRET_HEADERS else str(v) for k, v in items}


def redact_secret(text: str, secret: str | None) -> str:
    """`text` with `secret` replaced by `<redacted>` where it stands as a whole token (a short
    key is not cut out of the middle of a word)."""
    if not secret or secret not in text:
        return text
    pattern = rf"(?<![A-Za-z0-9_\-]){re.escape(secret)}(?![A-Za-z0-9_\-])"
    return re.sub(pattern, "<redacted>", text)


def redact_value(value: Any, secret: str | None) -> Any:
    """A JSON value (an error body) with `secret` redacted from every string in it."""
    if not secret:
        return value
    if isinstance(value, str):
        return redact_secret(value, secret)
    if isinstance(value, list):
        return [redact_value(item, secret) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item, secret) for key, item in value.items()}
    return value


def safe_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` (method, URL, headers) with its credentials redacted, for errors."""
    return httpx.Request(request.method, request.url, headers=redact_headers(request.headers))
