"""HTML story pages: old archive pages, fanfiction.net chapters and AO3 downloads.

``read`` decodes the page (its declared charset, else the plain-text rules), parses it leniently
and hands it to the flavour's reader: ``ao3`` for AO3 downloads, ``ffnet`` for fanfiction.net
chapter pages, and the generic archive-page reader here for everything else.

The generic reader keeps only the story body: menus, navigation bars, footers, forms and blocks
that are mostly links are dropped; the page title (<h1>, else <title>) and a "by X" line or author
link become metadata and leave the text. A page that yields no story text is an InputError.

A file of several whole documents one after another (works saved or converted one by one, then
joined: "<html>...</html><hr/><html>...</html>") is one Work per file all the same: the first
document with story text is read, and ``metadata.fields["fandex warning"]`` says how many works
were left out and names them.
"""

from __future__ import annotations

import codecs
import copy
import re
from pathlib import Path

import lxml.etree
import lxml.html

from fandex.errors import InputError
from fandex.readers import BUNDLE_WARNING, plaintext
from fandex.readers.htmltext import (
    BLOCK_TAGS,
    TextBuilder,
    body_of,
    element_text,
    finished,
    local_tag,
    parse_html,
)
from fandex.work import Metadata, Work

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Declared Latin-1 was Windows-1252 in practice (browsers read it so, and so do we).
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}
# Class or id words of page furniture, never story.
_CHROME_WORD = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|footer|header|masthead|sidebar|breadcrumbs?|"
    r"comments?|reviews?|banner|ads?|advert\w*|sponsor\w*|share|social|toolbar|pagination|pager|"
    r"skip|jump|login|search|copyright)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
# Footer lines: navigation words count only in a block with links ("with its back to the wall" is
# story); copyright lines count anywhere except in a disclaimer, which the header stage reads.
_FOOTER_NAVIGATION = re.compile(
    r"(?:\bback to\b|\breturn to\b|^\s*home\s*[|»]|\bprevious\b.*\bnext\b|\bnext chapter\b|"
    r"\bprevious chapter\b|\bindex\b\s*[|»])",
    re.IGNORECASE,
)
_FOOTER_NOTICE = re.compile(r"(?:\bcopyright\b|©|all rights reserved|powered by)", re.IGNORECASE)
_DISCLAIMER = re.compile(r"^\s*disclaimer\b", re.IGNORECASE)
# Headings the structure stage needs, never the work's title.
_CHAPTER_HEADING = re.compile(r"^\s*(?:chapter|part|book|prologue|epilogue|interlude)\b", re.IGNORECASE)
# Elements whose direct text is "running text" in its own right; a <p>'s text counts for its parent.
_HOLDER_TAGS = BLOCK_TAGS - {"p", "blockquote", "center"}
_BYLINE = re.compile(r"^\s*(?:written\s+)?by\s*:?\s+(.{1,80}?)\s*$", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|»·~]|:{1,2}|-{1,2}|–|—)\s+")
_AUTHOR_HREF = re.compile(r"(?:author|viewuser|/users?/|/u/|profile|mailto:)", re.IGNORECASE)


def read(data: bytes, path: Path) -> Work:
    return from_string(decode(data, path), source=str(path))


def from_string(markup: str, source: str | None = None) -> Work:
    """A Work from a page's markup already decoded; ``source`` names it in messages."""
    from fandex.readers import ao3, ffnet

    root = parse_html(markup)
    work = None
    left_out: list[lxml.html.HtmlElement] = []
    if root is not None:
        root, left_out = _first_document(root)
        if ao3.is_ao3(root, markup):
            work = ao3.read_document(root)
        elif ffnet.is_ffnet(root, markup):
            work = ffnet.read_document(root)
        else:
            work = read_archive_page(root)
    if work is None or not work.text.strip():
        raise InputError(
            "is an HTML page with no story text" if source else "an HTML page with no story text",
            path=source,
            hint="save the story's own page, not an index or a page of links",
        )
    work.source = source
    if left_out:
        work.metadata.fields[BUNDLE_WARNING] = _bundle_warning(work, left_out)
    return work


def _first_document(root: lxml.html.HtmlElement) -> tuple[lxml.html.HtmlElement, list[lxml.html.HtmlElement]]:
    """The document to read, alone in its tree, and the other documents of the file that have
    story text. The parser makes each further "<html>" of a file a sibling of the first root,
    where a "//" query from any of them still finds it: the one read is copied out on its own."""
    documents = [root, *(sibling for sibling in root.itersiblings() if local_tag(sibling) == "html")]
    if len(documents) == 1:
        return root, []
    # Markup after the closing </html> makes a sibling of no <body>: a stray script, not a work.
    with_text = [document for document in documents if _has_body_text(document)]
    if not with_text:
        return root, []
    return copy.deepcopy(with_text[0]), with_text[1:]


def _has_body_text(document: lxml.html.HtmlElement) -> bool:
    body = document.find("body")
    return body is not None and bool(body.text_content().strip())


def _bundle_warning(work: Work, left_out: list[lxml.html.HtmlElement]) -> str:
    titles = [_document_title(document) for document in left_out]
    named = ", ".join(f'"{title}"' if title else "(untitled)" for title in titles)
    first = f'the first, "{work.metadata.title}",' if work.metadata.title else "the first"
    count = len(left_out) + 1
    return (
        f"the file holds {count} works; only {first} is read (left out: {named}); give each work its own file"
    )


def _document_title(document: lxml.html.HtmlElement) -> str | None:
    for query in (".//h1", ".//title", ".//*[@class='message']//b"):
        for element in document.xpath(query):
            text = element_text(element)
            if text:
                return text
    return None


def decode(data: bytes, path: object | None = None) -> str:
    """The page's text: its declared charset when that decodes cleanly, else the plain-text rules."""
    declared = _META_CHARSET.search(data[:4096])
    # A byte-order mark outranks the page's own claim (editors re-save pages without fixing <meta>).
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = declared.group(1).decode("ascii", "replace").lower()
        name = _CHARSET_ALIASES.get(name, name)
        if name not in ("utf-8", "utf8"):
            try:
                return plaintext.normalize(data.decode(name))
            except (LookupError, UnicodeDecodeError):
                pass
    return plaintext.decode(data, path)


# -- the generic archive page ---------------------------------------------------------------------


def read_archive_page(root: lxml.html.HtmlElement) -> Work:
    metadata = Metadata()
    body = body_of(root)
    title_pieces = _page_title_pieces(root)
    title_element = _title_element(body, title_pieces)
    if title_element is not None:
        metadata.title = element_text(title_element)
    elif title_pieces:
        # "Story Title - The Archive Name": the story's title usually comes first.
        metadata.title = title_pieces[0]
    byline_element, author = _byline(body, title_element)
    if author:
        metadata.authors = [author]
        # "Lesser Magics by Corrin Vey" in one heading: the title is what comes before the author.
        # Only the known author is cut off: "Killed by Death" is a title.
        if metadata.title and metadata.title.casefold().endswith(f" by {author}".casefold()):
            metadata.title = metadata.title[: -len(f" by {author}")].rstrip(" -:,") or metadata.title
    container = _story_container(body)
    builder = TextBuilder(skip=is_chrome)
    builder.skip_elements.extend(e for e in (title_element, byline_element) if e is not None)
    if container is not None:
        builder.add_element(container)
    return Work(
        text=finished(builder.text), metadata=metadata, emphasis=builder.emphasis, source_format="html"
    )


def is_chrome(element: lxml.html.HtmlElement) -> bool:
    """Page furniture: navigation, menus, footers, forms, and short blocks that are mostly links."""
    tag = local_tag(element)
    if tag in _CHROME_TAGS:
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}".strip()
    if marks and _CHROME_WORD.search(marks):
        return True
    if tag not in BLOCK_TAGS or tag in ("body", "html"):
        return False
    # text_content() is lxml's own (fast) text of the subtree; only lengths and keywords matter here.
    text = element.text_content().strip()
    length = len(text)
    if not length or length >= 400:
        return False
    links = list(element.iter("a"))
    link_length = sum(len(a.text_content().strip()) for a in links)
    if link_length / length > 0.5:
        return True
    if length < 300 and not _has_block_children(element):
        if links and _FOOTER_NAVIGATION.search(text):
            return True
        if _FOOTER_NOTICE.search(text) and not _DISCLAIMER.match(text):
            return True
    return False


def _has_block_children(element: lxml.html.HtmlElement) -> bool:
    return any(local_tag(child) in BLOCK_TAGS and local_tag(child) != "center" for child in element)


def _page_title_pieces(root: lxml.html.HtmlElement) -> list[str]:
    """The <title>'s pieces: "Rain Check :: Fiction :: Site" gives the three."""
    titles = root.xpath("//title")
    text = element_text(titles[0]) if titles else ""
    return [piece.strip() for piece in _TITLE_SEPARATORS.split(text) if piece.strip()]


_TITLE_CANDIDATE_TAGS = ("h1", "h2", "h3", "b", "strong", "font", "big", "center", "p", "div", "td", "span")


def _title_element(body: lxml.html.HtmlElement, title_pieces: list[str]) -> lxml.html.HtmlElement | None:
    """The element showing the story's title: the first short element whose text is one of the
    <title>'s pieces (the site's name and section are pieces too, but rarely stand alone in the
    page outside its navigation), else the first <h1> or <h2>."""
    wanted = {piece.casefold() for piece in title_pieces}
    if wanted:
        for element in body.iter(*_TITLE_CANDIDATE_TAGS):
            text = element_text(element)
            if text and len(text) <= 150 and text.casefold() in wanted and not _inside_chrome(element):
                return _outermost_with_same_text(element, text)
    for tag in ("h1", "h2"):
        for heading in body.iter(tag):
            text = element_text(heading)
            if (
                text
                and len(text) <= 150
                and not _CHAPTER_HEADING.match(text)
                and not is_chrome(heading)
                and not _inside_chrome(heading)
            ):
                return heading
    return None


def _outermost_with_same_text(element: lxml.html.HtmlElement, text: str) -> lxml.html.HtmlElement:
    # <center><font><b>Title</b></font></center>: leave out the whole wrapper, not just the <b>.
    while True:
        parent = element.getparent()
        if parent is None or local_tag(parent) in ("body", "html") or element_text(parent) != text:
            return element
        element = parent


def _inside_chrome(element: lxml.html.HtmlElement) -> bool:
    parent = element.getparent()
    while parent is not None:
        if is_chrome(parent):
            return True
        parent = parent.getparent()
    return False


def _byline(
    body: lxml.html.HtmlElement, title_element: lxml.html.HtmlElement | None
) -> tuple[lxml.html.HtmlElement | None, str | None]:
    """The element holding a "by X" line near the top, and X; else an author link's text."""
    checked = 0
    for element in body.iter():
        tag = local_tag(element)
        if tag not in BLOCK_TAGS and tag not in ("span", "font", "b", "i", "em", "strong"):
            continue
        # A cheap length test first: the page's big containers are never a byline.
        if len(element.text_content()) > 400:
            continue
        text = element_text(element)
        if not text or len(text) > 100:
            continue
        match = _BYLINE.match(text)
        if match and not _inside_chrome(element):
            return element, _clean_author(match.group(1))
        if tag in BLOCK_TAGS:
            checked += 1
            if checked > 40:
                break
    for link in body.iter("a"):
        href = link.get("href") or ""
        text = element_text(link)
        if text and _AUTHOR_HREF.search(href) and len(text) <= 60 and "@" not in text:
            return None, text
    return None, None


def _clean_author(value: str) -> str:
    value = re.sub(r"\s*[<(\[][^>)\]]*@[^>)\]]*[>)\]]\s*", " ", value)  # an address after the name
    return value.strip(" .,;:-")


def _story_container(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element that holds most of the page's running text (link text does not count); None
    when the page has no running text at all (an index, a page of links)."""
    scores: dict[int, int] = {}
    elements: dict[int, lxml.html.HtmlElement] = {}
    holders: dict[int, lxml.html.HtmlElement] = {}  # element id -> its holder, for its siblings
    for element in body.iter(lxml.etree.Element):
        tag = local_tag(element)
        if tag == "a" or tag in ("script", "style"):
            continue
        own = len((element.text or "").strip()) + sum(len((child.tail or "").strip()) for child in element)
        if not own:
            continue
        # Text directly in a <p> counts for the element holding the paragraphs; text set with
        # <br>s straight inside a <div> or <td> counts for that element itself.
        holder = element if tag in _HOLDER_TAGS else None
        if holder is None:
            parent = element.getparent()
            holder = holders.get(id(parent)) if parent is not None else None
            if holder is None:
                holder = element
                while holder is not None and local_tag(holder) not in _HOLDER_TAGS:
                    holder = holder.getparent()
                if holder is None:
                    holder = body
                if parent is not None:
                    holders[id(parent)] = holder
                    elements.setdefault(id(parent), parent)  # keeps the id valid while cached
        scores[id(holder)] = scores.get(id(holder), 0) + own
        elements[id(holder)] = holder
    if not scores:
        return None
    best = max(scores, key=lambda key: scores[key])
    container = elements[best]
    # Old pages split a story over sibling cells or divs: climb until the container holds most of it.
    total = sum(scores.values())
    held = scores[best]
    while held < 0.6 * total and container.getparent() is not None and container is not body:
        container = container.getparent()
        held = sum(score for key, score in scores.items() if _is_inside(elements[key], container))
    return container


def _is_inside(element: lxml.html.HtmlElement, ancestor: lxml.html.HtmlElement) -> bool:
    while element is not None:
        if element is ancestor:
            return True
        element = element.getparent()
    return False
