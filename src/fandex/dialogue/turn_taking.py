"""Attribution in reading order and turn-taking: tags, continuations and beats anchor a
conversation's lines; its untagged lines are decoded for the whole conversation at once
(fandex.conversation), with silent turns and learnt idiolects as evidence.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from fandex.conversation import TurnTaking, decode
from fandex.dialogue.context import _Context, _Conversation, _in_quote, _mention_at, _mentions_between
from fandex.dialogue.lexicon import (
    _SENTENCE_END,
    CONVERSATION_GAP,
    LONG_LEAD_IN,
    LONG_NARRATION,
    OBJECT_PRONOUN_GENDER,
    PEOPLE_LOOKBACK,
    PRONOUN_GENDER,
)
from fandex.dialogue.quotes import _Found, _Para
from fandex.dialogue.speech_tags import (
    _TITLE_ABBREVIATION,
    _anchor_turn,
    _change_tag,
    _ends_on_speech_verb,
    _reread_pronoun_tags,
    _spoke_sentence,
    _tag_speaker,
)
from fandex.dialogue.subjects import (
    _beat_pronoun_gender,
    _beat_speaker,
    _fits_gender,
    _fits_third_person,
    _vocatives,
)
from fandex.work import Work


def _attribute(work: Work, paras: list[_Para], found: list[_Found], context: _Context) -> None:
    text = work.text
    by_para: dict[int, list[_Found]] = {}
    for quote in found:
        by_para.setdefault(quote.para, []).append(quote)
    conversation = _Conversation()
    previous_para_speaker: str | None = None
    turns: list[_Turn] = []
    run = 0  # conversation number: turn-taking never reaches across conversations
    for index, para in enumerate(paras):
        if para.scene_break:
            conversation.reset(index)
            conversation.salient.clear()
            run += 1
        quotes = by_para.get(index, [])
        if not quotes:
            _note_narration(context, conversation, para.start, para.end, index)
            if index - conversation.last_para > CONVERSATION_GAP:
                conversation.reset(index)
            if len(text[para.start : para.end].split()) > LONG_NARRATION:
                run += 1
            elif turns and turns[-1].run == run:
                turns.extend(_silent_turns(text, para, context, turns[-1].speaker, run, index))
            continue
        if turns and turns[-1].run == run:
            # the narration since the last line: the tail of its paragraph and this one's lead-in
            previous_quotes = by_para.get(index - 1, [])
            tail_start = previous_quotes[-1].outer_end if previous_quotes else paras[index - 1].end
            between = text[tail_start : paras[index - 1].end] + " " + text[para.start : quotes[0].outer_start]
            if len(between.split()) > LONG_LEAD_IN:
                run += 1
        for quote in quotes:
            quote.vocatives = _vocatives(text, quote, context)
            # someone addressed by name is in the conversation: a candidate for the next "he"
            conversation.salient.extend((index, v) for v in quote.vocatives)
        # 1. the quotes' own tags
        previous = paras[index - 1] if index > 0 else None
        previous_quotes = by_para.get(index - 1, [])
        previous_tail = None
        if (
            previous is not None
            and not para.scene_break
            and _leads_into_line(
                text, previous, previous_quotes[-1].outer_end if previous_quotes else previous.start
            )
        ):
            # `...and then the Secretary said` closing the paragraph before (its dash lost)
            previous_tail = previous_quotes[-1].outer_end if previous_quotes else previous.start
        for k, quote in enumerate(quotes):
            _tag_speaker(text, quote, quotes, k, para, paras, context, conversation, index, previous_tail)
        # 2. a tagged quote lends its speaker to the untagged quotes of its paragraph,
        #    unless a different character's tag sits between them
        for k, quote in enumerate(quotes):
            if quote.speaker is None or quote.beat:
                # `"Quote," Willow said. "More." Spike grinned.` - the grin is a reaction
                donor = _nearest_tagged(text, quotes, k)
                if donor is not None:
                    quote.speaker, quote.cue = donor.speaker, donor.cue
                    quote.confidence = donor.confidence - 0.05
        # 3. a continued speech keeps its speaker
        first = quotes[0]
        if first.speaker is None and first.continuation and previous_para_speaker:
            for quote in quotes:
                if quote.speaker is None:
                    quote.speaker, quote.cue, quote.confidence = previous_para_speaker, "implicit", 0.8
        # 4. an action beat: a character acting in this paragraph's narration
        if any(q.speaker is None for q in quotes):
            vocatives = {v for q in quotes for v in _vocatives(text, q, context)}
            beat = _beat_speaker(text, para, quotes, context, conversation, index, vocatives)
            if beat is not None and any(_contradicts_tag_gender(context, beat, q) for q in quotes):
                # `"Quote." He grumbled. Willow ran downstairs.`: a tag's "he" no one could be
                # found for still says the woman acting here is a listener, not the speaker
                beat = None
            if beat is not None:
                # `She looked into the room. "..."`: whoever turn-taking makes of the line, a woman
                # (unless a name acting later in the paragraph made the beat: `She dealt. Tony
                # looked at his watch. "..."`)
                beat_gender = _beat_pronoun_gender(text, para, quotes)
                if beat_gender is not None and context.characters[beat].gender != beat_gender:
                    beat_gender = None
                for quote in quotes:
                    if quote.speaker is None:
                        quote.speaker, quote.cue, quote.confidence = beat, "implicit", 0.7
                        quote.gender_hint = quote.gender_hint or beat_gender
        # 5. turn-taking: decided once the whole conversation is known (_take_turns)
        for quote in quotes:
            if quote.speaker is None:
                quote.cue, quote.confidence = "implicit", 0.0
        strong = [q for q in quotes if q.speaker and q.confidence > 0.5 and not q.thought]
        # a pronoun only salience resolved leaves the turn open for turn-taking, with its gender
        firm = [q.speaker for q in strong if q.pronoun_gender is None]
        gender = next((q.pronoun_gender for q in strong if q.pronoun_gender), None)
        if first.continuation and turns and turns[-1].run == run:
            turns[-1].quotes.extend(quotes)  # the same speech goes on: not a new turn
            if firm and turns[-1].speaker is None:
                turns[-1].speaker = firm[0]
            elif gender and turns[-1].speaker is None:
                turns[-1].gender = turns[-1].gender or gender
        else:
            # `"But Margaret dear --" "I'll go," said Margaret.`: a broken-off line and the one
            # that interrupts it are turns of their own
            segment = _segments(text, quotes)
            for part in range(segment[-1] + 1):
                own = [q for i, q in enumerate(quotes) if segment[i] == part]
                own_firm = [q.speaker for q in strong if q in own and q.pronoun_gender is None]
                own_gender = next((q.pronoun_gender for q in strong if q in own and q.pronoun_gender), None)
                turns.append(
                    _Turn(
                        run, own, own_firm[0] if own_firm else None, index, None if own_firm else own_gender
                    )
                )
        speakers = [q.speaker for q in quotes if q.speaker and not q.thought]
        if speakers:
            speaker = Counter(speakers).most_common(1)[0][0]
            conversation.speakers.append(speaker)
            conversation.last_para = index
            conversation.salient.append((index, speaker))
            conversation.last_vocatives = [v for q in quotes for v in q.vocatives if v != speaker]
            previous_para_speaker = speakers[-1]
        else:
            previous_para_speaker = None
        _note_narration(context, conversation, para.start, para.end, index, quotes)
    context.idiolects = _learn_idiolects(turns, context)
    first_reading = [(q, q.speaker, q.cue, q.confidence) for turn in turns for q in turn.quotes]
    _take_turns(turns, paras, context)
    changes = _reread_pronoun_tags(by_para, context)
    if changes:
        # decode again from the tags as first read, with the re-read pronouns in place
        for quote, speaker, cue, confidence in first_reading:
            quote.speaker, quote.cue, quote.confidence = speaker, cue, confidence
        for quote, old, character in changes:
            _change_tag(quote, by_para[quote.para], old, character)
        changed = {quote.para for quote, _, _ in changes}
        for turn in turns:
            if turn.quotes and any(q.para in changed for q in turn.quotes):
                _anchor_turn(turn)
        _take_turns(turns, paras, context)
    _addressees(text, turns, context)


@dataclass
class _Turn:
    """One speaker's turn in a conversation: a paragraph of speech (or several, for a long speech)."""

    run: int
    quotes: list[_Found]
    speaker: str | None  # known from a tag, a beat or a continuation; None when guessed
    para: int  # the paragraph where the turn starts
    gender: str | None = None  # of the pronoun in its tag, when salience alone resolved that pronoun


# `He made no answer.`, `She smiled.`: a short narration paragraph between two lines that opens
# on a third-person pronoun
_SILENT_PRONOUN = re.compile(r"(He|She)\s+[a-z]+")


def _leads_into_line(text: str, para: _Para, narration_start: int) -> bool:
    """Whether a paragraph's narration from ``narration_start`` on ends as the tag of the line
    that opens the next paragraph: on a comma, colon or dash (`He had time only to say,`), on a
    speech verb (`and then the Secretary said`) or on a sentence like `Lucy continued.`"""
    return (
        text[para.end - 1] in ",:-—"
        or _ends_on_speech_verb(text[para.start : para.end])
        or _spoke_sentence(text[narration_start : para.end]) is not None
    )


def _silent_turns(
    text: str, para: _Para, context: _Context, previous_speaker: str | None, run: int, index: int
) -> list[_Turn]:
    """The silent turns of a short narration paragraph between two lines: its opening one
    (_silent_turn), then, after it, each later sentence opening on someone else's name (`Elinor
    would not speak. Marianne repeated the question.`): each acts in turn. A paragraph that leads
    into the next line as its tag (`She seemed about to say something, then said merely:`) is no
    silent answer: whoever it names speaks that line."""
    if _leads_into_line(text, para, para.start):
        return []
    first = _silent_turn(text, para, context, previous_speaker, run, index)
    if first is None:
        return []
    turns = [first]
    for stop in _SENTENCE_STOP.finditer(text, para.start, para.end):
        if _TITLE_ABBREVIATION.search(text, max(para.start, stop.start() - 5), stop.start()):
            continue  # `Mr. Darcy`: a title's full stop ends no sentence
        actor = _mention_at(context, stop.end(), stop.end() + 1)
        if actor is not None and actor.character and actor.character != turns[-1].speaker:
            turns.append(_Turn(run, [], actor.character, index))
    return turns


_SENTENCE_STOP = re.compile(r"[.!?;]\s+(?=[A-Z])")


def _silent_turn(
    text: str, para: _Para, context: _Context, previous_speaker: str | None, run: int, index: int
) -> _Turn | None:
    """A short narration paragraph between two lines in which someone acts without speaking
    (`Mr. Darcy bowed.`, `He made no answer.`, `I nodded.`): a silent answer, a turn of its own in
    the talk's alternation. A name gives its speaker; a "he" or "she" only its gender, the decoding
    choosing who; an "I" the first-person narrator."""
    actor = _mention_at(context, para.start, para.start + 1)
    if actor is not None:
        if actor.character and actor.character != previous_speaker:
            return _Turn(run, [], actor.character, index)
        return None
    pronoun = _SILENT_PRONOUN.match(text, para.start)
    if pronoun is not None:
        return _Turn(run, [], None, index, PRONOUN_GENDER[pronoun.group(1).lower()])
    narrator = context.narrator
    if narrator is not None and narrator != previous_speaker and text.startswith("I ", para.start):
        return _Turn(run, [], narrator, index)
    return None


def _take_turns(turns: list[_Turn], paras: list[_Para], context: _Context) -> None:
    """Untagged turns, conversation by conversation: the people taking part are its tagged
    speakers, whoever the narration in and just before it names and whoever is addressed; a
    conversation with no tag at all also counts the last two speakers of the one before it in the
    same scene. Then the speakers of the whole run are decoded at once (``_decode_run``)."""
    by_run: dict[int, list[_Turn]] = {}
    for turn in turns:
        by_run.setdefault(turn.run, []).append(turn)
    previous_people: list[str] = []
    previous_end = 0
    scene_speakers: list[str] = []  # who spoke in the scene's earlier conversations, latest first
    for run_turns in by_run.values():
        known = [i for i, t in enumerate(run_turns) if t.speaker]
        for i in known:
            # a long speech tagged only in its last paragraph: the tag names the whole turn
            for quote in run_turns[i].quotes:
                if _contradicts_tag_gender(context, run_turns[i].speaker, quote):
                    continue  # its own "said he" is someone else's: left to the decoding
                if quote.speaker is None or quote.confidence <= 0.5:
                    quote.speaker, quote.cue, quote.confidence = run_turns[i].speaker, "implicit", 0.8
        people = _conversation_people(run_turns, paras, context)
        if any(paras[k].scene_break for k in range(previous_end + 1, run_turns[0].para + 1)):
            previous_people = []  # a new scene: new people
            scene_speakers = []
        if not known and previous_people:
            # no tag at all: most likely the talk that a short narration interrupted goes on
            people = people + [p for p in previous_people if p not in people]
        # the scene's other people: less likely, yet often the one the tags never name
        extras = [*previous_people, *scene_speakers, *_scene_named(run_turns[0].para, paras, context)]
        _decode_run(run_turns, people, context, paras, [p for p in dict.fromkeys(extras) if p not in people])
        latest = [q.speaker for t in reversed(run_turns) for q in t.quotes if q.speaker]
        previous_people = list(dict.fromkeys(latest))[:2]
        scene_speakers = list(dict.fromkeys([*latest, *scene_speakers]))
        previous_end = run_turns[-1].para


@dataclass(frozen=True)
class SpeakerEvidence:
    """How much each sign about one turn's speaker counts when a conversation is decoded
    (``fandex.conversation.decode``); the sequence itself is scored by ``TURN_TAKING``. Set on the
    PDNC development novels: a name in a tag is nearly always right (98.8%), a pronoun or epithet
    tag three times in four, a beat or a continuation less often."""

    named_tag: float = 8.0  # a speech tag with a name
    other_tag: float = 4.0  # a pronoun or epithet tag resolved by a name close by
    silent: float = 2.0  # a narration line between two quotes in which someone acts
    weak: float = 3.0  # an action beat, a continued speech (the only anchors decoding may overrule)
    wrong_gender: float = -5.0  # "she said" and a man
    salient: float = 0.6  # whom salience alone made of that "she" (of that gender: _decode_run)
    # "cried her brother" and a woman: as good as ruled out (PDNC dev: -4.2 let turn-taking and a
    # "ma'am" nearby outvote it, 82.73 -> 82.78 with -12; from -12 to -50 no change)
    gender_hint: float = -12.0
    addressed: float = -5.0  # the turn calls them by name: someone else speaks
    spoken_of: float = -2.1  # the turn names them, not to call them: someone else speaks
    called_sir: float = 2.8  # a line next to it says "sir" and they are a man (or "ma'am", a woman)
    introduces: float = 8.0  # the turn says "I am Rosa": Rosa speaks (as sure as a named tag)
    answers: float = 1.5  # the turn before called them by name: they answer
    # ... and more so when no earlier tag of the run names them: the one called is a new voice the
    # talk brings in, whom turn-taking alone (new_voice) would pass over for the last two speakers
    newcomer_answers: float = 0.8
    answered: float = 0.9  # the turn after calls them by name: they spoke this one
    named_nearby: float = 1.0  # the narration of the last NEARBY_PARAGRAPHS names them
    rank: float = 0.1  # per place down the list of the conversation's people
    opens: float = 0.2  # the first of them (a tagged speaker, else the latest named) opens it
    outsider: float = -1.0  # one of the scene's other people, not named in or just before it
    named_by_neighbour: float = -1.0  # the turn before or after names them, not to call them
    # `cried the man, fixing his eyes on Oliver`: whom the tag of an unresolved description names
    beside_description: float = -6.0
    idiolect: float = 0.1  # per unit of how much more like them an untagged turn sounds (_Idiolects)


SPEAKER_EVIDENCE = SpeakerEvidence()


TURN_TAKING = TurnTaking()
# Participants a conversation is decoded over (its tagged speakers always among them).


# Participants a conversation is decoded over (its tagged speakers always among them).
MAX_PARTICIPANTS = 6
# The scene's other people (earlier speakers, people named further back) added to them, behind a
# prior (SpeakerEvidence.outsider): the speaker nobody near a conversation names is often one.


# The scene's other people (earlier speakers, people named further back) added to them, behind a
# prior (SpeakerEvidence.outsider): the speaker nobody near a conversation names is often one.
MAX_EXTRAS = 2
# How far back (paragraphs, within the scene) the narration's names give those other people.


# How far back (paragraphs, within the scene) the narration's names give those other people.
SCENE_LOOKBACK = 40
# At most this many words between two turns (a tag) and they follow each other directly.


# At most this many words between two turns (a tag) and they follow each other directly.
ADJACENT_WORDS = 4
# How far back (paragraphs, across scenes) a gender-only tag looks for someone who fits it.


# How far back (paragraphs, across scenes) a gender-only tag looks for someone who fits it.
FALLBACK_PARAGRAPHS = 60
# How far back (paragraphs) the narration's naming of someone makes them a likelier speaker.


# How far back (paragraphs) the narration's naming of someone makes them a likelier speaker.
NEARBY_PARAGRAPHS = 15


def _anchor_kind(turn: _Turn) -> str:
    """What gave a turn its known speaker: a "named" tag, an "other" (pronoun or epithet) tag, a
    "silent" reaction between two lines, or a "weak" sign (an action beat, a continued speech)."""
    # a "she said" only the talk's salience resolved (pronoun_gender) agrees with the turn's beat
    # or continuation without making it any firmer: turn-taking may still overrule both
    best = max(
        (q.confidence for q in turn.quotes if q.speaker == turn.speaker and q.pronoun_gender is None),
        default=0.0,
    )
    named = any(q.cue == "explicit" and q.speaker == turn.speaker for q in turn.quotes)
    if named and best >= 0.9:
        return "named"
    if best >= 0.85:
        return "other"
    return "silent" if not turn.quotes else "weak"


def _anchor_weight(turn: _Turn, weights: SpeakerEvidence) -> float:
    """How firmly a turn's known speaker holds against turn-taking."""
    return {
        "named": weights.named_tag,
        "other": weights.other_tag,
        "silent": weights.silent,
        "weak": weights.weak,
    }[_anchor_kind(turn)]


# What an idiolect counts: words, and the marks that set a voice apart (exclamations, questions,
# dashes of broken-off speech).
_STYLE_TOKEN = re.compile(r"[a-z'’]+|[!?;]|--|—")
# Below this many words of a character's tagged lines, their idiolect says nothing.


# Below this many words of a character's tagged lines, their idiolect says nothing.
IDIOLECT_MIN_WORDS = 50
# How many words' weight the work's common speech has in each character's idiolect.


# How many words' weight the work's common speech has in each character's idiolect.
IDIOLECT_PRIOR = 2.0


@dataclass
class _Idiolects:
    """How each character talks: the words of the lines a name tag, an action beat or a continued
    speech gives them, beside the words of all those lines together."""

    words: dict[str, Counter[str]]
    totals: dict[str, int]
    common: Counter[str]
    common_total: int

    def scores(self, text: str, turn: _Turn, candidates: Sequence[str]) -> list[float]:
        """How much more like each candidate a turn's lines sound than like the others (0 for a
        candidate with too few known lines): the log-likelihood of its words under the candidate's
        idiolect against the common speech, per square root of a word, centred on the mean."""
        tokens = [t for q in turn.quotes for t in _STYLE_TOKEN.findall(text[q.start : q.end].lower())]
        known = [c for c in candidates if self.totals.get(c, 0) >= IDIOLECT_MIN_WORDS]
        if not tokens or len(known) < 2:
            return [0.0] * len(candidates)
        vocabulary = len(self.common) + 1
        common = [(self.common[t] + 1) / (self.common_total + vocabulary) for t in tokens]
        likelihood = {}
        for c in known:
            counts, total = self.words[c], self.totals[c] + IDIOLECT_PRIOR
            likelihood[c] = sum(
                math.log((counts[t] + IDIOLECT_PRIOR * p) / total / p)
                for t, p in zip(tokens, common, strict=True)
            ) / math.sqrt(len(tokens))
        mean = sum(likelihood.values()) / len(likelihood)
        return [likelihood[c] - mean if c in likelihood else 0.0 for c in candidates]


def _learn_idiolects(turns: list[_Turn], context: _Context) -> _Idiolects:
    """Each character's idiolect from the turns whose speaker is firmly known (a name tag, or a
    beat or continuation; not a pronoun tag, whose antecedent is wrong too often to learn from)."""
    text = context.work.text
    words: dict[str, Counter[str]] = {}
    for turn in turns:
        if turn.speaker and turn.quotes and _anchor_kind(turn) in ("named", "weak"):
            counts = words.setdefault(turn.speaker, Counter())
            for quote in turn.quotes:
                counts.update(_STYLE_TOKEN.findall(text[quote.start : quote.end].lower()))
    common: Counter[str] = Counter()
    for counts in words.values():
        common.update(counts)
    totals = {c: sum(counts.values()) for c, counts in words.items()}
    return _Idiolects(words, totals, common, sum(totals.values()))


def _contradicts_tag_gender(context: _Context, cid: str, quote: _Found) -> bool:
    """Whether the quote's own tag (`"Quote." He grumbled.`, no antecedent found) says a gender
    that ``cid`` is known not to have: the woman acting after such a tag is not its speaker."""
    character = context.characters.get(cid)
    return (
        quote.gender_hint in ("F", "M")
        and character is not None
        and character.gender in ("F", "M")
        and character.gender != quote.gender_hint
    )


_ADDRESS_MALE = re.compile(
    r"\b(?:sir|papa|my lord|my good man|my boy|my dear fellow|old fellow|old chap)\b(?=[,.!?;—-])", re.I
)


_ADDRESS_FEMALE = re.compile(
    r"\b(?:madam|ma['’ ]am|mum|mama|mamma|my lady|my dear girl|my good woman)\b(?=[,.!?;—-])", re.I
)


def _address_genders(text: str, start: int, end: int) -> list[str]:
    """The gender of whom a quote calls "sir" or "ma'am"."""
    male = _ADDRESS_MALE.search(text, start, end) is not None
    female = _ADDRESS_FEMALE.search(text, start, end) is not None
    if male == female:
        return []
    return ["M"] if male else ["F"]


def _decode_run(
    run_turns: list[_Turn],
    people: list[str],
    context: _Context,
    paras: list[_Para],
    extras: Sequence[str] = (),
) -> None:
    """Speakers for a conversation's untagged turns, and for its "he said"s that only salience
    resolved, decoded as one sequence (see fandex.conversation): every tag pulls on the turns both
    before and after it."""
    # (a run whose every turn is known still decodes when a beat or a pronoun tag knows some: a
    # turn's own evidence, `"I am Ines"`, or the talk may overrule them as around an untagged turn)
    if all(t.speaker and (not t.quotes or _anchor_kind(t) == "named") for t in run_turns):
        return
    all_known = all(t.speaker for t in run_turns)
    weights = SPEAKER_EVIDENCE
    candidates = _candidates(run_turns, people, extras)
    if not candidates:
        return
    introduced_by = [_introduced(turn, context) for turn in run_turns]
    introducing = [c for found in introduced_by for c in found if c not in candidates]
    candidates = candidates + list(dict.fromkeys(introducing))
    candidates = candidates + _gender_fallbacks(run_turns, candidates, context, paras)
    rank = {c: (people.index(c) if c in people else len(people)) for c in candidates}
    outsiders = set(candidates) - set(people) - {t.speaker for t in run_turns}
    text = context.work.text
    # "Yes, sir": whom each turn addresses is a man (or, "ma'am", a woman), so the turns on
    # either side of it were likely spoken by one
    addressed_gender = [
        next((g for q in turn.quotes for g in _address_genders(text, q.start, q.end)), None)
        for turn in run_turns
    ]
    # whom each turn's lines name without calling them by it
    named_in = [
        {
            m.character
            for q in turn.quotes
            for m in _mentions_between(context, q.start, q.end)
            if m.character and m.kind == "name"
        }
        - {v for q in turn.quotes for v in q.vocatives}
        - introduced
        for turn, introduced in zip(run_turns, introduced_by, strict=True)
    ]
    # the same by a name proper, not a cast member named "I" (a cast listing its first-person
    # narrator so), whom every "I" of a line would "name"
    named_in_by_name = [
        {
            m.character
            for q in turn.quotes
            for m in _mentions_between(context, q.start, q.end)
            if m.character in named and not _is_personal_pronoun(text[m.start : m.end])
        }
        for turn, named in zip(run_turns, named_in, strict=True)
    ]
    evidence: list[list[float]] = []
    tagged_before: set[str] = set()  # the known speakers of the turns before this one
    for i, turn in enumerate(run_turns):
        # how each candidate talks matters where no tag, or only a pronoun's antecedent, says who
        # speaks
        style = (
            context.idiolects.scores(text, turn, candidates)
            if context.idiolects is not None
            and weights.idiolect
            and (not turn.speaker or _anchor_kind(turn) == "other")
            else [0.0] * len(candidates)
        )
        own = {v for q in turn.quotes for v in q.vocatives}
        neighbour_genders = {
            addressed_gender[j] for j in (i - 1, i + 1) if 0 <= j < len(run_turns) and addressed_gender[j]
        }
        before = run_turns[i - 1] if i > 0 else None
        after = run_turns[i + 1] if i + 1 < len(run_turns) else None
        called_before = {v for q in before.quotes for v in q.vocatives} if before else set()
        if before is not None:
            # `said Mara to Jonah`: Jonah answers
            called_before |= {
                q.addressee for q in before.quotes if q.addressee and q.addressee != before.speaker
            }
            # `said Mara, turning to Jonah`: Jonah answers too
            called_before |= _turned_to(before, context, paras) - {before.speaker}
        called_after = {v for q in after.quotes for v in q.vocatives} if after else set()
        if after is not None and after.speaker:
            called_after.discard(after.speaker)
        hint = next((q.gender_hint for q in turn.quotes if q.gender_hint in ("F", "M")), None)
        salient = next((q.speaker for q in turn.quotes if q.pronoun_gender and q.speaker), None)
        beside = set().union(*(q.beside_description for q in turn.quotes)) if not turn.speaker else set()
        window_start = paras[max(0, turn.para - NEARBY_PARAGRAPHS)].start
        nearby = {
            m.character
            for m in _mentions_between(context, window_start, paras[turn.para].start)
            if m.character and not _in_quote(context, m.start)
        }
        introduced = introduced_by[i]
        spoken_of = named_in[i]
        # the lines either side speak to this turn's speaker: whom they name without calling is
        # someone else
        spoken_of_by_neighbours = set().union(
            *(named_in_by_name[j] for j in (i - 1, i + 1) if 0 <= j < len(run_turns))
        )
        row = []
        for c in candidates:
            score = -weights.rank * rank[c]
            if c in outsiders:
                score += weights.outsider
            if c in nearby:
                score += weights.named_nearby
            if i == 0 and rank[c] == 0:
                score += weights.opens
            if turn.speaker:
                score += _anchor_weight(turn, weights) if c == turn.speaker else 0.0
            elif turn.gender:
                if not _fits_gender(context, c, turn.gender):
                    score += weights.wrong_gender
                if c == salient:
                    score += weights.salient
            if hint is not None and not _fits_third_person(context, c, hint):
                score += weights.gender_hint
            if c in beside:
                score += weights.beside_description
            if len(neighbour_genders) == 1:
                fits = _fits_gender(context, c, next(iter(neighbour_genders)))
                score += weights.called_sir if fits else -weights.called_sir
            if c in introduced:
                score += weights.introduces
            if c in own:
                score += weights.addressed
            elif c in spoken_of:
                score += weights.spoken_of
            if c in spoken_of_by_neighbours and not turn.speaker:
                score += weights.named_by_neighbour
            if c in called_before and not turn.speaker:
                score += weights.answers
                if c not in tagged_before:
                    score += weights.newcomer_answers
            if c in called_after and c not in own:
                score += weights.answered
            score += weights.idiolect * style[len(row)]
            row.append(score)
        evidence.append(row)
        if turn.speaker:
            tagged_before.add(turn.speaker)
    # a turn right after a line, with no more than a tag between them
    adjacent = [False] + [
        _follows_directly(text, before, turn) for before, turn in itertools.pairwise(run_turns)
    ]
    for i, (turn, choice) in enumerate(zip(run_turns, decode(evidence, TURN_TAKING, adjacent), strict=True)):
        guess = candidates[choice]
        if turn.speaker:
            for quote in turn.quotes:
                if quote.speaker is None and _contradicts_tag_gender(context, turn.speaker, quote):
                    # `"...," said he` in a turn whose beat is a woman's: the likeliest man
                    fitting = [
                        j for j, c in enumerate(candidates) if not _contradicts_tag_gender(context, c, quote)
                    ]
                    if fitting:
                        best = candidates[max(fitting, key=lambda j: evidence[i][j])]
                        quote.speaker, quote.cue, quote.confidence = best, "implicit", 0.5
        if (
            turn.speaker
            and turn.quotes
            and guess != turn.speaker
            and _anchor_weight(turn, weights) < weights.named_tag
            and (
                # a beat in a run whose every turn is known falls only to its turn's own evidence
                # (`"I am Ines"`), not to turn-taking alone (`"I cannot tell." Mara hesitated.`
                # after Jonah and Ines spoke: a third voice, not Jonah again)
                not all_known
                or _anchor_kind(turn) != "weak"
                or turn.speaker not in candidates
                or evidence[i][choice] > evidence[i][candidates.index(turn.speaker)]
            )
        ):
            # a pronoun tag or an action beat that the whole conversation disagrees with: the
            # pronoun's antecedent or the beat's actor was someone else; beats and continuations
            # change (below 0.8), and so does a "she said" when whom the conversation puts there
            # is a woman too (the pronoun holds, its antecedent was wrong); other tags are kept
            for quote in turn.quotes:
                if quote.speaker != turn.speaker:
                    continue
                if quote.confidence < 0.8 or (
                    quote.tag_pronoun in ("F", "M") and _fits_gender(context, guess, quote.tag_pronoun)
                ):
                    quote.speaker = guess
            continue
        if turn.speaker:
            continue  # a named tag stands
        for quote in turn.quotes:
            if quote.pronoun_gender:
                # the decoding's pick only where it can be that "he" or "she": turn-taking that
                # outweighs the gender evidence is wrong about this turn, salience's pick stays
                if quote.pronoun_gender not in ("F", "M") or _fits_gender(
                    context, guess, quote.pronoun_gender
                ):
                    quote.speaker = guess
            elif quote.speaker is None or quote.confidence <= 0.5:
                quote.speaker, quote.cue, quote.confidence = guess, "implicit", 0.5


def _follows_directly(text: str, before: _Turn, turn: _Turn) -> bool:
    """Whether a turn's first line comes right after the line before it, no more than a tag
    between them. A narration paragraph of its own between the two, however short (`His mother
    said nothing.`), is a pause, after which the same voice often goes on."""
    return (
        bool(before.quotes and turn.quotes)
        and turn.quotes[0].para - before.quotes[-1].para <= 1
        and _only_a_tag_between(text, before.quotes[-1].outer_end, turn.quotes[0].outer_start)
    )


# A tag clause that goes on after a line: `," said Fielding, at once taking charge.`
_TAG_CLAUSE_START = re.compile(r"[,;:!?.]?[\"'”’]*\s*[a-z]")


TAG_CLAUSE_WORDS = 20


def _only_a_tag_between(text: str, start: int, end: int) -> bool:
    """Whether two lines follow each other directly: no more than ADJACENT_WORDS between them,
    or only the speech tag of the first, however long its manner phrase (`," said Fielding, at
    once taking charge of the situation.`), with no narration sentence after it."""
    between = text[start:end]
    words = len(between.split())
    if words <= ADJACENT_WORDS:
        return True
    if words > TAG_CLAUSE_WORDS or not _TAG_CLAUSE_START.match(between):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(between.rstrip())]
    return len(ends) <= 1 and (not ends or not between[ends[0] :].strip())


# `turning to Jonah`, `looking up at Jonah`, `with a glance at Jonah`: whom a line is said to
_TURNED_TO = re.compile(
    r"\b(?:turn|look|glanc|nodd|smil|bow)(?:s|ed|ing|e|es)?(?:\s+(?:round|up|back|across|over))?"
    r"\s+(?:to|at|towards|upon)\s+$"
)


def _turned_to(turn: _Turn, context: _Context, paras: list[_Para]) -> set[str]:
    """Whom the narration of a turn's paragraphs has its speaker turn or look to (`said Mara,
    turning to Jonah`): the one the line is said to, who most likely answers it."""
    text = context.work.text
    found: set[str] = set()
    for index in dict.fromkeys(q.para for q in turn.quotes):
        para = paras[index]
        for mention in _mentions_between(context, para.start, para.end):
            if (
                mention.character
                and not _in_quote(context, mention.start)
                and _TURNED_TO.search(text, max(para.start, mention.start - 40), mention.start)
            ):
                found.add(mention.character)
    return found


_PERSONAL_PRONOUNS = frozenset((*PRONOUN_GENDER, *OBJECT_PRONOUN_GENDER, "you", "my", "me"))


def _is_personal_pronoun(words: str) -> bool:
    """Whether a name mention is only a pronoun (a cast listing its first-person narrator as
    "I"): it names no one in particular in a line, so it is no third person spoken of."""
    return words.strip().lower() in _PERSONAL_PRONOUNS


# `I am Rosa`, `I'm Rosa` (its apostrophe at times lost to a space), `my name's Rosa`
_SELF_INTRODUCTION = re.compile(r"(?:\b(?:I am|I['’ ]m|[Mm]y name is|name['’ ]s)|\bit is I,?)\s+$")
# on the telephone: `This is Jock speaking.`


# on the telephone: `This is Jock speaking.`
_THIS_IS = re.compile(r"\b[Tt]his is\s+$")


_SPEAKING = re.compile(r"\s+speaking\b")


def _introduced(turn: _Turn, context: _Context) -> set[str]:
    """Whom a turn's lines introduce as its speaker: `I am Rosa.`, `My name is Rosa`, `This is
    Rosa speaking`."""
    text = context.work.text
    return {
        m.character
        for q in turn.quotes
        for m in _mentions_between(context, q.start, q.end)
        if m.character
        and (
            _SELF_INTRODUCTION.search(text, max(q.start, m.start - 20), m.start)
            or (
                _THIS_IS.search(text, max(q.start, m.start - 20), m.start)
                and _SPEAKING.match(text, m.end, q.end)
            )
        )
    }


def _gender_fallbacks(
    run_turns: list[_Turn], candidates: list[str], context: _Context, paras: list[_Para]
) -> list[str]:
    """For a turn whose tag gives only a gender ("said the girl", a "she" with no antecedent) when
    no candidate has that gender: the latest person of that gender the narration named before the
    conversation (in any scene), so that the decoding has someone who fits."""
    added: list[str] = []
    for turn in run_turns:
        genders = {q.gender_hint for q in turn.quotes if q.speaker is None} & {"F", "M"}
        if not turn.speaker:
            genders |= {turn.gender, *(q.gender_hint for q in turn.quotes)} & {"F", "M"}
        for gender in genders:
            if any(_fits_gender(context, c, gender) for c in [*candidates, *added]):
                continue
            window_start = paras[max(0, turn.para - FALLBACK_PARAGRAPHS)].start
            for mention in reversed(_mentions_between(context, window_start, paras[turn.para].start)):
                cid = mention.character
                if cid and _fits_gender(context, cid, gender) and not _in_quote(context, mention.start):
                    added.append(cid)
                    break
    return added


def _candidates(run_turns: list[_Turn], people: list[str], extras: Sequence[str] = ()) -> list[str]:
    """The participants a conversation is decoded over: its tagged speakers (the most often
    tagged first), then its people in order, at most MAX_PARTICIPANTS unless more were tagged;
    then at most MAX_EXTRAS of the scene's other people (``extras``, likeliest first)."""
    counts = Counter(t.speaker for t in run_turns if t.speaker)
    candidates = [c for c, _ in counts.most_common()]
    candidates += [p for p in people if p not in candidates]
    for turn in run_turns:
        for quote in turn.quotes:
            if quote.pronoun_gender and quote.speaker and quote.speaker not in candidates:
                candidates.append(quote.speaker)
    candidates = candidates[: max(MAX_PARTICIPANTS, len(counts))]
    return candidates + [e for e in extras if e not in candidates][:MAX_EXTRAS]


def _scene_named(first: int, paras: list[_Para], context: _Context) -> list[str]:
    """Who the narration of the same scene names before a conversation's own lookback
    (PEOPLE_LOOKBACK paragraphs), at most SCENE_LOOKBACK paragraphs back, the latest first."""
    end = first - PEOPLE_LOOKBACK
    start = end
    while start > 0 and first - start < SCENE_LOOKBACK and not paras[start].scene_break:
        start -= 1
    if end <= start:
        return []
    named = [
        m.character
        for m in _mentions_between(context, paras[start].start, paras[end].start)
        if m.character and m.kind == "name" and not _in_quote(context, m.start)
    ]
    return list(dict.fromkeys(reversed(named)))


def _conversation_people(turns: list[_Turn], paras: list[_Para], context: _Context) -> list[str]:
    """Who takes part in a conversation, likeliest first: its tagged speakers, then whoever the
    narration just before and inside it names (the latest first), then whoever is addressed."""
    people: list[str] = []
    for turn in turns:
        if turn.speaker and turn.speaker not in people:
            people.append(turn.speaker)
    first = turns[0].para
    while first > 0 and turns[0].para - first < PEOPLE_LOOKBACK and not paras[first].scene_break:
        first -= 1  # the narration just before, within the same scene
    named = [
        m.character
        for m in _mentions_between(context, paras[first].start, paras[turns[-1].para].end)
        if m.character and not _in_quote(context, m.start)
    ]
    for character in reversed(named):
        if character not in people:
            people.append(character)
    for turn in turns:
        for quote in turn.quotes:
            for addressed in quote.vocatives:
                if addressed not in people:
                    people.append(addressed)
    if context.narrator is not None and context.narrator not in people:
        # a first-person narrator takes part in most conversations without being named
        people.append(context.narrator)
    return people


def _addressees(text: str, turns: list[_Turn], context: _Context) -> None:
    """Stated in the tag, else a vocative, else the nearest other speaker of the conversation."""
    for i, turn in enumerate(turns):
        neighbours = [
            t.quotes[0].speaker
            for t in (turns[i - 1] if i else None, turns[i + 1] if i + 1 < len(turns) else None)
            if t is not None and t.run == turn.run and t.quotes and t.quotes[0].speaker
        ]
        for quote in turn.quotes:
            if quote.addressee is None:
                addressed = [v for v in quote.vocatives if v != quote.speaker]
                if addressed:
                    quote.addressee = addressed[0]
            if quote.addressee is None and quote.speaker is not None:
                others = [n for n in neighbours if n != quote.speaker]
                if others:
                    quote.addressee = others[0]


def _nearest_tagged(text: str, quotes: list[_Found], k: int) -> _Found | None:
    """The tagged quote that an untagged quote of the same paragraph belongs with: one of its own
    stretch, where a line broken off by the next one ends a stretch (`"But Margaret dear --" "I'll
    go," said Margaret.`: the interrupter's tag is not the interrupted line's, nor the other way)."""
    segment = _segments(text, quotes)
    candidates = [q for i, q in enumerate(quotes) if q.tag_subject is not None and segment[i] == segment[k]]
    if not candidates:
        return None
    before = [q for q in candidates if q.start < quotes[k].start]
    return before[-1] if before else candidates[0]


def _segments(text: str, quotes: list[_Found]) -> list[int]:
    """For each quote of a paragraph, which stretch of one speaker it is in: a new stretch starts
    after each line that the next one breaks off (_cut_off_by_next)."""
    segment, current = [], 0
    for k in range(len(quotes)):
        segment.append(current)
        if _cut_off_by_next(text, quotes, k):
            current += 1
    return segment


_BROKEN_OFF = re.compile(r"(?:--|[—–])\s*$")


def _cut_off_by_next(text: str, quotes: list[_Found], k: int) -> bool:
    """Whether quote k stops on a dash with the next quote right after it, nothing between."""
    if k + 1 >= len(quotes):
        return False
    quote = quotes[k]
    return (
        bool(_BROKEN_OFF.search(text, quote.start, quote.end))
        and not text[quote.outer_end : quotes[k + 1].outer_start].strip()
    )


def _note_narration(
    context: _Context,
    conversation: _Conversation,
    start: int,
    end: int,
    index: int,
    quotes: list[_Found] | None = None,
) -> None:
    """Remember which characters the narration mentioned, for pronoun resolution."""
    for mention in _mentions_between(context, start, end):
        if quotes and any(q.start <= mention.start < q.end for q in quotes):
            continue
        if mention.character:
            conversation.salient.append((index, mention.character))
    if len(conversation.salient) > 200:
        del conversation.salient[:100]
