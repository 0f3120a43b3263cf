"""Usenet and mailing-list posts: an RFC-822 header block, then the post.

The headers are metadata, never story: the Subject gives the title, the part ("1/7", "(2/5)",
"Part 2 of 5") and a rating in brackets; From gives the author when the post has no byline of its
own; Date is the publication date; every raw header is kept in ``metadata.fields`` (lower-cased
name -> value).

``Work.text`` is the post's own body: the header block, a quoted reply at the top (">" lines and
the "X wrote:" line introducing them), the signature (everything after the last "-- " line) and
closing posting chatter (a last short paragraph asking for feedback or granting archive
permission) are left out; the rest is kept exactly, line by line. Labelled lines inside the body
("Title:", "Rating:") stay in the text for the header stage, which fills only what is still empty.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from fandex.ratings import to_ao3
from fandex.readers import plaintext
from fandex.work import Metadata, Work

# Header names that only mail and news software writes; a fic's own "Title:"/"Author:" block never
# uses them, which is how a post is told from a labelled story header.
_TRANSPORT_HEADERS = frozenset(
    {
        "from", "newsgroups", "path", "message-id", "date", "subject", "organization", "lines",
        "references", "xref", "nntp-posting-host", "nntp-posting-date", "reply-to", "sender",
        "to", "cc", "mime-version", "content-type", "content-transfer-encoding", "in-reply-to",
        "approved", "x-newsreader", "x-mailer", "user-agent", "followup-to", "distribution",
        "return-path", "received", "x-trace", "x-complaints-to", "list-id", "delivered-to",
        "mailing-list", "precedence", "x-original-to", "article", "keywords", "summary",
    }
)  # fmt: skip
# Headers only news and mail transport writes (From and Subject can open a story in letters).
_STRONG_HEADERS = frozenset(
    {"newsgroups", "path", "message-id", "xref", "nntp-posting-host", "received", "list-id"}
)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]*(.*)$")
_LEADER_LINE = re.compile(r"^(?:From \S+.*|Article \d+ of \S+.*)$")  # mbox "From " line, newsreader dumps
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
_MAX_BARE_SIGNATURE_CHARS = 600
# A mailing list's footer: a rule, then the list's name or how to leave it.
_LIST_FOOTER = re.compile(
    r"^(?:_{10,}|-{10,}|={10,}|~{10,})[ \t]*\n(?:.*\n){0,2}?.*\b(?:mailing list|unsubscribe|yahoo! ?groups|listserv)\b",
    re.IGNORECASE | re.MULTILINE,
)
_ATTRIBUTION = re.compile(r"(?:\bwrote|\bwrites|\bsaid)\s*:\s*$", re.IGNORECASE)
_CHATTER = re.compile(
    r"\b(?:feedback|comments?\s+(?:are\s+)?(?:welcome|appreciated|please)|c\s*&\s*c|"
    r"archive[sd]?\b.*\b(?:ask|permission|welcome|fine|ok)|(?:ask|permission)\b.*\barchive|"
    r"let me know what you think|"
    r"(?:send|e-?mail)\s+(?:me|it)\b)",
    re.IGNORECASE,
)

# Subject parsing: prefixes, parts, ratings.
_REPLY_PREFIX = re.compile(r"^\s*(?:re|fwd?|aw)\s*:\s*", re.IGNORECASE)
_KIND_PREFIX = re.compile(
    r"^\s*(?:\[[^\]]{1,30}\]\s*|(?:new|fic|ficlet|drabble|story|repost|btvs|ats|ann(?:ounce)?|"
    r"update|complete|wip)(?:\s+(?:fic|ficlet|story))?\s*[:\-]\s*)",
    re.IGNORECASE,
)
_PART_PATTERNS = (
    re.compile(r"[\(\[{]?\bpart\s+(\d+)\s*(?:of|/)\s*(\d+|\?)[\)\]}]?", re.IGNORECASE),
    re.compile(r"[\(\[{]?\b(?:part|chapter|ch\.?)\s+(\d+)\b[\)\]}]?", re.IGNORECASE),
    re.compile(r"[\(\[{]\s*(\d+)\s*(?:/|of)\s*(\d+|\?)\s*[\)\]}]", re.IGNORECASE),
    re.compile(r"(?<![\w/])(\d+)\s*(?:/|\bof\b)\s*(\d+|\?)(?![\w/])", re.IGNORECASE),
)
_RATING_WORDS = r"(?:g|pg|pg-?13|r|nc-?17|nc17|x|xxx|k\+?|t|m|ma|gen|mature|explicit|teen|adult)"
_RATING_PATTERNS = (
    re.compile(
        r"[\(\[{]\s*(?:rated\s*:?\s*|rating\s*:?\s*)?(" + _RATING_WORDS + r")\s*[\)\]}]", re.IGNORECASE
    ),
    re.compile(r"\b(?:rated|rating)\s*:?\s*(" + _RATING_WORDS + r")\b", re.IGNORECASE),
    # A bare rating closing the subject ("Title 3/? NC-17"): only the unmistakable spellings.
    re.compile(r"(?<=\s)(NC-?17|PG-?13|PG|R|G)\s*$"),
)
_SUBJECT_BY = re.compile(r"^(.+?)\s+by\s+([^\s,;:()\[\]][^,;:()\[\]]{0,40})$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:by|author\s*:|written by)\s+\S", re.IGNORECASE)
_BYLINE_LABEL = re.compile(r"^\s*(?:author|by|written by)\s*:\s*\S", re.IGNORECASE)


def looks_like_post(text: str) -> bool:
    """True when ``text`` starts with a mail or news header block."""
    headers, _ = _split_headers(text)
    names = {name.lower() for name, _ in headers}
    known = names & _TRANSPORT_HEADERS
    if len(known) < 2 or len(known) * 2 < len(names):
        return False
    if names & _STRONG_HEADERS:
        return True
    # Only From/To/Subject/Date: a real message has an address and a date; an epistolary story
    # opening "From: Buffy / To: Willow / Subject: Tonight" has neither.
    sender = next((value for name, value in headers if name.lower() == "from"), "")
    return "@" in sender and "date" in names


def read(data: bytes, path: Path) -> Work:
    text = plaintext.decode(data, path)
    return from_string(text, source=str(path))


def from_string(text: str, source: str | None = None) -> Work:
    headers, body_offset = _split_headers(text)
    fields: dict[str, str] = {}
    for name, value in headers:
        key = name.lower()
        fields[key] = f"{fields[key]} {value}" if key in fields else value
    body = _decode_transfer_encoding(text[body_offset:], fields)
    story = _own_words(body)
    metadata = Metadata(fields=fields)
    _metadata_from_subject(metadata, fields.get("subject", ""))
    if not _has_byline(story):
        author = metadata.fields.get("subject author") or _author_from(fields.get("from", ""))
        if author:
            metadata.authors = [author]
    metadata.published = _iso_date(fields.get("date"))
    return Work(text=story, metadata=metadata, source=source, source_format="usenet")


# -- headers ------------------------------------------------------------------------------------


def _split_headers(text: str) -> tuple[list[tuple[str, str]], int]:
    """The header block at the top of ``text`` and the offset of the body after it."""
    headers: list[tuple[str, str]] = []
    offset = 0
    first = True
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if first and not stripped.strip():
            offset += len(line)  # blank lines before the headers
            continue
        if first and _LEADER_LINE.match(stripped):
            first = False
            offset += len(line)
            continue
        first = False
        if not stripped.strip():
            offset += len(line)
            return headers, offset
        match = _HEADER_LINE.match(stripped)
        if match:
            headers.append((match.group(1), match.group(2).strip()))
        elif stripped[:1] in (" ", "\t") and headers:
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {stripped.strip()}")
        else:
            return ([], 0) if len(headers) < 2 else (headers, offset)
        offset += len(line)
        if len(headers) > 200:
            break
    return headers, offset


def _decode_transfer_encoding(body: str, fields: dict[str, str]) -> str:
    encoding = fields.get("content-transfer-encoding", "").strip().lower()
    if encoding not in ("quoted-printable", "base64"):
        return body
    charset_match = re.search(r'charset="?([\w.-]+)', fields.get("content-type", ""), re.IGNORECASE)
    if encoding == "base64":
        try:
            raw = base64.b64decode("".join(body.split()), validate=False)
        except (ValueError, binascii.Error):
            return body
    else:
        raw = quopri.decodestring(body.encode("latin-1", errors="replace"))
    try:
        decoded = raw.decode(charset_match.group(1) if charset_match else "cp1252")
    except (LookupError, UnicodeDecodeError):
        decoded = raw.decode("cp1252", errors="replace")
    return plaintext.normalize(decoded)


def _author_from(value: str) -> str | None:
    """'"Kat" <kat@example.org>' and 'kat@example.org (Kat)' both give Kat; a bare address its name."""
    if not value:
        return None
    comment = re.search(r"\(([^()]+)\)\s*$", value)
    if comment and "@" in value.split("(")[0]:
        return comment.group(1).strip() or None
    name, address = parseaddr(value)
    name = name.strip().strip('"').strip()
    if name:
        return name
    if address:
        return address.split("@", 1)[0] or None
    return value.strip() or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return value.strip() or None


def _metadata_from_subject(metadata: Metadata, subject: str) -> None:
    rest = _REPLY_PREFIX.sub("", subject).strip()
    for _ in range(3):
        stripped = _KIND_PREFIX.sub("", rest, count=1).strip()
        if stripped == rest:
            break
        rest = stripped
    for pattern in _RATING_PATTERNS:
        match = pattern.search(rest)
        if match:
            metadata.rating_original = match.group(1)
            metadata.declared_tags.rating = to_ao3(match.group(1))
            rest = (rest[: match.start()] + " " + rest[match.end() :]).strip()
            break
    for pattern in _PART_PATTERNS:
        match = pattern.search(rest)
        if not match:
            continue
        metadata.part = int(match.group(1))
        metadata.part_label = match.group(1)
        total = match.group(2) if match.lastindex and match.lastindex >= 2 else None
        metadata.parts_total = int(total) if total and total.isdigit() else None
        before, after = rest[: match.start()].strip(), rest[match.end() :].strip(" :-")
        # "Title 2/5" keeps what stands before the part; "Part 2: Title" what follows it.
        rest = before if before.strip(" -:,;([{") else after
        break
    title = re.sub(r"\s+", " ", rest).strip(" -:,;([{")
    title = re.sub(r"[\s\-:,;]*\((?:\s*)\)$", "", title).strip()
    # "Dust by Kat": the poster named the author in the subject.
    by = _SUBJECT_BY.match(title)
    if by:
        title = by.group(1).strip(" -:,;")
        metadata.fields["subject author"] = by.group(2).strip()
    if title:
        metadata.title = title


# -- the body -------------------------------------------------------------------------------------


def _own_words(body: str) -> str:
    """The post body without quoted reply, signature and closing chatter (see the module doc)."""
    footer = _LIST_FOOTER.search(body)
    if footer:
        body = body[: footer.start()]
    signatures = list(_SIGNATURE.finditer(body))
    if signatures:
        last = signatures[-1]
        rest = body[last.end() :]
        # "-- " is the signature delimiter; a bare "--" (some software strips the space) could
        # also be a story's own separator, so it only counts before a signature-sized remainder.
        if last.group().endswith(" ") or (
            len(rest) <= _MAX_BARE_SIGNATURE_CHARS and len([ln for ln in rest.split("\n") if ln.strip()]) <= 8
        ):
            body = body[: last.start()]
    lines = body.split("\n")
    # A reply's quotation at the top: the attribution line, then quoted lines and blanks.
    index = 0
    if lines and _ATTRIBUTION.search(lines[0]) and len(lines) > 1:
        index = 1
    while index < len(lines) and (lines[index].startswith(">") or (not lines[index].strip() and index)):
        index += 1
    if index and any(line.startswith(">") for line in lines[:index]):
        lines = lines[index:]
    text = "\n".join(lines)
    text = _drop_closing_chatter(text)
    return text.strip("\n").rstrip() + "\n" if text.strip() else ""


def _drop_closing_chatter(text: str) -> str:
    # Only the last one or two short paragraphs are candidates; the story itself is never cut.
    for _ in range(2):
        stripped = text.rstrip()
        cut = stripped.rfind("\n\n")
        if cut < 0:
            return text
        last = stripped[cut + 2 :]
        if len(last) > 300 or not _CHATTER.search(last):
            return text
        text = stripped[:cut]
    return text


def _has_byline(story: str) -> bool:
    head = [line for line in story.split("\n")[:15] if line.strip()][:8]
    return any(_BYLINE.match(line) or _BYLINE_LABEL.match(line) for line in head)
