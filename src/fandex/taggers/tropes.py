"""Additional (freeform) tags: mood, tropes, setting and narration, each with its evidence.

Three kinds of detector:

* mood (Fluff, Angst, Humor): cue density per 1,000 words over the body, with a minimum count; a
  story heavy with the opposite mood does not get the tag (a dark story with a few smiles is not
  Fluff);
* tropes and setting (First Kiss, Fake/Pretend Relationship, Alternate Universe...): phrase cues in
  the prose or the author's notes, combined with the relationships layer where the trope is about a
  couple;
* narration (First Person, POV Alternating): from the sections layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fandex.taggers.canon import Anchor, post_canon_anchor
from fandex.taggers.context import TagContext
from fandex.taggers.text import lexicon, negated, phrases
from fandex.work import Evidence, Relationship, Tag

MAX_EVIDENCE = 6
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_THIRD_PERSON = re.compile(r"\b(?:he|she|him|her|his|they|them)\b", re.IGNORECASE)
# Share of the body told in the first person for the First Person tag.
FIRST_PERSON_SHARE = 0.5


def additional_tags(ctx: TagContext, anchors: list[Anchor]) -> list[Tag]:
    tags: list[Tag] = []
    moods = _moods(ctx)
    tags += moods
    for detector in DETECTORS:
        tag = detector(ctx)
        if tag is not None:
            tags.append(tag)
    post = post_canon_anchor(anchors)
    if post and not any(t.value == "Post-Canon" for t in tags):
        evidence = [Evidence(a.start, a.end, f"set {a.cue} the last episode") for a in post]
        tags.append(Tag("additional", "Post-Canon", "inferred", 0.8, evidence))
    return tags


# -- helpers ---------------------------------------------------------------------------------


def _hits(ctx: TagContext, name: str, *, where: str = "body") -> list[Evidence]:
    """Occurrences of a trope's phrases, not negated, as evidence."""
    text, work = ctx.work.text, ctx.work
    spans = ctx.preface if where == "preface" else [(work.metadata.body_start, len(text))]
    found: list[Evidence] = []
    lists = [phrases("tropes", name, "patterns")]
    if where == "preface":
        lists.append(phrases("tropes", name, "case_sensitive", case_sensitive=True))
    for phrase_list in lists:
        if phrase_list is None:
            continue
        for start, end in spans:
            for a, b in phrase_list.spans(text, start, end):
                if not negated(text, a):
                    found.append(Evidence(a, b, f"{name} cue: {text[a:b]!r}"))
    found.sort(key=lambda e: e.start)
    return found


def _phrase_tag(ctx: TagContext, name: str, *, min_body: int = 1, confidence: float = 0.7) -> Tag | None:
    """A tag named in the notes, or shown by at least ``min_body`` phrase cues in the story."""
    preface = _hits(ctx, name, where="preface")
    body = [] if ctx.work.metadata.body_start == 0 and preface else _hits(ctx, name)
    body = [e for e in body if not any(p.start == e.start for p in preface)]
    if preface:
        return Tag("additional", name, "inferred", 0.85, (preface + body)[:MAX_EVIDENCE])
    if len(body) >= min_body:
        return Tag("additional", name, "inferred", confidence, body[:MAX_EVIDENCE])
    return None


def _main_romance(ctx: TagContext) -> Relationship | None:
    romantic = [r for r in ctx.work.relationships if r.kind == "romantic"]
    if not romantic:
        return None
    return next((r for r in romantic if r.main), romantic[0])


def _evidence_of(relationship: Relationship, kind: str, *groups: str) -> list[Evidence]:
    return [
        e
        for e in relationship.evidence
        if e.reason.endswith(f"({kind})") and (not groups or e.reason.split(" (")[0] in groups)
    ]


# -- mood ------------------------------------------------------------------------------------


def _moods(ctx: TagContext) -> list[Tag]:
    counts: dict[str, list[Evidence]] = {}
    for name in ("Fluff", "Angst", "Humor"):
        counts[name] = _hits(ctx, name)
    tags = []
    for name, hits in counts.items():
        rule = lexicon()["tropes"][name]
        density = len(hits) * 1000.0 / max(1, ctx.words)
        if len(hits) < rule["min"] or density < rule["per_1000"]:
            continue
        opposite = {"Fluff": "Angst", "Angst": "Fluff"}.get(name)
        if opposite and len(counts[opposite]) > 1.5 * len(hits):
            continue
        confidence = round(min(0.9, 0.4 + 0.04 * density), 2)
        note = f"{len(hits)} cues, {density:.1f} per 1,000 words"
        tags.append(Tag("additional", name, "inferred", confidence, hits[:MAX_EVIDENCE], note))
    return tags


# -- couples ---------------------------------------------------------------------------------


def romance(ctx: TagContext) -> Tag | None:
    main = _main_romance(ctx)
    if main is None or main.strength < 0.7:
        return None
    evidence = _evidence_of(main, "romantic")[:MAX_EVIDENCE]
    return Tag("additional", "Romance", "inferred", round(main.strength, 2), evidence) if evidence else None


def friendship(ctx: TagContext) -> Tag | None:
    for relationship in ctx.work.relationships:
        if relationship.kind != "platonic" or relationship.strength < 0.6:
            continue
        evidence = _evidence_of(relationship, "platonic", "friend", "best friend", "trust")
        if evidence:
            return Tag(
                "additional",
                "Friendship",
                "inferred",
                round(relationship.strength, 2),
                evidence[:MAX_EVIDENCE],
            )
    return None


def first_kiss(ctx: TagContext) -> Tag | None:
    if _main_romance(ctx) is None:
        return None
    return _phrase_tag(ctx, "First Kiss")


def fake_relationship(ctx: TagContext) -> Tag | None:
    return _phrase_tag(ctx, "Fake/Pretend Relationship", min_body=2)


def friends_to_lovers(ctx: TagContext) -> Tag | None:
    main = _main_romance(ctx)
    if main is None:
        return None
    named = _phrase_tag(ctx, "Friends to Lovers")
    if named is not None:
        return named
    friends = _evidence_of(main, "platonic", "friend", "best friend")
    romantic = _evidence_of(main, "romantic")
    if friends and romantic and friends[0].start < romantic[-1].start:
        evidence = [*friends[:3], *romantic[-3:]]
        return Tag(
            "additional", "Friends to Lovers", "inferred", 0.6, evidence, "friends first, then romance"
        )
    return None


def established_relationship(ctx: TagContext) -> Tag | None:
    if _main_romance(ctx) is None or _phrase_tag(ctx, "First Kiss") is not None:
        return None
    return _phrase_tag(ctx, "Established Relationship")


def hurt_comfort(ctx: TagContext) -> Tag | None:
    text, start = ctx.work.text, ctx.work.metadata.body_start
    found = {}
    for family in ("hurt", "comfort"):
        phrase_list = phrases("tropes", "Hurt/Comfort", family)
        hits = [] if phrase_list is None else list(phrase_list.spans(text, start))
        found[family] = [(a, b) for a, b in hits if not negated(text, a)]
    if len(found["hurt"]) < 2 or len(found["comfort"]) < 2:
        return None
    evidence = [
        *(Evidence(a, b, f"hurt: {text[a:b]!r}") for a, b in found["hurt"][:3]),
        *(Evidence(a, b, f"comfort: {text[a:b]!r}") for a, b in found["comfort"][:3]),
    ]
    return Tag("additional", "Hurt/Comfort", "inferred", 0.6, evidence)


# -- setting ---------------------------------------------------------------------------------


def alternate_universe(ctx: TagContext) -> Tag | None:
    return _phrase_tag(ctx, "Alternate Universe")


def post_canon(ctx: TagContext) -> Tag | None:
    return _phrase_tag(ctx, "Post-Canon")


def canon_divergence(ctx: TagContext) -> Tag | None:
    return _phrase_tag(ctx, "Canon Divergence", min_body=2)


# -- narration -------------------------------------------------------------------------------


def first_person(ctx: TagContext) -> Tag | None:
    work = ctx.work
    body = max(1, len(work.text) - work.metadata.body_start)
    first = [s for s in work.sections if s.person == "first"]
    if work.sections:
        share = sum(s.end - s.start for s in first) / body
        if share < FIRST_PERSON_SHARE:
            return None
        evidence = [
            Evidence(s.start, min(s.end, s.start + 80), "section told in the first person") for s in first
        ]
        return Tag(
            "additional", "First Person", "inferred", round(min(0.95, share), 2), evidence[:MAX_EVIDENCE]
        )
    # No sections layer: compare first- and third-person words in the narration.
    narration_first, narration_third = [], 0
    for match in _FIRST_PERSON.finditer(work.text, work.metadata.body_start):
        if ctx.cast.quote_at(match.start()) is None:
            narration_first.append(match)
    for match in _THIRD_PERSON.finditer(work.text, work.metadata.body_start):
        if ctx.cast.quote_at(match.start()) is None:
            narration_third += 1
    if len(narration_first) < 10 or len(narration_first) < narration_third:
        return None
    evidence = [
        Evidence(m.start(), m.end(), "first-person narration") for m in narration_first[:MAX_EVIDENCE]
    ]
    return Tag("additional", "First Person", "inferred", 0.6, evidence)


def pov_alternating(ctx: TagContext) -> Tag | None:
    sections = [s for s in ctx.work.sections if s.pov]
    if len({s.pov for s in sections}) < 2:
        return None
    changes = [s for i, s in enumerate(sections) if i == 0 or s.pov != sections[i - 1].pov]
    evidence = [
        Evidence(s.start, min(s.end, s.start + 80), f"told by {ctx.cast.name(s.pov or '')}") for s in changes
    ]
    return Tag("additional", "POV Alternating", "inferred", 0.85, evidence[:MAX_EVIDENCE])


DETECTORS: list[Callable[[TagContext], Tag | None]] = [
    romance,
    friendship,
    first_kiss,
    friends_to_lovers,
    fake_relationship,
    established_relationship,
    hurt_comfort,
    alternate_universe,
    post_canon,
    canon_divergence,
    first_person,
    pov_alternating,
]
