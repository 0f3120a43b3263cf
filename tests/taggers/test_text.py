from __future__ import annotations

import pytest

from fandex.taggers.text import CueSet, cue_set, folded, negated, sentences


def test_folding_keeps_every_offset() -> None:
    text = "İstanbul KISSED Ünal"
    assert len(folded(text)) == len(text)
    assert folded("He KISSED her") == "he kissed her"


def test_cues_are_found_regardless_of_case_and_only_as_whole_words() -> None:
    hits = list(
        cue_set("relationship", "romantic").find("They KISSED. A kissing-booth. Unkissed. Dismissed.")
    )
    assert [h.group for h in hits] == ["kiss"]


def test_the_indexed_scan_finds_what_a_plain_scan_finds() -> None:
    text = "He kissed her deeply, a fiery and hungry kiss, and said he was in love. The blood ran. Damn it."
    for keys in (("sex",), ("violence",), ("language",), ("relationship", "romantic")):
        cues = cue_set(*keys)
        plain = [(m.start(), m.end()) for m in cues.pattern.finditer(folded(text))]
        assert [(h.start, h.end) for h in cues.find(text)] == plain, keys


def test_a_cue_set_outside_the_lexicon_still_works() -> None:
    cues = CueSet({"custom": (0.5, ["zorblax"])})
    assert [(h.group, h.weight) for h in cues.find("A Zorblax appeared.")] == [("custom", 0.5)]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("We are not dating.", "dating", True),
        ("We aren't really in love.", "in love", True),
        ("There is no smoochies anything.", "smoochies", True),
        ("You could talk about nothing and I'd still love you.", "love you", False),
        ("They were dating.", "dating", False),
    ],
)
def test_negation_stands_a_few_words_before_the_cue(text: str, word: str, expected: bool) -> None:
    assert negated(text, text.index(word)) is expected


def test_sentences_do_not_end_at_honorifics_or_initials() -> None:
    text = '"Someone," Mrs. Hudson said. J. Smith left! Then silence.'
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        '"Someone," Mrs. Hudson said.',
        "J. Smith left!",
        "Then silence.",
    ]
