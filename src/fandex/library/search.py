"""Searching the library: full text (FTS5) with AO3-style include and exclude tag filters, and facets.

Every tag filter is an indexed lookup in ``work_tags``; results are LIMIT-ed; facet counts are taken
over the filtered set of ids (or read from ``tag_counts`` when nothing filters).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from fandex.errors import FandexError
from fandex.library.store import TAG_KIND_SHIFT, Library, WorkRow, unpack_ids
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
    # False when a relevance search matched too many works to rank (more than RANK_LIMIT): newest first.
    ranked: bool = True


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


# Ranking by relevance costs a few microseconds per work ranked (FTS5's BM25): when more works than this
# pass the words and filters, results come newest first instead, and say so (SearchResults.ranked False).
RANK_LIMIT = 8000
# BM25 with a title hit weighing most, then the summary, the tags, the text. Called as a function rather
# than through FTS5's rank column: SQLite then computes it only for rows that pass the tag filters.
RELEVANCE = "bm25(works_fts, 10.0, 5.0, 3.0, 1.0)"


@dataclass
class _Plan:
    """Where a query's ids come from (``source``, whose id column is ``id``), and the conditions on them."""

    source: str
    id: str
    where: list[str]
    params: list[Any]
    fts: str = ""

    def clause(self) -> str:
        return f"WHERE {' AND '.join(self.where)}" if self.where else ""


def _plan(library: Library, query: SearchQuery) -> _Plan:
    """Drive the query from its most selective part: the full-text matches, else the smallest include
    filter's posting list, else every work; the rest become indexed membership tests on the id."""
    includes = [(kind, value) for kind, values in query.include.items() for value in values]
    expression = fts_expression(query.text)
    if expression:
        plan = _Plan("works_fts f", "f.rowid", ["works_fts MATCH ?"], [expression], fts=expression)
    elif includes:
        kind, value = min(includes, key=lambda item: _tag_size(library, *item))
        includes.remove((kind, value))
        if kind == "any":
            plan = _Plan("work_tags t", "t.work_id", ["t.value = ?"], [value])
        else:
            plan = _Plan("work_tags t", "t.work_id", ["t.kind = ? AND t.value = ?"], [kind, value])
    else:
        plan = _Plan("works w", "w.id", [], [])
    for kind, value in includes:
        if kind == "any":
            plan.where.append(f"+{plan.id} IN (SELECT work_id FROM work_tags WHERE value = ?)")
            plan.params.append(value)
        else:
            plan.where.append(f"+{plan.id} IN (SELECT work_id FROM work_tags WHERE kind = ? AND value = ?)")
            plan.params.extend((kind, value))
    for value in query.exclude:
        plan.where.append(f"+{plan.id} NOT IN (SELECT work_id FROM work_tags WHERE value = ?)")
        plan.params.append(value)
    if query.words_min is not None or query.words_max is not None:
        low = query.words_min if query.words_min is not None else 0
        high = query.words_max if query.words_max is not None else 2**62
        if plan.id == "w.id":
            plan.where.append("w.words BETWEEN ? AND ?")
        else:
            plan.where.append(f"+{plan.id} IN (SELECT id FROM works WHERE words BETWEEN ? AND ?)")
        plan.params.extend((low, high))
    return plan


def _estimate(library: Library, query: SearchQuery, matches: int) -> float:
    """How many of ``matches`` works the tag filters may leave, taking the filters as independent."""
    everything = library.connection.execute("SELECT max(id) FROM works").fetchone()[0] or 1
    share = 1.0
    for kind, values in query.include.items():
        for value in values:
            share *= min(1.0, _tag_size(library, kind, value) / everything)
    for value in query.exclude:
        share *= 1.0 - min(1.0, _tag_size(library, "any", value) / everything)
    return matches * share


def _tag_size(library: Library, kind: str, value: str) -> int:
    if kind == "any":
        row = library.connection.execute("SELECT sum(works) FROM tags WHERE value = ?", (value,)).fetchone()
    else:
        row = library.connection.execute(
            "SELECT works FROM tags WHERE kind = ? AND value = ?", (kind, value)
        ).fetchone()
    return int(row[0] or 0) if row else 0


def search(library: Library, query: SearchQuery) -> SearchResults:
    plan = _plan(library, query)
    db = library.connection
    source, clause = plan.source, plan.clause()
    if query.sort == "relevance" and plan.fts:
        matches = db.execute(
            "SELECT count(*) FROM works_fts WHERE works_fts MATCH ?", (plan.fts,)
        ).fetchone()[0]
        if min(matches, _estimate(library, query, matches)) <= RANK_LIMIT:
            # Likely few enough to rank: one pass gives the scores and the total. BM25 is computed only
            # for works that pass the filters; the sort is done here, on at most a few thousand pairs.
            scored = db.execute(f"SELECT f.rowid, {RELEVANCE} FROM {source} {clause}", plan.params).fetchall()
            if len(scored) <= RANK_LIMIT:
                scored.sort(key=lambda pair: (pair[1], pair[0]))
                page = [work_id for work_id, _score in scored[query.offset : query.offset + query.limit]]
                return SearchResults(len(scored), _hits(library, page), ranked=True)
            newest = sorted((work_id for work_id, _score in scored), reverse=True)
        else:
            newest = [
                row[0]
                for row in db.execute(
                    f"SELECT f.rowid FROM {source} {clause} ORDER BY f.rowid DESC", plan.params
                )
            ]
            if len(newest) <= RANK_LIMIT:  # the estimate was too high: rank after all
                ranked_ids = [
                    row[0]
                    for row in db.execute(
                        f"SELECT f.rowid FROM {source} {clause} ORDER BY {RELEVANCE}, f.rowid", plan.params
                    )
                ]
                page = ranked_ids[query.offset : query.offset + query.limit]
                return SearchResults(len(ranked_ids), _hits(library, page), ranked=True)
        page = newest[query.offset : query.offset + query.limit]
        return SearchResults(len(newest), _hits(library, page), ranked=False)
    total = int(db.execute(f"SELECT count(*) FROM {source} {clause}", plan.params).fetchone()[0])
    if query.sort in ("words", "title"):
        if plan.id != "w.id":
            source = f"{source} JOIN works w ON w.id = {plan.id}"
        order = (
            "w.words DESC, w.id" if query.sort == "words" else "w.title IS NULL, w.title COLLATE NOCASE, w.id"
        )
    else:
        # Ids grow with every new work, so newest first is the id order, read straight off an index.
        order = f"{plan.id} DESC"
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT {plan.id} FROM {source} {clause} ORDER BY {order} LIMIT ? OFFSET ?",
            [*plan.params, query.limit, query.offset],
        )
    ]
    return SearchResults(total, _hits(library, ids))


def _hits(library: Library, ids: list[int]) -> list[Hit]:
    rows = library.rows_by_id(ids)
    tags = library.tags_of(ids)
    return [Hit(rows[work_id], tags[work_id]) for work_id in ids]


def facets(library: Library, query: SearchQuery, per_kind: int = 10) -> dict[str, list[tuple[str, int]]]:
    """How many matching works carry each tag, per kind (the most frequent ``per_kind`` of each).

    Over the whole library the counts are read from ``tags``; over a filtered set they are counted from
    each matching work's packed tag ids (one small row per work, no per-tag row reads).
    """
    db = library.connection
    kinds = dict(db.execute("SELECT code, kind FROM tag_kinds"))
    counted: dict[str, list[tuple[str, int]]] = {kind: [] for kind in FACET_KINDS}
    if not query.is_filtered():
        for kind in sorted(kinds.values(), key=_facet_order):
            counted[kind] = [
                (value, int(works))
                for value, works in db.execute(
                    "SELECT value, works FROM tags WHERE kind = ? AND works > 0 "
                    "ORDER BY works DESC, value COLLATE NOCASE LIMIT ?",
                    (kind, per_kind),
                )
            ]
        return counted
    plan = _plan(library, query)
    blobs = db.execute(
        f"SELECT tag_ids FROM work_tag_ids WHERE work_id IN (SELECT {plan.id} FROM {plan.source} {plan.clause()})",
        plan.params,
    ).fetchall()
    tally = Counter(unpack_ids(b"".join(blob for (blob,) in blobs)))
    best: dict[int, list[tuple[int, int]]] = {}
    for tag_id, number in tally.items():
        best.setdefault(tag_id >> TAG_KIND_SHIFT, []).append((number, tag_id))
    chosen: list[tuple[int, int]] = []
    for items in best.values():
        chosen.extend(heapq.nlargest(per_kind * 3, items))  # ties are broken by name below
    names = {}
    for start in range(0, len(chosen), 500):
        batch = [tag_id for _number, tag_id in chosen[start : start + 500]]
        marks = ", ".join("?" * len(batch))
        names.update(
            (row[0], (row[1], row[2]))
            for row in db.execute(f"SELECT id, kind, value FROM tags WHERE id IN ({marks})", batch)
        )
    for number, tag_id in chosen:
        kind, value = names[tag_id]
        counted.setdefault(kind, []).append((value, number))
    return {
        kind: sorted(values, key=lambda item: (-item[1], item[0].casefold()))[:per_kind]
        for kind, values in sorted(counted.items(), key=lambda item: _facet_order(item[0]))
    }


def _facet_order(kind: str) -> tuple[int, str]:
    return (FACET_KINDS.index(kind) if kind in FACET_KINDS else len(FACET_KINDS), kind)
