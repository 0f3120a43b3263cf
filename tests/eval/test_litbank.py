"""LitBank's tokenised text turned back into prose, with every token's offsets kept."""

from __future__ import annotations

from fandex.eval.litbank import detokenise


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
