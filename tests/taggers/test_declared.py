from __future__ import annotations

import pytest

from fandex.fandoms import FandomPack, PackCharacter
from fandex.fandoms.loader import pack_from_data
from fandex.taggers.declared import (
    NameResolver,
    Synonyms,
    category,
    parse_pairing,
    rating,
    same_person,
    warning,
)
from fandex.work import Character

PACK = FandomPack(
    name="Buffy the Vampire Slayer",
    characters=(
        PackCharacter("Buffy Summers", aliases=("Buffy",), gender="F"),
        PackCharacter("Spike", aliases=("William",), gender="M"),
        PackCharacter("Willow Rosenberg", aliases=("Willow",), gender="F"),
        PackCharacter("Rupert Giles", aliases=("Giles",), gender="M"),
        PackCharacter("Dawn Summers", aliases=("Dawn",), gender="F", role="recurring"),
    ),
    ships={"Spuffy": ("Buffy Summers", "Spike"), "Willow/Spike": ("Spike", "Willow Rosenberg")},
)


def _resolver(with_cast: bool = True) -> NameResolver:
    cast = [
        Character("c1", "Spike", [], "M", mentions=40, canonical=True),
        Character("c2", "Willow Rosenberg", ["Willow"], "F", mentions=55, canonical=True),
    ]
    return NameResolver(cast if with_cast else [], [PACK])


def test_names_are_canonicalised_and_keep_the_authors_order() -> None:
    pairing = parse_pairing("giles/buffy", _resolver())
    assert pairing is not None
    assert pairing.names == ("Rupert Giles", "Buffy Summers")
    assert pairing.kind == "romantic"
    assert pairing.tag == "Rupert Giles/Buffy Summers"
    assert pairing.ids == (None, None)  # neither is in this work's cast


def test_full_names_resolve_to_the_cast() -> None:
    pairing = parse_pairing("Spike/Willow", _resolver())
    assert pairing is not None
    assert pairing.tag == "Spike/Willow Rosenberg"
    assert pairing.ids == ("c1", "c2")


def test_initials_resolve_against_the_cast_first() -> None:
    pairing = parse_pairing("S/W", _resolver())
    assert pairing is not None
    assert pairing.names == ("Spike", "Willow Rosenberg")
    assert pairing.ids == ("c1", "c2")


def test_initials_without_a_cast_fall_back_to_the_packs_main_characters() -> None:
    # "B" could be Buffy (main); "D" is Dawn, the only D.
    pairing = parse_pairing("B/D", _resolver(with_cast=False))
    assert pairing is not None
    assert pairing.names == ("Buffy Summers", "Dawn Summers")


def test_portmanteau_ship_names_come_from_the_pack() -> None:
    pairing = parse_pairing("Spuffy", _resolver())
    assert pairing is not None
    assert pairing.names == ("Buffy Summers", "Spike")
    assert pairing.kind == "romantic"
    assert pairing.ids == (None, "c1")


@pytest.mark.parametrize("raw", ["gen", "Gen", "none", "No pairing", "N/A", "  "])
def test_gen_and_blanks_are_no_pairing(raw: str) -> None:
    assert parse_pairing(raw, _resolver()) is None


def test_an_ampersand_is_a_platonic_relationship() -> None:
    pairing = parse_pairing("Buffy & Willow", _resolver())
    assert pairing is not None
    assert pairing.kind == "platonic"
    assert pairing.tag == "Buffy Summers & Willow Rosenberg"


def test_unknown_names_are_kept_title_cased() -> None:
    pairing = parse_pairing("mara/jonah", _resolver())
    assert pairing is not None
    assert pairing.tag == "Mara/Jonah"


def test_a_single_name_is_not_a_pairing() -> None:
    assert parse_pairing("Willow", _resolver()) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Underage", "Underage Sex"),
        ("underage sex", "Underage Sex"),
        ("Rape/Non-Con", "Rape/Non-Con"),
        ("non-con", "Rape/Non-Con"),
        ("Graphic Depictions Of Violence", "Graphic Depictions Of Violence"),
        ("Major Character Death", "Major Character Death"),
        ("Choose Not To Use Archive Warnings", "Creator Chose Not To Use Archive Warnings"),
        ("No Archive Warnings Apply", "No Archive Warnings Apply"),
        ("fluffy bunnies", None),
    ],
)
def test_warnings_as_written_map_to_ao3(written: str, expected: str | None) -> None:
    assert warning(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("F/M", "F/M"), ("het", "F/M"), ("slash", "M/M"), ("femslash", "F/F"), ("Gen", "Gen"), ("poly", None)],
)
def test_categories_as_written_map_to_ao3(written: str, expected: str | None) -> None:
    assert category(written) == expected


def test_ratings_as_written_map_to_ao3() -> None:
    assert rating("PG-13") == "Teen And Up Audiences"
    assert rating("NC-17") == "Explicit"
    assert rating("Mature") == "Mature"
    assert rating("Not Rated") == "Not Rated"  # one of AO3's ratings: declared, it is shown
    assert rating(None) is None


@pytest.mark.parametrize("written", ["Buffy S.", "Buffy S", "buffy s."])
def test_a_first_name_and_an_initial_resolve_to_the_full_name(written: str) -> None:
    assert _resolver(with_cast=False).resolve(written)[0] == "Buffy Summers"


def test_an_initial_that_fits_no_one_is_not_resolved() -> None:
    assert _resolver(with_cast=False).resolve("Buffy Q.")[0] != "Buffy Summers"


def test_a_name_written_out_in_full_is_shown_as_typed_but_tied_to_its_character() -> None:
    resolver = _resolver()
    assert resolver.resolve("Willow Rosenberg") == ("Willow Rosenberg", "c2")
    assert resolver.resolve("Sheriff of Nottingham")[0] == "Sheriff of Nottingham"  # not "Of"
    assert resolver.resolve("willow") == ("Willow Rosenberg", "c2")  # a loose form is canonicalised


def test_a_cast_member_is_found_by_a_pack_name_the_text_never_uses() -> None:
    # The work calls her only "Willow"; the pack's character also goes by "Will", as a tag may.
    pack = FandomPack(
        name="Buffy the Vampire Slayer",
        characters=(PackCharacter("Willow Rosenberg", aliases=("Willow", "Will Rosenberg"), gender="F"),),
    )
    cast = [Character("c2", "Willow Rosenberg", ["Willow"], "F", mentions=55, canonical=True)]
    # (a name written out in full is shown as typed, and tied to the cast member)
    assert NameResolver(cast, [pack]).resolve("Will Rosenberg") == ("Will Rosenberg", "c2")


def test_a_name_with_a_fandom_qualifier_resolves_as_its_bare_name() -> None:
    # "William (Buffy the Vampire Slayer)" is AO3's form of the pack's "William", Spike's alias.
    _, character_id = _resolver().resolve("William (Buffy the Vampire Slayer)")
    assert character_id == "c1"


# A made-up canon: a lead whose tags spell his given name two ways, a nickname two characters share,
# and a relative who carries the lead's family name.
HARBOUR = FandomPack(
    name="Harbour Lights",
    characters=(
        PackCharacter(
            "Theodore Vance", aliases=("Vance", "Teddy Vance"), nicknames=("Teddy", "Theo"), gender="M"
        ),
        PackCharacter("Theodora Quill", aliases=("Quill",), nicknames=("Theo",), gender="F"),
        PackCharacter("Margaret Vance", aliases=("Maggie Vance",), nicknames=("Maggie",), gender="F"),
    ),
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # Two names the pack lists for one character, as AO3 files a synonym under its canonical tag.
        ("Teddy Vance", "Theodore Vance", True),
        ("Theodore Vance", "teddy vance", True),
        ("Teddy", "Theodore Vance", True),
        ("Teddy Vance (Harbour Lights)", "Theodore Vance", True),
        ("Maggie", "Margaret Vance", True),
        # A nickname the pack gives two characters is neither's synonym.
        ("Theo", "Theodore Vance", False),
        ("Theo", "Theodora Quill", False),
        # The family name ties no other name of the family to the lead's names.
        ("Margaret Vance", "Teddy Vance", False),
        ("Maggie", "Teddy", False),
        ("Maggie Vance", "Theodore Vance", False),
        # A name the pack does not list is no synonym of anything.
        ("Ted Vance", "Theodore Vance", False),
    ],
)
def test_pack_synonyms_are_one_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b, Synonyms([HARBOUR])) is same


def test_a_short_given_name_is_one_person_only_through_a_pack() -> None:
    assert not same_person("Teddy Vance", "Theodore Vance")
    assert not same_person("Greg Rowan", "Gregory Rowan", Synonyms([HARBOUR]))
    assert not same_person("Teddy Vance", "Theodore Vance", Synonyms([]))


def test_the_word_rule_still_holds_beside_the_synonyms() -> None:
    assert same_person("Theodora", "Theodora Quill", Synonyms([HARBOUR]))
    assert not same_person("Theodora Quill", "Theodore Vance", Synonyms([HARBOUR]))


def test_a_name_two_packs_give_two_characters_is_nobodys_synonym() -> None:
    # Another canon read with this one calls its own lead "Teddy": "Teddy" is no longer Vance alone.
    other = FandomPack(
        name="Tin Soldiers",
        characters=(PackCharacter("Edward Brand", aliases=("Brand",), nicknames=("Teddy",), gender="M"),),
    )
    synonyms = Synonyms([HARBOUR, other])
    assert synonyms.owner("Teddy") is None
    assert not same_person("Teddy", "Theodore Vance", synonyms)
    assert not same_person("Teddy", "Edward Brand", synonyms)
    assert same_person("Teddy Vance", "Theodore Vance", synonyms)


def test_one_character_in_two_packs_keeps_its_synonyms() -> None:
    # A crossover reads two packs that both list the lead by his canonical name.
    sequel = FandomPack(
        name="Harbour Lights: Ebb Tide",
        characters=(PackCharacter("Theodore Vance", aliases=("Ted Vance",), gender="M"),),
    )
    synonyms = Synonyms([HARBOUR, sequel])
    assert same_person("Ted Vance", "Teddy Vance", synonyms)
    assert synonyms.owner("Vance") == "Theodore Vance"


def test_a_family_first_name_with_its_long_vowels_short_is_one_person_through_its_pack() -> None:
    # An author's "Kota Haruno" is AO3's "Haruno Kouta": the pack that writes family names first
    # gives each name in the western order with short vowels too, so the two are one person.
    pack = pack_from_data(
        {"name": "Harbour Lights East", "family_name_first": True, "characters": ["Haruno Kouta"]}, "east"
    )
    assert same_person("Kota Haruno", "Haruno Kouta", Synonyms([pack]))
    assert not same_person("Kota Haruno", "Haruno Kouta", Synonyms([]))
    # A western pack turns nothing round and shortens nothing.
    west = pack_from_data({"name": "Harbour Lights West", "characters": ["Kouta Haruno"]}, "west")
    assert not same_person("Kota Haruno", "Kouta Haruno", Synonyms([west]))
