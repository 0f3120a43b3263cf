from __future__ import annotations

import re

import pytest

from fandex.numbering import NUMBER_PATTERN, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("3", 3),
        ("1a", 1),
        ("012", 12),
        ("Three", 3),
        ("twelve", 12),
        ("Twenty-One", 21),
        ("ninety", 90),
        ("III", 3),
        ("iv", 4),
        ("IX", 9),
        ("XIV", 14),
        ("XL", 40),
        ("First", 1),
        ("tenth", 10),
        ("II.", 2),
    ],
)
def test_parse_number(token: str, value: int) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize("token", [None, "", "?", "of", "IIII", "VX", "many", "last"])
def test_not_a_number(token: str | None) -> None:
    assert parse_number(token) is None


@pytest.mark.parametrize("token", ["3", "1a", "Three", "twenty-one", "XIV"])
def test_number_pattern_matches_what_parse_number_reads(token: str) -> None:
    assert re.fullmatch(NUMBER_PATTERN, token, re.IGNORECASE)
