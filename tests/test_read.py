"""Reading files: BOMs, strict decoding and one-line errors (tqcheck.io.text)."""
import codecs
import io
import os
import sys

import pytest

from tqcheck.errors import InputError
from tqcheck.io.text import decode_bytes, read_text

TEXT = "Öncelikle, Türkiye Cumhuriyeti.\nİkinci satır: ğüşıöç.\n"


# --- what decodes ----------------------------------------------------------------------

@pytest.mark.parametrize("data, name", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32"),
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
])
def test_unicode_forms_decode_without_bom_in_text(data, name):
    text, used = decode_bytes(data, path="a.txt")
    assert text == TEXT
    assert used == name
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("enc, sample", [
    ("cp1254", "Dışişleri Bakanı Çavuşoğlu"),
    ("iso-8859-2", "Zażółć gęślą jaźń"),
    ("koi8-r", "Министр иностранных дел"),
    ("shift_jis", "外務大臣の発言。"),
    ("cp1252", "Café « déjà » façade"),
])
def test_explicit_encoding(enc, sample):
    text, used = decode_bytes(sample.encode(enc), encoding=enc)
    assert text == sample
    assert used == codecs.lookup(enc).name


def test_explicit_utf8_strips_bom():
    assert decode_bytes(codecs.BOM_UTF8 + b"Hallo", encoding="UTF8") == ("Hallo", "utf-8-sig")


def test_latin_text_is_not_guessed_without_encoding():
    # Windows-1254 bytes are not silently read as something else.
    with pytest.raises(InputError, match="invalid UTF-8"):
        decode_bytes("Dışişleri".encode("cp1254"), path="tr.txt")


# --- errors: one line, naming the file and the place ---------------------------------

def err(data, **kw):
    with pytest.raises(InputError) as info:
        decode_bytes(data, **kw)
    e = info.value
    assert "\n" not in str(e)
    return e


def test_invalid_utf8_message_shape():
    data = "Satır bir\nİkinci\nÜçüncü satırın ".encode("utf-8") + b"\xd0" + b" sonu\n"
    e = err(data, path="speech.tr.txt")
    assert str(e) == ("speech.tr.txt:3:16: invalid UTF-8 (byte 0xd0); "
                      "pass --encoding to read another encoding")
    assert (e.path, e.line, e.column) == ("speech.tr.txt", 3, 16)


def test_invalid_utf8_column_counts_characters_not_bytes():
    e = err("ğğğ".encode("utf-8") + b"\xff", path="x.txt")
    assert (e.line, e.column) == (1, 4)


def test_truncated_utf8_at_end():
    e = err(b"abc\n\xe2\x82", path="x.txt")
    assert str(e).startswith("x.txt:2:1: invalid UTF-8 (an incomplete character at the end")


def test_invalid_in_explicit_encoding_names_it():
    e = err(b"ok\n\x81", path="j.txt", encoding="shift_jis")
    assert str(e) == "j.txt:2:1: invalid shift_jis (byte 0x81); the file is not in this encoding"


def test_odd_length_utf16():
    e = err(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"x", path="u.txt")
    assert str(e).startswith("u.txt:1:3: invalid UTF-16")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n",
                                  codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty(data):
    assert str(err(data, path="e.txt")) == "e.txt: file is empty"


def test_unknown_encoding():
    e = err(b"abc", path="a.txt", encoding="klingon-8")
    assert str(e).startswith("a.txt: unknown encoding 'klingon-8'")


@pytest.mark.parametrize("data, detail", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "a ZIP archive"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00", "a PDF document"),
    (b"some text\x00more", None),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50 + b"abc", None),
])
def test_binary(data, detail):
    msg = str(err(data, path="b.bin"))
    assert msg.startswith("b.bin: looks like a binary file, not text")
    if detail:
        assert detail in msg


def test_control_characters_after_decoding_count_as_binary():
    data = ("\x01\x02\x03\x04" * 50 + "text").encode("utf-16")
    assert "binary" in str(err(data, path="c.txt"))


def test_few_control_characters_are_fine():
    text = "Page one\fPage two with an \x1b[1mANSI\x1b[0m escape.\n"
    assert decode_bytes(text.encode())[0] == text


def test_utf16_without_bom_gets_a_hint():
    e = err("Hello world, this is text.".encode("utf-16-le"), path="w.txt")
    assert str(e) == "w.txt: looks like UTF-16 without a byte-order mark; pass --encoding utf-16-le"
    assert decode_bytes("Hello world".encode("utf-16-le"), encoding="utf-16-le")[0] == "Hello world"


def test_no_path_still_one_line():
    assert str(err(b"\xff")).startswith("<input>:1:1: invalid UTF-8")


# --- read_text -------------------------------------------------------------------------

def test_read_text_reads_and_never_modifies(tmp_path):
    p = tmp_path / "a.de.txt"
    raw = codecs.BOM_UTF8 + "Grüße aus Köln.\r\n".encode()
    p.write_bytes(raw)
    os.utime(p, (1_000_000, 1_000_000))
    text, enc = read_text(str(p))
    assert (text, enc) == ("Grüße aus Köln.\r\n", "utf-8-sig")
    assert p.read_bytes() == raw
    assert p.stat().st_mtime == 1_000_000


def test_missing_file(tmp_path):
    p = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        read_text(p)
    assert str(info.value) == f"{p}: no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_text(str(tmp_path))


def test_permission_denied(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("text")

    def deny(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError) as info:
        read_text(str(p))
    assert str(info.value) == f"{p}: permission denied"


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 52_400_000)
    with pytest.raises(InputError) as info:
        read_text(str(p))
    assert str(info.value) == f"{p}: file is 52.4 MB, above the 20 MB limit (--max-size)"
    assert read_text(str(p), max_bytes=60_000_000)[0][:3] == "aaa"


def test_max_bytes_is_configurable(tmp_path):
    p = tmp_path / "small.txt"
    p.write_text("x" * 2000)
    with pytest.raises(InputError, match=r"^\S+: file is 2 kB, above the 1 kB limit \(--max-size\)$"):
        read_text(str(p), max_bytes=1000)


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Привет, мир.".encode())))
    assert read_text("-") == ("Привет, мир.", "utf-8")


def test_stdin_errors_name_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError) as info:
        read_text("-")
    assert str(info.value) == "<stdin>: file is empty"


def test_fixtures_read(fixture_pair):
    for p in fixture_pair:
        text, enc = read_text(str(p))
        assert enc == "utf-8" and len(text) > 4000
