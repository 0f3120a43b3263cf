from __future__ import annotations

from fandex.library.tagset import TagRow, work_tag_rows
from fandex.work import FandomGuess, Tag, Work


def rows_of(work: Work) -> set[TagRow]:
    return set(work_tag_rows(work))


def test_declared_metadata_tags_are_filed_as_declared() -> None:
    work = Work(text="x")
    declared = work.metadata.declared_tags
    declared.rating = "Mature"
    declared.warnings = ["No Archive Warnings Apply"]
    declared.category = ["F/M"]
    declared.fandoms = ["Harbour Tales"]
    declared.relationships = ["Mara/Theo"]
    declared.characters = ["Mara", "Theo"]
    declared.additional = ["Angst"]
    assert rows_of(work) == {
        TagRow("rating", "Mature", "declared"),
        TagRow("warning", "No Archive Warnings Apply", "declared"),
        TagRow("category", "F/M", "declared"),
        TagRow("fandom", "Harbour Tales", "declared"),
        TagRow("relationship", "Mara/Theo", "declared"),
        TagRow("character", "Mara", "declared"),
        TagRow("character", "Theo", "declared"),
        TagRow("additional", "Angst", "declared"),
    }


def test_declared_wins_over_the_same_tag_inferred_whatever_its_case() -> None:
    work = Work(text="x")
    work.metadata.declared_tags.characters = ["Mara"]
    work.tags = [Tag("character", "mara", "inferred", 0.9), Tag("character", "Theo", "inferred", 0.9)]
    assert rows_of(work) == {TagRow("character", "Mara", "declared"), TagRow("character", "Theo", "inferred")}


def test_one_rating_declared_first_else_most_confident_inferred() -> None:
    work = Work(text="x")
    work.tags = [Tag("rating", "Mature", "inferred", 0.4), Tag("rating", "Explicit", "inferred", 0.7)]
    assert [row for row in work_tag_rows(work) if row.kind == "rating"] == [
        TagRow("rating", "Explicit", "inferred")
    ]
    work.metadata.declared_tags.rating = "General Audiences"
    assert [row for row in work_tag_rows(work) if row.kind == "rating"] == [
        TagRow("rating", "General Audiences", "declared")
    ]


def test_plural_kinds_and_white_space_are_normalised() -> None:
    work = Work(text="x")
    work.tags = [
        Tag("Characters", "  Mara   Vell ", "inferred"),
        Tag("freeform", "Rain", "inferred"),
        Tag("additional", " "),
    ]
    assert rows_of(work) == {
        TagRow("character", "Mara Vell", "inferred"),
        TagRow("additional", "Rain", "inferred"),
    }


def test_confident_fandom_guess_only_when_no_fandom_tag() -> None:
    work = Work(text="x")
    work.fandoms = [FandomGuess("Harbour Tales", 0.8), FandomGuess("Other Tales", 0.9)]
    assert TagRow("fandom", "Other Tales", "inferred") in rows_of(work)
    work.fandoms = [FandomGuess("Harbour Tales", 0.3)]
    assert not [row for row in work_tag_rows(work) if row.kind == "fandom"]
    work.fandoms = [FandomGuess("Harbour Tales", 0.9)]
    work.metadata.declared_tags.fandoms = ["Declared Tales"]
    assert [row for row in work_tag_rows(work) if row.kind == "fandom"] == [
        TagRow("fandom", "Declared Tales", "declared")
    ]


def test_rows_come_in_facet_order() -> None:
    work = Work(text="x")
    work.tags = [
        Tag("additional", "Rain"),
        Tag("character", "Mara"),
        Tag("rating", "Mature"),
        Tag("fandom", "Harbour Tales"),
    ]
    assert [row.kind for row in work_tag_rows(work)] == ["rating", "fandom", "character", "additional"]


def test_the_tag_layers_canonical_declared_tags_replace_the_raw_strings() -> None:
    work = Work(text="x")
    work.metadata.declared_tags.relationships = ["Buffy/Angel"]
    work.metadata.declared_tags.fandoms = ["BtVS"]
    work.tags = [
        Tag("relationship", "Buffy Summers/Angel", "declared"),
        Tag("fandom", "Buffy the Vampire Slayer", "declared"),
    ]
    assert rows_of(work) == {
        TagRow("relationship", "Buffy Summers/Angel", "declared"),
        TagRow("fandom", "Buffy the Vampire Slayer", "declared"),
    }
