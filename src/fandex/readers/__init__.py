"""Readers: one module per input format, each turning a file's bytes into the same `Work`.

``read_file`` picks the reader from the file's first bytes and its extension: an EPUB is a zip
archive whatever its name; a ``.txt`` that is really an HTML page is read as HTML, one that starts
with a Usenet header block as a Usenet post, one with YAML front matter as Markdown. Every reader
gives the Work its text once; what the format itself declares (HTML titles, AO3 tag lists, EPUB
metadata, front matter, Usenet headers, chapter divisions, italics) goes into the metadata and
layers straight away, and the pipeline's header stage only fills what is still empty.

What ``Work.text`` holds per format:

* plain text: the decoded file (see ``plaintext``);
* Usenet / mail: the post's own body: no RFC-822 headers, quoted reply, signature or closing
  posting chatter (see ``usenet``);
* HTML (archive pages, fanfiction.net, AO3 downloads and their calibre conversions) and EPUB: the
  story body as text, one blank line between paragraphs, chapter headings as lines of their own; no
  menus, reviews or prefaces; of a file joining several whole pages, the first page's work only;
* Markdown: the file itself, front matter included (``metadata.body_start`` points after it) and
  emphasis markers kept (the Emphasis spans cover the words inside them).

Every problem with an input is an ``InputError`` naming the file, what is wrong and what to do.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fandex.errors import FandexError, InputError
from fandex.work import Work

# Larger than any single story we have seen (the longest run to a few MB of text); guards memory.
MAX_FILE_BYTES = 64 * 1024 * 1024

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
USENET_SUFFIXES = frozenset({".eml", ".msg", ".mbox", ".nws"})
STORY_SUFFIXES = (
    frozenset({".txt", ".text", ".epub", ""}) | HTML_SUFFIXES | MARKDOWN_SUFFIXES | USENET_SUFFIXES
)
# Never stories, even without a suffix filter: skipped silently when a directory is expanded.
_NOT_STORY_NAMES = frozenset({"readme", "license", "licence", "copying", "makefile", "changelog", "authors"})
# The metadata field (``metadata.fields``) that says a file held more works than the one read from
# it. A label no story header uses ("Reader warning:" is one), so that no header fills it.
BUNDLE_WARNING = "fandex warning"
_ZIP_MAGIC = b"PK\x03\x04"
_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|br|i|em|b|font|center|table|a)\b[^>]*>", re.IGNORECASE)


def from_text(text: str, source: str | None = None) -> Work:
    """A Work from a story's text already in memory (the API's ``analyze(text)``): an HTML page,
    a Usenet post or Markdown with front matter is recognised as ``read_file`` would."""
    from fandex.readers import html, markdown, plaintext, usenet

    if not text.strip():
        raise InputError("the text is empty", path=source, hint="nothing to analyse")
    text = plaintext.normalize(text)
    head = text[:8192]
    if _looks_like_html(head):
        return html.from_string(text, source=source)
    if usenet.looks_like_post(head):
        return usenet.from_string(text, source=source)
    if markdown.has_front_matter(head):
        return markdown.from_string(text, source=source)
    return plaintext.from_string(text, source=source)


def read_file(path: Path) -> Work:
    """Read one story file with the reader its format needs."""
    path = Path(path)
    return read_bytes(_read_bytes(path), path)


def read_bytes(data: bytes, path: Path) -> Work:
    """Read a story file's bytes (``path`` names it in messages and picks the format)."""
    path = Path(path)
    if not data.strip():
        raise InputError("the file is empty", path=path, hint="nothing to analyse")
    reader = _pick_reader(data, path)
    try:
        work = reader(data, path)
    except FandexError:
        raise
    except RecursionError:
        raise InputError("is nested too deeply to read", path=path, hint="simplify the file") from None
    except Exception as error:  # a parser library's surprise must not become a traceback
        detail = " ".join(str(error).split())[:200]
        raise InputError(
            f"could not be read ({type(error).__name__}: {detail})",
            path=path,
            hint="check that the file is a story in a supported format",
        ) from None
    work.source = str(path)
    return work


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every story file named, or inside a named directory, in a stable order; lazily.

    Files named explicitly are always yielded (a missing one then fails with a clear message when
    read); inside directories, hidden files and folders and obvious non-stories are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk_directory(path)
        else:
            yield path


def _walk_directory(directory: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        # An unreadable folder: yielding it makes read_file report it like any other bad path.
        yield directory
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            if entry.name != "__pycache__":
                yield from _walk_directory(child)
        elif _is_story_name(child):
            yield child


def _is_story_name(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix not in STORY_SUFFIXES:
        return False
    return path.stem.lower() not in _NOT_STORY_NAMES


Reader = Callable[[bytes, Path], Work]


def _pick_reader(data: bytes, path: Path) -> Reader:
    from fandex.readers import epub, html, markdown, plaintext, usenet

    suffix = path.suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        return epub.read
    if suffix == ".epub":
        raise InputError(
            "is not an EPUB: it is not a zip archive",
            path=path,
            hint="re-download or re-export the EPUB",
        )
    if suffix in HTML_SUFFIXES:
        return html.read
    if suffix in MARKDOWN_SUFFIXES:
        return markdown.read
    head = plaintext.decode(data[:8192], path)
    if _looks_like_html(head):
        return html.read
    if usenet.looks_like_post(head):
        return usenet.read
    if markdown.has_front_matter(head):
        return markdown.read
    return plaintext.read


def _looks_like_html(head: str) -> bool:
    if _HTML_SNIFF.match(head):
        return True
    # A fragment saved without <html>: several paragraph or line-break tags early on.
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head[:4096])) >= 3


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        if path.is_symlink():
            raise InputError("is a broken symbolic link", path=path, hint="check where it points")
        raise InputError("no such file or directory", path=path, hint="check the path")
    if path.is_dir():
        raise InputError(
            "is a directory, not a file",
            path=path,
            hint="pass it to `fandex analyze`, which reads every story in it",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"the file is {size / (1024 * 1024):.0f} MB, over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit",
                path=path,
                hint="split it into single stories first",
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grows while being read is still capped.
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise InputError("permission denied", path=path, hint="check the file's permissions") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as error:
        raise InputError(
            f"cannot be read: {error.strerror or error}", path=path, hint="check the file"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            f"the file is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit",
            path=path,
            hint="split it into single stories first",
        )
    return data
