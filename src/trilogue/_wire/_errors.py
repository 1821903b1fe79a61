"""Error bodies, read once, through the spec's `ErrorResponse` model: a one-line message and
the code, whichever of the providers' shapes a server sent."""

from __future__ import annotations

from typing import Any

from trilogue_api.models import ErrorDetail, ErrorResponse

__all__ = ["error_code", "error_message"]


def _model(body: Any) -> ErrorResponse | None:
    if not isinstance(body, dict):
        return None
    try:
        return ErrorResponse.from_dict(body)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None  # a shape even the lenient model cannot read: described as text


def error_message(body: Any, depth: int = 0) -> str:
    """A one-line description of an error body."""
    if isinstance(body, str):
        return body.strip()[:500]
    if isinstance(body, list):
        return "; ".join(filter(None, (error_message(b, depth + 1) for b in body)))
    model = _model(body)
    if model is None:
        return str(body)[:500] if isinstance(body, dict) else ""
    error, detail, message = model.error, model.detail, model.message
    if isinstance(error, ErrorDetail):
        # {"error": {"message", "type", "code"}} (Llama compat, llama.cpp, vLLM).
        return _with_code(str(error.message or body["error"]), error.type_, error.code)
    if isinstance(error, str) and message is None:
        return error
    if isinstance(detail, list):
        # Mistral's 422: {"detail": [{"loc": [...], "msg": ..., "type": ...}]}.
        return "; ".join(_validation_item(item.loc, item.msg) for item in detail)
    if isinstance(detail, str) and message is None:
        return detail
    if isinstance(message, dict | list) and depth < 3:
        # Mistral's current 422: {"object": "error", "message": {"detail": [...]}}.
        return error_message(message, depth + 1)
    if "message" in body:
        # Gradient {id, message}; Mistral {object: error, message, type, code}.
        return _with_code(str(message), model.type_, model.code)
    return model.title or ""


def error_code(body: Any) -> object:
    """The error's code (or type, when it has no code), if the body gives one."""
    model = _model(body)
    if model is None:
        return None
    if isinstance(model.error, ErrorDetail):
        error = model.error
        return error.code if error.code is not None else error.type_
    return model.code if model.code is not None else model.type_


def _validation_item(loc: Any, msg: Any) -> str:
    where = ".".join(
        str(x) for x in (loc if isinstance(loc, list) else [loc]) if x not in (None, "body")
    )
    return f"{where}: {msg}" if where else str(msg)


def _with_code(message: str, kind: object, code: object) -> str:
    extra = [str(x) for x in (kind, code) if x not in (None, "")]
    return f"{message} ({', '.join(extra)})" if extra else message
