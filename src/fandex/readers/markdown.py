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
_BOLD = re.compile(
    r"(?<![*\w\\])\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)|(?<![_\w\\])__(?=\S)(.+?)(?<=\S)__(?![_\w])", re.DOTALL
)
_ITALIC = re.compile(
    r"(?<![*\w\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])|(?<![_\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])",
    re.DOTALL,
)
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
    spans: list[Emphasis] = []
    for match in _BOLD.finditer(masked):
        group = 1 if match.group(1) is not None else 2
        spans.append(Emphasis(start=start + match.start(group), end=start + match.end(group), kind="bold"))
    # Bold markers must not be read as two italics: blank them before looking for single ones.
    chars = list(masked)
    for match in _BOLD.finditer(masked):
        group = 1 if match.group(1) is not None else 2
        for index in (match.start(), match.start() + 1, match.end(group), match.end(group) + 1):
            chars[index] = " "
    single = "".join(chars)
    for match in _ITALIC.finditer(single):
        group = 1 if match.group(1) is not None else 2
        inner_start, inner_end = match.start(group), match.end(group)
        if "\n\n" in single[inner_start:inner_end]:
            continue  # emphasis never crosses a paragraph
        spans.append(Emphasis(start=start + inner_start, end=start + inner_end, kind="italic"))
    spans = [span for span in spans if "\n\n" not in text[span.start : span.end]]
    spans.sort(key=lambda span: (span.start, span.end))
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
