"""Legacy single-byte code pages and the confusion tables built from them.

Nothing here is a hand-made list of "wrong letters": every table is derived from
Python's codecs.  For an ordered pair *(A, B)* — text written in code page A and
read back as code page B — a byte ``b`` turns the character ``A.decode(b)`` into
``B.decode(b)``.  :func:`origins` answers the reverse question the detector asks:
"this character was seen; which characters of which code pages could it have been?"

    >>> ("cp1254", "cp1250", "ğ") in {(o.written, o.read, o.char) for o in origins("đ")}
    True
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class CodePage:
    codec: str
    label: str
    family: str
    #: rough prior of meeting this page in real files (used only to break ties)
    prior: float


#: The code pages the detector knows.  ``family`` groups pages of the same vendor
#: (a mix-up inside one family is the more likely story when several pairs fit).
CODEPAGES: tuple[CodePage, ...] = (
    CodePage("cp1252", "Windows-1252", "windows", 1.0),
    CodePage("cp1250", "Windows-1250", "windows", 0.95),
    CodePage("cp1251", "Windows-1251", "windows", 0.95),
    CodePage("cp1254", "Windows-1254", "windows", 0.9),
    CodePage("cp1253", "Windows-1253", "windows", 0.85),
    CodePage("cp1257", "Windows-1257", "windows", 0.85),
    CodePage("cp1255", "Windows-1255", "windows", 0.8),
    CodePage("cp1256", "Windows-1256", "windows", 0.8),
    CodePage("cp1258", "Windows-1258", "windows", 0.7),
    CodePage("iso8859_1", "ISO-8859-1", "iso", 0.9),
    CodePage("iso8859_2", "ISO-8859-2", "iso", 0.85),
    CodePage("iso8859_15", "ISO-8859-15", "iso", 0.8),
    CodePage("iso8859_9", "ISO-8859-9", "iso", 0.8),
    CodePage("iso8859_5", "ISO-8859-5", "iso", 0.7),
    CodePage("iso8859_7", "ISO-8859-7", "iso", 0.75),
    CodePage("iso8859_13", "ISO-8859-13", "iso", 0.7),
    CodePage("iso8859_16", "ISO-8859-16", "iso", 0.7),
    CodePage("iso8859_3", "ISO-8859-3", "iso", 0.6),
    CodePage("iso8859_4", "ISO-8859-4", "iso", 0.6),
    CodePage("iso8859_10", "ISO-8859-10", "iso", 0.6),
    CodePage("koi8_r", "KOI8-R", "koi8", 0.85),
    CodePage("koi8_u", "KOI8-U", "koi8", 0.75),
    CodePage("cp866", "DOS-866", "dos", 0.75),
    CodePage("cp852", "DOS-852", "dos", 0.7),
    CodePage("cp850", "DOS-850", "dos", 0.7),
    CodePage("cp437", "DOS-437", "dos", 0.7),
    CodePage("cp857", "DOS-857", "dos", 0.6),
    CodePage("mac_roman", "Mac Roman", "mac", 0.7),
    CodePage("mac_latin2", "Mac Central European", "mac", 0.6),
    CodePage("mac_cyrillic", "Mac Cyrillic", "mac", 0.6),
    CodePage("mac_turkish", "Mac Turkish", "mac", 0.55),
)

BY_CODEC: dict[str, CodePage] = {cp.codec: cp for cp in CODEPAGES}


def label(codec: str) -> str:
    """Human name of a codec (``"cp1254"`` → ``"Windows-1254"``)."""
    cp = BY_CODEC.get(codec)
    return cp.label if cp else codec


def _decode_byte(codec: str, b: int) -> str | None:
    try:
        return bytes([b]).decode(codec)
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=None)
def decode_table(codec: str) -> tuple[str | None, ...]:
    """The 256 characters of ``codec`` (``None`` where a byte is undefined)."""
    return tuple(_decode_byte(codec, b) for b in range(256))


@lru_cache(maxsize=None)
def encode_table(codec: str) -> dict[str, int]:
    """Character → high byte (0x80–0xFF) of ``codec``."""
    return {c: b for b, c in enumerate(decode_table(codec)) if c is not None and b >= 0x80}


@dataclass(frozen=True, slots=True)
class Origin:
    """``char`` written in ``written`` shows up as the seen character when read as ``read``."""

    written: str
    read: str
    char: str
    byte: int


@lru_cache(maxsize=8192)
def origins(seen: str) -> tuple[Origin, ...]:
    """Every (written page, read page, original character) whose confusion yields ``seen``."""
    out: list[Origin] = []
    for rb in CODEPAGES:
        b = encode_table(rb.codec).get(seen)
        if b is None:
            continue
        for wa in CODEPAGES:
            if wa.codec == rb.codec:
                continue
            orig = decode_table(wa.codec)[b]
            if orig is not None and orig != seen:
                out.append(Origin(wa.codec, rb.codec, orig, b))
    return tuple(out)


@lru_cache(maxsize=None)
def seen_glyphs() -> frozenset[str]:
    """Non-ASCII characters that some confusion produces in place of a letter.

    Used to decide which symbols may stand inside a damaged word (``w±tpliwy``)."""
    out = set()
    for rb in CODEPAGES:
        for b, c in enumerate(decode_table(rb.codec)):
            if c is None or b < 0x80:
                continue
            if any((o := decode_table(wa.codec)[b]) is not None and o != c and o.isalpha()
                   for wa in CODEPAGES):
                out.add(c)
    return frozenset(out)


@lru_cache(maxsize=128)
def pages_for(letters: frozenset[str], share: float = 0.6) -> tuple[str, ...]:
    """Code pages that can hold at least ``share`` of the non-ASCII ``letters`` of a language
    (the pages its text may have been written in); all pages when there is none."""
    wanted = {c for c in letters if not c.isascii() and c.islower()}
    if not wanted:
        return tuple(cp.codec for cp in CODEPAGES)
    out = tuple(cp.codec for cp in CODEPAGES
                if len(wanted & set(encode_table(cp.codec))) >= share * len(wanted))
    return out or tuple(cp.codec for cp in CODEPAGES)


def pair_prior(written: str, read: str) -> float:
    """Tie-break score of a confusion: common pages, and pages of one family, first."""
    a, b = BY_CODEC[written], BY_CODEC[read]
    return a.prior * b.prior * (1.15 if a.family == b.family else 1.0)


def transcode(word: str, written: str, read: str) -> str | None:
    """Undo a full confusion: ``word`` (as read in ``read``) back to ``written``; None if impossible."""
    try:
        return word.encode(read).decode(written)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def damage(word: str, written: str, read: str) -> str | None:
    """Simulate a confusion (for tests and benchmarks): ``word`` written in ``written``, read in ``read``."""
    try:
        return word.encode(written).decode(read)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
