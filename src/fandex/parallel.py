"""Run the pipeline over many files, in this process or in N worker processes.

Each worker loads the model once (fandex.nlp caches it per process) and receives paths, never
texts; results come back in input order, one at a time, so a corpus is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from fandex.options import Options
from fandex.work import Work

_worker_options: Options | None = None


def analyze_in_parallel(
    paths: Sequence[Path], options: Options, jobs: int = 1
) -> Iterator[tuple[Path, Work | Exception]]:
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, _analyze_one(path, options)
        return
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        for path, result in zip(paths, pool.imap(_analyze_in_worker, paths, chunksize=1), strict=True):
            yield path, result


def _init_worker(options: Options) -> None:
    global _worker_options
    _worker_options = options


def _analyze_in_worker(path: Path) -> Work | Exception:
    assert _worker_options is not None
    return _analyze_one(path, _worker_options)


def _analyze_one(path: Path, options: Options) -> Work | Exception:
    from fandex import pipeline, readers
    from fandex.errors import FandexError

    try:
        return pipeline.run(readers.read_file(path), options)
    except FandexError as error:
        return error
