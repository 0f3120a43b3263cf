"""Finding quotes: the paragraphs, the work's quotation convention, and each paragraph's quotes
(quote marks, em-dash lines, or spans given by the caller), with open speeches linked across
paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from fandex.dialogue.lexicon import (
    _BLANK_LINES,
    _ELISIONS,
    _LETTER,
    _PUNCT_BEFORE_CLOSE,
    DASHES,
    DOUBLE_CLOSERS,
    DOUBLE_OPENERS,
    SINGLE_CLOSERS,
    SINGLE_OPENERS,
)
from fandex.work import Span, Work


@dataclass
class _Para:
    start: int
    end: int
    scene_break: bool = False  # a scene (or chapter) starts here


@dataclass
class _Found:
    """A quote or thought found in a paragraph, with where its marks are."""

    start: int  # the words, without the marks
    end: int
    outer_start: int  # including the marks
    outer_end: int
    para: int
    continues: bool = False  # left open at the paragraph's end
    continuation: bool = False  # continues the open speech of the paragraph before
    thought: bool = False
    marker: str = "tag"
    speaker: str | None = None
    addressee: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    tag_subject: str | None = None  # a character named by this quote's own tag
    vocatives: list[str] = field(default_factory=list)  # characters addressed by name in it
    beat: bool = False  # the speaker came from an action beat after it, not a speech tag
    gender_hint: str | None = None  # the gender its tag implies when the tag names no one
    # a pronoun tag resolved by conversational salience alone: turn-taking may overrule it
    pronoun_gender: str | None = None
    tag_pronoun: str | None = None  # the gender of a pronoun in its tag, however resolved
    # named in the clause of a description tag that names no one (`cried the man, fixing his eyes
    # on Oliver`): the description is someone else
    beside_description: set[str] = field(default_factory=set)


def _paragraphs(work: Work) -> list[_Para]:
    """The structure stage's paragraphs when there are any, else blank-line-separated blocks."""
    body_start = work.metadata.body_start
    scene_starts = {s.start for s in work.scenes} | {c.start for c in work.chapters}
    if work.paragraphs:
        paras = []
        for p in work.paragraphs:
            if p.end <= p.start or p.start < body_start:
                continue
            if (
                paras
                and work.text[p.start].islower()
                and "\n" not in work.text[paras[-1].end : p.start].strip(" \t")[1:]
                and work.text[paras[-1].end - 1] in DOUBLE_CLOSERS + SINGLE_CLOSERS
            ):
                # `"...a doctor,"` / `said Ram Chand.` on the next line of a hard-wrapped text: the
                # tag ends the quote's paragraph, whatever the line breaks made of it
                paras[-1].end = p.end
                continue
            paras.append(_Para(p.start, p.end))
        starts = sorted(scene_starts)
        previous_end = -1
        for para in paras:
            # A scene starts at or just before its first paragraph.
            i = bisect.bisect_right(starts, para.start)
            para.scene_break = i > 0 and starts[i - 1] > previous_end
            previous_end = para.end
        return paras
    text = work.text
    paras = []
    position = body_start
    pending_break = True
    for gap in [*_BLANK_LINES.finditer(text, body_start), None]:
        block_end = gap.start() if gap else len(text)
        block = text[position:block_end]
        stripped_start = position + (len(block) - len(block.lstrip()))
        stripped_end = position + len(block.rstrip())
        if stripped_end > stripped_start:
            if not _LETTER.search(text, stripped_start, stripped_end):
                pending_break = True  # an ornament line ("~ ~ ~", "* * *")
            else:
                paras.append(_Para(stripped_start, stripped_end, pending_break))
                pending_break = False
        if gap is None:
            break
        if gap.group().count("\n") >= 3:
            pending_break = True  # two or more blank lines
        position = gap.end()
    return paras


def _quote_mode(text: str, paras: list[_Para]) -> str:
    """Which convention the work writes dialogue in: "double", "single" or "dash"."""
    double = single = dash = 0
    for para in paras:
        first = text[para.start]
        if first in DOUBLE_OPENERS:
            double += 1
        elif first in SINGLE_OPENERS and not _ELISIONS.match(text, para.start + 1):
            single += 1
        elif text.startswith(DASHES, para.start):
            dash += 1
    double += sum(text.count(mark) for mark in '"“”') // 4
    if single >= 3 and single > 2 * double:
        return "single"
    if dash >= 3 and dash > 2 * double:
        return "dash"
    return "double"


def _scan_paragraph(text: str, para: _Para, index: int, mode: str) -> list[_Found]:
    if mode == "dash" and text.startswith(DASHES, para.start):
        return _scan_dash(text, para, index)
    if mode == "single":
        return _scan_marks(text, para, index, SINGLE_OPENERS, SINGLE_CLOSERS, single=True)
    return _scan_marks(text, para, index, DOUBLE_OPENERS, DOUBLE_CLOSERS, single=False)


def _scan_marks(text: str, para: _Para, index: int, openers: str, closers: str, single: bool) -> list[_Found]:
    found: list[_Found] = []
    open_at: int | None = None  # position of the open mark
    typo_close: int | None = None  # an apostrophe that may have closed a double quote by mistake
    nested = 0  # single quotes opened inside a double quote
    i, end = para.start, para.end
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > para.start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if ch in openers and not nxt.isspace() and (not prev.isalnum() or ch in "“‘„«"):
                if single and (prev.isalnum() or _ELISIONS.match(text, i + 1)):
                    i += 1
                    continue
                open_at, typo_close, nested = i, None, 0
        else:
            is_close = ch in closers and not prev.isspace() and (not single or not nxt.isalnum())
            looks_like_opener = ch in openers and prev.isspace() and not nxt.isspace()
            # "the boys' house": an apostrophe after a word closes only if nothing better follows.
            if (
                single
                and is_close
                and prev not in _PUNCT_BEFORE_CLOSE
                and _later_single_close(text, i + 1, end)
            ):
                is_close = False
            if not single and ch in "'’‘":
                if prev.isspace() or (prev in '"“' and nxt.isalpha()):
                    if not _ELISIONS.match(text, i + 1):
                        nested += 1
                elif prev in _PUNCT_BEFORE_CLOSE and (nxt.isspace() or i + 1 == end):
                    if nested:
                        nested -= 1
                    elif typo_close is None:
                        typo_close = i
            elif (looks_like_opener and typo_close is not None) or (
                ch in "“‘" and typo_close is not None and not single
            ):
                # `"What?' Willow asked. "Next` — the apostrophe closed the first quote.
                _add_quote(found, text, open_at, typo_close, index)
                open_at, typo_close, nested = i, None, 0
            elif is_close or (ch in "”’" and not single and ch in closers):
                _add_quote(found, text, open_at, i, index)
                open_at = None
        i += 1
    if open_at is not None:
        if typo_close is not None:
            _add_quote(found, text, open_at, typo_close, index)
        else:
            quote = _add_quote(found, text, open_at, end, index, closed=False)
            if quote:
                quote.continues = True
    return found


def _later_single_close(text: str, start: int, end: int) -> bool:
    """Whether a closing single quote after punctuation comes later in the paragraph."""
    for match in re.finditer(r"['’]", text[start:end]):
        j = start + match.start()
        after = text[j + 1] if j + 1 < end else " "
        if text[j - 1] in _PUNCT_BEFORE_CLOSE and not after.isalnum():
            return True
    return False


def _add_quote(
    found: list[_Found], text: str, open_at: int, close_at: int, para: int, closed: bool = True
) -> _Found | None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    quote = _Found(start, end, open_at, close_at + 1 if closed else close_at, para)
    found.append(quote)
    return quote


def _scan_dash(text: str, para: _Para, index: int) -> list[_Found]:
    """`—Speech —said she—. More speech`: segments between dashes alternate speech and tag."""
    found: list[_Found] = []
    pieces = re.split(r"(\s*(?:—|–|--)\s*)", text[para.start : para.end])
    position = para.start
    speaking = False
    for piece in pieces:
        if re.fullmatch(r"\s*(?:—|–|--)\s*", piece):
            speaking = not speaking
        elif piece.strip():
            if speaking:
                _add_quote(found, text, position - 1, position + len(piece), index)
            elif not found:
                break  # narration before the first dash: not em-dash dialogue
        position += len(piece)
    return found


def _link_continuations(text: str, paras: list[_Para], found: list[_Found]) -> None:
    """A quote left open continues into the next paragraph when that one opens with a quote mark."""
    first_in_para: dict[int, _Found] = {}
    for quote in found:
        first_in_para.setdefault(quote.para, quote)
    for quote in found:
        if not quote.continues:
            continue
        nxt = first_in_para.get(quote.para + 1)
        if nxt is not None and nxt.outer_start == paras[quote.para + 1].start:
            nxt.continuation = True


def _given_quotes(text: str, paras: list[_Para], spans: Iterable[Span]) -> list[_Found]:
    """Gold quote spans: find their paragraphs and marks, keep the spans exactly."""
    starts = [p.start for p in paras]
    found = []
    for span in sorted(spans, key=lambda s: s.start):
        para = max(0, bisect.bisect_right(starts, span.start) - 1)
        outer_start = span.start
        while outer_start > 0 and text[outer_start - 1] in DOUBLE_OPENERS + SINGLE_OPENERS + "—–- ":
            outer_start -= 1
            if text[outer_start] in DOUBLE_OPENERS + SINGLE_OPENERS:
                break
        outer_end = span.end
        while outer_end < len(text) and text[outer_end] in DOUBLE_CLOSERS + SINGLE_CLOSERS + " ":
            outer_end += 1
            if text[outer_end - 1] in DOUBLE_CLOSERS + SINGLE_CLOSERS:
                break
        found.append(_Found(span.start, span.end, outer_start, outer_end, para))
    # A gold span that runs past its paragraph's end is a multi-paragraph speech.
    for quote in found:
        quote.continues = quote.end > paras[quote.para].end
    return found
