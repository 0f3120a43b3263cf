"""`fandex analyze PATH...`: analyse stories and print a summary or JSON per work."""

from __future__ import annotations

import argparse
import functools
import itertools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fandex.work import Work


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse story files and print what was found",
        description=(
            "Analyse story files (plain text, Usenet posts, HTML, AO3/fanfiction.net pages, EPUB, "
            "Markdown) or every story in a directory. Prints a readable summary per work, or JSON."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="story files or directories")
    parser.add_argument("--json", action="store_true", help="print one JSON document per work")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="write each work's JSON to DIR/<file name without extension>.json",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="analyse with N processes (default 1)"
    )
    parser.add_argument("--fandom", metavar="NAME", help="treat every work as this fandom")
    parser.add_argument(
        "--pack-dir", action="append", default=[], metavar="DIR", help="extra folder of fandom packs"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from fandex import readers
    from fandex.errors import FandexError
    from fandex.options import Options
    from fandex.parallel import analyze_in_parallel

    options = Options(fandom=args.fandom, pack_dirs=list(args.pack_dir))
    output_dir = Path(args.output) if args.output else None
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FandexError(f"cannot create the output folder: {error.strerror}", path=output_dir) from None
    if args.jobs < 1:
        raise FandexError("--jobs must be 1 or more")

    paths = list(readers.expand_paths(args.paths))
    if not paths:
        raise FandexError(
            "no story files found",
            path=" ".join(args.paths),
            hint="fandex reads .txt, .html, .epub, .md and mail files",
        )
    failures = 0
    progress = _progress(len(paths))
    # The worker that analysed a work also writes or renders it: only a path or a string comes back.
    if output_dir is not None:
        finish = functools.partial(_write_json_file, _output_names(paths, output_dir))
    else:
        finish = _json_text if args.json else _summary_text
    for path, result in analyze_in_parallel(paths, options, jobs=args.jobs, finish=finish):
        progress.update(1)
        if isinstance(result, Exception):
            failures += 1
            message = result.one_line() if isinstance(result, FandexError) else f"{path}: {result}"
            progress.write(f"fandex: error: {message}", file=sys.stderr)
            continue
        if output_dir is None:
            print(result, flush=True)
    progress.close()
    if output_dir is not None:
        done = len(paths) - failures
        print(f"wrote {done} JSON file{'s' if done != 1 else ''} to {output_dir}", file=sys.stderr)
    return 2 if failures else 0


def _output_names(paths: list[Path], output_dir: Path) -> dict[Path, Path]:
    """DIR/<name without extension>.json per input. Where two inputs share that name (story.html and
    story.epub, or every novel_text.txt of a corpus), the later ones are told apart by their
    extension, then their folder, then a number, so that no result overwrites another."""
    targets: dict[Path, Path] = {}
    taken: set[str] = set()
    for path in paths:
        plain = f"{path.stem}.json"
        candidates = itertools.chain(
            (plain, f"{path.name}.json", f"{path.parent.name}-{path.stem}.json"),
            (f"{path.stem}-{number}.json" for number in itertools.count(2)),
        )
        name = next(c for c in candidates if c not in taken)
        if name != plain:
            print(f"fandex: note: {path} is written to {name}: {plain} is taken", file=sys.stderr)
        taken.add(name)
        targets[path] = output_dir / name
    return targets


def _write_json_file(targets: dict[Path, Path], path: Path, work: Work) -> Path:
    from fandex.writers import json as json_writer

    target = targets[path]
    target.write_text(json_writer.dumps(work), encoding="utf-8")
    return target


def _json_text(path: Path, work: Work) -> str:
    from fandex.writers import json as json_writer

    return json_writer.dumps(work)


def _summary_text(path: Path, work: Work) -> str:
    from fandex.writers import summary

    return summary.render(work)


def _progress(total: int):
    from tqdm import tqdm

    # A bar only for real batches, on a terminal; it writes to stderr so stdout stays clean.
    return tqdm(total=total, unit="work", disable=None if total > 3 else True, file=sys.stderr)
