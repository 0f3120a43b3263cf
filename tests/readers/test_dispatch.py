"""Choosing the reader (extension and sniffing) and expanding directories into story files."""

from __future__ import annotations

from pathlib import Path

import pytest

from fandex.errors import InputError
from fandex.readers import expand_paths, from_text, read_bytes, read_file


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"Just a story.\n", "text"),
        ("a.txt", b"<!DOCTYPE html><html><body><p>Story.</p></body></html>", "html"),
        ("a.txt", b"<p>One.</p><p>Two <i>three</i>.</p><br>", "html"),
        ("a.txt", b"From: a@b.org\nNewsgroups: alt.x\nSubject: T 1/2\n\nStory.\n", "usenet"),
        ("a.txt", b"---\ntitle: T\nauthor: A\n---\nStory.\n", "markdown"),
        ("a.md", b"Story with no front matter.\n", "markdown"),
        ("a.html", b"Text without tags, saved as .html.\n", "html"),
        ("a", b"Title: T\nAuthor: A\n\nStory.\n", "text"),
    ],
)
def test_reader_is_chosen_by_content_and_extension(name: str, data: bytes, expected: str) -> None:
    assert read_bytes(data, Path(name)).source_format == expected


def test_a_story_that_mentions_html_is_still_text() -> None:
    data = b"Willow typed <html> into the laptop and frowned.\n"
    assert read_bytes(data, Path("a.txt")).source_format == "text"


def test_read_file_sets_the_source(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Story.\n", encoding="utf-8")
    assert read_file(path).source == str(path)


def test_expand_paths_sorted_lazy_and_skipping_hidden_and_non_stories(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "c.epub",
        "notes.md",
        "README.md",
        ".hidden.txt",
        "image.png",
        "data.json",
    ]:
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("x")
    found = [path.relative_to(tmp_path).as_posix() for path in expand_paths([tmp_path])]
    assert found == ["a.html", "b.txt", "c.epub", "notes.md", "sub/z.txt"]
    lazy = expand_paths([tmp_path, tmp_path / "missing.txt"])
    assert next(lazy) == tmp_path / "a.html"  # nothing read ahead


def test_named_files_are_yielded_as_given_even_when_missing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert list(expand_paths([missing])) == [missing]
    with pytest.raises(InputError, match="no such file"):
        read_file(missing)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just a story.\n", "text"),
        ("<html><body><h1>T</h1><p>Story text.</p></body></html>", "html"),
        ("From: a@b.org\nNewsgroups: alt.x\nSubject: T 1/2\n\nStory.\n", "usenet"),
        ("---\ntitle: T\nauthor: A\n---\nStory.\n", "markdown"),
    ],
)
def test_text_in_memory_is_recognised_like_a_file(text: str, expected: str) -> None:
    work = from_text(text)
    assert work.source_format == expected
    assert work.source is None


def test_empty_text_in_memory_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        from_text("  \n")


def test_an_unexpected_parser_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from fandex.readers import plaintext

    def explode(data: bytes, path: Path):
        raise ValueError("first line\nsecond line")

    monkeypatch.setattr(plaintext, "read", explode)
    with pytest.raises(InputError) as caught:
        read_bytes(b"Just a story.\n", Path("a.txt"))
    line = caught.value.one_line()
    assert "\n" not in line
    assert line.startswith("a.txt: could not be read (ValueError: first line second line)")
