# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypeAlias,
    TypedDict,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

_new = object.__new__

from ..models.connector_api_key_auth import ConnectorApiKeyAuth
from ..models.connector_o_auth_2_token_auth import ConnectorOAuth2TokenAuth
from ..models.tool_configuration import ToolConfiguration

_KNOWN_KEYS = frozenset(
    {
        "type",
        "connector_id",
        "authorization",
        "tool_configuration",
    }
)
"""The JSON keys ConnectorTool has a field for; the others go to `additional_properties`."""


@_attrs_define
class ConnectorTool:
    """A connector configured on Mistral's side (`CustomConnector`). Mistral only.

    Attributes:
        type_: Always `connector`.
        connector_id: Id of the connector.
        authorization: Credentials the connector uses.
        tool_configuration: Which of a built-in tool's actions to include, exclude or confirm first (Mistral).
    """

    type_: Literal["connector"]
    connector_id: str
    authorization: ConnectorApiKeyAuth | ConnectorOAuth2TokenAuth | None = None
    tool_configuration: ToolConfiguration | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict["type"] = self.type_
        field_dict["connector_id"] = self.connector_id
        v = self.authorization
        if v is not None:
            field_dict["authorization"] = (
                v.to_dict()
                if isinstance(v, ConnectorOAuth2TokenAuth)
                else v.to_dict()
                if isinstance(v, ConnectorApiKeyAuth)
                else v
            )
        v = self.tool_configuration
        if v is not None:
            field_dict["tool_configuration"] = v.to_dict()
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = src_dict.get
        _type_ = src_dict["type"]
        _connector_id = src_dict["connector_id"]
        _authorization = get("authorization")
        if _authorization is not None:
            _authorization = (
                ConnectorOAuth2TokenAuth.from_dict(_authorization)
                if isinstance(_authorization, dict)
                and _authorization.get("type") == "oauth2-token"
                else ConnectorApiKeyAuth.from_dict(_authorization)
                if isinstance(_authorization, dict)
                and _authorization.get("type") == "api-key"
                else _authorization
            )
        _tool_configuration = get("tool_configuration")
        if _tool_configuration is not None:
            _tool_configuration = ToolConfiguration.from_dict(_tool_configuration)
        if cls is ConnectorTool:
            obj = _new(cls)
            obj.type_ = _type_
            obj.connector_id = _connector_id
            obj.authorization = _authorization
            obj.tool_configuration = _tool_configuration
            obj.additional_properties = {}
        else:  # a subclass (the facade's) may add fields: its __init__ sets them
            obj = cls(_type_, _connector_id, _authorization, _tool_configuration)
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
    from ..models.connector_api_key_auth import ConnectorApiKeyAuthParam
    from ..models.connector_o_auth_2_token_auth import ConnectorOAuth2TokenAuthParam
    from ..models.tool_configuration import ToolConfigurationParam


class ConnectorToolParam(TypedDict, total=False):
    """ConnectorTool as a plain dict (what a request takes; the model is accepted too)."""

    type: Required[Literal["connector"]]
    connector_id: Required[str]
    authorization: (
        ConnectorOAuth2TokenAuthParam
        | ConnectorOAuth2TokenAuth
        | ConnectorApiKeyAuthParam
        | ConnectorApiKeyAuth
    )
    tool_configuration: ToolConfigurationParam | ToolConfiguration


ConnectorToolAuthorizationParam: TypeAlias = "ConnectorOAuth2TokenAuthParam | ConnectorOAuth2TokenAuth | ConnectorApiKeyAuthParam | ConnectorApiKeyAuth"
"""What ConnectorTool.authorization takes."""
