"""The providers: one record each, saying where the service lives, which env vars hold its key
and URL, which of the spec's `x-providers` names it answers to, and which wire format (a module
of _wire/) it speaks. A new OpenAI-compatible provider is one more record here."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ._wire.openai import OpenAIWire

ProviderName = Literal["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]


class Provider:
    """What trilogue knows about one service: one record."""

    __slots__ = (
        "_wire",
        "also_base_url_env",
        "also_key_env",
        "base_url",
        "base_url_env",
        "key_env",
        "key_required",
        "name",
        "retired",
        "spec_name",
        "url_from_env",
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
        also_key_env: tuple[str, ...] = (),
        also_base_url_env: tuple[str, ...] = (),
        retired: str | None = None,
        url_from_env: Callable[[str, str], str] | None = None,
    ) -> None:
        self.name, self.base_url, self.key_env = name, base_url, key_env
        self.base_url_env, self.key_required = base_url_env, key_required
        self.spec_name = spec_name  # the spec's `x-providers` name it answers to; None: all
        self.wire_format = wire_format  # the module of _wire/ that speaks its wire format
        # Read when the main variable is unset: other services' variables of the same meaning.
        self.also_key_env, self.also_base_url_env = also_key_env, also_base_url_env
        self.retired = retired  # said in a ServiceRetiredError when the service is gone
        # (variable, its value) -> this service's base URL, in the form its own docs give.
        self.url_from_env = url_from_env
        self._wire: OpenAIWire | None = None

    def key_from_env(self, env: Mapping[str, str], *, address_from_env: bool) -> str | None:
        """The API key from the environment, if one is set. Another service's key variable
        (OPENAI_API_KEY) counts only when the address came from that service's variable too:
        its key must not go to a server set elsewhere."""
        if self.key_env and env.get(self.key_env):
            return env[self.key_env]
        if address_from_env and not env.get(self.base_url_env):
            for name in self.also_key_env:
                if env.get(name):
                    return env[name]
        return None

    def base_url_from_env(self, env: Mapping[str, str]) -> str | None:
        """The base URL from the environment, in the form this service needs, if one is set."""
        for name in (self.base_url_env, *self.also_base_url_env):
            value = env.get(name)
            if value:
                return self.url_from_env(name, value) if self.url_from_env else value
        return None

    @property
    def wire(self) -> OpenAIWire:
        """This provider's wire format, with its compiled request checks (imported and built on
        first use: it loads the generated models)."""
        wire = self._wire
        if wire is None:
            module = import_module(f"._wire.{self.wire_format}", __package__)
            wire = self._wire = module.WIRE_FORMAT(provider=self.name, spec_name=self.spec_name)
        return wire

    def accepts(self, field: str) -> bool:
        """Whether this provider takes chat request field `field` (the spec's `x-providers`)."""
        return self.wire.accepts(field)

    def __repr__(self) -> str:
        return f"Provider({self.name!r}, base_url={self.base_url!r})"


def _with_version_path(name: str, url: str) -> str:
    """DigitalOcean documents its inference endpoint without `/v1`; the API is under it."""
    _, sep, rest = url.partition("://")
    return url.rstrip("/") + "/v1" if sep and "/" not in rest.strip("/") else url


def _llama_native(name: str, url: str) -> str:
    """LLAMA_API_BASE_URL is the native API's address; its compat address is mapped back."""
    return url.rstrip("/").replace("/compat/v1", "/v1")


def _llama_compat(name: str, url: str) -> str:
    """The compat endpoint's address: LLAMA_COMPAT_BASE_URL as it is, or the compat twin of
    LLAMA_API_BASE_URL (the native address, `.../v1` -> `.../compat/v1`)."""
    url = url.rstrip("/")
    if name == "LLAMA_COMPAT_BASE_URL":
        return url
    if url.endswith("/compat/v1"):
        return url
    return url[: -len("/v1")] + "/compat/v1" if url.endswith("/v1") else url + "/compat/v1"


_LLAMA_RETIRED = (
    "Meta retired the Llama API public preview on 2026-07-06 (langchain-ai/langchain-meta#22); "
    "its servers answer every request with a sunset response. Llama models are served by other "
    "providers, and the native wire format stays for servers that speak it."
)


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
            url_from_env=_with_version_path,
        ),
        Provider(
            name="llama",
            base_url="https://api.llama.com/v1",
            key_env="LLAMA_API_KEY",
            base_url_env="LLAMA_API_BASE_URL",
            key_required=True,
            spec_name="llama",
            wire_format="llama",
            retired=_LLAMA_RETIRED,
            url_from_env=_llama_native,
        ),
        Provider(
            name="llama-compat",
            base_url="https://api.llama.com/compat/v1",
            key_env="LLAMA_API_KEY",
            base_url_env="LLAMA_COMPAT_BASE_URL",
            key_required=True,
            spec_name="llama",
            retired=_LLAMA_RETIRED,
            also_base_url_env=("LLAMA_API_BASE_URL",),
            url_from_env=_llama_compat,
        ),
        Provider(
            name="openai-compatible",
            base_url=None,
            key_env="TRILOGUE_API_KEY",
            base_url_env="TRILOGUE_BASE_URL",
            key_required=False,
            spec_name=None,
            also_key_env=("OPENAI_API_KEY",),
            also_base_url_env=("OPENAI_BASE_URL",),
        ),
    )
}


def get_provider(name: str) -> Provider:
    try:
        return PROVIDERS[name]
    except KeyError:
        known = ", ".join(repr(n) for n in PROVIDERS)
        raise ValueError(f"Unknown provider {name!r}; expected one of {known}.") from None
