"""fanfiction.net chapter pages, as saved from the site (the current layout and the older one).

``Work.text`` is the chapter's story text (``#storytext``) only: no menus, chapter selectors,
reviews or ads. Metadata: the title and the author's profile link from the story's profile block,
the rating ("Rated: Fiction T" -> rating_original "T", AO3 "Teen And Up Audiences"), language,
genres, characters and pairings as listed, words, dates, the fandom from the breadcrumb and the
chapter number and title from the chapter selector. The chapters layer holds the one chapter that
the page is, when the story has chapters.
"""

from __future__ import annotations

import re

import lxml.html

from fandex.ratings import to_ao3
from fandex.readers.htmltext import TextBuilder, element_text, finished
from fandex.work import Chapter, Metadata, Work

_RATING = re.compile(
    r"\bRated\s*:\s*(?:Fiction\s+)?(K\+|K|T|MA|M|NC-17|PG-13|PG|R|G)(?![\w+])", re.IGNORECASE
)
_PAGE_TITLE = re.compile(
    r"^(.*?)(?:\s+Chapter\s+\d+.*|,\s+an?\s+.+\s+fanfic.*|\s*\|\s*FanFiction.*)$", re.IGNORECASE
)
_BREADCRUMB_SEPARATORS = ("»", ">")
# What may stand between a story's bold title and its author link in the older layouts.
_AUTHOR_LEAD = re.compile(r"^\s*(?:by|author\s*:)?\s*$", re.IGNORECASE)
_AUTHOR_LINK_REACH = 4
_CHAPTER_OPTION = re.compile(r"^\s*(\d+)\s*\.\s*(.*?)\s*$")
_STAT_FIELD = re.compile(
    r"^(Chapters|Words|Reviews|Favs|Follows|Updated|Published|Status|id)\s*:\s*(.*)$", re.IGNORECASE
)
# fanfiction.net's genre names: general English words, the site's fixed list.
_GENRES = frozenset(
    {
        "adventure", "angst", "crime", "drama", "family", "fantasy", "friendship", "general",
        "horror", "humor", "hurt", "comfort", "mystery", "parody", "poetry", "romance", "sci-fi",
        "spiritual", "supernatural", "suspense", "tragedy", "western",
    }
)  # fmt: skip


def is_ffnet(root: lxml.html.HtmlElement, markup: str) -> bool:
    if root.xpath("//*[@id='storytext' or @id='storycontent'] | //*[contains(@class, 'storytext')]"):
        return True
    head = markup[:30000].lower()
    return "fanfiction.net" in head and bool(root.xpath("//select"))


def read_document(root: lxml.html.HtmlElement) -> Work:
    metadata = Metadata()
    profile = _first(root.xpath("//*[@id='profile_top']"))
    scope = profile if profile is not None else root
    metadata.title = _title(root, profile)
    author = _first(scope.xpath(".//a[starts-with(@href, '/u/') or contains(@href, 'fanfiction.net/u/')]"))
    if author is not None and element_text(author):
        metadata.authors = [element_text(author)]
    _read_details(scope, metadata)
    fandom = _fandom(root)
    if fandom:
        metadata.declared_tags.fandoms = [fandom]
        metadata.fields["fandom"] = fandom
    summary = _first(scope.xpath(".//div[contains(@class, 'xcontrast_txt') and not(.//a)]"))
    if summary is not None and profile is not None and element_text(summary):
        metadata.summary = element_text(summary)

    story = _first(root.xpath("//*[@id='storytext'] | //*[@id='storycontent']"))
    if story is None:
        story = _first(root.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' storytext ')]"))
    builder = TextBuilder()
    if story is not None:
        builder.add_element(story)
    text = builder.text
    text = finished(text)
    work = Work(text=text, metadata=metadata, emphasis=builder.emphasis, source_format="ffnet-html")

    number, chapter_title = _selected_chapter(root)
    if number is not None:
        metadata.chapter = number
        if text:
            work.chapters = [Chapter(start=0, end=len(text.rstrip()), number=number, title=chapter_title)]
    return work


def _title(root: lxml.html.HtmlElement, profile: lxml.html.HtmlElement | None) -> str | None:
    if profile is not None:
        bold = _first(profile.xpath(".//b"))
        if bold is not None and element_text(bold):
            return element_text(bold)
    # The older layouts: "<b>Title</b> by <a href='/u/...'>Author</a>", "<b>Title</b> <hr>
    # Author: <a href='/u/...'>", or the breadcrumb "Books » Fandom » <b>Title</b>".
    for bold in root.xpath("//b"):
        if element_text(bold) and (_ends_breadcrumb(bold) or _precedes_author_link(bold)):
            return element_text(bold)
    titles = root.xpath("//title")
    if not titles:
        return None
    text = element_text(titles[0])
    if " - " in text and "fanfiction.net" in text.lower():
        # "FanFiction.Net - Fandom - Title" or "Title Chapter 3, a Fandom fanfic - FanFiction.Net":
        # the pieces that are not the site; the last one, without its chapter and fandom suffix.
        pieces = [piece for piece in text.split(" - ") if "fanfiction" not in piece.lower()]
        if not pieces:
            return None
        text = pieces[-1].strip()
    match = _PAGE_TITLE.match(text)
    return (match.group(1) if match else text).strip() or None


def _ends_breadcrumb(bold: lxml.html.HtmlElement) -> bool:
    """``bold`` is the last step of a "Category » Fandom » Title" breadcrumb."""
    previous = bold.getprevious()
    if previous is None or previous.tag != "a":
        return False
    return (previous.tail or "").strip().endswith(_BREADCRUMB_SEPARATORS)


def _precedes_author_link(bold: lxml.html.HtmlElement) -> bool:
    """``bold`` is followed, within a few siblings and with nothing but "by" or "Author:" between,
    by the link to the author's profile."""
    between = bold.tail or ""
    for sibling in list(bold.itersiblings())[:_AUTHOR_LINK_REACH]:
        if sibling.tag == "a":
            href = sibling.get("href") or ""
            is_profile = href.startswith("/u/") or "fanfiction.net/u/" in href
            return is_profile and bool(_AUTHOR_LEAD.match(between))
        if sibling.tag not in ("hr", "br", "img", "span"):
            return False
        between += sibling.tail or ""
    return False


def _read_details(scope: lxml.html.HtmlElement, metadata: Metadata) -> None:
    """The " - "-separated detail line: "Rated: Fiction T - English - Romance/Drama - Buffy S., Spike - Words: 2,000"."""
    # The innermost element holding "Rated:" is the detail line itself, not the whole profile block.
    candidates = [
        text
        for element in scope.iter("span", "div", "td", "font", "p")
        if _RATING.search(text := element_text(element)) and len(text) < 1000
    ]
    if not candidates:
        return
    details = min(candidates, key=len)
    rating = _RATING.search(details)
    if rating:
        metadata.rating_original = rating.group(1).upper()
        metadata.declared_tags.rating = to_ao3(rating.group(1))
    metadata.fields["details"] = details
    pieces = [piece.strip() for piece in re.split(r"\s+-\s+", details[rating.end() :] if rating else details)]
    unlabelled: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        stat = _STAT_FIELD.match(piece)
        if stat:
            key, value = stat.group(1).lower(), stat.group(2).strip()
            metadata.fields[key] = value
            if key == "words":
                digits = re.sub(r"[^\d]", "", value)
                metadata.words_declared = int(digits) if digits else None
            elif key == "published":
                metadata.published = value
            elif key == "updated":
                metadata.updated = value
            continue
        unlabelled.append(piece)
    # Unlabelled pieces in the site's order: language, then genres, then characters.
    if unlabelled and not _is_genre_list(unlabelled[0]) and " " not in unlabelled[0].strip():
        metadata.language = unlabelled.pop(0)
    if unlabelled and _is_genre_list(unlabelled[0]):
        metadata.fields["genre"] = unlabelled.pop(0)
    if unlabelled:
        _read_characters(unlabelled[0], metadata)


def _is_genre_list(piece: str) -> bool:
    words = [word.strip().lower() for word in piece.split("/") if word.strip()]
    return bool(words) and all(word in _GENRES for word in words)


def _read_characters(piece: str, metadata: Metadata) -> None:
    metadata.fields["characters"] = piece
    tags = metadata.declared_tags
    for pairing in re.findall(r"\[([^\]]+)\]", piece):
        names = [name.strip() for name in pairing.split(",") if name.strip()]
        if len(names) >= 2:
            tags.relationships.append("/".join(names))
    for name in re.split(r"[,\[\]]", piece):
        name = name.strip()
        if name and name not in tags.characters:
            tags.characters.append(name)


def _fandom(root: lxml.html.HtmlElement) -> str | None:
    crumbs = root.xpath("//*[@id='pre_story_links']//a")
    if crumbs:
        return element_text(crumbs[-1]) or None
    # The older layout: a category link path like /tv/Buffy-The-Vampire-Slayer/ near the top.
    for link in root.iter("a"):
        href = link.get("href") or ""
        if re.match(
            r"^(?:https?://[^/]*fanfiction\.net)?/(?:anime|book|cartoon|comic|game|misc|movie|play|tv)/[^/]+/?$",
            href,
        ):
            return element_text(link) or None
    return None


def _selected_chapter(root: lxml.html.HtmlElement) -> tuple[int | None, str | None]:
    selects = root.xpath(
        "//select[@id='chap_select'] | //select[contains(translate(@title, 'C', 'c'), 'chapter')]"
    )
    if not selects:
        selects = root.xpath("//select[@name='chapter']")
    if not selects:
        return None, None
    options = selects[0].xpath(".//option")
    chosen = _first([option for option in options if option.get("selected") is not None])
    if chosen is None and options:
        chosen = options[0]
    if chosen is None:
        return None, None
    label = element_text(chosen)
    match = _CHAPTER_OPTION.match(label)
    value = chosen.get("value") or ""
    number = int(value) if value.isdigit() else int(match.group(1)) if match else None
    title = match.group(2) if match else label or None
    return number, title or None


def _first(items: list) -> lxml.html.HtmlElement | None:
    return items[0] if items else None
