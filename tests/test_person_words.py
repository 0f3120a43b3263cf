"""person_words: which word of a name is the family name."""

from __future__ import annotations

from fandex import person_words


def test_family_name_is_the_last_word_in_western_order() -> None:
    assert person_words.family_name("Ada Quill") == "Quill"
    assert person_words.family_name("Ada") is None
    assert person_words.family_name("the Inventor") is None


def test_family_name_is_the_first_word_when_the_fandom_writes_it_first() -> None:
    assert person_words.family_name("Quill Ada", family_first=True) == "Quill"


def test_ao3_disambiguation_is_no_part_of_the_name() -> None:
    assert person_words.family_name("Helix - Character") is None
    assert person_words.family_name("Undyne (Undertale)") is None
    assert person_words.family_name("Ada Quill (Cogworks)") == "Quill"
    assert person_words.family_name("Bram Stoker-Vane") == "Stoker-Vane"  # a hyphen inside a name stays
    assert person_words.without_disambiguation("Undyne (Undertale)") == "Undyne"


def test_family_names_of_a_character_skip_given_names_and_married_names_by_birth() -> None:
    aliases = ["Ada", "Miss Ada", "Mrs. Bram Vane", "Ada Quill (Cogworks)"]
    assert person_words.family_names("Ada Quill", aliases) == {"quill", "vane"}
    assert person_words.family_names("Ada Quill", aliases, birth_only=True) == {"quill"}
