"""HTML (and EPUB's XHTML) to story text, keeping italics and bold as Emphasis spans.

The rules every HTML-based reader shares:

* block elements (``<p>``, ``<div>``, headings, list items, ...) become paragraphs separated by
  one blank line;
* ``<br>`` is a newline (two in a row make a blank line, as old archive pages write paragraphs);
* ``<hr>`` becomes a line ``* * *`` of its own, which the structure stage reads as a scene break;
* ``<i>``/``<em>``/``<cite>`` and ``<b>``/``<strong>`` are recorded as Emphasis spans whose offsets
  point into the produced text (the markup itself never reaches the text);
* runs of whitespace inside a paragraph collapse to one space, except inside ``<pre>``.

``TextBuilder`` is incremental so that a reader can add several chapters (or several EPUB files)
one after the other and note where each one starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import lxml.etree
import lxml.html

from fandex.work import Emphasis

SCENE_BREAK_LINE = "* * *"

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Never story text, wherever they appear.
SKIP_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "select",
        "option", "button", "input", "textarea", "svg", "math", "title", "meta", "link", "map",
    }
)  # fmt: skip
ITALIC_TAGS = frozenset({"i", "em", "cite", "var", "dfn"})
BOLD_TAGS = frozenset({"b", "strong"})

_SPACE_RUN = re.compile(r"[ \t\n\r\f\v\u200b]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# "&#146;" meant Windows-1252's right quote on the pages of the 1990s (browsers still read it so);
# taken literally it is an invisible control character.
_C1_REFERENCE = re.compile(r"&#(?:(1[2-5]\d)|[xX]([89][0-9a-fA-F]));")


def _windows_1252_reference(match: re.Match[str]) -> str:
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if not 0x80 <= code <= 0x9F:
        return match.group()
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return match.group()


def parse_html(markup: str) -> lxml.html.HtmlElement | None:
    """The document tree of ``markup``, or None when nothing can be made of it (never raises)."""
    # lxml refuses str input that carries its own encoding declaration (XHTML, EPUB files).
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if "&#" in markup:
        markup = _C1_REFERENCE.sub(_windows_1252_reference, markup)
    if not markup.strip():
        return None
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def body_of(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The document's <body>, or the root itself when there is none (a frameset, a fragment)."""
    body = root.find("body")
    return body if body is not None else root


def local_tag(element: lxml.html.HtmlElement) -> str:
    """The element's tag name, lower case, without an XML namespace; "" for comments and the like."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def element_text(element: lxml.html.HtmlElement) -> str:
    """The visible text of an element, whitespace collapsed (for metadata values, not story text)."""
    # The element itself is read even when it is of a skipped kind (an <option>, a <title>); its
    # tail is the text after it, not part of it.
    parts: list[str] = [element.text or ""] if local_tag(element) else []
    for child in element:
        _collect_text(child, parts)
    return _SPACE_RUN.sub(" ", "".join(parts)).strip()


def _collect_text(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = local_tag(element)
    if tag in SKIP_TAGS or not tag:
        if element.tail:
            parts.append(element.tail)
        return
    if tag == "br":
        parts.append("\n")
    elif tag in BLOCK_TAGS:
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
    if tag in BLOCK_TAGS:
        parts.append(" ")
    if element.tail:
        parts.append(element.tail)


class TextBuilder:
    """Accumulates story text from HTML elements; ``text`` and ``emphasis`` are the result."""

    def __init__(
        self,
        skip: Callable[[lxml.html.HtmlElement], bool] | None = None,
        handler: Callable[[lxml.html.HtmlElement], bool] | None = None,
    ) -> None:
        self._parts: list[str] = []
        self._length = 0
        # The text already written ends with: "" (nothing yet), "\n\n" (a paragraph end), "\n" or
        # " " (pending whitespace) or "x" (a visible character).
        self._pending_break = 0  # newlines owed before the next visible character (0, 1 or 2)
        self._pending_space = False
        self._emphasis: list[Emphasis] = []
        self._skip = skip
        # Called on each element before it is written; True means the handler wrote it itself
        # (a chapter heading that must open a Chapter).
        self.handler = handler
        # Particular elements to leave out (a page's title heading already taken as metadata);
        # held, not their ids, since lxml's element proxies are recreated once released.
        self.skip_elements: list[lxml.html.HtmlElement] = []
        self._pre_depth = 0

    # -- the result --------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def emphasis(self) -> list[Emphasis]:
        """Emphasis spans trimmed to their visible characters; empty ones dropped."""
        text = self.text
        spans: list[Emphasis] = []
        for span in self._emphasis:
            start, end = span.start, min(span.end, len(text))
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append(Emphasis(start=start, end=end, kind=span.kind))
        spans.sort(key=lambda s: (s.start, s.end))
        return spans

    @property
    def offset(self) -> int:
        """Where the next visible character will go (after any paragraph break still owed)."""
        if self._length == 0:
            return 0
        return (
            self._length + self._pending_break + (1 if self._pending_space and not self._pending_break else 0)
        )

    # -- adding -------------------------------------------------------------------------------

    def paragraph_break(self) -> None:
        if self._length:
            self._pending_break = 2
            self._pending_space = False

    def line_break(self) -> None:
        if self._length:
            # A second <br> in a row makes a blank line, i.e. a paragraph break.
            self._pending_break = min(self._pending_break + 1, 2)
            self._pending_space = False

    def add_line(self, line: str) -> tuple[int, int]:
        """A paragraph of its own (a chapter heading, a scene-break ornament); returns its span."""
        self.paragraph_break()
        start = self.offset
        self.add_inline(line)
        end = self._length
        self.paragraph_break()
        return start, end

    def add_inline(self, text: str) -> None:
        if not text:
            return
        if self._pre_depth:
            self._write_pre(text)
            return
        if text.isspace() and "\xa0" not in text:
            self._pending_space = True  # the usual newline between tags
            return
        collapsed = _SPACE_RUN.sub(" ", text)
        if collapsed.startswith(" "):
            self._pending_space = True
            collapsed = collapsed[1:]
        trailing = collapsed.endswith(" ")
        if trailing:
            collapsed = collapsed[:-1]
        if collapsed:
            self._write(collapsed)
        if trailing:
            self._pending_space = True

    def add_element(self, element: lxml.html.HtmlElement) -> None:
        """Add an element and everything inside it (its tail is the caller's business)."""
        self._walk(element, with_tail=False)

    def add_elements(self, elements: Iterable[lxml.html.HtmlElement]) -> None:
        for element in elements:
            self._walk(element, with_tail=False)

    # -- internals ----------------------------------------------------------------------------

    def _write(self, visible: str) -> None:
        if self._length:
            if self._pending_break:
                self._emit("\n" * self._pending_break)
            elif self._pending_space:
                self._emit(" ")
        self._pending_break = 0
        self._pending_space = False
        self._emit(visible)

    def _write_pre(self, text: str) -> None:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for index, line in enumerate(lines):
            if index:
                self.line_break()
                if not line.strip() and index < len(lines) - 1:
                    self.paragraph_break()
            if line.strip():
                self._write(line.rstrip())

    def _emit(self, chunk: str) -> None:
        self._parts.append(chunk)
        self._length += len(chunk)

    def _walk(self, element: lxml.html.HtmlElement, with_tail: bool = True) -> None:
        self._walk_inside(element)
        if with_tail and element.tail:
            self.add_inline(element.tail)

    def _walk_inside(self, element: lxml.html.HtmlElement) -> None:
        tag = local_tag(element)
        if (
            not tag
            or tag in SKIP_TAGS
            or any(element is skipped for skipped in self.skip_elements)
            or (self._skip is not None and self._skip(element))
            or (self.handler is not None and self.handler(element))
        ):
            return
        if tag == "br":
            self.line_break()
            return
        if tag == "hr":
            self.add_line(SCENE_BREAK_LINE)
            return
        if tag == "img":
            alt = (element.get("alt") or "").strip()
            # Old pages draw scene-break ornaments as images; only an ornament-like alt text is kept.
            if alt and not any(ch.isalnum() for ch in alt):
                self.add_line(SCENE_BREAK_LINE)
            return
        block = tag in BLOCK_TAGS
        if block:
            self.paragraph_break()
        if tag == "pre":
            self._pre_depth += 1
        kind = "italic" if tag in ITALIC_TAGS else "bold" if tag in BOLD_TAGS else None
        if kind is None and tag == "span":
            kind = _styled_kind(element.get("style") or "")
        start = self._length
        if element.text:
            self.add_inline(element.text)
        for child in element:
            self._walk(child)
        if kind is not None:
            # Trimmed to the visible characters when the result is read (see ``emphasis``).
            self._emphasis.append(Emphasis(start=start, end=self._length, kind=kind))  # type: ignore[arg-type]
        if tag == "pre":
            self._pre_depth -= 1
        if block:
            self.paragraph_break()


def _styled_kind(style: str) -> str | None:
    style = style.replace(" ", "").lower()
    if "font-style:italic" in style or "font-style:oblique" in style:
        return "italic"
    if "font-weight:bold" in style or "font-weight:700" in style:
        return "bold"
    return None


def html_to_text(
    elements: Iterable[lxml.html.HtmlElement],
    skip: Callable[[lxml.html.HtmlElement], bool] | None = None,
) -> tuple[str, list[Emphasis]]:
    """Story text and emphasis spans of ``elements`` (their tails are not included)."""
    builder = TextBuilder(skip=skip)
    builder.add_elements(elements)
    return builder.text, builder.emphasis


def finished(text: str) -> str:
    """The builder's text as a Work's text: no scene-break rule left dangling after the story (old
    pages close with an <hr> above their footer), one final newline; "" when there is no text.

    Only the end is trimmed, so every offset into the text stays valid."""
    text = text.rstrip()
    while text.endswith(SCENE_BREAK_LINE) and (
        len(text) == len(SCENE_BREAK_LINE) or text[: -len(SCENE_BREAK_LINE)].endswith("\n")
    ):
        text = text[: -len(SCENE_BREAK_LINE)].rstrip()
    return text + "\n" if text else ""
