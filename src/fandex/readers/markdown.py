"""Markdown stories, usually with YAML front matter (``---`` ... ``---``) declaring the metadata.

``Work.text`` is the file itself, decoded as plain text is: the front matter stays in the text and
``metadata.body_start`` points just after its closing ``---`` line, so every offset refers to the
file as written. Emphasis markers also stay in the text: ``*italic*``, ``_italic_``, ``**bold**``
and ``__bold__`` are recorded as Emphasis spans that cover the words inside the markers. Scene
break lines ("---", "***", "* * *") and "# Chapter 1" headings stay for the structure stage.

Front-matter keys are declared metadata: title, author/authors, rating, fandom(s),
relationships/pairing(s), characters, warnings, category, tags/additional tags, summary, notes,
disclaimer, part, parts/parts_total, chapter, series, language, published/date, updated, words,
url; every key is also kept in ``metadata.fields``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fandex.ratings import to_ao3
from fandex.readers import plaintext
from fandex.work import Emphasis, Metadata, Work

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Emphasis: the opening marker must touch a word and the closing one end it, as CommonMark
# requires; "_" only at word boundaries so snake_case and URLs are left alone.
# Emphasis markers and blank lines (which close every open marker: emphasis stays in its paragraph).
_MARKER = re.compile(r"\*\*|__|\*|_|\n[ \t]*\n")
_CODE = re.compile(r"`[^`\n]*`")
_NUMBER = re.compile(r"\d+")


def has_front_matter(text: str) -> bool:
    """True when ``text`` opens with YAML front matter that declares some story metadata."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return False
    fields = _parse_front_matter(match.group(1) or "")
    return bool(fields) and any(
        key in fields for key in ("title", "author", "authors", "rating", "fandom", "fandoms")
    )


def read(data: bytes, path: Path) -> Work:
    return from_string(plaintext.decode(data, path), source=str(path))


def from_string(text: str, source: str | None = None) -> Work:
    metadata = Metadata()
    match = _FRONT_MATTER.match(text)
    if match:
        fields = _parse_front_matter(match.group(1) or "")
        _apply_front_matter(fields, metadata)
        metadata.body_start = match.end()
    work = Work(text=text, metadata=metadata, source=source, source_format="markdown")
    work.emphasis = find_emphasis(text, metadata.body_start)
    return work


def find_emphasis(text: str, start: int = 0) -> list[Emphasis]:
    """Emphasis spans of Markdown ``*x*`` / ``_x_`` / ``**x**`` / ``__x__`` after ``start`` (markers outside the spans)."""
    body = text[start:]
    # Code spans are verbatim: blank them out (same length) so no marker inside them counts.
    masked = _CODE.sub(lambda m: " " * len(m.group()), body)
    masked = _mask_rules(masked)
    return [Emphasis(start=start + a, end=start + b, kind=kind) for a, b, kind in _pair_markers(masked)]


def _pair_markers(text: str) -> list[tuple[int, int, str]]:
    """(inner start, inner end, kind) of each marker pair, in one pass over the markers.

    A marker opens when a word follows it and no word character (or backslash) precedes it; it
    closes when a non-space precedes it and no word character follows; each closer takes the
    nearest open marker of its kind. Linear in the text: a stray "*" never rescans what follows.
    """
    spans: list[tuple[int, int, str]] = []
    open_at: dict[str, int] = {}
    length = len(text)
    for match in _MARKER.finditer(text):
        marker = match.group()
        if marker[0] == "\n":
            open_at.clear()
            continue
        start, end = match.start(), match.end()
        before = text[start - 1] if start else " "
        after = text[end] if end < length else " "
        if before == "\\":
            continue
        closes = not before.isspace() and not (after.isalnum() or after == "_") and after != marker[0]
        if closes and marker in open_at:
            inner_start = open_at.pop(marker)
            if start > inner_start:
                spans.append((inner_start, start, "bold" if len(marker) == 2 else "italic"))
            continue
        opens = (
            not after.isspace()
            and after != marker[0]
            and not (before.isalnum() or before == "_")
            and before != marker[0]
        )
        if opens:
            open_at[marker] = end
    spans.sort()
    return spans


def _mask_rules(text: str) -> str:
    # Lines that are only markers ("***", "* * *", "___", "- - -") are scene breaks, and "* " at a
    # line start is a list bullet: neither opens emphasis.
    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    text = re.sub(r"(?m)^[ \t]*(?:[*_\-][ \t]*){3,}$", blank, text)
    return re.sub(r"(?m)^[ \t]*[*+\-][ \t]+", blank, text)


def _parse_front_matter(block: str) -> dict[str, Any]:
    import yaml

    try:
        loaded = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        return {str(key).strip().lower(): value for key, value in loaded.items()}
    # Not valid YAML (unquoted colons in a summary, tabs): read plain "key: value" lines.
    fields: dict[str, Any] = {}
    for line in block.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if item is not None and str(item).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text or None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    match = _NUMBER.search(str(value)) if value is not None else None
    return int(match.group()) if match else None


_LIST_KEYS: dict[str, str] = {
    "fandom": "fandoms",
    "fandoms": "fandoms",
    "relationship": "relationships",
    "relationships": "relationships",
    "pairing": "relationships",
    "pairings": "relationships",
    "ship": "relationships",
    "ships": "relationships",
    "character": "characters",
    "characters": "characters",
    "warning": "warnings",
    "warnings": "warnings",
    "archive warning": "warnings",
    "archive warnings": "warnings",
    "category": "category",
    "categories": "category",
    "tags": "additional",
    "additional": "additional",
    "additional tags": "additional",
    "additional_tags": "additional",
    "freeform": "additional",
}


def _apply_front_matter(fields: dict[str, Any], metadata: Metadata) -> None:
    tags = metadata.declared_tags
    for key, value in fields.items():
        text = _as_text(value)
        if text is not None:
            metadata.fields[key] = text
        if key == "title":
            metadata.title = text
        elif key in ("author", "authors", "by", "creator", "writer"):
            metadata.authors = _as_list(value)
        elif key == "rating":
            metadata.rating_original = text
            tags.rating = to_ao3(text)
        elif key in _LIST_KEYS:
            getattr(tags, _LIST_KEYS[key]).extend(_as_list(value))
        elif key == "summary":
            metadata.summary = text
        elif key in ("notes", "note", "author's notes", "a/n"):
            metadata.notes = text
        elif key == "disclaimer":
            metadata.disclaimer = text
        elif key == "spoilers":
            metadata.spoilers = text
        elif key == "part":
            _apply_part(value, metadata)
        elif key in ("parts", "parts_total", "total_parts", "of"):
            metadata.parts_total = _as_int(value)
        elif key == "chapter":
            metadata.chapter = _as_int(value)
        elif key == "series":
            metadata.series = text
        elif key == "language":
            metadata.language = text
        elif key in ("published", "date"):
            metadata.published = text
        elif key == "updated":
            metadata.updated = text
        elif key in ("words", "word_count", "wordcount"):
            metadata.words_declared = _as_int(value)
        elif key in ("url", "source", "link"):
            metadata.source_url = text


def _apply_part(value: Any, metadata: Metadata) -> None:
    # "part: 2", "part: 2/5", "part: 2 of 5", "part: 1a".
    text = _as_text(value) or ""
    match = re.match(r"^\s*(\d+)(\w?)\s*(?:(?:/|of)\s*(\d+|\?))?", text)
    if not match:
        return
    metadata.part = int(match.group(1))
    metadata.part_label = match.group(1) + match.group(2)
    if match.group(3) and match.group(3).isdigit():
        metadata.parts_total = int(match.group(3))
