"""`Resource`: a client's attribute (`client.chat`, `client.models`) made on first use, so that
`import trilogue` and making a client do not load the generated models the resources need."""

from __future__ import annotations

from importlib import import_module
from typing import Any, Generic, Self, TypeVar, overload

__all__ = ["Resource"]

_T = TypeVar("_T")


class Resource(Generic[_T]):
    """The resource class `name` of `trilogue.resources`, made for a client the first time it is
    read; the instance then sits in the client's `__dict__`, so later reads cost nothing."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._attribute = name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, client: None, owner: type) -> Self: ...
    @overload
    def __get__(self, client: object, owner: type) -> _T: ...
    def __get__(self, client: object, owner: type) -> Any:
        if client is None:
            return self
        resource = getattr(import_module(".resources", __package__), self._name)(client)
        vars(client)[self._attribute] = resource
        return resource


def resource_names(cls: type) -> list[str]:
    """The attributes of client class `cls` that are resources."""
    return [
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, Resource)
    ]
