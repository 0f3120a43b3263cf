from __future__ import annotations

import pytest

from fandex.ratings import to_ao3

GENERAL, TEEN, MATURE, EXPLICIT = "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"


@pytest.mark.parametrize(
    ("written", "ao3"),
    [
        # MPAA
        ("G", GENERAL),
        ("PG", TEEN),
        ("PG-13", TEEN),
        ("pg13", TEEN),
        ("R", MATURE),
        ("NC-17", EXPLICIT),
        ("NC17", EXPLICIT),
        # fanfiction.net
        ("K", GENERAL),
        ("K+", GENERAL),
        ("T", TEEN),
        ("M", MATURE),
        ("MA", EXPLICIT),
        ("Fiction Rated: M", MATURE),
        # AO3's words
        ("General Audiences", GENERAL),
        ("Teen And Up Audiences", TEEN),
        ("Mature", MATURE),
        ("Explicit", EXPLICIT),
        ("Not Rated", "Not Rated"),
        # as headers write them
        ("Rated: T", TEEN),
        ("Rating - R", MATURE),
        ("NC-17 for sex", EXPLICIT),
        ("R for adult themes", MATURE),  # the reason never changes the rating
        ("PG-13 (language)", TEEN),
        ("PG-13ish", TEEN),
        ("R.", MATURE),
        # ranges take the most explicit rating
        ("PG-13 to R", MATURE),
        ("PG/R", MATURE),
        ("R or NC-17", EXPLICIT),
        ("PG13-R", MATURE),
        # other scales
        ("FR15", MATURE),
        ("18+", EXPLICIT),
    ],
)
def test_to_ao3(written: str, ao3: str) -> None:
    assert to_ao3(written) == ao3


@pytest.mark.parametrize("written", [None, "", "   ", "whatever you like", "see part one"])
def test_no_rating(written: str | None) -> None:
    assert to_ao3(written) is None
