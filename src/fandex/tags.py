"""AO3-style tags inferred from the layers, each with its evidence, merged with the declared tags.

Every inferred tag carries evidence spans (an absence, such as "No Archive Warnings Apply", points at
the whole body with the reason). Declared tags win for display: each is emitted with
``source="declared"``; where inference disagrees, the inferred tag is emitted too (``source="inferred"``)
and both carry a note such as "declared Teen And Up Audiences; content suggests Mature: described
sex". With ``Options.ignore_declared_tags`` nothing declared is read. See docs/tags.md.
"""

from __future__ import annotations

import itertools
import math
import re

from fandex.characters import pack_roster
from fandex.fandom import declared_packs
from fandex.fandoms import get_pack, load_packs
from fandex.mentions import find_name_mentions, name_pattern
from fandex.options import Options
from fandex.relationships import READER, reader_insert, reader_placeholders, second_person_share
from fandex.taggers import canon, content, declared, tropes
from fandex.taggers.cast import SPEAKS_A_LINE
from fandex.taggers.context import TagContext
from fandex.taggers.declared import NameResolver, Synonyms, parse_pairing, same_person
from fandex.taggers.text import folded
from fandex.work import AO3_RATINGS, Character, Evidence, Relationship, Tag, Work

# A main romance at least this strong counts, for its relationship tag and for the category.
ROMANTIC_TAG_STRENGTH = 0.5
# Relationship tags besides the main pairing: romances at least this strong, and no friendships or
# families at all. On the 35 real AO3 works of the three tuning sets, none of the 17 friendships
# and families tagged beside the main pair was declared, nor any of the 10 romances beside it
# (authors tag the pairings the work is about, not everyone who is friends).
SECONDARY_ROMANCE_STRENGTH = 0.9
MAX_RELATIONSHIP_TAGS = 4
MAX_CHARACTER_TAGS = 12
# Mentions a character needs to be tagged: a couple in a short story, and in a longer one a number
# that grows with the square root of its length. A side character's mentions do not grow in step
# with a novel's length (one per 1,000 words asked 78 of the Lucius Malfoy of a 78,000-word work
# that tags him, with 57), while the lead's do.
SHORT_STORY_WORDS = 1500
CHARACTER_MENTIONS_SHORT = 2
CHARACTER_MENTIONS_PER_SQRT_THOUSAND = 2.5
# A canon character under that threshold who is on the page all the same is tagged: one who speaks
# a line and is seen this many times in all (lines spoken, names acting in the narration), and is
# mentioned at least this share of the threshold. Authors tag the canon characters who appear,
# however briefly, not those only talked about; a novel's walk-on with two lines stays out by the
# share. A spoken line is asked for: names acting alone would tag any side character whose name opens
# a few sentences of a long story, the very case the mention threshold is for (on the tuning sets
# they added one declared character, and no undeclared one).
CHARACTER_APPEARANCES = 2
CHARACTER_APPEARANCE_SHARE = 0.25
# Fandom guesses below this confidence are not tagged.
FANDOM_CONFIDENCE = 0.5
NO_WARNINGS = "No Archive Warnings Apply"
CHOSE_NOT_TO_WARN = "Creator Chose Not To Use Archive Warnings"


def infer_tags(work: Work, options: Options) -> None:
    """Add the tags layer."""
    ctx = TagContext.build(work, options)
    stated = [] if options.ignore_declared_tags else _declared(ctx)
    if not ctx.words:
        work.tags = stated  # no story to read: only what the source declares
        return
    report = content.assess(work, ctx.cast, ctx.words)
    anchors = canon.find_anchors(ctx)
    inferred = [
        _rating(ctx, report),
        *_warnings(ctx, report),
        *_categories(ctx),
        *_fandoms(ctx),
        *_relationships(ctx),
        *_characters(ctx),
        *canon.canon_tags(ctx, anchors),
        *tropes.additional_tags(ctx, anchors),
    ]
    work.tags = merge(stated, inferred, report, _fandom_names(ctx, stated), Synonyms(ctx.cast.packs))


# -- inferred --------------------------------------------------------------------------------


def _rating(ctx: TagContext, report: content.ContentReport) -> Tag:
    evidence = report.evidence() or ctx.body_evidence(
        "no sexual, violent, drug or strong-language content found"
    )
    reasons = report.reasons()
    note = ("content: " + ", ".join(reasons)) if reasons else None
    return Tag("rating", report.rating, "inferred", report.confidence(), evidence, note)


def _warnings(ctx: TagContext, report: content.ContentReport) -> list[Tag]:
    tags = []
    if report.violence_warning:
        evidence = [Evidence(h.start, h.end, f"graphic violence: {h.group}") for h in report.violence_graphic]
        tags.append(Tag("warning", "Graphic Depictions Of Violence", "inferred", 0.6, evidence[:8]))
    if report.deaths:
        evidence = [
            Evidence(hit.start, hit.end, f"death of {ctx.cast.name(character)}")
            for hit, character in report.deaths
        ]
        tags.append(Tag("warning", "Major Character Death", "inferred", 0.55, evidence[:8]))
    if not tags:
        reason = "no graphic violence or death of a named character found"
        tags.append(Tag("warning", NO_WARNINGS, "inferred", 0.6, ctx.body_evidence(reason)))
    return tags


def _categories(ctx: TagContext) -> list[Tag]:
    kinds: dict[str, list[Evidence]] = {}
    romantic = [r for r in ctx.work.relationships if r.kind == "romantic" and _tagged_romance(r)]
    for relationship in romantic:
        genders = sorted(ctx.cast.genders.get(cid, "U") for cid in relationship.characters)
        if "U" in genders:
            continue
        if len(genders) > 2:
            kind = "Multi"
        elif genders == ["F", "M"]:
            kind = "F/M"
        elif genders in (["F", "F"], ["M", "M"]):
            kind = f"{genders[0]}/{genders[1]}"
        else:
            kind = "Other"  # a non-binary partner
        names = " and ".join(ctx.cast.name(cid) for cid in relationship.characters)
        kinds.setdefault(kind, []).extend(
            Evidence(e.start, e.end, f"{names}: {e.reason}") for e in relationship.evidence[:3]
        )
    if not kinds:
        if romantic:
            return []  # a couple whose genders are unknown: no category rather than a wrong one
        return [Tag("category", "Gen", "inferred", 0.6, ctx.body_evidence("no romantic relationship found"))]
    if len(kinds) > 1:
        # Romances of several kinds: one category each, as AO3 authors tick each box ("F/M, M/M");
        # Multi stays for a relationship of three or more.
        note = "relationships of several kinds"
        return [
            Tag("category", kind, "inferred", 0.6, evidence, note) for kind, evidence in sorted(kinds.items())
        ]
    ((kind, evidence),) = kinds.items()
    return [Tag("category", kind, "inferred", 0.75, evidence)]


def _fandoms(ctx: TagContext) -> list[Tag]:
    tags = []
    for guess in ctx.work.fandoms:
        if guess.confidence < FANDOM_CONFIDENCE:
            continue
        evidence = _fandom_evidence(ctx, guess.name)
        if evidence:
            tags.append(Tag("fandom", guess.name, "inferred", round(guess.confidence, 2), evidence))
    return tags


def _fandom_evidence(ctx: TagContext, fandom: str) -> list[Evidence]:
    pack = next((p for p in ctx.cast.packs if p.name == fandom), None)
    canonical = {c.name for c in pack.characters} if pack else set()
    found = []
    seen: set[str] = set()
    for mention in sorted(ctx.work.mentions, key=lambda m: m.start):
        character = ctx.cast.by_id.get(mention.character or "")
        if mention.kind != "name" or character is None or character.name in seen:
            continue
        if character.name in canonical or (not canonical and character.canonical):
            seen.add(character.name)
            found.append(Evidence(mention.start, mention.end, f"{character.name} is a character of {fandom}"))
        if len(found) >= 3:
            break
    if not found and pack is not None:
        # No character of the pack in the cast: the fandom's own words (its names, its terms).
        text = ctx.work.text
        pattern = name_pattern(word.lower() for word in (pack.name, *pack.aliases, *pack.terms))
        matches = pattern.finditer(folded(text)) if pattern else ()
        for match in itertools.islice(matches, 3):
            word = text[match.start() : match.end()]
            found.append(Evidence(match.start(), match.end(), f"{word!r} belongs to {fandom}"))
    return found


def _relationships(ctx: TagContext) -> list[Tag]:
    tags = []
    # The main pairing first (a romance, or the friendship of a gen story), then strong romances.
    ordered = sorted(ctx.work.relationships, key=lambda r: (not r.main, -r.strength))
    for relationship in ordered:
        if relationship.kind == "romantic":
            separator = "/"
        elif relationship.main:
            # The friendship of a gen story, or its rivals when it has nothing else: AO3 tags any
            # pair that is no couple "A & B".
            separator = " & "
        else:
            continue  # AO3 has no tag form for enemies; friendships beside the main pair go untagged
        if relationship.kind == "romantic" and not _tagged_romance(relationship):
            continue
        if not relationship.evidence:
            continue
        # Inferred pairings name their people alphabetically: there is no author's order to keep.
        names = sorted(ctx.cast.name(cid) for cid in relationship.characters)
        note = "main pairing" if relationship.main else None
        tags.append(
            Tag(
                "relationship",
                separator.join(names),
                "inferred",
                relationship.strength,
                relationship.evidence[:6],
                note,
            )
        )
    return tags[:MAX_RELATIONSHIP_TAGS]


def _tagged_romance(relationship: Relationship) -> bool:
    """Whether a romantic relationship is one of the work's romances, for its tags and category."""
    if relationship.main:
        return relationship.strength >= ROMANTIC_TAG_STRENGTH
    return relationship.strength >= SECONDARY_ROMANCE_STRENGTH and _has_cue(relationship)


def _has_cue(relationship: Relationship) -> bool:
    """Evidence beyond merely sharing sentences: a cue word of the relationship's kind."""
    return any(
        e.reason.endswith(f"({relationship.kind})") and not e.reason.startswith("together")
        for e in relationship.evidence
    )


def character_threshold(words: int) -> int:
    """Mentions a character needs in a story of ``words`` words to get a character tag."""
    if words < SHORT_STORY_WORDS:
        return CHARACTER_MENTIONS_SHORT
    return max(3, int(CHARACTER_MENTIONS_PER_SQRT_THOUSAND * math.sqrt(words / 1000)))


def _characters(ctx: TagContext) -> list[Tag]:
    """Characters present enough to tag: a few mentions in a short story, more in a long one."""
    threshold = character_threshold(ctx.words)
    counts: dict[str, int] = {}
    first: dict[str, list[Evidence]] = {}
    for mention in ctx.work.mentions:
        if mention.character not in ctx.cast.by_id:
            continue
        counts[mention.character] = counts.get(mention.character, 0) + 1
        if mention.kind == "name" and len(first.setdefault(mention.character, [])) < 3:
            first[mention.character].append(Evidence(mention.start, mention.end, "named in the story"))
    in_pairings = {cid for r in ctx.work.relationships if r.main for cid in r.characters}
    appearances = ctx.cast.appearances()
    tags = []
    # Tags past the cap go to the canon first: when a story has more people than places, the
    # fandom's characters (whom readers filter on) and the main pair come before names no pack knows.
    unknown: list[Tag] = []
    for cid, count in sorted(counts.items(), key=lambda item: -item[1]):
        if not first.get(cid):
            continue
        evidence = sorted(first[cid], key=lambda e: e.start)
        if count < threshold and cid not in in_pairings:
            shown = appearances.get(cid, [])
            if not _appears(ctx.cast.by_id[cid], count, shown, threshold):
                continue
            evidence = shown[:3]
        confidence = round(min(0.95, 0.4 + count / (threshold * 6)), 2)
        tag = Tag("character", ctx.cast.name(cid), "inferred", confidence, evidence)
        (tags if ctx.cast.by_id[cid].canonical or cid in in_pairings else unknown).append(tag)
    tags += _summary_characters(ctx, [t.value for t in tags + unknown])
    tags += unknown
    reader = _reader(ctx)
    return ([reader] if reader else []) + tags[: MAX_CHARACTER_TAGS - (1 if reader else 0)]


def _appears(character: Character, mentions: int, shown: list[Evidence], threshold: int) -> bool:
    """Whether a character under the mention threshold is tagged all the same: a canon character
    (a fandom pack's) who speaks on the page and is seen there a few times (``shown``: the cast
    index's appearances). An original character must reach the threshold: the pack is what says a
    name is someone readers look for."""
    return (
        character.canonical
        and any(e.reason == SPEAKS_A_LINE for e in shown)
        and len(shown) >= CHARACTER_APPEARANCES
        and mentions >= CHARACTER_APPEARANCE_SHARE * threshold
    )


# A capitalised word right before a name, not opening a sentence: the name is part of a longer one
# the pack does not know ("King Arthur" is no "Arthur" of the pack).
_TITLED = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'’-]*\s+$")
# A capitalised word right after a name: the pack's given name with another family name ("Bruce
# Wayne" is not the pack's "Bruce Banner", whose full name would have matched as a whole).
_SURNAMED = re.compile(r" [A-Z][a-z][\w'’-]*(?![\w'’-])")


def _summary_characters(ctx: TagContext, tagged: list[str]) -> list[Tag]:
    """Characters of the work's fandom whom the author's summary or notes name and the text at hand
    never mentions: the author's words speak for the whole work, and the text is often one chapter
    of it ("Kakashi would like to know why a dead Uchiha stole his little brother" over a chapter
    without Kakashi). A character the text does mention is judged by the text (a name or two in a
    long chapter is a passing mention, summary or not). A name that is also the fandom's ("I don't
    own Naruto") names no one."""
    work = ctx.work
    fandoms = {guess.name for guess in work.fandoms if guess.confidence >= FANDOM_CONFIDENCE}
    packs = [p for p in ctx.cast.packs if p.name in fandoms or p.name == ctx.options.fandom]
    people = pack_roster(packs)
    # (str.lower, not folded: folding a short string would evict the work's cached folded text)
    fandom_names = {name.lower() for pack in packs for name in (pack.name, *pack.aliases)}
    known = [c.name for c in work.characters] + tagged
    synonyms = Synonyms(packs)
    tags: list[Tag] = []
    for where, words in (("summary", work.metadata.summary), ("notes", work.metadata.notes)):
        if not words or not people:
            continue
        at = work.text.find(words)
        for mention in find_name_mentions(words, people):
            named = words[mention.start : mention.end]
            if mention.character is None or named.lower() in fandom_names:
                continue
            if _TITLED.search(words, 0, mention.start) or _SURNAMED.match(words, mention.end):
                continue
            name = mention.character  # a pack character's id is its canonical name
            if any(same_person(name, other, synonyms) for other in (*known, *(t.value for t in tags))):
                continue
            reason = f"named in the author's {where} ({named!r}), not in the text at hand"
            evidence = (
                [Evidence(at + mention.start, at + mention.end, reason)]
                if at >= 0
                else ctx.body_evidence(reason)
            )
            tags.append(Tag("character", name, "inferred", 0.5, evidence))
    return tags


def _reader(ctx: TagContext) -> Tag | None:
    """AO3's "Reader" character: the "you" of a story told mostly in the second person, or the
    "Y/N" of a story that writes the reader's name so."""
    work = ctx.work
    how = reader_insert(work)
    if how is None:
        return None
    if how == "placeholder":
        spans = reader_placeholders(work)
        evidence = [Evidence(a, b, "the reader's name placeholder") for a, b in spans]
        return Tag("character", READER, "inferred", 0.8, evidence[:8])
    second = [s for s in work.sections if s.person == "second"]
    share = second_person_share(work)
    evidence = [
        Evidence(s.start, min(s.end, s.start + 80), "section told in the second person") for s in second
    ]
    return Tag("character", READER, "inferred", round(min(0.9, share), 2), evidence[:8])


# -- declared --------------------------------------------------------------------------------


# Formats whose declared tags come from a site's own tag list (AO3 downloads, EPUBs made from them).
TYPED_TAG_FORMATS = frozenset({"ao3-html", "epub"})


def _declared(ctx: TagContext) -> list[Tag]:
    stated = ctx.work.metadata.declared_tags
    tags = []
    rating = declared.rating(stated.rating) or declared.rating(ctx.work.metadata.rating_original)
    if rating:
        tags.append(_stated(ctx, "rating", rating, stated.rating or ctx.work.metadata.rating_original))
    for raw in stated.warnings:
        value = declared.warning(raw)
        if value:
            tags.append(_stated(ctx, "warning", value, raw))
    for raw in stated.category:
        value = declared.category(raw)
        if value:
            tags.append(_stated(ctx, "category", value, raw))
    all_packs = load_packs(ctx.options.pack_dirs)
    typed_tag_list = ctx.work.source_format in TYPED_TAG_FORMATS
    for raw in filter(str.strip, stated.fandoms):
        # A site's typed tag list is shown as typed. A loose header is written the pack's way, as
        # AO3's wranglers would ("Buffy: The Vampire Slayer" and "BtVS" are "Buffy the Vampire
        # Slayer"); a crossover written as one tag gives each of its fandoms.
        packs = [] if typed_tag_list else declared_packs([raw], all_packs)
        names = [pack.name for pack in packs] or [raw.strip()]
        tags.extend(_stated(ctx, "fandom", name, raw) for name in names)
    resolver = NameResolver(ctx.work.characters, ctx.cast.packs)
    for raw in stated.relationships:
        pairing = parse_pairing(raw, resolver)
        if pairing is not None:
            tags.append(_stated(ctx, "relationship", pairing.tag, raw))
    for raw in filter(str.strip, stated.characters):
        tags.append(_stated(ctx, "character", resolver.resolve(raw)[0], raw))
    for raw in filter(str.strip, stated.additional):
        tags.append(_stated(ctx, "additional", raw.strip(), raw))
    return _unique(tags)


def _stated(ctx: TagContext, kind: str, value: str, raw: str | None) -> Tag:
    """A declared tag, with the place in the header where it is written when it can be found."""
    evidence = []
    if raw:
        for start, end in ctx.preface:
            at = ctx.work.text.find(raw, start, end)
            if at >= 0:
                evidence.append(Evidence(at, at + len(raw), "declared"))
                break
    return Tag(kind, value, "declared", 1.0, evidence)


def _unique(tags: list[Tag]) -> list[Tag]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for tag in tags:
        key = (tag.kind, _key(tag))
        if key not in seen:
            seen.add(key)
            kept.append(tag)
    return kept


# -- merging ---------------------------------------------------------------------------------


def _key(tag: Tag, fandom_names: dict[str, str] | None = None, synonyms: Synonyms | None = None) -> str:
    """What two tags of a kind must share to say the same: pairings compare as sets of names (a name
    the packs list for one character counting as that character's canonical name), fandoms by the
    pack they name ("Buffy the Vampire Slayer (TV)" is "Buffy the Vampire Slayer")."""
    if tag.kind == "relationship":
        separator = "/" if "/" in tag.value else "&"
        members = [n.strip() for n in tag.value.split(separator)]
        if synonyms is not None:
            members = [synonyms.owner(n) or n for n in members]
        names = sorted(n.lower() for n in members)
        return separator + "|".join(names)
    value = tag.value.strip().lower()
    if tag.kind == "fandom" and fandom_names:
        return fandom_names.get(value, value)
    return value


def _fandom_names(ctx: TagContext, stated: list[Tag]) -> dict[str, str]:
    names = {}
    for tag in stated:
        if tag.kind == "fandom":
            pack = get_pack(tag.value, ctx.options.pack_dirs)
            if pack is not None:
                names[tag.value.strip().lower()] = pack.name.lower()
    return names


def merge(
    stated: list[Tag],
    inferred: list[Tag],
    report: content.ContentReport,
    fandom_names: dict[str, str] | None = None,
    synonyms: Synonyms | None = None,
) -> list[Tag]:
    """Declared tags first (they win for display), then the inferred ones that differ, with notes.
    ``fandom_names`` maps a declared fandom (lower case) to the pack name it stands for; ``synonyms``
    tells the names the work's packs list for one character ("Greg House" declared, "Gregory House"
    inferred), in character and relationship tags alike."""
    if not stated:
        return inferred
    kinds_stated = {t.kind for t in stated}
    stated_keys = {(t.kind, _key(t, fandom_names, synonyms)) for t in stated}
    merged = list(stated)
    for tag in inferred:
        if (tag.kind, _key(tag, fandom_names, synonyms)) in stated_keys:
            continue  # agreement: the declared tag already says it
        if tag.kind == "character" and any(
            t.kind == "character" and same_person(t.value, tag.value, synonyms) for t in stated
        ):
            continue  # "Wesley" found, "Wesley Wyndam-Pryce" declared
        if tag.kind == "rating":
            declared_rating = (
                next(t for t in stated if t.kind == "rating") if "rating" in kinds_stated else None
            )
            if declared_rating is not None:
                note = _rating_note(declared_rating.value, tag.value, report)
                declared_rating.note = note
                tag.note = note
        elif tag.kind == "warning" and "warning" in kinds_stated:
            if any(t.kind == "warning" and t.value == CHOSE_NOT_TO_WARN for t in stated):
                continue  # the author chose not to warn: no disagreement to report
            if tag.value == NO_WARNINGS:
                continue  # nothing found is no reason to doubt a declared warning
            tag.note = f"not declared; content suggests {tag.value}"
        elif tag.kind in ("category", "relationship", "fandom") and tag.kind in kinds_stated:
            tag.note = _join(tag.note, "not declared")
        merged.append(tag)
    return merged


def _rating_note(declared_value: str, inferred_value: str, report: content.ContentReport) -> str:
    reasons = report.reasons() or ["nothing beyond " + AO3_RATINGS[0].lower() + " content found"]
    return f"declared {declared_value}; content suggests {inferred_value}: {', '.join(reasons)}"


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second
