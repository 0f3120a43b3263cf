"""Where the pipeline spends its time: each stage of ``fandex.pipeline.STAGES`` under cProfile.

    python benchmarks/profile_pipeline.py [FILE] [--top N] [--sort tottime|cumulative]

FILE defaults to one PDNC novel (Emma). Prints, per stage, its share of the run and the functions
that cost the most inside it; reading the file, loading the model and writing the JSON are shown
as stages of their own, since ``fandex analyze`` pays for them too.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NOVEL = ROOT.parent / "shared" / "data" / "pdnc" / "Emma" / "novel_text.txt"


def profiled(step: Callable[[], Any]) -> tuple[Any, float, pstats.Stats]:
    profiler = cProfile.Profile()
    # CPU time, not wall time: on a shared machine the wall clock also counts other people's work.
    start = time.process_time()
    profiler.enable()
    result = step()
    profiler.disable()
    elapsed = time.process_time() - start
    return result, elapsed, pstats.Stats(profiler)


def hotspots(stats: pstats.Stats, sort: str, top: int) -> list[str]:
    """The ``top`` costliest functions as 'tottime cumtime calls file:line(function)' lines."""
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            (tottime if sort == "tottime" else cumtime, tottime, cumtime, calls, filename, line, function)
        )
    rows.sort(reverse=True)
    lines = []
    for _, tottime, cumtime, calls, filename, line, function in rows[:top]:
        where = _short(filename)
        lines.append(f"{tottime:8.3f} {cumtime:8.3f} {calls:>9} {where}:{line}({function})")
    return lines


def _short(filename: str) -> str:
    parts = Path(filename).parts
    if "fandex" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("fandex") :])
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    return filename if filename.startswith("<") or filename == "~" else Path(filename).name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_NOVEL, help="the story to profile")
    parser.add_argument("--top", type=int, default=8, help="functions listed per stage (default 8)")
    parser.add_argument("--sort", choices=["tottime", "cumulative"], default="tottime")
    args = parser.parse_args(argv)

    from fandex import nlp, pipeline, readers
    from fandex.options import Options
    from fandex.writers import json as json_writer

    options = Options()
    steps: list[tuple[str, Callable[[], Any]]] = []
    work_box: dict[str, Any] = {}

    def read() -> None:
        work_box["work"] = readers.read_file(args.file)

    steps.append(("read", read))
    steps.append(("load model", nlp.load))  # paid once per process by whichever stage asks first
    for stage in pipeline.STAGES:
        steps.append(
            (f"{stage.__module__}.{stage.__name__}", lambda stage=stage: stage(work_box["work"], options))
        )
    steps.append(("write JSON", lambda: json_writer.dumps(work_box["work"])))

    timings: list[tuple[str, float, pstats.Stats]] = []
    for name, step in steps:
        _, elapsed, stats = profiled(step)
        timings.append((name, elapsed, stats))
    work = work_box["work"]
    words = work.word_count()
    total = sum(elapsed for _, elapsed, _ in timings)
    out = io.StringIO()
    print(
        f"{args.file}: {words:,} words, {total:.2f} s CPU in all, profiler overhead included ({words / total:,.0f} words/s)",
        file=out,
    )
    print(f"{'stage':<40} {'CPU s':>8} {'share':>6}", file=out)
    for name, elapsed, _ in timings:
        print(f"{name:<40} {elapsed:8.3f} {elapsed / total:6.1%}", file=out)
    for name, elapsed, stats in timings:
        if elapsed < 0.01 * total:
            continue
        print(f"\n== {name}: {elapsed:.3f} s  CPU (wall-clock tottime cumtime calls function)", file=out)
        for line in hotspots(stats, args.sort, args.top):
            print("  " + line, file=out)
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
