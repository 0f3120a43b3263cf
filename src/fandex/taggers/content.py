"""Rating and archive warnings from what the prose shows: sex, violence, language, drugs, death.

Each content family is counted once over the body (one regex pass per family); the author's notes
inside the body do not count, and cues spoken in dialogue weigh half where talking about a thing is
not showing it (sex, violence, death and self-harm; a swear word or a drug is the same spoken).

Sex, violence and dark themes are graded **scene by scene**: what decides is the densest stretch of
about 500 words (``SCENE_CHARS``), not the total over the work. AO3 authors rate by the strongest
scene they show; a novel that says "blood" once a chapter is not a gory story, and one word of a
sex scene scattered per chapter is no sex scene, while a short scene of either is rated by what it
shows however long the work around it. Swearing, drugs and dark themes dwelt on (torture, abuse,
addiction, trauma) are graded on the whole body: "frequent" and "what the work is about" are matters
of density, not of one scene.

Each family gives a level on AO3's scale (0 General Audiences .. 3 Explicit) by the thresholds
below; the rating is the highest level, and its evidence is the cues of the scene that reached it.
The thresholds are deliberately conservative on the high side: one level too low is the cheaper
mistake for a reader's filter, and kissing alone never lifts a story past Teen And Up. Graphic
violence earns its warning without lifting the rating past Teen And Up unless it turns to gore:
authors warn for a stabbing shown on the page and still rate it Teen.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from fandex.taggers.cast import CastIndex
from fandex.taggers.text import CueHit, cue_set, lexicon, likened, negated, sentences, word_count, word_named
from fandex.work import AO3_RATINGS, Evidence, Work

MAX_EVIDENCE = 8
# The stretch of text graded as one scene: about 500 words, a page or two.
SCENE_CHARS = 3000
# A cue spoken inside a quote weighs this much, for the families where saying is not showing.
SPOKEN_WEIGHT = 0.5
# A death is a Major Character Death only for someone this prominent: at least this many mentions,
# and at least this share of the most-mentioned character's.
MAJOR_MENTIONS = 2
MAJOR_SHARE = 0.15
# A file holding at most this share of the words its work declares is a part of a longer work
# ("Chapters: 2/25"), whose rating is the whole work's: see ``_part_of_longer_work``.
PART_SHARE = 0.6


@dataclass
class Counts:
    """Cue hits of one family in text order, each with its weight (dialogue may weigh half)."""

    hits: list[tuple[CueHit, float]] = field(default_factory=list)
    weight: dict[str, float] = field(default_factory=dict)

    def add(self, hit: CueHit, weight: float) -> None:
        self.hits.append((hit, weight))
        self.weight[hit.group] = self.weight.get(hit.group, 0.0) + weight

    def __getitem__(self, group: str) -> float:
        return self.weight.get(group, 0.0)

    def of(self, *groups: str) -> list[CueHit]:
        return [hit for hit, _ in self.hits if hit.group in groups]


# A grading rule reads one scene's weight per group and says which findings it supports:
# (level, reason, the groups whose cues are its evidence).
Grade = Callable[[Mapping[str, float]], list[tuple[int, str, tuple[str, ...]]]]


@dataclass
class Finding:
    """One reason for a level: which family, the level it supports, a phrase and the cues."""

    level: int
    reason: str
    hits: list[CueHit]
    # What supports it from outside the text (notes kept apart from it): shown with the reason.
    outside: list[str] = field(default_factory=list)


@dataclass
class ContentReport:
    words: int
    findings: list[Finding]
    violence_graphic: list[CueHit]
    violence_warning: bool
    deaths: list[tuple[CueHit, str]]  # (cue, character id)
    body: tuple[int, int] = (0, 0)  # where the story's body is, for evidence from outside the text

    @property
    def level(self) -> int:
        return max((f.level for f in self.findings), default=0)

    @property
    def rating(self) -> str:
        return AO3_RATINGS[self.level]

    def reasons(self, level: int | None = None) -> list[str]:
        wanted = self.level if level is None else level
        return [f.reason for f in self.findings if f.level == wanted and f.level > 0]

    def evidence(self) -> list[Evidence]:
        hits = sorted(
            (h for f in self.findings if f.level == self.level for h in f.hits), key=lambda h: h.start
        )
        reason_of = {id(h): f.reason for f in self.findings if f.level == self.level for h in f.hits}
        evidence = [Evidence(h.start, h.end, f"{h.group}: {reason_of[id(h)]}") for h in hits[:MAX_EVIDENCE]]
        for finding in self.findings:
            if finding.level == self.level and finding.outside and not finding.hits:
                # Nothing to point at in the text: the whole body, with what the notes said.
                said = ", ".join(dict.fromkeys(w.lower() for w in finding.outside))
                evidence.append(Evidence(*self.body, f"{finding.reason} ({said})"))
        return evidence

    def confidence(self) -> float:
        supporting = sum(len(f.hits) for f in self.findings if f.level == self.level)
        if self.level == 0:
            # Nothing found: as sure as the story is long enough to have shown something.
            return round(min(0.9, 0.5 + self.words / 5000), 2)
        return round(min(0.95, 0.5 + 0.08 * supporting), 2)


# Cue groups that speak only in the author's summary and notes (see ``_noticed``).
PREFACE_ONLY = frozenset({"notice"})
# Cue groups that count only in narration. A scene about death and grief is one the narration
# dwells on (a corpse looked at, a funeral, mourning); a death named in dialogue ("He killed my
# brother," in a quarrel; "with both of them dead —" in a briefing) is news told, which General
# Audiences works of murder and investigation are full of.
NARRATION_ONLY = frozenset({"loss"})


def _note_spans(work: Work) -> tuple[list[int], list[int]]:
    spans = sorted((n.start, n.end) for n in work.notes)
    return [a for a, _ in spans], [b for _, b in spans]


def _count(
    work: Work, cast: CastIndex, *keys: str, talk_counts_half: bool = False, skip_similes: bool = False
) -> Counts:
    """Cue hits of a family in the body, outside the author's notes; with ``talk_counts_half``,
    hits inside quotes weigh half (talking about sex is not showing it, while a swear word or a
    drug is the same in dialogue and narration); hits of ``NARRATION_ONLY`` groups inside quotes
    do not count at all; with ``skip_similes``, a cue a simile's "like" or "as if" stands just
    before does not count ("the words hit her like a punch", "as if she had been stabbed")."""
    counts = Counts()
    note_starts, note_ends = _note_spans(work)
    for hit in cue_set(*keys).find(work.text, work.metadata.body_start):
        if hit.group in PREFACE_ONLY:
            continue
        index = bisect.bisect_right(note_starts, hit.start) - 1
        if index >= 0 and hit.start < note_ends[index]:
            continue  # the author talking about the story, not the story
        if negated(work.text, hit.start):
            continue  # "something that is not sex"
        if word_named(work.text, hit.start):
            continue  # "a metaphor for orgasm": a word explained, not a thing shown
        if skip_similes and likened(work.text, hit.start):
            continue  # "hit like a punch to the gut": a simile, no blow
        in_quote = (talk_counts_half or hit.group in NARRATION_ONLY) and cast.quote_at(hit.start) is not None
        if in_quote and hit.group in NARRATION_ONLY:
            continue  # a death named in dialogue: news told, not a scene
        counts.add(hit, hit.weight * (SPOKEN_WEIGHT if in_quote else 1.0))
    return counts


def _windows(counts: Counts) -> Iterator[tuple[int, int, dict[str, float]]]:
    """Each hit's scene: the hits from it to ``SCENE_CHARS`` on, as (first, stop, weight per group).

    The window slides from each hit to the next (two pointers, so linear in the number of hits);
    the weights are one dict updated in place, to be read before the next step.
    """
    hits = counts.hits
    inside: dict[str, float] = {}
    stop = 0
    for first, (hit, weight) in enumerate(hits):
        while stop < len(hits) and hits[stop][0].start < hit.start + SCENE_CHARS:
            group = hits[stop][0].group
            inside[group] = inside.get(group, 0.0) + hits[stop][1]
            stop += 1
        yield first, stop, inside
        inside[hit.group] -= weight


def _by_scene(counts: Counts, grade: Grade) -> list[Finding]:
    """The strongest level each reason reaches in any one scene, with that scene's cues as evidence;
    the rule sees the weight per group inside each scene (``_windows``)."""
    best: dict[str, tuple[int, int, int, tuple[str, ...]]] = {}  # reason -> (level, first, stop, groups)
    for first, stop, inside in _windows(counts):
        for level, reason, groups in grade(inside):
            if reason not in best or level > best[reason][0]:
                best[reason] = (level, first, stop, groups)
    findings = []
    for reason, (level, first, end, groups) in best.items():
        scene = [h for h, _ in counts.hits[first:end] if h.group in groups]
        findings.append(Finding(level, reason, scene))
    return findings


# One sex act on the page is Explicit with this much anatomy or arousal around it: a body part named
# and a moan (a half cue) are enough, since the act itself already shows the sex.
ACT_COMPANY = 1.5


# Kisses on the mouth in one scene that make it a Teen And Up scene. Real AO3 authors rate a work
# whose one kiss is a gentle one (a kiss at a door, a kiss after a confession) General Audiences; a
# scene that keeps kissing is Teen And Up, and so is one hard or hungry kiss (a "passionate" cue).
KISSES_TEEN = 2
# A work longer than this whose kisses are all gentle (no passionate or sensual cue anywhere) is not
# lifted to Teen And Up by them: on the five real tuning sets, long romances whose only rated content
# is gentle kissing were declared General Audiences, while a drabble that is one kissing scene is
# rated by that scene (the project's own labels and the real sets agree on short works).
GENTLE_KISS_WORDS = 2000


def _grade_sex(scene: Mapping[str, float]) -> list[tuple[int, str, tuple[str, ...]]]:
    # A hand between her thighs ("reaching") weighs half an act: Mature scenes fade out there too.
    acts = scene.get("acts", 0.0) + scene.get("reaching", 0.0)
    anatomy = scene.get("anatomy", 0.0)
    described = scene.get("described", 0.0) + scene.get("suggestive", 0.0) + scene.get("sensual", 0.0)
    implied = scene.get("implied", 0.0)
    found = []
    # Explicit: sex acts on the page (two, or one with ACT_COMPANY more anatomy or arousal cues), or
    # anatomy named throughout a scene of bodies and arousal.
    if acts >= 2 or (acts >= 1 and anatomy + described >= ACT_COMPANY) or (anatomy >= 3 and described >= 3):
        found.append(
            (3, "graphic sex", ("acts", "reaching", "anatomy", "described", "suggestive", "sensual"))
        )
    # Mature: a named body part or act with more sex around it, or two described cues in one scene.
    elif (
        (acts + anatomy >= 1 and acts + anatomy + described + scene.get("passionate", 0.0) >= 2)
        or described >= 2
        or (described >= 1 and implied >= 1)
        # Sex that happened off the page but is what the scene is about ("did it", "when it was
        # done", "the sex"): authors rate that Mature too.
        or implied >= 3
    ):
        found.append(
            (
                2,
                "described sex",
                ("acts", "reaching", "anatomy", "described", "suggestive", "sensual", "implied"),
            )
        )
    if implied >= 1:
        found.append((1, "implied sex", ("implied",)))
    if (
        scene.get("passionate", 0.0) >= 1
        or scene.get("kissing", 0.0) >= KISSES_TEEN
        or scene.get("sensual", 0.0) >= 0.5
    ):
        found.append((1, "passionate kissing", ("passionate", "kissing", "sensual")))
    return found


# Mild swears ("damn", "crap", "what the hell"; a lone "shit") make a work Teen And Up when they are
# at least this many per 1,000 words: a long General Audiences work lets a character say "crap" or
# "what the hell" now and then, while a short work that says two of them swears throughout.
MILD_PER_1000 = 1.0

# Graphic Depictions Of Violence: this much injury and gore in one scene.
WARNING_INJURIES = 6


def _grade_violence(scene: Mapping[str, float]) -> list[tuple[int, str, tuple[str, ...]]]:
    blows, injury, gore = scene.get("blows", 0.0), scene.get("injury", 0.0), scene.get("gore", 0.0)
    found = []
    # Gore is what moves violence from Teen to Mature: bodies opened, bone, blood spraying.
    if gore >= 2 and injury + gore >= 4:
        found.append((2, "graphic violence", ("injury", "gore")))
    # The warning is no rating level: it rides along as a level-0 finding, which assess() takes
    # out of the findings and turns into ``violence_warning``.
    if injury + gore >= WARNING_INJURIES or gore >= 2:
        found.append((0, "violence to warn for", ("injury", "gore")))
    # A fight on the page: two blows, a blow and a wound, or injuries shown.
    if gore >= 1 or blows + injury + scene.get("fight", 0.0) >= 2:
        found.append((1, "violence", ("blows", "fight", "injury", "gore")))
    return found


# Violence on the page in this many separate scenes, at least one scene per VIOLENT_SCENE_WORDS
# words, is violence throughout the work (a war, a hunt, a fight after fight): real AO3 authors rate
# that Mature even when no one scene is gory, while their Teen And Up works show a fight in at most
# three scenes.
VIOLENT_SCENES_MATURE = 5
VIOLENT_SCENE_WORDS = 2000


def _separate_scenes(counts: Counts, grade: Grade, level: int) -> list[list[CueHit]]:
    """Scenes that do not overlap, each reaching ``level`` under ``grade``, with the cues that count
    there: the scenes of ``_windows``, taking each one that reaches the level and skipping past it."""
    found: list[list[CueHit]] = []
    after = 0  # the first hit past the last scene taken
    for first, stop, inside in _windows(counts):
        if first < after:
            continue
        reached = [groups for at, _, groups in grade(inside) if at >= level]
        if reached:
            found.append([h for h, _ in counts.hits[first:stop] if h.group in reached[0]])
            after = stop
    return found


# Death, grief and trauma words in one scene that make it a scene about them (Teen And Up): a
# death mentioned in passing, or a corpse looked at, is not yet a dark story.
LOSS_CUES = 4


def _grade_dark(scene: Mapping[str, float]) -> list[tuple[int, str, tuple[str, ...]]]:
    found = []
    if scene.get("self harm", 0.0) >= 3:
        found.append((2, "suicide or self-harm", ("self harm",)))
    elif scene.get("self harm", 0.0) >= 1:
        found.append((1, "suicide or self-harm", ("self harm",)))
    if scene.get("loss", 0.0) >= LOSS_CUES:
        found.append((1, "death, grief or trauma", ("loss",)))
    return found


# Dark themes dwelt on over the whole work (lexicon section ``themes``: torture, abuse, self-harm,
# addiction, atrocity, trauma and its scars and nightmares): at least this many, and at least this
# many per 1,000 words, is a work about them, Mature. Real AO3 authors rate such a work Mature even
# when no one scene is graphic; on the tuning sets their Teen works name these at most 0.55 times per
# 1,000 words, the Mature works that dwell on them 1.1 to 6.2.
THEME_CUES = 3
THEMES_PER_1000 = 1.0


def assess(work: Work, cast: CastIndex, words: int | None = None) -> ContentReport:
    """What the body shows, family by family; ``words`` is the body's word count when known."""
    text = work.text
    if words is None:
        words = word_count(text, work.metadata.body_start)
    words = max(1, words)
    per_1000 = 1000.0 / words
    findings: list[Finding] = []

    sex = _count(work, cast, "sex", talk_counts_half=True)
    sex_findings = _by_scene(sex, _grade_sex)
    if words > GENTLE_KISS_WORDS and sex["passionate"] == 0 and sex["sensual"] == 0:
        sex_findings = [f for f in sex_findings if f.reason != "passionate kissing"]
    findings += sex_findings

    violent = _count(work, cast, "violence", talk_counts_half=True, skip_similes=True)
    violence = _by_scene(violent, _grade_violence)
    warned = [f for f in violence if f.reason == "violence to warn for"]
    findings += [f for f in violence if f.level > 0]
    fights = _separate_scenes(violent, _grade_violence, 1)
    if len(fights) >= VIOLENT_SCENES_MATURE and len(fights) * VIOLENT_SCENE_WORDS >= words:
        # One cue from each scene, so the evidence points across the whole work.
        findings.append(Finding(2, "violence throughout", [scene[0] for scene in fights]))

    language = _count(work, cast, "language")
    strong = language["strong"] + language["crude"]
    if strong >= 4 and strong * per_1000 >= 8:
        findings.append(Finding(2, "frequent strong language", language.of("strong", "crude")))
    milder = language["mild"] + language["crude"]
    if language["strong"] >= 1 or (milder >= 2 and milder * per_1000 >= MILD_PER_1000):
        findings.append(Finding(1, "strong language", language.of("strong", "crude", "mild")))

    drugs = _count(work, cast, "drugs")
    if drugs["hard"] >= 4:
        findings.append(Finding(2, "drug use", drugs.of("hard")))
    # Drinking rates Teen when someone gets drunk on the page, not when a whisky is poured.
    if drugs["hard"] >= 1 or (drugs["drunk"] >= 1 and drugs["drunk"] + drugs["alcohol"] >= 2):
        findings.append(Finding(1, "drugs or drinking", drugs.of("hard", "drunk", "alcohol")))

    findings += _by_scene(_count(work, cast, "dark_themes", talk_counts_half=True), _grade_dark)
    themes = _count(work, cast, "themes", talk_counts_half=True)
    if themes["dwelt"] >= THEME_CUES and themes["dwelt"] * per_1000 >= THEMES_PER_1000:
        findings.append(Finding(2, "dark themes throughout", themes.of("dwelt")))

    deaths = _deaths(work, cast)
    if deaths:
        findings.append(Finding(1, "death of a character", [hit for hit, _ in deaths]))
    notices, noticed_words = _noticed(work)
    if notices or noticed_words:
        findings.append(Finding(2, "the author's notes announce sex scenes", notices, noticed_words))
    part = _part_of_longer_work(work, words)
    if part and not any(f.level >= 1 for f in findings):
        findings.append(Finding(1, "a part of a longer work, rated as a whole", [], [part]))
    graphic = warned[0].hits if warned else []
    return ContentReport(
        words, findings, graphic, bool(warned), deaths, (work.metadata.body_start, len(text))
    )


def _part_of_longer_work(work: Work, words: int) -> str | None:
    """What shows that the text at hand is only a part of its work (a chapter of an AO3 download
    whose header counts the whole work's words), or None.

    The author rates the whole work, and a long work that shows nothing rated in the part at hand
    is still far more often Teen And Up than General Audiences: on the real AO3 works of the tag
    evaluation, every such part declared Teen And Up or Mature. So a part with nothing found reads
    as Teen And Up; a part that shows something is graded on it as usual.
    """
    declared = work.metadata.words_declared
    if not declared or words > PART_SHARE * declared:
        return None
    return f"{words:,} of the work's {declared:,} words"


@functools.cache
def _notice_pattern() -> re.Pattern[str]:
    patterns = lexicon()["sex"]["notice"]["patterns"]
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(patterns)})(?![\w-])", re.IGNORECASE)


def _noticed(work: Work) -> tuple[list[CueHit], list[str]]:
    """The author's own notice of sex scenes in the summary or notes ("Smut in chapter 5", "any
    lemons will be marked"): the rating is the whole work's, and a first chapter without the sex the
    notes promise is still part of a Mature work. A negated notice ("no smut") does not count.

    Returns the notices found in the text (as cues) and the words of those in notes kept outside
    it (an AO3 download keeps its summary and notes apart from the story text).
    """
    text, meta = work.text, work.metadata
    pattern = _notice_pattern()
    hits: list[CueHit] = []
    words: list[str] = []
    for start, end in sorted((n.start, n.end) for n in work.notes):
        for match in pattern.finditer(text, start, end):
            if not negated(text, match.start()):
                hits.append(CueHit("notice", 1.0, match.start(), match.end()))
    for value in (meta.summary, meta.notes):
        if not value:
            continue
        at = text.find(value)
        for match in pattern.finditer(value):
            if negated(value, match.start()):
                continue
            if at >= 0:
                hits.append(CueHit("notice", 1.0, at + match.start(), at + match.end()))
            else:
                words.append(match.group())
    return hits, words


def _major_characters(work: Work) -> set[str]:
    """Characters prominent enough for their death to be a Major Character Death."""
    most = max((c.mentions for c in work.characters), default=0)
    least = max(MAJOR_MENTIONS, MAJOR_SHARE * most)
    return {c.id for c in work.characters if c.mentions >= least}


def _deaths(work: Work, cast: CastIndex) -> list[tuple[CueHit, str]]:
    """Death cues in narration with a major character's name in the same sentence next to them."""
    text = work.text
    cues = cue_set("death")
    names = sorted((m for m in work.mentions if m.kind == "name" and m.character), key=lambda m: m.start)
    starts = [m.start for m in names]
    major = _major_characters(work)
    note_starts, note_ends = _note_spans(work)
    found = []
    for hit in cues.find(text, work.metadata.body_start):
        if hit.group != "died" or cast.quote_at(hit.start) is not None:
            continue
        index = bisect.bisect_right(note_starts, hit.start) - 1
        if index >= 0 and hit.start < note_ends[index]:
            continue
        sentence = _sentence_around(text, hit.start)
        if any(h.group == "not death" for h in cues.find(text, *sentence)):
            continue
        low = bisect.bisect_left(starts, sentence[0])
        high = bisect.bisect_left(starts, hit.start)
        # The one who dies is named before the death word, as its subject ("Buffy died", "Buffy's
        # funeral", "John was killed"): the nearest name before it, within a few words, with no other
        # subject or someone else's noun between ("Anna knew that he died", "Anna's mother died",
        # "the words died in Anna's throat" name no death of hers).
        for mention in reversed(names[low:high]):
            if hit.start - mention.end > 40:
                break
            if _OTHER_SUBJECT.search(text, mention.end, hit.start):
                break
            if mention.character in major:
                found.append((hit, mention.character))
                break
    return found


# Between a name and a death word, a subject pronoun or a possessive with its noun says the death is
# someone else's ("Anna knew that he died", "Anna's mother died", "Ben was ten when his father died").
# A possessive just before the cue is the dead's own ("Ben took his last breath").
_OTHER_SUBJECT = re.compile(
    r"\b(?:he|she|they|it|i|we|you)\b|(?:['’]s|\b(?:his|her|their|its|my|your|our))\s+\w", re.IGNORECASE
)


def _sentence_around(text: str, position: int) -> tuple[int, int]:
    start = max(0, position - 300)
    for a, b in sentences(text, start, min(len(text), position + 300)):
        if a <= position < b:
            return a, b
    return position, position + 1
