"""Provider profiles: where each service lives, which env vars hold its key and URL, and how its
request fields differ."""

from __future__ import annotations

from typing import Literal

ProviderName = Literal["mistral", "gradient", "llama", "llama-compat", "openai-compatible"]


class Provider:
    """What trilogue knows about one service."""

    __slots__ = (
        "base_url",
        "base_url_env",
        "key_env",
        "key_required",
        "name",
        "native_llama",
        "renames",
        "spec_name",
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
        renames: dict[str, str] | None = None,
        native_llama: bool = False,
    ) -> None:
        self.name = name
        self.base_url = base_url
        self.key_env = key_env
        self.base_url_env = base_url_env
        self.key_required = key_required
        # The spec's `x-providers` name whose fields this service accepts; None accepts all.
        self.spec_name = spec_name
        # Fields with the same meaning under another name on this service.
        self.renames = renames or {}
        # Answers in Llama's own shape (completion_message, event stream), not OpenAI's.
        self.native_llama = native_llama

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
            renames={"seed": "random_seed"},
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
            renames={"max_tokens": "max_completion_tokens"},
            native_llama=True,
        ),
        Provider(
            name="llama-compat",
            base_url="https://api.llama.com/compat/v1",
            key_env="LLAMA_API_KEY",
            base_url_env="LLAMA_API_BASE_URL",
            key_required=True,
            spec_name="llama",
            renames={"max_tokens": "max_completion_tokens"},
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
