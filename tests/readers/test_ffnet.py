"""fanfiction.net chapter pages: #storytext only; metadata from profile, breadcrumb and selector."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.readers import read_bytes

MODERN = """<html><head><title>Night Shift Chapter 3: Dawn, a Buffy: The Vampire Slayer fanfic | FanFiction</title></head>
<body>
<div id="pre_story_links"><a href="/tv/">TV Shows</a> &gt; <a href="/tv/Buffy-The-Vampire-Slayer/">Buffy: The Vampire Slayer</a></div>
<div id="profile_top"><b class="xcontrast_txt">Night Shift</b> By: <a href="/u/77/Corvid">Corvid</a>
<div class="xcontrast_txt">Giles works late.</div>
<span class="xgray">Rated: <a href="#">Fiction {rating}</a> - English - Angst - Rupert G. - Chapters: 4 - Words: 9,876 - Published: Mar 3, 2012 - Status: Complete - id: 123</span></div>
{select}
<div id="storytext"><p>Giles put the kettle on at <i>four</i> in the morning.</p><p>Nobody came.</p></div>
<div id="review"><a href="/r/123/">Reviews</a> Great chapter!</div>
</body></html>"""
SELECT = """<select id="chap_select" title="Chapter Navigation"><option value="1">1. Dusk<option value="2">2. Midnight
<option value="3" selected>3. Dawn<option value="4">4. Day</select>"""


def _read(markup: str):
    return read_bytes(markup.encode("utf-8"), Path("chapter.html"))


def test_modern_layout() -> None:
    work = _read(MODERN.format(rating="M", select=SELECT))
    meta = work.metadata
    assert work.source_format == "ffnet-html"
    assert work.text == "Giles put the kettle on at four in the morning.\n\nNobody came.\n"
    assert (meta.title, meta.authors, meta.chapter) == ("Night Shift", ["Corvid"], 3)
    assert (meta.rating_original, meta.declared_tags.rating) == ("M", "Mature")
    assert meta.declared_tags.fandoms == ["Buffy: The Vampire Slayer"]
    assert meta.declared_tags.characters == ["Rupert G."]
    assert meta.summary == "Giles works late."
    assert meta.words_declared == 9876
    assert meta.language == "English"
    assert [(c.number, c.title) for c in work.chapters] == [(3, "Dawn")]
    assert [work.span_text(e) for e in work.emphasis] == ["four"]


@pytest.mark.parametrize(
    ("rating", "ao3"),
    [
        ("K", "General Audiences"),
        ("K+", "General Audiences"),
        ("T", "Teen And Up Audiences"),
        ("MA", "Explicit"),
    ],
)
def test_ratings_map_to_ao3(rating: str, ao3: str) -> None:
    meta = _read(MODERN.format(rating=rating, select=SELECT)).metadata
    assert (meta.rating_original, meta.declared_tags.rating) == (rating, ao3)


def test_one_shot_has_no_chapter() -> None:
    work = _read(MODERN.format(rating="T", select=""))
    assert work.metadata.chapter is None
    assert work.chapters == []


def test_reviews_and_selector_are_not_text() -> None:
    text = _read(MODERN.format(rating="T", select=SELECT)).text
    assert "Great chapter" not in text
    assert "Midnight" not in text


def test_title_from_the_page_title_when_the_profile_is_missing() -> None:
    page = (
        "<html><head><title>Old Bones Chapter 1, a Buffy: The Vampire Slayer fanfic | FanFiction</title></head>"
        "<body><div class='storytext'><p>Text.</p></div></body></html>"
    )
    assert _read(page).metadata.title == "Old Bones"


BREADCRUMB_LAYOUT = """<html><head><title>Harbour Lights Chapter 2, a Merlin fanfic - FanFiction.Net</title></head><body>
<div id="pre_story_links"><a href="/tv/">TV Shows</a> » <a href="/tv/Merlin/">Merlin</a> » <b>Harbour Lights</b></div>
<a href="/u/42/tidewater">tidewater</a>
<select id="chap_select"><option value="1">1. Setting Out</option><option value="2" selected>2. Landfall</option></select>
<div id="storytext"><p>The boat scraped the shingle.</p></div>
</body></html>"""

AUTHOR_LINE_LAYOUT = """<html><body><table><tr><td>
<b>Harbour Lights</b> <hr size="1"/> Author: <a href="/u/42/tidewater">tidewater</a> Rated: T
</td></tr></table>
<div id="storytext"><p>Gulls wheeled over the quay.</p></div>
</body></html>"""

TITLE_WITH_CHAPTER_ONLY = """<html><head><title>Harbour Lights Chapter 2, a Merlin fanfic | FanFiction</title></head><body>
<div id="storytext"><p>Salt on every rope.</p></div></body></html>"""


def test_title_from_the_breadcrumb_not_the_page_title() -> None:
    work = _read(BREADCRUMB_LAYOUT)
    assert work.metadata.title == "Harbour Lights"
    assert work.metadata.authors == ["tidewater"]


def test_title_before_an_author_line() -> None:
    work = _read(AUTHOR_LINE_LAYOUT)
    assert work.metadata.title == "Harbour Lights"
    assert work.metadata.authors == ["tidewater"]


def test_page_title_loses_chapter_and_fandom_suffix() -> None:
    plain = BREADCRUMB_LAYOUT.replace('<div id="pre_story_links">', "<div>").replace(
        "<b>Harbour Lights</b>", ""
    )
    assert _read(plain).metadata.title == "Harbour Lights"
    assert _read(TITLE_WITH_CHAPTER_ONLY).metadata.title == "Harbour Lights"
