"""Readers: one module per input format, each turning a file's bytes into the same `Work`.

``read_file`` picks the reader from the file's extension and its first bytes. Every reader gives
the Work its text once; what the format itself declares (HTML titles, AO3 tag lists, EPUB metadata,
front matter, chapter divisions, italics) goes into the metadata and layers straight away.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from fandex.errors import InputError
from fandex.work import Work

# Larger than any single story we have seen (the longest run to a few MB of text); guards memory.
MAX_FILE_BYTES = 64 * 1024 * 1024

STORY_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".epub", ".md", ".markdown", ".eml", ".msg", ""}


def from_text(text: str, source: str | None = None) -> Work:
    """A Work from a story's text already in memory (the API's ``analyze(text)``)."""
    from fandex.readers import plaintext

    return plaintext.from_string(text, source=source)


def read_file(path: Path) -> Work:
    """Read one story file with the reader its format needs."""
    data = _read_bytes(path)
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path) -> Work:
    from fandex.readers import plaintext

    if not data.strip():
        raise InputError("the file is empty", path=path, hint="nothing to analyse")
    return plaintext.read(data, path)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every story file named or inside a named directory, in a stable order; lazily."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and child.suffix.lower() in STORY_SUFFIXES
                ):
                    yield child
        else:
            yield path


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError("no such file or directory", path=path, hint="check the path")
    if path.is_dir():
        raise InputError("is a directory", path=path, hint="pass the directory to a batch command")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"the file is {size // (1024 * 1024)} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit",
                path=path,
                hint="split it into stories first",
            )
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied", path=path, hint="check the file's permissions") from None
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror}", path=path) from None
