"""Point of view: narration person and POV character of each section.

A section is a stretch told by one narrator. Its boundaries are chapter and scene starts and
name headings (a bare character name that opens a first-person stretch: "Spike Before you condemn
me..."); neighbouring pieces with the same person and POV character are one section.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from fandex.mentions import quoted_spans
from fandex.options import Options
from fandex.person_words import NOT_NAMES
from fandex.work import Mention, Section, Work

Person = Literal["first", "second", "third"]

_PERSON_WORD = re.compile(
    r"\b(?:(I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)|([Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself)|"
    r"([Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|[Hh]imself|[Hh]erself))\b"
)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur)\b")
_THIRD_PERSON_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]imself|[Hh]erself)\b")
_SENTENCE_END = frozenset('.!?…"”*\n')
_APOSTROPHE_SPLIT = re.compile(r"['’]")
_NEXT_WORD = re.compile(r"[ \t]*(?:\r?\n[ \t\r\n]*)?([A-Z][\w'’]*)")
_FOLLOWING_WORD = re.compile(r"\s+(?:\w+ly\s+)?([a-z]+)")
# Verbs that put the reader inside a character's head.
_MIND_VERBS = frozenset(
    {
        "thought",
        "knew",
        "wondered",
        "realized",
        "realised",
        "noticed",
        "felt",
        "remembered",
        "wanted",
        "wished",
        "hoped",
        "feared",
        "decided",
        "understood",
        "recalled",
        "guessed",
        "suspected",
        "imagined",
        "supposed",
        "believed",
        "doubted",
        "saw",
        "heard",
        "watched",
        "liked",
        "loved",
        "hated",
        "missed",
        "considered",
        "pondered",
        "mused",
        "worried",
    }
)
# How much text after a candidate heading is read to see whether it is told in the first person.
_HEADING_LOOKAHEAD = 900


@dataclass(frozen=True, slots=True)
class Heading:
    """A bare character name that opens a section: ``text[start:end]`` is the name."""

    start: int
    end: int
    character: str
    label: str


def person_counts(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Counter[str]:
    """Counts of first-, second- and third-person singular pronouns outside ``quotes``."""
    counts: Counter[str] = Counter()
    quote_starts = [q[0] for q in quotes]
    for match in _PERSON_WORD.finditer(text, start, end):
        k = bisect.bisect_right(quote_starts, match.start()) - 1
        if k >= 0 and quotes[k][1] > match.start():
            continue
        counts["first" if match.group(1) else "second" if match.group(2) else "third"] += 1
    return counts


def narration_person(counts: Counter[str]) -> Person | None:
    """The person of a narration from its pronoun counts (None with too little evidence).

    First-person narrators talk about others all the time, so "I" wins with a third of the
    third-person count; "you" must outnumber "I" and be frequent to be second-person narration.
    """
    first, second, third = counts["first"], counts["second"], counts["third"]
    if first + second + third < 3:
        return None
    if second > first and second * 2 >= third and second >= 3:
        return "second"
    if first >= 3 and first * 3 >= third:
        return "first"
    return "third"


def find_name_headings(
    text: str,
    start: int,
    end: int,
    names: dict[str, str],
    quotes: list[tuple[int, int]],
    full_names: Iterable[str] = (),
) -> list[Heading]:
    """Bare names (``names``: surface -> character id) that head a first-person section.

    A heading starts a sentence, is followed directly by a capitalised sentence start that does
    not make it a longer name ("Buffy He could hit me"), and the text after it is in the first
    person.
    """
    single = sorted((n for n in names if n and " " not in n), key=len, reverse=True)
    if not single:
        return []
    longer = {" ".join(n.split()) for n in full_names}
    name_words = {w for n in longer if " " in n for w in n.split()}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in single) + r")\b")
    quote_starts = [q[0] for q in quotes]
    found: list[Heading] = []
    for match in pattern.finditer(text, start, end):
        k = bisect.bisect_right(quote_starts, match.start()) - 1
        if k >= 0 and quotes[k][1] > match.start():
            continue
        before = text[start : match.start()].rstrip() if match.start() - start < 200 else None
        if before is None:
            before = text[max(start, match.start() - 200) : match.start()].rstrip()
        if before and before[-1] not in _SENTENCE_END:
            continue
        following = _NEXT_WORD.match(text, match.end(), end)
        if following is None or _APOSTROPHE_SPLIT.split(following.group(1).lower())[0] not in NOT_NAMES:
            continue  # a heading is followed by an ordinary sentence start: "He", "Before", "I"
        next_word = re.sub(r"['’]s$", "", following.group(1))
        if f"{match.group()} {next_word}" in longer or next_word in name_words:
            continue  # "Jane Fairfax's perception": a full name, not a heading
        window_end = min(end, following.start(1) + _HEADING_LOOKAHEAD)
        window = text[following.start(1) : window_end]
        first = len(_FIRST_PERSON_WORD.findall(window))
        third = len(_THIRD_PERSON_WORD.findall(window))
        if first >= 3 and first * 4 >= third:
            found.append(Heading(match.start(), match.end(), names[match.group()], match.group()))
    return found


def find_sections(work: Work, options: Options) -> None:
    """Add the sections layer and mark the narrators of first-person sections."""
    text = work.text
    start = min(max(work.metadata.body_start, 0), len(text))
    end = len(text)
    if start >= end or not text[start:end].strip():
        work.sections = []
        return
    quotes = _excluded_spans(work, start, end)
    headings = find_name_headings(
        text,
        start,
        end,
        _single_names(work),
        quotes,
        (a for c in work.characters for a in (c.name, *c.aliases)),
    )
    heading_at = {h.start: h for h in headings}
    cuts = sorted(
        {start}
        | {c.start for c in work.chapters if start < c.start < end}
        | {s.start for s in work.scenes if start < s.start < end}
        | set(heading_at)
    )
    whole = narration_person(person_counts(text, start, end, quotes))
    # Sorted once, sliced per section: scanning every mention for every section was quadratic.
    mentions = sorted(work.mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in mentions]

    def mentions_in(begin: int, finish: int) -> list[Mention]:
        return mentions[
            bisect.bisect_left(mention_starts, begin) : bisect.bisect_left(mention_starts, finish)
        ]

    pieces: list[Section] = []
    for begin, finish in zip(cuts, [*cuts[1:], end], strict=True):
        if not text[begin:finish].strip():
            continue
        heading = heading_at.get(begin)
        counts = person_counts(text, begin, finish, quotes)
        person = narration_person(counts)
        if person == "third" and whole == "first" and not headings and counts["first"]:
            # A first-person novel's chapter of mostly dialogue still has its narrator.
            person = "first"
        elif person == "first" and whole == "third" and not headings and counts["first"] < counts["third"]:
            # In a third-person story, a stretch is told in the first person (a letter, a diary)
            # only when "I" outnumbers "he" and "she": else it is speech the quotes missed.
            person = "third"
        if heading is not None:
            person = "first"
            pov = heading.character
        elif person == "first":
            pov = _narrator_in(mentions_in(begin, finish))
        else:
            pov = _focal_character(work, mentions_in(begin, finish), begin, finish, quotes)
        section = Section(begin, finish, person, pov, heading.label if heading else None)
        previous = pieces[-1] if pieces else None
        if (
            previous is not None
            and heading is None
            and ((previous.person, previous.pov) == (person, pov) or person is None)
        ):
            # Same narrator, or too little narration to tell (a chapter title, a one-line scene).
            previous.end = finish
        elif previous is not None and previous.person is None and previous.label is None:
            # What came before had no narration of its own: it opens this section.
            section.start = previous.start
            pieces[-1] = section
        else:
            pieces.append(section)
    work.sections = pieces
    narrators = {s.pov for s in pieces if s.person == "first" and s.pov}
    for character in work.characters:
        if character.id in narrators:
            character.narrator = True


def _excluded_spans(work: Work, start: int, end: int) -> list[tuple[int, int]]:
    """Speech and thoughts: what is not narration. The dialogue layer when there is one."""
    if work.quotes:
        spans = [(q.start, q.end) for q in work.quotes] + [(t.start, t.end) for t in work.thoughts]
        return sorted(spans)
    return quoted_spans(work.text, start, end)


def _single_names(work: Work) -> dict[str, str]:
    """One-word names of the cast as they appear in the text, each pointing at its character."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for mention in work.mentions:
        if mention.kind != "name" or mention.character is None:
            continue
        surface = work.text[mention.start : mention.end]
        if " " in surface:
            continue
        if names.setdefault(surface, mention.character) != mention.character:
            ambiguous.add(surface)
    return {n: c for n, c in names.items() if n not in ambiguous}


def _narrator_in(mentions: list[Mention]) -> str | None:
    votes = Counter(m.character for m in mentions if m.kind == "narrator" and m.character)
    return votes.most_common(1)[0][0] if votes else None


def _focal_character(
    work: Work, mentions: list[Mention], start: int, end: int, quotes: list[tuple[int, int]]
) -> str | None:
    """Third person: who is the narration's subject, whose mind we read, whose thoughts we hear.

    A subject ("She climbed", "Giles took") scores 1, any other mention 0.3; a subject followed by
    a verb of perception or thought ("he noticed", "Willow wondered") 2 more; a thought 3.
    """
    text = work.text
    quote_starts = [q[0] for q in quotes]
    scores: Counter[str] = Counter()
    for mention in mentions:
        if mention.character is None or mention.kind == "narrator":
            continue
        k = bisect.bisect_right(quote_starts, mention.start) - 1
        if k >= 0 and quotes[k][1] > mention.start:
            continue
        surface = text[mention.start : mention.end].lower()
        before = text[max(start, mention.start - 3) : mention.start].strip()
        subject = surface in ("he", "she") or (
            mention.kind == "name" and (not before or before[-1] in _SENTENCE_END)
        )
        score = 1.0 if subject else 0.3
        following = _FOLLOWING_WORD.match(text, mention.end)
        if subject and following and following.group(1).lower() in _MIND_VERBS:
            score += 2.0
        scores[mention.character] += score
    for thought in work.thoughts:
        if thought.thinker and start <= thought.start < end:
            scores[thought.thinker] += 3
    return scores.most_common(1)[0][0] if scores else None
