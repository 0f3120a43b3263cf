from __future__ import annotations

import pytest

from fandex.markers import is_ornament, is_pov_heading_at, parse_heading


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


@pytest.mark.parametrize(
    "line",
    ["* * *", "***", "~ ~ ~", "---", "oOo", "xXx", "#", "+ + +", "~*~", "§", "-x-x-x-", "OoOoO", "_____"],
)
def test_ornaments(line: str) -> None:
    assert is_ornament(line)
    assert is_ornament(f"            {line}   ")


@pytest.mark.parametrize(
    "line",
    ["* One welcome exception * She thought.", "...", '"..."', "?!", "Oh.", "ox", "xoxo hugs", "* Help *"],
)
def test_not_ornaments(line: str) -> None:
    assert not is_ornament(line)


def test_a_long_rule_line_is_an_ornament() -> None:
    assert is_ornament("=" * 72)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Spike Before you go", "Spike"), ("Mara I waited", "Mara"), ("Lee He never listened", "Lee")],
)
def test_narrator_headings(text: str, name: str) -> None:
    match = is_pov_heading_at(text, 0)
    assert match is not None and match.group("name") == name


@pytest.mark.parametrize("text", ["The End came", "Buffy Summers walked", "She He", "Spike before"])
def test_not_narrator_headings(text: str) -> None:
    assert is_pov_heading_at(text, 0) is None
