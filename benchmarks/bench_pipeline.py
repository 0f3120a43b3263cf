"""Pipeline speed (issue "Speed"): fandex against spaCy's en_core_web_sm on the same text.

``make bench`` runs this over the PDNC novels (../shared/data/pdnc/*/novel_text.txt) and measures:

- corpus: ``fandex analyze FILES -o TMP`` as a whole process (start-up and model loading included)
  against spaCy's default pipeline merely parsing the same files (spacy_baseline.py), each in its
  own subprocess pinned to the same single core; words per second, their ratio, peak RSS;
- longest: the longest novel of the corpus on its own, the same way;
- story: a story of at least 500,000 words made by concatenating novels (peak RSS must stay <= 1 GB);
- jobs: ``--jobs 1`` against ``--jobs 2`` over the corpus, unpinned (must scale >= 1.8x on 2 cores);
- memory: a directory of 1 against 20 copies of a novel (a batch streams: peak RSS stays flat);
- startup: ``fandex --help`` and every command's ``--help`` (median wall time; which heavy modules
  each one imports: none should load spaCy);
- accuracy: ``fandex eval pdnc PDNC --json`` at the same commit, printed next to the speed.

Words are counted once, by the bench, with fandex's own rule (``fandex.work.count_words``) over each
file's whole text, and both speeds divide the same count. Every timed figure is the median of
``--repeat`` runs: the machine may be shared, so the CPU-time ratio (what each process computed) is
the headline and the wall-time ratio is printed beside it.

Results go to bench-results/ (gitignored) and, for a full run, to docs/performance.json.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime as dt
import functools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PDNC = ROOT.parent / "shared" / "data" / "pdnc"
RESULTS_DIR = ROOT / "bench-results"
DOCS_JSON = ROOT / "docs" / "performance.json"
SPACY_BASELINE = Path(__file__).resolve().parent / "spacy_baseline.py"

TARGET_RATIO = 3.0
TARGET_JOBS_SPEEDUP = 1.8
STORY_WORDS = 500_000
STORY_RSS_LIMIT_MB = 1024
HELP_LIMIT_SECONDS = 0.5
# The three short novels of --quick (about 70,000 words together).
# --subset: eight novels over the whole range of lengths, 610,860 words (the issue allows a documented
# subset of at least 500,000 words), for a full bench in about a third of the time.
SUBSET_NOVELS = (
    "DaisyMiller",
    "AlicesAdventuresInWonderland",
    "TheSignOfTheFour",
    "TheGambler",
    "NorthangerAbbey",
    "APassageToIndia",
    "PrideAndPrejudice",
    "Emma",
)
QUICK_NOVELS = ("DaisyMiller", "WinnieThePooh", "AlicesAdventuresInWonderland")
# Modules that mean a command paid for more than it needed: the model stack and other heavy imports.
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h
# The environment of every measured subprocess (--src points PYTHONPATH at another source tree).
SUBPROCESS_ENV = dict(os.environ)
HEAVY_MODULES = ("spacy", "thinc", "torch", "numpy", "selenium", "jinja2", "bs4", "lxml", "yaml")


# ------------------------------------------------------------------------- measuring a subprocess


@dataclass
class Run:
    """One subprocess: wall time, CPU time (user + system, its reaped children included), peak RSS."""

    wall: float
    cpu: float
    max_rss_mb: float
    returncode: int
    load_average: float  # the machine's 1-minute load when the run started: how shared it was
    stdout: str = field(repr=False)
    stderr: str = field(repr=False)


def run_measured(command: Sequence[str], cores: set[int] | None = None, timeout: float = 3600.0) -> Run:
    """Run ``command`` to completion, pinned to ``cores`` if given, and measure it with wait4.

    wait4's rusage covers the child and every descendant it reaped, with ru_maxrss the largest
    single process: the peak RSS a user would see. Pool workers are not the child's own children
    (multiprocessing's fork server starts them) and outlive it briefly: as a child subreaper, the
    bench inherits and reaps them, and their CPU time and RSS are counted too.
    """

    def pin() -> None:
        if cores is not None:
            os.sched_setaffinity(0, cores)

    become_subreaper()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        load_average = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), stdout=out, stderr=err, preexec_fn=pin, cwd=ROOT, env=SUBPROCESS_ENV
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        max_rss_kb = usage.ru_maxrss
        for orphan in reap_orphans():
            cpu += orphan.ru_utime + orphan.ru_stime
            max_rss_kb = max(max_rss_kb, orphan.ru_maxrss)
        out.seek(0)
        err.seek(0)
        return Run(
            wall=wall,
            cpu=cpu,
            max_rss_mb=max_rss_kb / 1024,  # kilobytes on Linux
            returncode=process.returncode,
            load_average=load_average,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


@functools.cache
def become_subreaper() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print("bench: cannot become a child subreaper: worker processes go uncounted", file=sys.stderr)


def reap_orphans(grace: float = 30.0) -> Iterator[Any]:
    """The rusage of each orphaned descendant, as it exits; the bench starts no other children."""
    deadline = time.monotonic() + grace
    while True:
        try:
            pid, _, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid:
            yield usage
        elif time.monotonic() > deadline:
            print("bench: a descendant outlived its parent by 30 s; not counted", file=sys.stderr)
            return
        else:
            time.sleep(0.01)


def fandex_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "fandex", *args]


def median_runs(runs: list[Run]) -> dict[str, Any]:
    return {
        "runs": len(runs),
        "wall": statistics.median(r.wall for r in runs),
        "cpu": statistics.median(r.cpu for r in runs),
        "max_rss_mb": max(r.max_rss_mb for r in runs),
        "walls": [round(r.wall, 3) for r in runs],
        "cpus": [round(r.cpu, 3) for r in runs],
        "load_averages": [round(r.load_average, 2) for r in runs],
    }


def merge_medians(summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """One summary of several single-run summaries of ``median_runs``."""
    walls = [w for s in summaries for w in s["walls"]]
    cpus = [c for s in summaries for c in s["cpus"]]
    return {
        "runs": len(walls),
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "max_rss_mb": max(s["max_rss_mb"] for s in summaries),
        "walls": walls,
        "cpus": cpus,
        "load_averages": [a for s in summaries for a in s["load_averages"]],
    }


def check(run: Run, what: str) -> Run:
    # Per-file errors exit 2 with the others analysed; anything else means the measurement is void.
    if run.returncode not in (0, 2):
        tail = "\n".join(run.stderr.strip().splitlines()[-15:])
        raise SystemExit(f"bench: {what} failed with exit code {run.returncode}:\n{tail}")
    if run.returncode == 2:
        failed = [line for line in run.stderr.splitlines() if "error" in line]
        print(f"  note: {what}: {len(failed)} file(s) failed: {failed[:3]}", file=sys.stderr)
    return run


# ------------------------------------------------------------------------- the corpus


@dataclass
class Novel:
    name: str
    path: Path  # a link named <name>.txt in the bench's work folder (PDNC files share one name)
    words: int


def pdnc_novels(pdnc: Path, links: Path, names: Sequence[str] | None) -> list[Novel]:
    from fandex.work import count_words

    folders = sorted(p for p in pdnc.iterdir() if (p / "novel_text.txt").is_file()) if pdnc.is_dir() else []
    if names:
        wanted = set(names)
        folders = [p for p in folders if p.name in wanted]
        missing = wanted - {p.name for p in folders}
        if missing:
            raise SystemExit(f"bench: no such PDNC novel(s) in {pdnc}: {', '.join(sorted(missing))}")
    if not folders:
        raise SystemExit(f"bench: no PDNC novels under {pdnc} (pass --pdnc DIR)")
    links.mkdir(parents=True)
    novels = []
    for folder in folders:
        source = folder / "novel_text.txt"
        link = links / f"{folder.name}.txt"
        link.symlink_to(source.resolve())
        novels.append(Novel(folder.name, link, count_words(source.read_text(encoding="utf-8"))))
    return novels


def make_story(novels: Sequence[Novel], target: Path, min_words: int) -> tuple[int, list[str]]:
    """Concatenate novels (in name order) until the story has ``min_words``; returns its size."""
    parts: list[str] = []
    used: list[str] = []
    words = 0
    for novel in novels:
        if words >= min_words:
            break
        parts.append(novel.path.read_text(encoding="utf-8").strip())
        used.append(novel.name)
        words += novel.words
    target.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")
    return words, used


# ------------------------------------------------------------------------- sections


def measure_fandex(
    files: Sequence[Path], out_dir: Path, cores: set[int] | None, repeat: int, jobs: int = 1
) -> dict[str, Any]:
    runs = []
    for _ in range(repeat):
        shutil.rmtree(out_dir, ignore_errors=True)
        command = fandex_command("analyze", *map(str, files), "-o", str(out_dir), "--jobs", str(jobs))
        runs.append(check(run_measured(command, cores), f"fandex analyze --jobs {jobs}"))
    return median_runs(runs)


def measure_spacy(files: Sequence[Path], cores: set[int] | None, repeat: int) -> dict[str, Any]:
    runs = []
    reports = []
    for _ in range(repeat):
        run = run_measured([sys.executable, str(SPACY_BASELINE), *map(str, files)], cores)
        if run.returncode != 0:
            raise SystemExit(f"bench: the spaCy baseline failed:\n{run.stderr[-2000:]}")
        runs.append(run)
        reports.append(json.loads(run.stdout))
    summary = median_runs(runs)
    summary["parse_wall"] = statistics.median(r["parse_wall"] for r in reports)
    summary["parse_cpu"] = statistics.median(r["parse_cpu"] for r in reports)
    summary["load_wall"] = statistics.median(r["load_wall"] for r in reports)
    summary["pipeline"] = reports[0]["pipeline"]
    summary["tokens"] = sum(f["tokens"] for f in reports[0]["files"])
    summary["per_file"] = {
        Path(f["path"]).stem: {
            "wall": statistics.median(r["files"][i]["wall"] for r in reports),
            "cpu": statistics.median(r["files"][i]["cpu"] for r in reports),
        }
        for i, f in enumerate(reports[0]["files"])
    }
    return summary


def spacy_share(corpus_spacy: dict[str, Any], names: Sequence[str]) -> dict[str, Any] | None:
    """spaCy's figures for some of the corpus's files, from the corpus run itself.

    spaCy parses paragraph by paragraph, so a novel alone, or several novels concatenated into one
    story, cost exactly what they cost inside the corpus run; this saves parsing them again.
    """
    per_file = corpus_spacy.get("per_file", {})
    if not names or any(name not in per_file for name in names):
        return None
    return {
        "from": "the corpus run's per-file parse times",
        "parse_wall": sum(per_file[name]["wall"] for name in names),
        "parse_cpu": sum(per_file[name]["cpu"] for name in names),
        "load_wall": corpus_spacy["load_wall"],
        "max_rss_mb": corpus_spacy["max_rss_mb"],
    }


def compare(words: int, fandex: dict[str, Any], spacy: dict[str, Any]) -> dict[str, Any]:
    """Words per second of fandex (whole process) and spaCy (parsing only), and their ratios."""
    return {
        "words": words,
        "fandex_words_per_s_cpu": words / fandex["cpu"],
        "fandex_words_per_s_wall": words / fandex["wall"],
        "spacy_words_per_s_cpu": words / spacy["parse_cpu"],
        "spacy_words_per_s_wall": words / spacy["parse_wall"],
        "ratio_cpu": spacy["parse_cpu"] / fandex["cpu"],
        "ratio_wall": spacy["parse_wall"] / fandex["wall"],
        "fandex": fandex,
        "spacy": spacy,
    }


def print_comparison(title: str, result: dict[str, Any]) -> None:
    fandex, spacy = result["fandex"], result["spacy"]
    print(f"\n{title}: {result['words']:,} words")
    print(
        f"  fandex  {result['fandex_words_per_s_cpu']:>9,.0f} words/s CPU  "
        f"{result['fandex_words_per_s_wall']:>9,.0f} words/s wall  "
        f"(whole process: {fandex['cpu']:.1f} s CPU, {fandex['wall']:.1f} s wall; "
        f"peak RSS {fandex['max_rss_mb']:.0f} MB)"
    )
    print(
        f"  spaCy   {result['spacy_words_per_s_cpu']:>9,.0f} words/s CPU  "
        f"{result['spacy_words_per_s_wall']:>9,.0f} words/s wall  "
        f"(parsing only: {spacy['parse_cpu']:.1f} s CPU; model load {spacy['load_wall']:.1f} s not counted; "
        f"peak RSS {spacy['max_rss_mb']:.0f} MB)"
    )
    verdict = "ok" if result["ratio_cpu"] >= TARGET_RATIO else f"BELOW the {TARGET_RATIO:.1f}x target"
    print(f"  ratio   {result['ratio_cpu']:.2f}x CPU, {result['ratio_wall']:.2f}x wall  [{verdict}]")


def measure_jobs(files: Sequence[Path], out_dir: Path, repeat: int) -> dict[str, Any] | None:
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        print("\njobs: skipped (fewer than 2 cores available)")
        return None
    two = set(cores[:2])
    # Interleaved (1, 2, 1, 2...) so that a change in the machine's load hits both alike.
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            runs[jobs].append(measure_fandex(files, out_dir, two, 1, jobs=jobs))
    one, both = (merge_medians(runs[jobs]) for jobs in (1, 2))
    speedup = one["wall"] / both["wall"]
    verdict = "ok" if speedup >= TARGET_JOBS_SPEEDUP else f"BELOW the {TARGET_JOBS_SPEEDUP}x target"
    print(f"\njobs: {len(files)} files on 2 cores")
    print(f"  --jobs 1  {one['wall']:.1f} s wall, {one['cpu']:.1f} s CPU")
    print(f"  --jobs 2  {both['wall']:.1f} s wall, {both['cpu']:.1f} s CPU (workers included)")
    print(f"  speedup   {speedup:.2f}x  [{verdict}]")
    # Wall-time scaling needs two idle cores; the CPU cost of the second worker is what the code
    # controls (start-up, model loading, results sent back) and does not depend on the machine's load.
    overhead = both["cpu"] / one["cpu"]
    load = statistics.median(one["load_averages"] + both["load_averages"])
    bound = 2 / overhead
    print(
        f"  CPU cost of --jobs 2 over --jobs 1: {overhead:.2f}x, so at most {bound:.2f}x on two idle cores "
        f"(load average during the runs: {load:.1f})"
    )
    return {
        "jobs_1": one,
        "jobs_2": both,
        "speedup": speedup,
        "cpu_overhead": overhead,
        "speedup_bound_idle_cores": bound,
        "load_average": load,
        "files": len(files),
    }


def measure_memory(novel: Novel, work_dir: Path, copies: int, cores: set[int] | None) -> dict[str, Any]:
    results: dict[str, Any] = {"novel": novel.name, "words_each": novel.words}
    text = novel.path.read_text(encoding="utf-8")
    for count in (1, copies):
        folder = work_dir / f"copies-{count}"
        folder.mkdir()
        for index in range(count):
            (folder / f"{novel.name}-{index:02d}.txt").write_text(text, encoding="utf-8")
        run = check(
            run_measured(fandex_command("analyze", str(folder), "-o", str(work_dir / "out-copies")), cores),
            f"fandex analyze {count} copies",
        )
        results[f"copies_{count}"] = {"files": count, "wall": run.wall, "max_rss_mb": run.max_rss_mb}
        shutil.rmtree(folder)
    first, many = results["copies_1"]["max_rss_mb"], results[f"copies_{copies}"]["max_rss_mb"]
    # Flat: the larger batch may grow by allocator noise, not by a share of each extra file.
    results["flat"] = many <= first * 1.10 + 20
    print(f"\nmemory: a folder of copies of {novel.name} ({novel.words:,} words each)")
    print(f"  1 copy     peak RSS {first:.0f} MB")
    print(
        f"  {copies} copies  peak RSS {many:.0f} MB  [{'flat' if results['flat'] else 'GROWS with the batch'}]"
    )
    return results


def imported_modules(importtime_log: str) -> list[tuple[str, int]]:
    """(module, cumulative microseconds) from ``python -X importtime`` output."""
    modules = []
    for line in importtime_log.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            modules.append((match.group(3), int(match.group(1))))
    return modules


LIST_COMMANDS = """
import argparse
from fandex import cli
for action in cli.build_parser()._actions:
    if isinstance(action, argparse._SubParsersAction):
        print(" ".join(action.choices))
"""


def measure_startup(repeat: int) -> dict[str, Any]:
    # The command list of the fandex being measured (--src may name another tree than the bench's own).
    listing = run_measured([sys.executable, "-c", LIST_COMMANDS])
    commands = listing.stdout.split()
    invocations = [["--help"], *([name, "--help"] for name in commands)]
    if "schema" in commands:
        invocations.append(["schema"])  # runs to the end: a command that needs no model
    results: dict[str, Any] = {"commands": {}}
    print("\nstartup (median wall and CPU time; heavy modules imported)")
    for args in invocations:
        runs = [run_measured(fandex_command(*args)) for _ in range(repeat)]
        traced = run_measured([sys.executable, "-X", "importtime", "-m", "fandex", *args])
        modules = imported_modules(traced.stderr)
        top_level = {name.split(".")[0] for name, _ in modules}
        heavy = sorted(top_level & set(HEAVY_MODULES))
        slowest = sorted(
            ((name, micros) for name, micros in modules if name.startswith("fandex.commands.")),
            key=lambda item: -item[1],
        )[:3]
        wall = statistics.median(r.wall for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        label = "fandex " + " ".join(args)
        results["commands"][label] = {
            "wall": wall,
            "cpu": cpu,
            "exit_code": runs[0].returncode,
            "heavy_modules": heavy,
            "slowest_command_imports_ms": {name: micros / 1000 for name, micros in slowest},
        }
        # Judged on CPU time: on a loaded machine the wall clock mostly measures the queue for a core.
        model = {"spacy", "thinc"} & set(heavy)
        verdict = "MODEL LOADED" if model else "ok" if cpu < HELP_LIMIT_SECONDS else "SLOW"
        print(
            f"  {label:<28} {wall * 1000:6.0f} ms wall {cpu * 1000:5.0f} ms CPU  "
            f"{', '.join(heavy) or '-':<20} [{verdict}]"
        )
    results["help_wall"] = results["commands"]["fandex --help"]["wall"]
    results["help_cpu"] = results["commands"]["fandex --help"]["cpu"]
    return results


def measure_accuracy(pdnc: Path, timeout: float) -> dict[str, Any] | None:
    run = run_measured(fandex_command("eval", "pdnc", str(pdnc), "--json"), timeout=timeout)
    if run.returncode != 0:
        return None
    try:
        document = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None
    return document if isinstance(document, dict) else {"result": document}


def headline_accuracy(document: dict[str, Any] | None) -> str:
    """A few top-level figures of the eval document, whatever its exact shape."""
    if document is None:
        return "n/a"
    figures = []
    for key, value in document.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            figures.append(f"{key} {value:.3g}" if isinstance(value, float) else f"{key} {value}")
        elif isinstance(value, dict):
            for inner, number in value.items():
                if isinstance(number, float):
                    figures.append(f"{key}.{inner} {number:.3g}")
    return ", ".join(figures[:10]) or json.dumps(document)[:300]


# ------------------------------------------------------------------------- the run


def machine() -> dict[str, Any]:
    model = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu_model": model,
        "nproc": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0)),
        "load_average_at_start": list(os.getloadavg()),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def git_commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty_files": len(git("status", "--porcelain", "--untracked-files=no").splitlines()),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdnc", type=Path, default=DEFAULT_PDNC, help="the PDNC data folder")
    parser.add_argument("--novels", help="comma-separated PDNC novel folders to use instead of all of them")
    parser.add_argument(
        "--subset",
        action="store_true",
        help=f"the {len(SUBSET_NOVELS)} novels of SUBSET_NOVELS (610,860 words)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"iterate fast: {', '.join(QUICK_NOVELS)}, one run each, no story, no eval",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per fandex measurement (median; default 3)"
    )
    parser.add_argument(
        "--spacy-repeat",
        type=int,
        default=1,
        help="runs per spaCy measurement (default 1: its CPU time is steady)",
    )
    parser.add_argument(
        "--core",
        type=int,
        default=None,
        help="the core both ratio runs are pinned to (default: the first available)",
    )
    parser.add_argument(
        "--copies", type=int, default=20, help="copies of a novel in the memory section (default 20)"
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["corpus", "longest", "story", "jobs", "memory", "startup", "eval"],
        help="leave a section out (repeatable)",
    )
    parser.add_argument(
        "--eval-timeout",
        type=float,
        default=1800.0,
        help="seconds allowed for `fandex eval pdnc` (default 1800)",
    )
    parser.add_argument("--output", type=Path, default=None, help="write the JSON results here too")
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/performance.json")
    parser.add_argument(
        "--src",
        type=Path,
        help="measure the fandex package under this folder instead of the installed one "
        "(e.g. a `git archive` of a commit, while the working tree is mid-edit)",
    )
    args = parser.parse_args(argv)
    if args.src:
        SUBPROCESS_ENV["PYTHONPATH"] = str(args.src.resolve())
    args.custom_novels = bool(args.novels)
    if args.subset:
        args.novels = args.novels or ",".join(SUBSET_NOVELS)
    if args.quick:
        args.novels = args.novels or ",".join(QUICK_NOVELS)
        args.repeat = 1
        args.skip += ["story", "eval"]
    return args


@contextlib.contextmanager
def work_folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="fandex-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    core = args.core if args.core is not None else min(os.sched_getaffinity(0))
    pinned = {core}
    skip = set(args.skip)
    started = dt.datetime.now(dt.UTC)
    results: dict[str, Any] = {
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": machine(),
        "git": git_commit(),
        "settings": {
            "repeat": args.repeat,
            "spacy_repeat": args.spacy_repeat,
            "pinned_core": core,
            "quick": args.quick,
            "skipped": sorted(skip),
            # Not the folder itself: results are committed, and paths of this machine mean nothing elsewhere.
            "src": "a snapshot given with --src" if args.src else "the installed package",
        },
    }
    print(f"fandex pipeline bench, {results['date']}, commit {results['git']['commit'][:10]}")
    print(
        f"machine: {results['machine']['cpu_model']}, nproc {results['machine']['nproc']}, "
        f"load average {results['machine']['load_average_at_start'][0]:.2f} (a shared machine: medians of {args.repeat} run(s))"
    )
    names = args.novels.split(",") if args.novels else None
    with work_folder() as work_dir:
        novels = pdnc_novels(args.pdnc, work_dir / "corpus", names)
        files = [n.path for n in novels]
        words = sum(n.words for n in novels)
        results["corpus"] = {"novels": [n.name for n in novels], "words": words}
        out_dir = work_dir / "out"
        print(f"corpus: {len(novels)} PDNC novel(s), {words:,} words; ratio runs pinned to core {core}")

        if "corpus" not in skip:
            fandex = measure_fandex(files, out_dir, pinned, args.repeat)
            spacy = measure_spacy(files, pinned, args.spacy_repeat)
            results["corpus"].update(compare(words, fandex, spacy))
            print_comparison("corpus", results["corpus"])

        corpus_spacy = results["corpus"].get("spacy", {})
        if "longest" not in skip:
            longest = max(novels, key=lambda n: n.words)
            fandex = measure_fandex([longest.path], out_dir, pinned, args.repeat)
            spacy = spacy_share(corpus_spacy, [longest.name]) or measure_spacy(
                [longest.path], pinned, args.spacy_repeat
            )
            results["longest"] = {"novel": longest.name, **compare(longest.words, fandex, spacy)}
            print_comparison(f"longest novel ({longest.name})", results["longest"])

        if "story" not in skip:
            # Made of the corpus's own novels when they are enough, so spaCy's figures carry over.
            enough = sum(n.words for n in novels) >= STORY_WORDS
            sources = novels if enough else pdnc_novels(args.pdnc, work_dir / "all", None)
            story = work_dir / "story-500k.txt"
            story_words, used = make_story(sources, story, STORY_WORDS)
            fandex = measure_fandex([story], out_dir, pinned, args.repeat)
            spacy = spacy_share(corpus_spacy, used) or measure_spacy([story], pinned, args.spacy_repeat)
            results["story"] = {"made_of": used, **compare(story_words, fandex, spacy)}
            results["story"]["rss_ok"] = fandex["max_rss_mb"] <= STORY_RSS_LIMIT_MB
            print_comparison(f"one story of {len(used)} novels", results["story"])
            verdict = "ok" if results["story"]["rss_ok"] else "OVER"
            print(
                f"  peak RSS {fandex['max_rss_mb']:.0f} MB against the {STORY_RSS_LIMIT_MB} MB limit [{verdict}]"
            )

        if "jobs" not in skip:
            results["jobs"] = measure_jobs(files, out_dir, args.repeat)

        if "memory" not in skip:
            shortest = min(novels, key=lambda n: n.words)
            results["memory"] = measure_memory(shortest, work_dir, args.copies, pinned)

        if "startup" not in skip:
            results["startup"] = measure_startup(max(5, args.repeat))

    if "eval" not in skip:
        document = measure_accuracy(args.pdnc, args.eval_timeout)
        results["accuracy"] = document
        print(f"\naccuracy (fandex eval pdnc, same commit): {headline_accuracy(document)}")
    else:
        results["accuracy"] = None
        print("\naccuracy: skipped")

    results["seconds"] = (dt.datetime.now(dt.UTC) - started).total_seconds()
    write_results(results, args)
    return 0


def write_results(results: dict[str, Any], args: argparse.Namespace) -> None:
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = results["date"].replace(":", "").replace("-", "")
    document = json.dumps(results, indent=2, default=str) + "\n"
    targets = [RESULTS_DIR / f"bench-{stamp}.json", RESULTS_DIR / "latest.json"]
    if args.output:
        targets.append(args.output)
    # The committed copy holds full runs only: a --quick or partial run would overwrite real numbers.
    if not (args.no_docs or args.quick or args.custom_novels or args.skip):
        targets.append(DOCS_JSON)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
    print(
        f"\nresults: {', '.join(str(t.relative_to(ROOT)) if t.is_relative_to(ROOT) else str(t) for t in targets)}"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
