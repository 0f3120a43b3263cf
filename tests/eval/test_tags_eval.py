from __future__ import annotations

import json
from pathlib import Path

import pytest

from fandex.cli import main
from fandex.eval.tags import (
    Labels,
    Scores,
    StoryResult,
    add,
    evaluate,
    labels_from_file,
    names_match,
    score_story,
)
from fandex.work import Character, Evidence, FandomGuess, Tag, Work

GEN_STORY = """---
title: Walk
rating: General Audiences
warnings: [No Archive Warnings Apply]
category: [Gen]
fandom: [Original Work]
characters: [Ada Quill, Ben Moss]
---

Ada Quill walked to the market with Ben Moss. Ada bought apples and Ben bought bread. Ada laughed
at the pigeons and Ben told her about his garden. They walked home in the sun and Ada waved goodbye.
"""

PLAIN_STORY = "Ada walked to the shop. Ada bought tea and went home again, and Ada read a book.\n"


def _write(folder: Path) -> None:
    (folder / "walk.md").write_text(GEN_STORY, encoding="utf-8")
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "plain.txt").write_text(PLAIN_STORY, encoding="utf-8")
    (folder / "extra.labels.yaml").write_text(
        "../outside/plain.txt:\n  rating: [General Audiences, Teen And Up Audiences]\n  characters: [Ada]\n"
        "../outside/missing.txt:\n  rating: Mature\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Hermione Granger", "Hermione", True),
        ("Hermione", "Hermione Granger", True),
        ("Castiel (Supernatural)", "Castiel", True),
        ("Mrs. Hudson", "Mrs Hudson", True),
        ("Harry Potter", "Hermione Granger", False),
        ("Harry Potter", "James Potter", False),
        # Tone marks a tag keeps and the text leaves out; a relation of someone is not that someone.
        ("Xiè Lián (Tiān Guān Cì Fú)", "Xie Lian", True),
        ("Xiè Lián's Mother (Tiān Guān Cì Fú)", "Xie Lian", False),
        ("Xie Lian", "Xiè Lián's Mother", False),
        ("Xiè Lián's Mother", "Xie Lian's Mother", True),
        ("Buffy's", "Buffy Summers", True),
        # One family's name of a double-barrelled one; a hyphenated given name stays whole.
        ("Alice Gulliver", "Alice Wu-Gulliver", True),
        ("Alice Wu-Gulliver", "Alice Gulliver", True),
        ("Alice Gulliver", "Alice Wu-Pereira", False),
        ("Kate Olsen", "Mary-Kate Olsen", False),
        # A nickname in quotes inside a tag; a Japanese long vowel romanised two ways.
        ('Jonathan "Jon" Grey', "Jon", True),
        ("Jon Grey", 'Jonathan "Jonny" Grey', False),
        ("Satou Kenji", "Sato Kenji", True),
        ("Kenji Satō", "Kenji Satou", True),
        ("Yuuto", "Yuto", True),
        ("Lou", "Lo", False),
        ("Louis", "Lois", False),
        ("Miles O'Brien", "O'Brien", True),
    ],
)
def test_names_match_loosely(gold: str, predicted: str, same: bool) -> None:
    assert names_match(gold, predicted) is same


def test_a_labels_file_names_stories_relative_to_itself(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder)
    labels = labels_from_file(folder / "extra.labels.yaml")
    plain = (tmp_path / "outside" / "plain.txt").resolve()
    assert labels[plain].ratings == ["General Audiences", "Teen And Up Audiences"]
    assert labels[plain].characters == ["Ada"]


def test_rating_within_one_level_and_warning_counts() -> None:
    scores = Scores()
    result = StoryResult(
        path="x", gold_rating=["Explicit"], rating="Mature", gold_warnings=["Major Character Death"],
        warnings=["Graphic Depictions Of Violence"], gold_category=["F/M"], category=["F/M"],
        main_relationship="A/B", main_found=True, relationships_found=1, relationships_total=2,
        characters_missed=["C"], characters_total=3, characters_inferred=4,
        characters_inferred_declared=2, additional_found=[],
    )  # fmt: skip
    add(scores, result)
    summary = scores.summary()
    assert summary["rating_exact"] == 0.0
    assert summary["rating_within_one"] == 1.0
    assert (scores.warning_tp, scores.warning_fp, scores.warning_fn) == (0, 1, 1)
    assert summary["category_exact"] == 1.0
    assert summary["main_relationship_recall"] == 1.0
    assert summary["relationship_recall"] == 0.5
    assert summary["character_recall"] == pytest.approx(2 / 3)
    assert summary["character_precision"] == 0.5
    assert summary["main_pair_recall"] == 0.0  # main_pair_found was not set: counted as not found


def test_a_declared_alias_of_a_tagged_pack_character_is_found() -> None:
    # The Star Wars pack makes "Ben Solo" an alias of Kylo Ren; "Rey" is declared but not tagged.
    text = "Kylo Ren stood in the snow."
    work = Work(text=text)
    work.characters = [Character("c1", "Kylo Ren", ["Ben Solo"], "M", mentions=1, canonical=True)]
    work.fandoms = [FandomGuess("Star Wars - All Media Types", 0.9)]
    work.tags = [Tag("character", "Kylo Ren", "inferred", 0.8, [Evidence(0, 8, "named in the story")])]
    result = score_story(work, Labels(characters=["Ben Solo", "Rey (Star Wars)"]))
    assert result.characters_missed == ["Rey (Star Wars)"]
    assert (result.characters_inferred, result.characters_inferred_declared) == (1, 1)


def test_evaluate_hides_the_declared_tags_and_scores_against_them(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder)
    scores = evaluate(folder)
    assert scores.stories == 2
    assert any("missing.txt" in line for line in scores.skipped)
    by_name = {Path(r.path).name: r for r in scores.results}
    walk = by_name["walk.md"]
    assert walk.gold_rating == ["General Audiences"]
    assert walk.rating == "General Audiences"  # apples and pigeons: nothing to rate up
    assert walk.category == ["Gen"]
    assert walk.characters_missed == []
    assert by_name["plain.txt"].gold_rating == ["General Audiences", "Teen And Up Audiences"]
    assert scores.tags_without_evidence == 0


def test_the_command_prints_json_and_fails_cleanly_on_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    _write(folder)
    assert main(["eval", "tags", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["stories"] == 2
    assert set(data["scores"]) >= {
        "rating_exact",
        "rating_within_one",
        "warning_precision",
        "character_recall",
    }
    assert main(["eval", "tags", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_labels_without_any_tag_are_empty() -> None:
    assert Labels().empty
    assert not Labels(ratings=["Mature"]).empty


def test_a_broken_labels_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.labels.yaml").write_text("story.txt: [unclosed\n", encoding="utf-8")
    assert main(["eval", "tags", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "bad.labels.yaml" in error and "cannot read the labels file" in error
    (tmp_path / "bad.labels.yaml").write_text("story.txt: just a string\n", encoding="utf-8")
    assert main(["eval", "tags", str(tmp_path)]) == 2
    assert "must be a mapping" in capsys.readouterr().err


def test_a_work_declared_not_rated_is_not_scored_on_rating() -> None:
    from fandex.eval.tags import labels_from_declared
    from fandex.work import DeclaredTags

    assert labels_from_declared(DeclaredTags(rating="Not Rated", characters=["Ada"])).ratings == []
    assert labels_from_declared(DeclaredTags(rating="Mature")).ratings == ["Mature"]


def test_a_declared_romance_found_as_a_friendship_is_a_main_pair_but_not_the_main_relationship() -> None:
    work = Work(text="Ada Quill and Ben Moss walked.")
    work.characters = [
        Character("c1", "Ada Quill", [], "F", mentions=1),
        Character("c2", "Ben Moss", [], "M", mentions=1),
    ]
    evidence = [Evidence(0, 9, "together")]
    work.tags = [Tag("relationship", "Ada Quill & Ben Moss", "inferred", 0.8, evidence)]
    result = score_story(work, Labels(relationships=["Ada Quill/Ben Moss"]))
    assert (result.main_found, result.main_pair_found, result.main_named) == (False, True, True)
    assert (result.relationships_inferred, result.relationships_inferred_declared) == (1, 0)
    result = score_story(work, Labels(relationships=["Ada Quill & Ben Moss"]))
    assert (result.relationships_inferred, result.relationships_inferred_declared) == (1, 1)
    result = score_story(work, Labels(relationships=["Ada Quill/Cy Long"]))
    assert (result.main_found, result.main_pair_found, result.main_named) == (False, False, False)


def test_declared_characters_the_text_never_names_are_reported_apart() -> None:
    work = Work(text="The Pack waited. Ada Quill walked to the den with Moss.")
    result = score_story(
        work, Labels(characters=["Ada Quill", "Cy Long", "Ben Moss", "The Alpha Pack", "OFC"])
    )
    # Nobody is tagged, so all five are missed; three are never named ("The" and "Pack" name no one
    # and "Alpha" is not there; "OFC" is too short): the text names Ada, and Ben by "Moss".
    assert len(result.characters_missed) == 5
    assert result.characters_absent == ["Cy Long", "The Alpha Pack", "OFC"]
    scores = Scores()
    add(scores, result)
    assert scores.summary()["character_recall_named"] == 0.0
    assert scores.characters_named == 2


def test_a_declared_name_with_tone_marks_is_named_by_the_text_without_them() -> None:
    work = Work(text="Xie Lian laughed at the soup.")
    result = score_story(
        work, Labels(characters=["Xiè Lián (Tiān Guān Cì Fú)", "Huā Chéng (Tiān Guān Cì Fú)"])
    )
    assert result.characters_absent == ["Huā Chéng (Tiān Guān Cì Fú)"]


# A made-up canon whose pack, like AO3, files "Teddy Vance" under the canonical "Theodore Vance";
# "Theo" is a nickname of two characters, and Margaret carries the lead's family name.
HARBOUR_PACK = """name: Harbour Lights
characters:
  - name: Theodore Vance
    gender: M
    aliases: [Vance, Teddy Vance]
    nicknames: [Teddy, Theo]
  - name: Theodora Quill
    gender: F
    aliases: [Quill]
    nicknames: [Theo]
  - name: Margaret Vance
    gender: F
    aliases: [Maggie Vance]
    nicknames: [Maggie]
"""


def _harbour_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Work:
    (tmp_path / "harbour_lights.yaml").write_text(HARBOUR_PACK, encoding="utf-8")
    monkeypatch.setenv("FANDEX_PACKS", str(tmp_path))
    work = Work(text="Theodore Vance kissed Margaret Vance on the pier.")
    work.fandoms = [FandomGuess("Harbour Lights", 0.9)]
    evidence = [Evidence(0, 14, "kiss")]
    work.tags = [
        Tag("relationship", "Margaret Vance/Theodore Vance", "inferred", 0.8, evidence),
        Tag("character", "Theodore Vance", "inferred", 0.8, evidence),
    ]
    return work


def test_a_declared_name_the_pack_files_under_the_inferred_one_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = _harbour_work(tmp_path, monkeypatch)
    labels = Labels(relationships=["Teddy Vance/Maggie Vance"], characters=["Teddy Vance", "Maggie"])
    result = score_story(work, labels)
    assert (result.main_found, result.relationships_inferred_declared) == (True, 1)
    assert result.characters_missed == ["Margaret Vance"]  # declared "Maggie", only Theodore is tagged
    assert (result.characters_inferred, result.characters_inferred_declared) == (1, 1)


def test_a_family_name_does_not_tie_a_relative_to_the_leads_synonyms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pack lists "Vance" for Theodore only; Margaret Vance is still not "Teddy Vance".
    work = _harbour_work(tmp_path, monkeypatch)
    work.tags = [Tag("character", "Margaret Vance", "inferred", 0.8, [Evidence(22, 36, "named")])]
    result = score_story(work, Labels(characters=["Teddy Vance"]))
    assert result.characters_missed == ["Teddy Vance"]
    assert result.characters_inferred_declared == 0
