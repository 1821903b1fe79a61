"""A local batch runner for every provider: a JSONL file of chat requests in, one result line
per request out, with bounded concurrency, rate limits learned from the provider, progress and
resume after a crash.

    from trilogue.lib.batch import run_batch
    summary = run_batch("in.jsonl", "out.jsonl", provider="mistral", concurrency=32)
"""

from ._files import BatchInputError
from ._limits import AdaptiveLimiter, RateLimits, read_rate_limits
from ._progress import Progress
from ._runner import BatchSummary, arun_batch, run_batch
from ._usage import UsageTotals

__all__ = [
    "AdaptiveLimiter",
    "BatchInputError",
    "BatchSummary",
    "Progress",
    "RateLimits",
    "UsageTotals",
    "arun_batch",
    "read_rate_limits",
    "run_batch",
]
