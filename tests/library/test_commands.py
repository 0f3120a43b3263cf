"""`fandex add`, `search`, `ls`, `show`, `rm` and `export` through the CLI (these run the real pipeline)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fandex import cli
from fandex.library import Library, work_tag_rows
from fandex.work import Work

STORY = """Title: {title}
Author: {author}
Rating: {rating}

The {noun} waited by the harbour wall until the tide came in.

"Are you coming?" she asked.

He did not answer, and the gulls went on circling.
"""


def write_story(
    folder: Path, name: str, title: str, noun: str, rating: str = "Mature", author: str = "Wren"
) -> Path:
    path = folder / name
    path.write_text(STORY.format(title=title, author=author, rating=rating, noun=noun), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    write_story(folder, "keeper.txt", "The Keeper", "lighthouse keeper", "Mature")
    write_story(folder, "ferry.txt", "Ferry Days", "ferryman", "General Audiences", author="Ash")
    return folder


@pytest.fixture
def library_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "library.sqlite"
    monkeypatch.setenv("FANDEX_LIBRARY", str(path))
    return path


def summary_line(err: str) -> str:
    return next(line for line in err.splitlines() if line.startswith("added "))


def test_add_then_readd_then_force(
    stories: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(["add", str(stories)], capsys)
    assert code == 0
    assert summary_line(err).startswith("added 2, updated 0, unchanged 0, duplicates 0, failed 0")
    code, _out, err = run(["add", str(stories)], capsys)
    assert summary_line(err).startswith("added 0, updated 0, unchanged 2, duplicates 0, failed 0")
    code, _out, err = run(["add", "--force", str(stories / "keeper.txt")], capsys)
    assert summary_line(err).startswith("added 0, updated 1, unchanged 0, duplicates 0, failed 0")
    with Library.open(library_path) as library:
        assert library.count() == 2


def test_edited_story_is_updated_not_duplicated(stories: Path, library_path: Path, capsys) -> None:
    run(["add", str(stories)], capsys)
    write_story(stories, "keeper.txt", "The Keeper", "old lighthouse keeper")
    code, _out, err = run(["add", str(stories)], capsys)
    assert code == 0
    assert summary_line(err).startswith("added 0, updated 1, unchanged 1, duplicates 0, failed 0")
    code, out, _err = run(["search", "old", "--json"], capsys)
    assert [hit["title"] for hit in json.loads(out)["results"]] == ["The Keeper"]


def test_same_text_under_another_name_is_one_duplicate_line(
    stories: Path, library_path: Path, capsys
) -> None:
    run(["add", str(stories)], capsys)
    copy = stories.parent / "copy-of-keeper.txt"
    copy.write_bytes((stories / "keeper.txt").read_bytes())
    code, _out, err = run(["add", str(copy)], capsys)
    assert code == 0
    duplicate_lines = [line for line in err.splitlines() if line.startswith("duplicate:")]
    assert len(duplicate_lines) == 1
    assert "keeper.txt" in duplicate_lines[0]
    assert summary_line(err).startswith("added 0, updated 0, unchanged 0, duplicates 1, failed 0")
    with Library.open(library_path) as library:
        assert library.count() == 2


def test_failed_files_are_counted_and_exit_2(stories: Path, library_path: Path, capsys) -> None:
    (stories / "empty.txt").write_text("")
    code, _out, err = run(["add", str(stories), str(stories / "missing.txt")], capsys)
    assert code == 2
    assert summary_line(err).startswith("added 2, updated 0, unchanged 0, duplicates 0, failed 2")
    assert "Traceback" not in err


def test_search_filters_facets_and_json(stories: Path, library_path: Path, capsys) -> None:
    run(["add", str(stories)], capsys)
    code, out, _err = run(["search", "harbour"], capsys)
    assert code == 0
    assert out.startswith("2 works found")
    code, out, _err = run(["search", "harbour", "--rating", "Mature", "--json"], capsys)
    document = json.loads(out)
    assert document["total"] == 1
    (hit,) = document["results"]
    assert (hit["title"], hit["authors"], hit["rating"]) == ("The Keeper", "Wren", "Mature")
    assert hit["tags"]["rating"] == [{"value": "Mature", "source": "declared"}]
    code, out, _err = run(["search", "--exclude-tag", "mature", "--json"], capsys)
    assert [h["title"] for h in json.loads(out)["results"]] == ["Ferry Days"]
    code, out, _err = run(["search", "--facets"], capsys)
    assert "Ratings:\n  General Audiences (1)\n  Mature (1)\n" in out
    code, out, _err = run(["search", "--sort", "title", "--limit", "1", "--json"], capsys)
    assert [h["title"] for h in json.loads(out)["results"]] == ["Ferry Days"]


def test_search_bad_words_range_is_one_line(stories: Path, library_path: Path, capsys) -> None:
    run(["add", str(stories)], capsys)
    code, _out, err = run(["search", "--words", "lots"], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("fandex: error: --words 'lots' is not a range")


def test_ls_show_export_rm(stories: Path, library_path: Path, capsys) -> None:
    run(["add", str(stories)], capsys)
    code, out, _err = run(["ls", "--json"], capsys)
    listed = {entry["title"]: entry for entry in json.loads(out)}
    assert set(listed) == {"The Keeper", "Ferry Days"}
    keeper = listed["The Keeper"]["id"]
    assert listed["The Keeper"]["source"] == str((stories / "keeper.txt").resolve())

    code, out, _err = run(["show", str(keeper)], capsys)
    assert code == 0
    assert f"work {keeper} in the library" in out
    assert "The Keeper by Wren" in out  # the line fandex.writers.summary renders

    code, out, _err = run(["export", str(keeper), "--format", "json"], capsys)
    exported = Work.from_dict(json.loads(out))
    assert exported.metadata.title == "The Keeper"
    assert exported.text == (stories / "keeper.txt").read_text(encoding="utf-8")

    code, _out, err = run(["export", str(keeper), "--format", "epub"], capsys)
    assert code == 2
    assert err == "fandex: error: unknown export format 'epub' (choose one of: json)\n"

    code, out, _err = run(["rm", str(keeper)], capsys)
    assert code == 0
    assert out == f"removed work {keeper}: The Keeper\n"
    code, _out, err = run(["show", str(keeper)], capsys)
    assert code == 2
    assert f"no work with id {keeper}" in err


def test_library_option_beats_the_environment(
    stories: Path, library_path: Path, tmp_path: Path, capsys
) -> None:
    other = tmp_path / "other.sqlite"
    run(["add", "--library", str(other), str(stories / "ferry.txt")], capsys)
    assert other.exists()
    assert not library_path.exists()


@pytest.mark.parametrize("command", ["ls", "search", "show 1", "rm 1", "export 1"])
def test_not_a_library_is_one_line(tmp_path: Path, capsys, command: str) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("shopping list\n" * 200)
    code, _out, err = run([*command.split(), "--library", str(bogus)], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "not a fandex library" in err


def test_reading_a_missing_library_is_one_line(tmp_path: Path, capsys) -> None:
    code, _out, err = run(["ls", "--library", str(tmp_path / "none.sqlite")], capsys)
    assert code == 2
    assert "no library here yet" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_command_modules_import_nothing_heavy() -> None:
    probe = (
        "import sys, fandex.commands.library, fandex.commands.serve;"
        "heavy = [m for m in ('sqlite3', 'jinja2', 'fandex.library', 'fandex.web.app', 'spacy', 'tqdm') if m in sys.modules];"
        "print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ------------------------------------------------------------------------------- SIGKILL mid-batch

# Runs the real `fandex add`, with each analysis slowed down so that the kill lands mid-batch.
SLOW_ADD = """
import sys, time
import fandex.pipeline as pipeline
real_run = pipeline.run
def slow_run(work, options=None):
    time.sleep(0.3)
    return real_run(work, options)
pipeline.run = slow_run
from fandex.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_sigkill_mid_batch_leaves_whole_works_and_the_next_add_carries_on(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    total = 24
    for number in range(total):
        write_story(folder, f"story{number:02}.txt", f"Story {number}", f"keeper number{number}word")
    library = tmp_path / "killed.sqlite"
    argv = [sys.executable, "-c", SLOW_ADD, "add", "--library", str(library), str(folder)]
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while stored < 3:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "no work was committed within two minutes"
            time.sleep(0.05)
            if library.exists():
                try:
                    with sqlite3.connect(f"{library.as_uri()}?mode=ro", uri=True) as db:
                        stored = db.execute("SELECT count(*) FROM works").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0  # the schema is still being created
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL

    db = sqlite3.connect(library)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO works_fts(works_fts) VALUES ('integrity-check')")  # raises if the index is off
    rows = db.execute("SELECT id, source, analysis FROM works JOIN analyses ON work_id = id").fetchall()
    assert db.execute("SELECT count(*) FROM works").fetchone()[0] == len(rows)
    assert 3 <= len(rows) < total
    for work_id, source, analysis in rows:
        work = Work.from_dict(json.loads(analysis))
        assert work.text == Path(source).read_text(encoding="utf-8")
        stored_tags = set(
            db.execute("SELECT kind, value, source FROM work_tags WHERE work_id = ?", (work_id,))
        )
        assert stored_tags == {tuple(row) for row in work_tag_rows(work)}
        assert ("rating", "Mature", "declared") in stored_tags
        unique_word = f"number{Path(source).stem.removeprefix('story').lstrip('0') or '0'}word"
        hits = db.execute("SELECT rowid FROM works_fts WHERE works_fts MATCH ?", (unique_word,)).fetchall()
        assert hits == [(work_id,)]
    db.close()

    result = subprocess.run(
        [sys.executable, "-m", "fandex", "add", "--library", str(library), str(folder)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    done = len(rows)
    assert f"added {total - done}, updated 0, unchanged {done}, duplicates 0, failed 0" in result.stderr
    with Library.open(library) as reopened:
        assert reopened.count() == total
