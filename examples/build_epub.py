"""Build examples/ao3_download.epub: a small AO3-style EPUB (preface page, two chapters, afterword).

Run from anywhere: ``python examples/build_epub.py``. Uses only the standard library's zipfile, and
writes the same bytes every time (fixed timestamps), so the committed EPUB can be rebuilt and
compared. The layout follows AO3's downloads: an OPF package with Dublin Core metadata and every
tag as a dc:subject, an NCX table of contents, and XHTML pages split the way AO3's converter splits
them (preface, one page per chapter, afterword).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "ao3_download.epub"
FIXED_TIME = (2017, 4, 2, 12, 0, 0)
BOOK_ID = "urn:uuid:6f1d3c1e-0000-4000-8000-000000000001"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

OPF = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uuid_id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>The Cartographer's Daughter</dc:title>
    <dc:creator opf:role="aut" opf:file-as="lanternfish">lanternfish</dc:creator>
    <dc:publisher>Archive of Our Own</dc:publisher>
    <dc:identifier id="uuid_id" opf:scheme="uuid">{BOOK_ID}</dc:identifier>
    <dc:source>https://archiveofourown.org/works/70000002</dc:source>
    <dc:date>2017-03-30</dc:date>
    <dc:language>en</dc:language>
    <dc:description>&lt;p&gt;Giles keeps a map of Sunnydale that no one else is allowed to touch. Dawn touches it.&lt;/p&gt;</dc:description>
    <dc:subject>General Audiences</dc:subject>
    <dc:subject>Buffy the Vampire Slayer (TV)</dc:subject>
    <dc:subject>Dawn Summers</dc:subject>
    <dc:subject>Rupert Giles</dc:subject>
    <dc:subject>Maps</dc:subject>
    <dc:subject>Found Family</dc:subject>
  </metadata>
  <manifest>
    <item id="preface" href="text/cartographer_split_000.xhtml" media-type="application/xhtml+xml"/>
    <item id="chapter1" href="text/cartographer_split_001.xhtml" media-type="application/xhtml+xml"/>
    <item id="chapter2" href="text/cartographer_split_002.xhtml" media-type="application/xhtml+xml"/>
    <item id="afterword" href="text/cartographer_split_003.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="preface"/>
    <itemref idref="chapter1"/>
    <itemref idref="chapter2"/>
    <itemref idref="afterword"/>
  </spine>
  <guide>
    <reference type="title-page" title="Preface" href="text/cartographer_split_000.xhtml"/>
  </guide>
</package>
"""

NCX = f"""<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="{BOOK_ID}"/></head>
  <docTitle><text>The Cartographer's Daughter</text></docTitle>
  <navMap>
    <navPoint id="p0" playOrder="1"><navLabel><text>Preface</text></navLabel><content src="text/cartographer_split_000.xhtml"/></navPoint>
    <navPoint id="p1" playOrder="2"><navLabel><text>1. Legend</text></navLabel><content src="text/cartographer_split_001.xhtml"/></navPoint>
    <navPoint id="p2" playOrder="3"><navLabel><text>2. Scale</text></navLabel><content src="text/cartographer_split_002.xhtml"/></navPoint>
    <navPoint id="p3" playOrder="4"><navLabel><text>Afterword</text></navLabel><content src="text/cartographer_split_003.xhtml"/></navPoint>
  </navMap>
</ncx>
"""


def page(title: str, body: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>{title}</title><link rel="stylesheet" type="text/css" href="../style.css"/></head>
<body>
{body}
</body>
</html>
"""


PREFACE = page(
    "The Cartographer's Daughter",
    """<div id="preface">
<p class="message"><b>The Cartographer's Daughter</b><br/>Posted originally on the <a href="http://archiveofourown.org/">Archive of Our Own</a> at <a href="http://archiveofourown.org/works/70000002">http://archiveofourown.org/works/70000002</a>.</p>
<div class="meta">
<dl class="tags">
<dt class="rating">Rating:</dt><dd class="rating"><a href="http://archiveofourown.org/tags/General%20Audiences">General Audiences</a></dd>
<dt class="warning">Archive Warning:</dt><dd class="warning"><a href="http://archiveofourown.org/tags/No%20Archive%20Warnings%20Apply">No Archive Warnings Apply</a></dd>
<dt class="category">Category:</dt><dd class="category"><a href="http://archiveofourown.org/tags/Gen">Gen</a></dd>
<dt class="fandom">Fandom:</dt><dd class="fandom"><a href="http://archiveofourown.org/tags/Buffy%20the%20Vampire%20Slayer%20(TV)">Buffy the Vampire Slayer (TV)</a></dd>
<dt class="relationship">Relationship:</dt><dd class="relationship"><a href="http://archiveofourown.org/tags/Rupert%20Giles%20*a*%20Dawn%20Summers">Rupert Giles &amp; Dawn Summers</a></dd>
<dt class="character">Character:</dt><dd class="character"><a href="http://archiveofourown.org/tags/Dawn%20Summers">Dawn Summers</a>, <a href="http://archiveofourown.org/tags/Rupert%20Giles">Rupert Giles</a></dd>
<dt class="freeform">Additional Tags:</dt><dd class="freeform"><a href="http://archiveofourown.org/tags/Maps">Maps</a>, <a href="http://archiveofourown.org/tags/Found%20Family">Found Family</a></dd>
<dt class="language">Language:</dt><dd class="language">English</dd>
<dt class="stats">Stats:</dt><dd class="stats">Published: 2017-03-30 Words: 612 Chapters: 2/2</dd>
</dl>
<h1>The Cartographer's Daughter</h1>
<div class="byline">by <a rel="author" href="http://archiveofourown.org/users/lanternfish/pseuds/lanternfish">lanternfish</a></div>
<p>Summary</p>
<blockquote class="userstuff"><p>Giles keeps a map of Sunnydale that no one else is allowed to touch. Dawn touches it.</p></blockquote>
</div>
</div>""",
)

CHAPTER_1 = page(
    "Legend",
    """<div id="chapters" class="userstuff">
<div class="meta group"><h2 class="heading">Chapter 1: Legend</h2></div>
<div class="userstuff">
<p>The map lived in the flat drawer under the counter of the Magic Box, and it was not a tourist map.</p>
<p>Dawn found it on a slow Tuesday while looking for the receipt book. It was drawn by hand on paper gone the colour of weak tea, and it showed every street in Sunnydale, and a great many things that were not streets. Small black crosses. Circles in red ink. A neat line of tiny tombstones along the edge of Restfield that somebody had clearly drawn with <i>love</i>.</p>
<p>In the bottom corner was a legend, the way real maps had. <i>Cross: nest, cleared. Red circle: nest, active. Blue dot: safe house.</i></p>
<p>There were not very many blue dots.</p>
<p>Dawn counted them twice, then got a blue pen out of the jar by the register, and drew one on Revello Drive, and one on the Magic Box itself, and one, after a moment's thought, on the Espresso Pump, because nobody had ever been bitten at the Espresso Pump that she knew of.</p>
</div>
</div>""",
)

CHAPTER_2 = page(
    "Scale",
    """<div id="chapters" class="userstuff">
<div class="meta group"><h2 class="heading">Chapter 2: Scale</h2></div>
<div class="userstuff">
<p>Giles found the new dots on Thursday.</p>
<p>He did not say anything for so long that Dawn, pretending to dust the crystal balls, began to compose her apology in her head. It was going to include the word <i>vandalism</i>, because she thought he would appreciate the vocabulary.</p>
<p>Then he took his own pen out of his jacket, the good one with the gold nib, and bent over the map.</p>
<p>When he straightened up there was a fourth blue dot, small and precise, on the apartment where he lived.</p>
<p>"The scale is wrong," he said, not looking at her. "On the one at the Espresso Pump. It should be smaller. They only let you stay until closing."</p>
<p>"Noted," said Dawn, and went back to dusting, and did not smile until he had gone into the back room.</p>
</div>
</div>""",
)

AFTERWORD = page(
    "Afterword",
    """<div id="afterword">
<div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>This began as a drabble and got out of hand.</p></blockquote></div>
<p class="message">Please <a href="http://archiveofourown.org/works/70000002/comments/new">drop by the Archive and comment</a> to let the creator know if you enjoyed their work!</p>
</div>""",
)

STYLE = "body { font-family: serif; }\n.heading { font-size: 1.3em; }\n"


def build(target: Path = TARGET) -> Path:
    members = [
        ("mimetype", "application/epub+zip", zipfile.ZIP_STORED),  # first and uncompressed, as EPUB requires
        ("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED),
        ("OEBPS/content.opf", OPF, zipfile.ZIP_DEFLATED),
        ("OEBPS/toc.ncx", NCX, zipfile.ZIP_DEFLATED),
        ("OEBPS/style.css", STYLE, zipfile.ZIP_DEFLATED),
        ("OEBPS/text/cartographer_split_000.xhtml", PREFACE, zipfile.ZIP_DEFLATED),
        ("OEBPS/text/cartographer_split_001.xhtml", CHAPTER_1, zipfile.ZIP_DEFLATED),
        ("OEBPS/text/cartographer_split_002.xhtml", CHAPTER_2, zipfile.ZIP_DEFLATED),
        ("OEBPS/text/cartographer_split_003.xhtml", AFTERWORD, zipfile.ZIP_DEFLATED),
    ]
    with zipfile.ZipFile(target, "w") as archive:
        for name, content, compression in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = compression
            archive.writestr(info, content.encode("utf-8"))
    return target


if __name__ == "__main__":
    print(build())
