"""Documents, paragraphs and sentences, with their places in the original file.

A :class:`Sentence` holds *clean* text: Markdown markers (``**``, ``#``, list
bullets, link syntax) are removed and hard line breaks become spaces. Each
sentence keeps a small offset map so that any span of its clean text can be
turned back into character offsets and line numbers of the file it came from.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

#: Paragraph kinds.
TEXT, HEADING, LIST_ITEM, QUOTE, CODE = "text", "heading", "list", "quote", "code"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document.

    ``pieces`` maps clean-text offsets to file offsets: each ``(clean, file, n)``
    says that ``text[clean:clean+n] == file_text[file:file+n]``. Characters of
    ``text`` outside every piece (a space standing for a line break) map to the
    file offset of the next piece.
    """

    index: int
    text: str
    paragraph: int
    start: int  # file offset of the first character
    end: int  # file offset just past the last character
    line: int  # 1-based line of ``start``
    pieces: tuple[tuple[int, int, int], ...] = ()
    kind: str = TEXT
    #: True for the first / last sentence of its paragraph.
    para_start: bool = False
    para_end: bool = False

    def file_offset(self, pos: int) -> int:
        """File offset of clean-text position ``pos`` (0 <= pos <= len(text))."""
        if not self.pieces:
            return self.start + pos
        keys = [p[0] for p in self.pieces]
        i = bisect_right(keys, pos) - 1
        if i < 0:
            return self.pieces[0][1]
        c, f, n = self.pieces[i]
        if pos <= c + n:
            return f + (pos - c)
        # in a gap (a synthetic space): map to the start of the next piece
        if i + 1 < len(self.pieces):
            return self.pieces[i + 1][1]
        return f + n

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets for clean-text span ``[start, end)``."""
        if end <= start:
            s = self.file_offset(start)
            return (s, s)
        return (self.file_offset(start), self.file_offset(end - 1) + 1)

    def __len__(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    kind: str
    start: int
    end: int
    line: int
    end_line: int
    #: Markdown heading level (1-6), or 0. A paragraph entirely in bold counts as a heading of level 0
    #: with ``bold=True``.
    level: int = 0
    bold: bool = False
    #: indices of the sentences of this paragraph (empty for code blocks)
    sentences: tuple[int, ...] = ()
    raw: str = ""


@dataclass
class Document:
    """A decoded text file split into paragraphs and sentences."""

    text: str
    path: str | None = None
    encoding: str = "utf-8"
    lang: str | None = None
    lang_detected: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    #: for documents assembled from pieces of another file (localization entries): sorted
    #: ``(offset, line)`` pairs saying that ``text[offset]`` stands on file line ``line``; lines
    #: after an anchor are counted from the newlines of ``text``.
    line_anchors: list[tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.line_starts = starts

    def line_of(self, offset: int) -> int:
        """1-based line number of a file character offset."""
        line = bisect_right(self.line_starts, offset)
        if self.line_anchors:
            i = bisect_right(self.line_anchors, (offset, float("inf"))) - 1
            if i >= 0:
                a_off, a_line = self.line_anchors[i]
                return a_line + line - bisect_right(self.line_starts, a_off)
        return line

    @classmethod
    def from_segments(cls, texts: list[str], lines: list[int | None], *, path: str | None = None,
                      lang: str | None = None, encoding: str = "utf-8") -> "Document":
        """One sentence (and paragraph) per segment, text kept exactly as given (whitespace,
        newlines), each reported on its own file line. Empty segments get no sentence; the
        result's ``sentences[k].paragraph`` is the segment's position in ``texts``."""
        parts: list[str] = []
        anchors: list[tuple[int, int]] = []
        sents: list[Sentence] = []
        paras: list[Paragraph] = []
        pos = 0
        for i, (t, ln) in enumerate(zip(texts, lines)):
            if ln is not None:
                anchors.append((pos, ln))
            if t:
                k = len(sents)
                paras.append(Paragraph(index=i, kind=TEXT, start=pos, end=pos + len(t), line=ln or 0,
                                       end_line=(ln or 0) + t.count("\n"), sentences=(k,), raw=t))
                sents.append(Sentence(index=k, text=t, paragraph=i, start=pos, end=pos + len(t),
                                      line=ln or 0, pieces=((0, pos, len(t)),), kind=TEXT,
                                      para_start=True, para_end=True))
            else:
                paras.append(Paragraph(index=i, kind=TEXT, start=pos, end=pos, line=ln or 0,
                                       end_line=ln or 0))
            parts.append(t)
            pos += len(t) + 1
        doc = cls(text="\n".join(parts), path=path, encoding=encoding, lang=lang, paragraphs=paras,
                  sentences=sents, line_anchors=anchors or None)
        return doc

    @property
    def name(self) -> str:
        return self.path or "<text>"
