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
