"""Thoughts: asterisk and italic thoughts found in the narration, and each thought's thinker."""

from __future__ import annotations

import bisect
import re

from fandex.dialogue.context import _Context, _Conversation, _in_quote, _mentions_between, _Subject
from fandex.dialogue.lexicon import (
    _ASTERISK_THOUGHT,
    _TAG_SUBJ_VERB,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    THOUGHT_VERBS,
)
from fandex.dialogue.quotes import _Found, _Para
from fandex.dialogue.speech_tags import _match_after
from fandex.dialogue.subjects import _INNER_NOUNS, _by_gender, _resolve_subject
from fandex.work import Work


def _asterisk_thoughts(text: str, para: _Para, index: int, quotes: list[_Found]) -> list[_Found]:
    thoughts = []
    for match in _ASTERISK_THOUGHT.finditer(text, para.start, para.end):
        if any(q.outer_start <= match.start() < q.outer_end for q in quotes):
            continue
        thoughts.append(
            _Found(
                match.start(1),
                match.end(1),
                match.start(),
                match.end(),
                index,
                thought=True,
                marker="asterisk",
            )
        )
    return thoughts


def _italic_thoughts(work: Work, paras: list[_Para], quotes: list[_Found]) -> list[_Found]:
    """Italic runs that are thoughts: tagged by a thought verb, or a whole sentence of inner voice."""
    if not work.emphasis:
        return []
    text = work.text
    starts = [p.start for p in paras]
    quote_starts = [q.outer_start for q in quotes]
    thoughts = []
    for run in work.emphasis:
        if run.kind != "italic" or run.end - run.start < 3:
            continue
        k = bisect.bisect_right(quote_starts, run.start) - 1
        if k >= 0 and quotes[k].outer_start <= run.start < quotes[k].outer_end:
            continue  # emphasis inside speech
        index = bisect.bisect_right(starts, run.start) - 1
        if index < 0 or run.start >= paras[index].end:
            continue
        para = paras[index]
        words = text[run.start : run.end]
        after = text[run.end : para.end]
        tag = _TAG_SUBJ_VERB.match(after.lstrip(" ,\"'”’*_"))
        tagged = tag is not None and tag.group("verb").lower() in THOUGHT_VERBS
        before = text[para.start : run.start].rstrip()
        sentence_start = not before or before[-1] in '.!?:"”'
        inner_voice = (
            sentence_start
            and len(words.split()) >= 3
            and (
                re.search(r"\b(?:I|me|my|I'm|I’m|we|us)\b", words) is not None or words.rstrip().endswith("?")
            )
        )
        if tagged or inner_voice:
            found = _Found(run.start, run.end, run.start, run.end, index, thought=True, marker="italic")
            thoughts.append(found)
    return thoughts


def _attribute_thoughts(
    work: Work,
    paras: list[_Para],
    thoughts: list[_Found],
    quotes: list[_Found],
    context: _Context,
) -> None:
    """A thinker for each thought: its tag (`* ... * she thought`, `* ... * his brain roared`),
    else whoever the paragraph is about (its opening subject, else the first character named)."""
    text = work.text
    quote_starts = [q.start for q in quotes]
    for thought in sorted(thoughts, key=lambda t: t.start):
        if thought.speaker:
            continue
        para = paras[thought.para]
        # salience for a pronoun thinker: the speakers and names of the last few paragraphs
        conversation = _Conversation()
        window_start = paras[max(0, thought.para - 3)].start
        first = bisect.bisect_left(quote_starts, window_start)
        last = bisect.bisect_left(quote_starts, thought.start)
        conversation.salient = [(q.para, q.speaker) for q in quotes[first:last] if q.speaker]
        for mention in _mentions_between(context, window_start, thought.outer_start):
            if mention.character and not _in_quote(context, mention.start):
                conversation.salient.append((thought.para, mention.character))
        after = text[thought.outer_end : para.end]
        subject, verb, _, _ = _match_after(after, thought.outer_end)
        if subject is not None and (
            verb in THOUGHT_VERBS or verb in SPEECH_VERBS or thought.marker == "asterisk"
        ):
            words = subject.phrase.lower().split()
            if len(words) == 2 and words[0] in ("his", "her") and words[1] in _INNER_NOUNS:
                # `His brain roared`: the owner of the brain thinks
                subject = _Subject(None, "pronoun", "he" if words[0] == "his" else "she", subject.start)
            thinker = _resolve_subject(text, subject, thought, context, conversation, thought.para)
            if thinker:
                thought.speaker = thinker
                continue
        opening = re.match(r"\s*(He|She)\b", text[para.start : thought.outer_start])
        if opening:
            gender = PRONOUN_GENDER[opening.group(1).lower()]
            thinker = _by_gender(gender, context, conversation, thought.para, thought, text, para.start)
            if thinker:
                thought.speaker = thinker
                continue
        narration = [
            m
            for m in _mentions_between(context, para.start, para.end)
            if m.character and not _in_quote(context, m.start)
        ]
        if narration:
            thought.speaker = narration[0].character
        elif conversation.salient:
            thought.speaker = conversation.salient[-1][1]
