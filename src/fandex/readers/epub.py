"""EPUB books: AO3 downloads, FanFicFare's books and other EPUBs of one story.

Metadata comes from the package document (OPF: dc:title, dc:creator, dc:subject, dc:description
as the summary, dc:date, dc:language, dc:source) and from the book's own title or preface page: an
AO3 preface lists its typed tags exactly as the HTML download does; FanFicFare's title page has
labelled lines ("Rating:", "Category:", "Characters:", "Status:"). Pages in spine order that are
neither a cover, a title or preface page, a table of contents nor an afterword are the chapters:
their XHTML goes through the same HTML-to-text rules as web pages (``htmltext``), each chapter
heading a line of its own, and each page a Chapter of the chapters layer.

Safety: the archive is read in memory and never extracted; a corrupt zip is one InputError; the
total uncompressed size and each member's compression ratio are capped (zip bombs), and members
are read with a byte cap whatever sizes the archive declares; references that climb out of the
book ("../../etc/passwd") are ignored; the XML parser resolves no entities and fetches nothing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

import lxml.etree
import lxml.html

from fandex.errors import InputError
from fandex.ratings import to_ao3
from fandex.readers import ao3
from fandex.readers import html as html_reader
from fandex.readers.htmltext import TextBuilder, body_of, element_text, finished, local_tag, parse_html
from fandex.work import Chapter, Metadata, Work

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100  # text compresses about 3-10x; a ratio over 100 is a bomb's signature
RATIO_CHECK_MIN_BYTES = 1024 * 1024  # tiny members compress oddly and are harmless
MAX_MEMBERS = 10000

# What zipfile raises on damaged archives (NotImplementedError: an impossible "zip version").
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
)
# Subjects that book makers add for every work: a genre of books or the work's status, not tags.
_NOT_TAG_SUBJECTS = frozenset(
    {"fanworks", "fanfiction", "fan fiction", "completed", "complete", "in-progress", "in progress", "wip"}
)
_HINT_REEXPORT = "re-download or re-export the EPUB"
_SKIP_PAGE_NAMES = re.compile(
    r"(?:^|[/_\-.])(?:cover|title_?page|titlepage|toc|nav|contents|log_page|copyright|afterword|colophon)",
    re.IGNORECASE,
)
_LABELLED_LINE = re.compile(r"^\s*([A-Z][A-Za-z ]{1,30}?)\s*:\s*(.+?)\s*$")
_TITLE_BY = re.compile(r"^\s*(.+?)\s+by\s+(.+?)\s*$", re.IGNORECASE)


def read(data: bytes, path: Path) -> Work:
    book = _Book(data, path)
    return book.read()


class _Book:
    def __init__(self, data: bytes, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except _ZIP_ERRORS:
            raise InputError(
                "is a corrupt EPUB (not a readable zip archive)", path=path, hint=_HINT_REEXPORT
            ) from None
        self._check_bomb(infos)
        self.names = {info.filename for info in infos}
        self.read_so_far = 0

    # -- safety ---------------------------------------------------------------------------------

    def _check_bomb(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > MAX_MEMBERS:
            raise InputError(
                f"is not a plausible EPUB ({len(infos)} files inside)", path=self.path, hint=_HINT_REEXPORT
            )
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise InputError(
                f"unpacks to {total // (1024 * 1024)} MB, over the {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB "
                "limit (a zip bomb?)",
                path=self.path,
                hint="only open EPUBs from sources you trust",
            )
        for info in infos:
            if info.file_size >= RATIO_CHECK_MIN_BYTES and info.file_size > MAX_MEMBER_RATIO * max(
                1, info.compress_size
            ):
                raise InputError(
                    f"has a member ({info.filename}) compressed more than {MAX_MEMBER_RATIO}:1 (a zip bomb?)",
                    path=self.path,
                    hint="only open EPUBs from sources you trust",
                )

    def member(self, name: str) -> bytes | None:
        """A member's bytes, read with a cap (declared sizes can lie); None when absent."""
        if name not in self.names:
            return None
        budget = MAX_TOTAL_UNCOMPRESSED - self.read_so_far
        try:
            with self.zip.open(name) as handle:
                data = handle.read(budget + 1)
        except _ZIP_ERRORS:
            raise InputError(
                f"is a corrupt EPUB (cannot unpack {name})", path=self.path, hint=_HINT_REEXPORT
            ) from None
        self.read_so_far += len(data)
        if self.read_so_far > MAX_TOTAL_UNCOMPRESSED:
            raise InputError(
                f"unpacks to more than {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB (a zip bomb?)",
                path=self.path,
                hint="only open EPUBs from sources you trust",
            )
        return data

    # -- reading --------------------------------------------------------------------------------

    def read(self) -> Work:
        opf_path = self._package_path()
        opf_data = self.member(opf_path) if opf_path else None
        if opf_data is None:
            raise InputError(
                "is not an EPUB (no package document inside)", path=self.path, hint=_HINT_REEXPORT
            )
        opf = _parse_xml(opf_data)
        if opf is None:
            raise InputError(
                "is a corrupt EPUB (its package document is not XML)", path=self.path, hint=_HINT_REEXPORT
            )
        base = posixpath.dirname(opf_path)
        metadata = Metadata()
        subjects = _read_opf_metadata(opf, metadata)
        manifest = _manifest(opf, base)
        spine = [manifest[idref] for idref in _spine_ids(opf) if idref in manifest]
        toc_labels = self._toc_labels(manifest)

        builder = TextBuilder(skip=ao3.is_note_block)
        chapters: list[Chapter] = []
        typed_tag_list = False
        flavour_ao3 = "archive of our own" in (
            metadata.fields.get("publisher", "").lower()
        ) or "archiveofourown" in (metadata.source_url or "")
        for href, media_type, properties in spine:
            if "html" not in media_type and not href.lower().endswith((".xhtml", ".html", ".htm")):
                continue
            raw = self.member(href)
            if raw is None:
                continue
            root = parse_html(html_reader.decode(raw, self.path))
            if root is None:
                continue
            page = _classify(root, href, properties)
            if page == "preface":
                ao3.read_preface(root, metadata)
                typed_tag_list = typed_tag_list or bool(ao3.tag_lists(root))
                flavour_ao3 = True
                continue
            if page == "title":
                _read_title_page(root, metadata)
                continue
            if page == "skip":
                continue
            chapters.extend(_add_chapter_page(builder, root, toc_labels.get(href), len(chapters) + 1))

        if subjects:
            metadata.fields["subjects"] = ", ".join(subjects)
            # A book with the archive's typed tag list has every tag there as typed; its subjects
            # repeat them, some under the archive's other name for the same tag ("Choose Not To Use
            # Archive Warnings" for "Creator Chose Not To Use Archive Warnings").
            if not typed_tag_list:
                _subjects_as_tags(subjects, metadata)
        text = builder.text
        if not text.strip():
            raise InputError("is an EPUB with no story text", path=self.path, hint=_HINT_REEXPORT)
        text, emphasis, chapters = ao3.drop_title_heading(text, builder.emphasis, chapters, metadata.title)
        work = Work(
            text=finished(text),
            metadata=metadata,
            emphasis=emphasis,
            source_format="epub",
        )
        closed = ao3.close_chapters(chapters, work.text)
        # One untitled page is a book without chapter divisions.
        if len(closed) > 1 or (closed and closed[0].title):
            work.chapters = closed
        if flavour_ao3:
            work.metadata.fields.setdefault("flavour", "ao3")
        return work

    def _package_path(self) -> str | None:
        mimetype = self.member("mimetype")
        if mimetype is not None and not mimetype.strip().startswith(b"application/epub+zip"):
            raise InputError(
                f"is a zip archive of type {mimetype.strip()[:60].decode('ascii', 'replace')!r}, not an EPUB",
                path=self.path,
                hint="give the story itself (EPUB, HTML or text)",
            )
        container_data = self.member("META-INF/container.xml")
        if container_data is None:
            if mimetype is None:
                raise InputError(
                    "is a zip archive, not an EPUB",
                    path=self.path,
                    hint="unpack it and give the stories inside",
                )
            opfs = sorted(name for name in self.names if name.lower().endswith(".opf"))
            return opfs[0] if opfs else None
        container = _parse_xml(container_data)
        if container is None:
            raise InputError(
                "is a corrupt EPUB (its container.xml is not XML)", path=self.path, hint=_HINT_REEXPORT
            )
        for element in container.iter():
            if _xml_tag(element) == "rootfile" and element.get("full-path"):
                return _safe_join("", element.get("full-path", ""))
        return None

    def _toc_labels(self, manifest: dict[str, tuple[str, str, str]]) -> dict[str, str]:
        """Chapter titles from the table of contents (NCX or EPUB 3 nav), by page."""
        labels: dict[str, str] = {}
        for href, media_type, _properties in manifest.values():
            if media_type == "application/x-dtbncx+xml":
                data = self.member(href)
                tree = _parse_xml(data) if data else None
                if tree is None:
                    continue
                for point in tree.iter():
                    if _xml_tag(point) != "navPoint":
                        continue
                    label = next((e for e in point.iter() if _xml_tag(e) == "text"), None)
                    content = next((e for e in point.iter() if _xml_tag(e) == "content"), None)
                    if label is not None and content is not None and label.text:
                        target = _safe_join(posixpath.dirname(href), content.get("src", "").split("#")[0])
                        if target:
                            labels.setdefault(target, label.text.strip())
        return labels


# -- pages ------------------------------------------------------------------------------------------


def _classify(root: lxml.html.HtmlElement, href: str, properties: str) -> str:
    """ "preface" (an AO3 preface), "title" (a title page), "skip" (cover, contents, afterword) or "chapter"."""
    if root.xpath("//*[@id='preface']") or ao3.tag_lists(root):
        return "preface"
    if root.xpath("//*[@id='afterword']") and not root.xpath("//*[@id='chapters']"):
        return "skip"
    if "nav" in properties.split():
        return "skip"
    name = posixpath.basename(href).lower()
    text = element_text(body_of(root))
    if "title" in name and _SKIP_PAGE_NAMES.search(name):
        return "title"
    if _SKIP_PAGE_NAMES.search(name):
        return "skip"
    if not text:
        return "skip"  # a cover image or an empty page
    links = sum(len(element_text(a)) for a in root.iter("a"))
    if links > 0.6 * len(text):
        return "skip"  # a contents page
    return "chapter"


def _read_title_page(root: lxml.html.HtmlElement, metadata: Metadata) -> None:
    """FanFicFare's title page: "Title by Author", then labelled lines."""
    builder = TextBuilder()
    body = body_of(root)
    builder.add_element(body)
    lines = [line for line in builder.text.split("\n") if line.strip()]
    if lines and metadata.title is None:
        title_by = _TITLE_BY.match(lines[0])
        if title_by:
            metadata.title = title_by.group(1)
            if not metadata.authors:
                metadata.authors = [title_by.group(2)]
    tags = metadata.declared_tags
    for line in lines[1:]:
        match = _LABELLED_LINE.match(line)
        if not match:
            continue
        label, value = match.group(1).strip().lower(), match.group(2).strip()
        metadata.fields.setdefault(label, value)
        values = [part.strip() for part in value.split(",") if part.strip()]
        if label == "rating":
            metadata.rating_original = metadata.rating_original or value
            tags.rating = tags.rating or to_ao3(value)
        elif label in ("category", "fandom", "fandoms") and not tags.fandoms:
            tags.fandoms = values
        elif label in ("characters", "character") and not tags.characters:
            tags.characters = values
        elif label in ("relationships", "pairing", "pairings", "ships") and not tags.relationships:
            tags.relationships = values
        elif label in ("warnings", "warning") and not tags.warnings:
            tags.warnings = values
        elif label in ("tags", "freeform", "additional tags") and not tags.additional:
            tags.additional = values
        elif label == "summary" and metadata.summary is None:
            metadata.summary = value
        elif label == "published":
            metadata.published = metadata.published or value
        elif label == "updated":
            metadata.updated = value
        elif label == "words":
            digits = re.sub(r"[^\d]", "", value)
            metadata.words_declared = int(digits) if digits else metadata.words_declared


def _add_chapter_page(
    builder: TextBuilder, root: lxml.html.HtmlElement, toc_label: str | None, index: int
) -> list[Chapter]:
    """Write one spine page; the chapters it holds (usually one, several when a converter put a
    whole book in one file)."""
    body = body_of(root)
    builder.paragraph_break()
    start = builder.offset
    container = _first(root.xpath("//*[@id='chapters']"))
    if container is not None or root.xpath(
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' meta ')]//h2"
    ):
        # An AO3 page: chapter headings inside "meta" blocks, notes beside them.
        found = ao3.add_chapters(builder, container if container is not None else _ao3_content_root(body))
        for offset, chapter in enumerate(found):
            chapter.number = chapter.number or index + offset
        return found or [_untitled_chapter(start, toc_label, index)]
    headings = _chapter_headings(body)
    if not headings:
        builder.add_element(body)
        return [_untitled_chapter(start, toc_label, index)]
    chapters: list[Chapter] = []
    if _text_before(body, headings[0]):
        chapters.append(_untitled_chapter(start, toc_label, index))

    def open_chapter(element: lxml.html.HtmlElement) -> bool:
        if not any(element is heading for heading in headings):
            return False
        chapters.append(ao3.start_chapter(builder, element_text(element), index + len(chapters)))
        return True

    builder.handler = open_chapter
    builder.add_element(body)
    builder.handler = None
    return chapters


def _untitled_chapter(start: int, toc_label: str | None, index: int) -> Chapter:
    number, title = ao3.parse_chapter_heading(toc_label, index) if toc_label else (index, None)
    return Chapter(start=start, end=start, number=number, title=title)


def _chapter_headings(body: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The page's chapter headings: a short h1-h3 opening the page, or every heading of the level
    that repeats (a whole book in one file: "Chapter 1", "Chapter 2"... under one <h1> title)."""
    headings = [h for h in body.iter("h1", "h2", "h3") if 0 < len(element_text(h)) <= 120]
    if not headings:
        return []
    levels = [local_tag(h) for h in headings]
    repeated = [level for level in ("h1", "h2", "h3") if levels.count(level) >= 2]
    if repeated:
        return [h for h in headings if local_tag(h) == repeated[0]]
    first = _page_heading(body)
    return [first] if first is not None else []


def _text_before(body: lxml.html.HtmlElement, heading: lxml.html.HtmlElement) -> bool:
    """Whether any paragraph of text comes before ``heading`` on the page."""
    for element in body.iter():
        if element is heading:
            return False
        if local_tag(element) == "p" and element_text(element):
            return True
    return False


def _ao3_content_root(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    # Calibre wraps the page in one or two divs; the chapter blocks are the children of the
    # innermost wrapper that holds the "meta" block.
    meta = _first(body.xpath(".//div[contains(concat(' ', normalize-space(@class), ' '), ' meta ')]"))
    return meta.getparent() if meta is not None and meta.getparent() is not None else body


def _page_heading(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The page's chapter heading: a short h1-h3 before any paragraph of text."""
    for element in body.iter():
        tag = local_tag(element)
        if tag in ("h1", "h2", "h3"):
            text = element_text(element)
            return element if text and len(text) <= 120 else None
        if tag == "p" and element_text(element):
            return None
    return None


# -- package document -------------------------------------------------------------------------------


def _read_opf_metadata(opf: lxml.etree._Element, metadata: Metadata) -> list[str]:
    subjects: list[str] = []
    for element in opf.iter():
        tag = _xml_tag(element)
        text = (element.text or "").strip() if isinstance(element.tag, str) else ""
        if not text:
            if tag == "meta" and element.get("name") == "generator":
                metadata.fields["generator"] = element.get("content", "")
            continue
        if tag == "title" and metadata.title is None:
            metadata.title = text
        elif tag == "creator":
            role = next((value for key, value in element.attrib.items() if key.endswith("role")), "aut")
            if role == "aut" and text not in metadata.authors:
                metadata.authors.append(text)
        elif tag == "subject":
            subjects.append(text)
        elif tag == "description" and metadata.summary is None:
            metadata.summary = _strip_markup(text)
        elif tag == "date" and metadata.published is None:
            metadata.published = text[:10]
        elif tag == "language" and metadata.language is None:
            metadata.language = text
        elif tag == "publisher":
            metadata.fields["publisher"] = text
        elif tag in ("source", "identifier") and text.startswith("http"):
            metadata.source_url = metadata.source_url or text
        elif tag == "contributor":
            metadata.fields.setdefault("contributor", text)
    return subjects


def _subjects_as_tags(subjects: list[str], metadata: Metadata) -> None:
    """Subjects no typed list has claimed become additional tags (AO3 books list every tag there too)."""
    tags = metadata.declared_tags
    known = {
        value.lower()
        for value in [
            tags.rating or "",
            *tags.warnings,
            *tags.category,
            *tags.fandoms,
            *tags.relationships,
            *tags.characters,
            *tags.additional,
        ]
        if value
    }
    if metadata.rating_original:
        known.add(metadata.rating_original.lower())
    for subject in subjects:
        if subject.lower() not in known and subject.lower() not in _NOT_TAG_SUBJECTS:
            tags.additional.append(subject)
            known.add(subject.lower())


def _manifest(opf: lxml.etree._Element, base: str) -> dict[str, tuple[str, str, str]]:
    items: dict[str, tuple[str, str, str]] = {}
    for element in opf.iter():
        if _xml_tag(element) != "item":
            continue
        href = _safe_join(base, unquote(element.get("href", "")))
        if element.get("id") and href:
            items[element.get("id", "")] = (
                href,
                element.get("media-type", ""),
                element.get("properties", ""),
            )
    return items


def _spine_ids(opf: lxml.etree._Element) -> list[str]:
    return [element.get("idref", "") for element in opf.iter() if _xml_tag(element) == "itemref"]


def _safe_join(base: str, href: str) -> str | None:
    """``href`` resolved inside the book, or None when it climbs out of it or is absolute."""
    if not href or href.startswith("/") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href):
        return None
    joined = posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def _parse_xml(data: bytes) -> lxml.etree._Element | None:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError:
        return None
    return root


def _xml_tag(element: lxml.etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _strip_markup(text: str) -> str:
    if "<" not in text:
        return text
    root = parse_html(f"<div>{text}</div>")
    if root is None:
        return text
    builder = TextBuilder()
    builder.add_element(body_of(root))
    return builder.text.strip()


def _first(items: list) -> lxml.html.HtmlElement | None:
    return items[0] if items else None
