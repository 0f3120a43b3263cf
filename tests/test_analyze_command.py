from __future__ import annotations

import json
from pathlib import Path

import pytest

from fandex.cli import main

STORY = "Title: Two Doors\nBy Wren\n\nThe door was red. Ann opened it and went in.\n"


def test_an_empty_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert str(tmp_path) in err[0] and "no story files found" in err[0]


def test_output_names_never_collide(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = tmp_path / "in"
    stories.mkdir()
    (stories / "tale.txt").write_text(STORY, encoding="utf-8")
    (stories / "tale.md").write_text(STORY.replace("Two Doors", "Three Doors"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(stories), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["tale.json", "tale.txt.json"]
    titles = {json.loads(p.read_text())["metadata"]["title"] for p in out.iterdir()}
    assert titles == {"Two Doors", "Three Doors"}
    assert "tale.txt.json" in capsys.readouterr().err


def test_json_output_is_one_document_per_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY.replace("Wren", "Moss"), encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--json"]) == 0
    documents = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert [d["metadata"]["authors"] for d in documents] == [["Wren"], ["Moss"]]


def test_many_inputs_of_one_file_name_get_one_output_each(tmp_path: Path) -> None:
    for folder in ("Emma", "Persuasion", "deep/Emma", "deeper/Emma"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "novel_text.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "in"), "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 4  # the fourth Emma/novel_text.txt gets a number


def test_the_summary_warns_when_a_file_holds_several_works(capsys: pytest.CaptureFixture[str]) -> None:
    bundle = Path(__file__).parent / "readers" / "data" / "ao3_calibre_bundle.html"
    assert main(["analyze", str(bundle)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Tidewater Clocks by brasswren"
    assert lines[2].startswith(
        'warning:    the file holds 2 works; only the first, "Tidewater Clocks", is read'
    )
