"""The non-plain-text examples in examples/ against their answer files, through ``fandex.analyze``.

Every answer file was written by hand from the example (counts of paragraphs and scenes included);
the readers and the later stages together must reproduce it. Keys an answer file leaves out are
not checked. ``contains`` / ``excludes`` are about the story body (``work.body``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml
from tests.conftest import EXAMPLES

import fandex
from fandex.work import Work

READER_EXAMPLES = [
    "usenet_post.txt",
    "archive_page.html",
    "ffnet_chapter.html",
    "ao3_download.html",
    "ao3_download.epub",
    "front_matter.md",
    "hardwrapped.txt",
]
SOURCE_FORMATS = {
    "usenet_post.txt": "usenet",
    "archive_page.html": "html",
    "ffnet_chapter.html": "ffnet-html",
    "ao3_download.html": "ao3-html",
    "ao3_download.epub": "epub",
    "front_matter.md": "markdown",
    "hardwrapped.txt": "text",
}
METADATA_KEYS = ("summary", "series", "words_declared", "published", "rating_original")


@cache
def _analysed(name: str) -> tuple[Work, dict[str, Any]]:
    answers = yaml.safe_load((EXAMPLES / "answers" / f"{name}.yaml").read_text(encoding="utf-8"))
    return fandex.analyze(EXAMPLES / name), answers


@pytest.mark.parametrize("name", READER_EXAMPLES)
def test_metadata_matches_the_answers(name: str) -> None:
    work, answers = _analysed(name)
    meta = work.metadata
    assert work.source_format == SOURCE_FORMATS[name]
    assert work.source == str(EXAMPLES / name)
    assert meta.title == answers["title"]
    assert meta.authors == answers["authors"]
    assert meta.part == answers["part"]
    assert meta.parts_total == answers["parts_total"]
    assert meta.chapter == answers["chapter"]
    if "rating" in answers:
        assert meta.declared_tags.rating == answers["rating"]
    for slot, expected in (answers.get("declared_tags") or {}).items():
        assert getattr(meta.declared_tags, slot) == expected, slot
    for key in METADATA_KEYS:
        if key in answers:
            assert getattr(meta, key) == answers[key], key


@pytest.mark.parametrize("name", READER_EXAMPLES)
def test_body_holds_the_story_and_nothing_else(name: str) -> None:
    work, answers = _analysed(name)
    if "body_starts_with" in answers:
        assert work.body.startswith(answers["body_starts_with"])
    for snippet in answers.get("contains", []):
        assert snippet in work.body, snippet
    for snippet in answers.get("excludes", []):
        assert snippet not in work.body, snippet


@pytest.mark.parametrize("name", READER_EXAMPLES)
def test_structure_matches_the_answers(name: str) -> None:
    work, answers = _analysed(name)
    assert len(work.chapters) == answers["chapters"]
    for key, attribute in (("chapter_numbers", "number"), ("chapter_titles", "title")):
        if key in answers:
            assert [getattr(chapter, attribute) for chapter in work.chapters] == answers[key]
    if "scenes" in answers:
        assert len(work.scenes) == answers["scenes"]
    if "scene_breaks" in answers:
        assert [scene.break_kind for scene in work.scenes] == answers["scene_breaks"]
    if "paragraphs" in answers:
        assert len(work.paragraphs) == answers["paragraphs"]


@pytest.mark.parametrize("name", READER_EXAMPLES)
def test_emphasis_spans_cover_the_emphasised_words(name: str) -> None:
    work, answers = _analysed(name)
    found = [(span.kind, work.span_text(span)) for span in work.emphasis]
    for kind, words in answers.get("emphasis", []):
        assert (kind, words) in found


@pytest.mark.parametrize("name", READER_EXAMPLES)
def test_example_is_original_prose_of_the_right_length(name: str) -> None:
    work, _ = _analysed(name)
    assert 150 <= len(work.body.split()) <= 600


def test_the_epub_is_what_its_build_script_makes(tmp_path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_epub", EXAMPLES / "build_epub.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "rebuilt.epub")
    assert rebuilt.read_bytes() == (EXAMPLES / "ao3_download.epub").read_bytes()


def test_every_reader_example_has_an_answer_file() -> None:
    for name in READER_EXAMPLES:
        assert (EXAMPLES / "answers" / f"{name}.yaml").is_file()
