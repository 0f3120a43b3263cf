from __future__ import annotations

import random
import sys

import jsonschema
import pytest

from fandex.work import Character, Evidence, Paragraph, Quote, Span, Tag, Work, _to_plain, count_words
from fandex.writers import json as json_writer


def _sample_work() -> Work:
    text = 'Title: Test\n\n"Hello," said Ann.\n'
    work = Work(text=text, source="t.txt", source_format="text")
    work.metadata.title = "Test"
    work.metadata.authors = ["Me"]
    work.metadata.body_start = 13
    work.paragraphs.append(Paragraph(13, len(text) - 1))
    work.characters.append(Character(id="c1", name="Ann", aliases=["Annie"], gender="F", mentions=1))
    work.quotes.append(Quote(14, 20, speaker="c1", cue="explicit"))
    work.tags.append(Tag(kind="rating", value="General Audiences", evidence=[Evidence(13, 20, "no sex")]))
    return work


def test_text_is_set_once() -> None:
    work = Work(text="abc")
    with pytest.raises(AttributeError):
        work.text = "other"


def test_json_round_trip_is_lossless() -> None:
    work = _sample_work()
    again = json_writer.loads(json_writer.dumps(work))
    assert again == work
    assert again.quotes[0].speaker == "c1"
    assert isinstance(again.tags[0].evidence[0], Evidence)


def test_quote_text_is_in_the_json() -> None:
    data = _sample_work().to_dict()
    assert data["quotes"][0]["text"] == "Hello,"


def test_document_matches_the_schema() -> None:
    jsonschema.validate(_sample_work().to_dict(), json_writer.schema())


def test_a_document_written_before_the_notes_layer_is_still_valid_and_loads() -> None:
    data = _sample_work().to_dict()
    del data["notes"]
    jsonschema.validate(data, json_writer.schema())
    assert Work.from_dict(data).notes == []
    del data["quotes"]  # a layer of the first documents stays required
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_writer.schema())


def test_schema_rejects_a_malformed_document() -> None:
    data = _sample_work().to_dict()
    data["quotes"][0]["start"] = "fourteen"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_writer.schema())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Well -- it's 3 o'clock...", 4),  # "--" is not a word
        ("“Yes!” — _x_ ... ___", 2),  # “Yes!” and _x_; an underscore alone is no letter
        ("٣ café ¿qué? ½ ² … 'tis", 6),  # digits and numbers of every script count; "…" does not
        ("a\u00a0b\u2028c\x1cd", 4),  # every Unicode blank separates words
        ("a\u200bb", 1),  # a zero-width space is not a blank
        ("", 0),
        ("  \n\t ", 0),
        ("- – — ! ? * ~", 0),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def _count_words_token_by_token(text: str) -> int:
    """The rule count_words implements: a blank-separated token is a word if it has a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def test_count_words_agrees_with_the_token_rule_for_every_character() -> None:
    # Every code point alone (is it a letter or digit?) and between two dashes (is it a blank?).
    for first in range(0, sys.maxunicode + 1, 64):
        characters = [chr(code) for code in range(first, min(first + 64, sys.maxunicode + 1))]
        alone = " ".join(characters)
        assert count_words(alone) == _count_words_token_by_token(alone), hex(first)
        between_dashes = "".join(f"-{ch}-" for ch in characters) + "x"
        assert count_words(between_dashes) == _count_words_token_by_token(between_dashes), hex(first)


def test_count_words_agrees_with_the_token_rule_on_random_text() -> None:
    pieces = [*"…_٣é½ \n\u00a0\t—'“", "word", "it's", "--", "...", " "]
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert count_words(text) == _count_words_token_by_token(text), repr(text)


def test_to_plain_gives_each_class_its_own_fields() -> None:
    # The field names are remembered per class: a subclass must not get its base class's fields.
    assert _to_plain([Span(1, 2), Quote(3, 4, speaker="c1"), {"k": Paragraph(5, 6)}]) == [
        {"start": 1, "end": 2},
        {"start": 3, "end": 4, "speaker": "c1", "addressee": None, "cue": None, "confidence": 0.0},
        {"k": {"start": 5, "end": 6}},
    ]
    assert _to_plain(Span) is Span  # a class is not an item
