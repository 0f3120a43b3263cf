from __future__ import annotations

from pathlib import Path

import pytest

import fandex
from conftest import ROOT, SAMPLE_ALL_TALK, SAMPLE_ONE_LINE
from fandex.fandoms import FandomPack, PackCharacter
from fandex.mentions import find_name_mentions
from fandex.options import Options
from fandex.pipeline import run
from fandex.readers import read_file
from fandex.relationships import find_relationships
from fandex.taggers.content import ContentReport
from fandex.taggers.declared import Synonyms
from fandex.tags import MAX_CHARACTER_TAGS, character_threshold, infer_tags, merge
from fandex.work import (
    AO3_CATEGORIES,
    AO3_RATINGS,
    AO3_WARNINGS,
    Character,
    Evidence,
    FandomGuess,
    Quote,
    Relationship,
    Section,
    Tag,
    Work,
)
from taggers.worktools import make_work

TAGGED = ROOT / "tests" / "data" / "tagged"
ROMANCE = (
    "Willow kissed Spike under the streetlight. Willow was in love with Spike, and Spike knew it. "
    "Buffy watched them from the door."
)


def _tagged(work: Work, options: Options | None = None) -> Work:
    options = options or Options()
    find_relationships(work, options)
    infer_tags(work, options)
    return work


def _values(work: Work, kind: str, source: str | None = None) -> list[str]:
    return [t.value for t in work.tags if t.kind == kind and (source is None or t.source == source)]


def _assert_evidence(work: Work) -> None:
    for tag in work.tags:
        if tag.source != "inferred":
            continue
        assert tag.evidence, f"{tag.kind} {tag.value!r} has no evidence"
        for evidence in tag.evidence:
            assert 0 <= evidence.start < evidence.end <= len(work.text), (tag.value, evidence)
            assert evidence.reason


def test_tags_use_ao3_vocabulary_and_carry_evidence() -> None:
    work = _tagged(make_work(ROMANCE))
    _assert_evidence(work)
    assert _values(work, "rating")[0] in AO3_RATINGS
    assert set(_values(work, "warning")) <= set(AO3_WARNINGS)
    assert set(_values(work, "category")) <= set(AO3_CATEGORIES)


def test_an_inferred_pairing_names_its_people_alphabetically_with_canonical_names() -> None:
    work = _tagged(make_work(ROMANCE))
    assert "Spike/Willow Rosenberg" in _values(work, "relationship")
    assert _values(work, "category") == ["F/M"]
    # One kiss under a streetlight: real AO3 authors rate that General Audiences (see docs/tags.md).
    assert "General Audiences" in _values(work, "rating")


def test_a_story_without_romance_is_gen() -> None:
    work = _tagged(make_work("Buffy and Willow walked to school. Willow told Buffy about the quiz."))
    assert _values(work, "category") == ["Gen"]
    assert _values(work, "rating") == ["General Audiences"]
    assert _values(work, "warning") == ["No Archive Warnings Apply"]


def test_two_women_are_f_f_and_two_men_m_m() -> None:
    women = _tagged(make_work("Willow kissed Anya. Willow was in love with Anya.", ("Willow", "Anya")))
    assert _values(women, "category") == ["F/F"]
    men = _tagged(make_work("Spike kissed Xander. Spike was in love with Xander.", ("Spike", "Xander")))
    assert _values(men, "category") == ["M/M"]


def test_couples_of_different_kinds_get_a_category_each_as_authors_tick_them() -> None:
    text = "Willow kissed Anya. Willow was in love with Anya. Spike kissed Xander. Spike was in love with Xander."
    work = _tagged(make_work(text, ("Willow", "Anya", "Spike", "Xander")))
    assert _values(work, "category") == ["F/F", "M/M"]
    for tag in (t for t in work.tags if t.kind == "category"):
        assert tag.note == "relationships of several kinds"
        couple = ("Willow Rosenberg", "Anya Jenkins") if tag.value == "F/F" else ("Spike", "Xander Harris")
        assert tag.evidence and all(e.reason.startswith(" and ".join(couple)) for e in tag.evidence)


def test_a_weak_romance_beside_the_main_pairing_ticks_no_category() -> None:
    # Written for the rule: the category follows the relationship tags, and a romance beside the
    # main pairing is tagged only at strength 0.9.
    work = make_work(
        "Spike smiled at Xander. Willow smiled at Giles.", ("Spike", "Xander", "Willow", "Giles")
    )
    spike, xander, willow, giles = (c.id for c in work.characters)
    kiss = [Evidence(0, 5, "kiss (romantic)")]
    main = Relationship([spike, xander], "romantic", 0.95, kiss, True)
    work.relationships = [main, Relationship([willow, giles], "romantic", 0.6, kiss, False)]
    infer_tags(work, Options())
    assert _values(work, "category") == ["M/M"]
    work.tags = []
    work.relationships = [main, Relationship([willow, giles], "romantic", 0.95, kiss, False)]
    infer_tags(work, Options())
    assert _values(work, "category") == ["F/M", "M/M"]


def test_the_relationship_tags_and_the_category_count_the_same_romances() -> None:
    # Written for the rule: one test (_tagged_romance) says which romances count for both.
    work = make_work(
        "Spike smiled at Xander. Willow smiled at Giles.", ("Spike", "Xander", "Willow", "Giles")
    )
    spike, xander, willow, giles = (c.id for c in work.characters)
    kiss = [Evidence(0, 5, "kiss (romantic)")]
    together = [Evidence(0, 5, "together (romantic)")]
    # A main romance too weak for the category is no relationship tag either.
    work.relationships = [Relationship([spike, xander], "romantic", 0.3, kiss, True)]
    infer_tags(work, Options())
    assert _values(work, "category") == ["Gen"]
    assert _values(work, "relationship") == []
    # A strong romance beside the main pair with no cue word is neither tagged nor a category.
    work.tags = []
    work.relationships = [
        Relationship([spike, xander], "romantic", 0.95, kiss, True),
        Relationship([willow, giles], "romantic", 0.95, together, False),
    ]
    infer_tags(work, Options())
    assert _values(work, "category") == ["M/M"]
    assert _values(work, "relationship") == ["Spike/Xander Harris"]


def test_a_relationship_of_three_is_multi() -> None:
    work = make_work("Willow smiled at Anya and Xander.", ("Willow", "Anya", "Xander"))
    ids = [c.id for c in work.characters]
    work.relationships = [Relationship(ids, "romantic", 0.9, [Evidence(0, 6, "kiss (romantic)")], True)]
    infer_tags(work, Options())
    assert _values(work, "category") == ["Multi"]


def test_declared_tags_win_and_a_disagreement_is_noted() -> None:
    text = "He undressed her slowly. Buffy was naked and she moaned when Spike pulled her close. " * 2
    work = make_work(text, ("Buffy", "Spike"))
    declared = work.metadata.declared_tags
    declared.rating = "Teen And Up Audiences"
    declared.relationships = ["Spuffy", "Buffy/Spike"]
    declared.warnings = ["None"]
    _tagged(work)
    ratings = [t for t in work.tags if t.kind == "rating"]
    assert [(t.value, t.source) for t in ratings] == [
        ("Teen And Up Audiences", "declared"),
        ("Mature", "inferred"),
    ]
    expected = "declared Teen And Up Audiences; content suggests Mature: described sex"
    assert all(t.note == expected for t in ratings)
    assert _values(work, "warning", "declared") == ["No Archive Warnings Apply"]
    # Declared first; the same pairing inferred is not repeated.
    assert work.tags[0].source == "declared"
    relationships = [(t.value, t.source) for t in work.tags if t.kind == "relationship"]
    assert relationships[0] == ("Buffy Summers/Spike", "declared")


def test_a_declared_pairing_keeps_the_authors_order() -> None:
    work = make_work("Spike kissed Willow. Spike was in love with Willow.", ("Spike", "Willow"))
    work.metadata.declared_tags.relationships = ["Willow/Spike"]
    _tagged(work)
    assert _values(work, "relationship", "declared") == ["Willow Rosenberg/Spike"]
    # The inferred one, alphabetical, is the same pairing: not emitted twice.
    assert _values(work, "relationship", "inferred") == []


def test_ignoring_declared_tags_behaves_as_if_none_were_declared() -> None:
    work = make_work(ROMANCE)
    work.metadata.declared_tags.rating = "Explicit"
    work.metadata.declared_tags.relationships = ["Buffy/Giles"]
    _tagged(work, Options(ignore_declared_tags=True))
    assert all(t.source == "inferred" for t in work.tags)
    assert all(t.note is None or "declared" not in t.note for t in work.tags)
    assert "Buffy Summers/Rupert Giles" not in _values(work, "relationship")


def test_the_older_underage_warning_is_read_as_underage_sex() -> None:
    work = make_work("Buffy walked home.", ("Buffy",))
    work.metadata.declared_tags.warnings = ["Underage", "Rape/Non-Con"]
    _tagged(work)
    assert _values(work, "warning", "declared") == ["Underage Sex", "Rape/Non-Con"]


def test_characters_present_enough_are_tagged() -> None:
    work = _tagged(make_work("Willow smiled. Willow waved at Buffy. Buffy grinned. Giles was away."))
    characters = _values(work, "character")
    assert "Willow Rosenberg" in characters and "Buffy Summers" in characters
    assert "Rupert Giles" not in characters  # named once


def test_a_side_character_of_a_long_story_needs_fewer_mentions_than_one_per_thousand_words() -> None:
    # Written for the rule: about 16,000 words ask 2.5 * sqrt(16) = 10 mentions, not 16. Giles is
    # named 12 times and is tagged; Xander, named 6 times, is not.
    filler = " ".join(["Buffy walked the long road past the quiet houses and the old church again."] * 1150)
    text = filler + " Giles read." * 12 + " Xander ran." * 6
    work = _tagged(make_work(text))
    characters = _values(work, "character")
    assert "Rupert Giles" in characters
    assert "Xander Harris" not in characters
    assert character_threshold(16_000) == 10
    assert character_threshold(1_000) == 2


def test_a_canon_character_under_the_threshold_who_is_on_the_page_is_tagged() -> None:
    # About 2,100 words ask 3 mentions. Giles is named twice but speaks a line and acts; Xander
    # is named twice, only talked about; Anya speaks and acts as Giles does but is no pack's.
    filler = " ".join(["Buffy walked the long road past the quiet houses and the old church again."] * 150)
    text = (
        filler
        + ' Giles frowned at the map. "North," Giles said. Buffy laughed, like Xander always said she'
        + ' would. "Xander is late," Willow said. Anya sighed. "South," Anya said.'
    )
    work = make_work(text, ("Buffy", "Giles", "Xander", "Willow", "Anya"))
    work.quotes.append(Quote(text.index("North"), text.index("North") + 6, "c2"))
    work.quotes.append(Quote(text.index("South"), text.index("South") + 6, "c5"))
    work.characters[4].canonical = False
    _tagged(work)
    characters = _values(work, "character")
    assert character_threshold(2_100) == 3
    assert "Rupert Giles" in characters
    assert "Xander Harris" not in characters
    assert "Anya Jenkins" not in characters
    giles = next(t for t in work.tags if t.value == "Rupert Giles")
    assert [e.reason for e in giles.evidence] == [
        "acts in the narration",
        "speaks a line",
        "acts in the narration",
    ]


def test_a_canon_characters_two_lines_in_a_long_story_are_a_walk_on() -> None:
    # About 16,000 words ask 10 mentions, and a canon character on the page a quarter of that.
    filler = " ".join(["Buffy walked the long road past the quiet houses and the old church again."] * 1150)
    text = filler + ' Giles frowned. "North," Giles said.'
    work = make_work(text, ("Buffy", "Giles"))
    work.quotes.append(Quote(text.index("North"), text.index("North") + 6, "c2"))
    assert "Rupert Giles" not in _values(_tagged(work), "character")


def test_past_the_cap_of_twelve_the_fandoms_characters_come_before_names_no_pack_knows() -> None:
    # Twelve people no pack knows, each named three times, and Giles (the pack's) named twice:
    # by mentions alone Giles would be the thirteenth and cut.
    others = ["Ada", "Bram", "Cleo", "Dov", "Eda", "Fitz", "Gus", "Hal", "Ines", "Jude", "Kit", "Lev"]
    text = (
        " ".join(f"{name} waved. {name} sat. {name} left." for name in others) + " Giles read. Giles slept."
    )
    work = make_work(text, ("Giles",))
    work.characters += [Character(f"o{i}", name) for i, name in enumerate(others)]
    work.mentions = find_name_mentions(text, work.characters)
    characters = _values(_tagged(work), "character")
    assert len(characters) == MAX_CHARACTER_TAGS
    assert characters[0] == "Rupert Giles"
    assert "Lev" not in characters


def test_a_story_told_in_the_second_person_has_the_reader_as_a_character() -> None:
    text = "You open the door. Willow smiles at you. You smile back and take her hand. Willow laughs."
    work = make_work(text, ("Willow",))
    work.sections = [Section(0, len(text), person="second")]
    _tagged(work)
    assert "Reader" in _values(work, "character")
    reader = next(t for t in work.tags if t.value == "Reader")
    assert reader.evidence and reader.evidence[0].start == 0
    work = make_work(text, ("Willow",))
    work.sections = [Section(0, len(text), person="third")]
    _tagged(work)
    assert "Reader" not in _values(work, "character")


# -- the real samples ----------------------------------------------------------------------


def test_sample_one_line_tags(shared_samples: Path) -> None:
    one_line = fandex.analyze(SAMPLE_ONE_LINE)
    _assert_evidence(one_line)
    assert _values(one_line, "fandom") == ["Buffy the Vampire Slayer"]
    assert _values(one_line, "rating")[0] in ("Mature", "Explicit")
    assert _values(one_line, "warning") == ["No Archive Warnings Apply"]
    assert "Buffy Summers/Spike" in _values(one_line, "relationship")
    assert _values(one_line, "category") == ["F/M"]
    assert _values(one_line, "canon") == ['Buffy the Vampire Slayer 6x09 "Smashed"']
    assert one_line.metadata.spoilers


def test_sample_all_talk_tags(shared_samples: Path) -> None:
    all_talk = fandex.analyze(SAMPLE_ALL_TALK)
    _assert_evidence(all_talk)
    assert _values(all_talk, "fandom") == ["Buffy the Vampire Slayer"]
    assert _values(all_talk, "rating") == ["Teen And Up Audiences"]
    assert _values(all_talk, "warning") == ["No Archive Warnings Apply"]
    assert _values(all_talk, "category") == ["F/M"]
    relationships = [t for t in all_talk.tags if t.kind == "relationship"]
    assert relationships[0].value == "Spike/Willow Rosenberg" and relationships[0].note == "main pairing"
    assert "Anya Jenkins/Xander Harris" in [t.value for t in relationships]
    additional = set(_values(all_talk, "additional"))
    assert additional & {"Fake/Pretend Relationship", "Friends to Lovers"}


# -- the labelled set ----------------------------------------------------------------------


LABELLED = sorted(TAGGED.glob("*.md"))


def test_the_labelled_set_is_big_enough() -> None:
    assert len(LABELLED) >= 40


@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.stem)
def test_every_inferred_tag_of_the_labelled_set_has_evidence(path: Path) -> None:
    work = run(read_file(path), Options(ignore_declared_tags=True))
    _assert_evidence(work)
    assert any(t.kind == "rating" for t in work.tags)


def test_a_work_without_a_story_gets_only_its_declared_tags() -> None:
    work = Work(text="Title: Nothing yet\n")
    work.metadata.body_start = len(work.text)
    work.metadata.declared_tags.rating = "Mature"
    work.metadata.declared_tags.characters = ["", "  "]
    _tagged(work)
    assert [(t.kind, t.value, t.source) for t in work.tags] == [("rating", "Mature", "declared")]
    _tagged(work, Options(ignore_declared_tags=True))
    assert work.tags == []


def test_a_declared_fandom_alias_agrees_with_the_detected_fandom() -> None:
    work = make_work(ROMANCE)
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    _tagged(work, Options(ignore_declared_tags=True))
    assert _values(work, "fandom") == ["Buffy the Vampire Slayer"]  # inferred, with evidence
    work.metadata.declared_tags.fandoms = ["BtVS"]
    _tagged(work)
    # Declared, and written the pack's way as AO3's wranglers would write it.
    assert [(t.value, t.source) for t in work.tags if t.kind == "fandom"] == [
        ("Buffy the Vampire Slayer", "declared")
    ]
    work.metadata.declared_tags.fandoms = ["Some Fandom No Pack Knows"]
    _tagged(work)
    assert ("Some Fandom No Pack Knows", "declared") in [(t.value, t.source) for t in work.tags]


def test_a_declared_full_name_covers_the_short_name_found() -> None:
    work = make_work("Willow smiled. Willow waved at Buffy. Buffy grinned.", ("Willow", "Buffy"))
    work.characters[0].name = "Willow"  # no pack: the story's own short name
    work.metadata.declared_tags.characters = ["Willow Rosenberg"]
    _tagged(work)
    characters = [(t.value, t.source) for t in work.tags if t.kind == "character"]
    assert ("Willow Rosenberg", "declared") in characters
    assert ("Willow", "inferred") not in characters
    assert ("Buffy Summers", "inferred") in characters


def test_a_fandom_without_its_characters_in_the_cast_is_evidenced_by_its_words() -> None:
    text = "The Slayer walked through the cemetery on the Hellmouth, stake in hand."
    work = Work(text=text)
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.8)]
    _tagged(work, Options(ignore_declared_tags=True))
    (fandom,) = [t for t in work.tags if t.kind == "fandom"]
    assert fandom.value == "Buffy the Vampire Slayer"
    assert [text[e.start : e.end] for e in fandom.evidence] == ["Slayer", "Hellmouth", "stake"]


def test_ship_names_from_the_bundled_pack_become_relationship_tags() -> None:
    work = make_work("Buffy and Spike argued. Willow laughed at Spike.", ("Buffy", "Spike", "Willow"))
    work.metadata.declared_tags.fandoms = ["BtVS"]
    work.metadata.declared_tags.relationships = ["Spuffy", "gen", "S/W"]
    _tagged(work)
    assert _values(work, "relationship", "declared") == ["Buffy Summers/Spike", "Spike/Willow Rosenberg"]
    main = [r for r in work.relationships if r.main]
    assert [{work.character(c).name for c in r.characters} for r in main] == [{"Buffy Summers", "Spike"}]


def test_a_sites_typed_fandom_tag_is_shown_as_typed() -> None:
    work = make_work(ROMANCE)
    work.source_format = "ao3-html"
    work.metadata.declared_tags.fandoms = ["Buffy the Vampire Slayer (TV)"]
    _tagged(work)
    assert [(t.value, t.source) for t in work.tags if t.kind == "fandom"] == [
        ("Buffy the Vampire Slayer (TV)", "declared")
    ]


def test_a_character_the_summary_names_and_the_chapter_lacks_is_tagged() -> None:
    work = make_work("Willow smiled. Willow waved at Buffy. Buffy grinned.", ("Willow", "Buffy"))
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    work.metadata.summary = "Giles has a secret, and Willow means to find it out."
    _tagged(work, Options(ignore_declared_tags=True))
    (giles,) = [t for t in work.tags if t.kind == "character" and t.value == "Rupert Giles"]
    # The summary is kept apart from the text (as in an AO3 download): the whole body, with the words.
    assert [(e.start, e.end) for e in giles.evidence] == [(0, len(work.text))]
    assert giles.evidence[0].reason == "named in the author's summary ('Giles'), not in the text at hand"
    assert _values(work, "character").count("Willow Rosenberg") == 1  # in the text: tagged once


def test_a_summary_name_inside_a_longer_name_or_outside_the_fandom_is_no_character() -> None:
    text = "Willow smiled. Willow waved at Buffy. Buffy grinned."
    work = make_work(text, ("Willow", "Buffy"))
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    # "Professor Giles" is someone the pack does not know; "Xander" is not named at all.
    work.metadata.summary = "Willow meets a Professor Giles at college."
    _tagged(work, Options(ignore_declared_tags=True))
    assert "Rupert Giles" not in _values(work, "character")
    # Without a fandom sure enough, the summary's names are nobody's.
    work = make_work(text, ("Willow", "Buffy"))
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.3)]
    work.metadata.summary = "Giles has a secret."
    _tagged(work, Options(ignore_declared_tags=True))
    assert "Rupert Giles" not in _values(work, "character")


def test_a_summary_given_name_with_another_family_name_is_no_pack_character() -> None:
    work = make_work("Willow smiled. Willow waved at Buffy. Buffy grinned.", ("Willow", "Buffy"))
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    # The pack's Giles is Rupert Giles: a "Rupert Quell" is someone else of that first name.
    work.metadata.notes = "Written for a friend who asked for Willow and Rupert Quell."
    _tagged(work, Options(ignore_declared_tags=True))
    assert "Rupert Giles" not in _values(work, "character")


def test_a_summary_in_the_text_points_at_the_name_itself() -> None:
    header = "Summary: Giles has a secret.\n\n"
    work = make_work(header + "Willow smiled. Willow waved at Buffy. Buffy grinned.", ("Willow", "Buffy"))
    work.metadata.body_start = len(header)
    work.metadata.summary = "Giles has a secret."
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    _tagged(work, Options(ignore_declared_tags=True))
    (giles,) = [t for t in work.tags if t.kind == "character" and t.value == "Rupert Giles"]
    assert [work.text[e.start : e.end] for e in giles.evidence] == ["Giles"]


def test_the_notes_name_characters_too_but_not_by_the_fandoms_own_name() -> None:
    work = make_work("Willow smiled. Willow waved at Xander. Xander grinned.", ("Willow", "Xander"))
    work.fandoms = [FandomGuess("Buffy the Vampire Slayer", 0.9)]
    work.metadata.notes = "I don't own Buffy. Thanks to Anya's biggest fan for the beta."
    _tagged(work, Options(ignore_declared_tags=True))
    characters = _values(work, "character")
    assert "Anya Jenkins" in characters
    assert "Buffy Summers" not in characters  # "Buffy" is the show here
    (anya,) = [t for t in work.tags if t.kind == "character" and t.value == "Anya Jenkins"]
    assert anya.evidence[0].reason == "named in the author's notes ('Anya'), not in the text at hand"


def test_a_friendship_beside_the_main_romance_gets_no_tag() -> None:
    # Written for the rule: the friendship is in the relationships layer, strong, but AO3 authors
    # tag the pairing the work is about.
    friends = " ".join(["Buffy trusted Xander, her best friend."] * 4)
    work = _tagged(make_work(ROMANCE + " " + friends))
    friendship = [r for r in work.relationships if r.kind == "platonic" and r.strength >= 0.9]
    assert friendship, "the layer should still find the friendship"
    relationships = _values(work, "relationship")
    assert relationships[0] == "Spike/Willow Rosenberg"
    assert not any("&" in value for value in relationships)


def test_the_friendship_of_a_gen_story_is_still_its_main_tag() -> None:
    friends = " ".join(["Buffy trusted Xander, her best friend."] * 4)
    work = _tagged(make_work(friends))
    assert _values(work, "relationship") == ["Buffy Summers & Xander Harris"]


def test_a_declared_synonym_agrees_with_the_inferred_canonical_name() -> None:
    # A made-up canon: its pack files "Teddy Vance" under "Theodore Vance", as AO3 files a synonym,
    # and gives the nickname "Theo" to two characters.
    pack = FandomPack(
        name="Harbour Lights",
        characters=(
            PackCharacter("Theodore Vance", aliases=("Teddy Vance",), nicknames=("Theo",), gender="M"),
            PackCharacter("Theodora Quill", nicknames=("Theo",), gender="F"),
            PackCharacter("Margaret Vance", gender="F"),
        ),
    )
    report = ContentReport(words=10, findings=[], violence_graphic=[], violence_warning=False, deaths=[])
    stated = [
        Tag("character", "Teddy Vance", "declared", 1.0, []),
        Tag("character", "Theo", "declared", 1.0, []),
        Tag("relationship", "Margaret Vance/Teddy Vance", "declared", 1.0, []),
    ]
    evidence = [Evidence(0, 5, "named")]
    inferred = [
        Tag("character", "Theodore Vance", "inferred", 0.8, evidence),
        Tag("character", "Theodora Quill", "inferred", 0.8, evidence),
        Tag("relationship", "Margaret Vance/Theodore Vance", "inferred", 0.8, evidence),
    ]

    def shown(synonyms: Synonyms | None) -> list[tuple[str, str]]:
        merged = merge(
            list(stated),
            [Tag(t.kind, t.value, t.source, t.confidence, t.evidence) for t in inferred],
            report,
            None,
            synonyms,
        )
        return [(t.value, t.source) for t in merged if t.source == "inferred"]

    # Without the pack's synonyms the inferred names look like other people, declared by no one.
    assert shown(None) == [
        ("Theodore Vance", "inferred"),
        ("Theodora Quill", "inferred"),
        ("Margaret Vance/Theodore Vance", "inferred"),
    ]
    # With them the declared tags already say Theodore and his pairing; "Theo" is still not Theodora.
    assert shown(Synonyms([pack])) == [("Theodora Quill", "inferred")]


def test_the_rivals_of_a_story_without_friends_or_lovers_are_its_pair() -> None:
    # Written for the rule: AO3 tags any pair that is no couple "A & B", enemies too.
    rivals = "Spike hated Giles with a passion. Spike despised Giles. Giles glared at Spike."
    work = _tagged(make_work(rivals, ("Spike", "Giles")))
    assert _values(work, "relationship") == ["Rupert Giles & Spike"]
    assert _values(work, "category") == ["Gen"]
    # Beside a friendship the rivalry stays untagged: the friends are the gen story's pair.
    friends = " ".join(["Buffy trusted Xander, her best friend."] * 4)
    work = _tagged(make_work(friends + " " + rivals, ("Buffy", "Xander", "Spike", "Giles")))
    assert _values(work, "relationship") == ["Buffy Summers & Xander Harris"]


def test_a_story_naming_the_reader_y_n_has_the_reader_and_the_pairing() -> None:
    text = "Y/N opened the door. Willow smiled at Y/N and kissed her. Y/N was in love with Willow."
    work = make_work(text, ("Willow",))
    work.sections = [Section(0, len(text), person="third")]
    _tagged(work)
    assert "Reader" in _values(work, "character")
    reader = next(t for t in work.tags if t.value == "Reader")
    assert text[reader.evidence[0].start : reader.evidence[0].end] == "Y/N"
    assert _values(work, "relationship") == ["Reader/Willow Rosenberg"]
    # The reader's gender is the author's choice: no category is better than a guessed one.
    assert _values(work, "category") == []
