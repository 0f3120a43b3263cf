"""Searching the library: full text (FTS5) with AO3-style include and exclude tag filters, and facets.

Every tag filter is an indexed lookup in ``work_tags``; results are LIMIT-ed; facet counts are taken
over the filtered set of ids (or read from ``tag_counts`` when nothing filters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from fandex.errors import FandexError
from fandex.library.store import Library, WorkRow
from fandex.library.tagset import FACET_KINDS, TagRow

SortKey = Literal["relevance", "words", "title", "added"]
SORT_KEYS: tuple[str, ...] = ("relevance", "words", "title", "added")

# A double-quoted phrase, or a run of anything but white space and quotes.
_QUERY_TOKEN = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchQuery:
    text: str = ""
    # kind -> values the work must all have; kind "any" matches a tag of any kind (AO3's "other tags").
    include: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)  # tag values of any kind the work must not have
    words_min: int | None = None
    words_max: int | None = None
    sort: SortKey = "relevance"
    limit: int = 20
    offset: int = 0

    def is_filtered(self) -> bool:
        return bool(
            fts_expression(self.text)
            or any(self.include.values())
            or self.exclude
            or self.words_min is not None
            or self.words_max is not None
        )


@dataclass
class Hit:
    row: WorkRow
    tags: list[TagRow]

    def tags_of_kind(self, kind: str) -> list[TagRow]:
        return [tag for tag in self.tags if tag.kind == kind]


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]


def fts_expression(text: str) -> str:
    """A user's query as a safe FTS5 expression: every word or "quoted phrase" must occur; a word
    ending in * matches as a prefix. FTS5 operators typed by the user are taken as plain words."""
    terms = []
    for phrase, word in _QUERY_TOKEN.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for piece in _WORD.findall(word):
            terms.append(f'"{piece}"')
        if prefix and terms and _WORD.findall(word):
            terms[-1] += "*"
    return " AND ".join(terms)


def parse_word_range(text: str) -> tuple[int | None, int | None]:
    """``"1000-5000"``, ``"1000-"``, ``"-5000"`` or ``"1000"`` (at least) as (min, max)."""
    cleaned = text.replace(",", "").replace(" ", "")
    match = re.fullmatch(r"(\d*)(-?)(\d*)", cleaned)
    if not match or not (match.group(1) or match.group(3)) or (match.group(3) and not match.group(2)):
        raise FandexError(
            f"--words {text!r} is not a range", hint="write MIN-MAX, MIN- or -MAX, e.g. 1000-5000"
        )
    low = int(match.group(1)) if match.group(1) else None
    high = int(match.group(3)) if match.group(3) else None
    if low is not None and high is not None and low > high:
        raise FandexError(f"--words {text!r}: the minimum is above the maximum")
    return low, high


def _conditions(query: SearchQuery) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``w`` (works) for every filter but the full text, and their parameters."""
    where: list[str] = []
    params: list[Any] = []
    for kind, values in query.include.items():
        for value in values:
            if kind == "any":
                where.append("w.id IN (SELECT work_id FROM work_tags WHERE value = ?)")
                params.append(value)
            else:
                where.append("w.id IN (SELECT work_id FROM work_tags WHERE kind = ? AND value = ?)")
                params.extend((kind, value))
    for value in query.exclude:
        where.append("w.id NOT IN (SELECT work_id FROM work_tags WHERE value = ?)")
        params.append(value)
    if query.words_min is not None:
        where.append("w.words >= ?")
        params.append(query.words_min)
    if query.words_max is not None:
        where.append("w.words <= ?")
        params.append(query.words_max)
    return where, params


_ORDER = {
    "words": "w.words DESC, w.id",
    "title": "w.title IS NULL, w.title COLLATE NOCASE, w.id",
    "added": "w.added DESC, w.id DESC",
}


def search(library: Library, query: SearchQuery) -> SearchResults:
    where, params = _conditions(query)
    expression = fts_expression(query.text)
    if expression:
        source = "works_fts f JOIN works w ON w.id = f.rowid"
        where = ["works_fts MATCH ?", *where]
        params = [expression, *params]
        order = "f.rank, w.id" if query.sort == "relevance" else _ORDER[query.sort]
    else:
        source = "works w"
        order = _ORDER["added" if query.sort == "relevance" else query.sort]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    db = library.connection
    total = int(db.execute(f"SELECT count(*) FROM {source} {clause}", params).fetchone()[0])
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT w.id FROM {source} {clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        )
    ]
    rows = library.rows_by_id(ids)
    tags = library.tags_of(ids)
    return SearchResults(total, [Hit(rows[work_id], tags[work_id]) for work_id in ids])


def facets(library: Library, query: SearchQuery, per_kind: int = 10) -> dict[str, list[tuple[str, int]]]:
    """How many matching works carry each tag, per kind (the most frequent ``per_kind`` of each)."""
    db = library.connection
    if not query.is_filtered():
        cursor = db.execute("SELECT kind, value, works FROM tag_counts")
    else:
        where, params = _conditions(query)
        expression = fts_expression(query.text)
        if expression:
            where = ["w.id IN (SELECT rowid FROM works_fts WHERE works_fts MATCH ?)", *where]
            params = [expression, *params]
        cursor = db.execute(
            f"SELECT t.kind, t.value, count(*) FROM works w JOIN work_tags t ON t.work_id = w.id "
            f"WHERE {' AND '.join(where)} GROUP BY t.kind, t.value",
            params,
        )
    counted: dict[str, list[tuple[str, int]]] = {kind: [] for kind in FACET_KINDS}
    for kind, value, number in cursor:
        counted.setdefault(kind, []).append((value, int(number)))
    return {
        kind: sorted(values, key=lambda item: (-item[1], item[0].casefold()))[:per_kind]
        for kind, values in counted.items()
    }
