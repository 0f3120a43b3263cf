"""Library benchmark: build a synthetic library and time adds, filtered searches and facet counts.

    python benchmarks/bench_library.py --works 100000 --library /tmp/bench-library.sqlite

Works are made by a generator (not the NLP pipeline): a few hundred words of text drawn from a
Zipf-like vocabulary, and tags drawn from AO3-like vocabularies (a few big fandoms and many small
ones, ratings and warnings in AO3-like proportions). Names are invented syllable strings.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from pathlib import Path

from fandex.library import Library, SearchQuery, facets, search
from fandex.work import AO3_CATEGORIES, AO3_RATINGS, AO3_WARNINGS, Character, Quote, Tag, Work

SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "len",
    "sa",
    "tor",
    "vi",
    "na",
    "bel",
    "dru",
    "ex",
    "an",
    "wil",
    "ow",
    "gi",
    "les",
]
FREEFORMS = [
    "Angst", "Fluff", "Hurt/Comfort", "Alternate Universe", "Friendship", "Humor", "Romance", "Drama",
    "Established Relationship", "First Kiss", "Slow Burn", "Enemies to Lovers", "Post-Canon", "Canon Divergence",
    "Missing Scene", "Dark", "Character Study", "Smut", "Angst with a Happy Ending", "Found Family",
    "Grief/Mourning", "Crack", "Sexual Tension", "Pining", "Secret Relationship", "Magic", "Vampires",
    "Time Travel", "Domestic Fluff", "Whump",
]  # fmt: skip
COMMON_WORDS = [
    "the",
    "and",
    "to",
    "of",
    "a",
    "her",
    "she",
    "he",
    "his",
    "said",
    "was",
    "in",
    "that",
    "it",
    "you",
    "i",
    "with",
    "for",
    "on",
    "as",
    "at",
    "but",
    "had",
    "not",
    "be",
    "is",
    "they",
    "him",
    "what",
    "this",
    "all",
    "were",
    "from",
    "there",
    "would",
    "so",
    "out",
    "up",
    "one",
    "could",
    "like",
    "know",
    "about",
    "no",
    "just",
    "back",
    "then",
    "when",
    "into",
    "night",
    "door",
    "eyes",
    "looked",
    "face",
    "time",
    "again",
    "down",
    "over",
    "hand",
    "around",
    "still",
    "away",
    "before",
    "room",
]


def invented_name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.vocabulary = COMMON_WORDS + [invented_name(rng, rng.randint(2, 4)).lower() for _ in range(5000)]
        # Zipf-like weights: word k is drawn with probability proportional to 1/(k+1).
        self.word_weights = [1.0 / (rank + 1) for rank in range(len(self.vocabulary))]
        self.fandoms = [f"{invented_name(rng, 3)} {invented_name(rng, 2)}" for _ in range(300)]
        self.fandom_weights = [1.0 / (rank + 1) ** 1.2 for rank in range(len(self.fandoms))]
        self.casts = {
            fandom: [f"{invented_name(rng, 2)} {invented_name(rng, 3)}" for _ in range(rng.randint(8, 40))]
            for fandom in self.fandoms
        }

    def work(self, number: int) -> Work:
        rng = self.rng
        words = rng.choices(self.vocabulary, weights=self.word_weights, k=rng.randint(200, 600))
        paragraphs = [" ".join(words[i : i + 60]).capitalize() + "." for i in range(0, len(words), 60)]
        text = f"Work number {number}\n\n" + "\n\n".join(paragraphs) + "\n"
        work = Work(text=text, source=f"synthetic/{number}.txt", source_format="text")
        work.metadata.title = " ".join(rng.choices(self.vocabulary[:800], k=rng.randint(1, 5))).title()
        work.metadata.authors = [invented_name(rng, rng.randint(2, 4))]
        work.metadata.summary = " ".join(rng.choices(self.vocabulary, weights=self.word_weights, k=30))
        work.metadata.body_start = text.index("\n\n") + 2
        fandom = rng.choices(self.fandoms, weights=self.fandom_weights)[0]
        cast = rng.sample(self.casts[fandom], k=min(len(self.casts[fandom]), rng.randint(2, 6)))
        declared = rng.random() < 0.6  # most archive works declare their tags; old text dumps do not
        source = "declared" if declared else "inferred"
        rating = rng.choices([*AO3_RATINGS, "Not Rated"], weights=[30, 30, 20, 15, 5])[0]
        work.tags.append(Tag("rating", rating, source, 0.8))
        for warning in rng.sample(AO3_WARNINGS, k=rng.choice([1, 1, 1, 2])):
            work.tags.append(Tag("warning", warning, source, 0.7))
        work.tags.append(Tag("category", rng.choice(AO3_CATEGORIES), source, 0.7))
        work.tags.append(Tag("fandom", fandom, source, 0.9))
        for a, b in zip(cast[::2], cast[1::2], strict=False):
            work.tags.append(Tag("relationship", f"{a}/{b}", source, 0.6))
        for name in cast:
            work.tags.append(Tag("character", name, source, 0.9))
        for freeform in rng.sample(FREEFORMS, k=rng.randint(2, 6)):
            work.tags.append(Tag("additional", freeform, rng.choice(["declared", "inferred"]), 0.5))
        work.characters = [
            Character(id=f"c{i}", name=name, mentions=rng.randint(1, 40)) for i, name in enumerate(cast)
        ]
        work.quotes = [Quote(0, 4, speaker=f"c{rng.randrange(len(cast))}") for _ in range(rng.randint(0, 20))]
        return work


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--library", default="bench-results/library.sqlite")
    parser.add_argument("--reuse", action="store_true", help="time queries on an existing library")
    args = parser.parse_args()

    path = Path(args.library)
    path.parent.mkdir(parents=True, exist_ok=True)
    generator = Generator()
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        library = Library.open(path)
        started = time.perf_counter()
        add_times = []
        for number in range(args.works):
            work = generator.work(number)
            before = time.perf_counter()
            library.add(work, work.source)
            add_times.append(time.perf_counter() - before)
            if number and number % 10_000 == 0:
                print(
                    f"  {number:,} works, {number / (time.perf_counter() - started):,.0f} works/s", flush=True
                )
        elapsed = time.perf_counter() - started
        library.connection.execute("PRAGMA optimize")
        library.close()
        print(
            f"add: {args.works:,} works in {elapsed:.1f} s ({args.works / elapsed:,.0f} works/s incl. generation); "
            f"library.add p50 {percentile(add_times, 0.5) * 1000:.2f} ms, p95 {percentile(add_times, 0.95) * 1000:.2f} ms"
        )
    else:
        for number in range(200):  # the same vocabularies as when built
            generator.work(number)

    library = Library.open(path, readonly=True)
    rng = random.Random(11)
    queries = []
    for _ in range(args.queries):
        fandom = rng.choices(generator.fandoms[:40], weights=generator.fandom_weights[:40])[0]
        query = SearchQuery(
            text=rng.choice(generator.vocabulary[30:3000]),
            include={"rating": [rng.choice(AO3_RATINGS)]},
            exclude=[rng.choice(FREEFORMS)],
        )
        if rng.random() < 0.5:
            query.include["fandom"] = [fandom]
        if rng.random() < 0.3:
            query.include["any"] = [rng.choice(FREEFORMS)]
        queries.append(query)
    broad = [SearchQuery(include={"rating": [rating]}) for rating in AO3_RATINGS]

    def timed(call, items) -> tuple[list[float], list[float]]:
        # Wall time is what a user waits; CPU time is the same work without other processes' share of
        # the machine (the two differ when the machine is busy).
        wall, cpu = [], []
        for item in items:
            before, before_cpu = time.perf_counter(), time.process_time()
            call(library, item)
            wall.append((time.perf_counter() - before) * 1000)
            cpu.append((time.process_time() - before_cpu) * 1000)
        return wall, cpu

    report = {
        "filtered search (text + rating + exclude, sometimes fandom/tag)": timed(search, queries),
        "facet counts over the same filters": timed(facets, queries),
        "facet counts, whole library": timed(facets, [SearchQuery()] * 20),
        "facet counts, one rating only (25-30% of the library)": timed(facets, broad * 5),
        "tag-only search (rating filter, newest first)": timed(search, broad * 5),
    }
    print(f"library: {library.count():,} works, {os.path.getsize(path) / 1e6:,.0f} MB")
    print(f"machine: {os.cpu_count()} CPUs, {_cpu_model()}, Python {platform.python_version()}")
    print(f"load average while timing: {os.getloadavg()[0]:.1f}")
    for name, (wall, cpu) in report.items():
        print(
            f"{name}: p50 {percentile(wall, 0.5):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms wall; "
            f"p50 {percentile(cpu, 0.5):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms CPU ({len(wall)} runs)"
        )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
