# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import (
    TYPE_CHECKING,
    Any,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.error_detail import ErrorDetail
from ..models.validation_error_item import ValidationErrorItem

_KNOWN_KEYS = frozenset(
    {
        "message",
        "error",
        "detail",
        "title",
        "id",
        "request_id",
        "object",
        "type",
        "code",
        "param",
    }
)
"""The JSON keys ErrorResponse has a field for; the others go to `additional_properties`."""


@_attrs_define
class ErrorResponse:
    """Error body, described leniently because each provider sends its own shape: Gradient
    `{id, message, request_id}`; Mistral `{object: error, message, type, param, code}` or
    `{detail: [...]}` / `{detail: "..."}`; Llama `{error: ...}` or `{title: ...}`.

    Attributes:
        message: Human-readable message (Gradient, Mistral).
        error: Error as a string or an object (Llama, OpenAI-compatible servers).
        detail: Validation errors (Mistral 422) or a plain message.
        title: Short error title (Llama).
        id: Error id (Gradient).
        request_id: Request id (Gradient).
        object_: `error` (Mistral).
        type_: Error type (Mistral).
        code: Error code (Mistral).
        param: The offending parameter, if any (Mistral).
    """

    message: str | None = None
    error: ErrorDetail | str | None = None
    detail: list[ValidationErrorItem] | str | None = None
    title: str | None = None
    id: str | None = None
    request_id: str | None = None
    object_: str | None = None
    type_: str | None = None
    code: int | None | str = None
    param: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        v = self.message
        if v is not None:
            field_dict["message"] = v
        v = self.error
        if v is not None:
            field_dict["error"] = v.to_dict() if isinstance(v, ErrorDetail) else v
        v = self.detail
        if v is not None:
            field_dict["detail"] = (
                [_v0.to_dict() for _v0 in v] if isinstance(v, list) else v
            )
        v = self.title
        if v is not None:
            field_dict["title"] = v
        v = self.id
        if v is not None:
            field_dict["id"] = v
        v = self.request_id
        if v is not None:
            field_dict["request_id"] = v
        v = self.object_
        if v is not None:
            field_dict["object"] = v
        v = self.type_
        if v is not None:
            field_dict["type"] = v
        v = self.code
        if v is not None:
            field_dict["code"] = v
        v = self.param
        if v is not None:
            field_dict["param"] = v
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _message = get("message")
        _error = get("error")
        if _error is not None:
            _error = (
                ErrorDetail.from_dict(_error) if isinstance(_error, dict) else _error
            )
        _detail = get("detail")
        if _detail is not None:
            _detail = (
                [ValidationErrorItem.from_dict(_v0) for _v0 in _detail]
                if isinstance(_detail, list)
                else _detail
            )
        _title = get("title")
        _id = get("id")
        _request_id = get("request_id")
        _object_ = get("object")
        _type_ = get("type")
        _code = get("code")
        _param = get("param")
        if cls is ErrorResponse:
            obj = _new(cls)
            obj.message = _message
            obj.error = _error
            obj.detail = _detail
            obj.title = _title
            obj.id = _id
            obj.request_id = _request_id
            obj.object_ = _object_
            obj.type_ = _type_
            obj.code = _code
            obj.param = _param
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(
                _message,
                _error,
                _detail,
                _title,
                _id,
                _request_id,
                _object_,
                _type_,
                _code,
                _param,
            )
        if not _KNOWN_KEYS.issuperset(src_dict):
            obj.additional_properties = {
                k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS
            }
        return obj

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetailParam
    from ..models.validation_error_item import ValidationErrorItemParam


class ErrorResponseParam(TypedDict, total=False):
    """ErrorResponse as a plain dict (what a request takes; the model is accepted too)."""

    message: str
    error: str | ErrorDetailParam | ErrorDetail
    detail: str | Sequence[ValidationErrorItemParam | ValidationErrorItem]
    title: str
    id: str
    request_id: str
    object: str
    type: str
    code: str | int | None
    param: str | None


ErrorResponseErrorParam: TypeAlias = "str | ErrorDetailParam | ErrorDetail"
"""What ErrorResponse.error takes."""


ErrorResponseDetailParam: TypeAlias = (
    "str | Sequence[ValidationErrorItemParam | ValidationErrorItem]"
)
"""What ErrorResponse.detail takes."""


ErrorResponseCodeParam: TypeAlias = "str | int | None"
"""What ErrorResponse.code takes."""


ErrorResponseParamParam: TypeAlias = "str | None"
"""What ErrorResponse.param takes."""
