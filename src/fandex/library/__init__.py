"""The library: analysed works in a SQLite file, with full-text and AO3-style tag search.

from fandex.library import Library, SearchQuery, search

with Library.open("library.sqlite") as library:
    library.add(work)
    results = search(library, SearchQuery(text="slayer", include={"rating": ["Mature"]}))
"""

from __future__ import annotations

from fandex.library.search import (
    Hit,
    SearchQuery,
    SearchResults,
    facets,
    fts_expression,
    parse_word_range,
    search,
)
from fandex.library.store import AddOutcome, Library, WorkRow, default_path, text_hash
from fandex.library.tagset import FACET_KINDS, FACET_LABELS, TagRow, work_tag_rows

__all__ = [
    "FACET_KINDS",
    "FACET_LABELS",
    "AddOutcome",
    "Hit",
    "Library",
    "SearchQuery",
    "SearchResults",
    "TagRow",
    "WorkRow",
    "default_path",
    "facets",
    "fts_expression",
    "parse_word_range",
    "search",
    "text_hash",
    "work_tag_rows",
]
