from __future__ import annotations

import random

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
    ("line", "expected"),
    [
        ("=" * 80, True),  # 80 characters is still a rule line
        ("=" * 81, False),  # longer lines are never ornaments
        ("  " + "-" * 80 + "  ", True),  # the limit counts the stripped line
        ("xx", False),  # two pattern letters are too few
        ("x-x-x", True),
        ("0o0", True),  # digits zero count as pattern letters
        ("oOo1", False),  # any other digit makes it text
        ("oéo", False),  # so does any other letter, accented ones included
        ("~ ٣ ~", False),  # and digits of other scripts
        ("___", True),  # the underscore is a mark, not a letter
        ("…", False),
        (".,;:'’!?", False),  # punctuation alone is a silent line
        ("...*", True),  # with any other mark it is a break
        ("* « *", False),  # quotation marks belong to dialogue
        ("oOo ”", False),
        ("\u00a0* * *\u00a0", True),  # a no-break space is stripped like any blank
        ("", False),
        ("   ", False),
    ],
)
def test_ornament_edges(line: str, expected: bool) -> None:
    assert is_ornament(line) is expected


def _ornament_by_characters(line: str) -> bool:
    """The plain rule is_ornament implements, character by character, to check it against."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    if any(ch in '"“”«»' for ch in stripped):
        return False
    letters = [ch for ch in stripped if ch.isalnum()]
    if not letters:
        return not all(ch in ".!?…,;:'’" for ch in stripped)
    return len(letters) >= 3 and all(ch in "oO0xX" for ch in letters)


def test_is_ornament_agrees_with_the_character_rule_on_many_line_shapes() -> None:
    pieces = [*"*~-=#_+§oOxX0a1é٣ \t\u00a0.!?…,;:'’\"“”«»•—<>/|^", "Chapter", "oOo", "* * *", "-" * 40]
    rng = random.Random(20261122)
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    disagreements = [line for line in lines if is_ornament(line) != _ornament_by_characters(line)]
    assert disagreements == []
    # Both kinds of answer occur, so the comparison is not vacuous.
    answers = {_ornament_by_characters(line) for line in lines}
    assert answers == {True, False}


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
