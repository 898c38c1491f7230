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

import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class CodePage:
    codec: str
    label: str


#: The code pages the detector knows: every single-byte page issue 7 names (Windows, ISO-8859,
#: KOI8, DOS and Mac pages). No page is preferred by hand: when several pairs of pages explain
#: the same bytes, :func:`similarity` and the text itself decide (see ``confusion``).
CODEPAGES: tuple[CodePage, ...] = (
    CodePage("cp1252", "Windows-1252"),
    CodePage("cp1250", "Windows-1250"),
    CodePage("cp1251", "Windows-1251"),
    CodePage("cp1254", "Windows-1254"),
    CodePage("cp1253", "Windows-1253"),
    CodePage("cp1257", "Windows-1257"),
    CodePage("cp1255", "Windows-1255"),
    CodePage("cp1256", "Windows-1256"),
    CodePage("cp1258", "Windows-1258"),
    CodePage("iso8859_1", "ISO-8859-1"),
    CodePage("iso8859_2", "ISO-8859-2"),
    CodePage("iso8859_15", "ISO-8859-15"),
    CodePage("iso8859_9", "ISO-8859-9"),
    CodePage("iso8859_5", "ISO-8859-5"),
    CodePage("iso8859_7", "ISO-8859-7"),
    CodePage("iso8859_13", "ISO-8859-13"),
    CodePage("iso8859_16", "ISO-8859-16"),
    CodePage("iso8859_3", "ISO-8859-3"),
    CodePage("iso8859_4", "ISO-8859-4"),
    CodePage("iso8859_10", "ISO-8859-10"),
    CodePage("koi8_r", "KOI8-R"),
    CodePage("koi8_u", "KOI8-U"),
    CodePage("cp866", "DOS-866"),
    CodePage("cp852", "DOS-852"),
    CodePage("cp850", "DOS-850"),
    CodePage("cp437", "DOS-437"),
    CodePage("cp857", "DOS-857"),
    CodePage("mac_roman", "Mac Roman"),
    CodePage("mac_latin2", "Mac Central European"),
    CodePage("mac_cyrillic", "Mac Cyrillic"),
    CodePage("mac_turkish", "Mac Turkish"),
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
        # a byte 0x80–0x9F the page leaves undefined (Windows-1252's 0x81, 0x8D, …) is read as the
        # C1 control of the same number, as Windows and the web's decoders do
        return chr(b) if 0x80 <= b <= 0x9F else None


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


@lru_cache(maxsize=None)
def repertoire(codec: str) -> frozenset[str]:
    """The printable non-ASCII characters of ``codec`` (its bytes 0x80–0xFF, controls left out)."""
    return frozenset(c for b, c in enumerate(decode_table(codec))
                     if b >= 0x80 and c is not None and unicodedata.category(c) not in ("Cc", "Cn", "Co"))


@lru_cache(maxsize=4096)
def similarity(a: str, b: str, letters: frozenset[str] = frozenset()) -> float:
    """How alike two pages are (0–1), computed from the codecs: the mean of

    * the Jaccard share of their repertoires, counting punctuation and, of the letters, those of
      the language (``letters``; all letters when empty): pages made for the same script and
      vendor share them (Windows-1254 and Windows-1250 share the Windows punctuation at
      0x80–0x9F; KOI8-U's Ukrainian letters do not make it closer to Windows-1251 for Russian);
    * the share of the 128 high bytes that both pages decode alike (Windows-1250 and ISO-8859-2
      agree on most; a family of related standards shares its layout).

    Used only to break ties between confusions that explain the same bytes equally well."""
    def keep(c: str) -> bool:
        return (c in letters if letters else True) if c.isalpha() else (
            unicodedata.category(c)[0] == "P" or c == "\xa0")

    ra = frozenset(c for c in repertoire(a) if keep(c))
    rb = frozenset(c for c in repertoire(b) if keep(c))
    union = ra | rb
    shared = len(ra & rb) / len(union) if union else 0.0
    ta, tb = decode_table(a), decode_table(b)
    layout = sum(ta[i] is not None and ta[i] == tb[i] for i in range(0x80, 0x100)) / 128
    return (shared + layout) / 2


@lru_cache(maxsize=1024)
def fit(codec: str, letters: frozenset[str]) -> float:
    """Share of the page's letters that the language uses (``letters``: its alphabet): KOI8-R
    fits Russian better than KOI8-U, whose Ukrainian letters Russian does not use."""
    own = [c for c in repertoire(codec) if c.isalpha()]
    return sum(c in letters for c in own) / len(own) if own else 0.0


@lru_cache(maxsize=4096)
def affinity(written: str, read: str, letters: frozenset[str] = frozenset()) -> float:
    """Tie-break score of a confusion, all from the codecs and the language's letters: how alike
    the two pages are as the language sees them and as a whole (:func:`similarity`), and how well
    each fits the language (:func:`fit`). Used only between confusions that explain the same
    bytes equally well."""
    score = similarity(written, read, letters) + similarity(written, read)
    if letters:
        score += fit(written, letters) + fit(read, letters)
    return score


def coverage(codec: str, chars: frozenset[str] | set[str]) -> float:
    """Share of ``chars`` (non-ASCII characters) that ``codec`` can hold (1.0 for none)."""
    if not chars:
        return 1.0
    table = encode_table(codec)
    return sum(c in table for c in chars) / len(chars)


def encode(text: str, codec: str) -> bytes | None:
    """``text`` in ``codec`` (undefined bytes 0x80–0x9F standing as C1 controls); None if impossible."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        pass
    table = encode_table(codec)
    out = bytearray()
    for c in text:
        if c < "\x80":
            out.append(ord(c))
        elif c in table:
            out.append(table[c])
        else:
            return None
    return bytes(out)


def decode(raw: bytes, codec: str) -> str | None:
    """``raw`` read in ``codec`` (undefined bytes 0x80–0x9F read as C1 controls); None if impossible."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    table = decode_table(codec)
    out = [table[b] for b in raw]
    return None if None in out else "".join(out)  # type: ignore[arg-type]


def transcode(word: str, written: str, read: str) -> str | None:
    """Undo a full confusion: ``word`` (as read in ``read``) back to ``written``; None if impossible."""
    raw = encode(word, read)
    return None if raw is None else decode(raw, written)


def damage(word: str, written: str, read: str) -> str | None:
    """Simulate a confusion (for tests and benchmarks): ``word`` written in ``written``, read in ``read``."""
    raw = encode(word, written)
    return None if raw is None else decode(raw, read)
