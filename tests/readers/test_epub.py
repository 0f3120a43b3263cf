"""EPUB books: OPF metadata, title/preface pages, chapters in spine order, and the safety guards."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from fandex.errors import InputError
from fandex.readers import epub, read_bytes

CONTAINER = """<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"""

FFF_OPF = """<?xml version="1.0" encoding="UTF-8"?>
<package version="2.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="id">https://www.fanfiction.net/s/5550001/1/</dc:identifier>
<dc:title>Ashes to Embers</dc:title>
<dc:creator opf:role="aut">Moth Lantern</dc:creator>
<dc:contributor opf:role="bkp">FanFicFare [https://github.com/JimmXinu/FanFicFare]</dc:contributor>
<dc:description>&lt;p&gt;Willow learns a new spell. It goes &lt;i&gt;sideways&lt;/i&gt;.&lt;/p&gt;</dc:description>
<dc:subject>Buffy: The Vampire Slayer</dc:subject>
<dc:subject>Romance</dc:subject>
<dc:subject>Completed</dc:subject>
<dc:date>2009-06-01</dc:date>
<dc:language>en</dc:language>
</metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="title_page" href="OEBPS/title_page.xhtml" media-type="application/xhtml+xml"/>
<item id="toc_page" href="OEBPS/toc_page.xhtml" media-type="application/xhtml+xml"/>
<item id="file0001" href="OEBPS/file0001.xhtml" media-type="application/xhtml+xml"/>
<item id="file0002" href="OEBPS/file0002.xhtml" media-type="application/xhtml+xml"/>
<item id="escape" href="../../etc/passwd" media-type="application/xhtml+xml"/>
</manifest>
<spine toc="ncx"><itemref idref="title_page"/><itemref idref="toc_page"/><itemref idref="escape"/>
<itemref idref="file0001"/><itemref idref="file0002"/></spine>
</package>"""

TITLE_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ashes to Embers by Moth Lantern</title></head><body>
<h3><a href="https://www.fanfiction.net/s/5550001/1/">Ashes to Embers</a> by <a class="authorlink" href="https://www.fanfiction.net/u/1/">Moth Lantern</a></h3>
<div>
<b>Category:</b> Buffy: The Vampire Slayer<br />
<b>Genre:</b> Romance, Drama<br />
<b>Language:</b> English<br />
<b>Characters:</b> Willow R., Tara M.<br />
<b>Relationships:</b> Willow R./Tara M.<br />
<b>Status:</b> Completed<br />
<b>Published:</b> 2009-06-01<br />
<b>Rating:</b> T<br />
<b>Chapters:</b> 2<br />
<b>Words:</b> 1,234<br />
</div></body></html>"""

TOC_PAGE = """<html xmlns="http://www.w3.org/1999/xhtml"><body><div><h3>Table of Contents</h3>
<a href="file0001.xhtml">The Spell</a><br /><a href="file0002.xhtml">The Sideways</a><br /></div></body></html>"""

CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head><body>
<h3>{title}</h3>
<div><p>{first}</p><p>She said <i>{word}</i>.</p></div></body></html>"""


def make_epub(files: dict[str, str | bytes], *, mimetype: bytes | None = b"application/epub+zip") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return buffer.getvalue()


def fanficfare_book() -> bytes:
    return make_epub(
        {
            "META-INF/container.xml": CONTAINER,
            "content.opf": FFF_OPF,
            "OEBPS/title_page.xhtml": TITLE_PAGE,
            "OEBPS/toc_page.xhtml": TOC_PAGE,
            "OEBPS/file0001.xhtml": CHAPTER.format(
                title="The Spell", first="Willow lit the candle.", word="now"
            ),
            "OEBPS/file0002.xhtml": CHAPTER.format(
                title="The Sideways", first="The room tilted.", word="oops"
            ),
        }
    )


def _read(data: bytes, name: str = "book.epub"):
    return read_bytes(data, Path(name))


def test_fanficfare_book_metadata() -> None:
    work = _read(fanficfare_book())
    meta = work.metadata
    assert work.source_format == "epub"
    assert meta.title == "Ashes to Embers"
    assert meta.authors == ["Moth Lantern"]
    assert meta.summary == "Willow learns a new spell. It goes sideways."
    assert (meta.rating_original, meta.declared_tags.rating) == ("T", "Teen And Up Audiences")
    assert meta.declared_tags.fandoms == ["Buffy: The Vampire Slayer"]
    assert meta.declared_tags.characters == ["Willow R.", "Tara M."]
    assert meta.declared_tags.relationships == ["Willow R./Tara M."]
    assert meta.fields["status"] == "Completed"
    assert meta.words_declared == 1234
    assert meta.source_url == "https://www.fanfiction.net/s/5550001/1/"


def test_fanficfare_book_chapters_in_spine_order_without_title_or_toc_pages() -> None:
    work = _read(fanficfare_book())
    assert work.text == (
        "The Spell\n\nWillow lit the candle.\n\nShe said now.\n\n"
        "The Sideways\n\nThe room tilted.\n\nShe said oops.\n"
    )
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Spell"), (2, "The Sideways")]
    assert [work.span_text(e) for e in work.emphasis] == ["now", "oops"]
    assert "Table of Contents" not in work.text


def test_the_example_ao3_epub_reads_like_the_html_download() -> None:
    work = _read((EXAMPLES / "ao3_download.epub").read_bytes())
    assert work.metadata.declared_tags.category == ["Gen"]
    assert "Posted originally" not in work.text
    assert "End Notes" not in work.text


def test_a_zip_extension_does_not_matter_a_zip_magic_does() -> None:
    assert _read(fanficfare_book(), name="book.bin").source_format == "epub"


def test_corrupt_zip_is_one_input_error() -> None:
    data = fanficfare_book()
    with pytest.raises(InputError, match="corrupt EPUB"):
        _read(data[: len(data) // 2])


def test_corrupt_member_is_one_input_error() -> None:
    data = bytearray(fanficfare_book())
    # Damage the compressed bytes of the first deflated member (its CRC check then fails).
    index = data.find(b"META-INF/container.xml") + len("META-INF/container.xml") + 5
    data[index : index + 20] = b"\x00" * 20
    with pytest.raises(InputError, match=r"corrupt EPUB|not an EPUB"):
        _read(bytes(data))


def test_not_an_epub_extension_but_not_a_zip() -> None:
    with pytest.raises(InputError, match="not a zip archive"):
        _read(b"just some text", name="book.epub")


def test_a_zip_that_is_not_an_epub() -> None:
    with pytest.raises(InputError, match="not an EPUB"):
        _read(make_epub({"story.txt": "hello"}, mimetype=None))


def test_a_zip_of_another_type() -> None:
    with pytest.raises(InputError, match="not an EPUB"):
        _read(make_epub({"content.xml": "<x/>"}, mimetype=b"application/vnd.oasis.opendocument.text"))


def test_zip_bomb_by_compression_ratio() -> None:
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": FFF_OPF,
        "OEBPS/file0001.xhtml": b"\x00" * (4 * 1024 * 1024),
    }
    with pytest.raises(InputError, match="zip bomb"):
        _read(make_epub(files))


def test_zip_bomb_by_total_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_TOTAL_UNCOMPRESSED", 2000)
    with pytest.raises(InputError, match="zip bomb"):
        _read(fanficfare_book())


def test_members_are_read_with_a_cap_whatever_their_declared_size(monkeypatch: pytest.MonkeyPatch) -> None:
    data = fanficfare_book()
    # Declared sizes pass the first check; reading the members then crosses the cap.
    monkeypatch.setattr(epub, "MAX_TOTAL_UNCOMPRESSED", 100_000)
    book = epub._Book(data, Path("book.epub"))
    monkeypatch.setattr(epub, "MAX_TOTAL_UNCOMPRESSED", 1500)
    with pytest.raises(InputError, match="zip bomb"):
        book.read()


def test_references_outside_the_book_are_ignored() -> None:
    assert epub._safe_join("OEBPS", "../../etc/passwd") is None
    assert epub._safe_join("", "/etc/passwd") is None
    assert epub._safe_join("OEBPS", "http://example.org/x.xhtml") is None
    assert epub._safe_join("OEBPS/text", "../style.css") == "OEBPS/style.css"


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    opf = FFF_OPF.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    ).replace("<dc:title>Ashes to Embers</dc:title>", "<dc:title>&xxe;Ashes</dc:title>")
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": opf,
        "OEBPS/file0001.xhtml": CHAPTER.format(title="One", first="Text.", word="x"),
    }
    work = _read(make_epub(files))
    assert "TOP SECRET" not in (work.metadata.title or "")
    assert "TOP SECRET" not in work.text


def test_an_epub_without_story_text() -> None:
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": FFF_OPF,
        "OEBPS/title_page.xhtml": TITLE_PAGE,
    }
    with pytest.raises(InputError, match="no story text"):
        _read(make_epub(files))


def test_an_impossible_zip_version_is_a_corrupt_epub() -> None:
    data = bytearray(fanficfare_book())
    central = data.find(b"PK\x01\x02")
    data[central + 6] = 200  # "version needed to extract" of the first entry: 20.0
    with pytest.raises(InputError, match="corrupt EPUB"):
        _read(bytes(data))


CALIBRE_OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>Crossing Guard</dc:title><dc:creator opf:role="aut">tallowwick</dc:creator>
<dc:publisher>Archive of Our Own</dc:publisher><dc:identifier id="uid">x</dc:identifier>
</metadata>
<manifest>
<item id="p0" href="Crossing_Guard_split_000.xhtml" media-type="application/xhtml+xml"/>
<item id="p1" href="Crossing_Guard_split_001.xhtml" media-type="application/xhtml+xml"/>
<item id="p2" href="Crossing_Guard_split_002.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="p0"/><itemref idref="p1"/><itemref idref="p2"/></spine>
</package>"""
CALIBRE_PREFACE = """<html xmlns="http://www.w3.org/1999/xhtml"><body class="calibre">
<div class="calibre1"><p class="calibre2"><b>Crossing Guard</b><br/>Posted originally on the Archive of Our Own.</p>
<dl class="calibre3"><dt class="calibre4">Rating:</dt><dd class="calibre5">Mature</dd>
<dt class="calibre4">Fandom:</dt><dd class="calibre5">Buffy the Vampire Slayer (TV)</dd>
<dt class="calibre4">Character:</dt><dd class="calibre5">Anya Jenkins, Xander Harris</dd></dl>
<h1 class="calibre6">Crossing Guard</h1><div class="calibre7">by tallowwick</div></div></body></html>"""
CALIBRE_CHAPTER = """<html xmlns="http://www.w3.org/1999/xhtml"><body class="calibre">
<div class="calibre1"><h2 class="calibre8">Chapter 1: The Corner</h2>
<p class="calibre2">Chapter Notes</p><blockquote class="calibre9"><p class="calibre2">Written on a train.</p></blockquote></div>
<div class="calibre10"><p class="calibre2">Anya took the job for the sign.</p><p class="calibre2">It said STOP.</p></div>
<div class="calibre1"><p class="calibre2">End Notes</p><blockquote class="calibre9"><p class="calibre2">More soon.</p></blockquote></div>
</body></html>"""
CALIBRE_AFTERWORD = """<html xmlns="http://www.w3.org/1999/xhtml"><body class="calibre"><div class="calibre1">
<p class="calibre2">Please drop by the Archive and comment to let the creator know if you enjoyed their work!</p>
</div></body></html>"""


def test_a_converted_ao3_epub_with_renamed_classes() -> None:
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": CALIBRE_OPF,
        "Crossing_Guard_split_000.xhtml": CALIBRE_PREFACE,
        "Crossing_Guard_split_001.xhtml": CALIBRE_CHAPTER,
        "Crossing_Guard_split_002.xhtml": CALIBRE_AFTERWORD,
    }
    work = _read(make_epub(files))
    tags = work.metadata.declared_tags
    assert (work.metadata.title, work.metadata.authors) == ("Crossing Guard", ["tallowwick"])
    assert tags.rating == "Mature"
    assert tags.characters == ["Anya Jenkins", "Xander Harris"]
    assert work.text == "Chapter 1: The Corner\n\nAnya took the job for the sign.\n\nIt said STOP.\n"
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Corner")]


def test_a_whole_book_in_one_page_is_split_at_its_chapter_headings() -> None:
    page = """<html xmlns="http://www.w3.org/1999/xhtml"><body><div>
<h1>Night Market</h1>
<h2>Chapter 1</h2><p>One.</p>
<h2>Chapter 2: Lanterns</h2><p>Two.</p>
<h2>Chapter 3</h2><p>Three.</p>
</div></body></html>"""
    files = {"META-INF/container.xml": CONTAINER, "content.opf": FFF_OPF, "OEBPS/file0001.xhtml": page}
    work = _read(make_epub(files))
    assert (
        work.text
        == "Night Market\n\nChapter 1\n\nOne.\n\nChapter 2: Lanterns\n\nTwo.\n\nChapter 3\n\nThree.\n"
    )
    # The book's title line before the first heading belongs to no chapter.
    assert [(c.number, c.title) for c in work.chapters] == [(1, None), (2, "Lanterns"), (3, None)]


def test_opf_subjects_that_no_typed_list_claimed_become_additional_tags() -> None:
    # FanFicFare lists the fandom (claimed by the title page), a genre and the status.
    assert _read(fanficfare_book()).metadata.declared_tags.additional == ["Romance"]


def test_a_package_path_climbing_out_of_the_book_is_refused() -> None:
    container = CONTAINER.replace('full-path="content.opf"', 'full-path="../../content.opf"')
    with pytest.raises(InputError, match="no package document"):
        _read(make_epub({"META-INF/container.xml": container, "content.opf": FFF_OPF}))


def test_an_epub3_navigation_document_is_not_story() -> None:
    opf = FFF_OPF.replace(
        '<item id="toc_page" href="OEBPS/toc_page.xhtml" media-type="application/xhtml+xml"/>',
        '<item id="toc_page" href="OEBPS/n3.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    )
    nav = '<html><body><nav epub:type="toc"><ol><li><a href="file0001.xhtml">The Spell</a> and more words</li></ol></nav></body></html>'
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": opf,
        "OEBPS/n3.xhtml": nav,
        "OEBPS/file0001.xhtml": CHAPTER.format(title="The Spell", first="Willow lit the candle.", word="now"),
    }
    work = _read(make_epub(files))
    assert "and more words" not in work.text
    assert work.text.startswith("The Spell\n\nWillow lit the candle.")


def test_a_one_shot_page_headed_with_the_works_title_has_no_chapter() -> None:
    page = """<html xmlns="http://www.w3.org/1999/xhtml"><body class="calibre">
<div class="calibre1"><h2 class="calibre8">Crossing Guard</h2></div>
<div class="calibre10"><p class="calibre2">Anya took the job for the sign.</p></div></body></html>"""
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": CALIBRE_OPF,
        "Crossing_Guard_split_000.xhtml": CALIBRE_PREFACE,
        "Crossing_Guard_split_001.xhtml": page,
        "Crossing_Guard_split_002.xhtml": CALIBRE_AFTERWORD,
    }
    work = _read(make_epub(files))
    assert work.text == "Anya took the job for the sign.\n"
    assert work.chapters == []


def test_subjects_do_not_add_tags_when_the_preface_has_the_typed_list() -> None:
    # The archive lists its own name for a tag among the subjects, unlike the typed list.
    opf = CALIBRE_OPF.replace(
        "<dc:publisher>",
        "<dc:subject>Mature</dc:subject><dc:subject>Rated M For Mayhem</dc:subject><dc:publisher>",
    )
    files = {
        "META-INF/container.xml": CONTAINER,
        "content.opf": opf,
        "Crossing_Guard_split_000.xhtml": CALIBRE_PREFACE,
        "Crossing_Guard_split_001.xhtml": CALIBRE_CHAPTER,
        "Crossing_Guard_split_002.xhtml": CALIBRE_AFTERWORD,
    }
    work = _read(make_epub(files))
    assert work.metadata.declared_tags.additional == []
    assert work.metadata.fields["subjects"] == "Mature, Rated M For Mayhem"
