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
    """A JSON value (an error body) with `secret` redacted from every string in it; walked
    without recursion, so a body nested however deep cannot overflow the stack."""
    if not secret:
        return value
    if isinstance(value, str):
        return redact_secret(value, secret)
    if not isinstance(value, list | dict):
        return value
    root: list[Any] = [value]
    pending: list[tuple[Any, Any, Any]] = [(root, 0, value)]  # (parent copy, key, original)
    while pending:
        parent, key, item = pending.pop()
        if isinstance(item, str):
            parent[key] = redact_secret(item, secret)
        elif isinstance(item, list):
            copy: Any = list(item)
            parent[key] = copy
            pending.extend((copy, i, sub) for i, sub in enumerate(item))
        elif isinstance(item, dict):
            copy = dict(item)
            parent[key] = copy
            pending.extend((copy, k, sub) for k, sub in item.items())
    return root[0]


def redact_response_headers(headers: httpx.Headers, secret: str | None) -> httpx.Headers:
    """Response headers with any value that echoes `secret` (a server repeating the
    Authorization header it got) redacted."""
    if not secret or not any(secret in value for value in headers.values()):
        return headers
    return httpx.Headers([(k, redact_secret(v, secret)) for k, v in headers.multi_items()])


# Query parameters that sign a presigned URL (S3 and Spaces, Azure, Google Cloud Storage): a
# credential for that object while the URL lives.
_SIGNATURES = frozenset({"x-amz-signature", "x-amz-credential", "sig", "x-goog-signature"})


def redact_url(url: httpx.URL) -> httpx.URL:
    """`url` with a presigned URL's signature redacted."""
    params = url.params
    if not any(name.lower() in _SIGNATURES for name in params):
        return url
    kept = [(k, "REDACTED" if k.lower() in _SIGNATURES else v) for k, v in params.multi_items()]
    return url.copy_with(params=kept)


def safe_request(request: httpx.Request) -> httpx.Request:
    """A copy of `request` (method, URL, headers) with its credentials redacted, for errors."""
    return httpx.Request(
        request.method, redact_url(request.url), headers=redact_headers(request.headers)
    )
