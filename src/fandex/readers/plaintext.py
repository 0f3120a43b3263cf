"""Plain-text stories in any common encoding.

Decoding, in order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; otherwise valid UTF-8 wins;
otherwise UTF-16 without a mark is recognised by its pattern of zero bytes; otherwise
charset-normalizer guesses, with Windows-1252 preferred over its Western-European look-alikes
(fan fiction of the Usenet and archive years was written on Windows). Then mojibake is repaired
(ftfy: "donâ€™t" becomes "don’t"), and CRLF / CR line ends become LF.

Nothing else is changed: hard-wrapped and one-line stories keep their lines (finding paragraphs is
the structure stage's job), so for clean UTF-8 with LF line ends the Work's text is the input,
character for character (a UTF-8 byte-order mark is not part of the text).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from fandex.errors import InputError
from fandex.work import Work

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# charset-normalizer's guesses that mean "some Western single-byte code page": Windows-1252 decodes
# the same letters and also the curly quotes and dashes of 0x80-0x9F, so it is the better reading.
_WESTERN = frozenset(
    {
        "ascii", "cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250",
        "iso8859_2", "mac_roman", "mac_latin2", "cp850", "cp437", "iso8859_9", "cp1254",
    }
)  # fmt: skip
# Control characters that never occur in a text file (tab, LF, FF, CR, ESC-free).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_LINE_ENDS = re.compile(r"\r\n?")
# A UTF-8 lead byte (0xC2-0xF4) then a continuation byte (0x80-0xBF), each as Windows-1252 or
# Latin-1 shows it.
# C1 control characters never occur in real text: they are Windows-1252's quotes and dashes
# decoded as Latin-1 (a mail's declared "iso-8859-1", a page's "&#146;").
_C1_CONTROL = re.compile("[\u0080-\u009f]")
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_BINARY_CONTROL_SHARE = 0.02
_MOSTLY_ASCII_HIGH_SHARE = 0.08


def decode(data: bytes, path: object | None = None) -> str:
    """The text of ``data``, decoded, mojibake repaired, line ends LF; InputError when binary."""
    text = _decode_bytes(data, path)
    if _looks_binary(text):
        raise InputError(
            "looks like a binary file, not text",
            path=path,
            hint="give a story as text, HTML, EPUB or Markdown",
        )
    return normalize(text)


def normalize(text: str) -> str:
    """Repair mojibake and unify line ends; clean text comes back unchanged."""
    if "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo Windows-1252 decoded as Latin-1, and UTF-8 decoded as either ("donâ€™t"), line by line."""
    # Such mojibake always shows a UTF-8 lead byte's character followed by a continuation byte's;
    # this quick test spares ftfy's slower analysis on clean text, and only suspect lines go to
    # ftfy, whose fix_encoding undoes wrong decodings without touching quotes or normalisation.
    if _C1_CONTROL.search(text):
        text = _C1_CONTROL.sub(_as_windows_1252, text)
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy
    import ftfy.badness

    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line) and ftfy.badness.is_bad(line):
            lines[index] = ftfy.fix_encoding(line)
    return "\n".join(lines)


def _as_windows_1252(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:
        return match.group()  # the five bytes Windows-1252 leaves undefined


def read(data: bytes, path: Path) -> Work:
    return Work(text=decode(data, path), source=str(path), source_format="text")


def from_string(text: str, source: str | None = None) -> Work:
    """A Work from text already decoded (the API's ``analyze(text)``): only line ends and mojibake."""
    return Work(text=normalize(text), source=source, source_format="text")


def _decode_bytes(data: bytes, path: object | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}",
                    path=path,
                    hint="re-save the file as UTF-8",
                ) from None
    if b"\x00" in data:
        # NUL bytes are valid UTF-8, so UTF-16 without a mark is recognised before UTF-8 is tried.
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise InputError(
            "contains NUL bytes: a binary file, not text",
            path=path,
            hint="give a story as text, HTML, EPUB or Markdown",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess_single_byte(data)


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-range text in UTF-16 has a zero in every other byte: the even ones for big-endian.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zeros = sample[1::2].count(0) / max(1, len(sample[1::2]))
    encoding = "utf-16-le" if odd_zeros > 0.4 and even_zeros < 0.1 else None
    if even_zeros > 0.4 and odd_zeros < 0.1:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _guess_single_byte(data: bytes) -> str:
    from charset_normalizer import from_bytes

    high_share = sum(1 for byte in data[:65536] if byte >= 0x80) / max(1, min(len(data), 65536))
    guess: str | None = None
    # Mostly-ASCII text is English with a few curly quotes and accents: guessing from a handful of
    # high bytes is unreliable, and Windows-1252 is what such files were written in.
    if high_share >= _MOSTLY_ASCII_HIGH_SHARE:
        best = from_bytes(data[: 256 * 1024]).best()
        guess = best.encoding.lower() if best is not None else None
    if guess is None or guess in _WESTERN:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # Five byte values are undefined in Windows-1252; Latin-1 decodes every byte.
            return data.decode("latin-1")
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) > _BINARY_CONTROL_SHARE
