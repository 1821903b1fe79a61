"""A local batch runner for every provider: a JSONL file of chat requests in, one result line
per request out, with bounded concurrency, rate limits learned from the provider, progress and
resume after a crash.

    from trilogue.lib.batch import run_batch
    summary = run_batch("in.jsonl", "out.jsonl", provider="mistral", concurrency=32)

The providers' own batch APIs (`client.batches`) take the same files and give back the same
output lines; their jobs, handles and results are typed here.
"""

from ._files import BatchInputError
from ._jobs import (
    BatchHandle,
    BatchJob,
    BatchNotReadyError,
    BatchResult,
    BatchResultMissingError,
    BatchResults,
)
from ._limits import AdaptiveLimiter, RateLimits, read_rate_limits
from ._progress import Progress
from ._runner import BatchOptions, BatchSummary, arun_batch, run_batch
from ._sender import ConnectionOptions
from ._usage import UsageTotals

__all__ = [
    "AdaptiveLimiter",
    "BatchHandle",
    "BatchInputError",
    "BatchJob",
    "BatchNotReadyError",
    "BatchOptions",
    "BatchResult",
    "BatchResultMissingError",
    "BatchResults",
    "BatchSummary",
    "ConnectionOptions",
    "Progress",
    "RateLimits",
    "UsageTotals",
    "arun_batch",
    "read_rate_limits",
    "run_batch",
]
