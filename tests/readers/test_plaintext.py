"""Plain text: encodings, mojibake, line ends, and the exact-text promise for clean UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from tests.conftest import SAMPLE_ALL_TALK, SAMPLE_ONE_LINE

from fandex.errors import InputError
from fandex.readers import from_text, plaintext, read_bytes

STORY = "“Hello,” Willow said — and then, quieter, “it’s late.”\n\nBuffy shrugged. Café au lait?\n"


def _read(data: bytes, name: str = "story.txt"):
    return read_bytes(data, Path(name))


def test_clean_utf8_with_lf_is_kept_exactly() -> None:
    work = _read(STORY.encode("utf-8"))
    assert work.text == STORY
    assert work.source_format == "text"
    assert work.source == "story.txt"


@pytest.mark.parametrize("sample", [SAMPLE_ONE_LINE, SAMPLE_ALL_TALK])
def test_the_shared_samples_are_read_byte_for_byte(sample: Path) -> None:
    data = sample.read_bytes()
    assert _read(data, sample.name).text == data.decode("utf-8")


def test_utf8_byte_order_mark_is_not_text() -> None:
    assert _read(codecs.BOM_UTF8 + STORY.encode("utf-8")).text == STORY


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_a_mark(encoding: str) -> None:
    assert _read(STORY.encode(encoding)).text == STORY


def test_windows_1252_curly_quotes_and_dashes() -> None:
    assert _read(STORY.encode("cp1252")).text == STORY


def test_latin1_accents() -> None:
    text = "Willow ordered a crème brûlée and a café.\n"
    assert _read(text.encode("latin-1")).text == text


def test_mojibake_is_repaired() -> None:
    broken = "Spike didnâ€™t answer. â€œFine,â€\x9d she said.\n"
    assert _read(broken.encode("utf-8")).text == "Spike didn’t answer. “Fine,” she said.\n"


def test_mojibake_in_utf8_decoded_as_1252_is_repaired() -> None:
    # UTF-8 bytes of a curly apostrophe read as Windows-1252, then saved again as UTF-8.
    double = "don’t".encode().decode("cp1252").encode("utf-8")
    assert _read(double).text == "don’t"


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(line_end: str) -> None:
    data = STORY.replace("\n", line_end).encode("utf-8")
    assert _read(data).text == STORY


def test_hard_wrapped_and_one_line_stories_are_not_rewritten() -> None:
    wrapped = "     She walked down to the river because neither of them\nwanted to say goodbye.\n"
    assert _read(wrapped.encode("utf-8")).text == wrapped
    one_line = "Title: X By Y Notes: none Spike Before you condemn me you have to know."
    assert _read(one_line.encode("utf-8")).text == one_line


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        _read(b"GIF89a\x01\x00\x00\x00\xff\x00story")


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        _read(bytes(range(1, 32)) * 50)


def test_from_text_normalises_line_ends_only() -> None:
    work = from_text("one\r\ntwo\n")
    assert work.text == "one\ntwo\n"
    assert work.source is None


def test_decode_keeps_clean_text_unchanged() -> None:
    # Characters ftfy might "fix" when asked to do more than undo mojibake.
    text = "ﬁne “quotes” ‘single’ — … ½ Ｗide\n"
    assert plaintext.decode(text.encode("utf-8")) == text
