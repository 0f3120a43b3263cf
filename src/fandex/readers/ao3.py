"""AO3 (Archive of Our Own) downloads: the HTML download and, through ``epub``, the EPUB's pages.

The preface's typed tag list (``<dl class="tags">``: Rating, Archive Warning, Category, Fandom,
Relationship, Character, Additional Tags, Language, Series, Stats) goes into
``metadata.declared_tags`` exactly as typed; the title, the byline's authors, the summary and the
notes into the metadata. ``Work.text`` is the chapters only: each chapter's heading ("Chapter 1:
The Title") as a line of its own, then its text; chapter notes, end notes and the afterword are not
story. A work with chapter headings gets a chapters layer (number and title from the heading).

The same reader takes an AO3 work that calibre converted to one HTML page: calibre renames most
classes (``userstuff1``, ``calibre1``), keeps the ids, and puts each page of its EPUB split into a
``<section>``, so the preface and the chapters block come in several pieces with the same id
(``preface`` twice, ``chapters`` once per page), each chapter's "meta" block is a renamed div with
the heading first, and the story text of one chapter may continue in the next piece.
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html

from fandex.ratings import to_ao3
from fandex.readers.htmltext import TextBuilder, body_of, element_text, finished, local_tag
from fandex.work import Chapter, Emphasis, Metadata, Work

_CHAPTER_HEADING = re.compile(r"^\s*chapter\s+(\d+)\s*(?:[:.\-–—]\s*(.*?))?\s*$", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^\s*(\d+)\s*[.:)]\s+(.+?)\s*$")
_STAT = re.compile(r"(Published|Updated|Completed|Words|Chapters|Comments|Kudos|Bookmarks|Hits)\s*:\s*(\S+)")
_SERIES = re.compile(r"^\s*Part\s+(\d+)\s+of\s+(.+?)\s*$", re.IGNORECASE)
# Blocks inside the chapters that are the author's notes, not story.
_NOTE_CLASSES = frozenset(
    {"notes", "endnotes", "end", "chapter-notes", "preface", "afterword", "children", "endnote-link"}
)
_NOTE_HEADINGS = re.compile(
    r"^\s*(?:chapter\s+)?(?:summary|notes|end notes|chapter summary|chapter notes|chapter end notes)\s*:?\s*$",
    re.IGNORECASE,
)
_TAG_LABELS = frozenset(
    {
        "rating", "archive warning", "archive warnings", "category", "categories", "fandom",
        "fandoms", "relationship", "relationships", "character", "characters", "additional tags",
    }
)  # fmt: skip
# The archive's own messages around a work, in every download.
_ARCHIVE_MESSAGE = re.compile(
    r"^\s*(?:posted originally on the archive of our own|please drop by the archive and comment)",
    re.IGNORECASE,
)
# A saved work page's own parts: screen-reader labels, menus, kudos and comments.
_FURNITURE_CLASSES = frozenset({"landmark", "actions", "navigation", "feedback", "kudos"})
_FURNITURE_IDS = frozenset({"feedback", "kudos", "comments", "comments_placeholder", "bookmark-form"})
_WORK_TITLE_HEADING = ".//h2[contains(concat(' ', normalize-space(@class), ' '), ' title ')]"
_SEE_NOTES = re.compile(r"^\s*\(?\s*see the (?:end|beginning) of the (?:chapter|work)", re.IGNORECASE)


def tag_lists(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """AO3 tag lists under ``root``: ``<dl class="tags">``, or any <dl> labelled like one (EPUB
    converters rename the classes but keep the labels)."""
    found = []
    for dl in root.iter("dl"):
        if "tags" in (dl.get("class") or "").split():
            found.append(dl)
            continue
        labels = {element_text(dt).rstrip(":").strip().lower() for dt in dl.iter("dt")}
        if len(labels & _TAG_LABELS) >= 2:
            found.append(dl)
    return found


def is_ao3(root: lxml.html.HtmlElement, markup: str) -> bool:
    has_tags = bool(tag_lists(root))
    has_preface = bool(root.xpath("//*[@id='preface']"))
    mentions_archive = "Archive of Our Own" in markup[:20000] or "archiveofourown.org" in markup[:20000]
    if not mentions_archive:
        # A work page saved from the site can carry 50 KB of inline script and style before its body;
        # its <title> still ends "[Archive of Our Own]".
        mentions_archive = "Archive of Our Own" in (root.findtext(".//title") or "")
    return (has_tags and (has_preface or mentions_archive)) or (has_preface and mentions_archive)


def read_document(root: lxml.html.HtmlElement) -> Work:
    metadata = Metadata()
    read_preface(root, metadata)
    builder = TextBuilder(skip=is_not_story)
    # A download has one chapters block; a calibre conversion one per page of its split, the first
    # often holding nothing but a page-break marker.
    chapters_roots = _outermost(root.xpath("//*[@id='chapters']")) or [body_of(root)]
    chapters: list[Chapter] = []
    for chapters_root in chapters_roots:
        add_chapters(builder, chapters_root, chapters)
    text, emphasis, chapters = drop_title_heading(builder.text, builder.emphasis, chapters, metadata.title)
    work = Work(
        text=finished(text),
        metadata=metadata,
        emphasis=emphasis,
        source_format="ao3-html",
    )
    work.chapters = close_chapters(chapters, work.text)
    return work


# -- the preface -----------------------------------------------------------------------------------


def read_preface(root: lxml.html.HtmlElement, metadata: Metadata) -> None:
    """Fill ``metadata`` from an AO3 preface found anywhere under ``root`` (a calibre conversion
    splits it in two: the tag list in one piece, the title, byline, summary and notes in the next)."""
    for tag_list in tag_lists(root):
        _read_tag_list(tag_list, metadata)
    prefaces = root.xpath("//*[@id='preface']") or [root]
    if metadata.title is None:
        metadata.title = _title(prefaces)
    if not metadata.authors:
        metadata.authors = _authors(prefaces)
    for preface in prefaces:
        _read_summary_and_notes(preface, metadata)


def _title(prefaces: list[lxml.html.HtmlElement]) -> str | None:
    # A work page saved from the site has the archive's logo as its <h1>; the work's own title is
    # the "title heading" <h2> of the work's preface there. Downloads title it with an <h1>, and
    # repeat it in bold in the archive's message.
    for query in (_WORK_TITLE_HEADING, ".//h1 | .//*[@class='message']//b"):
        for preface in prefaces:
            for heading in preface.xpath(query):
                title = element_text(heading)
                if title:
                    return title
    return None


def _read_tag_list(tag_list: lxml.html.HtmlElement, metadata: Metadata) -> None:
    tags = metadata.declared_tags
    label: str | None = None
    for child in tag_list:
        tag = local_tag(child)
        if tag == "dt":
            label = element_text(child).rstrip(":").strip().lower()
            continue
        if tag != "dd" or label is None:
            continue
        values = _tag_values(child)
        raw = element_text(child)
        metadata.fields[label] = raw
        if label == "rating" and values:
            metadata.rating_original = values[0]
            tags.rating = to_ao3(values[0]) or values[0]
        elif label in ("archive warning", "archive warnings", "warning", "warnings"):
            tags.warnings.extend(values)
        elif label in ("category", "categories"):
            tags.category.extend(values)
        elif label in ("fandom", "fandoms"):
            tags.fandoms.extend(values)
        elif label in ("relationship", "relationships"):
            tags.relationships.extend(values)
        elif label in ("character", "characters"):
            tags.characters.extend(values)
        elif label in ("additional tags", "additional tag", "freeform", "tags"):
            tags.additional.extend(values)
        elif label == "language":
            metadata.language = raw or None
        elif label == "series":
            series = _SERIES.match(raw)
            metadata.series = series.group(2) if series else raw or None
        elif label == "stats":
            _read_stats(raw, metadata)
        label = None


def _tag_values(dd: lxml.html.HtmlElement) -> list[str]:
    links = [element_text(a) for a in dd.iter("a")]
    values = [value for value in links if value]
    if values:
        return values
    return [value.strip() for value in element_text(dd).split(",") if value.strip()]


def _read_stats(raw: str, metadata: Metadata) -> None:
    for name, value in _STAT.findall(raw):
        key = name.lower()
        metadata.fields[key] = value
        if key == "published":
            metadata.published = value
        elif key in ("updated", "completed"):
            metadata.updated = value if key == "updated" or metadata.updated is None else metadata.updated
        elif key == "words":
            digits = re.sub(r"[^\d]", "", value)
            metadata.words_declared = int(digits) if digits else None


def _authors(prefaces: list[lxml.html.HtmlElement]) -> list[str]:
    # The byline's author links first: the preface also links the authors of translations,
    # podfics and related works ("Translation into ... available: ... by <a rel=author>").
    bylines = (
        preface.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]")
        for preface in prefaces
    )
    byline = next((found[0] for found in bylines if found), None)
    scopes = [byline, *prefaces] if byline is not None else prefaces
    for scope in scopes:
        names = [element_text(a) for a in scope.xpath(".//a[@rel='author']") if element_text(a)]
        if names:
            return list(dict.fromkeys(names))
    if byline is not None:
        text = re.sub(r"^\s*by\s+", "", element_text(byline), flags=re.IGNORECASE)
        return [name.strip() for name in re.split(r",\s*|\s+and\s+", text) if name.strip()]
    return []


def _read_summary_and_notes(preface: lxml.html.HtmlElement, metadata: Metadata) -> None:
    # "<p>Summary</p><blockquote class="userstuff">...</blockquote>", the same for "Notes".
    for label_element in preface.iter("p", "h3", "h4", "b"):
        label = element_text(label_element).rstrip(":").strip().lower()
        if label not in ("summary", "notes"):
            continue
        value_element = label_element.getnext()
        if value_element is None or local_tag(value_element) not in ("blockquote", "div"):
            continue
        value = _paragraphs_text(value_element)
        if label == "summary" and metadata.summary is None:
            metadata.summary = value or None
        elif label == "notes" and metadata.notes is None:
            metadata.notes = value or None


def _paragraphs_text(element: lxml.html.HtmlElement) -> str:
    builder = TextBuilder()
    builder.add_element(element)
    return builder.text.strip()


# -- the chapters ----------------------------------------------------------------------------------


def is_note_block(element: lxml.html.HtmlElement) -> bool:
    """Author's notes, end notes and afterword blocks inside or around the chapters."""
    classes = set((element.get("class") or "").lower().split())
    element_id = (element.get("id") or "").lower()
    if classes & _NOTE_CLASSES or element_id in ("endnotes", "afterword", "preface", "children"):
        return True
    if element_id.startswith(("endnotes", "notes")):
        return True
    tag = local_tag(element)
    if tag in ("p", "h3", "h4"):
        # A labelled notes block whose classes a converter renamed: "Chapter Notes" + blockquote.
        text = element_text(element)
        if _SEE_NOTES.match(text) or _NOTE_HEADINGS.match(text) or _ARCHIVE_MESSAGE.match(text):
            return True
    if tag == "blockquote":
        previous = element.getprevious()
        if previous is not None and _NOTE_HEADINGS.match(element_text(previous)):
            return True
    return False


def is_site_furniture(element: lxml.html.HtmlElement) -> bool:
    """The site's own page parts in a work page saved from the archive: screen-reader labels
    ("Work Text:", "Chapter Text", "Chapter Management"), action menus ("Edit Chapter", "Next
    Chapter"), kudos and comment sections."""
    classes = set((element.get("class") or "").lower().split())
    if classes & _FURNITURE_CLASSES:
        return True
    return (element.get("id") or "").lower() in _FURNITURE_IDS


def is_not_story(element: lxml.html.HtmlElement) -> bool:
    return is_note_block(element) or is_site_furniture(element)


def add_chapters(
    builder: TextBuilder, container: lxml.html.HtmlElement, chapters: list[Chapter] | None = None
) -> list[Chapter]:
    """Add the story under ``container`` to ``builder``; the chapters found (ends still open),
    appended to ``chapters`` when given."""
    chapters = [] if chapters is None else chapters
    skip_next_blockquote = False
    for child in container:
        tag = local_tag(child)
        if not tag:
            continue
        if _is_chapter_wrapper(child):
            # A saved work page wraps each chapter (its preface with the heading, then the text)
            # in a <div class="chapter">.
            add_chapters(builder, child, chapters)
            continue
        if is_site_furniture(child):
            continue
        heading = _chapter_heading_element(child)
        if heading is not None:
            # Chapter notes and summary sit beside the heading in the same "meta" block: only the
            # heading itself is written.
            chapters.append(start_chapter(builder, element_text(heading), len(chapters) + 1))
            continue
        if tag == "p" and _NOTE_HEADINGS.match(element_text(child)):
            skip_next_blockquote = True
            continue
        if skip_next_blockquote and tag == "blockquote":
            skip_next_blockquote = False
            continue
        skip_next_blockquote = False
        if "meta" in (child.get("class") or "").split():
            continue  # a chapter's preface block without a heading: notes only
        builder.add_element(child)
    return chapters


def start_chapter(builder: TextBuilder, heading: str, index: int) -> Chapter:
    """Write a chapter heading line and open a Chapter at it."""
    start, _ = builder.add_line(heading)
    number, title = parse_chapter_heading(heading, index)
    return Chapter(start=start, end=start, number=number, title=title)


def drop_title_heading(
    text: str, emphasis: list[Emphasis], chapters: list[Chapter], title: str | None
) -> tuple[str, list[Emphasis], list[Chapter]]:
    """A one-shot's download heads its only "chapter" with the work's title (an EPUB's page may
    open with it unmarked). That line opening the text is the title again, not a chapter: it is cut from the text (the emphasis offsets shifted
    with it) and no chapter is kept."""
    title = (title or "").strip()
    # Chapters opened by pages that added no text (an EPUB's afterword) do not count.
    with_text = [chapter for chapter in chapters if text[chapter.start :].strip()]
    start = with_text[0].start if with_text else len(text) - len(text.lstrip())
    if len(with_text) > 1 or not title or text[:start].strip():
        return text, emphasis, chapters
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[start:line_end].strip() != title:
        return text, emphasis, chapters
    cut = line_end
    while cut < len(text) and text[cut].isspace():
        cut += 1
    shifted = [
        replace(span, start=span.start - cut, end=span.end - cut) for span in emphasis if span.start >= cut
    ]
    return text[cut:], shifted, []


def parse_chapter_heading(heading: str, index: int) -> tuple[int, str | None]:
    match = _CHAPTER_HEADING.match(heading)
    if match:
        return int(match.group(1)), (match.group(2) or None)
    match = _NUMBERED_HEADING.match(heading)
    if match:
        return int(match.group(1)), match.group(2)
    return index, heading.strip() or None


def close_chapters(chapters: list[Chapter], text: str) -> list[Chapter]:
    """Each chapter runs to the next one's start (trailing blank lines excluded)."""
    closed: list[Chapter] = []
    for index, chapter in enumerate(chapters):
        if chapter.start >= len(text):
            break  # a heading with nothing after it, trimmed off the end of the text
        end = min(chapters[index + 1].start if index + 1 < len(chapters) else len(text), len(text))
        while end > chapter.start and text[end - 1].isspace():
            end -= 1
        closed.append(Chapter(start=chapter.start, end=end, number=chapter.number, title=chapter.title))
    return closed


def _is_chapter_wrapper(element: lxml.html.HtmlElement) -> bool:
    classes = (element.get("class") or "").split()
    return local_tag(element) == "div" and classes == ["chapter"]


def _chapter_heading_element(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    tag = local_tag(element)
    classes = (element.get("class") or "").split()
    if "landmark" in classes:
        return None
    if tag in ("h2", "h3") and ("heading" in classes or "toc-heading" in classes or "title" in classes):
        return element
    if tag != "div":
        return None
    if "meta" in classes or {"chapter", "preface"} <= set(classes):
        return _first(element.xpath(".//h2[contains(@class, 'heading')] | .//h3[contains(@class, 'title')]"))
    return _renamed_meta_heading(element)


def _renamed_meta_heading(div: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The heading of a chapter's "meta" block whose classes a converter renamed ("calibre1"): a
    div that opens with a chapter heading and holds nothing else but that chapter's notes. Story
    text that happens to open with a heading is never taken for one: it is not a note."""
    children = [child for child in div if local_tag(child)]
    if not children or local_tag(children[0]) not in ("h2", "h3"):
        return None
    if (div.text or "").strip() or any((child.tail or "").strip() for child in children):
        return None  # text loose in the div, beside its elements: story set without paragraphs
    heading = children[0]
    classes = (heading.get("class") or "").split()
    named = "heading" in classes or "toc-heading" in classes or "title" in classes
    if not named and not _CHAPTER_HEADING.match(element_text(heading)):
        return None
    if all(is_note_block(child) for child in children[1:]):
        return heading
    return None


def _outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """``elements`` without those inside another of them, in document order."""
    chosen = {id(element) for element in elements}
    outermost = []
    for element in elements:
        parent = element.getparent()
        while parent is not None and id(parent) not in chosen:
            parent = parent.getparent()
        if parent is None:
            outermost.append(element)
    return outermost


def _first(items: list) -> lxml.html.HtmlElement | None:
    return items[0] if items else None
