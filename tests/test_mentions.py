from __future__ import annotations

from fandex.mentions import find_name_mentions, name_pattern, quoted_spans
from fandex.work import Character


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_spans(text)]


def test_straight_quotes_alternate_and_cover_their_marks() -> None:
    text = 'Pia said "hello there" and then "goodbye" quietly.'
    assert _quoted(text) == ['"hello there"', '"goodbye"']


def test_curly_quotes_face_their_way() -> None:
    text = "“Wait,” Omar called. “Wait for me!”"
    assert _quoted(text) == ["“Wait,”", "“Wait for me!”"]


def test_a_missing_closing_mark_spoils_one_paragraph_only() -> None:
    text = '"Where did it go? Omar asked.\n\nThe rain kept on. "Inside," said Pia.'
    spans = _quoted(text)
    assert spans[0] == '"Where did it go? Omar asked.'
    assert spans[1] == '"Inside,"'
    assert "The rain kept on." not in "".join(spans)


def test_asterisk_thoughts_count_as_quoted() -> None:
    text = "Pia frowned. * I should have left * she thought."
    assert _quoted(text) == ["* I should have left *"]


def test_spans_are_limited_to_the_range_asked() -> None:
    text = '"one" then "two"'
    assert [text[a:b] for a, b in quoted_spans(text, start=6)] == ['"two"']


def test_name_pattern_prefers_the_longest_alias_and_whole_words() -> None:
    pattern = name_pattern(["Ann", "Ann Lee"])
    assert pattern is not None
    assert [m.group() for m in pattern.finditer("Ann Lee met Anna and Ann.")] == ["Ann Lee", "Ann"]


def test_an_alias_two_characters_share_goes_to_neither() -> None:
    cast = [
        Character(id="a", name="Mr. Dunn", aliases=["Dunn"]),
        Character(id="b", name="Mrs. Dunn", aliases=["Dunn"]),
    ]
    found = find_name_mentions("Mr. Dunn waved; Dunn smiled.", cast)
    assert [(m.start, m.character) for m in found] == [(0, "a"), (16, None)]


def test_possessives_name_the_character_but_longer_words_do_not() -> None:
    pattern = name_pattern(["Xander", "O"])
    assert pattern is not None
    text = "Xander's car, Xander’s keys, O'Neil and O."
    assert [(m.start(), m.group()) for m in pattern.finditer(text)] == [
        (0, "Xander"),
        (14, "Xander"),
        (40, "O"),
    ]


def test_a_name_after_an_opening_single_quote_is_found_but_not_inside_a_word() -> None:
    pattern = name_pattern(["Scott", "Neil"])
    assert pattern is not None
    text = "'Scott says hi,' she said. ‘Neil?’ O'Neil and d’Neil were out."
    assert [m.group() for m in pattern.finditer(text)] == ["Scott", "Neil"]


def test_a_name_is_found_without_its_accents_or_with_them_lost_and_with_either_case_of_particle() -> None:
    cast = [Character(id="m", name="Amélie Du Pré", aliases=["Madame Du Pré"])]
    text = "Amélie Du Pré sat. Amelie du Pre stood. Am?lie du Pr? left. Madame du Pr? waved. Du Pré ran."
    found = find_name_mentions(text, cast)
    assert [(text[m.start : m.end], m.character) for m in found] == [
        ("Amélie Du Pré", "m"),
        ("Amelie du Pre", "m"),
        ("Am?lie du Pr?", "m"),
        ("Madame du Pr?", "m"),
    ]
