"""Plain text stories in any common encoding."""

from __future__ import annotations

from pathlib import Path

from fandex.errors import InputError
from fandex.work import Work


def read(data: bytes, path: Path) -> Work:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=path) from None
    return from_string(text, source=str(path))


def from_string(text: str, source: str | None = None) -> Work:
    return Work(text=text, source=source, source_format="text")
