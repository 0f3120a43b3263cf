"""Relationships between characters: romantic, platonic or antagonistic, with evidence.

Cues (kisses, "in love", dating, partner words, sex, jealousy, touch; friends and family words; hate
and fights) come from the general-English lexicon in ``taggers/lexicon.yaml``. A cue counts for a
pair only when both are tied to it: referred to in the same sentence (by name, epithet or pronoun),
or speaker and addressee of the quote it is spoken in ("I love you"). The two references nearest the
cue win when a sentence names more people. Negated cues ("we aren't dating") do not count, and cues
in dialogue weigh less than narration (talk is often teasing).

Each kind's strength is a noisy-or of its cue weights, so many weak cues add up without passing 1.
The main pairing is the author's first declared pairing when there is one, else the strongest
romantic relationship (else the strongest platonic one, for gen stories, else the strongest
antagonistic one).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from fandex import person_words
from fandex.fandoms import FandomPack
from fandex.mentions import find_name_mentions
from fandex.options import Options
from fandex.taggers.cast import CastIndex, Reference
from fandex.taggers.declared import NameResolver, Pairing, parse_pairing
from fandex.taggers.text import CueHit, cue_set, lexicon, negated, sentences
from fandex.work import Evidence, Relationship, Work

# Plural references that may be what a cue is about instead of the people named around it.
_PLURAL = re.compile(r"\b(?:they|them|their|the two|the couple|both)\b", re.IGNORECASE)
KINDS: tuple[str, ...] = ("romantic", "platonic", "antagonistic")
# The words around a cue in a quote that show it concerns the speaker and the listener.
_ADDRESS_WINDOW = 30
_SECOND_PERSON_OBJECT = re.compile(r"\s+(?:\w+\s+)?(?:you|me|us)\b", re.IGNORECASE)
_INTERLOCUTOR_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "you",
        "your",
        "yours",
        "yourself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
    ]
)
# "you'd come to bed", "you kissed": the listener does it (with the speaker, in a quote).
_YOU_DO = re.compile(r"\byou(?:['’](?:d|ll|ve)| will| would| have)?\s+(?:\w+\s+)?$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:your|his|her|their|my)\s+$", re.IGNORECASE)
_FIRST_PLURAL = re.compile(r"\b(?:we|we're|we've|we'd|us|our)\b[^.!?]*$", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|you're|your)\b[^.!?]*$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|me|my)\b", re.IGNORECASE)
# A partner noun after a possessive ("Allison's new boyfriend", "her husband") is someone's partner:
# it ties the possessor only to whoever the sentence says that partner is (see ``_owned_partner``).
# The nouns are the lexicon's "partner word" cues.
_PARTNER_NOUN = re.compile(
    "|".join(f"(?:{p})" for p in lexicon()["relationship"]["romantic"]["partner word"]["patterns"]),
    re.IGNORECASE,
)
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:his|her|my|your|their|our)|\w['’]s)\s+"
    r"(?:(?:new|old|late|future|former|ex-?|first|current|own|dear|beloved|young)\s+)?$",
    re.IGNORECASE,
)
_COPULA_BEFORE = re.compile(
    r"\b(?:is|was|were|are|am|be|been|became|become|becomes)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# Pet names ("honey", "baby") are said to someone: in narration, or after a determiner ("when I was a
# baby", "the honey"), the word means the thing itself.
ENDEARMENT = "endearment"
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|their|its|our|my|your|some)\s+$", re.IGNORECASE
)
# How near a name must stand to the partner noun to be its apposition ("her boyfriend, Scott").
_APPOSITION_GAP = 3
# Talk weighs less than narration: characters tease and deny.
DIALOGUE_FACTOR = 0.6
# At least this strength for a kind to be a relationship at all.
ROMANTIC_THRESHOLD = 0.5
OTHER_THRESHOLD = 0.4
# The least platonic strength for the only pair of a story with no other relationship.
GEN_PAIR_THRESHOLD = 0.25
# Or at least this many shared paragraphs (see ``_add_gen_pair``).
GEN_PAIR_PARAGRAPHS = 3
# A romance this many times weaker than another romance of one of its people is not one.
OVERSHADOW = 2.5
# Romantic cues that a couple sharing a family name (husband and wife) has and a family does not.
_COUPLE_CUES = frozenset({"partner word", "marriage", "sex", "dating"})
# Family words tying a pair this often make it family whatever the two are called (unless friend
# words tie them as often).
FAMILY_WORDS = 3
_FRIEND_CUES = frozenset({"friend", "best friend"})
# Kisses tying a pair this often keep family words from making two people of different names kin
# (twice may still be a family's goodnight kisses, told of a son and the dad he calls "his dad").
COUPLE_KISSES = 3
# The gender a family word gives whoever it names ("cousin" and "sibling" give none).
_FAMILY_WORD_GENDER = person_words.KIN_WORD_GENDER
# "Brother" or "sister" said to the listener ("Hold on, brother."): friends and comrades call each
# other so, and siblings seldom do, so the word used as a form of address is no family tie.
_SIBLING_WORDS = frozenset({"brother", "sister"})
_PHRASE_END = frozenset(',.!?;:"”’…—')
_VOCATIVE_BEFORE = re.compile(r"(?:,\s*(?:my\s+)?|^[\"“‘]?\s*)$", re.IGNORECASE)
# One sentence shared by exactly two people (and no cue): a weak platonic tie.
TOGETHER_WEIGHT = 0.1
# Evidence kept per pair and kind (the earliest ones; enough to show why).
MAX_EVIDENCE = 12
# The two leads the author's summary names, when the story keeps them together in at least this
# many paragraphs, are the work's couple: a romantic cue of this weight (see ``_summary_leads``).
LEAD_PARAGRAPHS = 5
LEAD_WEIGHT = ROMANTIC_THRESHOLD
SUMMARY_COUPLE = "the summary's two leads, often together"
NAMED_PAIRING = "a pairing the summary or notes write"
# "Roy/Hughes", "Tony Stark x Bruce Wayne" in the author's summary or notes: a slash or an "x"
# between two names of one or two capitalised words, and no third name chained on ("A/B/C" is a
# list of books or a poly tag, left alone).
_WRITTEN_PAIRING = re.compile(
    r"(?<![\w/])([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?) ?(?:/| x | X ) ?([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)(?![\w/])"
)
# Friend or family words this often for a pair say that the leads are friends or kin instead.
LEAD_TIES = 2
# AO3's "Reader" of a reader-insert story: the "you" of a body told mostly in the second person. It
# is no character of the cast; pairs with it are tagged "Character/Reader" or "Character & Reader".
READER = "Reader"
# Share of the body told in the second person for the story to be a reader-insert.
READER_SHARE = 0.5
# The reader in the narration: "you" and its forms, and the name placeholders reader-inserts use
# ("Y/N", "(Y/N)", "y/n"; "L/N" for the family name).
_READER_WORD = re.compile(r"\b(?:you|your|yours|yourself)\b|\(?\b[YyLl]/[Nn]\b\)?", re.IGNORECASE)
_READER_PLACEHOLDER = re.compile(r"\(?\b[YyLl]/[Nn]\b\)?")
# A story writing the placeholders this often is a reader-insert in any person ("Y/N smiled").
READER_PLACEHOLDERS = 2


@dataclass
class _PairCues:
    hits: dict[str, list[tuple[CueHit, float]]] = field(default_factory=lambda: {k: [] for k in KINDS})

    def strength(self, kind: str) -> float:
        remaining = 1.0
        for _, weight in self.hits[kind]:
            remaining *= 1.0 - weight
        return 1.0 - remaining

    def total(self, kind: str) -> float:
        return sum(weight for _, weight in self.hits[kind])


def find_relationships(work: Work, options: Options) -> None:
    """Add the relationships layer."""
    cast = CastIndex(work, options)
    pairs = _collect_cues(work, cast)
    _add_summary_couple(work, cast, pairs)
    _add_named_pairing(work, cast, pairs)
    kinds = {ids: kind for ids, cues in pairs.items() if (kind := _kind_of(cues)) is not None}
    _demote_overshadowed(kinds, pairs)
    _demote_family(kinds, pairs, cast)
    if not kinds and pairs:
        _add_gen_pair(work, cast, pairs, kinds)
    relationships = [
        Relationship(
            characters=list(ids),
            kind=kind,  # type: ignore[arg-type]
            strength=round(pairs[ids].strength(kind), 3),
            evidence=_evidence(pairs[ids], kind),
        )
        for ids, kind in kinds.items()
    ]
    totals = {tuple(r.characters): pairs[tuple(r.characters)].total(r.kind) for r in relationships}
    relationships.sort(key=lambda r: (-totals[tuple(r.characters)], r.characters))
    declared = [] if options.ignore_declared_tags else declared_pairings(work, cast)
    _mark_main(relationships, declared, pairs)
    work.relationships = relationships


def declared_pairings(work: Work, cast: CastIndex) -> list[Pairing]:
    resolver = NameResolver(work.characters, cast.packs)
    parsed = (parse_pairing(raw, resolver) for raw in work.metadata.declared_tags.relationships)
    return [p for p in parsed if p is not None]


def second_person_share(work: Work) -> float:
    """Share of the body in sections told in the second person."""
    body = max(1, len(work.text) - work.metadata.body_start)
    return sum(s.end - s.start for s in work.sections if s.person == "second") / body


def reader_placeholders(work: Work) -> list[tuple[int, int]]:
    """Spans of the reader's name placeholders ("Y/N", "(Y/N)", "L/N") in the body."""
    return [m.span() for m in _READER_PLACEHOLDER.finditer(work.text, work.metadata.body_start)]


def reader_insert(work: Work) -> str | None:
    """How a story is a reader-insert: "second" when told mostly in the second person (its
    narration's "you" is the reader), "placeholder" when it writes the reader's name as "Y/N"
    (in any person), None when it is no reader-insert."""
    if second_person_share(work) >= READER_SHARE:
        return "second"
    if len(reader_placeholders(work)) >= READER_PLACEHOLDERS:
        return "placeholder"
    return None


def reader_references(
    work: Work, cast: CastIndex, start: int, end: int, second_person: bool
) -> list[Reference]:
    """The reader's references between ``start`` and ``end`` of a reader-insert story: the "Y/N"
    placeholders anywhere (the reader's name, said or narrated), and, when the story is told in
    the second person, "you" in the narration (in a quote "you" is whoever the speaker addresses;
    a third-person story's "you" is generic)."""
    found = []
    for match in _READER_WORD.finditer(work.text, start, end):
        placeholder = _READER_PLACEHOLDER.fullmatch(match.group())
        if placeholder is None and (not second_person or cast.quote_at(match.start()) is not None):
            continue
        found.append(Reference(match.start(), match.end(), READER))
    return found


def _collect_cues(work: Work, cast: CastIndex) -> dict[tuple[str, ...], _PairCues]:
    text = work.text
    families = {kind: cue_set("relationship", kind) for kind in KINDS}
    pairs: dict[tuple[str, ...], _PairCues] = {}
    reader = reader_insert(work)
    for start, end in _regions(work):
        for a, b in sentences(text, start, end):
            named = cast.between(a, b)
            if reader is not None:
                found = reader_references(work, cast, a, b, reader == "second")
                named = sorted(named + found, key=lambda r: (r.start, r.end))
            spoken = {id(q): cast.participants(q) for q in cast.quotes_between(a, b)}
            references = named + [ref for refs in spoken.values() for ref in refs]
            present = {r.character for r in references}
            if len(present) < 2:
                continue  # nobody to pair: skip the cue search altogether
            if len(present) == 2:
                # Two people in one sentence, and nobody else: a little evidence that they share
                # the story, which decides the main pair of a gen story when no cue word does.
                together = CueHit("together", TOGETHER_WEIGHT, a, b)
                pairs.setdefault(tuple(sorted(present)), _PairCues()).hits["platonic"].append(
                    (together, TOGETHER_WEIGHT)
                )
            for kind, cues in families.items():
                for hit in cues.find(text, a, b):
                    if negated(text, hit.start):
                        continue
                    quote = cast.quote_at(hit.start)
                    if (
                        hit.group == "family"
                        and quote is not None
                        and _sibling_address(text, hit, quote.start)
                    ):
                        continue  # "Hold on, brother": a comrade's form of address
                    if hit.group == ENDEARMENT and (
                        quote is None or _DETERMINER_BEFORE.search(text[max(0, hit.start - 8) : hit.start])
                    ):
                        continue  # narration's "honey" and "baby", or "a baby" said of one: no pet name
                    candidates = references
                    owned = _owned_partner(text, hit, named) if quote is None else None
                    if owned is not None:
                        candidates = owned
                    elif quote is not None and not _addressed(text, hit):
                        # "Your boyfriend cheated on you" is about a third person: talk ties its
                        # speaker and listener only to what one says of the other ("I love you").
                        candidates = [
                            r
                            for r in named
                            if not (quote.start <= r.start < quote.end and _is_interlocutor(text, r))
                        ]
                    pair = _nearest_pair(candidates, hit, _plural_positions(text, a, b))
                    if pair is None:
                        continue
                    weight = hit.weight * (DIALOGUE_FACTOR if cast.quote_at(hit.start) else 1.0)
                    pairs.setdefault(pair, _PairCues()).hits[kind].append((hit, weight))
    return pairs


def _add_summary_couple(work: Work, cast: CastIndex, pairs: dict[tuple[str, ...], _PairCues]) -> None:
    """Give the pair of people the author's summary names whom the story keeps together in the most
    paragraphs a romantic cue: the summary's couple.

    An AO3 summary names the work's leads ("Stiles stared at his phone. Was that really a picture of
    Chris Argent?"), and a work's main pairing is nearly always a romance; a chapter of a slow burn
    may show the two together page after page with no cue word yet. Paragraphs, not sentences,
    measure "together": two men in one scene are "he" and "him" in most sentences, whom the
    pronoun layer cannot always tell apart. The cue weighs just enough to make the pair a romance
    on its own, so family words (the family rule), a far stronger romance of one of them
    (overshadowing) or friend and family words for the pair itself still decide otherwise. Its
    evidence is their first shared sentence, else their first shared paragraph. The cue is the only
    trace of the couple: ``_mark_main`` finds the pair by it, to make the couple the main pairing
    even beside a wordier romance (both matter: without the cue the couple often is no
    relationship at all, without the main mark a side romance is the work's pairing).
    """
    if not work.metadata.summary:
        return
    # Only people: a lead the story never gives a gender (no pronoun, no pack) is a place or a thing
    # the summary speaks of as "her" at most ("Uzushio pulls Shisui to her": an island).
    named = {
        m.character
        for m in find_name_mentions(work.metadata.summary, work.characters)
        if m.character and cast.genders.get(m.character, "U") != "U"
    }
    if len(named) < 2:
        return
    shared: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for start, end in _regions(work):
        present = sorted({r.character for r in cast.between(start, end)} & named)
        for ids in itertools.combinations(present, 2):
            shared.setdefault(ids, []).append((start, end))
    if not shared:
        return
    # The pair sharing the most paragraphs (the first in id order on a tie, so the choice is
    # stable) is the leads; when friend or family words tie them, the work is about no couple, and
    # the next pair is no couple either (a hero's father, met in the same chapters).
    best = min(shared, key=lambda ids: (-len(shared[ids]), ids))
    if len(shared[best]) < LEAD_PARAGRAPHS or _ties(pairs.get(best)) >= LEAD_TIES:
        return
    cues = pairs.setdefault(best, _PairCues())
    together = [hit for hit, _ in cues.hits["platonic"] if hit.group == "together"]
    start, end = (together[0].start, together[0].end) if together else shared[best][0]
    cues.hits["romantic"].insert(0, (CueHit(SUMMARY_COUPLE, LEAD_WEIGHT, start, end), LEAD_WEIGHT))


def _add_gen_pair(
    work: Work, cast: CastIndex, pairs: dict[tuple[str, ...], _PairCues], kinds: dict[tuple[str, ...], str]
) -> None:
    """A short gen story: nobody passes the bar, but the two people most often together are still
    its pair, as platonic. "Together" is counted in paragraphs first, then in shared sentences and
    cue weight: two people in one scene are "he" and "him" in most sentences, so a third person
    named beside one of them in a few sentences must not take the place of the scene's other lead.
    Only pairs sharing ``GEN_PAIR_PARAGRAPHS`` paragraphs or a few sentences (the platonic bar
    ``GEN_PAIR_THRESHOLD``) are candidates."""
    shared: dict[tuple[str, ...], int] = {}
    for start, end in _regions(work):
        present = sorted({r.character for r in cast.between(start, end)})
        for ids in itertools.combinations(present, 2):
            if ids in pairs:
                shared[ids] = shared.get(ids, 0) + 1
    qualified = [
        ids
        for ids, cues in pairs.items()
        if shared.get(ids, 0) >= GEN_PAIR_PARAGRAPHS or cues.strength("platonic") >= GEN_PAIR_THRESHOLD
    ]
    if qualified:
        best = max(qualified, key=lambda ids: (shared.get(ids, 0), pairs[ids].total("platonic"), ids))
        kinds[best] = "platonic"


def _add_named_pairing(work: Work, cast: CastIndex, pairs: dict[tuple[str, ...], _PairCues]) -> None:
    """Give the first pairing the author's summary or notes write out ("Roy/Hughes themes",
    "requested some Tony Stark/Bruce Wayne", a pack's ship name) a romantic cue that makes it the
    main pairing, when both are people of the cast who share a paragraph (the evidence)."""
    resolver = NameResolver(work.characters, cast.packs)
    ships = [name for pack in cast.packs for name in pack.ships]
    for words in (work.metadata.summary, work.metadata.notes):
        if not words:
            continue
        written = []
        for m in _WRITTEN_PAIRING.finditer(words):
            written.append((m.start(), m.group(0)))
            # A capitalised word before the name ("More Spike/Willow") or after it is no part of it.
            written.append((m.start(), f"{m.group(1).split()[-1]}/{m.group(2).split()[0]}"))
        for ship in ships:
            found = re.search(rf"(?<!\w){re.escape(ship)}(?!\w)", words, re.IGNORECASE)
            if found:
                written.append((found.start(), ship))
        for _, raw in sorted(written, key=lambda item: item[0]):  # the full names first
            pairing = parse_pairing(raw, resolver)
            if pairing is None or pairing.kind != "romantic" or None in pairing.ids:
                continue
            ids = tuple(sorted(cid for cid in pairing.ids if cid is not None))
            if len(set(ids)) != 2 or any(cast.genders.get(cid, "U") == "U" for cid in ids):
                continue
            span = next(
                (
                    (start, end)
                    for start, end in _regions(work)
                    if set(ids) <= {r.character for r in cast.between(start, end)}
                ),
                None,
            )
            if span is None:
                continue
            cues = pairs.setdefault(ids, _PairCues())
            cues.hits["romantic"].insert(0, (CueHit(NAMED_PAIRING, 1.0, *span), 1.0))
            return


def _ties(cues: _PairCues | None) -> int:
    """How often friend or family words tie a pair."""
    if cues is None:
        return 0
    return sum(1 for hit, _ in cues.hits["platonic"] if hit.group in ("friend", "best friend", "family"))


def _sibling_address(text: str, hit: CueHit, quote_start: int) -> bool:
    """Whether a family word in a quote is "brother" or "sister" said to the listener: after a
    comma ("Fine by me, brother.") or opening the quote ("Brother, wait"), before a stop."""
    if text[hit.start : hit.end].lower() not in _SIBLING_WORDS:
        return False
    after = text[hit.end : hit.end + 3].lstrip(" ")
    if after and after[0] not in _PHRASE_END:
        return False
    return bool(_VOCATIVE_BEFORE.search(text[max(quote_start, hit.start - 12) : hit.start]))


def _owned_partner(text: str, hit: CueHit, references: list[Reference]) -> list[Reference] | None:
    """For a partner noun after a possessive in narration ("Allison's new boyfriend", "her husband"),
    the references it ties: the possessor, and the partner when the sentence names them, in
    apposition ("her boyfriend, Scott", "Scott, her boyfriend") or as the subject of a copula
    ("Buffy was Spike's girlfriend"). A partner left unnamed ("blamed it on Gerard's hate for
    Allison's new boyfriend") is a third person, and the cue ties nobody then. None when the cue is
    no such possessive partner noun: the usual nearest-pair rule decides."""
    if not _PARTNER_NOUN.fullmatch(text[hit.start : hit.end]):
        return None
    before = text[max(0, hit.start - 40) : hit.start]
    owner = _OWNER_BEFORE.search(before)
    if owner is None:
        return None
    owner_start = hit.start - len(before) + owner.start()
    # The phrase itself ("her husband") may stand as a mention of someone; who that is the sentence
    # must say by name, so the phrase ties only its possessor.
    references = [r for r in references if not (r.start < hit.end and r.end > hit.start)]
    tied = [r for r in references if r.start < hit.start and r.end > owner_start]  # the possessor
    # The phrase begins with its possessor's name ("Xander's girlfriend").
    phrase_start = min([owner_start, *(r.start for r in tied)])
    tied += [r for r in references if 0 <= r.start - hit.end <= _APPOSITION_GAP]
    tied += [r for r in references if 0 <= phrase_start - r.end <= _APPOSITION_GAP]
    if _COPULA_BEFORE.search(text[max(0, phrase_start - 30) : phrase_start]):
        prior = [r for r in references if r.end <= phrase_start]
        if prior:
            tied.append(max(prior, key=lambda r: r.end))
    return tied


def _addressed(text: str, hit: CueHit) -> bool:
    """Whether a cue spoken in a quote is about the speaker and the listener: "I love you", "kiss
    me", "we kissed", "you're my girlfriend", or an endearment (said to the listener)."""
    if hit.group == ENDEARMENT:
        return True
    cue = text[hit.start : hit.end].lower()
    if re.search(r"\byou\b", cue):
        return True
    if re.search(r"\b(?:him|her|them)$", cue):
        return False  # "I love her": someone else
    before = text[max(0, hit.start - _ADDRESS_WINDOW) : hit.start]
    after = text[hit.end : hit.end + _ADDRESS_WINDOW]
    if _POSSESSIVE_BEFORE.search(before) and not _FIRST_PLURAL.search(before):
        # "your boyfriend", "my wife": someone's partner, unless "you're my girlfriend".
        return bool(_SECOND_PERSON.search(before) and _FIRST_PERSON.search(before))
    if _SECOND_PERSON_OBJECT.match(after) or _FIRST_PLURAL.search(before) or _YOU_DO.search(before):
        return True
    return bool(_SECOND_PERSON.search(before) and _FIRST_PERSON.search(before))


def _is_interlocutor(text: str, reference: Reference) -> bool:
    """Whether a reference in a quote is "I" or "you" (the speaker or the listener)."""
    return text[reference.start : reference.end].lower() in _INTERLOCUTOR_WORDS


def _regions(work: Work) -> list[tuple[int, int]]:
    """Paragraphs when the structure stage found them, else the whole body."""
    body_start = work.metadata.body_start
    spans = [(p.start, p.end) for p in work.paragraphs if p.end > body_start]
    return spans or [(body_start, len(work.text))]


def _plural_positions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLURAL.finditer(text, start, end)]


def _gap(start: int, end: int, hit: CueHit) -> int:
    if end <= hit.start:
        return hit.start - end
    if start >= hit.end:
        return start - hit.end
    return 0


def _nearest_pair(references: list, hit: CueHit, plurals: list[tuple[int, int]]) -> tuple[str, ...] | None:
    """The two people nearest the cue; None when "they" stands nearer than the second of them
    ("Buffy and Xander thought they were having an affair": the affair is theirs, not Buffy's)."""
    distance: dict[str, int] = {}
    for ref in references:
        gap = _gap(ref.start, ref.end, hit)
        if gap < distance.get(ref.character, 1 << 30):
            distance[ref.character] = gap
    nearest = sorted(distance, key=lambda cid: (distance[cid], cid))[:2]
    if len(nearest) < 2:
        return None
    # A plural inside the cue itself ("their bed") is the pair's own.
    plurals = [(a, b) for a, b in plurals if not (hit.start <= a and b <= hit.end)]
    if any(_gap(a, b, hit) < distance[nearest[1]] for a, b in plurals):
        return None
    # "They were lost in the embrace" with nobody named between "they" and the cue: theirs.
    for _, b in plurals:
        if b <= hit.start and not any(b <= ref.start < hit.start for ref in references):
            return None
    return tuple(sorted(nearest))


def _kind_of(cues: _PairCues) -> str | None:
    romantic = cues.strength("romantic")
    if romantic >= ROMANTIC_THRESHOLD:
        return "romantic"
    other = max(("platonic", "antagonistic"), key=cues.strength)
    if cues.strength(other) >= OTHER_THRESHOLD:
        return other
    return None


def _demote_overshadowed(kinds: dict[tuple[str, ...], str], pairs: dict[tuple[str, ...], _PairCues]) -> None:
    """A romance far weaker than another romance of one of its people is more likely a cue tied to
    the wrong pair than a love triangle: it becomes platonic when the pair is close, else goes."""
    romantic_total = {ids: pairs[ids].total("romantic") for ids, kind in kinds.items() if kind == "romantic"}
    for ids, total in romantic_total.items():
        rivals = [
            other_total
            for other, other_total in romantic_total.items()
            if other != ids and set(other) & set(ids)
        ]
        if rivals and max(rivals) >= OVERSHADOW * total:
            if pairs[ids].strength("platonic") >= OTHER_THRESHOLD:
                kinds[ids] = "platonic"
            else:
                del kinds[ids]


def _demote_family(
    kinds: dict[tuple[str, ...], str], pairs: dict[tuple[str, ...], _PairCues], cast: CastIndex
) -> None:
    """Two people of one family name whom a family word ties ("his dad kissed him") are family:
    their hugs and kisses are no romance, unless partner or marriage words or sex say otherwise (a
    married couple shares a name too). So are two people whom family words tie again and again ("his
    grandfather" said of the other, ``FAMILY_WORDS`` times) whatever their names: a grandson
    and a grandfather called by their titles, whose "I love him" is a family's love. Two of one
    family name whom family words tie ``FAMILY_WORDS`` times or more, and more often than couple
    words do, are kin even with a few couple words (a daughter whose mother speaks of marrying
    her off)."""
    for ids, kind in kinds.items():
        if kind != "romantic" or len(ids) != 2:
            continue
        cues = pairs[ids]
        genders = {cast.genders.get(cid, "U") for cid in ids}
        family = sum(
            1
            for hit, _ in cues.hits["platonic"]
            if hit.group == "family" and _may_name_either(cast.work.text[hit.start : hit.end], genders)
        )
        if family == 0:
            continue  # no family word ties them
        surnames = {_family_name(cast.name(cid), cast.packs) for cid in ids}
        # Two people called each other's friends as often as family words tie them are friends
        # talking of their families ("her best friend", "my mother"): the count makes no kin.
        friends = sum(1 for hit, _ in cues.hits["platonic"] if hit.group in _FRIEND_CUES)
        # Two people of different names who kiss three times or more (kisses on the forehead or the hair
        # are no cue) are a couple whose scenes speak of their parents ("her father waited while
        # she kissed Willow"): the count alone makes no kin of them.
        kisses = sum(1 for hit, _ in cues.hits["romantic"] if hit.group == "kiss")
        counted_kin = family >= FAMILY_WORDS and family > friends and kisses < COUPLE_KISSES
        kin = counted_kin or (len(surnames) == 1 and None not in surnames)
        couple = sum(1 for hit, _ in cues.hits["romantic"] if hit.group in _COUPLE_CUES)
        same_name = len(surnames) == 1 and None not in surnames
        # Spouses share a name too, and their couple words ("her husband", "married") keep them a
        # couple; but two of one name whom family words tie more often than couple words are
        # kin, and those couple words are talk of a marriage to someone else ("her mother wanted
        # her married off").
        if kin and (couple == 0 or (same_name and counted_kin and couple < family)):
            kinds[ids] = "platonic"


def _may_name_either(family_word: str, genders: set[str]) -> bool:
    """Whether a family word could be said of one of two people: "his mother" or "her sister" is
    no tie between two men (it is a third person of the family, talked about), "his dad" is."""
    word_gender = _FAMILY_WORD_GENDER.get(family_word.lower(), "U")
    return word_gender == "U" or "U" in genders or word_gender in genders


def _family_name(name: str, packs: list[FandomPack]) -> str | None:
    """The family name of a full name ("Stiles Stilinski" -> Stilinski), written first when the
    name is a pack's that puts it first ("Uzumaki Naruto" -> Uzumaki)."""
    family_first = any(
        pack.family_name_first and any(c.name == name for c in pack.characters) for pack in packs
    )
    return person_words.family_name(name, family_first=family_first)


def _evidence(cues: _PairCues, kind: str) -> list[Evidence]:
    """The chosen kind's cues first, then the others' (tags read both: friends before lovers)."""
    evidence = []
    for each in (kind, *(k for k in KINDS if k != kind)):
        for hit, _ in cues.hits[each][:MAX_EVIDENCE]:
            evidence.append(Evidence(hit.start, hit.end, f"{hit.group} ({each})"))
    return evidence


def _mark_main(
    relationships: list[Relationship],
    declared: list[Pairing],
    pairs: dict[tuple[str, ...], _PairCues],
) -> None:
    by_pair = {tuple(r.characters): r for r in relationships}
    for index, pairing in enumerate(declared):
        ids = tuple(sorted(cid for cid in pairing.ids if cid is not None))
        if len(ids) < 2 or len(ids) != len(pairing.ids):
            continue  # someone of the pairing is not in the cast
        relationship = by_pair.get(ids)
        if relationship is None:
            relationship = Relationship(characters=list(ids), kind=pairing.kind, strength=0.0)
            relationships.append(relationship)
            by_pair[ids] = relationship
        relationship.kind = pairing.kind
        relationship.main = relationship.main or index == 0
    if any(r.main for r in relationships):
        return
    for relationship in relationships:
        cues = pairs.get(tuple(relationship.characters))
        if (
            relationship.kind == "romantic"
            and cues is not None
            and any(hit.group == NAMED_PAIRING for hit, _ in cues.hits["romantic"])
        ):
            relationship.main = True  # the author wrote the pairing out
            return
    for relationship in relationships:
        cues = pairs.get(tuple(relationship.characters))
        if (
            relationship.kind == "romantic"
            and cues is not None
            and any(hit.group == SUMMARY_COUPLE for hit, _ in cues.hits["romantic"])
        ):
            relationship.main = True  # the summary's couple, even beside a wordier romance
            return
    # A story with no romance nor friendship is about its rivals when it has them: AO3 authors tag
    # any pair that is no couple "A & B", enemies too, and a gen story's one pair is its main one.
    for kind in ("romantic", "platonic", "antagonistic"):
        candidates = [r for r in relationships if r.kind == kind]
        if candidates:
            candidates[0].main = True  # already sorted strongest first
            return
