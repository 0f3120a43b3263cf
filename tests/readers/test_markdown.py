"""Markdown with YAML front matter: declared metadata, body_start, emphasis with markers kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.readers import markdown, read_bytes

FRONT = """---
title: 'Stake Out: A Comedy'
authors: [Ann, Bea]
rating: NC-17
fandoms: [Buffy the Vampire Slayer, Angel]
pairing: Cordelia/Xander
part: 2 of 4
chapter: 3
date: 2003-02-01
words: 1200
---
"""
BODY = "She was *so* done. **Done.** And _truly_ tired.\n\n***\n\nNext scene, with a snake_case_name.\n"


def _read(text: str, name: str = "story.md"):
    return read_bytes(text.encode("utf-8"), Path(name))


def test_front_matter_is_declared_metadata() -> None:
    meta = _read(FRONT + BODY).metadata
    assert meta.title == "Stake Out: A Comedy"
    assert meta.authors == ["Ann", "Bea"]
    assert (meta.rating_original, meta.declared_tags.rating) == ("NC-17", "Explicit")
    assert meta.declared_tags.fandoms == ["Buffy the Vampire Slayer", "Angel"]
    assert meta.declared_tags.relationships == ["Cordelia/Xander"]
    assert (meta.part, meta.parts_total, meta.chapter) == (2, 4, 3)
    assert meta.published == "2003-02-01"
    assert meta.words_declared == 1200
    assert meta.fields["pairing"] == "Cordelia/Xander"


def test_text_is_the_file_and_body_start_follows_the_front_matter() -> None:
    work = _read(FRONT + BODY)
    assert work.source_format == "markdown"
    assert work.text == FRONT + BODY
    assert work.metadata.body_start == len(FRONT)
    assert work.body == BODY


def test_emphasis_spans_cover_the_words_inside_the_markers() -> None:
    work = _read(FRONT + BODY)
    found = [(e.kind, work.span_text(e)) for e in work.emphasis]
    assert found == [("italic", "so"), ("bold", "Done."), ("italic", "truly")]


def test_scene_break_lines_bullets_and_code_are_not_emphasis() -> None:
    text = "* * *\n\n* a bullet *item*\n\n`*not this*` but *this*\n\n***\n"
    found = [(e.kind, text[e.start : e.end]) for e in markdown.find_emphasis(text)]
    assert found == [("italic", "item"), ("italic", "this")]


def test_emphasis_never_crosses_a_paragraph() -> None:
    assert markdown.find_emphasis("A *start\n\nand* end.") == []


def test_no_front_matter_is_plain_markdown() -> None:
    work = _read("# Chapter 1\n\nText *here*.\n")
    assert work.metadata.body_start == 0
    assert work.metadata.title is None
    assert [work.span_text(e) for e in work.emphasis] == ["here"]


def test_invalid_yaml_falls_back_to_key_value_lines() -> None:
    text = "---\ntitle: Bad: Colons: Everywhere\nauthor: Kit\n\tsummary: [unclosed\n---\nStory.\n"
    meta = _read(text).metadata
    assert meta.title == "Bad: Colons: Everywhere"
    assert meta.authors == ["Kit"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: X\nauthor: Y\n---\nStory.\n", True),
        ("---\nThe night was long.\n---\nStory.\n", False),
        ("Story.\n---\ntitle: X\n---\n", False),
    ],
)
def test_front_matter_sniffing(text: str, expected: bool) -> None:
    assert markdown.has_front_matter(text) is expected


def test_a_txt_with_front_matter_is_read_as_markdown() -> None:
    assert _read("---\ntitle: X\nauthor: Y\n---\nStory.\n", name="story.txt").source_format == "markdown"
