"""The library commands: `fandex add`, `search`, `ls`, `show`, `rm` and `export`.

Only argparse is imported at the top: `fandex --help` must stay fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fandex.library import Library

EXPORT_FORMATS = ("json",)


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $FANDEX_LIBRARY, else library.sqlite in your data folder)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    add = subparsers.add_parser(
        "add",
        help="analyse stories and store them in the library",
        description=(
            "Analyse story files (or every story in a folder) and store them in the library. A story "
            "already stored from the same file is skipped when unchanged and updated when its text "
            "changed; the same text from another file is reported as a duplicate and not stored twice."
        ),
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="story files or folders")
    _library_option(add)
    add.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="analyse with N processes")
    add.add_argument("--force", action="store_true", help="re-analyse stories even when unchanged")
    add.add_argument("--fandom", metavar="NAME", help="treat every work as this fandom")
    add.add_argument(
        "--pack-dir", action="append", default=[], metavar="DIR", help="extra folder of fandom packs"
    )
    add.set_defaults(run=run_add)

    search = subparsers.add_parser(
        "search",
        help="search the library by text and tags",
        description=(
            "Full-text search over titles, summaries, tags and stories, with AO3-style filters: every "
            "include filter must hold (AND), no excluded tag may be present. Filters match declared "
            "and inferred tags, whatever their case."
        ),
    )
    search.add_argument(
        "query", nargs="?", default="", metavar="QUERY", help='words or "a phrase"; word* for a prefix'
    )
    _library_option(search)
    for option, help_text in (
        ("--fandom", "only works in this fandom"),
        ("--rating", "only works with this rating"),
        ("--warning", "only works with this archive warning"),
        ("--category", "only works in this category (F/F, F/M, Gen, M/M, Multi, Other)"),
        ("--relationship", 'only works with this relationship, e.g. "Spike/Willow Rosenberg"'),
        ("--character", "only works with this character"),
        ("--tag", "only works with this tag (of any kind)"),
    ):
        search.add_argument(
            option, action="append", default=[], metavar="VALUE", help=help_text + "; repeatable"
        )
    search.add_argument(
        "--exclude-tag", action="append", default=[], metavar="TAG", help="leave out works with this tag"
    )
    search.add_argument("--words", metavar="MIN-MAX", help="word count range, e.g. 1000-5000, 1000- or -5000")
    search.add_argument("--sort", choices=("relevance", "words", "title", "added"), default="relevance")
    search.add_argument("--facets", action="store_true", help="also print tag counts over the matches")
    search.add_argument("--json", action="store_true", help="print the results as JSON")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    search.set_defaults(run=run_search)

    ls = subparsers.add_parser("ls", help="list the works in the library")
    _library_option(ls)
    ls.add_argument("--json", action="store_true", help="print the list as JSON")
    ls.set_defaults(run=run_ls)

    show = subparsers.add_parser("show", help="print a stored work's summary")
    show.add_argument("id", type=int, metavar="ID", help="the work's id (see `fandex ls`)")
    _library_option(show)
    show.set_defaults(run=run_show)

    rm = subparsers.add_parser("rm", help="remove a work from the library")
    rm.add_argument("id", type=int, metavar="ID", help="the work's id (see `fandex ls`)")
    _library_option(rm)
    rm.set_defaults(run=run_rm)

    export = subparsers.add_parser("export", help="print a stored work's analysis")
    export.add_argument("id", type=int, metavar="ID", help="the work's id (see `fandex ls`)")
    export.add_argument("--format", default="json", metavar="FORMAT", help="json (the default)")
    _library_option(export)
    export.set_defaults(run=run_export)


def _open(args: argparse.Namespace, *, create: bool = False) -> Library:
    from fandex.library import Library

    return Library.open(args.library, create=create)


# ------------------------------------------------------------------------------- add


def run_add(args: argparse.Namespace) -> int:
    from pathlib import Path

    from tqdm import tqdm

    from fandex import readers
    from fandex.errors import FandexError
    from fandex.library import text_hash
    from fandex.options import Options
    from fandex.parallel import analyze_in_parallel

    if args.jobs < 1:
        raise FandexError("--jobs must be 1 or more")
    options = Options(fandom=args.fandom, pack_dirs=list(args.pack_dir))
    counts = {"added": 0, "updated": 0, "unchanged": 0, "duplicates": 0, "failed": 0}
    with _open(args, create=True) as library:
        paths = list(readers.expand_paths(args.paths))
        progress = tqdm(
            total=len(paths), unit="work", disable=None if len(paths) > 3 else True, file=sys.stderr
        )

        def report(line: str) -> None:
            progress.write(line, file=sys.stderr)

        # Cheap first pass: reading is fast, analysing is not; unchanged stories and duplicates are
        # known from the text's hash alone (this is what lets an interrupted batch carry on quickly).
        to_analyse: list[Path] = []
        seen: dict[str, Path] = {}
        for path in paths:
            source = str(path.resolve())
            try:
                text = readers.read_file(path).text
            except FandexError as error:
                counts["failed"] += 1
                report(f"fandex: error: {error.one_line()}")
                progress.update(1)
                continue
            digest = text_hash(text)
            if digest in seen:
                counts["duplicates"] += 1
                report(f"duplicate: {path} has the same text as {seen[digest]}; not stored twice")
                progress.update(1)
                continue
            seen[digest] = path
            known = None if args.force else library.check_before_analysis(text, source)
            if known is not None and known.status == "unchanged":
                counts["unchanged"] += 1
                progress.update(1)
                continue
            if known is not None and known.status == "duplicate":
                counts["duplicates"] += 1
                report(f"duplicate: {path} has the same text as work {known.work_id} ({known.other_source})")
                progress.update(1)
                continue
            to_analyse.append(path)

        for path, result in analyze_in_parallel(to_analyse, options, jobs=args.jobs):
            progress.update(1)
            if isinstance(result, Exception):
                counts["failed"] += 1
                message = result.one_line() if isinstance(result, FandexError) else f"{path}: {result}"
                report(f"fandex: error: {message}")
                continue
            outcome = library.add(result, str(path.resolve()))
            if outcome.status == "duplicate":
                counts["duplicates"] += 1
                report(
                    f"duplicate: {path} has the same text as work {outcome.work_id} ({outcome.other_source})"
                )
            else:
                counts[outcome.status] += 1
        progress.close()
        print(
            ", ".join(f"{name} {number}" for name, number in counts.items()) + f" (library {library.path})",
            file=sys.stderr,
        )
    return 2 if counts["failed"] else 0


# ------------------------------------------------------------------------------- search


def build_query(args: argparse.Namespace):  # -> fandex.library.SearchQuery
    from fandex.errors import FandexError
    from fandex.library import SearchQuery, parse_word_range

    if args.limit < 1:
        raise FandexError("--limit must be 1 or more")
    include = {
        "fandom": args.fandom,
        "rating": args.rating,
        "warning": args.warning,
        "category": args.category,
        "relationship": args.relationship,
        "character": args.character,
        "any": args.tag,
    }
    low, high = parse_word_range(args.words) if args.words else (None, None)
    return SearchQuery(
        text=args.query,
        include={kind: values for kind, values in include.items() if values},
        exclude=list(args.exclude_tag),
        words_min=low,
        words_max=high,
        sort=args.sort,
        limit=args.limit,
    )


def run_search(args: argparse.Namespace) -> int:
    from fandex.library import FACET_LABELS, facets, search
    from fandex.library.search import RANK_LIMIT

    query = build_query(args)
    with _open(args) as library:
        results = search(library, query)
        counted = facets(library, query) if args.facets else None
    if args.json:
        document: dict[str, object] = {
            "total": results.total,
            "ranked": results.ranked,
            "results": [_hit_json(hit) for hit in results.hits],
        }
        if counted is not None:
            document["facets"] = {
                kind: [{"value": v, "works": n} for v, n in items] for kind, items in counted.items()
            }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    shown = len(results.hits)
    print(
        f"{results.total} work{'s' if results.total != 1 else ''} found"
        + (f", showing {shown}" if shown < results.total else "")
    )
    if not results.ranked:
        print(f"(over {RANK_LIMIT:,} works match: newest first; add words or filters to rank by relevance)")
    for hit in results.hits:
        print(_hit_line(hit))
    if counted is not None:
        for kind, items in counted.items():
            if items:
                print(f"\n{FACET_LABELS.get(kind, kind.capitalize())}:")
                for value, number in items:
                    print(f"  {value} ({number})")
    return 0


def _hit_json(hit) -> dict[str, object]:
    row = hit.row
    tags: dict[str, list[dict[str, str]]] = {}
    for tag in hit.tags:
        tags.setdefault(tag.kind, []).append({"value": tag.value, "source": tag.source})
    return {
        "id": row.id,
        "title": row.title,
        "authors": row.authors,
        "fandoms": row.fandoms,
        "rating": row.rating,
        "warnings": row.warnings,
        "category": row.category,
        "words": row.words,
        "summary": row.summary,
        "source": row.source,
        "tags": tags,
    }


def _hit_line(hit) -> str:
    row = hit.row
    by = f" by {row.authors}" if row.authors else ""
    details = [part for part in (row.fandoms, row.rating, f"{row.words:,} words") if part]
    line = f"{row.id:>6}  {row.display_title}{by}  [{'; '.join(details)}]"
    relationships = [tag.value for tag in hit.tags_of_kind("relationship")]
    if relationships:
        line += f"\n        {', '.join(relationships)}"
    return line


# ------------------------------------------------------------------------------- ls, show, rm, export


def run_ls(args: argparse.Namespace) -> int:
    with _open(args) as library:
        rows = library.rows()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "authors": r.authors,
                        "fandoms": r.fandoms,
                        "rating": r.rating,
                        "words": r.words,
                        "source": r.source,
                        "added": r.added,
                        "updated": r.updated,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for r in rows:
        by = f" by {r.authors}" if r.authors else ""
        print(f"{r.id:>6}  {r.display_title}{by}  ({r.words:,} words)")
    print(f"{len(rows)} work{'s' if len(rows) != 1 else ''} in {library.path}", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from fandex.writers import summary

    with _open(args) as library:
        row = library.row(args.id)
        work = library.work(args.id)
    print(f"work {row.id} in the library, added {row.added}, updated {row.updated}")
    print(summary.render(work), end="")
    return 0


def run_rm(args: argparse.Namespace) -> int:
    with _open(args) as library:
        row = library.row(args.id)
        library.remove(args.id)
    print(f"removed work {row.id}: {row.display_title}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from fandex.errors import FandexError
    from fandex.writers import json as json_writer

    if args.format not in EXPORT_FORMATS:
        raise FandexError(
            f"unknown export format {args.format!r}", hint=f"choose one of: {', '.join(EXPORT_FORMATS)}"
        )
    with _open(args) as library:
        work = library.work(args.id)
    print(json_writer.dumps(work))
    return 0
