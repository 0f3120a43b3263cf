"""`fandex eval litbank DIR`: quotes and speakers against LitBank's quotation layer.

DIR is the LitBank folder: ``quotations/tsv/<work>_brat.ann`` (``QUOTE`` rows with sentence and
token offsets into the tokenised ``<work>_brat.txt``, ``ATTRIB`` rows with the speaker's
coreference id) and ``coref/brat/<work>_brat.ann`` (every mention of each coreference id, so the
gold speaker's names can be read off).

LitBank's text is tokenised, one sentence a line. It is turned back into running prose (no spaces
before punctuation or inside quotation marks; a sentence that opens a quotation, or follows a
closed one, starts a paragraph, unless it reads as the tagged speaker going on: see
`_speaker_goes_on`), keeping each token's offsets so the gold spans carry over. The
scores are those of ``fandex eval pdnc`` (LitBank has no quote types, so speaker accuracy is
overall only); the cast is every character with a quote, named by their proper-noun mentions.
"""

from __future__ import annotations

import argparse
import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fandex.errors import InputError
from fandex.eval.common import (
    Counts,
    add_gold_options,
    match_spans,
    name_key,
    percent,
    score_block,
    score_each,
    table,
)
from fandex.options import Options
from fandex.person_words import DETERMINERS, FIRST_PERSON, HONORIFICS
from fandex.work import Character, Span, Work

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "...", "n't", "’", "”"})
_CLITIC = re.compile(r"^(?:'|’)(?:s|ll|re|ve|d|m|t)$", re.I)
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NOT_NAMES = _MALE | _FEMALE | {"i", "me", "my", "you", "your", "we", "they", "them", "it", "sir", "madam"}
# words that open an answer: a quote starting so after a tagged one is most often the reply
_ANSWER_OPENERS = frozenset(
    {"yes", "no", "oh", "ah", "well", "why", "indeed", "nay", "nonsense", "certainly", "thank", "thanks"}
)
_DOUBLE_CLOSERS = frozenset({'"', "”"})
_SINGLE_CLOSERS = frozenset({"’", "'"})
_QUESTION_TAGS = frozenset({"asked", "inquired", "enquired", "demanded"})
# (the longest tag after which the speaker is still seen to go on in the same paragraph, in words;
# and the fewest words of a quote that goes on rather than answers: about the pair that cut PDNC's
# development novels' real paragraphs best, 20 and 1 to 3)
_LONGEST_CONTINUED_TAG = 20
_SHORTEST_CONTINUATION = 3
_LONGEST_LOOKAHEAD = 30  # sentences read to find where a quote closes
_FEWEST_NARRATOR_WORDS = 3  # I/me/my in the narration that make a chain its narrator


@dataclass
class LitBankWork:
    name: str
    text: str
    quotes: list[tuple[int, int, str | None]]  # start, end (words only), speaker coref id
    cast: list[Character]
    # how often each speaker without a name is mentioned by each wording (name_key)
    wordings: dict[str, Counter[str]] = field(default_factory=dict)


def register(corpora: argparse._SubParsersAction) -> None:
    parser = corpora.add_parser(
        "litbank",
        help="speaker attribution on LitBank's quotation annotations",
        description="Score quote finding and speaker attribution against LitBank.",
    )
    parser.add_argument(
        "directory", metavar="DIR", type=Path, help="the LitBank folder (quotations/, coref/)"
    )
    add_gold_options(parser, roster_help="give the pipeline the speakers as the cast")
    parser.add_argument(
        "--work", nargs="+", metavar="NAME", help="only these works (file names without _brat.ann)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = annotation_files(args.directory, args.work)

    def evaluate_one(path: Path) -> tuple[str, Counts]:
        gold = load_work(path, args.directory / "coref" / "brat" / path.name)
        return gold.name, evaluate(gold, gold_quotes=args.gold_quotes, gold_roster=args.gold_roster)

    per_work, total = score_each(paths, evaluate_one, "LitBank", "work")
    if args.json:
        print(json.dumps(report(per_work, total), indent=2))
    else:
        rows = [
            [
                name,
                percent(c.precision),
                percent(c.recall),
                percent(c.f1),
                percent(c.speaker_accuracy),
                str(c.attributed),
            ]
            for name, c in [*per_work.items(), ("overall", total)]
        ]
        print(table(rows, ["work", "quotes P", "R", "F1", "speaker", "quotes"]))
    return 0


def annotation_files(directory: Path, names: list[str] | None = None) -> list[Path]:
    folder = directory / "quotations" / "tsv"
    if not folder.is_dir():
        raise InputError("no quotations/tsv folder", path=directory, hint="pass the LitBank folder")
    paths = sorted(p for p in folder.glob("*_brat.ann") if "QUOTE\t" in p.read_text(encoding="utf-8"))
    if names:
        wanted = {n.removesuffix("_brat.ann").removesuffix("_brat") for n in names}
        paths = [p for p in paths if p.name.removesuffix("_brat.ann") in wanted]
        if not paths:
            raise InputError(f"no such work: {', '.join(sorted(wanted))}", path=folder)
    return paths


def load_work(path: Path, coref_path: Path) -> LitBankWork:
    text_path = path.with_suffix(".txt")
    if not text_path.is_file():
        raise InputError("the tokenised text is missing", path=text_path)
    sentences = [
        line.split(" ") if line else [] for line in text_path.read_text(encoding="utf-8").split("\n")
    ]
    text, offsets = detokenise(sentences)
    quotes: dict[str, tuple[int, int]] = {}
    speakers: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        try:
            if fields[0] == "QUOTE":
                first = (int(fields[2]), int(fields[3]))
                last = (int(fields[4]), int(fields[5]))
                quotes[fields[1]] = _words_span(sentences, offsets, first, last)
            elif fields[0] == "ATTRIB":
                speakers[fields[1]] = fields[2]
        except (IndexError, ValueError):
            raise InputError(f"line {number} is not a LitBank QUOTE or ATTRIB row", path=path) from None
    cast, wordings = _cast(coref_path, set(speakers.values()))
    narrator = _narrator_chain(coref_path, sentences, offsets, list(quotes.values()), set(speakers.values()))
    for character in cast:
        character.narrator = character.id == narrator
    gold = sorted((s, e, speakers.get(q)) for q, (s, e) in quotes.items())
    return LitBankWork(path.name.removesuffix("_brat.ann"), text, gold, cast, wordings)


def detokenise(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Running prose from tokenised sentences, and each token's (start, end) in it.

    Speeches are marked by double quotation marks or, in a work that quotes with single ones
    (`_quotes_in_single_marks`), by those; the other kind is a quote within a speech.
    """
    single = _quotes_in_single_marks(sentences)
    closers = _SINGLE_CLOSERS if single else _DOUBLE_CLOSERS
    parts: list[str] = []
    length = 0
    offsets: list[list[tuple[int, int]]] = []
    quote_open = False
    previous_closed_quote = False
    last_quote: list[str] = []  # the words of the paragraph's last closed quote
    after_quote: list[str] | None = None  # the narration since it closed (None: no such quote)
    for number, tokens in enumerate(sentences):
        spans: list[tuple[int, int]] = []
        opens_quote = bool(tokens) and _mark(tokens, 0, quote_open, single) == "open"
        if length:
            # (a sentence after a closed quote that opens in lower case is that quote's tag,
            # `"...!" sighed Meg`, which the tokeniser split off: it stays in the paragraph; so is
            # `I asked.` after a quote that ended on "?" or "!", the narrator's own tag; and an
            # aside in brackets after a quote, `(Dinah was the cat.)`, is the writer's, not a turn)
            tag_after = (
                previous_closed_quote
                and bool(tokens)
                and (
                    tokens[0][:1].islower()
                    or tokens[0] == "("
                    or (
                        tokens[0] == "I"
                        and len(tokens) > 1
                        and tokens[1][:1].islower()
                        and last_quote[-1:] in (["?"], ["!"])
                    )
                )
            )
            goes_on = (
                opens_quote
                and after_quote is not None
                and _speaker_goes_on(last_quote, after_quote, _quoted_words(sentences, number, closers))
            )
            new_paragraph = (opens_quote or previous_closed_quote) and not tag_after and not goes_on
            separator = "\n\n" if new_paragraph else " "
            parts.append(separator)
            length += len(separator)
            if new_paragraph:
                after_quote = None
        glue = True  # no space before the next token
        closed = False
        for position, token in enumerate(tokens):
            mark = _mark(tokens, position, quote_open, single)
            closed = mark == "close"
            if mark == "open":
                quote_open = True
                last_quote, after_quote = [], None
            elif closed:
                quote_open = False
                after_quote = []
            elif quote_open:
                last_quote.append(token)
            elif after_quote is not None:
                after_quote.append(token)
            # (spacing: no space after an opening mark of either kind nor before a closing one)
            is_open = mark == "open" or token in ("“", "‘")
            closing = closed or token == "”"
            if not glue and not closing and token not in _NO_SPACE_BEFORE and not _CLITIC.match(token):
                parts.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            parts.append(token)
            length += len(token)
            glue = is_open or token in ("(", "[")
        previous_closed_quote = closed
        offsets.append(spans)
    return "".join(parts), offsets


def _quotes_in_single_marks(sentences: list[list[str]]) -> bool:
    """Whether a work marks its speeches with single quotation marks (‘...’ or '...').

    Works that quote with double marks use single ones for quotes within quotes and straight
    ones for dropped letters too ("goin'"), so single marks must outnumber double ones four to one.
    """
    single = double = 0
    for tokens in sentences:
        for position, token in enumerate(tokens):
            if token == "‘" or (token == "'" and (position == 0 or not tokens[position - 1][-1:].isalnum())):
                single += 1
            elif token in ('"', "“"):
                double += 1
    return single > 4 * double


def _mark(tokens: list[str], position: int, quote_open: bool, single: bool) -> str:
    """What the token at `position` does to the speech: "open", "close" or "" (nothing).

    A lone straight single mark opens a speech only at a sentence start or after punctuation (after
    a word it is an apostrophe: `the girls '`), and a lone ’ closes one only while one is open.
    """
    token = tokens[position]
    if single:
        if token == "‘" or (token == "'" and not quote_open):
            after_word = position > 0 and tokens[position - 1][-1:].isalnum()
            return "open" if not quote_open and not (token == "'" and after_word) else ""
        return "close" if token in ("’", "'") and quote_open else ""
    if token == '"':
        return "close" if quote_open else "open"
    if token == "“":
        return "open"
    return "close" if token == "”" else ""


def _quoted_words(sentences: list[list[str]], first: int, closers: frozenset[str]) -> tuple[list[str], bool]:
    """The first words of the quote that opens sentence `first` (as many as the rule needs), and
    whether a tag of its own follows it (a lower-case word right after its closing mark)."""
    words: list[str] = []
    closed = False
    # (an unclosed quote must not send every tag sentence reading to the end of the work)
    for number in range(first, min(first + _LONGEST_LOOKAHEAD, len(sentences))):
        for token in sentences[number][1:] if number == first else sentences[number]:
            if closed:
                return words, token[:1].islower()
            if token in closers:
                closed = True
            elif any(c.isalnum() for c in token) and len(words) < _SHORTEST_CONTINUATION:
                words.append(token)
    return words, False


def _speaker_goes_on(quote: list[str], tag: list[str], said: tuple[list[str], bool]) -> bool:
    """Whether a quote after `"...," said Meg.` is Meg going on in the same paragraph.

    LitBank keeps no paragraphs, and in novels the quote after a tag sentence goes on about as
    often as it answers. It answers more often when the first one asked a question, when its tag
    is a question verb or narration of more than one sentence or many words, when it is short or
    opens with an answer word ("Yes", "Oh"), or when it has a tag of its own (`"...," sighed
    Jo.`: 5 times in 6); otherwise the speaker goes on about 8 times in 10 (counted on PDNC's
    development novels, whose paragraphs are kept: the rule cuts 74% of them right, always
    cutting 49%).
    """
    said_words, said_is_tagged = said
    words = [t for t in tag if any(c.isalnum() for c in t)]
    sentence_ends = sum(t in (".", "!", "?") for t in tag)
    return (
        bool(quote and words and said_words)
        and not said_is_tagged
        and tag[-1] in (".", "!", "?")
        and sentence_ends == 1
        and quote[-1] != "?"
        and len(words) <= _LONGEST_CONTINUED_TAG
        and not any(w.lower() in _QUESTION_TAGS for w in words)
        and said_words[0].lower() not in _ANSWER_OPENERS
        and len(said_words) >= _SHORTEST_CONTINUATION
    )


def _words_span(
    sentences: list[list[str]],
    offsets: list[list[tuple[int, int]]],
    first: tuple[int, int],
    last: tuple[int, int],
) -> tuple[int, int]:
    (s1, t1), (s2, t2) = first, last
    if sentences[s1][t1] in ('"', "“", "‘", "'") and (s1, t1) != (s2, t2):
        s1, t1 = (s1, t1 + 1) if t1 + 1 < len(sentences[s1]) else (s1 + 1, 0)
    if sentences[s2][t2] in ('"', "”", "’", "'") and (s1, t1) != (s2, t2):
        s2, t2 = (s2, t2 - 1) if t2 > 0 else (s2 - 1, len(sentences[s2 - 1]) - 1)
    return offsets[s1][t1][0], offsets[s2][t2][1]


def _cast(coref_path: Path, speaker_ids: set[str]) -> tuple[list[Character], dict[str, Counter[str]]]:
    """Each speaker as a Character: named by its proper-noun mentions (else its coref id); and,
    for each speaker with no proper-noun mention, how often it is mentioned by each wording."""
    mentions: dict[str, list[str]] = {}
    if coref_path.is_file():
        for line in coref_path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) == 3 and fields[0].startswith("T"):
                chain = fields[1].split(" ")[0]
                if chain in speaker_ids:
                    mentions.setdefault(chain, []).append(fields[2])
    cast = []
    nameless: dict[str, Counter[str]] = {}
    for chain in sorted(speaker_ids):
        said = mentions.get(chain, [])
        names = Counter(
            m for m in said if m[:1].isupper() and m.lower() not in _NOT_NAMES and " " not in m.strip()[:0]
        )
        proper = [n for n, _ in names.most_common() if not re.match(r"(?:The|A|An|His|Her|My)\s", n)]
        from_id = re.sub(r"-\d+$", "", chain).replace("_", " ")
        name = proper[0] if proper else from_id
        if not proper:
            nameless[chain] = Counter(name_key(m) for m in said)
        lower = [m.lower() for m in said]
        he, she = sum(m in _MALE for m in lower), sum(m in _FEMALE for m in lower)
        gender = "M" if he > she else "F" if she > he else "U"
        aliases = sorted({*proper[1:], from_id} - {name})
        cast.append(Character(id=chain, name=name, aliases=aliases, gender=gender))  # type: ignore[arg-type]
    return cast, nameless


def _narrator_chain(
    coref_path: Path,
    sentences: list[list[str]],
    offsets: list[list[tuple[int, int]]],
    quotes: list[tuple[int, int]],
    speaker_ids: set[str],
) -> str | None:
    """The speaker id of the first-person narrator: the chain with the most I/me/my outside
    the quotes (inside them every speaker says "I"), if it has at least `_FEWEST_NARRATOR_WORDS`.

    The coreference offsets count characters in the tokenised text (tokens joined by spaces,
    sentences by line breaks); they are carried over to the running prose through the tokens.
    """
    if not coref_path.is_file():
        return None
    prose_start: dict[int, int] = {}
    position = 0
    for tokens, spans in zip(sentences, offsets, strict=True):
        for token, (start, _) in zip(tokens, spans, strict=True):
            prose_start[position] = start
            position += len(token) + 1
        position += 0 if tokens else 1
    spans = sorted(quotes)
    starts = [s for s, _ in spans]
    counts: Counter[str] = Counter()
    for line in coref_path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0].startswith("T") or fields[2].lower() not in FIRST_PERSON:
            continue
        chain, start = fields[1].split(" ")[:2]
        if chain not in speaker_ids:
            continue  # (an entity-type row, or someone who never speaks)
        at = prose_start.get(int(start))
        before = bisect_right(starts, at) - 1 if at is not None else -1
        if at is not None and not (before >= 0 and at < spans[before][1]):
            counts[chain] += 1
    if not counts:
        return None
    chain, number = counts.most_common(1)[0]
    return chain if number >= _FEWEST_NARRATOR_WORDS else None


def evaluate(gold: LitBankWork, *, gold_quotes: bool, gold_roster: bool) -> Counts:
    from fandex import pipeline
    from fandex.readers import plaintext

    work: Work = plaintext.from_string(gold.text, source=gold.name)
    if work.text != gold.text:
        raise InputError("the reader changed the text, so LitBank's offsets do not apply", path=gold.name)
    options = Options(
        roster=[Character(c.id, c.name, list(c.aliases), c.gender) for c in gold.cast]
        if gold_roster
        else None,
        quotes=[Span(s, e) for s, e, _ in gold.quotes] if gold_quotes else None,
    )
    pipeline.run(work, options)
    return score(work, gold, gold_roster)


def score(work: Work, gold: LitBankWork, gold_roster: bool) -> Counts:
    counts = Counts()
    predicted = sorted(work.quotes, key=lambda q: q.start)
    pairs = match_spans([(s, e) for s, e, _ in gold.quotes], [(q.start, q.end) for q in predicted])
    counts.gold, counts.predicted, counts.matched = len(gold.quotes), len(predicted), len(pairs)
    to_gold = (
        {c.id: c.id for c in work.characters}
        if gold_roster
        else _map_by_name(work.characters, gold.cast, gold.wordings)
    )
    for g, (_, _, speaker) in enumerate(gold.quotes):
        p = pairs.get(g)
        ours = predicted[p].speaker if p is not None else None
        right = ours is not None and speaker is not None and to_gold.get(ours) == speaker
        counts.attributed += 1
        counts.correct += int(right)
        counts.score_type("all", right)
    keys = {name_key(n) for c in work.characters for n in (c.name, *c.aliases)}
    named = [c for c in gold.cast if c.name[:1].isupper()]
    counts.roster_total = len(named)
    counts.roster_found = sum(1 for c in named if any(name_key(n) in keys for n in (c.name, *c.aliases)))
    return counts


def _map_by_name(
    ours: list[Character], cast: list[Character], wordings: dict[str, Counter[str]] | None = None
) -> dict[str, str]:
    """Our characters' gold ids: by a shared name; failing that, by a name that differs only by a
    title or article (`Master John Rolfe` and `John Rolfe`, `the Convict` and `convict`) when it
    fits one gold character only, of no other gender (by title or pronouns), and a one-word rest
    is left by stripping one side only (`King John` is not `Sir John`); failing that, our
    first-person narrator is the gold one (both say who tells the story, by different names);
    and a character of ours known only by a description ("The Man") is the nameless gold speaker
    the annotators' mentions word so most often (gold names a nameless speaker by one description
    of many: "a rough voice" is "the man" in every tag; a named speaker some tags call "the
    girl" stays unmatched, since our "The Girl" did not find out who she is)."""
    owners: dict[str, set[str]] = {}
    loose_owners: dict[str, set[tuple[str, str, bool]]] = {}
    for character in cast:
        for name in (character.name, *character.aliases):
            owners.setdefault(name_key(name), set()).add(character.id)
            key, gender = _loose_key(name)
            stripped = key != name_key(name)
            loose_owners.setdefault(key, set()).add(
                (character.id, gender if gender != "U" else character.gender, stripped)
            )
    narrators = [c.id for c in cast if c.narrator]
    mapping = {}
    for character in ours:
        votes: Counter[str] = Counter()
        for name in (character.name, *character.aliases):
            votes.update(owners.get(name_key(name), ()))
        if votes:
            mapping[character.id] = votes.most_common(1)[0][0]
            continue
        loose: set[str] = set()
        for name in (character.name, *character.aliases):
            key, gender = _loose_key(name)
            gender = gender if gender != "U" else character.gender
            stripped = key != name_key(name)
            loose |= {
                owner
                for owner, owner_gender, owner_stripped in loose_owners.get(key, ())
                if {gender, owner_gender} != {"M", "F"} and (" " in key or not (stripped and owner_stripped))
            }
        if len(loose) == 1:
            mapping[character.id] = loose.pop()
        elif character.narrator and len(narrators) == 1:
            mapping[character.id] = narrators[0]
        elif wordings and character.name.lower().startswith("the "):
            keys = {name_key(n) for n in (character.name, *character.aliases)}
            worded = Counter({chain: sum(said[k] for k in keys) for chain, said in wordings.items()})
            chain, number = worded.most_common(1)[0] if worded else ("", 0)
            if number:
                mapping[character.id] = chain
    return mapping


def _loose_key(name: str) -> tuple[str, str]:
    """A name without a leading article and titles, and the gender its titles imply ("U")."""
    words = name_key(name).split()
    gender = "U"
    while len(words) > 1 and (words[0] in DETERMINERS or words[0] in HONORIFICS):
        if HONORIFICS.get(words[0], "U") != "U":
            gender = HONORIFICS[words[0]]
        words = words[1:]
    return " ".join(words), gender


def report(per_work: dict[str, Counts], total: Counts) -> dict[str, Any]:
    return {
        "works": len(per_work),
        **score_block(total),
        "per_work": {n: score_block(c) for n, c in per_work.items()},
    }
