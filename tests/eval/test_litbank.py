"""LitBank's tokenised text turned back into prose, with every token's offsets kept."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from fandex.eval.litbank import _map_by_name, _narrator_chain, detokenise
from fandex.work import Character


def test_prose_from_tokens_keeps_token_offsets() -> None:
    sentences = [
        ["The", "door", "opened", "."],
        ['"', "Who", "'s", "there", "?", '"', "asked", "Mara", "."],
        ["Nobody", "answered", "."],
        ['"', "Hello", "?", '"'],
        ["Still", "nothing", "."],
    ]
    text, offsets = detokenise(sentences)
    # a sentence opening a quote starts a paragraph, and so does one after a closed quote
    assert (
        text
        == 'The door opened.\n\n"Who\'s there?" asked Mara. Nobody answered.\n\n"Hello?"\n\nStill nothing.'
    )
    for tokens, spans in zip(sentences, offsets, strict=True):
        for token, (start, end) in zip(tokens, spans, strict=True):
            assert text[start:end] == token


def test_a_tag_split_off_after_a_closed_quote_stays_in_its_paragraph() -> None:
    # the tokeniser ended the sentence at "!": the lower-case "sighed Meg." after the quote is
    # its tag, not a new paragraph; a capitalised sentence after a quote still starts one
    sentences = [
        ['"', "How", "dreadful", "!", '"'],
        ["sighed", "Meg", "."],
        ['"', "Quite", "so", ".", '"'],
        ["Nobody", "answered", "."],
    ]
    text, offsets = detokenise(sentences)
    assert text == '"How dreadful!" sighed Meg.\n\n"Quite so."\n\nNobody answered.'
    for tokens, spans in zip(sentences, offsets, strict=True):
        for token, (start, end) in zip(tokens, spans, strict=True):
            assert text[start:end] == token


def test_a_quote_after_a_tag_sentence_goes_on_unless_it_reads_as_an_answer() -> None:
    # LitBank keeps no paragraphs: after `"...," said Tomas.` a long quote is Tomas going on in
    # the same paragraph, while one after a question, opening with an answer word or with a tag of
    # its own, is a reply
    sentences = [
        ['"', "The", "river", "is", "high", ",", '"', "said", "Tomas", "."],
        ['"', "We", "shall", "wait", "until", "the", "morning", "."],
        ["Then", "we", "cross", ".", '"'],
        ['"', "Is", "the", "ford", "safe", "?", '"', "said", "Ilse", "."],
        ['"', "It", "was", "safe", "for", "the", "miller", "last", "week", ".", '"'],
        ['"', "Go", "home", ",", '"', "said", "Tomas", "."],
        ['"', "No", ",", "I", "will", "stay", "here", "with", "you", ".", '"'],
        ['"', "Then", "I", "shall", "stay", "too", ",", '"', "said", "Tomas", "."],
        ['"', "The", "boat", "is", "ready", "for", "us", "both", ",", '"', "sighed", "Ilse", "."],
    ]
    text, offsets = detokenise(sentences)
    assert text == (
        '"The river is high," said Tomas. "We shall wait until the morning. Then we cross."'
        '\n\n"Is the ford safe?" said Ilse.\n\n"It was safe for the miller last week."'
        '\n\n"Go home," said Tomas.\n\n"No, I will stay here with you."'
        # (a quote with a tag of its own is a new turn)
        '\n\n"Then I shall stay too," said Tomas.\n\n"The boat is ready for us both," sighed Ilse.'
    )
    for tokens, spans in zip(sentences, offsets, strict=True):
        for token, (start, end) in zip(tokens, spans, strict=True):
            assert text[start:end] == token


def test_i_and_a_verb_after_a_question_is_the_narrators_tag() -> None:
    # the tokeniser ends the sentence at the quote's "?", so `I asked.` comes as a sentence of
    # its own; it is the narrator's tag and stays with the quote, while after a quote that ended
    # on a full stop `I ...` is narration that starts a paragraph of its own
    sentences = [
        ['"', "Where", "is", "the", "key", "?", '"'],
        ["I", "asked", "."],
        ['"', "Gone", ".", '"'],
        ["I", "left", "the", "room", "."],
    ]
    text, _ = detokenise(sentences)
    assert text == '"Where is the key?" I asked.\n\n"Gone."\n\nI left the room.'


def test_a_work_that_quotes_with_single_marks_gets_its_paragraphs() -> None:
    # with no double marks in sight, ‘...’ and '...' are the speeches (a lone ' after a word is
    # an apostrophe, spaced as the tokens were); an aside in brackets after a quote stays in the
    # quote's paragraph
    sentences = [
        ["The", "girls", "'", "dog", "barked", "."],
        ["‘", "Quiet", ",", "Rex", "!", "’"],
        ["(", "Rex", "was", "the", "dog", ".", ")"],
        ["'", "Why", "?", "'"],
        ["‘", "Because", ".", "’"],
    ]
    text, offsets = detokenise(sentences)
    assert text == ("The girls ' dog barked.\n\n‘Quiet, Rex!’ (Rex was the dog.)\n\n'Why?'\n\n‘Because.’")
    for tokens, spans in zip(sentences, offsets, strict=True):
        for token, (start, end) in zip(tokens, spans, strict=True):
            assert text[start:end] == token


def test_a_quote_of_three_words_after_a_tag_sentence_goes_on() -> None:
    # `"Stay here," said Tomas. "I shall return."`: three words are enough to go on; two ("Quite
    # so.") read as an answer
    sentences = [
        ['"', "Stay", "here", ",", '"', "said", "Tomas", "."],
        ['"', "I", "shall", "return", ".", '"'],
    ]
    text, _ = detokenise(sentences)
    assert text == '"Stay here," said Tomas. "I shall return."'


def _person(id_: str, name: str, aliases: list[str] | None = None, gender: str = "U") -> Character:
    return Character(id=id_, name=name, aliases=aliases or [], gender=gender)  # type: ignore[arg-type]


def test_our_characters_map_to_gold_ones_by_name_title_article_or_narration() -> None:
    gold = [
        _person("rolfe", "John Rolfe", gender="M"),
        _person("convict", "convict", gender="M"),
        _person("pontifex", "Pontifex", ["Mr. Pontifex"], gender="M"),
        _person("durbeyfield", "Durbeyfield", ["Sir John"], gender="M"),
        _person("pip", "Pip", gender="M"),
    ]
    gold[-1].narrator = True
    ours = [
        _person("c1", "Master John Rolfe", gender="M"),
        _person("c2", "The Convict"),
        _person("c3", "Mrs Pontifex", gender="F"),
        _person("c4", "King John", gender="M"),
        Character(id="c5", name="Narrator", narrator=True),
        _person("c6", "Pip"),
    ]
    assert _map_by_name(ours, gold) == {"c1": "rolfe", "c2": "convict", "c5": "pip", "c6": "pip"}


def test_the_narrator_is_the_speaker_saying_i_most_outside_the_quotes() -> None:
    sentences = [
        ["I", "met", "Holmes", "."],
        ['"', "I", "am", "busy", ",", '"', "said", "he", "."],
        ["I", "sat", "down", "and", "I", "waited", "."],
    ]
    text, offsets = detokenise(sentences)
    quote = (offsets[1][1][0], offsets[1][4][1])
    rows = [
        "T1\tWatson-1 0 1\tI",  # characters of the tokens joined by spaces, lines by breaks
        "T2\tPRON_PER 0 1\tI",
        "T3\tHolmes-2 17 18\tI",
        "T4\tWatson-1 41 42\tI",
        "T5\tWatson-1 56 57\tI",
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "work_brat.ann"
        path.write_text("\n".join(rows), encoding="utf-8")
        assert text.startswith("I met Holmes.")
        assert _narrator_chain(path, sentences, offsets, [quote], {"Watson-1", "Holmes-2"}) == "Watson-1"
        assert _narrator_chain(path, sentences, offsets, [quote], {"Holmes-2"}) is None


def test_a_description_of_ours_maps_to_the_nameless_gold_speaker_worded_so() -> None:
    gold = [_person("voice", "a rough voice", gender="M"), _person("dick", "Dick", gender="M")]
    wordings = {"voice": Counter({"a rough voice": 1, "the man": 4})}  # only nameless speakers
    ours = [_person("c1", "The Man", gender="M"), _person("c2", "The Boy", gender="M")]
    assert _map_by_name(ours, gold, wordings) == {"c1": "voice"}
