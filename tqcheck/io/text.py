"""Reading text files: byte-order marks, strict decoding, one-line errors.

Without ``encoding`` only Unicode is read: UTF-8 (with or without a BOM) and
UTF-16/UTF-32 with a BOM. Anything else must be named with ``--encoding``;
guessing a legacy code page silently is how mojibake gets into translations.
Every failure is an :class:`~tqcheck.errors.InputError` whose text is one line
naming the file and, where it helps, the line and column.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys

from ..errors import InputError

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")

#: Share of other control characters above which a file is taken for binary.
_CONTROL_SHARE = 0.05

#: How much of a file the binary sniffing looks at.
_SNIFF = 65536

#: Magic numbers of binary formats people hand to a text tool by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive such as .docx, .xlsx or .odt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document such as .doc"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


def _is_utf16_or_32(codec_name: str) -> bool:
    return codec_name.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))


def _binary_error(path: str | None, data: bytes) -> InputError:
    what = next((name for magic, name in _MAGIC if data.startswith(magic)), None)
    detail = f" ({what}); save it as plain text first" if what else ""
    return InputError(f"looks like a binary file, not text{detail}", path=path)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit in every other position (ASCII-range UTF-16)."""
    n = len(head) // 2 * 2
    if n < 16:
        return None
    even_nul = head[0:n:2].count(0)
    odd_nul = head[1:n:2].count(0)
    half = n // 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _check_bytes_not_binary(data: bytes, path: str | None) -> None:
    """Raise for NUL bytes or many control bytes in a file read as an 8-bit/UTF-8 encoding."""
    head = data[:_SNIFF]
    if b"\x00" in data:
        guess = _utf16_without_bom(head)
        if guess:
            raise InputError(
                f"looks like UTF-16 without a byte-order mark; pass --encoding {guess}", path=path)
        raise _binary_error(path, data)
    controls = sum(head.count(bytes([b])) for b in range(32) if chr(b) not in _TEXT_CONTROLS)
    if head and controls > _CONTROL_SHARE * len(head):
        raise _binary_error(path, data)


def _check_text_not_binary(text: str, path: str | None, data: bytes) -> None:
    head = text[:_SNIFF]
    if "\x00" in text:
        raise _binary_error(path, data)
    controls = sum(1 for ch in head if ch < " " and ch not in _TEXT_CONTROLS)
    if head and controls > _CONTROL_SHARE * len(head):
        raise _binary_error(path, data)


def _place(data: bytes, pos: int, codec: str) -> tuple[int, int]:
    """1-based (line, column) in characters of byte offset ``pos``, decoding what precedes it."""
    prefix = data[:pos].decode(codec, errors="replace")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column


def _display(codec_name: str) -> str:
    names = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
             "utf-16-be": "UTF-16", "utf-32": "UTF-32", "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}
    return names.get(codec_name, codec_name)


def decode_bytes(data: bytes, *, path: str | None = None,
                 encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding name used)``.

    A BOM is removed from the text. With ``encoding`` the bytes are decoded
    strictly in that encoding; without it only UTF-8 and BOM-marked UTF-16/32
    are accepted.

    >>> decode_bytes(b"\\xef\\xbb\\xbfHello")
    ('Hello', 'utf-8-sig')
    """
    path = path or "<input>"
    if not data.strip():
        raise InputError("file is empty", path=path)

    if encoding is not None:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(
                f"unknown encoding {encoding!r}; use a name Python knows, such as utf-8, "
                "cp1252, iso-8859-9 or shift_jis", path=path) from None
        codec = info.name
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        hint = "; the file is not in this encoding"
    else:
        codec, hint = "utf-8", "; pass --encoding to read another encoding"
        for bom, name in _BOMS:
            if data.startswith(bom):
                codec = name
                break

    if not _is_utf16_or_32(codec):
        _check_bytes_not_binary(data, path)

    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        line, column = _place(data, err.start, codec)
        reason = str(err.reason)
        if "end of data" in reason or "truncated" in reason:
            what = "an incomplete character at the end of the file"
        else:
            what = f"byte 0x{data[err.start]:02x}"
        raise InputError(f"invalid {_display(codec)} ({what}){hint}",
                         path=path, line=line, column=column) from None
    except UnicodeError as err:  # e.g. a codec refusing its input as a whole
        raise InputError(f"cannot decode as {_display(codec)}: {err}", path=path) from None

    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("file is empty", path=path)
    _check_text_not_binary(text, path, data)
    return text, codec


def _size(n: int) -> str:
    """A byte count for messages: 20_000_000 -> '20 MB', 52_400_000 -> '52.4 MB', 2000 -> '2 kB'."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1000)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def read_bytes(path: str, *, max_bytes: int = 20_000_000, option: str | None = "--max-size") -> bytes:
    """A file's bytes (``"-"`` is standard input), or an :class:`InputError` naming what is
    wrong: missing, a directory, unreadable, or larger than ``max_bytes`` (the message names the
    command-line ``option`` that raises the limit, when there is one). Never writes."""
    hint = f" ({option})" if option else ""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"input is above the {_size(max_bytes)} limit{hint}", path="<stdin>")
        return data
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError("is a directory, not a file", path=path)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise InputError(f"file is {_size(st.st_size)}, above the {_size(max_bytes)} limit{hint}",
                         path=path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None
    if len(data) > max_bytes:
        raise InputError(f"file is above the {_size(max_bytes)} limit{hint}", path=path)
    return data


def read_text(path: str, *, encoding: str | None = None,
              max_bytes: int = 20_000_000) -> tuple[str, str]:
    """Read and decode a text file (``"-"`` is standard input); never writes to it."""
    data = read_bytes(path, max_bytes=max_bytes)
    return decode_bytes(data, path="<stdin>" if path == "-" else path, encoding=encoding)
