"""Ratings as fan fiction writes them, mapped onto AO3's scale."""

from __future__ import annotations

import re

from fandex.work import NOT_RATED

# Keys are normalised (lower case, no spaces, dots or hyphens); values are AO3's words.
_TO_AO3: dict[str, str] = {
    # MPAA style, the usual scale of old archives and Usenet headers
    "g": "General Audiences",
    "pg": "Teen And Up Audiences",
    "pg13": "Teen And Up Audiences",
    "r": "Mature",
    "nc17": "Explicit",
    "x": "Explicit",
    "xxx": "Explicit",
    "adult": "Explicit",
    # fanfiction.net
    "k": "General Audiences",
    "k+": "General Audiences",
    "kplus": "General Audiences",
    "t": "Teen And Up Audiences",
    "m": "Mature",
    "ma": "Explicit",
    # AO3's own words and short forms
    "generalaudiences": "General Audiences",
    "general": "General Audiences",
    "gen": "General Audiences",
    "teenandupaudiences": "Teen And Up Audiences",
    "teenandup": "Teen And Up Audiences",
    "teen": "Teen And Up Audiences",
    "mature": "Mature",
    "explicit": "Explicit",
    "notrated": NOT_RATED,
    "unrated": NOT_RATED,
}


def to_ao3(original: str | None) -> str | None:
    """AO3's rating for a rating string as written ("PG-13", "Rated: T", "NC-17 for sex"), or None."""
    if not original:
        return None
    text = original.strip().lower()
    text = re.sub(r"^(rated|rating)\s*[:\-]?\s*", "", text)
    # "fiction rated: t" (fanfiction.net) and "r for language" keep only the rating word itself.
    text = re.sub(r"^fiction\s+rated\s*:?\s*", "", text)
    for candidate in (text, re.split(r"[\s,;(/]+", text)[0] if text else ""):
        key = re.sub(r"[\s.\-_]", "", candidate)
        if key in _TO_AO3:
            return _TO_AO3[key]
    return None
