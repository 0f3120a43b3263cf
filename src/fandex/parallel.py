"""Run the pipeline over many files, in this process or in N worker processes.

Workers receive paths, never texts, and load the model once each (``fandex.nlp`` caches it per
process). What travels back is what the caller asked for, made in the worker by a ``finish``
function: the written file's path, a JSON string or a summary. Pickling a whole annotated Work
(its text and every layer item) would cost the main process as much as the analysis saves.

Results come back in input order, one at a time, with a bounded backlog, so a corpus is never held
in memory. A file that fails yields its error; the rest of the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

from fandex.errors import FandexError
from fandex.options import Options
from fandex.work import Work

# What a worker sends back for one work: the Work itself, or what ``finish`` made of it.
Finish = Callable[[Path, Work], Any]

# Tasks handed to the pool ahead of the one the caller waits for, per worker. A long novel at the
# head of the queue must not leave the other workers idle (so more than one per worker), yet
# finished results wait in memory until their turn (so not unbounded).
BACKLOG_PER_JOB = 8

# Imported once in the fork server, before it forks the workers: they start with the stages and
# the model already loaded, shared copy-on-write (see fandex.parallel_preload).
_PRELOAD = ["fandex.parallel_preload"]

_worker_state: tuple[Options, Finish | None] | None = None


def analyze_in_parallel(
    paths: Sequence[Path],
    options: Options,
    jobs: int = 1,
    finish: Finish | None = None,
) -> Iterator[tuple[Path, Any]]:
    """Yield ``(path, result)`` for every path, in input order.

    The result is the annotated Work, or ``finish(path, work)`` when ``finish`` is given (it runs in
    the worker and must be picklable: a module-level function or a functools.partial of one), or
    the FandexError that stopped that file. Unexpected exceptions become a FandexError too, so one
    bad file never stops a batch.
    """
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, _analyze_one(path, options, finish)
        return

    # Not plain fork: a worker forked from a process that already runs threads (tqdm's monitor, a
    # loaded model's thread pools) can deadlock. The fork server is clean; Windows has only spawn.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    processes = min(jobs, len(paths))
    backlog = BACKLOG_PER_JOB * processes
    with context.Pool(processes, initializer=_init_worker, initargs=(options, finish)) as pool:
        pending: deque[tuple[Path, AsyncResult[Any]]] = deque()
        for path in paths:
            pending.append((path, pool.apply_async(_analyze_in_worker, (path,))))
            if len(pending) >= backlog:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
        pool.close()
        pool.join()


def _collect(path: Path, pending: AsyncResult[Any]) -> tuple[Path, Any]:
    try:
        return path, pending.get()
    except Exception as error:  # the result could not be sent back (e.g. it does not pickle)
        return path, _as_fandex_error(path, error)


def _init_worker(options: Options, finish: Finish | None) -> None:
    global _worker_state
    _worker_state = (options, finish)


def _analyze_in_worker(path: Path) -> Any:
    assert _worker_state is not None, "the pool initializer did not run"
    options, finish = _worker_state
    return _analyze_one(path, options, finish)


def _analyze_one(path: Path, options: Options, finish: Finish | None) -> Any:
    from fandex import pipeline, readers

    try:
        work = pipeline.run(readers.read_file(path), options)
        return work if finish is None else finish(path, work)
    except Exception as error:
        return _as_fandex_error(path, error)


def _as_fandex_error(path: Path, error: Exception) -> FandexError:
    if isinstance(error, FandexError):
        return error
    if isinstance(error, OSError) and error.strerror:
        return FandexError(f"cannot write the result: {error.strerror}", path=error.filename or path)
    return FandexError(
        f"internal error ({type(error).__name__}: {error}{_where(error)})",
        path=path,
        hint="a bug in fandex; please report it with this file",
    )


def _where(error: BaseException) -> str:
    """Where in fandex the error was raised (" at fandex/x.py:12"): the traceback stays in the worker."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        parts = Path(frame.filename).parts
        if "fandex" in parts:
            inside = parts[len(parts) - 1 - parts[::-1].index("fandex") :]
            return f" at {'/'.join(inside)}:{frame.lineno}"
    return ""
