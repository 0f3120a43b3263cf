"""The library: analysed works kept in one SQLite file, searchable by text and by tag.

Every work is written in its own transaction (WAL journal), so a batch killed half-way leaves each
finished work whole and none half-written. The schema grows through numbered migrations
(``migrations/NNNN_*.sql``) tracked in ``PRAGMA user_version``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import sys
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fandex.errors import FandexError
from fandex.library.tagset import TagRow, work_tag_rows
from fandex.work import SCHEMA_VERSION, Work

# "FDXL" in ASCII: marks a SQLite file as a fandex library (PRAGMA application_id).
APPLICATION_ID = 0x4644584C
ENV_VARIABLE = "FANDEX_LIBRARY"
# A tag's id is its kind's code shifted left by this, plus a serial: the kind is read off the id.
TAG_KIND_SHIFT = 24
MAX_TAG_KINDS = 128  # ids stay within int32

AddStatus = Literal["added", "updated", "unchanged", "duplicate"]


def default_path() -> Path:
    """``$FANDEX_LIBRARY`` if set, else ``library.sqlite`` in the user's data folder."""
    chosen = os.environ.get(ENV_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("fandex")) / "library.sqlite"


def analyzer_version() -> str:
    from fandex import __version__

    return f"fandex {__version__}, schema {SCHEMA_VERSION}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def migrations() -> tuple[tuple[int, str, str], ...]:
    """(version, file name, SQL) of every migration, in order; version N is file N of the list."""
    folder = resources.files("fandex.library") / "migrations"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".sql"))
    steps = []
    for expected, name in enumerate(names, start=1):
        number = int(name.split("_", 1)[0])
        if number != expected:
            raise RuntimeError(f"library migrations are not numbered 1, 2, 3...: {name}")
        steps.append((number, name, (folder / name).read_text(encoding="utf-8")))
    return tuple(steps)


@dataclass(slots=True)
class AddOutcome:
    status: AddStatus
    work_id: int
    other_source: str | None = None  # for a duplicate: where the library already has the text


@dataclass(slots=True)
class WorkRow:
    """A work's catalogue entry: what lists and result blurbs show, without the analysis."""

    id: int
    hash: str
    source: str | None
    title: str | None
    authors: str
    fandoms: str
    rating: str | None
    warnings: str
    category: str
    words: int
    summary: str | None
    added: str
    updated: str

    @property
    def display_title(self) -> str:
        return self.title or (Path(self.source).name if self.source else f"work {self.id}")


_ROW_COLUMNS = (
    "id, hash, source, title, authors, fandoms, rating, warnings, category, words, summary, added, updated"
)


class Library:
    """One library file. Open with `Library.open`; use as a context manager to close it."""

    def __init__(self, connection: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.connection = connection
        self.path = path
        self.readonly = readonly

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True, readonly: bool = False) -> Library:
        """Open (and with ``create``, make or upgrade) the library at ``path`` (default: `default_path`).

        Raises FandexError for a path that cannot hold a library, a file that is not one, or a
        library written by a newer fandex.
        """
        explicit = path is not None
        path = Path(path).expanduser() if path is not None else default_path()
        if path.is_dir():
            raise FandexError("is a folder, not a library file", path=path, hint="name a .sqlite file")
        if not path.exists():
            if not create or readonly:
                raise FandexError(
                    "no library here yet", path=path, hint="add stories first with `fandex add PATH`"
                )
            if not path.parent.is_dir():
                if explicit:
                    raise FandexError(
                        "the library's folder does not exist", path=path, hint="create the folder first"
                    )
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise FandexError(
                        f"cannot create the library's folder: {error.strerror}", path=path
                    ) from None
        try:
            if readonly:
                connection = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                connection = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as error:
            raise FandexError(f"cannot open the library: {error}", path=path) from None
        library = cls(connection, path, readonly)
        try:
            library._prepare()
        except sqlite3.OperationalError as error:  # locked, read-only, disk full...
            connection.close()
            raise FandexError(f"cannot use the library: {error}", path=path) from None
        except sqlite3.DatabaseError as error:  # "file is not a database" and the like
            connection.close()
            raise FandexError(
                f"not a fandex library ({error})", path=path, hint="choose another file with --library"
            ) from None
        except FandexError:
            connection.close()
            raise
        return library

    def _prepare(self) -> None:
        db = self.connection
        # One snapshot for the three reads: another process may be creating this library right now.
        db.execute("BEGIN")
        try:
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            db.execute("COMMIT")
        steps = migrations()
        if application_id not in (0, APPLICATION_ID):
            raise FandexError("not a fandex library (another program's SQLite file)", path=self.path)
        if application_id == 0 and tables:
            raise FandexError(
                "not a fandex library (a SQLite file with other tables)",
                path=self.path,
                hint="choose another file with --library",
            )
        if version > len(steps):
            raise FandexError(
                f"the library's schema is version {version}, newer than this fandex knows ({len(steps)})",
                path=self.path,
                hint="upgrade fandex",
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA cache_size = -32768")  # 32 MB: index pages of a large library stay in memory
        if self.readonly:
            if version < len(steps):
                raise FandexError(
                    f"the library's schema is version {version}, older than this fandex's ({len(steps)})",
                    path=self.path,
                    hint="run `fandex add` once to upgrade it",
                )
            return
        if _switch_to_wal(db).lower() != "wal":
            raise FandexError("cannot switch the library to WAL journaling", path=self.path)
        db.execute("PRAGMA synchronous = NORMAL")
        for number, _name, sql in steps[version:]:
            # One transaction per step: a step either lands whole, with its version number, or not at all.
            # The version is read again inside it: another process may have just run the same step.
            with self._transaction():
                if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                    continue
                for statement in _statements(sql):
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {number}")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # -- writing --------------------------------------------------------------------------------

    def check_before_analysis(self, text: str, source: str) -> AddOutcome | None:
        """What adding a story with this text from ``source`` would come to, when known without
        analysing it: "unchanged" (stored from this file by this fandex) or "duplicate" (the same text
        from another file still there). None when the story needs analysing."""
        row = self.connection.execute(
            "SELECT id, source, analyzer FROM works WHERE hash = ?", (text_hash(text),)
        ).fetchone()
        if row is None:
            return None
        work_id, stored_source, analyzer = row
        if stored_source == source:
            return AddOutcome("unchanged", work_id) if analyzer == analyzer_version() else None
        if stored_source and Path(stored_source).exists():
            return AddOutcome("duplicate", work_id, stored_source)
        return None  # the file moved: re-adding it from its new place updates the entry

    def add(self, work: Work, source: str | None = None) -> AddOutcome:
        """Store an analysed work in one transaction.

        The text's hash is the story's identity: the same text from the same file (or from a file
        that no longer exists, i.e. a moved one) updates the stored work; the same text from another
        existing file is a duplicate and is not stored; a changed text from a known file updates it.
        """
        source = source if source is not None else work.source
        digest = text_hash(work.text)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction() as db:
            row = db.execute("SELECT id, source FROM works WHERE hash = ?", (digest,)).fetchone()
            if row is not None and row[1] != source and row[1] and Path(row[1]).exists():
                return AddOutcome("duplicate", row[0], row[1])
            if row is None and source is not None:
                row = db.execute("SELECT id, source FROM works WHERE source = ?", (source,)).fetchone()
            if row is not None:
                work_id = row[0]
                self._unindex(db, work_id)
                self._write(db, work, source, digest, now, work_id=work_id)
                return AddOutcome("updated", work_id)
            work_id = self._write(db, work, source, digest, now, work_id=None)
            return AddOutcome("added", work_id)

    def remove(self, work_id: int) -> None:
        with self._transaction() as db:
            if not self._unindex(db, work_id):
                raise FandexError(f"no work with id {work_id} in the library", path=self.path)
            db.execute("DELETE FROM works WHERE id = ?", (work_id,))

    def _write(
        self,
        db: sqlite3.Connection,
        work: Work,
        source: str | None,
        digest: str,
        now: str,
        work_id: int | None,
    ) -> int:
        tags = work_tag_rows(work)
        shown = _display_values(tags)
        meta = work.metadata
        tag_text = " ; ".join(tag.value for tag in tags)
        tag_ids = [self._tag_id(db, tag.kind, tag.value) for tag in tags]
        values = {
            "hash": digest,
            "source": source,
            "title": meta.title,
            "authors": ", ".join(meta.authors),
            "fandoms": ", ".join(shown.get("fandom", [])),
            "rating": (shown.get("rating") or [None])[0],
            "warnings": ", ".join(shown.get("warning", [])),
            "category": ", ".join(shown.get("category", [])),
            "words": work.word_count(),
            "summary": meta.summary,
            "updated": now,
            "analyzer": analyzer_version(),
            "tag_text": tag_text,
        }
        if work_id is None:
            values["added"] = now
            columns = ", ".join(values)
            marks = ", ".join(f":{name}" for name in values)
            work_id = int(db.execute(f"INSERT INTO works ({columns}) VALUES ({marks})", values).lastrowid)
        else:
            assignments = ", ".join(f"{name} = :{name}" for name in values)
            db.execute(f"UPDATE works SET {assignments} WHERE id = :id", {**values, "id": work_id})
        db.execute(
            "INSERT OR REPLACE INTO work_tag_ids (work_id, tag_ids) VALUES (?, ?)",
            (work_id, pack_ids(tag_ids)),
        )
        db.execute(
            "INSERT OR REPLACE INTO analyses (work_id, analysis) VALUES (?, ?)",
            (work_id, json.dumps(work.to_dict(), ensure_ascii=False)),
        )
        db.executemany(
            "INSERT INTO work_tags (work_id, kind, value, source) VALUES (?, ?, ?, ?)",
            [(work_id, tag.kind, tag.value, tag.source) for tag in tags],
        )
        db.executemany("UPDATE tags SET works = works + 1 WHERE id = ?", [(tag_id,) for tag_id in tag_ids])
        lines: dict[str, int] = {}
        for quote in work.quotes:
            if quote.speaker:
                lines[quote.speaker] = lines.get(quote.speaker, 0) + 1
        db.executemany(
            "INSERT OR REPLACE INTO characters (work_id, character_id, name, lines, mentions) VALUES (?, ?, ?, ?, ?)",
            [(work_id, c.id, c.name, lines.get(c.id, 0), c.mentions) for c in work.characters],
        )
        db.execute(
            "INSERT INTO works_fts (rowid, title, summary, tags, text) VALUES (?, ?, ?, ?, ?)",
            (work_id, meta.title or "", meta.summary or "", tag_text, work.text),
        )
        return work_id

    def _tag_id(self, db: sqlite3.Connection, kind: str, value: str) -> int:
        """The id of a tag, made (with no works yet) if new. Ids are never reused: a tag whose last work
        is removed keeps its row with ``works = 0``."""
        found = db.execute("SELECT id FROM tags WHERE kind = ? AND value = ?", (kind, value)).fetchone()
        if found is not None:
            return int(found[0])
        db.execute("INSERT OR IGNORE INTO tag_kinds (kind) VALUES (?)", (kind,))
        code = int(db.execute("SELECT code FROM tag_kinds WHERE kind = ?", (kind,)).fetchone()[0])
        if code >= MAX_TAG_KINDS:
            raise FandexError(
                f"too many kinds of tag in the library (over {MAX_TAG_KINDS - 1})", path=self.path
            )
        low = code << TAG_KIND_SHIFT
        # ORDER BY ... LIMIT 1 walks the rowid index backwards from the range's end: O(log n).
        last = db.execute(
            "SELECT id FROM tags WHERE id >= ? AND id < ? ORDER BY id DESC LIMIT 1",
            (low, low + (1 << TAG_KIND_SHIFT)),
        ).fetchone()
        tag_id = (last[0] if last else low) + 1
        if tag_id >= low + (1 << TAG_KIND_SHIFT):
            raise FandexError(f"too many tags of kind {kind!r} in the library", path=self.path)
        db.execute("INSERT INTO tags (id, kind, value, works) VALUES (?, ?, ?, 0)", (tag_id, kind, value))
        return tag_id

    def _unindex(self, db: sqlite3.Connection, work_id: int) -> bool:
        """Take a work's tags, cast and full-text postings out (the works row stays). False if no such work."""
        row = db.execute(
            "SELECT title, summary, tag_text, tag_ids, json_extract(analysis, '$.text') "
            "FROM works JOIN analyses ON analyses.work_id = works.id "
            "JOIN work_tag_ids ON work_tag_ids.work_id = works.id WHERE id = ?",
            (work_id,),
        ).fetchone()
        if row is None:
            return False
        title, summary, tag_text, tag_ids, text = row
        # A contentless index forgets a row only when told the exact values it indexed.
        db.execute(
            "INSERT INTO works_fts (works_fts, rowid, title, summary, tags, text) VALUES ('delete', ?, ?, ?, ?, ?)",
            (work_id, title or "", summary or "", tag_text, text),
        )
        db.executemany("UPDATE tags SET works = works - 1 WHERE id = ?", [(i,) for i in unpack_ids(tag_ids)])
        db.execute("DELETE FROM work_tags WHERE work_id = ?", (work_id,))
        db.execute("DELETE FROM characters WHERE work_id = ?", (work_id,))
        return True

    # -- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM works").fetchone()[0])

    def rows(self) -> list[WorkRow]:
        cursor = self.connection.execute(f"SELECT {_ROW_COLUMNS} FROM works ORDER BY id")
        return [WorkRow(*row) for row in cursor]

    def row(self, work_id: int) -> WorkRow:
        found = self.connection.execute(
            f"SELECT {_ROW_COLUMNS} FROM works WHERE id = ?", (work_id,)
        ).fetchone()
        if found is None:
            raise FandexError(
                f"no work with id {work_id} in the library", path=self.path, hint="see `fandex ls`"
            )
        return WorkRow(*found)

    def rows_by_id(self, ids: list[int]) -> dict[int, WorkRow]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        cursor = self.connection.execute(f"SELECT {_ROW_COLUMNS} FROM works WHERE id IN ({marks})", ids)
        return {row[0]: WorkRow(*row) for row in cursor}

    def analysis_json(self, work_id: int) -> str:
        found = self.connection.execute(
            "SELECT analysis FROM analyses WHERE work_id = ?", (work_id,)
        ).fetchone()
        if found is None:
            raise FandexError(
                f"no work with id {work_id} in the library", path=self.path, hint="see `fandex ls`"
            )
        return str(found[0])

    def work(self, work_id: int) -> Work:
        return Work.from_dict(json.loads(self.analysis_json(work_id)))

    def tags_of(self, ids: list[int]) -> dict[int, list[TagRow]]:
        """Each work's tag rows (declared first within a kind), for result blurbs."""
        found: dict[int, list[TagRow]] = {work_id: [] for work_id in ids}
        if not ids:
            return found
        marks = ", ".join("?" * len(ids))
        cursor = self.connection.execute(
            f"SELECT work_id, kind, value, source FROM work_tags WHERE work_id IN ({marks}) "
            "ORDER BY work_id, kind, source = 'inferred', value",
            ids,
        )
        for work_id, kind, value, source in cursor:
            found[work_id].append(TagRow(kind, value, source))
        return found

    def stats(self) -> dict[str, Any]:
        return {
            "works": self.count(),
            "words": int(self.connection.execute("SELECT coalesce(sum(words), 0) FROM works").fetchone()[0]),
        }


def _switch_to_wal(db: sqlite3.Connection, patience: float = 30.0) -> str:
    """Set WAL journaling. The switch needs the file to itself and SQLite does not wait for that (no
    busy handler), so several processes opening a new library at once take turns here."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return str(db.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration file, one at a time."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise RuntimeError(f"a library migration ends in an incomplete statement: {pending.strip()[:60]}")


def pack_ids(ids: list[int]) -> bytes:
    packed = array("i", ids)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def unpack_ids(blob: bytes) -> array:
    ids = array("i")
    ids.frombytes(blob)
    if sys.byteorder != "little":
        ids.byteswap()
    return ids


def _display_values(tags: list[TagRow]) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {}
    for tag in sorted(tags, key=lambda t: t.source != "declared"):
        shown.setdefault(tag.kind, []).append(tag.value)
    return shown
