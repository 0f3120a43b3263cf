"""Bad input through the CLI: one line naming the file and the problem, exit code 2, no traceback;
a batch with a bad file still analyses the good ones."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fandex import cli, readers
from fandex.errors import InputError

GOOD_STORY = "Title: Fine\nAuthor: Someone\n\nBuffy walked into the library. Giles looked up from his book.\n"


def _run(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str, list[str]]:
    code = cli.main(["analyze", *map(str, paths)])
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.strip()]
    return code, captured.out, errors


def _assert_one_line_error(capsys: pytest.CaptureFixture[str], path: Path, problem: str) -> None:
    code, out, errors = _run(capsys, path)
    assert code == 2
    assert len(errors) == 1, errors
    assert errors[0].startswith("fandex: error: ")
    assert str(path) in errors[0]
    assert problem in errors[0]
    assert "Traceback" not in errors[0]
    assert out == ""


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_one_line_error(capsys, tmp_path / "nowhere.txt", "no such file or directory")


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD_STORY)
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        # Tests may run as root, for whom file modes do not refuse anything: refuse here instead.
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    _assert_one_line_error(capsys, path, "permission denied")


def test_a_directory_where_a_file_was_expected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory") as caught:
        readers.read_file(tmp_path)
    assert str(tmp_path) in caught.value.one_line()
    assert "\n" not in caught.value.one_line()


def test_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    _assert_one_line_error(capsys, path, "binary")


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    _assert_one_line_error(capsys, path, "empty")


def test_file_over_the_size_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (300 * 1024))
    _assert_one_line_error(capsys, path, "over the 1 MB limit")


def test_html_without_story_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><head><title>Archive</title><body><div class='nav'><a href='/'>Home</a></div></bo")
    _assert_one_line_error(capsys, path, "no story text")


def test_corrupt_epub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.epub"
    path.write_bytes(_zip({"META-INF/container.xml": b"<container/>"})[:60])
    _assert_one_line_error(capsys, path, "corrupt EPUB")


def test_zip_bomb_epub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bomb.epub"
    path.write_bytes(_zip({"OEBPS/chapter.xhtml": b" " * (8 * 1024 * 1024)}))
    _assert_one_line_error(capsys, path, "zip bomb")


def test_a_batch_with_one_bad_file_still_prints_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good_one = tmp_path / "a_good.txt"
    good_one.write_text(GOOD_STORY)
    bad = tmp_path / "b_empty.txt"
    bad.write_text("")
    good_two = tmp_path / "c_good.md"
    good_two.write_text("---\ntitle: Also Fine\nauthor: Another\n---\n\nWillow smiled at Tara.\n")
    code, out, errors = _run(capsys, tmp_path)
    assert code == 2
    assert len(errors) == 1 and str(bad) in errors[0] and "empty" in errors[0]
    assert "Fine by Someone" in out
    assert "Also Fine by Another" in out
