"""The providers: one entry each, saying where the service lives, which env vars hold its key and
URL, which of the spec's `x-providers` names it answers to, and which wire format it speaks.
A new OpenAI-compatible provider is one more entry here."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ._adapters.openai import OpenAIAdapter

ProviderName = Literal["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]


class Provider:
    """What trilogue knows about one service."""

    __slots__ = (
        "_adapter",
        "base_url",
        "base_url_env",
        "key_env",
        "key_required",
        "name",
        "spec_name",
        "wire_format",
    )

    def __init__(
        self,
        *,
        name: str,
        base_url: str | None,
        key_env: str | None,
        base_url_env: str,
        key_required: bool,
        spec_name: str | None,
        wire_format: str = "openai",
    ) -> None:
        self.name = name
        self.base_url = base_url
        self.key_env = key_env
        self.base_url_env = base_url_env
        self.key_required = key_required
        # The spec's `x-providers` name whose fields this service accepts; None accepts all.
        self.spec_name = spec_name
        # The module of _adapters/ that speaks this service's wire format.
        self.wire_format = wire_format
        self._adapter: OpenAIAdapter | None = None

    @property
    def adapter(self) -> OpenAIAdapter:
        """The adapter for this provider's wire format (imported on first use: it loads the
        generated models)."""
        adapter = self._adapter
        if adapter is None:
            module = import_module(f"._adapters.{self.wire_format}", __package__)
            adapter = self._adapter = module.ADAPTER
        return adapter

    def accepts(self, field: str) -> bool:
        """Whether this provider takes request field `field` (the spec's `x-providers`)."""
        from ._params import checker

        return checker(self).accepts("CreateChatCompletionRequest", field)

    def __repr__(self) -> str:
        return f"Provider({self.name!r}, base_url={self.base_url!r})"


PROVIDERS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            name="mistral",
            base_url="https://api.mistral.ai/v1",
            key_env="MISTRAL_API_KEY",
            base_url_env="MISTRAL_BASE_URL",
            key_required=True,
            spec_name="mistral",
        ),
        Provider(
            name="gradient",
            base_url="https://inference.do-ai.run/v1",
            key_env="GRADIENT_MODEL_ACCESS_KEY",
            base_url_env="GRADIENT_INFERENCE_ENDPOINT",
            key_required=True,
            spec_name="gradient",
        ),
        Provider(
            name="llama",
            base_url="https://api.llama.com/v1",
            key_env="LLAMA_API_KEY",
            base_url_env="LLAMA_API_BASE_URL",
            key_required=True,
            spec_name="llama",
            wire_format="llama",
        ),
        Provider(
            name="llama-compat",
            base_url="https://api.llama.com/compat/v1",
            key_env="LLAMA_API_KEY",
            base_url_env="LLAMA_API_BASE_URL",
            key_required=True,
            spec_name="llama",
        ),
        Provider(
            name="openai-compatible",
            base_url=None,
            key_env="TRILOGUE_API_KEY",
            base_url_env="TRILOGUE_BASE_URL",
            key_required=False,
            spec_name=None,
        ),
    )
}


def get_provider(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(repr(n) for n in PROVIDERS)
        raise ValueError(f"Unknown provider {name!r}; expected one of {known}.") from None
