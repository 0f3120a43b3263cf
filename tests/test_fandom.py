"""The detect_fandom stage: forced, declared, else guessed from the text; unknown fandoms stay empty.

The snippets are written for these tests; the two shared samples are real BtVS fan fiction.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLE_ALL_TALK, SAMPLE_ONE_LINE, SHARED
from fandex.errors import FandexError
from fandex.fandom import (
    THRESHOLD,
    _vocabulary,
    declared_packs,
    detect_fandom,
    guess_from_text,
    strongest_first,
    text_scores,
)
from fandex.fandoms import FandomPack, PackCharacter, load_packs
from fandex.options import Options
from fandex.work import Work

BTVS = "Buffy the Vampire Slayer"

SNIPPETS = {
    BTVS: (
        "Patrol was dull that night. Buffy twirled her stake and sighed, and Willow, perched on a "
        "headstone in Restfield, tapped at her laptop. 'Xander says Giles wants us at the Magic Box "
        "by ten,' she said. Somewhere behind them Spike lit a cigarette and muttered about the chip."
    ),
    "Harry Potter - J. K. Rowling": (
        "Harry slid into the seat beside Hermione at the Gryffindor table while the owls swept "
        "through the Great Hall. Ron was still complaining about the Quidditch match and Snape's "
        "detention. Across the room Draco Malfoy smirked, and Hermione told them both to eat."
    ),
    "Marvel Cinematic Universe": (
        "The lab on the top floor of Avengers Tower hummed. Tony was elbow-deep in a gauntlet when "
        "Steve came in with two coffees. 'Bucky says Natasha wants a debrief,' he said. Tony waved "
        "a wrench at him. 'Tell the Winter Soldier that HYDRA can wait until I fix the arc reactor.'"
    ),
    "Naruto": (
        "Naruto slurped the last of his ramen at Ichiraku and grinned. 'Kakashi-sensei's late again,' "
        "he said. Sakura sighed; Sasuke said nothing at all. When their teacher finally appeared on "
        "the roof, he had a mission scroll from the Hokage and a new jutsu to show them."
    ),
    "Star Wars - All Media Types": (
        "Anakin paced the bridge of the Resolute while Obi-Wan read the report from Coruscant. "
        "'The Council wants us back at the Jedi Temple,' he said. Ahsoka rolled her eyes, and Rex "
        "pretended not to hear. Somewhere below, a droid beeped about the hyperdrive again."
    ),
    "Supernatural (TV 2005)": (
        "The Impala idled outside the motel. Dean drummed on the wheel while Sam packed the rock "
        "salt and the holy water into the trunk. Castiel appeared in the back seat without a sound, "
        "and Dean swore. 'Cas, we talked about this.' Bobby had called twice about the devil's trap."
    ),
    "Sherlock (TV)": (
        "The flat at 221B was freezing again. Sherlock lay on the sofa in his dressing gown while "
        "John typed up the case for the blog. 'Lestrade called,' John said. 'Another body.' "
        "Sherlock was already up, coat on. 'The game is on, then. Mrs Hudson, we'll be late!'"
    ),
}

UNRELATED = (
    "Martha watered the tomatoes while the radio talked about rain. Her neighbour, a retired "
    "teacher called Paul, leaned over the fence to ask whether the council had fixed the road. "
    "Dawn came early in June; she liked to be done before the heat. Will you stay for tea, he asked, "
    "and she said she might, if he brought the good biscuits this time."
)


def work_of(text: str, declared: list[str] | None = None) -> Work:
    work = Work(text=text)
    work.metadata.declared_tags.fandoms = list(declared or [])
    return work


@pytest.mark.parametrize("fandom", sorted(SNIPPETS))
def test_snippet_is_detected_as_its_fandom(fandom: str) -> None:
    work = work_of(SNIPPETS[fandom])
    detect_fandom(work, Options())
    assert work.fandoms, f"nothing detected for {fandom}"
    assert work.fandoms[0].name == fandom
    assert work.fandoms[0].confidence >= 0.75
    assert all(THRESHOLD <= g.confidence <= 1 for g in work.fandoms)


def test_unrelated_story_has_no_fandom() -> None:
    work = work_of(UNRELATED)
    detect_fandom(work, Options())
    assert work.fandoms == []


NEAR_MISSES = {
    "common given names": (
        "John met Mary at the station, and Sam drove them both to Dean's house for supper. "
        "Harry was late again; Tony said he would wait. Peter poured the wine."
    ),
    "a vampire story with a namesake": (
        "The vampire hunter drew a stake from his coat. Angel watched him from the roof; she had "
        "seen a hundred slayers come and go, and every one of them thought patrol was a game. "
        "Dawn was an hour away. She would be gone before the watcher in the church woke."
    ),
    "words that are names": (
        "Spike the dog barked at the dawn chorus. Faith, she thought, was all she had left; faith "
        "and the glory of a summer morning. Grace came round at nine with the Harmony hairspray."
    ),
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_misses_have_no_fandom(case: str) -> None:
    assert guess_from_text(NEAR_MISSES[case], load_packs()) == []


def test_bare_vocabulary_without_cast_stays_under_the_threshold() -> None:
    # Vampire-story words alone are not enough to call a story BtVS.
    text = "The vampire hunter drew a stake. A watcher in the trees saw him patrol, then a vamp attacked."
    assert guess_from_text(text, load_packs()) == []


@pytest.mark.parametrize(
    "declared", ["BtVS", "Buffy: the Vampire Slayer", "buffy the vampire slayer (TV)", "Buffy"]
)
def test_declared_tags_match_loosely_and_win_over_the_text(declared: str) -> None:
    work = work_of(SNIPPETS["Sherlock (TV)"], declared=[declared])
    detect_fandom(work, Options())
    assert [(g.name, g.confidence) for g in work.fandoms] == [(BTVS, 1.0)]


@pytest.mark.parametrize(
    "tag", ["BtVS/Sherlock", "Buffy, Sherlock (TV)", "BtVS & BBC Sherlock", "Buffy x Sherlock"]
)
def test_declared_crossover_in_one_tag(tag: str) -> None:
    packs = load_packs()
    assert [p.name for p in declared_packs([tag], packs)] == [BTVS, "Sherlock (TV)"]


def test_declared_ampersand_inside_a_fandom_name_is_not_a_crossover() -> None:
    packs = load_packs()
    assert [p.name for p in declared_packs(["Sherlock Holmes & Related Fandoms"], packs)] == ["Sherlock (TV)"]


def test_ignored_declared_tags_fall_back_to_the_text() -> None:
    work = work_of(SNIPPETS["Sherlock (TV)"], declared=["BtVS"])
    detect_fandom(work, Options(ignore_declared_tags=True))
    assert work.fandoms[0].name == "Sherlock (TV)"


def test_unknown_declared_fandom_falls_back_to_the_text() -> None:
    work = work_of(SNIPPETS[BTVS], declared=["Some Fandom Nobody Packed"])
    detect_fandom(work, Options())
    assert work.fandoms[0].name == BTVS and work.fandoms[0].confidence < 1.0


def test_forced_fandom_by_alias() -> None:
    work = work_of(UNRELATED)
    detect_fandom(work, Options(fandom="btvs"))
    assert [(g.name, g.confidence) for g in work.fandoms] == [(BTVS, 1.0)]


def test_forced_unknown_fandom_lists_the_known_ones() -> None:
    with pytest.raises(FandexError) as raised:
        detect_fandom(work_of("text"), Options(fandom="Nonexistent Show"))
    message = raised.value.one_line()
    assert "Nonexistent Show" in message and BTVS in message and "Sherlock (TV)" in message


def test_user_pack_dir_adds_a_fandom(tmp_path: Path) -> None:
    (tmp_path / "quill.yaml").write_text(
        "name: Quillverse\ncharacters:\n  - {name: Ada Quill, aliases: [Ada]}\n"
        "  - {name: Bram Vane, aliases: [Bram]}\n  - {name: Corvin Ashe, aliases: [Corvin]}\n"
        "places: [Quill Manor]\n",
        encoding="utf-8",
    )
    text = "At Quill Manor, Ada Quill sent for Bram Vane, and then for Corvin, who was late as always."
    work = work_of(text)
    detect_fandom(work, Options(pack_dirs=[str(tmp_path)]))
    assert work.fandoms[0].name == "Quillverse"
    detect_fandom(work, Options())
    assert work.fandoms == []


@pytest.mark.parametrize("sample", [SAMPLE_ONE_LINE, SAMPLE_ALL_TALK], ids=lambda p: p.stem)
def test_shared_samples_are_btvs_with_high_confidence(shared_samples: Path, sample: Path) -> None:
    work = work_of(sample.read_text(encoding="utf-8"))
    detect_fandom(work, Options())
    assert work.fandoms[0].name == BTVS
    assert work.fandoms[0].confidence >= 0.8
    assert len(work.fandoms) == 1


def test_cli_unknown_fandom_is_exit_code_2_and_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from fandex import cli

    story = tmp_path / "story.txt"
    story.write_text("Buffy walked into the Bronze and looked for Willow.\n", encoding="utf-8")
    code = cli.main(["analyze", str(story), "--fandom", "Nonexistent Show"])
    assert code == 2
    error_lines = capsys.readouterr().err.strip().splitlines()
    assert any("unknown fandom 'Nonexistent Show'" in line for line in error_lines)
    assert not any("Traceback" in line for line in error_lines)


def test_cli_pack_dir_with_a_broken_pack_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    from fandex import cli

    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "broken.yaml").write_text(
        "name: Broken\ncharacters:\n  - name: A\n    gender: Q\n", encoding="utf-8"
    )
    story = tmp_path / "story.txt"
    story.write_text("A short story about nobody.\n", encoding="utf-8")
    code = cli.main(["analyze", str(story), "--pack-dir", str(packs)])
    assert code == 2
    assert "broken.yaml: character 'A': gender 'Q'" in capsys.readouterr().err


def test_classic_novels_belong_to_no_fandom(shared_samples: Path) -> None:
    # The PDNC and LitBank novels share many names with the packs (a butler called Giles in Oliver
    # Twist, a Mary and a Sally in Night and Day, a Harry in Dorian Gray) but are no fan fiction.
    # Conan Doyle's own Holmes stories are left out: BBC Sherlock's cast is theirs.
    novels = sorted((SHARED / "data" / "pdnc").glob("*/novel_text.txt"))
    novels += sorted((SHARED / "data" / "litbank" / "entities" / "brat").glob("*.txt"))
    novels = [p for p in novels if "Sign" not in str(p) and "sherlock" not in p.name]
    assert len(novels) > 100
    packs = load_packs()
    claimed = {}
    for path in novels:
        guesses = guess_from_text(path.read_text(encoding="utf-8"), packs)
        if guesses:
            claimed[path.parent.name if path.name == "novel_text.txt" else path.name] = guesses[0].name
    assert claimed == {}


def test_conan_doyle_reads_as_sherlock(shared_samples: Path) -> None:
    novel = SHARED / "data" / "pdnc" / "TheSignOfTheFour" / "novel_text.txt"
    guesses = guess_from_text(novel.read_text(encoding="utf-8"), load_packs())
    assert [g.name for g in guesses] == ["Sherlock (TV)"]


def test_roman_numerals_are_no_names(tmp_path: Path) -> None:
    (tmp_path / "numerals.yaml").write_text(
        "name: Numerals\ncharacters:\n  - {name: Vi}\n  - {name: Xi}\n  - {name: Ivy Lane, aliases: [Ivy]}\n",
        encoding="utf-8",
    )
    packs = load_packs([tmp_path])
    headings = "CHAPTER VI\n\nThe rain.\n\nCHAPTER XI\n\nMore rain.\n"
    assert [g.name for g in guess_from_text(headings, packs) if g.name == "Numerals"] == []
    story = "Later, Vi met Xi and Ivy Lane at the docks, and Vi laughed."
    assert "Numerals" in [g.name for g in guess_from_text(story, packs)]


def test_one_passing_mention_each_is_not_enough_in_a_long_work() -> None:
    names = "Buffy, Willow, Xander and Giles were mentioned once in passing."
    filler = "The road went on past the fields and the mill, and nobody in particular walked it. " * 4000
    assert len(filler) > 300_000
    packs = load_packs()
    assert [g.name for g in guess_from_text(names, packs)] == [BTVS]
    assert guess_from_text(filler + names, packs) == []
    # Named again and again through the same long work, they are the story's cast.
    assert [g.name for g in guess_from_text((filler[:80_000] + names) * 4, packs)] == [BTVS]


def test_a_main_character_named_once_in_a_long_work_makes_no_context(tmp_path: Path) -> None:
    # One "Quorra" in a long novel is a passing word, not the pack's lead: it must not let the
    # novel's many plain "Edith"s count as the pack's Edith Marrow.
    (tmp_path / "westerly.yaml").write_text(
        "name: Westerly\ncharacters:\n"
        "  - {name: Quorra Vell, aliases: [Quorra]}\n"
        "  - {name: Edith Marrow, aliases: [Edith]}\n"
        "  - {name: Tamsin Oake, role: recurring, aliases: [Tamsin]}\n"
        "  - {name: Bram Holt, role: recurring, aliases: [Bram]}\n",
        encoding="utf-8",
    )
    packs = [p for p in load_packs([tmp_path]) if p.name == "Westerly"]
    filler = "The road went on past the fields and the mill, and nobody in particular walked it. " * 4000
    people = "Edith came home. " * 20 + "Then Tamsin and Bram sat with Edith. " * 4
    assert guess_from_text(filler + people + "They spoke of Quorra once.", packs) == []
    # Named as often as a long work asks, the lead makes the context and the pack is found.
    often = filler + people + "They spoke of Quorra. " * 4
    assert [g.name for g in guess_from_text(often, packs)] == ["Westerly"]


def test_strongest_first_puts_the_canon_the_text_tells_most_first() -> None:
    packs = {pack.name: pack for pack in load_packs()}
    btvs, sherlock = packs["Buffy the Vampire Slayer"], packs["Sherlock (TV)"]
    text = "Sherlock Holmes and John Watson climbed the stairs of 221B Baker Street. Willow waved."
    assert strongest_first(text, [btvs, sherlock]) == [sherlock, btvs]
    # A text that names neither keeps the given (declared) order.
    assert strongest_first("Nobody came.", [btvs, sherlock]) == [btvs, sherlock]
    assert strongest_first(text, [btvs]) == [btvs]


# A pack made up for the matcher's tests: a name with a title form, places with an apostrophe, hyphens
# and full stops, and a term the pack writes in lower case.
MATCHER_PACK = FandomPack(
    name="Matcher Test",
    characters=(PackCharacter(name="Tamsin Vorley", aliases=("Tamsin", "Dr. Vorley")),),
    places=("Gallow's End", "Brindle-on-Sea", "Vorley Hall", "Q.E.D. House"),
    terms=("glimmerstone",),
)


def _found(text: str) -> list[str]:
    return [text[start:end] for start, end in _vocabulary([MATCHER_PACK]).matches(text)]


def test_matcher_takes_any_whitespace_run_for_a_space() -> None:
    text = "They sent for Tamsin\n   Vorley, then for Dr.\r\nVorley, and Q.E.D.\tHouse replied."
    assert _found(text) == ["Tamsin\n   Vorley", "Dr.\r\nVorley", "Q.E.D.\tHouse"]
    # The full stop is the phrase's own: a space alone does not stand for it.
    assert _found("Dr Vorley came.") == []


def test_matcher_takes_curly_apostrophes_and_hyphen_variants_for_plain_ones() -> None:
    text = "From Gallow\u2019s End to Brindle\u2011on\u2010Sea and Brindle-on-Sea, not Brindle on Sea."
    assert _found(text) == ["Gallow\u2019s End", "Brindle\u2011on\u2010Sea", "Brindle-on-Sea"]


def test_matcher_ignores_case_but_the_capitals_check_then_drops_lower_case_names() -> None:
    assert _found("TAMSIN and tamsin and GLIMMERSTONE and Glimmerstone") == [
        "TAMSIN",
        "tamsin",
        "GLIMMERSTONE",
        "Glimmerstone",
    ]
    # One place the pack writes with capitals counts (2.0) only where the text writes them too.
    assert text_scores("They lived at Gallow's End.", [MATCHER_PACK]) == [2.0]
    assert text_scores("They lived at gallow's end.", [MATCHER_PACK]) == [0.0]


def test_matcher_takes_the_longest_phrase_at_a_start_then_goes_on_after_it() -> None:
    # "Tamsin Vorley" beats "Tamsin"; "Vorley Hall" overlaps it and is not found.
    assert _found("Tamsin Vorley Hall stood empty. Tamsin went to Vorley Hall.") == [
        "Tamsin Vorley",
        "Tamsin",
        "Vorley Hall",
    ]


def test_matcher_wants_a_word_boundary_on_both_sides() -> None:
    assert _found("Tamsins xTamsin Tamsin_ Tamsin2 _Tamsin 2Tamsin glimmerstones") == []
    assert _found("Tamsin's (Tamsin) -Tamsin- \u00abTamsin\u00bb") == ["Tamsin"] * 4
    # A phrase ending in a full stop still wants no letter right after it.
    assert _found("Q.E.D. Houses and Q.E.D. House.") == ["Q.E.D. House"]


def test_matcher_finds_a_phrase_that_begins_with_a_mark_after_no_word() -> None:
    pack = FandomPack(name="Mark Test", terms=("'verse", "-ish thing"))
    vocabulary = _vocabulary([pack])
    text = "All over the \u2019Verse, a -ish\nthing; not the x'verse or the 'verses."
    assert [text[start:end] for start, end in vocabulary.matches(text)] == ["\u2019Verse", "-ish\nthing"]
