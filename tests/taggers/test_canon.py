from __future__ import annotations

from pathlib import Path

import pytest

from fandex.options import Options
from fandex.taggers import canon
from fandex.taggers.context import TagContext
from fandex.work import FandomGuess, Work

PACK = """\
name: Test Show
characters:
  - {name: Ann Lee, gender: F}
episodes:
  - {season: 1, number: 1, title: "Pilot"}
  - {season: 2, number: 9, title: "Smashed"}
  - {season: 3, number: 4, title: "The Long Goodbye"}
  - {season: 3, number: 22, title: "Finale Night"}
"""


@pytest.fixture
def options(tmp_path: Path) -> Options:
    (tmp_path / "test_show.yaml").write_text(PACK, encoding="utf-8")
    return Options(pack_dirs=[str(tmp_path)])


def _context(text: str, options: Options, notes: str | None = None) -> TagContext:
    work = Work(text=text)
    work.fandoms = [FandomGuess("Test Show", 0.9)]
    if notes:
        work.metadata.notes = notes
        work.metadata.body_start = text.index(notes) + len(notes)
    return TagContext.build(work, options)


def test_an_episode_named_with_a_cue_in_the_notes_anchors_the_story(options: Options) -> None:
    notes = "Notes: Takes place during Smashed. Angst ahead."
    context = _context(f"Title: X\n{notes}\n\nAnn smashed a vase.", options, notes)
    anchors = canon.find_anchors(context)
    assert [(a.episode.code, a.cue) for a in anchors] == [("2x09", "takes place during")]
    (tag,) = canon.canon_tags(context, anchors)
    assert tag.kind == "canon"
    assert tag.value == 'Test Show 2x09 "Smashed"'
    assert tag.note == "spoilers through season 2"
    assert context.work.text[tag.evidence[0].start : tag.evidence[0].end] == "Smashed"
    assert context.work.metadata.spoilers == 'through season 2 (Test Show 2x09 "Smashed")'


def test_the_latest_episode_named_is_the_anchor(options: Options) -> None:
    notes = 'Notes: Spoilers for "The Long Goodbye", set after Smashed.'
    context = _context(f"{notes}\n\nAnn waited.", options, notes)
    (tag,) = canon.canon_tags(context, canon.find_anchors(context))
    assert tag.value == 'Test Show 3x04 "The Long Goodbye"'


def test_a_bare_title_word_is_not_an_anchor(options: Options) -> None:
    notes = "Notes: Ann Smashed everything, and the Pilot light went out."
    context = _context(f"{notes}\n\nAnn waited.", options, notes)
    assert canon.find_anchors(context) == []


def test_titles_in_the_story_itself_do_not_count(options: Options) -> None:
    notes = "Notes: none."
    context = _context(f"{notes}\n\nIt was set after Smashed, Ann thought.", options, notes)
    assert canon.find_anchors(context) == []


def test_existing_spoilers_are_kept(options: Options) -> None:
    notes = "Notes: Takes place during Smashed."
    text = f"{notes}\n\nAnn waited."
    work = Work(text=text)
    work.fandoms = [FandomGuess("Test Show", 0.9)]
    work.metadata.notes = notes
    work.metadata.spoilers = "all of season 2"
    work.metadata.body_start = len(notes)
    context = TagContext.build(work, options)
    canon.canon_tags(context, canon.find_anchors(context))
    assert work.metadata.spoilers == "all of season 2"


def test_after_the_last_episode_is_post_canon(options: Options) -> None:
    notes = "Notes: Set after Finale Night."
    context = _context(f"{notes}\n\nAnn waited.", options, notes)
    anchors = canon.find_anchors(context)
    assert [a.episode.code for a in canon.post_canon_anchor(anchors)] == ["3x22"]
    during = _context("Notes: During Finale Night.\n\nAnn waited.", options, "Notes: During Finale Night.")
    assert canon.post_canon_anchor(canon.find_anchors(during)) == []
