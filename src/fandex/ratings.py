"""Ratings as fan fiction writes them, mapped onto AO3's scale."""

from __future__ import annotations

import re

from fandex.work import AO3_RATINGS, NOT_RATED

# Keys are normalised (lower case, no spaces, dots, hyphens or underscores); values are AO3's words.
_TO_AO3: dict[str, str] = {
    # MPAA style, the usual scale of old archives and Usenet headers
    "g": "General Audiences",
    "pg": "Teen And Up Audiences",
    "pg13": "Teen And Up Audiences",
    "pg15": "Teen And Up Audiences",
    "r": "Mature",
    "r15": "Mature",
    "r16": "Mature",
    "nc17": "Explicit",
    "nc18": "Explicit",
    "x": "Explicit",
    "xxx": "Explicit",
    "adult": "Explicit",
    "adults": "Explicit",
    "adultsonly": "Explicit",
    # fanfiction.net, and FictionRatings.com's equivalents of its letters
    "k": "General Audiences",
    "k+": "General Audiences",
    "kplus": "General Audiences",
    "t": "Teen And Up Audiences",
    "m": "Mature",
    "ma": "Explicit",
    "frk": "General Audiences",
    "frc": "General Audiences",
    "fr7": "General Audiences",
    "fr13": "Teen And Up Audiences",
    "fr15": "Mature",
    "fr18": "Explicit",
    # age-numbered scales (cinema boards, many archives)
    "u": "General Audiences",
    "12": "Teen And Up Audiences",
    "13": "Teen And Up Audiences",
    "13+": "Teen And Up Audiences",
    "15": "Mature",
    "16": "Mature",
    "17": "Mature",
    "18": "Explicit",
    "18+": "Explicit",
    # AO3's own words and short forms
    "generalaudiences": "General Audiences",
    "general": "General Audiences",
    "gen": "General Audiences",
    "allages": "General Audiences",
    "everyone": "General Audiences",
    "teenandupaudiences": "Teen And Up Audiences",
    "teenandup": "Teen And Up Audiences",
    "teen": "Teen And Up Audiences",
    "teens": "Teen And Up Audiences",
    "mature": "Mature",
    "explicit": "Explicit",
    "notrated": NOT_RATED,
    "unrated": NOT_RATED,
}

# Words that join two ratings into a range ("PG-13 to R", "PG/R", "R or NC-17").
_RANGE_WORDS = {"to", "or", "and", "-", "–", "—", "through", "into", "maybe", "possibly", "eventually"}
_PREFIX_RE = re.compile(r"^(?:fiction\s+)?(?:rated|rating|ratings)\s*[:\-=]?\s*", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\s/,;|()\[\]]+")


def _key(token: str) -> str:
    key = re.sub(r"[\s.\-_'’\"*]", "", token.lower())
    return re.sub(r"(?:ish|rated)$", "", key) if key not in _TO_AO3 else key


def to_ao3(original: str | None) -> str | None:
    """AO3's rating for a rating string as written, or None when it names no rating.

    "PG-13", "Rated: T", "NC-17 for sex" and "Fiction Rated: M" each name one rating. A range such
    as "PG-13 to R" or "PG/R" gets the most explicit of its ratings, as AO3 rates a work by its
    strongest content. Reading stops at the first word that is neither a rating nor a range word,
    so the reasons after a rating ("R for adult themes") never change it.
    """
    if not original:
        return None
    text = _PREFIX_RE.sub("", original.strip())
    whole = _key(text)
    if whole in _TO_AO3:
        return _TO_AO3[whole]
    found: list[str] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token.lower() in _RANGE_WORDS:
            continue
        key = _key(token)
        if key in _TO_AO3:
            found.append(_TO_AO3[key])
            continue
        # "PG13-R": two ratings joined by a hyphen
        pieces = [_key(p) for p in re.split(r"[-–—]", token) if p]
        if len(pieces) > 1 and all(p in _TO_AO3 for p in pieces):
            found.extend(_TO_AO3[p] for p in pieces)
            continue
        break
    if not found:
        return None
    scaled = [r for r in found if r in AO3_RATINGS]
    if not scaled:
        return found[0]
    return max(scaled, key=AO3_RATINGS.index)
