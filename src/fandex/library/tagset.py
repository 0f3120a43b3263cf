"""A work's AO3-style tags as the library files them: one row per (kind, value), declared or inferred.

A tag both declared by the work and inferred by the pipeline is filed once, as declared (what the
author wrote wins for display). A work has one rating: the declared one if any, else the inferred
rating the pipeline is most confident of.
"""

from __future__ import annotations

from typing import NamedTuple

from fandex.work import Work

# The facet kinds, in the order AO3's sidebar shows them.
FACET_KINDS: tuple[str, ...] = (
    "rating",
    "warning",
    "category",
    "fandom",
    "relationship",
    "character",
    "additional",
)

FACET_LABELS: dict[str, str] = {
    "rating": "Ratings",
    "warning": "Warnings",
    "category": "Categories",
    "fandom": "Fandoms",
    "relationship": "Relationships",
    "character": "Characters",
    "additional": "Additional Tags",
}

# Spellings of kinds seen in the wild mapped to the library's (singular) kinds.
_KIND_ALIASES = {
    "ratings": "rating",
    "warnings": "warning",
    "archive warning": "warning",
    "archive warnings": "warning",
    "categories": "category",
    "fandoms": "fandom",
    "relationships": "relationship",
    "characters": "character",
    "freeform": "additional",
    "additional tags": "additional",
}

# Below this confidence a fandom guess is not filed as a tag.
FANDOM_GUESS_THRESHOLD = 0.5


class TagRow(NamedTuple):
    kind: str
    value: str
    source: str  # "declared" or "inferred"


def normalise_kind(kind: str) -> str:
    lowered = kind.strip().lower()
    return _KIND_ALIASES.get(lowered, lowered)


def work_tag_rows(work: Work) -> list[TagRow]:
    """The rows the library stores for ``work``, in a stable order."""
    declared = work.metadata.declared_tags
    found: dict[tuple[str, str], TagRow] = {}

    def file(kind: str, value: str | None, source: str) -> None:
        value = " ".join((value or "").split())
        if not value:
            return
        kind = normalise_kind(kind)
        key = (kind, value.casefold())  # the library matches tags whatever their case
        if key in found and (found[key].source == "declared" or source != "declared"):
            return
        found[key] = TagRow(kind, value, source)

    # The tags stage writes declared tags the canonical way ("Buffy/Angel" as "Buffy Summers/Angel");
    # the raw declared strings are filed only for a Work that never went through it.
    raw_declared = (
        ()
        if any(tag.source == "declared" for tag in work.tags)
        else (
            ("warning", declared.warnings),
            ("category", declared.category),
            ("fandom", declared.fandoms),
            ("relationship", declared.relationships),
            ("character", declared.characters),
            ("additional", declared.additional),
        )
    )
    for kind, values in raw_declared:
        for value in values:
            file(kind, value, "declared")
    for tag in work.tags:
        if normalise_kind(tag.kind) != "rating":
            file(tag.kind, tag.value, "declared" if tag.source == "declared" else "inferred")

    rating = _rating(work)
    if rating is not None:
        file("rating", rating[0], rating[1])
    if not any(kind == "fandom" for kind, _ in found):
        guesses = sorted(work.fandoms, key=lambda guess: -guess.confidence)
        if guesses and guesses[0].confidence >= FANDOM_GUESS_THRESHOLD:
            file("fandom", guesses[0].name, "inferred")
    return sorted(
        found.values(), key=lambda row: (_kind_order(row.kind), row.source != "declared", row.value)
    )


def _rating(work: Work) -> tuple[str, str] | None:
    if work.metadata.declared_tags.rating:
        return work.metadata.declared_tags.rating, "declared"
    ratings = [tag for tag in work.tags if normalise_kind(tag.kind) == "rating"]
    declared = [tag for tag in ratings if tag.source == "declared"]
    if declared:
        return declared[0].value, "declared"
    if ratings:
        best = max(ratings, key=lambda tag: tag.confidence)
        return best.value, "inferred"
    return None


def _kind_order(kind: str) -> int:
    return FACET_KINDS.index(kind) if kind in FACET_KINDS else len(FACET_KINDS)
