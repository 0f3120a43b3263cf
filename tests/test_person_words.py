"""person_words: which word of a name is the family name; the one table of person nouns every stage reads."""

from __future__ import annotations

import pytest

from fandex import characters, person_words, relationships, salience
from fandex.dialogue import context, lexicon, subjects


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


def test_table_rows_give_titles_familiar_words_and_phrases() -> None:
    nouns = person_words._read_table(
        """
        parent   M   father+ dad~
        person   F   old_woman
        address  F   mrs
        role     F?  nurse
        """
    )
    assert nouns["father"] == person_words.PersonNoun("father", "M", "parent", title=True, familiar=False)
    assert nouns["dad"].familiar and not nouns["dad"].title
    assert nouns["old woman"].kind == "person"
    assert nouns["mrs"].title  # an address is always a title
    assert (nouns["nurse"].plain_gender, nouns["nurse"].likely_gender) == ("U", "F")


def test_a_word_twice_in_the_table_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="twice"):
        person_words._read_table("parent M father\nrank U father+")


def test_an_unknown_kind_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="kind"):
        person_words.nouns_of_kinds(["parents"])


def test_every_stage_takes_its_person_words_from_the_one_table() -> None:
    table = person_words.PERSON_NOUNS

    def stated(word: str) -> str:
        return table[word].plain_gender

    assert {w: stated(w) for w, noun in table.items() if noun.title} == person_words.HONORIFICS
    assert all(person_words.EPITHET_NOUNS[w] == stated(w) for w in person_words.EPITHET_NOUNS)
    # the dialogue stage takes a lean as the gender: "the nurse" narrows a choice to women
    assert all(g == table[w].likely_gender for w, g in lexicon.EPITHET_GENDER.items())
    assert all(table[w].gender.rstrip("?") in ("M", "F") for w in lexicon.EPITHET_GENDER)
    assert {
        w: stated(w) for w, noun in table.items() if noun.kind in person_words.KIN_KINDS
    } == relationships._FAMILY_WORD_GENDER
    assert {w for w, noun in table.items() if noun.kind in person_words.KIN_KINDS} >= characters._KIN_WORDS
    for word, gender in context._TITLE_GENDER.items():
        assert table[word].title and gender == (None if stated(word) == "U" else stated(word))
    assert (
        set(subjects._ADULT_NOUNS) | {w[4:] for ws in subjects._CHILD_NOUNS.values() for w in ws}
        <= table.keys()
    )
    for word, title in subjects._FAMILY_TITLE.items():
        assert title == (
            person_words.MARRIED_TITLE[stated(word)] if table[word].kind in ("parent", "spouse") else None
        )
    assert subjects._FAMILY_TITLE.keys() >= subjects._BLOOD_RELATIVES


def test_a_word_s_gender_agrees_in_every_stage() -> None:
    stages = [
        person_words.HONORIFICS,
        person_words.EPITHET_NOUNS,
        lexicon.EPITHET_GENDER,
        relationships._FAMILY_WORD_GENDER,
    ]
    for word in {w for stage in stages for w in stage}:
        genders = {stage[word] for stage in stages if word in stage} - {"U"}
        assert len(genders) <= 1, (word, genders)
    assert lexicon.EPITHET_GENDER["nurse"] == "F" and person_words.HONORIFICS["nurse"] == "U"


def test_the_selections_hold_the_words_each_stage_expects() -> None:
    # hand-checked: a standard family word, not a familiar one, picks a relative by family name
    assert subjects._FAMILY_TITLE == {
        "father": "mr",
        "mother": "mrs",
        "husband": "mr",
        "wife": "mrs",
        "brother": None,
        "sister": None,
        "son": None,
        "daughter": None,
    }
    assert {"father", "mother", "brother", "sister"} == subjects._BLOOD_RELATIVES
    assert {"mum", "mamma", "grandpa", "aunt"} <= characters._KIN_WORDS
    assert not {"sister", "son", "cousin"} & characters._KIN_WORDS
    assert "mr" not in lexicon.EPITHET_GENDER and "mr" in person_words.HONORIFICS
    assert "dad" not in person_words.EPITHET_NOUNS and "maid" not in person_words.EPITHET_NOUNS
    assert person_words.EPITHET_NOUNS["red head"] == "U" and person_words.EPITHET_NOUNS["blond"] == "M"
    assert {"husband", "wife", "boyfriend", "girlfriend", "partner", "lover"} == salience._PARTNER_NOUNS
    assert {"friend", "best friend"} == salience._FRIEND_NOUNS
    assert {
        "man",
        "woman",
        "gentleman",
        "gent",
        "lady",
        "guy",
        "fellow",
        "bloke",
        "chap",
    } == subjects._ADULT_NOUNS
    assert subjects._CHILD_NOUNS["F"] == ("the girl", "the lass", "the child", "the teenager")
    assert context._TITLE_GENDER["madame"] == "F" and context._TITLE_GENDER["captain"] is None
    assert context._TITLE_GENDER["frau"] == "F" and context._TITLE_GENDER["senor"] == "M"
    # family words, royal ones and offices are no title before a surname here
    assert not {"uncle", "queen", "inspector"} & context._TITLE_GENDER.keys()
