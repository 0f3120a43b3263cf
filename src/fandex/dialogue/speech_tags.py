"""Speech tags: a subject and a speech verb next to a quote, after it (`said Mara`) or before it
(`Mara said:`), and the later rereading of pronoun tags once the voice is known.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fandex.dialogue.context import (
    _Context,
    _Conversation,
    _in_quote,
    _mention_at,
    _mentions_between,
    _norm,
    _Subject,
)
from fandex.dialogue.lexicon import (
    _ADVERB,
    _AFTER_AUXILIARIES,
    _ALL_SAID,
    _ANSWER_NOUNS,
    _AS_SAID,
    _CLAUSE_SUBJECT,
    _COORDINATED_VERB,
    _EPITHET_TO_PUNCTUATION,
    _FROM_SUBJECT,
    _INVERTED_TAG,
    _LOOSE_TAG,
    _LOWER_WORD,
    _NAME_ADJECTIVE,
    _NAMED_ANSWER,
    _NOT_SUBJECT,
    _OBJECT,
    _PHRASAL_SPEECH,
    _SENTENCE_END,
    _SPEECH_AFTER_AUXILIARY,
    _SPEECH_AFTER_TO,
    _SPEECH_VERB_STEMS,
    _SUBJECT,
    _TAG_EPITHET_VERB,
    _TAG_SUBJ_VERB,
    _TAG_VERB_SUBJ,
    _TRAILING_MANNER,
    _VERB,
    _WHO_NAME,
    _WHO_SUBJECT,
    DOUBLE_OPENERS,
    EPITHET_GENDER,
    NONVERBAL_VERBS,
    OBJECT_PRONOUN_GENDER,
    PRONOUN_GENDER,
    SPEECH_VERBS,
    THOUGHT_VERBS,
)
from fandex.dialogue.quotes import _Found, _Para
from fandex.dialogue.subjects import (
    _demonstrative_description,
    _described_subject_opener,
    _first_word,
    _fits_third_person,
    _named_after_pronoun,
    _resolve_object,
    _resolve_subject,
    _subject_kind,
)

if TYPE_CHECKING:
    from fandex.dialogue.turn_taking import _Turn


# `her voice`, `his voice`: the tag's subject is the speaker's own voice
_OWN_VOICE = re.compile(r"(his|her)\s+voice", re.I)


# `"Oh, Mr. Fortescue," exclaimed Mrs. Hilbery, as he finished, "I had just written..."`: a time
# clause closing the tag between two halves of a line belongs to that tag; its "he finished" is
# the man she answers, not a tag of the second half (which the first half's tag serves)
_WHILE_CLAUSE = re.compile(
    r"(?:[^.!?;:]|\b(?:Mrs?|Ms|Dr|St)\.)*,\s+(?:as|when|while)\s+(?:he|she|they|I|we)\s+[a-z]+,\s*", re.S
)


def _tag_speaker(
    text: str,
    quote: _Found,
    quotes: list[_Found],
    k: int,
    para: _Para,
    paras: list[_Para],
    context: _Context,
    conversation: _Conversation,
    index: int,
    previous_tail: int | None,
) -> None:
    """Speaker from a speech tag right after the quote or right before it (maybe at the end of the
    paragraph before: ``previous_tail`` is where that paragraph's narration after its quotes starts)."""
    end_para = para
    if quote.end > para.end:
        end_para = next((p for p in paras[quote.para :] if p.start <= quote.end <= p.end), para)
    after_end = quotes[k + 1].outer_start if k + 1 < len(quotes) else end_para.end
    after = text[quote.outer_end : max(quote.outer_end, after_end)]
    before_start = quotes[k - 1].outer_end if k > 0 else para.start
    before = text[before_start : quote.outer_start]
    if k == 0 and not before.strip() and quote.para > 0 and previous_tail is not None:
        # `...and with all his mildest urbanity, said,` closing the paragraph before the quote
        before_start, before = previous_tail, text[previous_tail : paras[quote.para - 1].end]

    subject, verb, obj_start, obj_text = _match_after(after, quote.outer_end)
    tag_kind = "after"
    if k > 0 and quotes[k - 1].tag_subject is not None and _WHILE_CLAUSE.fullmatch(before):
        before = ""  # the previous half's tag with its time clause: no tag of this half's own
    if subject is None:
        subject, verb, obj_start, obj_text = _match_before(before, before_start)
        tag_kind = "before"
    elif verb not in SPEECH_VERBS and verb not in THOUGHT_VERBS:
        # `at Ben, who said, "Quote." He handed John a switch.`: the speech tag before the
        # quote names its speaker; the action after it is the next sentence's
        found = _match_before(before, before_start)
        if found[0] is not None and found[1] in _BEFORE_TAG_VERBS:
            subject, verb, obj_start, obj_text = found
            tag_kind = "before"
    elif _introduces_next(after, quotes, k) and _opens_its_own_tag(text, quotes, k):
        # `Milly said, "Quote." Babs said, "Another."`: a tag running into the next quote is that
        # quote's; this one has its own before it
        found = _match_before(before, before_start)
        if found[0] is not None and found[1] in _BEFORE_TAG_VERBS:
            subject, verb, obj_start, obj_text = found
            tag_kind = "before"
    if subject is None and k > 0 and quotes[k - 1].tag_subject is not None and not before.strip(" ,;:—–-\n"):
        return  # two quotes with nothing between them: the paragraph rule links them
    if subject is None:
        if k > 0 and quotes[k - 1].speaker and _is_tag_only(before):
            # `"Well," she said, "maybe."` — the tag between the two halves serves both
            quote.speaker, quote.cue, quote.confidence = quotes[k - 1].speaker, quotes[k - 1].cue, 0.9
            quote.tag_subject = quotes[k - 1].tag_subject
            # and a "she said" only the talk's salience resolved leaves both halves open to
            # turn-taking: the second half's copy must not anchor the turn the first leaves open
            quote.pronoun_gender = quotes[k - 1].pronoun_gender
        return
    is_speech = verb in SPEECH_VERBS or verb in THOUGHT_VERBS or verb == "(intro)"
    if not is_speech and tag_kind == "after" and verb.endswith("ed") and _ends_mid_sentence(text, quote):
        # `"I cannot tell," Ronny summed up.`: a line that stops on a comma goes on in the words
        # after it, so the verb there, whichever, is its tag and not an action after it
        is_speech = True
    if verb in THOUGHT_VERBS:
        # (before the quote too: `Mara thought to herself, "..."` is no turn of the talk)
        quote.thought = True
    context.gender_rule = ""
    character = _resolve_subject(text, subject, quote, context, conversation, index)
    pronoun_gender = PRONOUN_GENDER[subject.phrase.lower()] if subject.kind == "pronoun" else None
    if pronoun_gender in ("F", "M"):
        # and if turn-taking decides the line after all, still not whom the "he" acts on
        quote.beside_description = set(
            _named_after_pronoun(text, subject.start + len(subject.phrase), context)
        )
    if pronoun_gender is not None and verb in _GOING_ON_VERBS:
        # `"...," he went on`: whoever of that gender spoke last keeps talking. That rests on the
        # line just before, not on salience: it anchors the turn like a name close by would, and
        # turn-taking's alternation (which a speaker going on breaks) no longer outweighs it
        # unless the narration of this very paragraph named her before the line: `Mrs. Reynolds
        # anticipated Miss Darcy's delight. "...," she added` goes on from that narration, not
        # from whoever spoke last (PDNC dev: 7 such tags were the named one's, 3 the talk's)
        named_here = character is not None and context.gender_rule == "paragraph"
        talk = None if named_here else conversation
        latest = _latest_speaker(pronoun_gender, quotes[:k], talk, index, context)
        if latest is not None:
            character = latest
            context.gender_rule = "local"
    if character is None and is_speech and subject.kind == "epithet":
        character = _voice_revealed(text, subject, quote, context)
    own_voice = _OWN_VOICE.fullmatch(subject.phrase) if subject.kind == "epithet" else None
    if character is None and own_voice is not None:
        # `"I was just thinking..." Her voice trailed off.`: whatever the voice does, it is the
        # speaker's, so the line is a woman's even though "trailed" is no speech verb
        quote.gender_hint = OBJECT_PRONOUN_GENDER.get(own_voice.group(1).lower(), "M")
        return
    if character is None:
        if is_speech:
            # "cried her brother": no one to name, but turn-taking must pick a man
            words = subject.phrase.lower().split()
            quote.gender_hint = (
                PRONOUN_GENDER.get(words[0]) if len(words) == 1 else EPITHET_GENDER.get(words[-1])
            )
            if subject.kind == "epithet" and tag_kind == "after":
                quote.beside_description = _named_in_tag_clause(text, subject, after_end, context)
        return
    if not is_speech:
        # "Buffy smiled." after a quote is an action beat: a weaker cue, but the right person.
        if tag_kind == "before" or not _beat_plausible(verb):
            return
        quote.speaker, quote.cue, quote.confidence = character, "implicit", 0.75
        quote.beat = True
        return
    quote.speaker = character
    if verb in NONVERBAL_VERBS:
        quote.beat = True  # `"...," he grinned`: a tag, but one a real speech tag outranks
    else:
        quote.tag_subject = character
    quote.cue = "explicit" if subject.kind == "name" else "anaphoric"
    quote.tag_pronoun = pronoun_gender
    if context.gender_rule == "conversation":
        quote.pronoun_gender = pronoun_gender
    if pronoun_gender in ("F", "M") and context.gender_rule == "conversation":
        # only the talk's salience chose: worth reading again once the untagged lines are decoded
        context.pronoun_tags.append(
            _PronounTag(
                quote,
                subject,
                quotes,
                k,
                index,
                conversation.since,
                verb in _GOING_ON_VERBS,
                character,
            )
        )
    quote.confidence = (0.95 if subject.kind == "name" else 0.85) - (0.1 if verb == "(intro)" else 0.0)
    if obj_text:
        addressee = _resolve_object(text, obj_start, obj_text, quote, context, conversation, index, character)
        if addressee and addressee != character:
            quote.addressee = addressee


def _named_in_tag_clause(text: str, subject: _Subject, limit: int, context: _Context) -> set[str]:
    """The characters named after a tag's subject, up to the end of its sentence (or ``limit``)."""
    start = subject.start + len(subject.phrase)
    stop = _SENTENCE_END.search(text, start, limit)
    end = stop.start() if stop is not None else limit
    return {
        m.character
        for m in _mentions_between(context, start, end)
        if m.character and m.kind == "name" and not _in_quote(context, m.start)
    }


# How far after an unseen speaker's line the narration may say who it was.
VOICE_REVEAL_WINDOW = 300
# `It was Miss Abbott.`, `It was the voice of Mr. Bax.`, `which Margaret knew to be that of Mrs. Gibson`


# `It was Miss Abbott.`, `It was the voice of Mr. Bax.`, `which Margaret knew to be that of Mrs. Gibson`
_IT_WAS = re.compile(
    r"\b(?:[Ii]t was(?:\s+the\s+voice\s+of)?|(?:to\s+be|as|was)\s+(?:that|the\s+voice)\s+of)\s+"
)


def _voice_revealed(text: str, subject: _Subject, quote: _Found, context: _Context) -> str | None:
    """`"Where are you?" called a voice. It was Miss Abbott.`: the speaker of a line tagged only
    "a voice" is whom the narration right after it says it was, before any other line."""
    if _norm(subject.phrase).split()[-1] != "voice":
        return None
    end = quote.outer_end + VOICE_REVEAL_WINDOW
    k = bisect.bisect_right(context.quote_starts, quote.end)
    if k < len(context.quote_starts):
        end = min(end, context.quote_starts[k])
    for match in _IT_WAS.finditer(text, quote.outer_end, end):
        mention = _mention_at(context, match.end(), match.end() + 1)
        if mention is not None and mention.character and mention.kind == "name":
            return mention.character
    return None


@dataclass
class _PronounTag:
    """A "he said" as first read, with what re-reading it needs (``_reread_pronoun_tags``)."""

    quote: _Found
    subject: _Subject
    quotes: list[_Found]  # its paragraph's quotes
    k: int  # its place among them
    index: int  # its paragraph
    since: int  # where its conversation's record of speakers started
    going_on: bool  # "she went on"
    first: str  # whom the first reading made of it


# How many of a conversation's latest quote paragraphs the second reading rebuilds its record from
# (the rules it can change look at the last six at most).
REREAD_HISTORY = 6


def _reread_pronoun_tags(
    by_para: dict[int, list[_Found]], context: _Context
) -> list[tuple[_Found, str, str]]:
    """Pronoun tags that only the talk's salience resolved, read again with the decoded
    conversation. While the tags are first read, the record of who spoke holds only tagged lines:
    an untagged line between "Lucy said" and "she said" leaves Lucy as the last speaker, and
    whom that line called by name, or whom its narration brings in, is not seen. Once the
    conversations are decoded, every quote paragraph before the tag has a speaker, and the
    pronoun's antecedent is chosen again from that record. A new choice counts only where it rests
    on the line or paragraph just before (the "local" rules of ``_by_gender``); it then anchors the
    turn like any pronoun tag. Returns (quote, first speaker, new speaker) of the changed tags."""
    if not context.pronoun_tags:
        return []
    text = context.work.text
    decoded: dict[int, str] = {}
    addressed: dict[int, list[str]] = {}
    for index, quotes in by_para.items():
        speakers = [q.speaker for q in quotes if q.speaker and not q.thought]
        if speakers:
            decoded[index] = Counter(speakers).most_common(1)[0][0]
            addressed[index] = [v for q in quotes for v in q.vocatives if v != decoded[index]]
    spoken = sorted(decoded)
    changes: list[tuple[_Found, str, str]] = []
    for tag in context.pronoun_tags:
        quote = tag.quote
        history = spoken[bisect.bisect_left(spoken, tag.since) : bisect.bisect_left(spoken, tag.index)][
            -REREAD_HISTORY:
        ]
        conversation = _Conversation(
            speakers=[decoded[p] for p in history],
            last_para=history[-1] if history else -100,
            last_vocatives=addressed[history[-1]] if history else [],
            since=tag.since,
        )
        context.gender_rule = ""
        character = _resolve_subject(text, tag.subject, quote, context, conversation, tag.index)
        gender = PRONOUN_GENDER[tag.subject.phrase.lower()]
        if tag.going_on:
            character = (
                _latest_speaker(gender, tag.quotes[: tag.k], conversation, tag.index, context) or character
            )
        if character is None:
            continue
        if context.gender_rule != "local":
            # a second salience-only reading was no better than the first (PDNC dev: no gain)
            continue
        # a local reading anchors the turn even where it agrees with the first
        changes.append((quote, tag.first, character))
    return changes


def _change_tag(quote: _Found, para_quotes: list[_Found], old: str, character: str) -> None:
    """Give a re-read pronoun tag its new speaker, and the untagged quotes it lent its speaker to;
    no longer a salience-only pronoun, it anchors its turn."""
    for other in para_quotes:
        if other is quote or (other.speaker == old and other.tag_subject is None):
            other.speaker = character
    if quote.tag_subject is not None:
        quote.tag_subject = character
    quote.pronoun_gender = None


def _anchor_turn(turn: _Turn) -> None:
    """A turn's known speaker (or the gender its salience-only pronoun leaves open), from its quotes."""
    strong = [q for q in turn.quotes if q.speaker and q.confidence > 0.5 and not q.thought]
    firm = [q.speaker for q in strong if q.pronoun_gender is None]
    gender = next((q.pronoun_gender for q in strong if q.pronoun_gender), None)
    turn.speaker = firm[0] if firm else None
    turn.gender = None if firm else gender


_GOING_ON_VERBS = frozenset({"continued", "went on", "added", "resumed", "proceeded", "pursued", "repeated"})


def _latest_speaker(
    gender: str, earlier: list[_Found], conversation: _Conversation | None, index: int, context: _Context
) -> str | None:
    """The latest speaker of a gender: of this paragraph's earlier lines, else of the conversation
    (when one is given)."""
    for quote in reversed(earlier):
        if quote.speaker and not quote.thought and _fits_third_person(context, quote.speaker, gender):
            return quote.speaker
    if conversation is None or conversation.last_para < index - 1:
        return None
    for speaker in reversed(conversation.speakers[-4:]):
        if _fits_third_person(context, speaker, gender):
            return speaker
    return None


def _ends_mid_sentence(text: str, quote: _Found) -> bool:
    """The quote's words stop on a comma: its sentence goes on after the closing mark."""
    return text[quote.start : quote.end].rstrip(" \"'”’").endswith(",")


def _introduces_next(after: str, quotes: list[_Found], k: int) -> bool:
    """The narration after quote k runs straight into the paragraph's next quote on a comma, a
    colon or a dash (`Babs said, "`), so a tag in it introduces that quote."""
    return k + 1 < len(quotes) and after.rstrip().endswith((",", ":", "--", "—"))


def _opens_its_own_tag(text: str, quotes: list[_Found], k: int) -> bool:
    """A tag before quote k is its own, not the middle tag of a sentence split by it: quote k opens
    the paragraph, or the quote before it closed its sentence (`"Well," she said, "maybe."` keeps
    "she said" for "Well,")."""
    if k == 0:
        return True
    previous = text[quotes[k - 1].start : quotes[k - 1].end].rstrip(" \"'”’")
    # (`muttered, "McBryde's an old woman"; but Mrs. Turton said, "Really..."`: the narration
    # between closes the sentence of the quote before, so the tag after it opens a new one)
    between = text[quotes[k - 1].outer_end : quotes[k].outer_start]
    return previous.endswith((".", "!", "?")) or _CLAUSE_BREAK.search(between) is not None


_CLAUSE_BREAK = re.compile(r"[.;!?]\s")


def _is_tag_only(before: str) -> bool:
    return bool(before.strip()) and len(before.split()) <= 8


def _beat_plausible(verb: str) -> bool:
    # Past-tense verbs only ("smiled", "grinned"); "Buffy and Willow" or "Then" are not beats.
    return verb.endswith("ed") or verb in {"shook", "took", "sat", "stood", "held", "gave", "threw", "made"}


# `she said nothing`, `he answered not a word`: a speech verb that says no one spoke
_SAID_NOTHING = re.compile(r"\s+(?:nothing|not\s+a\s+(?:word|syllable))\b")


# `replied that it was`: a speech verb reporting what was said
_REPORTED_SPEECH = re.compile(r"\s+(?:[a-z]+ly\s+)?that\s+(?:it|he|she|they|I|we|you|there|[A-Z][a-z])")


# A time word or phrase before an inverted tag: `then said Jim`, `at last cried Mary`.
_TIME_BEFORE_TAG = re.compile(
    r"(?:then|now|again|presently|finally|at\s+(?:last|length|once)|here|thus|so)\s*,?\s+(?=[a-z])"
)


def _match_after(after: str, offset: int) -> tuple[_Subject | None, str, int, str]:
    stripped = after.lstrip(" ,\t\n-—–")
    lead = len(after) - len(stripped)
    if not stripped or stripped[0] in DOUBLE_OPENERS + "(":
        return None, "", 0, ""
    clause_end = _SENTENCE_END.search(stripped)
    while clause_end is not None and _TITLE_ABBREVIATION.search(stripped, 0, clause_end.start()):
        # `was Mrs. Weston's parting injunction`: a title's full stop ends no sentence
        clause_end = _SENTENCE_END.search(stripped, clause_end.end())
    clause = stripped[: clause_end.start() if clause_end else len(stripped)]
    opener = _TIME_BEFORE_TAG.match(clause)
    if opener is not None:
        # `"...," then said Jim.`, `at length cried Mary`: the time word is no part of the tag
        inverted = _TAG_VERB_SUBJ.match(clause, opener.end())
        if inverted is not None and _verb(inverted.group("verb")) in SPEECH_VERBS:
            clause, lead = clause[opener.end() :], lead + opener.end()
    heard = _heard_speaking(clause, offset + lead)
    if heard is not None:
        return heard[0], heard[1], 0, ""
    for pattern in (_TAG_VERB_SUBJ, _TAG_SUBJ_VERB):
        match = pattern.match(clause)
        if not match:
            continue
        verb = _verb(match.group("verb"))
        if pattern is _TAG_SUBJ_VERB and _REPORTED_SPEECH.match(clause, match.end()):
            # `"Is it true?" Elizabeth replied that it was.`: her words are reported, an answer to
            # the line, not its tag
            return None, "", 0, ""
        if pattern is _TAG_VERB_SUBJ and verb not in SPEECH_VERBS and verb not in THOUGHT_VERBS:
            inverted = _INVERTED_TAG.match(clause)
            if inverted is None or (
                _first_word(inverted.group("subj")) in _NOT_SUBJECT - {"the", "her", "his"}
                and not _demonstrative_description(inverted.group("subj"))
            ):
                continue
            # read as "said": the verb is unknown, the order of verb and subject is not
            match, verb = inverted, "said"
        if pattern is _TAG_SUBJ_VERB and verb not in SPEECH_VERBS:
            # `he had said.`, `she kept asking.`, `he managed to say`: the speech verb comes later
            later = (
                _SPEECH_AFTER_AUXILIARY.match(clause, match.end("verb"))
                if verb in _AFTER_AUXILIARIES
                else _SPEECH_AFTER_TO.match(clause, match.end("verb"))
                if verb.endswith("ed")
                else None
            )
            if later and _verb(later.group("verb")) in SPEECH_VERBS:
                verb = _verb(later.group("verb"))
        if (
            verb not in SPEECH_VERBS
            and verb not in THOUGHT_VERBS
            and _subject_kind(match.group("subj")) == "epithet"
        ):
            # "the old man sighed": the shortest reading took "man" for the verb; try longer ones
            longer = next(
                (m for m in (p.match(clause) for p in _TAG_EPITHET_VERB) if m and _is_tag_verb(m)), None
            )
            match = longer or match
            verb = _verb(match.group("verb"))
        if _SAID_NOTHING.match(clause, match.end()):
            # `Catherine said nothing.`: whoever says nothing did not speak the line
            return None, "", 0, ""
        subj = match.group("subj")
        # `said a little girl`: someone new, described; `that`, `this`, `it`... are no subject
        indefinite = pattern is _TAG_VERB_SUBJ and _first_word(subj) in ("a", "an")
        if _first_word(subj) in _NOT_SUBJECT and not _described_subject_opener(subj) and not indefinite:
            continue
        if pattern is _TAG_VERB_SUBJ and _subject_kind(subj) == "epithet":
            # `said the book-stall keeper, looking in`: the description runs to the punctuation
            whole = _EPITHET_TO_PUNCTUATION.match(clause, match.start("subj"))
            subj = whole.group("subj") if whole else subj
            # `said the girl rapidly`, `said the surgeon at last`: the manner is no part of her
            manner = _TRAILING_MANNER.search(subj)
            subj = subj[: manner.start()] if manner else subj
        subject = _Subject(None, _subject_kind(subj), subj, offset + lead + match.start("subj"))
        obj_start, obj_text = 0, ""
        if pattern is _TAG_SUBJ_VERB:
            obj = _OBJECT.match(clause, match.end())
            if obj and verb in SPEECH_VERBS:
                obj_start, obj_text = offset + lead + obj.start("obj"), obj.group("obj")
        return subject, verb, obj_start, obj_text
    # `said nanny`, `was her answer`: a lower-case subject after the verb, kept for the resolver
    # (a known alias, or a possessive pronoun's owner)
    # `was Catherine's answer`, `were Colonel Fitzwilliam's words`
    owned = _NAMED_ANSWER.match(clause)
    if owned and (
        owned.group("noun") in _ANSWER_NOUNS
        or (owned.group("link") == "came" and owned.group("noun") == "voice")
    ):
        # `came Jim's answer`, `came Mary's voice`: the line came from its owner as well
        return _Subject(None, "name", owned.group("subj"), offset + lead + owned.start("subj")), "said", 0, ""
    # `"Don't!" from the Major.`, `"No," was all she said.`: the line is credited without a tag verb
    credited = _FROM_SUBJECT.match(clause)
    if credited and _first_word(credited.group("subj")) in ("a", "an", "my", "our", "your"):
        credited = None
    if credited is None:
        credited = _ALL_SAID.match(clause)
        if credited and not (credited.group("verb") in SPEECH_VERBS or credited.group("verb").endswith("ed")):
            credited = None
    if credited is None:
        credited = _AS_SAID.match(clause)
        if credited and credited.group("verb") not in SPEECH_VERBS and credited.group("verb") != "put":
            credited = None
    if credited:
        subj = credited.group("subj")
        start = offset + lead + credited.start("subj")
        return _Subject(None, _subject_kind(subj), subj, start), "said", 0, ""
    loose = _LOOSE_TAG.match(clause)
    if loose and (_verb(loose.group("verb")) in SPEECH_VERBS or loose.group("verb") == "was"):
        subj = loose.group("subj")
        if loose.group("verb") == "was":
            owner = subj.split()[0].lower()
            if owner not in ("his", "her") or subj.split()[-1].lower() not in _ANSWER_NOUNS:
                return None, "", 0, ""
            subj = "he" if owner == "his" else "she"
            return _Subject(None, "pronoun", subj, offset + lead + loose.start("subj")), "said", 0, ""
        return (
            _Subject(None, "epithet", subj, offset + lead + loose.start("subj")),
            _verb(loose.group("verb")),
            0,
            "",
        )
    return None, "", 0, ""


# A past participle read as passive: `when thus accosted by`, `found herself addressed with`
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:was|were|been|being|herself|himself|themselves|myself)|\bwhen)\s+(?:[a-z]+ly\s+|thus\s+)?$"
)


_BY_AGENT = re.compile(rf"\s+by\s+{_SUBJECT}")
# Verbs of a tag before its quote: speech, and thought in the past tense (`Mara thought to
# herself, "..."`; not "though", a misspelling the after-tag rules accept)


# Verbs of a tag before its quote: speech, and thought in the past tense (`Mara thought to
# herself, "..."`; not "though", a misspelling the after-tag rules accept)
_BEFORE_TAG_VERBS = SPEECH_VERBS | frozenset(("thought", "wondered", "reflected"))


_PHRASAL_SENTENCE = re.compile(rf"(?:^|[.!?][\"”]?\s+){_SUBJECT}\s+(?P<verb>[a-z]+\s+(?:in|on|out))\.$")
# `Mrs. Dashwood first spoke.`, `At length she spoke again.`, `Lucy continued.`: a sentence of a
# subject and a speech verb that takes no object, with at most a word of time or manner around it,
# says who speaks next as plainly as a tag with a colon


# `Mrs. Dashwood first spoke.`, `At length she spoke again.`, `Lucy continued.`: a sentence of a
# subject and a speech verb that takes no object, with at most a word of time or manner around it,
# says who speaks next as plainly as a tag with a colon
_SPOKE_SENTENCE = re.compile(
    # (after an opening phrase: `But at last she spoke.`, `After a moment's pause, he spoke.`)
    # (or after ", and": `A short pause followed, and Mrs. Hurst began again.`; a title's stop
    # starts no sentence; a sentence may end in a closing single mark or a bracket:
    # `(Alice had no idea what Latitude was.) Presently she began again.`)
    r"(?:^|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"”’)]?\s+|,\s+(?:and|so)\s+)"
    # (`Presently she began again.`: the opening adverb may start the sentence itself)
    r"(?:(?:But|And|Then)\s+)?(?:(?:[Aa]t\s+(?:last|length)|[Tt]hen|[Pp]resently|[Nn]ow|[Ss]oon)\s+)?"
    r"(?:[A-Z][\w'’ ]{0,40},\s+)?"
    # (`Jane Fairfax, who had seldom spoken before, spoke now.`)
    rf"{_SUBJECT}(?:,\s+who\s[^.!?;]{{0,100}},)?\s+(?:(?:first|then|again|thus|now|soon|[a-z]+ly)\s+)?"
    # (`so Alice soon began talking again.`)
    r"(?P<verb>spoke|began(?:\s+(?:talking|speaking))?|continued|resumed|proceeded|went\s+on)"
    r"(?:\s+(?:again|first|now|then|at\s+(?:last|length|once)|[a-z]+ly|with\s+[a-z]+))?\.$"
)


# A sentence that opens on its speech verb, the speaker after it: `Said Jim:`, `Quoth he,`.
_INVERTED_OPENING_TAG = re.compile(rf"(?P<verb>[A-Z][a-z]+)\s+{_NAME_ADJECTIVE}{_SUBJECT}")


def _match_before(before: str, offset: int) -> tuple[_Subject | None, str, int, str]:
    """A tag that introduces the quote: `Emma said, "` / `She asked the blonde, "`."""
    stripped = before.rstrip().rstrip("-—–")  # `Emma thus moralised to herself:--`
    # `and said somewhat austerely   "`: a run of spaces where a text lost its dash
    lost_dash = re.search(r"\w {3,}$", before) is not None
    # `Aziz joined in. "...`: a sentence of a subject and a two-word speech verb alone is a tag
    spoke = _spoke_sentence(stripped)
    if spoke is not None:
        subj = spoke.group("subj")
        start = offset + len(stripped) - len(stripped[-120:]) + spoke.start("subj")
        return _Subject(None, _subject_kind(subj), subj, start), _verb(spoke.group("verb")), 0, ""
    phrasal = _PHRASAL_SENTENCE.search(stripped)
    phrasal_tag = phrasal is not None and _verb(phrasal.group("verb")) in _PHRASAL_SPEECH
    if phrasal_tag:
        stripped = stripped[:-1]
    if not stripped or (
        not phrasal_tag
        and stripped[-1] not in ",:"
        and not before.rstrip().endswith(("--", "—"))
        and not lost_dash
        and not _ends_on_speech_verb(stripped)
    ):
        return None, "", 0, ""
    cut = max(
        _last_full_stop(stripped),
        stripped.rfind("! "),
        stripped.rfind("? "),
        stripped.rfind("\n\n"),
        # `...by significant glances.--The kind-hearted Mrs. Weston had left her seat to join him
        # and say,`: a stop run into a dash ends a sentence as well (cut = the dash's second hyphen)
        *(stripped.rfind(end) + 1 for end in (".--", "!--", "?--") if end in stripped),
        # `...would never get over it."--Even Mr. Weston shook his head and said,`: a sentence
        # of someone's words, not marked as a quote, ends where its closing mark does
        _last_quoted_stop(stripped),
    )
    clause_start = cut + 2 if cut >= 0 else 0
    opener = _SENTENCE_ADVERB.match(stripped, clause_start)
    if opener:
        clause_start = opener.end()  # `Later he said to Marjorie,`: "Later" is nobody
    clause = stripped[clause_start:].rstrip(",:")
    heard = _heard_speaking(clause, offset + clause_start)
    if heard is not None:
        return heard[0], heard[1], 0, ""
    inverted = _INVERTED_OPENING_TAG.fullmatch(clause)
    if inverted is not None and inverted.group("verb").lower() in SPEECH_VERBS:
        # `Said Jim: "..."`, `Quoth she, "..."`: the verb opens the sentence, the speaker follows
        subj = inverted.group("subj")
        if _first_word(subj) not in _NOT_SUBJECT or _subject_kind(subj) == "pronoun":
            start = offset + clause_start + inverted.start("subj")
            return _Subject(None, _subject_kind(subj), subj, start), _verb(inverted.group("verb")), 0, ""
    tags: list[tuple[int, tuple[_Subject, str, int, str]]] = []
    for match in itertools.chain(_TAG_SUBJ_VERB.finditer(clause), _tag_subject_verbs(clause)):
        verb = _verb(match.group("verb"))
        if verb not in SPEECH_VERBS:
            continue
        tail = clause[match.end() :]
        if _SAID_NOTHING.match(tail):
            continue  # `but he said nothing, and she continued,`: he is silent; she speaks
        obj = _OBJECT.match(tail)
        obj_text = obj.group("obj") if obj else ""
        if len(tail.split()) > 5 and not _is_manner_tail(tail):
            continue
        subj = match.group("subj")
        if _first_word(subj) in _NOT_SUBJECT and not _described_subject_opener(subj):
            continue
        if match.re is _TAG_SUBJ_VERB and verb in _SPEECH_STEMS and _POSSESSIVE_PHRASE.match(subj):
            # `on hearing the reason of their speedy return, said,`: a bare stem straight after
            # "their ..." is a noun, not the tag's verb
            continue
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + match.start("subj"))
        obj_start = offset + clause_start + match.end() + obj.start("obj") if obj else 0
        tags.append((match.end(), (subject, verb, obj_start, obj_text)))
    if tags:
        # `he asked her, and she replied,`: the speech verb nearest the line is its tag
        return max(tags, key=lambda tag: tag[0])[1]
    # `she turned to him and said,` / `he drew back his chair, took a paper and, glancing
    # over it, said, in a colder voice,`: a speech verb closing the sentence, and the last
    # subject before it
    words = list(_LOWER_WORD.finditer(clause))[-7:]
    trailing = next((w for w in reversed(words) if w.group() in _BEFORE_TAG_VERBS), None)
    if (
        trailing is not None
        and trailing.group().endswith(("ed", "told", "spoken"))
        and _PASSIVE_BEFORE.search(clause, 0, trailing.start())
    ):
        # `when thus accosted by Miss Bingley,`: the agent speaks; `she found herself addressed
        # with,`: the subject is spoken to, and no one is named as speaking
        agent = _BY_AGENT.match(clause, trailing.end())
        if agent is None or _first_word(agent.group("subj")) in _NOT_SUBJECT:
            return None, "", 0, ""
        subj = agent.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + agent.start("subj"))
        return subject, trailing.group(), 0, ""
    if trailing is not None:
        # (the whole clause is searched: a search ending at the verb could not see the verb that
        # the subject pattern looks ahead to, and so missed the subject right before it)
        found = [
            *_CLAUSE_SUBJECT.finditer(clause),
            *_WHO_SUBJECT.finditer(clause),
            *_WHO_NAME.finditer(clause),
        ]
        subjects = [
            m
            for m in sorted(found, key=lambda m: m.start("subj"))
            if m.end("subj") < trailing.start()
            and (
                _first_word(m.group("subj")) not in _NOT_SUBJECT or _described_subject_opener(m.group("subj"))
            )
            and _first_word(m.group("subj")) not in _OPENER_WORDS
            and not (
                _AFTER_THAT.search(clause, 0, m.start("subj"))
                and not _RESULT_CLAUSE.search(clause, 0, m.start("subj"))
            )
        ]
        if len(subjects) > 1:
            # `and James, as the door was closed on them, said,`: the subject of a clause put
            # between commas is not the speaker; the subject the clause interrupts is
            main = [m for m in subjects if not _in_interposed_clause(clause, m, trailing.start())]
            subjects = main or subjects
        if not subjects:
            # `After half an hour Jock said,`: no subject opens the sentence, so the one right
            # before the verb
            near = _NAME_RIGHT_BEFORE.search(clause, 0, trailing.start())
            subjects = [near] if near and _first_word(near.group("subj")) not in _NOT_SUBJECT else []
        if not subjects and _first_word(clause) in _OPENER_WORDS:
            # `On which Seven looked up and said,` / `In a few minutes he approached the table ...
            # and said in a whisper,`: the first name or pronoun after the opening phrase
            first = next(
                (
                    m
                    for m in _NAME_BEFORE_VERB.finditer(clause, 0, trailing.start())
                    if _first_word(m.group("subj")) not in _NOT_SUBJECT | _OPENER_WORDS
                ),
                None,
            )
            subjects = [first] if first else []
        if not subjects:
            # `When told that it was ten minutes to five she rose at once, and said:`: no clause
            # opens on a subject, but a he or she acts in it before the verb
            acting = [
                m
                for m in _PRONOUN_BEFORE_VERB.finditer(clause, 0, trailing.start())
                if not _AFTER_THAT.search(clause, 0, m.start("subj"))
            ]
            subjects = acting[-1:]
        if subjects:
            subj = subjects[-1].group("subj")
            subject = _Subject(
                None, _subject_kind(subj), subj, offset + clause_start + subjects[-1].start("subj")
            )
            obj = _OBJECT.match(clause, trailing.end())
            obj_start = offset + clause_start + obj.start("obj") if obj else 0
            return subject, trailing.group(), obj_start, obj.group("obj") if obj else ""
    # `...were met by the butler, who said,`
    relative = re.search(rf"{_SUBJECT},?\s+who\s+(?:{_ADVERB}\s+)?{_VERB}[\s\w]{{0,30}}$", clause)
    if relative and _verb(relative.group("verb")) in SPEECH_VERBS:
        subj = relative.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + relative.start("subj"))
        return subject, _verb(relative.group("verb")), 0, ""
    words_were = _WORDS_WERE.search(clause)
    if words_were is not None:
        # `his last words to Emma were,`: the owner of the words speaks them
        owner = words_were.group("subj")
        phrase = {"his": "he", "her": "she"}.get(owner.lower(), owner[:-2])
        start = offset + clause_start + words_were.start("subj")
        return _Subject(None, _subject_kind(phrase), phrase, start), "(intro)", 0, ""
    # `He cut her short with,` / `Emma, smiling, began:` - the subject of the introducing sentence
    intro = re.match(rf"\s*{_SUBJECT}[\s,]", clause)
    if (
        intro
        and _first_word(intro.group("subj")) not in _NOT_SUBJECT
        and _first_word(intro.group("subj")) not in _OPENER_WORDS
        and len(clause.split()) <= 25
    ):
        subj = intro.group("subj")
        subject = _Subject(None, _subject_kind(subj), subj, offset + clause_start + intro.start("subj"))
        # `Mara set down her cup and asked Jonah,`: a second verb of the same subject
        second = _COORDINATED_VERB.search(clause, intro.end())
        if second and _verb(second.group("verb")) in SPEECH_VERBS:
            obj = _OBJECT.fullmatch(second.group("tail").rstrip(" ,:"))
            obj_start = offset + clause_start + second.start("tail") + obj.start("obj") if obj else 0
            return subject, _verb(second.group("verb")), obj_start, obj.group("obj") if obj else ""
        return subject, "(intro)", 0, ""
    if stripped.endswith(":"):
        # `Indeed, when Miss Markham asked her..., she expressed herself with bitterness:`: a
        # sentence a colon closes introduces the line; its last main-clause subject speaks it
        subjects = [
            m
            for m in _CLAUSE_SUBJECT.finditer(clause)
            if _first_word(m.group("subj")) not in _NOT_SUBJECT | _OPENER_WORDS
        ]
        if subjects:
            subj = subjects[-1].group("subj")
            start = offset + clause_start + subjects[-1].start("subj")
            return _Subject(None, _subject_kind(subj), subj, start), "(intro)", 0, ""
    return None, "", 0, ""


# `his next words were,`, `Frank's last words to Emma were:`: whose words introduce a line
_WORDS_WERE = re.compile(
    r"(?<![\w'’])(?P<subj>[Hh]is|[Hh]er|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s)\s+"
    r"(?:(?:last|next|first|only|parting|few|own|very)\s+)*words(?:\s+to\s+[\w'’. -]{1,40}?)?\s+were\s*$"
)


# Someone heard speaking: `she heard him say`, `in time to hear her friend exclaim aloud to James`
# (the speech verb last in the clause but for a phrase of manner or address)
_HEARD_ONE = re.compile(
    r"\b(?:hear|hears|heard|hearing|overhear|overhears|overheard)\s+"
    r"(?P<subj>him|her|them|it|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
    r"|(?:the|his|her|their|my)\s+(?:[\w'’-]+\s+)?[\w'’-]+)"
    rf"\s+(?:{_ADVERB}\s+)?$"
)
# A lower-case word not inside a hyphenated one ("whisper" in "half-whisper" is no verb)


# A lower-case word not inside a hyphenated one ("whisper" in "half-whisper" is no verb)
_WHOLE_WORD = re.compile(r"(?<![\w'’-])[a-z]+\b(?!-)")
# (`exclaim aloud to James`: an adverb of manner first; not a preposition that opens the phrase)


# (`exclaim aloud to James`: an adverb of manner first; not a preposition that opens the phrase)
_LEADING_ADVERB = re.compile(r"^\s*(?:[a-z]+ly|aloud|again|then|now|once|still)\b")
# A subject right after "that": a result clause's (`he laughed so heartily that Emma could not help
# saying,`) speaks; a reported one's (`assured her that they never sat there; and then added,`) not


# A subject right after "that": a result clause's (`he laughed so heartily that Emma could not help
# saying,`) speaks; a reported one's (`assured her that they never sat there; and then added,`) not
_AFTER_THAT = re.compile(r"\bthat\s+$")


_RESULT_CLAUSE = re.compile(r"\b(?:so|such)\b[^.;:!?]*,?\s+that\s+$")
# The object pronoun heard, as the subject of the speaking


# The object pronoun heard, as the subject of the speaking
_HEARD_PRONOUN = {"him": "he", "her": "she", "them": "they"}


def _heard_speaking(clause: str, offset: int) -> tuple[_Subject | None, str] | None:
    """A tag clause in which someone hears another speak (`Mary heard her say.`, `Alice heard the
    King say to himself,`): the one heard and the speech verb, since the one heard speaks, not the
    one hearing; (None, "") when the one heard is "it" (a creature or a voice no tag can name);
    None when the clause says nothing of hearing."""
    last_verb = next(
        (w for w in reversed(list(_WHOLE_WORD.finditer(clause))) if w.group() in SPEECH_VERBS), None
    )
    if last_verb is None:
        return None
    heard = _HEARD_ONE.search(clause, 0, last_verb.start())
    if heard is None or not _is_manner_tail(_LEADING_ADVERB.sub("", clause[last_verb.end() :])):
        return None
    heard_one = heard.group("subj")
    subject = _HEARD_PRONOUN.get(heard_one.lower(), heard_one)
    if subject == "it":
        return None, ""
    return _Subject(None, _subject_kind(subject), subject, offset + heard.start("subj")), last_verb.group()


# A subject and an auxiliary right before a speech verb: `so that Ben had said,`, `At intervals
# Beaver would say,`. (Searched backwards from each speech verb: the left-to-right scan of
# subject-verb pairs takes "Ben had" for a subject and its verb and never sees "said"; the rule
# stays to auxiliaries because without one it found more wrong subjects than right ones on the
# dev split.)
_SUBJECT_BEFORE_VERB = re.compile(
    rf"(?<![\w'’]){_SUBJECT}\s+(?:(?:had|has|would|will|could|should|might|must|did)\s+)"
    rf"(?:{_ADVERB}\s+)?$"
)


_OBJECT_OF_PREPOSITION = re.compile(r"\b(?:to|at|by|with|of|for|from|on|upon|in|into|and|or)\s+$")


_TAG_BEFORE_QUOTE = re.compile(
    rf"{_SUBJECT}\s+(?:(?:had|has|would|will|could|should|might|must|did)\s+)(?:{_ADVERB}\s+)?{_VERB}"
)


# A subordinate clause opening after a comma: `, as the door closed,` / `, when she had done,`.
_INTERPOSED_OPENER = re.compile(
    r",\s+(?:as|when|while|whilst|though|although|if|after|before|since|because|till|until)\s+$"
)


# the clause's verb joined to it by "and" (`when she drew back, and said,`)
_AND_AT_END = re.compile(r"\band\s+(?:\w+ly\s+)?$")


def _in_interposed_clause(clause: str, subject: re.Match[str], verb_start: int) -> bool:
    """The subject opens a subordinate clause set off by commas before a finite speech verb: it
    belongs to that clause, not to the verb. Not when a comma follows the subject at once (`when
    Tom, after a glance at his wife, said,`: the clause's own subject and verb, parenthesis
    between), nor when "and" joins the verb to the clause (`when she drew back, and said,`), nor
    before a participle (`while the Dodo presented the thimble, saying`)."""
    if not _INTERPOSED_OPENER.search(clause, 0, subject.start("subj")):
        return False
    between = clause[subject.end("subj") : verb_start]
    predicate, comma, rest = between.partition(",")
    verb = clause[verb_start:].split(None, 1)[0] if clause[verb_start:].strip() else ""
    return bool(comma and predicate.strip()) and not _AND_AT_END.search(rest) and not verb.endswith("ing")


def _spoke_sentence(narration: str) -> re.Match[str] | None:
    """The sentence like `Elinor first spoke.` that the narration ends on (``_SPOKE_SENTENCE``),
    searched in its last 120 characters."""
    found = _SPOKE_SENTENCE.search(narration[-120:])
    if found is None or _first_word(found.group("subj")) in _NOT_SUBJECT:
        return None
    return found


def _tag_subject_verbs(clause: str) -> Iterator[re.Match[str]]:
    """Subject-auxiliary-verb matches (groups "subj" and "verb") of a tag before a quote, one per
    speech verb of the clause that has a subject and an auxiliary right before it, left to right."""
    for word in _LOWER_WORD.finditer(clause):
        if word.group() not in SPEECH_VERBS:
            continue
        found = _SUBJECT_BEFORE_VERB.search(clause, 0, word.start())
        while found is not None:
            subject = found.group("subj")
            if (
                _first_word(subject) == "the"
                or _first_word(subject) not in _NOT_SUBJECT
                or " " not in subject
            ):
                break
            # `Then Jock said`: the opener is no part of the name
            found = _SUBJECT_BEFORE_VERB.match(
                clause, found.end("subj") - len(subject.split(None, 1)[1]), word.start()
            )
        if found is None or _OBJECT_OF_PREPOSITION.search(clause, 0, found.start("subj")):
            continue  # `called to the barman and said`: the barman is no subject
        tag = _TAG_BEFORE_QUOTE.fullmatch(clause, found.start("subj"), word.end())
        if tag is not None:
            yield tag


_SPEECH_STEMS = frozenset(_SPEECH_VERB_STEMS.split())


_POSSESSIVE_PHRASE = re.compile(r"(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur|[Yy]our)\s")


# Words that open a phrase saying how or to whom something is said, after its tag verb.
_MANNER_OPENER_WORDS = (
    "to in with at after without for from over under on upon into across through towards toward "
    "loud half almost very quite rather so somewhat like"
)


_MANNER_OPENERS = frozenset(_MANNER_OPENER_WORDS.split())


def _is_manner_tail(tail: str) -> bool:
    """`she said to one of the officers of the court,` / `she exclaimed, in a voice of the greatest
    emotion,` / `said to Marianne, loud enough for them both to hear,`: after the tag verb only
    phrases of manner or address (each opening on a preposition, an -ing or an -ly word), so the
    verb still introduces the quote."""
    chunks = [chunk.split() for chunk in re.split(r"[,;]", tail) if chunk.strip()]
    return len(tail.split()) <= 16 and all(
        words[0] in _MANNER_OPENERS or (words[0].endswith(("ing", "ly")) and words[0] not in _THING_WORDS)
        for words in chunks
    )


# Objects that look like an -ing manner phrase: `said nothing and left`
_THING_WORDS = frozenset(("nothing", "something", "anything", "everything"))


# Capitalised words that open a sentence and are nobody: `In the midst of the din someone said,`
_OPENER_WORDS = _MANNER_OPENERS | frozenset(
    ("once", "next", "presently", "during", "before", "since", "until")
)
# A name, a pronoun or a one-word description right before a verb.


# A name, a pronoun or a one-word description right before a verb.
_NAME_RIGHT_BEFORE = re.compile(
    rf"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}|(?:[Tt]he|[Aa])\s+[a-z]+)"
    rf"\s+(?:{_ADVERB}\s+)?$"
)


# A he or she and the word after it, which after a subject pronoun is its verb (`she rose`).
_PRONOUN_BEFORE_VERB = re.compile(r"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he)\s+(?=[a-z]+\b)")


_NAME_BEFORE_VERB = re.compile(
    r"(?<![\w'’])(?P<subj>[Hh]e|[Ss]he|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|[Tt]he\s+[A-Z][\w'’-]*)"
    r"\s+(?=[a-z]+(?:ed|s)?\b)"
)


# Words that open a sentence before its subject: `Later he said`, `At last Rosa spoke`.
_SENTENCE_ADVERB = re.compile(
    r"\s*(?:Later|Afterwards|Presently|Then|Now|Soon|Meanwhile|Finally|Suddenly|Still|Again|Instead|"
    r"At\s+(?:last|length|once|first)|In\s+the\s+end|After\s+a\s+(?:while|moment|pause))\b,?\s+(?=[A-Za-z])"
)


def _ends_on_speech_verb(narration: str) -> bool:
    """`and then the Secretary said "...`, `cried out "...`: a tag that runs into its quote with no
    comma or colon (or with one that a text lost)."""
    words = narration[-30:].split()
    if words and words[-1] in ("out", "aloud") and len(words) > 1:
        words.pop()
    if bool(words) and words[-1] in SPEECH_VERBS:
        return True
    if len(words) > 1 and f"{words[-2]} {words[-1]}" in _PHRASAL_SPEECH:
        return True  # `He paused a little, and then went on "...`
    if not narration[-1:].isalpha():
        return False
    # `and then the Secretary said in a curious, strained voice "...`: the lost colon after a
    # manner phrase; the last sentence's last speech verb, and only manner after it
    last = narration[-160:]
    last = last[max(last.rfind(". "), last.rfind("! "), last.rfind("? ")) + 1 :]
    verb = next((w for w in reversed(list(_LOWER_WORD.finditer(last))) if w.group() in SPEECH_VERBS), None)
    return verb is not None and _is_manner_tail(last[verb.end() :])


# (and an initial: "M. Dupont" is Monsieur Dupont, "J. Smith" one man; "I." is the narrator)
# (written in capitals too: "said MR. SMITH")
_TITLE_ABBREVIATION = re.compile(r"(?:^|\W)(?:(?i:Mr|Mrs|Ms|Dr|St|Mme|Mlle|Capt|Col|Gen|Prof|Rev)|[A-HJ-Z])$")


# A stop and a closing quotation mark, then a space or a dash.
_QUOTED_STOP = re.compile(r"[.!?][\"”’']+(?=\s|--|—)")


def _last_quoted_stop(text: str) -> int:
    """Two characters before where the sentence after the last stop-and-closing-mark starts (the
    clause then starts past the space, the em dash or the two hyphens after it), or -1."""
    ends = [match.end() for match in _QUOTED_STOP.finditer(text)]
    if not ends:
        return -1
    return ends[-1] if text.startswith("--", ends[-1]) else ends[-1] - 1


def _last_full_stop(text: str) -> int:
    """Where the last ". " of the text is, not counting the stop of a title (`Mrs. Elton said,`)."""
    cut = text.rfind(". ")
    while cut > 0 and _TITLE_ABBREVIATION.search(text, 0, cut):
        cut = text.rfind(". ", 0, cut)
    return cut


def _is_tag_verb(match: re.Match[str]) -> bool:
    verb = _verb(match.group("verb"))
    return verb in SPEECH_VERBS or verb in THOUGHT_VERBS


def _verb(words: str) -> str:
    """The tag verb: "filled in" stays whole, "asked in (shock)" is "asked"."""
    verb = " ".join(words.lower().split())
    return verb if verb in SPEECH_VERBS else verb.split()[0]
