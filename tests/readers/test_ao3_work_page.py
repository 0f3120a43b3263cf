"""AO3 work pages saved from the site (not the download): the site's logo, menus, screen-reader
labels and comment form are not the work; each chapter wrapper yields a chapter."""

from __future__ import annotations

from pathlib import Path

from fandex.readers import read_bytes

WORK_PAGE = """<html><head><title>Lanterns - Chapter 1 - pellucid - Merlin (TV) [Archive of Our Own]</title></head>
<body><div id="outer">
<div id="header"><h1 class="heading"><a href="/"><span>Archive of Our Own</span><sup> beta</sup></a></h1>
<h3 class="landmark heading">Site Navigation</h3>
<ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li></ul></div>
<div id="main"><div class="work">
<h3 class="landmark heading">Actions</h3>
<ul class="work navigation actions"><li><a href="#">Entire Work</a></li><li><a href="#">Next Chapter</a></li></ul>
<h3 class="landmark heading">Work Header</h3>
<div class="wrapper"><dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas"><li><a class="tag" href="#">Not Rated</a></li></ul></dd>
<dt class="warning tags">Archive Warning:</dt><dd class="warning tags"><ul class="commas"><li><a class="tag" href="#">No Archive Warnings Apply</a></li></ul></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul class="commas"><li><a class="tag" href="#">Merlin (TV)</a></li><li><a class="tag" href="#">Arthurian Mythology &amp; Related Fandoms</a></li></ul></dd>
<dt class="character tags">Characters:</dt><dd class="character tags"><ul class="commas"><li><a class="tag" href="#">gaius of Camelot</a></li></ul></dd>
<dt class="freeform tags">Additional Tags:</dt><dd class="freeform tags"><ul class="commas"><li><a class="tag" href="#">lantern light</a></li></ul></dd>
</dl></div>
<div id="workskin">
<div class="preface group"><h2 class="title heading"> Lanterns </h2>
<h3 class="byline heading"><a rel="author" href="/users/pellucid">pellucid</a></h3></div>
<div id="chapters">
<div class="chapter" id="chapter-1">
<h3 class="landmark heading">Chapter Management</h3>
<ul class="chapter actions"><li><a href="#">Edit Chapter</a></li></ul>
<div class="chapter preface group"><h3 class="title"><a href="#">Chapter 1</a>: The Wick</h3></div>
<div class="userstuff module"><h3 class="landmark heading" id="work">Chapter Text</h3>
<p>Gaius trimmed the wick with great care.</p></div>
</div>
<div class="chapter" id="chapter-2">
<div class="chapter preface group"><h3 class="title"><a href="#">Chapter 2</a></h3></div>
<div class="userstuff module"><h3 class="landmark heading">Chapter Text</h3>
<p>By dawn the oil had run dry.</p></div>
</div>
</div></div></div>
<div id="feedback" class="feedback"><h3 class="landmark heading">Actions</h3>
<ul class="actions"><li><a href="#">Bookmark</a></li></ul>
<h3 class="landmark heading">Kudos</h3><div id="kudos"><p class="kudos">3 guests left kudos on this work!</p></div></div>
</div>
<div id="footer"><h3 class="landmark heading">Footer</h3><ul class="navigation actions"><li><a href="#">Site Map</a></li></ul></div>
</div></body></html>"""

ONE_SHOT_PAGE = """<html><body>
<div id="header"><h1 class="heading"><a href="/">Archive of Our Own</a></h1></div>
<dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><a class="tag" href="#">General Audiences</a></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><a class="tag" href="#">Merlin (TV)</a></dd>
</dl>
<div id="workskin"><div class="preface group"><h2 class="title heading">Small Rain</h2>
<h3 class="byline heading"><a rel="author" href="#">drizzle</a></h3></div>
<div id="chapters"><div class="userstuff"><h3 class="landmark heading" id="work">Work Text:</h3>
<p>It rained on the citadel all week.</p></div></div></div>
</body></html>"""


def _read(markup: str):
    return read_bytes(markup.encode("utf-8"), Path("work.html"))


def test_title_is_the_works_heading_not_the_site_logo() -> None:
    work = _read(WORK_PAGE)
    assert work.source_format == "ao3-html"
    assert work.metadata.title == "Lanterns"
    assert work.metadata.authors == ["pellucid"]


def test_declared_tags_are_kept_exactly_as_typed() -> None:
    tags = _read(WORK_PAGE).metadata.declared_tags
    assert tags.rating == "Not Rated"
    assert tags.fandoms == ["Merlin (TV)", "Arthurian Mythology & Related Fandoms"]
    assert tags.characters == ["gaius of Camelot"]
    assert tags.additional == ["lantern light"]


def test_site_furniture_stays_out_of_the_text() -> None:
    text = _read(WORK_PAGE).text
    for furniture in ("Chapter Management", "Edit Chapter", "Chapter Text", "Kudos", "Bookmark", "Site Map",
                      "Entire Work", "Fandoms"):  # fmt: skip
        assert furniture not in text
    assert "Gaius trimmed the wick" in text
    assert "oil had run dry" in text


def test_each_chapter_wrapper_is_a_chapter() -> None:
    work = _read(WORK_PAGE)
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Wick"), (2, None)]
    assert work.text[work.chapters[0].start : work.chapters[0].end].startswith("Chapter 1: The Wick")
    assert "oil had run dry" in work.text[work.chapters[1].start : work.chapters[1].end]


def test_one_shot_page_has_no_work_text_label() -> None:
    work = _read(ONE_SHOT_PAGE)
    assert work.metadata.title == "Small Rain"
    assert work.text.strip() == "It rained on the citadel all week."
    assert work.chapters == []


def test_page_with_a_long_inline_head_is_still_read_as_ao3() -> None:
    # A saved page can carry tens of kilobytes of inline style before its body: the archive's name
    # is then nowhere near the top of the markup except in the <title>.
    filler = "<style>" + ".x { color: red; }\n" * 2000 + "</style>"
    markup = WORK_PAGE.replace("<head>", "<head>" + filler, 1).replace(
        '<h1 class="heading"><a href="/"><span>Archive of Our Own</span>',
        '<h1 class="heading"><a href="/"><span>Home</span>',
        1,
    )
    assert markup.index("Archive of Our Own") > 30000
    work = _read(markup)
    assert work.source_format == "ao3-html"
    assert work.metadata.declared_tags.rating == "Not Rated"
    assert work.metadata.declared_tags.characters == ["gaius of Camelot"]


def test_plain_page_titled_without_the_archive_is_not_ao3() -> None:
    markup = "<html><head><title>Lanterns</title></head><body><p>Gaius trimmed the wick.</p></body></html>"
    assert _read(markup).source_format != "ao3-html"
