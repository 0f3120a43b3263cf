"""The plain-text examples in examples/ against their known answers in examples/answers/.

Each answer file was written by hand from the example's text; the header and structure stages must
reproduce it. Keys an answer file leaves out are not checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES
from fandex import readers
from fandex.header import read_header
from fandex.options import Options
from fandex.structure import find_structure
from fandex.work import Work

TEXT_EXAMPLES = ["one_line.txt", "labelled_header.txt", "byline.txt", "chaptered.txt"]


def _analysed(name: str) -> tuple[Work, dict[str, Any]]:
    path = EXAMPLES / name
    answers = yaml.safe_load((EXAMPLES / "answers" / f"{name}.yaml").read_text(encoding="utf-8"))
    work = readers.read_file(path)
    options = Options()
    read_header(work, options)
    find_structure(work, options)
    return work, answers


@pytest.mark.parametrize("name", TEXT_EXAMPLES)
def test_example_is_original_prose_of_the_right_length(name: str) -> None:
    words = len((EXAMPLES / name).read_text(encoding="utf-8").split())
    assert 150 <= words <= 600


@pytest.mark.parametrize("name", TEXT_EXAMPLES)
def test_header_matches_the_answers(name: str) -> None:
    work, answers = _analysed(name)
    meta = work.metadata
    assert meta.title == answers["title"]
    assert meta.authors == answers["authors"]
    assert meta.part == answers["part"]
    assert meta.parts_total == answers["parts_total"]
    assert meta.chapter == answers["chapter"]
    assert meta.declared_tags.rating == answers["rating"]
    if "rating_original" in answers:
        assert meta.rating_original == answers["rating_original"]
    for slot, expected in (answers.get("declared_tags") or {}).items():
        assert getattr(meta.declared_tags, slot) == expected, slot
    for attribute in ("summary", "spoilers"):
        if attribute in answers:
            assert getattr(meta, attribute) == answers[attribute]
    for label, expected in (answers.get("fields") or {}).items():
        assert meta.fields.get(label) == expected, label


@pytest.mark.parametrize("name", TEXT_EXAMPLES)
def test_body_starts_where_the_story_does(name: str) -> None:
    work, answers = _analysed(name)
    assert work.body.startswith(answers["body_starts_with"])
    for snippet in answers.get("contains", []):
        assert snippet in work.body, snippet
    for snippet in answers.get("excludes", []):
        assert snippet not in work.body, snippet


@pytest.mark.parametrize("name", TEXT_EXAMPLES)
def test_structure_matches_the_answers(name: str) -> None:
    work, answers = _analysed(name)
    assert len(work.chapters) == answers["chapters"]
    assert len(work.scenes) == answers["scenes"]
    assert len(work.paragraphs) == answers["paragraphs"]
    if "scene_breaks" in answers:
        assert [s.break_kind for s in work.scenes] == answers["scene_breaks"]
    if "chapter_numbers" in answers:
        assert [c.number for c in work.chapters] == answers["chapter_numbers"]
    if "chapter_titles" in answers:
        assert [c.title for c in work.chapters] == answers["chapter_titles"]


@pytest.mark.parametrize("name", TEXT_EXAMPLES)
def test_paragraphs_are_trimmed_and_in_order(name: str) -> None:
    work, _ = _analysed(name)
    previous_end = work.metadata.body_start
    for paragraph in work.paragraphs:
        covered = work.span_text(paragraph)
        assert covered and covered == covered.strip()
        assert paragraph.start >= previous_end
        previous_end = paragraph.end


def test_every_text_example_has_an_answer_file() -> None:
    for name in TEXT_EXAMPLES:
        assert Path(EXAMPLES / "answers" / f"{name}.yaml").is_file()
