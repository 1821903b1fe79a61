# ruff: noqa: E501  (captures keep one event per line)
"""Streamed chat-completion bodies, in the shape each provider sends them on the wire
(../shared/reference/wire-formats.md), with what they should add up to.

Each body is written out line by line as a capture would show it; `EXPECTED` holds the text,
tool calls, finish reason and usage a client must rebuild from it.
"""

from __future__ import annotations

from typing import Any


def body(text: str) -> bytes:
    """A capture as written below (one event per `data:` line, blank line between events)."""
    lines = [line for line in text.strip().splitlines() if line]
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.startswith("event:"):
            out.append("")
    return ("\n".join(out) + "\n").encode()


def crlf(raw: bytes) -> bytes:
    """The same body with `\\r\\n` line ends."""
    return raw.replace(b"\n", b"\r\n")


def event_count(raw: bytes) -> int:
    """How many chunks the body holds (data lines other than [DONE])."""
    return sum(
        1
        for line in raw.splitlines()
        if line.startswith(b"data:") and line.strip() != b"data: [DONE]"
    )


# DigitalOcean Gradient, asked with stream_options.include_usage: role chunk, reasoning_content
# deltas, content deltas (with multi-byte characters), a finish chunk, then the usage-only chunk
# with `choices: []`, then [DONE].
GRADIENT = body(r"""
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"reasoning_content":"The user wants a haiku"},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"reasoning_content":" about autumn; 5-7-5."},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"content":"Crisp leaves — café"},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"content":" steam rising\nthe"},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{"content":" year exhales 🍂"},"logprobs":null,"finish_reason":null}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}
data: {"id":"chatcmpl-6b1f0e2a","object":"chat.completion.chunk","created":1763779200,"model":"deepseek-r1-distill-llama-70b","choices":[],"usage":{"prompt_tokens":18,"completion_tokens":31,"total_tokens":49,"cache_read_input_tokens":0}}
data: [DONE]
""")

# Mistral: usage rides on the last chunk, next to finish_reason, without being asked.
MISTRAL = body(r"""
data: {"id":"5c3f8a9e1d2b4c6f","object":"chat.completion.chunk","created":1763779201,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}
data: {"id":"5c3f8a9e1d2b4c6f","object":"chat.completion.chunk","created":1763779201,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":"Bonjour"},"finish_reason":null}]}
data: {"id":"5c3f8a9e1d2b4c6f","object":"chat.completion.chunk","created":1763779201,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":" ! Comment"},"finish_reason":null}]}
data: {"id":"5c3f8a9e1d2b4c6f","object":"chat.completion.chunk","created":1763779201,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":" puis-je vous aider ?"},"finish_reason":null}]}
data: {"id":"5c3f8a9e1d2b4c6f","object":"chat.completion.chunk","created":1763779201,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"total_tokens":16,"completion_tokens":9}}
data: [DONE]
""")

# Llama's native API: start/progress/complete/metrics events, text then two tool calls whose
# pieces carry no index (the id only on a call's first piece), and no [DONE].
LLAMA = body(r"""
data: {"id":"ab8c1f0e-llama","event":{"event_type":"start","delta":{"type":"text","text":""}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"text","text":"Let me look"}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"text","text":" that up."}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"tool_call","id":"call_w_01","function":{"name":"get_weather","arguments":""}}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"tool_call","function":{"arguments":"{\"city\": \"Paris\", "}}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"tool_call","function":{"arguments":"\"unit\": \"celsius\"}"}}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"tool_call","id":"call_t_02","function":{"name":"get_time","arguments":"{\"tz\": "}}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"progress","delta":{"type":"tool_call","function":{"arguments":"\"Europe/Paris\"}"}}}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"complete","delta":{"type":"text","text":""},"stop_reason":"tool_calls"}}
data: {"id":"ab8c1f0e-llama","event":{"event_type":"metrics","metrics":[{"metric":"num_completion_tokens","value":41,"unit":"tokens"},{"metric":"num_prompt_tokens","value":212,"unit":"tokens"},{"metric":"num_total_tokens","value":253,"unit":"tokens"}]}}
""")

# Llama native, text only, the metrics carried by the complete event itself.
LLAMA_COMPLETE_WITH_METRICS = body(r"""
data: {"event":{"event_type":"start","delta":{"type":"text","text":""}}}
data: {"event":{"event_type":"progress","delta":{"type":"text","text":"Two plus two"}}}
data: {"event":{"event_type":"progress","delta":{"type":"text","text":" is four."}}}
data: {"event":{"event_type":"complete","delta":{"type":"text","text":""},"stop_reason":"end_of_turn","metrics":[{"metric":"num_prompt_tokens","value":9},{"metric":"num_completion_tokens","value":6},{"metric":"num_total_tokens","value":15}]}}
""")

# OpenAI shape (vLLM, llama.cpp, Llama compat): one tool call, its arguments in 5 pieces.
TOOL_CALL = body(r"""
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc123","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\": \"Lon"}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"don\", \"days\""}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":": 3, \"units\": [\"C\""}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":", \"F\"]}"}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc1","object":"chat.completion.chunk","created":1763779202,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}
data: [DONE]
""")

# OpenAI shape: two tool calls whose pieces interleave, matched by index only.
TWO_TOOL_CALLS = body(r"""
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_A","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_B","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": "}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\": \"Ber"}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Oslo\"}"}},{"index":1,"function":{"arguments":"lin\"}"}}]},"finish_reason":null}]}
data: {"id":"chatcmpl-tc2","object":"chat.completion.chunk","created":1763779203,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}
data: [DONE]
""")

# OpenAI shape, n=2: the two choices interleave and finish one after the other.
TWO_CHOICES = body(r"""
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":1,"delta":{"role":"assistant","content":""},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Heads"},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":1,"delta":{"content":"Tails"},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":1,"delta":{"content":", again."},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":1,"delta":{},"finish_reason":"stop"}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"!"},"finish_reason":null}]}
data: {"id":"chatcmpl-n2","object":"chat.completion.chunk","created":1763779204,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"length"}]}
data: [DONE]
""")

# OpenAI shape with logprobs=true, top_logprobs=1.
LOGPROBS = body(r"""
data: {"id":"chatcmpl-lp","object":"chat.completion.chunk","created":1763779205,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":{"content":[]},"finish_reason":null}]}
data: {"id":"chatcmpl-lp","object":"chat.completion.chunk","created":1763779205,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Yes"},"logprobs":{"content":[{"token":"Yes","logprob":-0.0012,"bytes":[89,101,115],"top_logprobs":[{"token":"Yes","logprob":-0.0012,"bytes":[89,101,115]}]}]},"finish_reason":null}]}
data: {"id":"chatcmpl-lp","object":"chat.completion.chunk","created":1763779205,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"."},"logprobs":{"content":[{"token":".","logprob":-0.25,"bytes":[46],"top_logprobs":[{"token":".","logprob":-0.25,"bytes":[46]}]}]},"finish_reason":null}]}
data: {"id":"chatcmpl-lp","object":"chat.completion.chunk","created":1763779205,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}
data: [DONE]
""")

# `event: error` in the middle of an OpenAI-shaped stream.
ERROR_EVENT = body(r"""
data: {"id":"chatcmpl-e1","object":"chat.completion.chunk","created":1763779206,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"role":"assistant","content":"Once upon"},"finish_reason":null}]}
data: {"id":"chatcmpl-e1","object":"chat.completion.chunk","created":1763779206,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"content":" a time"},"finish_reason":null}]}
event: error
data: {"message":"The model is overloaded, try again later","code":"model_overloaded"}
data: {"id":"chatcmpl-e1","object":"chat.completion.chunk","created":1763779206,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"content":" NEVER YIELDED"},"finish_reason":"stop"}]}
data: [DONE]
""")

# A data line whose JSON is `{"error": {...}}`.
DATA_ERROR = body(r"""
data: {"id":"chatcmpl-e2","object":"chat.completion.chunk","created":1763779207,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"role":"assistant","content":"Sure"},"finish_reason":null}]}
data: {"error":{"message":"Upstream inference timed out","type":"server_error","code":"upstream_timeout"}}
data: [DONE]
""")

# Llama native: a bare JSON error line, no `data:` field at all.
BARE_ERROR = (
    body(r"""
data: {"event":{"event_type":"start","delta":{"type":"text","text":""}}}
data: {"event":{"event_type":"progress","delta":{"type":"text","text":"Hel"}}}
""")
    + b'{"error":{"message":"Rate limit exceeded for llama-4-maverick","code":"rate_limited"}}\n'
)

# A data line cut off in the middle of its JSON, long enough that the error must shorten it.
MALFORMED_LINE = (
    '{"id":"chatcmpl-bad","object":"chat.completion.chunk","created":1763779208,'
    '"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"content":"' + "x" * 300
)
MALFORMED = (
    body(r"""
data: {"id":"chatcmpl-bad","object":"chat.completion.chunk","created":1763779208,"model":"llama3.3-70b-instruct","choices":[{"index":0,"delta":{"role":"assistant","content":"ok"},"finish_reason":null}]}
""")
    + f"data: {MALFORMED_LINE}\n\n".encode()
    + b"data: [DONE]\n\n"
)

# The first chunks of GRADIENT, without its end: what a connection cut mid-answer leaves.
CUT_SHORT = b"".join(GRADIENT.split(b"\n\n")[i] + b"\n\n" for i in range(4))


def tool_calls(*calls: tuple[str, str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": i, "name": n, "arguments": a} for i, n, a in calls]


EXPECTED: dict[str, dict[str, Any]] = {
    "gradient": {
        "content": "Crisp leaves — café steam rising\nthe year exhales 🍂",
        "reasoning": "The user wants a haiku about autumn; 5-7-5.",
        "tool_calls": [],
        "finish_reason": "stop",
        "usage": (18, 31, 49),
    },
    "mistral": {
        "content": "Bonjour ! Comment puis-je vous aider ?",
        "reasoning": None,
        "tool_calls": [],
        "finish_reason": "stop",
        "usage": (7, 9, 16),
    },
    "llama": {
        "content": "Let me look that up.",
        "reasoning": None,
        "tool_calls": tool_calls(
            ("call_w_01", "get_weather", {"city": "Paris", "unit": "celsius"}),
            ("call_t_02", "get_time", {"tz": "Europe/Paris"}),
        ),
        "finish_reason": "tool_calls",
        "usage": (212, 41, 253),
    },
    "llama_complete_with_metrics": {
        "content": "Two plus two is four.",
        "reasoning": None,
        "tool_calls": [],
        "finish_reason": "stop",
        "usage": (9, 6, 15),
    },
    "tool_call": {
        "content": None,
        "reasoning": None,
        "tool_calls": tool_calls(
            ("call_abc123", "get_weather", {"city": "London", "days": 3, "units": ["C", "F"]}),
        ),
        "finish_reason": "tool_calls",
        "usage": None,
    },
    "two_tool_calls": {
        "content": None,
        "reasoning": None,
        "tool_calls": tool_calls(
            ("call_A", "get_weather", {"city": "Oslo"}),
            ("call_B", "get_weather", {"city": "Berlin"}),
        ),
        "finish_reason": "tool_calls",
        "usage": None,
    },
}

BODIES: dict[str, bytes] = {
    "gradient": GRADIENT,
    "mistral": MISTRAL,
    "llama": LLAMA,
    "llama_complete_with_metrics": LLAMA_COMPLETE_WITH_METRICS,
    "tool_call": TOOL_CALL,
    "two_tool_calls": TWO_TOOL_CALLS,
}
