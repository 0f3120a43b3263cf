from __future__ import annotations

from pathlib import Path

import pytest

import fandex
from fandex.errors import FandexError


def test_a_long_one_line_story_is_text_not_a_path() -> None:
    # Longer than any file name may be: asking the file system about it fails ("File name too long").
    story = "Willow smiled at Buffy and said nothing at all. " * 10
    assert len(story) > 255 and "\n" not in story
    work = fandex.analyze(story)
    assert work.text.startswith("Willow smiled")


def test_a_path_is_read_and_a_short_word_that_is_no_file_is_an_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Title: Rain\n\nBuffy walked home in the rain.\n", encoding="utf-8")
    assert fandex.analyze(story).metadata.title == "Rain"
    assert fandex.analyze(str(story)).metadata.title == "Rain"
    with pytest.raises(FandexError):
        fandex.analyze(str(tmp_path / "missing.txt"))


def test_anything_but_a_path_or_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        fandex.analyze(42)
