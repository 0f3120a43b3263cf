from __future__ import annotations

import pytest

from fandex.headings import parse_heading


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Chapter 3", 3, None),
        ("Chapter Three", 3, None),
        ("CHAPTER III", 3, None),
        ("Part II", 2, None),
        ("Chapter 3: The Return", 3, "The Return"),
        ("Chapter Twenty-One - Home", 21, "Home"),
        ("~ Chapter 4 ~", 4, None),
        ("Prologue", None, "Prologue"),
        ("EPILOGUE", None, "Epilogue"),
    ],
)
def test_headings(line: str, number: int | None, title: str | None) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.number, heading.title) == (number, title)


@pytest.mark.parametrize(
    "line",
    ["Part of me wanted to scream.", "Part I knew it was over.", "Chapter and verse, she said.", "Chapters"],
)
def test_not_headings(line: str) -> None:
    assert parse_heading(line) is None
