"""Dialogue: quotes and thoughts, each with its speaker (and addressee) or thinker.

Everything here is rules and compiled regexes, run paragraph by paragraph; no parser touches the
text. Two passes:

1. Finding: the quotation convention of the work is decided once (double quotes, British single
   quotes or em-dash paragraphs), then each paragraph is scanned for its quotes and for asterisk
   thoughts. Quotes left open at a paragraph's end continue into the next paragraph when that one
   opens with a quote mark (the multi-paragraph speech convention).
2. Attribution, in reading order: a speech tag next to the quote (a name, a pronoun or an epithet
   with a speech verb, in either order), then the tag of another quote in the same paragraph, the
   continuation of an open speech, an action beat in the paragraph's narration, and finally
   turn-taking: the speakers of a conversation's untagged lines are decoded for the whole
   conversation at once (fandex.conversation), anchored on every tag, both ways.

The submodules, in pipeline order:

- lexicon: general English (speech and thought verbs, pronouns, non-subjects), the tag regexes
  shared by finding and attribution, and quote marks.
- quotes: paragraphs, the quotation convention, quote marks, em-dash lines, given quote spans,
  continuations across paragraphs.
- context: the reading context (_Context): mentions in order, cast descriptions, rank titles,
  the narrator.
- subjects: who a subject, pronoun, description or relative is; vocatives; action beats.
- speech_tags: a speech tag after or before a quote, and the rereading of pronoun tags.
- turn_taking: attribution in reading order and turn-taking (silent turns, idiolects, the decoding
  of a conversation's untagged lines; the Viterbi itself is fandex.conversation).
- thoughts: asterisk and italic thoughts, and their thinkers.
"""

from __future__ import annotations

from fandex.dialogue.context import _make_context
from fandex.dialogue.quotes import (
    _Found,
    _given_quotes,
    _link_continuations,
    _paragraphs,
    _quote_mode,
    _scan_paragraph,
)
from fandex.dialogue.thoughts import _asterisk_thoughts, _attribute_thoughts, _italic_thoughts
from fandex.dialogue.turn_taking import _attribute
from fandex.options import Options
from fandex.work import Quote, Thought, Work

__all__ = ["find_dialogue"]


def find_dialogue(work: Work, options: Options) -> None:
    """Add the quotes and thoughts layers."""
    paras = _paragraphs(work)
    if not paras:
        work.quotes, work.thoughts = [], []
        return
    if options.quotes is not None:
        found = _given_quotes(work.text, paras, options.quotes)
        asterisks: list[_Found] = []
    else:
        mode = _quote_mode(work.text, paras)
        found = []
        asterisks = []
        for index, para in enumerate(paras):
            quotes = _scan_paragraph(work.text, para, index, mode)
            found.extend(quotes)
            asterisks.extend(_asterisk_thoughts(work.text, para, index, quotes))
        _link_continuations(work.text, paras, found)
    context = _make_context(work, found)
    _attribute(work, paras, found, context)
    thoughts = [f for f in found if f.thought] + asterisks + _italic_thoughts(work, paras, found)
    _attribute_thoughts(work, paras, thoughts, found, context)
    # With given spans the caller wants every span back as a quote, thought-tagged or not.
    keep_as_quote = options.quotes is not None
    work.quotes = [
        Quote(f.start, f.end, f.speaker, f.addressee, f.cue, round(f.confidence, 2))  # type: ignore[arg-type]
        for f in found
        if keep_as_quote or not f.thought
    ]
    work.thoughts = sorted(
        (Thought(t.start, t.end, t.speaker, t.marker) for t in thoughts),  # type: ignore[arg-type]
        key=lambda t: t.start,
    )
