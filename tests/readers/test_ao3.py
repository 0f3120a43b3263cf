"""AO3 HTML downloads: the typed tag list exactly as typed, preface matter, chapters with titles."""

from __future__ import annotations

from pathlib import Path

from fandex.readers import read_bytes

PREFACE = """<div id="preface">
<p class="message"><b>{title}</b><br/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a>.</p>
<div class="meta"><dl class="tags">
<dt>Rating:</dt><dd><a href="#">Explicit</a></dd>
<dt>Archive Warnings:</dt><dd><a href="#">Major Character Death</a>, <a href="#">Graphic Depictions Of Violence</a></dd>
<dt>Categories:</dt><dd><a href="#">M/M</a></dd>
<dt>Fandoms:</dt><dd><a href="#">Buffy the Vampire Slayer (TV)</a>, <a href="#">Angel: the Series</a></dd>
<dt>Relationships:</dt><dd><a href="#">Angel/Spike (Buffy the Vampire Slayer)</a></dd>
<dt>Characters:</dt><dd><a href="#">Angel (BtVS)</a>, <a href="#">Spike (Buffy the Vampire Slayer)</a>, <a href="#">Darla (Buffy the Vampire Slayer)</a></dd>
<dt>Additional Tags:</dt><dd><a href="#">Alternate Universe - Canon Divergence</a>, <a href="#">Angst, Angst, and More Angst</a></dd>
<dt>Language:</dt><dd>English</dd>
<dt>Stats:</dt><dd>Published: 2019-05-01 Words: 312</dd>
</dl>
<h1>{title}</h1>
<div class="byline">by <a rel="author" href="/users/a">grey_ash</a>, <a rel="author" href="/users/b">nightjar</a></div>
{summary}
</div></div>"""

ONE_SHOT = """<html><head><title>Embers - grey_ash, nightjar [Archive of Our Own]</title></head><body>
{preface}
<div id="chapters" class="userstuff"><div class="userstuff">
<p>The fire had been out for an hour when Spike <em>finally</em> spoke.</p>
<p>"You kept the lighter," he said.</p>
</div></div>
<div id="afterword"><p class="message">Please drop by the Archive and comment!</p></div>
</body></html>"""

OLD_LAYOUT = """<html><body>
{preface}
<div id="chapters">
<h2 class="toc-heading">1. Cold Open</h2>
<div class="userstuff"><p>First.</p></div>
<p>Chapter End Notes</p><blockquote class="userstuff"><p>Thanks to my beta!</p></blockquote>
<h2 class="toc-heading">2. Warm Close</h2>
<div class="userstuff"><p>Second.</p></div>
</div></body></html>"""


def _read(markup: str):
    return read_bytes(markup.encode("utf-8"), Path("work.html"))


def _one_shot(summary: str = ""):
    return _read(ONE_SHOT.format(preface=PREFACE.format(title="Embers", summary=summary)))


def test_typed_tags_exactly_as_typed_with_plural_labels() -> None:
    work = _one_shot()
    tags = work.metadata.declared_tags
    assert work.source_format == "ao3-html"
    assert tags.rating == "Explicit"
    assert tags.warnings == ["Major Character Death", "Graphic Depictions Of Violence"]
    assert tags.category == ["M/M"]
    assert tags.fandoms == ["Buffy the Vampire Slayer (TV)", "Angel: the Series"]
    assert tags.relationships == ["Angel/Spike (Buffy the Vampire Slayer)"]
    assert tags.characters == [
        "Angel (BtVS)",
        "Spike (Buffy the Vampire Slayer)",
        "Darla (Buffy the Vampire Slayer)",
    ]
    # A tag with commas in it stays one tag: the links, not the commas, separate tags.
    assert tags.additional == ["Alternate Universe - Canon Divergence", "Angst, Angst, and More Angst"]


def test_one_shot_without_summary() -> None:
    work = _one_shot()
    meta = work.metadata
    assert meta.title == "Embers"
    assert meta.authors == ["grey_ash", "nightjar"]
    assert meta.summary is None
    assert meta.language == "English"
    assert meta.published == "2019-05-01"
    assert meta.words_declared == 312
    assert work.chapters == []
    assert (
        work.text
        == 'The fire had been out for an hour when Spike finally spoke.\n\n"You kept the lighter," he said.\n'
    )
    assert [work.span_text(e) for e in work.emphasis] == ["finally"]


def test_summary_and_notes() -> None:
    summary = (
        "<p>Summary</p><blockquote class='userstuff'><p>Two vampires.</p><p>One lighter.</p></blockquote>"
        "<p>Notes</p><blockquote class='userstuff'><p>For a prompt.</p></blockquote>"
    )
    meta = _one_shot(summary).metadata
    assert meta.summary == "Two vampires.\n\nOne lighter."
    assert meta.notes == "For a prompt."


def test_older_layout_with_toc_headings_and_end_notes() -> None:
    work = _read(OLD_LAYOUT.format(preface=PREFACE.format(title="Two Parts", summary="")))
    assert work.text == "1. Cold Open\n\nFirst.\n\n2. Warm Close\n\nSecond.\n"
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Cold Open"), (2, "Warm Close")]
    assert [work.span_text(c) for c in work.chapters] == [
        "1. Cold Open\n\nFirst.",
        "2. Warm Close\n\nSecond.",
    ]


def test_a_last_heading_without_text_does_not_break_the_chapters() -> None:
    page = OLD_LAYOUT.format(preface=PREFACE.format(title="Two Parts", summary="")).replace(
        '<div class="userstuff"><p>Second.</p></div>', ""
    )
    work = _read(page)
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Cold Open"), (2, "Warm Close")]
    assert all(0 <= c.start <= c.end <= len(work.text) for c in work.chapters)


ONE_SHOT_WITH_TITLE_HEADING = """<html><body>
<div id="preface"><div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">General Audiences</a></dd>
<dt>Fandom:</dt><dd><a href="#">Merlin (TV)</a></dd></dl>
<h1>Low Tide</h1>
<div class="byline">by <a rel="author" href="/users/kelp">kelp</a></div>
<p>Notes</p><blockquote class="userstuff"><ul><li>Translation into Welsh available: <a href="#">Trai</a> by
<a rel="author" href="/users/gwymon">gwymon</a></li></ul></blockquote>
</div></div>
<div id="chapters" class="userstuff">
<h2 class="toc-heading">Low Tide</h2>
<div class="userstuff"><p>The sea went out <em>further</em> than anyone remembered.</p></div>
</div></body></html>"""


def test_byline_authors_not_authors_of_linked_translations() -> None:
    work = read_bytes(ONE_SHOT_WITH_TITLE_HEADING.encode(), Path("low_tide.html"))
    assert work.metadata.authors == ["kelp"]


def test_one_shot_title_heading_is_not_a_chapter() -> None:
    work = read_bytes(ONE_SHOT_WITH_TITLE_HEADING.encode(), Path("low_tide.html"))
    assert work.text == "The sea went out further than anyone remembered.\n"
    assert work.chapters == []
    [italic] = work.emphasis
    assert work.text[italic.start : italic.end] == "further"


def test_a_chapter_titled_unlike_the_work_is_kept() -> None:
    markup = ONE_SHOT_WITH_TITLE_HEADING.replace(
        '<h2 class="toc-heading">Low Tide</h2>', '<h2 class="toc-heading">Chapter 1: Ebb</h2>'
    )
    work = read_bytes(markup.encode(), Path("low_tide.html"))
    assert work.text.startswith("Chapter 1: Ebb\n")
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Ebb")]


# -- an AO3 work that calibre converted to one HTML page ----------------------------------------------

CALIBRE_BUNDLE = Path(__file__).parent / "data" / "ao3_calibre_bundle.html"


def _calibre_work():
    return read_bytes(CALIBRE_BUNDLE.read_bytes(), CALIBRE_BUNDLE)


def test_calibre_conversion_reads_the_preface_split_over_two_pages() -> None:
    work = _calibre_work()
    meta = work.metadata
    tags = meta.declared_tags
    assert work.source_format == "ao3-html"
    assert (meta.title, meta.authors) == ("Tidewater Clocks", ["brasswren"])
    assert tags.rating == "General Audiences"
    assert tags.warnings == ["No Archive Warnings Apply"]
    assert tags.category == ["F/M"]
    assert tags.fandoms == ["Original Work"]
    assert tags.relationships == ["Marisol Vane/Teodor Quill"]
    assert tags.characters == ["Marisol Vane", "Teodor Quill"]
    assert tags.additional == ["Clockmakers", "Fluff, Mostly"]
    # The summary and notes sit in the second piece of the preface, after the byline.
    assert meta.summary == "A clock that runs on the tide.\n\nA repairman who does not believe in it."
    assert meta.notes == "Written for a harbour prompt."
    assert (meta.series, meta.published, meta.words_declared) == ("Harbour Hours", "2020-02-03", 49)


def test_calibre_conversion_reads_chapters_continued_over_pages() -> None:
    work = _calibre_work()
    # The chapters block comes once per page: empty on the preface's page, the first chapter's
    # last paragraph on the next page. Chapter notes, end notes and the afterword stay out.
    assert work.text == (
        "Chapter 1: Low Water\n\n"
        "The clock in the harbour office had stopped at a quarter past four.\n\n"
        '"It runs on the tide," Marisol said.\n\n'
        "Teodor laughed at her, and then he opened the case.\n\n"
        "Chapter 2: High Water\n\n"
        "By evening the water had come back in, and the hands were moving.\n\n"
        '"Well," Teodor said. "I will be."\n'
    )
    assert [(c.number, c.title) for c in work.chapters] == [(1, "Low Water"), (2, "High Water")]
    assert work.span_text(work.chapters[0]).endswith("then he opened the case.")
    assert [work.span_text(e) for e in work.emphasis] == ["tide"]


def test_a_renamed_meta_block_is_only_one_that_holds_nothing_but_notes() -> None:
    # A div that opens with a chapter heading and goes on with story text is story, not a chapter's
    # notes block: its text stays.
    markup = ONE_SHOT_WITH_TITLE_HEADING.replace(
        '<h2 class="toc-heading">Low Tide</h2>\n<div class="userstuff">',
        '<div class="calibre1"><h2 class="heading">Chapter 1: Ebb</h2>',
    )
    work = read_bytes(markup.encode(), Path("low_tide.html"))
    assert work.text == "Chapter 1: Ebb\n\nThe sea went out further than anyone remembered.\n"
    assert work.chapters == []
    # The same with the story's text loose in the div, not in paragraphs.
    loose = markup.replace(
        "<p>The sea went out <em>further</em> than anyone remembered.</p>", "The sea went out."
    )
    work = read_bytes(loose.encode(), Path("low_tide.html"))
    assert work.text == "Chapter 1: Ebb\n\nThe sea went out.\n"
