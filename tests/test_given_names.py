from __future__ import annotations

from fandex import given_names


def test_common_names_have_their_usual_gender() -> None:
    assert given_names.gender_of("Nadia") == "F"
    assert given_names.gender_of("Rosa") == "F"
    assert given_names.gender_of("hannah") == "F"
    assert given_names.gender_of("Marcus") == "M"
    # Continental forms met in English novels of travel.
    assert given_names.gender_of("Eugenio") == "M"
    assert given_names.gender_of("Antony") == "M"
    assert given_names.gender_of("Mordecai") == "M"


def test_names_given_to_either_gender_tell_nothing() -> None:
    for name in ("Alex", "Sam", "Jordan", "Robin", "Jean"):
        assert given_names.gender_of(name) == "U"
    assert given_names.is_given_name("Sam")


def test_unknown_words_are_not_given_names() -> None:
    assert given_names.gender_of("Orlaith") == "U"
    assert not given_names.is_given_name("Midsummer")
    assert not given_names.is_given_name("Roman")


def test_no_name_is_listed_as_both_female_and_male() -> None:
    assert not given_names.FEMALE & given_names.MALE
