"""`fandex eval tags DIR`: inferred AO3 tags against the tags the authors declared.

Every story under DIR that declares tags (AO3 HTML or EPUB downloads, Markdown front matter, plain
text with labelled headers) is read, its declared tags are kept as the gold labels and hidden from
inference (``Options.ignore_declared_tags``), and the pipeline's inferred tags are scored:

* rating: exact, and within one level of AO3's four (a gold label may list several acceptable
  ratings, e.g. "Mature or Explicit"); a work declared "Not Rated" is not scored on rating;
* archive warnings: precision and recall over the four real warnings ("No Archive Warnings Apply" is
  the absence of all of them);
* category: the set of categories exactly right;
* relationships: recall of the declared main relationship (the first one listed, as AO3 orders
  them), and of all declared relationships; and, to tell a missed romance from missed people, how
  often the main relationship's people are paired at all ("A & B" for a declared "A/B"), and the
  main relationship's recall over the stories whose text names both its people; and the precision of
  the inferred relationship tags in stories that declare relationships;
* characters: recall of the declared characters (also of those the text names at all: a chapter of a
  longer work often lacks characters the work's tags list), and the precision of the inferred ones (the share of
  character tags the author also declared), so that tagging everyone cannot pass for recall.

Names match loosely: case, dots and a fandom qualifier in brackets ("Castiel (Supernatural)") are
ignored, and a name matches a longer one that contains all its words ("Hermione" ~ "Hermione
Granger"), since a work without a fandom pack only knows the names its text uses. A declared name
the fandom pack ties to the same character as an inferred tag matches it too ("Ben Solo" is an alias
of "Kylo Ren" in the Star Wars pack), and so does any name the work's packs list for the same one
character as the inferred name, AO3's synonyms: "Greg House" in a relationship tag is the pack's
"Gregory House" (a name the packs give two characters matches neither).

Stories that cannot carry front matter (read-only samples) get their labels from a ``*.labels.yaml``
file in DIR mapping each story's path (relative to that file) to its labels.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fandex.errors import FandexError
from fandex.eval.common import percent, ratio, table
from fandex.work import AO3_RATINGS, NOT_RATED, DeclaredTags, Work

if TYPE_CHECKING:
    from fandex.taggers.declared import Synonyms

# Words of AO3 character tags that name no one in particular ("The Alpha Pack", "Original Characters").
_GENERIC_TAG_WORDS = frozenset(
    "the original character characters male female pack first other others reader".split()  # noqa: SIM905
)
REAL_WARNINGS = ("Graphic Depictions Of Violence", "Major Character Death", "Rape/Non-Con", "Underage Sex")
LABEL_SUFFIX = ".labels.yaml"


def register(corpora: argparse._SubParsersAction) -> None:
    parser = corpora.add_parser(
        "tags",
        help="inferred AO3 tags against the tags stories declare",
        description=(
            "Hide each story's declared tags, infer them, and score rating, warnings, category, "
            "main relationship and characters against what the author declared."
        ),
    )
    parser.add_argument("directory", metavar="DIR", type=Path, help="a folder of stories that declare tags")
    parser.add_argument("--json", action="store_true", help="print the scores and per-story results as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each story's misses")
    parser.set_defaults(run=run)


# -- labels ----------------------------------------------------------------------------------


@dataclass
class Labels:
    ratings: list[str] = field(default_factory=list)  # acceptable ratings; usually one
    warnings: list[str] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)  # as written, main first
    characters: list[str] = field(default_factory=list)
    additional: list[str] = field(default_factory=list)
    canon: str | None = None  # an episode code such as "6x09"

    @property
    def empty(self) -> bool:
        return not (self.ratings or self.warnings or self.relationships or self.characters or self.category)


def labels_from_declared(declared: DeclaredTags) -> Labels:
    from fandex.taggers import declared as read

    rating = read.rating(declared.rating)
    return Labels(
        # "Not Rated" is the author declining to rate: there is no level to agree with.
        ratings=[rating] if rating and rating != NOT_RATED else [],
        warnings=[w for w in (read.warning(x) for x in declared.warnings) if w],
        category=[c for c in (read.category(x) for x in declared.category) if c],
        relationships=list(declared.relationships),
        characters=list(declared.characters),
        additional=list(declared.additional),
    )


def labels_from_file(path: Path) -> dict[Path, Labels]:
    """Labels for stories named in a ``*.labels.yaml`` file, by resolved path."""
    import yaml  # here, not at the top: every `fandex` command imports this module to register it

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise FandexError(f"cannot read the labels file: {error}", path=path) from None
    if not isinstance(data, dict):
        raise FandexError("a labels file maps story paths to their labels", path=path)
    found = {}
    for story, entry in data.items():
        if not isinstance(entry, dict):
            raise FandexError(f"the labels of {story!r} must be a mapping", path=path)
        rating = entry.get("rating") or []
        found[(path.parent / str(story)).resolve()] = Labels(
            ratings=[rating] if isinstance(rating, str) else list(rating),
            warnings=list(entry.get("warnings") or []),
            category=list(entry.get("category") or []),
            relationships=list(entry.get("relationships") or []),
            characters=list(entry.get("characters") or []),
            additional=list(entry.get("additional") or []),
            canon=entry.get("canon"),
        )
    return found


# -- scoring ---------------------------------------------------------------------------------


@dataclass
class StoryResult:
    path: str
    gold_rating: list[str]
    rating: str | None
    gold_warnings: list[str]
    warnings: list[str]
    gold_category: list[str]
    category: list[str]
    main_relationship: str | None
    main_found: bool | None
    relationships_found: int
    relationships_total: int
    characters_missed: list[str]
    characters_total: int
    characters_inferred: int
    characters_inferred_declared: int
    additional_found: list[str]
    canon: str | None = None
    canon_found: bool | None = None
    tags_without_evidence: int = 0
    characters_absent: list[str] = field(default_factory=list)  # declared, never named in the text
    main_pair_found: bool | None = None  # the main relationship's people, as either kind
    main_named: bool | None = None  # the text names both people of the main relationship
    relationships_inferred: int = 0
    relationships_inferred_declared: int = 0  # inferred relationship tags the author declared too


@dataclass
class Scores:
    stories: int = 0
    skipped: list[str] = field(default_factory=list)
    rating_total: int = 0
    rating_exact: int = 0
    rating_within_one: int = 0
    warning_tp: int = 0
    warning_fp: int = 0
    warning_fn: int = 0
    category_total: int = 0
    category_exact: int = 0
    main_total: int = 0
    main_found: int = 0
    main_pair_found: int = 0
    main_named_total: int = 0
    main_named_found: int = 0
    relationships_total: int = 0
    relationships_found: int = 0
    relationships_inferred: int = 0
    relationships_inferred_declared: int = 0
    characters_total: int = 0
    characters_found: int = 0
    characters_named: int = 0  # declared characters the text names at all
    characters_inferred: int = 0
    characters_inferred_declared: int = 0
    canon_total: int = 0
    canon_found: int = 0
    tags_without_evidence: int = 0
    results: list[StoryResult] = field(default_factory=list)

    def measures(self) -> list[tuple[str, str, int, int]]:
        """Each measure once: (label in the table, key in the JSON summary, count right, count in all)."""
        return [
            ("rating exact", "rating_exact", self.rating_exact, self.rating_total),
            ("rating within one level", "rating_within_one", self.rating_within_one, self.rating_total),
            ("warning precision", "warning_precision", self.warning_tp, self.warning_tp + self.warning_fp),
            ("warning recall", "warning_recall", self.warning_tp, self.warning_tp + self.warning_fn),
            ("category exact", "category_exact", self.category_exact, self.category_total),
            ("main relationship found", "main_relationship_recall", self.main_found, self.main_total),
            (
                "... of those the text names",
                "main_relationship_recall_named",
                self.main_named_found,
                self.main_named_total,
            ),
            ("main pair found, either kind", "main_pair_recall", self.main_pair_found, self.main_total),
            (
                "all relationships found",
                "relationship_recall",
                self.relationships_found,
                self.relationships_total,
            ),
            (
                "relationship tags declared",
                "relationship_precision",
                self.relationships_inferred_declared,
                self.relationships_inferred,
            ),
            ("characters found", "character_recall", self.characters_found, self.characters_total),
            (
                "... of those the text names",
                "character_recall_named",
                self.characters_found,
                self.characters_named,
            ),
            (
                "character tags declared",
                "character_precision",
                self.characters_inferred_declared,
                self.characters_inferred,
            ),
            ("canon anchor found", "canon_anchor_recall", self.canon_found, self.canon_total),
        ]

    def summary(self) -> dict[str, Any]:
        return {
            "stories": self.stories,
            "skipped": len(self.skipped),
            **{key: ratio(right, whole) for _, key, right, whole in self.measures()},
            "inferred_tags_without_evidence": self.tags_without_evidence,
        }


def score_story(work: Work, gold: Labels) -> StoryResult:
    from fandex.options import Options
    from fandex.taggers.cast import packs_for
    from fandex.taggers.declared import NameResolver, Synonyms, parse_pairing

    inferred = [t for t in work.tags if t.source == "inferred"]
    values = {
        kind: [t.value for t in inferred if t.kind == kind] for kind in ("rating", "warning", "category")
    }
    relationship_tags = [t.value for t in inferred if t.kind == "relationship"]
    character_tags = [t.value for t in inferred if t.kind == "character"]

    packs = packs_for(work, Options(ignore_declared_tags=True))
    resolver = NameResolver(work.characters, packs)
    synonyms = Synonyms(packs)
    pairings = [p for p in (parse_pairing(raw, resolver) for raw in gold.relationships) if p is not None]
    found_pairings = [p for p in pairings if _pairing_found(p.names, p.kind, relationship_tags, synonyms)]
    gold_characters = [resolver.resolve(name) for name in gold.characters]
    tagged_ids = {resolver.resolve(value)[1] for value in character_tags} - {None}

    def declared_found(name: str, character_id: str | None) -> bool:
        return character_id in tagged_ids or any(names_match(name, c, synonyms) for c in character_tags)

    missed = [name for name, cid in gold_characters if not declared_found(name, cid)]
    gold_ids = {cid for _, cid in gold_characters} - {None}
    inferred_declared = sum(
        1
        for value in character_tags
        if resolver.resolve(value)[1] in gold_ids
        or any(names_match(n, value, synonyms) for n, _ in gold_characters)
    )
    canon_found = None
    if gold.canon:
        canon_found = any(t.kind == "canon" and gold.canon in t.value for t in inferred)
    wanted_additional = {a.lower() for a in gold.additional}
    return StoryResult(
        path=work.source or "",
        gold_rating=gold.ratings,
        rating=values["rating"][0] if values["rating"] else None,
        gold_warnings=sorted(w for w in gold.warnings if w in REAL_WARNINGS),
        warnings=sorted(w for w in values["warning"] if w in REAL_WARNINGS),
        gold_category=sorted(gold.category),
        category=sorted(values["category"]),
        main_relationship=pairings[0].tag if pairings else None,
        main_found=bool(pairings and pairings[0] in found_pairings) if pairings else None,
        main_named=(
            all(
                cid is not None or _named_in(work, name)
                for name, cid in zip(pairings[0].names, pairings[0].ids, strict=True)
            )
            if pairings
            else None
        ),
        main_pair_found=(
            any(
                _pairing_found(pairings[0].names, kind, relationship_tags, synonyms)
                for kind in ("romantic", "platonic")
            )
            if pairings
            else None
        ),
        relationships_found=len(found_pairings),
        relationships_total=len(pairings),
        # Scored only where the author declares relationships: a gen story declares none.
        relationships_inferred=len(relationship_tags) if pairings else 0,
        relationships_inferred_declared=sum(
            1
            for tag in relationship_tags
            if any(_pairing_found(p.names, p.kind, [tag], synonyms) for p in pairings)
        ),
        characters_missed=missed,
        characters_total=len(gold_characters),
        characters_absent=[
            name for name, cid in gold_characters if cid is None and not _named_in(work, name)
        ],
        characters_inferred=len(character_tags) if gold_characters else 0,
        characters_inferred_declared=inferred_declared,
        additional_found=[
            t.value for t in inferred if t.kind == "additional" and t.value.lower() in wanted_additional
        ],
        canon=gold.canon,
        canon_found=canon_found,
        tags_without_evidence=sum(1 for t in inferred if not t.evidence),
    )


def add(scores: Scores, result: StoryResult) -> None:
    scores.stories += 1
    scores.results.append(result)
    if result.gold_rating and result.rating in AO3_RATINGS:
        scores.rating_total += 1
        levels = [AO3_RATINGS.index(r) for r in result.gold_rating if r in AO3_RATINGS]
        level = AO3_RATINGS.index(result.rating)
        scores.rating_exact += result.rating in result.gold_rating
        scores.rating_within_one += any(abs(level - g) <= 1 for g in levels)
    elif result.gold_rating:
        scores.rating_total += 1
    if result.gold_warnings or result.warnings or result.gold_rating:
        gold, got = set(result.gold_warnings), set(result.warnings)
        scores.warning_tp += len(gold & got)
        scores.warning_fp += len(got - gold)
        scores.warning_fn += len(gold - got)
    if result.gold_category:
        scores.category_total += 1
        scores.category_exact += result.gold_category == result.category
    if result.main_found is not None:
        scores.main_total += 1
        scores.main_found += result.main_found
        scores.main_pair_found += bool(result.main_pair_found)
        if result.main_named:
            scores.main_named_total += 1
            scores.main_named_found += result.main_found
    scores.relationships_total += result.relationships_total
    scores.relationships_found += result.relationships_found
    scores.relationships_inferred += result.relationships_inferred
    scores.relationships_inferred_declared += result.relationships_inferred_declared
    scores.characters_total += result.characters_total
    scores.characters_found += result.characters_total - len(result.characters_missed)
    scores.characters_named += result.characters_total - len(result.characters_absent)
    scores.characters_inferred += result.characters_inferred
    scores.characters_inferred_declared += result.characters_inferred_declared
    if result.canon_found is not None:
        scores.canon_total += 1
        scores.canon_found += result.canon_found
    scores.tags_without_evidence += result.tags_without_evidence


def _named_in(work: Work, declared: str) -> bool:
    """Whether the story's text names a declared character at all: any of the capitalised words
    of any of its forms ("CC-2224 | Cody", "Gwen (Merlin)") standing as a word in the body. A
    chapter of a longer work often lacks characters the work's tags list."""
    from fandex.person_words import without_disambiguation
    from fandex.taggers.declared import without_accents

    body = work.text[work.metadata.body_start :]
    for form in declared.split("|"):
        form = without_disambiguation(form)
        for word in re.findall(r"[A-Z][\w'’-]{2,}", form):
            if word.lower() in _GENERIC_TAG_WORDS:
                continue
            # A tag's tone marks ("Xiè") are often left out of the text ("Xie").
            for spelling in {word, without_accents(word)}:
                if re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", body):
                    return True
    return False


def names_match(gold: str, predicted: str, synonyms: Synonyms | None = None) -> bool:
    """Same person: equal names, one name's words all within the other's ("Hermione" ~ "Hermione
    Granger"), or, with ``synonyms``, two names the work's packs list for one character ("Greg
    House" ~ "Gregory House")."""
    from fandex.taggers.declared import same_person

    return same_person(gold, predicted, synonyms)


def _pairing_found(
    names: Iterable[str], kind: str, tags: list[str], synonyms: Synonyms | None = None
) -> bool:
    separator = "/" if kind == "romantic" else "&"
    wanted = list(names)
    for tag in tags:
        if separator not in tag:
            continue
        members = [m.strip() for m in tag.split(separator)]
        if len(members) == len(wanted) and all(
            any(names_match(w, m, synonyms) for m in members) for w in wanted
        ):
            return True
    return False


# -- running ---------------------------------------------------------------------------------


def evaluate(directory: Path) -> Scores:
    from fandex import readers
    from fandex.options import Options
    from fandex.pipeline import run as run_pipeline

    if not directory.is_dir():
        raise FandexError("not a folder", path=directory, hint="give a folder of stories that declare tags")
    external: dict[Path, Labels] = {}
    for labels_file in sorted(directory.glob(f"*{LABEL_SUFFIX}")):
        external.update(labels_from_file(labels_file))
    paths = [p for p in readers.expand_paths([directory]) if not p.name.endswith(LABEL_SUFFIX)]
    paths += [p for p in external if p.exists() and p not in {q.resolve() for q in paths}]
    scores = Scores()
    missing = [p for p in external if not p.exists()]
    scores.skipped += [f"{p}: labelled story not found" for p in missing]
    options = Options(ignore_declared_tags=True)
    for path in paths:
        try:
            work = run_pipeline(readers.read_file(path), options)
        except FandexError as error:
            scores.skipped.append(error.one_line())
            continue
        gold = external.get(path.resolve()) or labels_from_declared(work.metadata.declared_tags)
        if gold.empty:
            scores.skipped.append(f"{path}: declares no tags")
            continue
        work.source = str(path)
        add(scores, score_story(work, gold))
    return scores


def run(args: argparse.Namespace) -> int:
    scores = evaluate(args.directory)
    if args.json:
        print(
            json.dumps(
                {
                    "scores": scores.summary(),
                    "stories": [asdict(r) for r in scores.results],
                    "skipped": scores.skipped,
                },
                indent=2,
            )
        )
        return 0
    summary = scores.summary()
    rows = [
        [label, percent(summary[key]), f"{right}/{whole}"] for label, key, right, whole in scores.measures()
    ]
    print(f"{scores.stories} stories scored, {len(scores.skipped)} skipped\n")
    print(table(rows, ["measure", "%", "count"]))
    if scores.tags_without_evidence:
        print(f"\n{scores.tags_without_evidence} inferred tags without evidence")
    if args.verbose:
        for result in scores.results:
            misses = _misses(result)
            if misses:
                print(f"\n{result.path}:\n  " + "\n  ".join(misses))
    for line in scores.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    return 0


def _misses(result: StoryResult) -> list[str]:
    misses = []
    if result.gold_rating and result.rating not in result.gold_rating:
        misses.append(f"rating {result.rating}, declared {' or '.join(result.gold_rating)}")
    if result.gold_warnings != result.warnings:
        misses.append(f"warnings {result.warnings or 'none'}, declared {result.gold_warnings or 'none'}")
    if result.gold_category and result.gold_category != result.category:
        misses.append(f"category {result.category}, declared {result.gold_category}")
    if result.main_found is False:
        misses.append(f"main relationship {result.main_relationship} not found")
    if result.characters_missed:
        misses.append(f"characters not found: {', '.join(result.characters_missed)}")
    if result.canon_found is False:
        misses.append(f"canon anchor {result.canon} not found")
    return misses
