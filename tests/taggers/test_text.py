from __future__ import annotations

import random
import re
import re._parser as _regex_parser

import pytest

from fandex.taggers.text import (
    CueSet,
    _CueIndex,
    _lexicon_fragments,
    _prefixes,
    cue_set,
    cue_starts,
    folded,
    likened,
    negated,
    sentences,
    word_named,
)


def test_folding_keeps_every_offset() -> None:
    text = "İstanbul KISSED Ünal"
    assert len(folded(text)) == len(text)
    assert folded("He KISSED her") == "he kissed her"


def test_cues_are_found_regardless_of_case_and_only_as_whole_words() -> None:
    hits = list(
        cue_set("relationship", "romantic").find("They KISSED. A kissing-booth. Unkissed. Dismissed.")
    )
    assert [h.group for h in hits] == ["kiss"]


def test_a_markdown_escaped_hyphen_joins_words_like_a_hyphen() -> None:
    # Markdown exports write "stoned-looking" as "stoned\\-looking": still one word, no drug cue.
    cues = cue_set("drugs")
    assert [h.group for h in cues.find("A stoned\\-looking kid helped her.")] == []
    assert [h.group for h in cues.find("A stoned-looking kid helped her.")] == []
    assert [h.group for h in cues.find("The kid was stoned.")] == ["hard"]


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


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The words hit her like a punch to the gut.", "punch", True),
        ("She clutched her chest like she'd been mortally wounded.", "wounded", True),
        ("He felt as if he had been stabbed.", "stabbed", True),
        ("I'd like to punch him.", "punch", False),  # a wish, not a simile
        ("She looked like a ghost. Then Buffy punched him.", "punched", False),  # another sentence
        ("Buffy punched him.", "punched", False),
    ],
)
def test_a_simile_stands_a_few_words_before_the_cue(text: str, word: str, expected: bool) -> None:
    assert likened(text, text.index(word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("La petite mort is a metaphor for orgasm.", "orgasm", True),
        ("Snow is slang for cocaine.", "cocaine", True),
        ("There is no English word for the feeling.", "feeling", True),
        ("She had an orgasm.", "orgasm", False),
        ("He asked for cocaine.", "cocaine", False),
    ],
)
def test_a_word_explained_is_named_not_used(text: str, word: str, expected: bool) -> None:
    assert word_named(text, text.index(word)) is expected


def test_sentences_do_not_end_at_honorifics_or_initials() -> None:
    text = '"Someone," Mrs. Hudson said. J. Smith left! Then silence.'
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        '"Someone," Mrs. Hudson said.',
        "J. Smith left!",
        "Then silence.",
    ]


def _cue_starts_by_one_alternation(text: str) -> list[int]:
    """The plain way to find where cues begin: every cue tried at every place, in one regex."""
    cues = "|".join(sorted(_lexicon_fragments()))
    pattern = re.compile(rf"(?<![\w’'-])(?=(?:{cues})(?![\w-]))")
    return [match.start() for match in pattern.finditer(folded(text))]


_HANDWRITTEN_TEXTS = [
    "",
    "Nothing here but a quiet afternoon and tea.",
    "He KISSED her. A kissing-booth. Unkissed. Dismissed. Kiss",  # ends on a cue
    "She broke his neck, then cried; the blood-soaked blanket, a blanket, bloodstained bones cracked.",
    "Her fiancée and his fiance came home to him; they were dating, dated, not dating at all.",
    "İstanbul was where he hugged her: İ and ß and ﬁ change length when folded; hug him anyway.",
    "Damn-it, damnation! 'Damn,' he said. \"Fuck.\" Shit-faced. The fix-it fic. A fix it.",
    "Their lips met. Our anniversary. Their morning routine: held her hands, holding him.",
    "in love\nin\nlove kiss\u00a0kiss kiss’s kiss's -kiss kiss- _kiss kiss_ 3kiss",
    "The vampire's corpse, the 's corpse and Spike's funeral; wiped away her tears.",
]


@pytest.mark.parametrize("text", _HANDWRITTEN_TEXTS)
def test_cue_starts_are_where_the_plain_alternation_finds_cues(text: str) -> None:
    assert cue_starts(text) == _cue_starts_by_one_alternation(text)


def test_cue_starts_on_random_mixes_of_lexicon_words_match_the_plain_alternation() -> None:
    # Words taken from the cues themselves, joined by every kind of separator that matters at a
    # word's edge, so that many multi-word cues, prefixes and near misses occur.
    words = sorted({w for fragment in _lexicon_fragments() for w in re.findall(r"[a-z]{2,}", fragment)})
    separators = [" ", " ", " ", "-", "'", "’", ", ", ". ", "\n", "_", "s ", "ed ", "ing "]
    rng = random.Random(7)
    for _ in range(30):
        pieces = []
        for _ in range(400):
            word = rng.choice(words)
            pieces.append(word.upper() if rng.random() < 0.05 else word)
            pieces.append(rng.choice(separators))
        text = "".join(pieces)
        expected = _cue_starts_by_one_alternation(text)
        assert len(expected) > 20  # the mix does contain cues
        assert cue_starts(text) == expected


def test_cue_starts_answers_for_the_text_asked_about_when_texts_alternate() -> None:
    first, second = "They kissed and hugged.", "No cue at all here."
    assert cue_starts(first) == [5, 16]
    assert cue_starts(second) == []
    assert cue_starts(first) == [5, 16]


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        ("a", {("a", True)}),
        ("kiss(?:es|ed)?", {("kis", False)}),
        (r"(?:a )?blank\w*", {("a b", False), ("bla", False)}),
        ("[ée]x", {("ex", True), ("éx", True)}),
        (r"(?:deep|hungry)\W+kiss", {("dee", False), ("hun", False)}),
        (r"\w+ing", {("", False)}),  # could begin with anything
        ("(?=x)ab", {("ab", True)}),  # a lookahead adds no characters
        ("x{2,}y", {("x", False)}),
        ("(?:so )?be", {("so ", False), ("be", True)}),
    ],
)
def test_prefixes_are_what_every_match_of_a_cue_begins_with(
    regex: str, expected: set[tuple[str, bool]]
) -> None:
    assert _prefixes(_regex_parser.parse(regex), 3) == expected


def test_a_cue_that_ignores_case_is_tried_everywhere() -> None:
    index = _CueIndex(frozenset({"(?i:zorb)", "kiss"}))
    assert index.starts("a zorb, the ZORB") == [2, 12]
