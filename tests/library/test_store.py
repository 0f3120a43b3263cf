from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fandex.errors import FandexError
from fandex.library import Library, text_hash
from fandex.library.store import APPLICATION_ID, migrations
from fandex.work import Tag, Work
from library.handmade import two_speaker_work


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "library.sqlite")
    yield opened
    opened.close()


def test_new_library_has_every_migration_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    Library.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations()) >= 1
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"works", "analyses", "work_tags", "tags", "tag_kinds", "characters", "works_fts"} <= tables
    columns = {row[1] for row in db.execute("PRAGMA table_info(work_tags)")}
    assert columns == {"work_id", "kind", "value", "source"}


def test_migrations_are_numbered_from_one() -> None:
    numbers = [number for number, _name, _sql in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_add_stores_catalogue_row_tags_and_cast(library: Library) -> None:
    outcome = library.add(two_speaker_work(), "/stories/harbour.txt")
    assert outcome.status == "added"
    row = library.row(outcome.work_id)
    assert row.title == "Harbour Lights"
    assert row.authors == "Wren"
    assert row.rating == "Teen And Up Audiences"
    assert row.fandoms == "Harbour Tales"
    assert row.source == "/stories/harbour.txt"
    # Words of the body only: 6 + 6 + 7 + 13 (the "* * *" line has no word).
    assert row.words == 32
    tags = {(t.kind, t.value, t.source) for t in library.tags_of([row.id])[row.id]}
    assert ("rating", "Teen And Up Audiences", "declared") in tags
    assert ("relationship", "Mara & Theo", "inferred") in tags
    assert len(tags) == 7
    cast = library.connection.execute(
        "SELECT name, lines, mentions FROM characters WHERE work_id = ? ORDER BY name", (row.id,)
    ).fetchall()
    assert cast == [("Mara", 1, 3), ("Theo", 1, 1)]


def test_stored_work_round_trips(library: Library) -> None:
    work = two_speaker_work()
    work_id = library.add(work, "/a.txt").work_id
    assert library.work(work_id).to_dict() == work.to_dict()


def test_same_text_same_file_updates_instead_of_duplicating(library: Library) -> None:
    first = library.add(two_speaker_work(), "/a.txt")
    again = library.add(two_speaker_work(), "/a.txt")
    assert (first.status, again.status) == ("added", "updated")
    assert again.work_id == first.work_id
    assert library.count() == 1
    # Facet counts are kept in step: still one work per tag.
    assert library.connection.execute("SELECT min(works), max(works) FROM tags").fetchone() == (1, 1)


def test_changed_text_from_same_file_updates_it(library: Library) -> None:
    first = library.add(two_speaker_work(), "/a.txt")
    changed = library.add(two_speaker_work(title="Harbour Lights Revised"), "/a.txt")
    assert changed.status == "updated"
    assert changed.work_id == first.work_id
    assert library.row(first.work_id).title == "Harbour Lights Revised"
    assert library.count() == 1


def test_same_text_from_another_existing_file_is_a_duplicate(library: Library, tmp_path: Path) -> None:
    original = tmp_path / "a.txt"
    original.write_text("x")
    library.add(two_speaker_work(), str(original))
    duplicate = library.add(two_speaker_work(), str(tmp_path / "b.txt"))
    assert duplicate.status == "duplicate"
    assert duplicate.other_source == str(original)
    assert library.count() == 1


def test_same_text_from_a_moved_file_updates_the_source(library: Library, tmp_path: Path) -> None:
    gone = tmp_path / "gone.txt"  # never created: the story's old place no longer exists
    first = library.add(two_speaker_work(), str(gone))
    moved = library.add(two_speaker_work(), str(tmp_path / "new.txt"))
    assert moved.status == "updated"
    assert library.row(first.work_id).source == str(tmp_path / "new.txt")


def test_check_before_analysis(library: Library, tmp_path: Path) -> None:
    work = two_speaker_work()
    stored = tmp_path / "a.txt"
    stored.write_text("x")
    assert library.check_before_analysis(work.text, str(stored)) is None
    library.add(work, str(stored))
    assert library.check_before_analysis(work.text, str(stored)).status == "unchanged"
    assert library.check_before_analysis(work.text, str(tmp_path / "b.txt")).status == "duplicate"
    assert library.check_before_analysis(work.text + " more", str(stored)) is None


def test_remove_takes_out_tags_cast_counts_and_index(library: Library) -> None:
    work_id = library.add(two_speaker_work(), "/a.txt").work_id
    library.remove(work_id)
    db = library.connection
    assert library.count() == 0
    assert db.execute("SELECT count(*) FROM work_tags").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM characters").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM tags WHERE works != 0").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM analyses").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM works_fts WHERE works_fts MATCH 'tide'").fetchone()[0] == 0
    with pytest.raises(FandexError, match="no work with id"):
        library.remove(work_id)


def test_update_replaces_full_text_postings(library: Library) -> None:
    work_id = library.add(Work(text="The lighthouse keeper slept."), "/a.txt").work_id
    library.add(Work(text="The ferryman slept."), "/a.txt")
    db = library.connection
    assert db.execute("SELECT rowid FROM works_fts WHERE works_fts MATCH 'lighthouse'").fetchall() == []
    assert db.execute("SELECT rowid FROM works_fts WHERE works_fts MATCH 'ferryman'").fetchall() == [
        (work_id,)
    ]
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO works_fts(works_fts) VALUES ('integrity-check')")


def test_hash_is_of_the_text() -> None:
    assert text_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_analysis_json_is_the_work_dict(library: Library) -> None:
    work = two_speaker_work()
    work.tags.append(Tag("additional", "Rain", "inferred", 0.4))
    work_id = library.add(work, "/a.txt").work_id
    assert json.loads(library.analysis_json(work_id)) == work.to_dict()


# ---------------------------------------------------------------- opening errors: one line each


def test_missing_library_for_reading(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match="no library here yet"):
        Library.open(tmp_path / "none.sqlite", create=False)


def test_library_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match="folder does not exist"):
        Library.open(tmp_path / "no" / "such" / "library.sqlite")


def test_library_path_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(FandexError, match="is a folder"):
        Library.open(tmp_path)


def test_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(FandexError, match="not a fandex library") as caught:
        Library.open(path)
    assert "\n" not in caught.value.one_line()


def test_sqlite_file_of_another_program(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(FandexError, match="other tables"):
        Library.open(path)


def test_schema_newer_than_the_program(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Library.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(migrations()) + 1}")
    db.commit()
    db.close()
    with pytest.raises(FandexError, match="newer than this fandex knows"):
        Library.open(path)


def test_default_path_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fandex.library import default_path

    monkeypatch.setenv("FANDEX_LIBRARY", str(tmp_path / "env.sqlite"))
    assert default_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("FANDEX_LIBRARY")
    assert default_path().name == "library.sqlite"
    assert "fandex" in default_path().parts


def test_several_processes_creating_one_library_all_succeed(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "raced.sqlite"
    probe = f"from fandex.library import Library; Library.open({str(path)!r}).close()"
    processes = [subprocess.Popen([sys.executable, "-c", probe], stderr=subprocess.PIPE) for _ in range(4)]
    for process in processes:
        _out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'works'").fetchone()[0] == 1


def test_a_first_version_library_is_upgraded_in_place(tmp_path: Path) -> None:
    """A library made by schema version 1 (tag ids packed in the works rows) opens as the newest."""
    path = tmp_path / "v1.sqlite"
    (_number, _name, first) = migrations()[0]
    db = sqlite3.connect(path)
    db.executescript(first)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    packed = (7).to_bytes(4, "little") + (9).to_bytes(4, "little")
    db.execute(
        "INSERT INTO works (id, hash, title, added, updated, analyzer, tag_ids) "
        "VALUES (5, 'h', 'Old', '2020-01-01', '2020-01-01', 'old', ?)",
        (packed,),
    )
    db.commit()
    db.close()
    with Library.open(path) as library:
        db = library.connection
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
        assert db.execute("SELECT work_id, tag_ids FROM work_tag_ids").fetchall() == [(5, packed)]
        columns = {row[1] for row in db.execute("PRAGMA table_info(works)")}
        assert "tag_ids" not in columns
        assert library.row(5).title == "Old"
