"""Header metadata: labelled fields, bylines, part numbers, ratings, and where the story begins.

The header is read block by block from ``metadata.body_start`` (0 unless a reader already placed
it); a block is a run of non-blank lines. Each block is header matter or the story itself, and the
first story block ends the header:

* a block that starts with a label ("Title:", "Rated:", "A/N:" ...) holds labelled fields, one per
  line or several run together on one line; unlabelled lines continue the field before them;
* a byline ("by Kat", "Written by: Kat"), and at the very top an unlabelled title: a short line
  followed by a byline, or an ALL-CAPS or centred line, optionally followed by a line holding
  just the author's name;
* unlabelled disclaimers, thanks, feedback requests and author's notes, recognised by their
  wording, and separator lines between the header and the story.

A chapter heading ("Chapter 1", "Prologue") is never header matter: the structure stage needs it.

Story on the same line as its header. When all line breaks were lost, the last labelled value on
the line runs on into the story. That value ends at the first sentence end followed by

1. a point-of-view heading: a bare capitalised word (the narrator's name) directly followed by a
   capitalised word that can only start a sentence (a pronoun, determiner, conjunction, common
   adverb or preposition): "...she had left... Spike Before you condemn me";
2. an opening quotation mark: the story opens with dialogue;

and, failing both, after ``_MAX_RUN_ON_SENTENCES`` sentences, since no note or summary written on a
header line runs longer than a few sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fandex.markers import (
    DIALOGUE_OPEN_RE,
    SENTENCE_END_RE,
    SENTENCE_STARTERS,
    is_ornament,
    is_pov_heading_at,
    parse_heading,
)
from fandex.numbering import NUMBER_PATTERN, parse_number
from fandex.options import Options
from fandex.ratings import to_ao3
from fandex.work import Metadata, Work

# ---------------------------------------------------------------- labels

# Canonical field name -> the spellings of its label (regex alternatives, matched case-insensitively).
_LABEL_SPELLINGS: dict[str, tuple[str, ...]] = {
    "title": (r"title", r"story\s+title", r"story\s+name", r"fic\s+title"),
    "author": (
        r"authors?",
        r"author'?s?\s+name",
        r"written\s+by",
        r"writers?",
        r"pen\s*name",
        r"by",
    ),
    "rating": (r"ratings?", r"rated"),
    "pairing": (r"pairings?", r"relationships?", r"ships?"),
    "characters": (r"characters?", r"chars?", r"main\s+characters?"),
    "fandom": (r"fandoms?", r"crossover"),
    "category": (r"categor(?:y|ies)",),
    "genre": (r"genres?",),
    "warnings": (r"(?:archive\s+|content\s+|trigger\s+)?warnings?",),
    "summary": (r"summary", r"summaries", r"synopsis", r"description", r"blurb"),
    "disclaimer": (r"disclaimers?",),
    "spoilers": (r"spoilers?(?:\s+warnings?)?",),
    "notes": (
        r"notes?",
        r"a/ns?",
        r"an",
        r"author'?s'?\s+notes?",
        r"authors?\s+notes?",
        r"story\s+notes?",
    ),
    "feedback": (r"feedback", r"comments", r"reviews?"),
    "archive": (r"archiv(?:e|ing|ed)",),
    "distribution": (r"distribution", r"distribute"),
    "status": (r"status",),
    "words": (r"word\s*count", r"words", r"length"),
    "dedication": (r"dedications?", r"dedicated\s+to"),
    "beta": (r"beta(?:'?d|ed)?(?:\s+by)?", r"beta[\s-]*readers?", r"betas"),
    "series": (r"series",),
    "timeline": (r"time\s*line", r"time\s*frame", r"setting"),
    "part": (r"parts?",),
    "chapter": (r"chapters?",),
    "email": (r"e-?mail", r"contact"),
    "date": (r"date", r"posted", r"first\s+posted", r"written"),
    "keywords": (r"key\s*words", r"tags"),
}

# Labels need ":", "=" or a spaced dash after them. A line opening with "by" is a byline, read by
# _BYLINE_RE whether or not a colon follows; inside a run-together line "By:" is a label.
_LABEL_ALTERNATIVES = "|".join(
    f"(?P<{name}>{'|'.join(spellings)})" for name, spellings in _LABEL_SPELLINGS.items()
)
# A label at the start of a line: "Title:", "RATING -", "Author's Notes =".
_LINE_LABEL_RE = re.compile(
    rf"[ \t]*[*_\[(]*(?:{_LABEL_ALTERNATIVES})[*_\]]*[ \t]*(?::|=|[ \t]+[-–—][ \t])[*_]*[ \t]*",
    re.IGNORECASE,
)
# A label inside a line of run-together fields: it must be capitalised ("Notes:", "NOTES:") so
# that an ordinary word followed by a colon inside a summary is not taken for one.
_INLINE_LABEL_RE = re.compile(
    rf"(?<![\w'’/])(?=[A-Z])(?:{_LABEL_ALTERNATIVES})[*_\]]*[ \t]*(?::|=)[*_]*[ \t]*", re.IGNORECASE
)
_BARE_RATING_RE = re.compile(
    r"[ \t]*(?P<label>rated|rating)[ \t]+(?P<value>\S.{0,40}?)[ \t]*$", re.IGNORECASE
)
# A byline on its own line: "by Kat", "Written by: Kat", "~ by Kat ~".
_BYLINE_RE = re.compile(
    r"^[ \t]*[~\-–—*_(\[]*[ \t]*(?:written[ \t]+)?by[ \t]*:?[ \t]+(?P<name>\S.{0,80}?)[ \t]*[~\-–—*_)\]]*[ \t]*$",
    re.IGNORECASE,
)
# The "By PNS" of "Title: Inside the Pain (2 of?) By PNS": a capitalised By inside a title value.
# The most words of a title ending in "!" or "?" ("Stuck!"); longer, such a line is a sentence.
_MAX_EXCLAIMED_TITLE_WORDS = 6
_TITLE_BY_RE = re.compile(r"[ \t]+By[ \t]+(?=\S)")
_TITLE_LOWER_BY_RE = re.compile(r"[ \t]+by[ \t]+(?=[A-Z0-9])")

# Multi-line values: these fields take the unlabelled lines that follow them in the same block.
_PROSE_FIELDS = {
    "summary",
    "notes",
    "disclaimer",
    "spoilers",
    "feedback",
    "archive",
    "distribution",
    "dedication",
    "warnings",
    "pairing",
    "characters",
    "genre",
    "category",
    "fandom",
    "keywords",
    "timeline",
}

# ---------------------------------------------------------------- unlabelled header matter

# Disclaimer wording, specific enough that a story's opening ("She didn't own a car") is no match.
_DISCLAIMER_WORDING_RE = re.compile(
    r"\b(?:(?:don'?t|do\s+not|doesn'?t|does\s+not|never)\s+own\s+"
    r"(?:them|it|any|anything|nothing|the\s+characters|these|this|him|her|the\s+show)\b|"
    r"(?:characters?|they|them|all|these|everything|everyone)\b[^.\n]{0,40}\bbelongs?\s+to|"
    r"property\s+of|not\s+mine|no\s+(?:copyright\s+)?infringement|(?:making|make)\s+no\s+(?:money|profit)|"
    r"no\s+money\s+is\s+being\s+made|copyright|©)",
    re.IGNORECASE,
)
_NOTE_OPENING_RE = re.compile(
    r"^[ \t]*(?:[*_~\-(\[]+[ \t]*)?(?:thanks|thank\s+you|many\s+thanks|special\s+thanks|dedicated\s+to|"
    r"this\s+is\s+(?:my|a)\s+(?:first|response|sequel|companion)|please\s+(?:review|r\s*&\s*r|r/r|"
    r"send\s+feedback|leave)|r\s*&\s*r|feedback\s+(?:is|would|welcome|please)|comments?\s+(?:are|welcome)|"
    r"reviews?\s+(?:are|would|welcome)|spoilers?\s+for|written\s+for|sequel\s+to|"
    r"a\s+response\s+to|for\s+the\s+.{0,40}challenge|author'?s?\s+notes?\b|a/n\b)",
    re.IGNORECASE,
)
_CHAPTER_HEADING_RE = re.compile(
    rf"^[ \t]*[\[(~*#=\-]*[ \t]*(?:chapter|prologue|epilogue|interlude|part[ \t]+{NUMBER_PATTERN}\b[ \t]*$)",
    re.IGNORECASE,
)
# ---------------------------------------------------------------- author's matter in the body

# A paragraph labelled as the author's: "A/N:", "(AN: ...)", "Author's note -", "Notes:", "Disclaimer:".
# "Note" needs its colon right after it, so "Note to self: ..." and "Notes were passed" stay story.
_MATTER_LABEL_RE = re.compile(
    r"^[ \t]*[*_~\-(\[]*[ \t]*(?P<label>a/ns?|an|author'?s'?[ \t]+notes?|authors?[ \t]+notes?|"
    r"(?:end[ \t]+|chapter[ \t]+)?notes?|disclaimers?)[ \t]*[*_]*[ \t]*(?::|[-–—][ \t])[ \t]*[*_]*",
    re.IGNORECASE,
)
# A closing mark standing alone: "TBC", "To be continued...", "The End", "Fin", "End of chapter 3",
# "Continued in part 4".
_END_MARK_RE = re.compile(
    r"[\W_]*(?:t\.?[ \t]*b\.?[ \t]*c\.?|to[ \t]+be[ \t]+continued|continued[ \t]+in[ \t]+.{1,60}|"
    r"(?:the[ \t]+)?end(?:[ \t]+of[ \t]+(?:chapter|part|story)(?:[ \t]+[\w.]{1,12})?)?|fin|finis|owari)[\W_]*",
    re.IGNORECASE,
)
# A request for feedback: "Please review!", "Review please :)", "Reviews are love", "R&R", "Feedback is love".
_FEEDBACK_RE = re.compile(
    r"^[\W_]*(?:please[ \t]+(?:review|r[ \t]*&[ \t]*r|r/r|read[ \t]+and[ \t]+review|leave[ \t]+a[ \t]+review|"
    r"send[ \t]+feedback|comment)|reviews?[ \t]+(?:please|are|would|make|welcome)|r[ \t]*&[ \t]*r|"
    r"read[ \t]+(?:and|&)[ \t]+review|feedback[ \t]+(?:is|please|welcome|would|makes)|"
    r"comments?[ \t]+(?:are|please|welcome|would|make)|kudos[ \t]+(?:and|&|are|please))\b",
    re.IGNORECASE,
)
# Thanks and dedications count only when they speak of the writing ("Thanks to my beta", "Thanks for
# reading"): "Thanks to the storm, the road was closed" is story.
_THANKS_RE = re.compile(
    r"^[\W_]*(?:thanks|thank[ \t]+you|many[ \t]+thanks|special[ \t]+thanks|dedicated[ \t]+to)\b",
    re.IGNORECASE,
)
_WRITING_WORD_RE = re.compile(
    r"\b(?:beta(?:s|'?d|[ \t]+readers?)?|betaing|reviews?|reviewers?|reviewing|readers?|reading|feedback|"
    r"comments?|kudos|chapters?|fic|fics|fanfic|story|stories|updates?|updating|favou?rites?|follows?|"
    r"alerts?)\b",
    re.IGNORECASE,
)
# Unlabelled disclaimers inside the body need stronger wording than at the top of a text: a chapter
# may well end "Everything here belongs to the Council now." or "The choice was not mine."
_BODY_DISCLAIMER_RE = re.compile(
    r"\b(?:(?:don'?t|do\s+not|doesn'?t|does\s+not)\s+own\s+(?:any\s+of\s+)?(?:them|anything|the\s+characters|"
    r"these\s+characters|the\s+show)\b|characters?\b[^.\n]{0,40}\bbelongs?\s+to|no\s+(?:copyright\s+)?infringement|"
    r"(?:making|make)\s+no\s+(?:money|profit)|no\s+money\s+is\s+being\s+made|copyright|©)",
    re.IGNORECASE,
)
# Longer than this, a paragraph is story even when it opens like a note.
_MATTER_MAX_CHARS = 1500
_DISCLAIMER_MAX_CHARS = 600


def author_matter_kind(paragraph: str) -> str | None:
    """What kind of author's matter a body paragraph is: "note", "disclaimer", "end" or None (story).

    Conservative: a paragraph that opens with a quotation mark is dialogue, and only a labelled
    note, disclaimer wording, a closing mark standing alone, a feedback request at the paragraph's
    start, or thanks that speak of the writing count. A story line that merely mentions a review or
    opens with "Note" without its colon stays story.
    """
    stripped = paragraph.strip()
    if not stripped or len(stripped) > _MATTER_MAX_CHARS or stripped[0] in "\"“'‘":
        return None
    label = _MATTER_LABEL_RE.match(stripped)
    if label:
        return "disclaimer" if label.group("label").lower().startswith("disclaimer") else "note"
    if len(stripped) <= 80 and _END_MARK_RE.fullmatch(stripped):
        return "end"
    if _FEEDBACK_RE.match(stripped):
        return "note"
    if _THANKS_RE.match(stripped) and _WRITING_WORD_RE.search(stripped):
        return "note"
    if len(stripped) <= _DISCLAIMER_MAX_CHARS and _BODY_DISCLAIMER_RE.search(stripped):
        return "disclaimer"
    return None


def author_matter_value(paragraph: str) -> str:
    """The note or disclaimer a paragraph states, without its label, on one line."""
    stripped = paragraph.strip()
    label = _MATTER_LABEL_RE.match(stripped)
    if label:
        stripped = stripped[label.end() :]
        if paragraph.strip()[:1] in "([" and stripped.endswith((")", "]")):
            stripped = stripped[:-1]
    return " ".join(stripped.split())


# Titles and authors stated only in a disclaimer: "this story, 'Title', was written by X".
_DISCLAIMER_TITLE_RE = re.compile(
    r"[\"“'‘](?P<title>[^\"”'’\n]{2,80})[\"”'’][ \t,]*(?:was|is|has\s+been)\s+(?:written|created|penned)\s+by\s+"
    r"(?P<author>[A-Z0-9][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){0,3})",
)
_WRITTEN_BY_RE = re.compile(
    r"\b(?:story|fic|fiction|piece)\b[^.\n]{0,40}?\bwritten\s+by\s+"
    r"(?P<author>[A-Z0-9][\w.\-]*(?:[ \t]+[A-Z][\w.\-]*){0,3})"
)

# ---------------------------------------------------------------- part and chapter numbering

_TOTAL = r"(?P<total>\d{1,4}|\?|" + NUMBER_PATTERN + r")"
_PART = r"(?P<part>" + NUMBER_PATTERN + r")"
# Each pattern matches a numbering suffix at the end of a title, or a whole "Part:" value.
_NUMBERING_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "(2 of?)", "(2 of ?)", "[1/3]", "(Part 2 of 5)", "(Chapter 3)"
    (
        "part",
        re.compile(
            rf"[ \t]*[(\[][ \t]*(?:(?P<kind>part|pt\.?|chapter|ch\.?)[ \t]*)?{_PART}[ \t]*"
            rf"(?:(?:of|/)[ \t]*{_TOTAL}?)?[ \t]*[)\]][ \t]*$",
            re.IGNORECASE,
        ),
    ),
    # "- Part 2/5", ": Part Two", "Part 2 of 5", "Chapter 3", "Ch. 4 of 10"
    (
        "part",
        re.compile(
            rf"(?:^|[ \t]*[-:,–—.]?[ \t]+|^)(?P<kind>part|pt\.?|chapter|ch\.?)[ \t]*{_PART}"
            rf"(?:[ \t]*(?:of|/)[ \t]*{_TOTAL}?)?[ \t]*$",
            re.IGNORECASE,
        ),
    ),
    # "1a/7", "2/5", "2/?"
    (
        "part",
        re.compile(
            rf"(?:^|[ \t]+|[ \t]*[-:,–—][ \t]*)(?P<part>\d{{1,4}}[a-z]?)[ \t]*/[ \t]*{_TOTAL}[ \t]*$",
            re.IGNORECASE,
        ),
    ),
    # "2 of 5", "2 of ?"
    (
        "part",
        re.compile(
            rf"(?:^|[ \t]+|[ \t]*[-:,–—][ \t]*)(?P<part>\d{{1,4}}[a-z]?)[ \t]+of[ \t]*{_TOTAL}?[ \t]*$",
            re.IGNORECASE,
        ),
    ),
)


@dataclass
class Numbering:
    """What a part or chapter label says: ``kind`` is "part" or "chapter"."""

    kind: str
    number: int | None
    label: str
    total: int | None = None


def split_numbering(value: str) -> tuple[str, Numbering | None]:
    """``value`` without its part or chapter suffix, and what that suffix says.

    "Inside the Pain (2 of?)" -> ("Inside the Pain", part 2 of unknown); "2/5" -> ("", part 2 of 5).
    """
    for _, pattern in _NUMBERING_RES:
        match = pattern.search(value)
        if not match:
            continue
        label = match.group("part")
        number = parse_number(label)
        if number is None:
            continue
        kind_word = (match.groupdict().get("kind") or "part").lower()
        kind = "chapter" if kind_word.startswith("ch") else "part"
        total_text = match.groupdict().get("total")
        total = None if total_text in (None, "?") else parse_number(total_text)
        rest = value[: match.start()].rstrip(" \t-:,–—.")
        return rest, Numbering(kind, number, label, total)
    return value, None


# ---------------------------------------------------------------- where the story starts on a header line

_MAX_RUN_ON_SENTENCES = 3
# A header line this long certainly holds story text too (the longest labelled header lines we
# have seen, long one-line summaries, stay well under it).
_RUN_ON_LINE_CHARS = 1000


_WORD_START_RE = re.compile(r"(?<=\s)\S")


def story_start_in_value(text: str, start: int, end: int, *, short: bool = False) -> int | None:
    """Where the story begins inside a header value ``text[start:end]`` that ran on into it.

    ``short`` values (a title, an author, a rating) hold no sentences, so the story may start at
    any word of them: at a narrator heading or an opening quotation mark.
    """
    if short:
        for word in _WORD_START_RE.finditer(text, start + 1, end):  # never the value itself
            if is_pov_heading_at(text, word.start()) or DIALOGUE_OPEN_RE.match(text, word.start()):
                return word.start()
    for sentences, boundary in enumerate(SENTENCE_END_RE.finditer(text, start, end), start=1):
        after = boundary.end()
        if after >= end:
            break
        if is_pov_heading_at(text, after) or DIALOGUE_OPEN_RE.match(text, after):
            return after
        if sentences >= _MAX_RUN_ON_SENTENCES:
            return after
    return None


# ---------------------------------------------------------------- blocks and fields


@dataclass
class _Line:
    start: int
    end: int  # without the newline

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass
class _Field:
    name: str
    label: str
    value_start: int
    value_end: int
    extra: list[str] = field(default_factory=list)  # continuation lines

    def value(self, text: str) -> str:
        parts = [text[self.value_start : self.value_end], *self.extra]
        value = " ".join(" ".join(p.split()) for p in parts if p.strip()).strip()
        # "(A/N: thanks to Lee)" and "[Title: X]": the bracket opened before the label closes here.
        opener = self.label.lstrip(" \t*_")[:1]
        closer = {"(": ")", "[": "]"}.get(opener)
        if closer and value.endswith(closer) and value.count(closer) > value.count(opener):
            value = value[:-1].rstrip()
        return value


def _blocks(text: str, start: int, limit: int) -> list[list[_Line]]:
    """Runs of non-blank lines from ``start`` up to about ``limit``."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        if text[position:line_end].strip():
            current.append(_Line(position, line_end))
        elif current:
            blocks.append(current)
            current = []
            if position > limit:
                break
        position = line_end + 1
    if current:
        blocks.append(current)
    return blocks


def _label_name(match: re.Match[str]) -> str:
    return next(name for name, value in match.groupdict().items() if value is not None)


def _fields_on_line(text: str, line: _Line) -> list[_Field]:
    """The labelled fields of a line that starts with a label, several when they run together."""
    first = _LINE_LABEL_RE.match(text, line.start, line.end)
    if not first:
        # "Rated PG-13" with no colon, when a rating really follows
        bare = _BARE_RATING_RE.match(text, line.start, line.end)
        if bare and to_ao3(bare.group("value")):
            return [_Field("rating", bare.group("label"), bare.start("value"), line.end)]
        return []
    if _label_name(first) == "author" and first.group("author").lower() == "by":
        return []
    found: list[_Field] = [_Field(_label_name(first), first.group().strip(), first.end(), line.end)]
    for match in _INLINE_LABEL_RE.finditer(text, first.end(), line.end):
        found[-1].value_end = match.start()
        found.append(_Field(_label_name(match), match.group().strip(), match.end(), line.end))
    # "Title: Inside the Pain (2 of?) By PNS": a byline run into the title.
    expanded: list[_Field] = []
    for position, item in enumerate(found):
        expanded.append(item)
        if item.name != "title":
            continue
        by = _title_byline(text, item, followed=position + 1 < len(found) or line.end - line.start > 300)
        if by:
            expanded.append(_Field("title_by", "By", by.end(), item.value_end))
            item.value_end = by.start()
    return expanded


def _title_byline(text: str, item: _Field, *, followed: bool) -> re.Match[str] | None:
    """The "by" that ends a title and starts its author's name, if there is one.

    A lower-case "by" before a name is a byline ("Fade to Black by Kat"); a capitalised one only
    when more fields follow on the line or a part number ends the title before it, since title
    case capitalises the word ("Killed By Death"). "Stand by Me" keeps its "by": "Me" is no name.
    """
    candidates = [
        *_TITLE_LOWER_BY_RE.finditer(text, item.value_start, item.value_end),
        *_TITLE_BY_RE.finditer(text, item.value_start, item.value_end),
    ]
    # the last "by" first: a name follows the title, never the other way round
    for by in sorted(candidates, key=lambda match: match.start(), reverse=True):
        name_words = text[by.end() : item.value_end].split()
        if not name_words or len(name_words) > 4 or name_words[0].lower() in SENTENCE_STARTERS:
            continue
        before = text[item.value_start : by.start()].rstrip()
        numbered = before.endswith((")", "]")) or split_numbering(before)[1] is not None
        if by.group().strip() == "by" or followed or numbered:
            return by
    return None


_BYLINE_MAX_WORDS = 6


def _byline(raw: str) -> re.Match[str] | None:
    """A byline's match, when what follows "by" is a name and not a phrase ("by the door")."""
    match = _BYLINE_RE.match(raw)
    if not match:
        return None
    name = _clean_person(match.group("name"))
    words = name.split()
    if not words or len(words) > _BYLINE_MAX_WORDS or words[0] in SENTENCE_STARTERS:
        return None
    if re.search(r"[!?]$", name) or (name.endswith(".") and len(words[-1]) > 2):
        return None  # a sentence, not a name; "Lee J." keeps its initial
    return match


def _is_name_line(value: str) -> bool:
    """A line holding just an author's name or handle: one to four words, no sentence."""
    words = value.split()
    if not 1 <= len(words) <= 4 or len(value) > 50:
        return False
    if re.search(r"[.!?\"“”:;]$", value) or re.search(r"[\"“”]", value):
        return False
    return all(w[0].isupper() or w[0].isdigit() or "@" in w for w in words)


def _looks_like_title(raw_line: str, *, exclaimed: bool = False) -> bool:
    """A short line that does not end like a sentence. With ``exclaimed`` (the line has a byline
    under it) a title of a few words may end in "!" or "?" ("Stuck!", "Why Me?")."""
    value = raw_line.strip()
    if not value or len(value) > 100:
        return False
    if exclaimed and len(value.split()) <= _MAX_EXCLAIMED_TITLE_WORDS and value[0] not in '"“':
        value = value.rstrip("!?") or value
    if value[0] in '"“':
        # a title in quotation marks, but not a line of dialogue ('"Go," she said.')
        return value[-1] in '"”' and not re.search(r"[,.!?]?[\"”]\s+\S", value)
    return not re.search(r"[.!?,;:]$", value.rstrip("\"'”’*_~ ")) or value.endswith("...")


def _is_emphatic_title(raw_line: str) -> bool:
    """An ALL-CAPS line, or a line centred by leading spaces."""
    value = raw_line.strip()
    letters = [c for c in value if c.isalpha()]
    all_caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    indent = len(raw_line) - len(raw_line.lstrip(" \t"))
    centred = indent >= 8 or (indent >= 4 and raw_line.startswith(("    ", "\t")) and len(value) < 60)
    return (all_caps or centred) and _looks_like_title(raw_line)


def _clean_person(value: str) -> str:
    value = re.sub(r"[<(\[]?\s*\S+@\S+\s*[>)\]]?", " ", value)  # e-mail addresses
    value = re.sub(r"\((?:[^)]*)\)", " ", value)
    value = " ".join(value.split()).strip(" ,;:-–—~*")
    # A sentence's full stop after a name ("written by Tom Marsh."), but not an initial's ("Lee J.").
    if value.endswith(".") and len(value.rsplit(" ", 1)[-1]) > 2:
        value = value[:-1]
    return value


def split_people(value: str) -> list[str]:
    """Authors as written: "Kat & Mouse", "A, B and C" -> each name, e-mail addresses dropped."""
    names = re.split(r"\s*(?:,|;|&|\+|\band\b)\s*", value)
    return [n for n in (_clean_person(name) for name in names) if n]


def split_list(value: str) -> list[str]:
    """A tag list as written: "Ann/Beth, Carl/Dee; Ed" -> each item (a slash joins a pairing)."""
    return [item.strip(" .") for item in re.split(r"\s*[,;]\s*", value) if item.strip(" .")]


_BRACKETED_RE = re.compile(r"[ \t]*[\[(](?P<inside>[^\[\]()]{1,30})[\])][ \t]*$")


def split_bracketed_rating(title: str) -> tuple[str, str | None]:
    """ "The Lantern Hours 1/3 [PG]" -> ("The Lantern Hours 1/3", "PG"); other brackets stay."""
    match = _BRACKETED_RE.search(title)
    if match and to_ao3(match.group("inside")) is not None:
        return title[: match.start()].rstrip(), match.group("inside").strip()
    return title, None


def _clean_title(value: str) -> str:
    value = value.strip().strip("*_~ ")
    if len(value) >= 2 and value[0] in "\"“'‘" and value[-1] in "\"”'’":
        value = value[1:-1].strip()
    return value


# ---------------------------------------------------------------- the stage


@dataclass
class _Found:
    """What the header says, before it is merged into the metadata."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    numbering: list[Numbering] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    disclaimers: list[str] = field(default_factory=list)
    title_authors: list[str] = field(default_factory=list)  # from "Title: X by Y", when no Author field
    by_name: dict[str, str] = field(default_factory=dict)  # canonical field name -> first value
    pending: list[_Field] = field(default_factory=list)  # fields of the block being read


# How far into the text a header may reach: headers with long disclaimers and notes stay far within it.
_HEADER_SCAN_CHARS = 8000


def read_header(work: Work, options: Options) -> None:
    """Fill ``work.metadata`` from the header matter at the top of the text."""
    text = work.text
    meta = work.metadata
    scan_from = min(max(meta.body_start, 0), len(text))
    found = _Found()
    body_start: int | None = None
    blocks = _blocks(text, scan_from, scan_from + _HEADER_SCAN_CHARS)
    seen_header = False
    for index, block in enumerate(blocks):
        kind, story_at = _read_block(text, block, index, blocks, found, meta, seen_header)
        if kind == "story":
            body_start = block[0].start + _indent(text, block[0]) if story_at is None else story_at
            break
        seen_header = True
        if story_at is not None:  # header and story on one line
            body_start = story_at
            break
        if block[-1].start > scan_from + _HEADER_SCAN_CHARS:
            break
    if not seen_header:
        return
    if body_start is None:  # the whole text is header matter: leave the body where it was
        body_start = scan_from
    _merge(found, meta)
    meta.body_start = body_start


def _indent(text: str, line: _Line) -> int:
    raw = line.text(text)
    return len(raw) - len(raw.lstrip())


def _read_block(
    text: str,
    block: list[_Line],
    index: int,
    blocks: list[list[_Line]],
    found: _Found,
    meta: Metadata,
    seen_header: bool,
) -> tuple[str, int | None]:
    """Classify one block; header blocks add to ``found``. Returns ("header"|"story", story offset)."""
    first_raw = block[0].text(text)
    if is_ornament(first_raw) and len(block) > 1:
        # "=====" over a boxed header: the rule is header matter, the lines under it decide.
        kind, story_at = _read_block(text, block[1:], index, blocks, found, meta, seen_header)
        if kind == "story" and story_at is None:
            story_at = block[1].start + _indent(text, block[1])
        return kind, story_at
    rest, numbering = split_numbering(first_raw.strip())
    if numbering is not None and not rest and numbering.total is not None and seen_header and len(block) == 1:
        # "Part 2/5" under a header: this file's place in a series. Without a total it would be
        # the heading of the story's first part, which the structure stage needs.
        found.numbering.append(numbering)
        return "header", None
    if _CHAPTER_HEADING_RE.match(first_raw) or parse_heading(first_raw) is not None:
        return "story", None
    if _fields_on_line(text, block[0]):
        return "header", _read_labelled_block(text, block, found)
    if (
        index == 0
        and len(block) > 1
        and not found.title
        and _looks_like_title(first_raw)
        and _fields_on_line(text, block[1])
        and (not meta.title or _clean_title(first_raw).lower() == meta.title.lower())
    ):
        # "All Talk" over "Rating: PG" / "by Kat": an unlabelled title heading a labelled block
        title, numbering = split_numbering(first_raw.strip())
        found.title = _clean_title(title) or None
        if numbering:
            found.numbering.append(numbering)
        return "header", _read_labelled_block(text, block[1:], found)
    if seen_header and len(block) <= 2 and all(_is_contact_line(line.text(text)) for line in block):
        return "header", None
    byline = _byline(first_raw)
    if byline and len(block) <= 2:
        found.authors.extend(split_people(byline.group("name")))
        if len(block) == 2:
            return _read_block(text, block[1:], index, blocks, found, meta, True)
        return "header", None
    if not seen_header and index == 0 and not found.title:
        title_kind, story_at = _read_title_block(text, block, blocks, found, meta)
        if title_kind:
            return title_kind, story_at
    if is_ornament(first_raw) and len(block) == 1:
        return "header", None  # a rule around or under header matter, or an ornament opening the text
    block_text = text[block[0].start : block[-1].end]
    if len(block_text) <= 1500 and (index < 12):
        if _NOTE_OPENING_RE.match(first_raw):
            found.notes.append(" ".join(block_text.split()))
            return "header", None
        opens_with_dialogue = first_raw.lstrip()[:1] in "\"“'‘"
        if _DISCLAIMER_WORDING_RE.search(block_text) and len(block_text) <= 600 and not opens_with_dialogue:
            found.disclaimers.append(" ".join(block_text.split()))
            return "header", None
    return "story", None


def _read_title_block(
    text: str, block: list[_Line], blocks: list[list[_Line]], found: _Found, meta: Metadata
) -> tuple[str | None, int | None]:
    """An unlabelled title (and maybe its byline, part and rating lines) opening the text.

    Returns ("header", story offset or None) when the block is one, else (None, None); nothing is
    recorded in ``found`` unless it is.
    """
    raw = [line.text(text) for line in block]
    first = raw[0].strip()
    if meta.title and _clean_title(split_numbering(first)[0]).lower() != meta.title.lower():
        return None, None  # the reader knows the title; this line is something else
    next_block = blocks[1] if len(blocks) > 1 else None
    next_line = next_block[0].text(text) if next_block else ""
    rest = raw[1:]
    byline_follows = bool(_byline(rest[0] if rest else next_line))
    # "Title" alone, then a block opening with "Author: Kat": the labelled author is its byline.
    author_field_follows = (
        not rest
        and next_block is not None
        and any(item.name == "author" for item in _fields_on_line(text, next_block[0]))
    )
    bare_title_over_prose = (
        not rest and next_block is not None and len(first.split()) >= 2 and _is_story_like(text, next_block)
    )
    # a title over a byline; an ALL-CAPS or centred line; a short unpunctuated line of two or more
    # words over a paragraph of prose
    is_title = (
        ((byline_follows or author_field_follows) and _looks_like_title(raw[0], exclaimed=True))
        or (bare_title_over_prose and _looks_like_title(raw[0]))
        or _is_emphatic_title(raw[0])
    )
    if not is_title:
        return None, None
    authors: list[str] = []
    numberings: list[Numbering] = []
    labelled_from: int | None = None
    for position, extra in enumerate(rest, start=1):
        byline = _byline(extra)
        extra_title, extra_numbering = split_numbering(extra.strip())
        if byline:
            authors.extend(split_people(byline.group("name")))
        elif _is_contact_line(extra):
            continue  # the author's e-mail or web address
        elif _is_name_line(extra.strip()) and not authors and not found.authors:
            authors.extend(split_people(extra.strip()))
        elif extra_numbering and not extra_title:
            numberings.append(extra_numbering)
        elif _fields_on_line(text, block[position]):
            labelled_from = position  # "Rated PG-13" and other labelled lines under the title
            break
        else:
            return None, None  # a title line followed by prose: not a title block after all
    title, numbering = split_numbering(first)
    found.title = _clean_title(title) or None
    found.numbering.extend([numbering] if numbering else [])
    found.numbering.extend(numberings)
    found.authors.extend(authors)
    if labelled_from is not None:
        return "header", _read_labelled_block(text, block[labelled_from:], found)
    return "header", None


def _is_contact_line(raw: str) -> bool:
    """A line holding just an e-mail address or a web address."""
    words = raw.split()
    return 1 <= len(words) <= 3 and any("@" in w or w.lower().startswith(("http", "www.")) for w in words)


def _is_sentence_line(raw: str) -> bool:
    """A line of prose rather than a short header value: long, or a sentence, or dialogue."""
    value = raw.strip()
    if "@" in value or value.lower().startswith(("http", "www.")):
        return False
    return len(value) > 60 or value[:1] in '"“' or bool(re.search(r"[.!?…][\"”’']?$", value))


def _is_story_like(text: str, block: list[_Line]) -> bool:
    body = text[block[0].start : block[-1].end]
    return len(body) > 120 and bool(re.search(r"[.!?][\"”’']?(?:\s|$)", body))


def _read_labelled_block(text: str, block: list[_Line], found: _Found) -> int | None:
    """Read every field of a labelled block; the offset where story text starts, if it is here."""
    current: _Field | None = None
    for position, line in enumerate(block):
        raw = line.text(text)
        line_fields = _fields_on_line(text, line)
        if not line_fields and is_ornament(raw):
            # "-----" between the header and a story that follows without a blank line
            _record_continuations(text, found)
            if position + 1 < len(block):
                following = block[position + 1]
                return following.start + _indent(text, following)
            return None
        if not line_fields:
            rest, numbering = split_numbering(raw.strip())
            if numbering is not None and not rest:  # "Part 2/5" on its own line
                found.numbering.append(numbering)
                current = None
                continue
            byline = _byline(raw)
            if byline and (current is None or current.name not in _PROSE_FIELDS):
                found.authors.extend(split_people(byline.group("name")))
                current = None
                continue
            if (current is None or current.name not in _PROSE_FIELDS) and _is_sentence_line(raw):
                # Story straight under a short field ("Author: Kat" then the first paragraph).
                _record_continuations(text, found)
                return line.start + _indent(text, line)
            if current is not None:
                current.extra.append(raw)
            else:
                found.notes.append(" ".join(raw.split()))
            continue
        story_at = None
        # A very long line, or a header line with nothing after it: the story must be on it. It
        # starts in the last value, or in an earlier one too long to be anything but story (the
        # "labels" after it are words of the story).
        if line.end - line.start > _RUN_ON_LINE_CHARS or not text[line.end :].strip():
            for position, item in enumerate(line_fields):
                is_last = position == len(line_fields) - 1
                if not is_last and item.value_end - item.value_start <= _RUN_ON_LINE_CHARS:
                    continue
                story_at = story_start_in_value(
                    text, item.value_start, item.value_end, short=item.name not in _PROSE_FIELDS
                )
                if story_at is not None:
                    item.value_end = story_at
                    line_fields = line_fields[: position + 1]
                    break
        last = line_fields[-1]
        for item in line_fields:
            _record_field(item, found)
        current = last
        if story_at is not None:
            _record_continuations(text, found)
            return story_at
    _record_continuations(text, found)
    return None


def _record_field(item: _Field, found: _Found) -> None:
    # Its continuation lines arrive later; the value is read when the block ends.
    found.pending.append(item)


def _record_continuations(text: str, found: _Found) -> None:
    """Turn the fields read so far (with their continuation lines) into values."""
    for item in found.pending:
        value = item.value(text)
        if not value:
            continue
        label = " ".join(item.label.rstrip(":=-–— \t").lower().split()).strip("*_[] ")
        previous = found.fields.get(label)
        found.fields[label] = value if previous is None else f"{previous}\n{value}"
        found.by_name.setdefault(item.name, found.fields[label])
        _apply_field(item.name, value, found)
    found.pending.clear()


def _apply_field(name: str, value: str, found: _Found) -> None:
    if name == "title":
        value, rating = split_bracketed_rating(value)
        if rating and "rating" not in found.by_name:
            found.by_name["rating"] = rating
        title, numbering = split_numbering(value)
        if not found.title:
            found.title = _clean_title(title) or None
        if numbering:
            found.numbering.append(numbering)
    elif name == "author":
        found.authors.extend(a for a in split_people(value) if a not in found.authors)
    elif name == "title_by":
        found.title_authors.extend(split_people(value))
    elif name in ("part", "chapter"):
        _, numbering = split_numbering(value if name == "part" else f"chapter {value}")
        if numbering is None:
            _, numbering = split_numbering(f"{name} {value}")
        if numbering:
            if name == "chapter":
                numbering.kind = "chapter"
            found.numbering.append(numbering)
    elif name == "notes":
        found.notes.append(value)
    elif name == "disclaimer":
        found.disclaimers.append(value)


def _merge(found: _Found, meta: Metadata) -> None:
    """Fill what the header says into the metadata, never replacing what a reader already set."""
    fields = found.by_name
    if not meta.title and found.title:
        meta.title = found.title
    authors = found.authors or found.title_authors
    if not meta.authors and authors:
        meta.authors = list(dict.fromkeys(authors))
    for numbering in found.numbering:
        if numbering.kind == "part" and meta.part is None:
            meta.part = numbering.number
            meta.part_label = meta.part_label or numbering.label
            if meta.parts_total is None:
                meta.parts_total = numbering.total
        elif numbering.kind == "chapter" and meta.chapter is None:
            meta.chapter = numbering.number
    if found.notes and not meta.notes:
        meta.notes = "\n\n".join(found.notes)
    if found.disclaimers and not meta.disclaimer:
        meta.disclaimer = "\n\n".join(found.disclaimers)
    _set_if_empty(meta, "summary", fields.get("summary"))
    _set_if_empty(meta, "spoilers", fields.get("spoilers"))
    _set_if_empty(meta, "series", fields.get("series"))
    words = fields.get("words")
    if words and meta.words_declared is None:
        digits = re.search(r"\d[\d,. ]*", words)
        if digits:
            meta.words_declared = int(re.sub(r"\D", "", digits.group()))
    rating = fields.get("rating")
    if rating:
        if not meta.rating_original:
            meta.rating_original = rating
        if not meta.declared_tags.rating:
            meta.declared_tags.rating = to_ao3(rating)
    tags = meta.declared_tags
    for slot, name in (
        ("fandoms", "fandom"),
        ("relationships", "pairing"),
        ("characters", "characters"),
        ("warnings", "warnings"),
        ("category", "category"),
        ("additional", "genre"),
    ):
        value = fields.get(name)
        if value and not getattr(tags, slot):
            setattr(tags, slot, split_list(value))
    for label, value in found.fields.items():
        meta.fields.setdefault(label, value)
    # A title or author stated only in a disclaimer or note.
    prose = " ".join([*found.disclaimers, *found.notes])
    if prose and (not meta.title or not meta.authors):
        stated = _DISCLAIMER_TITLE_RE.search(prose)
        if stated:
            if not meta.title:
                meta.title = stated.group("title").strip()
            if not meta.authors:
                meta.authors = split_people(stated.group("author"))
        if not meta.authors:
            written = _WRITTEN_BY_RE.search(prose)
            if written:
                meta.authors = split_people(written.group("author"))


def _set_if_empty(meta: Metadata, attribute: str, value: str | None) -> None:
    if value and not getattr(meta, attribute):
        setattr(meta, attribute, value)
