"""`fandex eval pdnc` on a tiny corpus laid out like PDNC, written for the test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from fandex.cli import main

NOVEL = (
    "Mara came in from the rain.\n\n"
    '"Is the kettle on?" Mara asked.\n\n'
    '"It is," said Jonah.\n\n'
    '"Good."\n\n'
    'Jonah poured the tea. "Sugar?"\n'
)


def _write_corpus(root: Path) -> None:
    folder = root / "TinyNovel"
    folder.mkdir(parents=True)
    (folder / "novel_text.txt").write_text(NOVEL, encoding="utf-8")
    quotes = [
        ("Is the kettle on?", "Mara", "Explicit"),
        ("It is,", "Jonah", "Explicit"),
        ("Good.", "Mara", "Implicit"),
        ("Sugar?", "Jonah", "Implicit"),
    ]
    with (folder / "quotation_info.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "quoteID",
                "quoteText",
                "subQuotationList",
                "quoteByteSpans",
                "speaker",
                "addressees",
                "quoteType",
            ]
        )
        for number, (words, speaker, kind) in enumerate(quotes):
            start = NOVEL.index(words)
            writer.writerow(
                [f"Q{number}", words, repr([words]), repr([[start, start + len(words)]]), speaker, "[]", kind]
            )
    with (folder / "character_info.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Character ID", "Main Name", "Aliases", "Gender", "Category"])
        writer.writerow(["0", "Mara", "{'Mara'}", "F", "major"])
        writer.writerow(["1", "Jonah", "{'Jonah'}", "M", "major"])


def test_gold_quotes_and_cast_give_perfect_scores_on_an_easy_scene(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpus(tmp_path)
    assert main(["eval", "pdnc", str(tmp_path), "--gold-quotes", "--gold-roster", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["novels"] == 1
    assert report["quotes"]["f1"] == 1.0
    assert report["speaker_accuracy"]["overall"] == 1.0
    assert report["speaker_accuracy"]["Implicit"] == 1.0
    assert report["roster"]["recall"] == 1.0
    assert set(report["per_novel"]) == {"TinyNovel"}


def test_end_to_end_finds_the_quotes_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_corpus(tmp_path)
    assert main(["eval", "pdnc", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["quotes"]["precision"] == 1.0
    assert report["quotes"]["recall"] == 1.0


def test_readable_table_names_the_novel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_corpus(tmp_path)
    assert main(["eval", "pdnc", str(tmp_path), "--gold-quotes", "--gold-roster"]) == 0
    out = capsys.readouterr().out
    assert "TinyNovel" in out and "overall" in out


def test_a_folder_without_novels_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "pdnc", str(tmp_path)]) == 2
    assert "quotation_info.csv" in capsys.readouterr().err


def test_an_unknown_novel_name_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write_corpus(tmp_path)
    assert main(["eval", "pdnc", str(tmp_path), "--novel", "Missing"]) == 2
    assert "Missing" in capsys.readouterr().err
