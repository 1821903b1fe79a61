"""The `trilogue` logger. `TRILOGUE_LOG=debug` (or `info`) turns it on without code."""

from __future__ import annotations

import logging
import os

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
