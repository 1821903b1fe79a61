# Generated from openapi.yaml by make generate; do not edit: change the spec or templates/ instead.
from typing import Literal

MistralFilePurpose = Literal["batch", "fine-tune", "ocr"]

MISTRAL_FILE_PURPOSE_VALUES: set[MistralFilePurpose] = {
    "batch",
    "fine-tune",
    "ocr",
}


def check_mistral_file_purpose(value: str) -> MistralFilePurpose:
    if value in MISTRAL_FILE_PURPOSE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MISTRAL_FILE_PURPOSE_VALUES!r}"
    )
