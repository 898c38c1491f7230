"""Hand-built Reports for the report renderer tests (independent of the real pipeline).

``make_doc`` is a tiny segmenter: paragraphs split at blank lines, ``#`` headings and
``**bold**`` markers dropped from the clean text (recorded in ``Sentence.pieces``), hard line
breaks turned into spaces, sentences split after ``. ! ? 。 ！ ？``.
"""
from __future__ import annotations

import re

from tqcheck.align.base import Bead
from tqcheck.document import HEADING, TEXT, Document, Paragraph, Sentence
from tqcheck.findings import MQM_BY_CATEGORY, Finding, Severity
from tqcheck.report.model import Report

_PARA = re.compile(r"\n[ \t]*\n+")
_SENT_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


def make_doc(text: str, *, path: str | None = None, lang: str | None = None) -> Document:
    doc = Document(text=text, path=path, lang=lang)
    starts = [0] + [m.end() for m in _PARA.finditer(text)]
    ends = [m.start() for m in _PARA.finditer(text)] + [len(text)]
    for p_start, p_end in zip(starts, ends):
        raw = text[p_start:p_end]
        if not raw.strip():
            continue
        clean: list[str] = []
        fmap: list[int | None] = []
        level = 0
        pos = p_start
        for li, line in enumerate(raw.split("\n")):
            i = 0
            m = re.match(r"#{1,6}\s+", line)
            if m:
                level = len(m.group(0).strip())
                i = m.end()
            if li and clean:
                clean.append(" ")
                fmap.append(None)
            body_end = len(line.rstrip())
            while i < body_end:
                if line.startswith("**", i):
                    i += 2
                    continue
                clean.append(line[i])
                fmap.append(pos + i)
                i += 1
            pos += len(line) + 1
        ctext = "".join(clean)
        bold = raw.strip().startswith("**") and raw.strip().endswith("**")
        kind = HEADING if level or bold else TEXT
        p_index = len(doc.paragraphs)
        sent_ids = []
        spans = []
        a = 0
        for m in _SENT_END.finditer(ctext):
            spans.append((a, m.start()))
            a = m.end()
        spans.append((a, len(ctext)))
        spans = [(x, y) for x, y in spans if ctext[x:y].strip()]
        for k, (x, y) in enumerate(spans):
            while ctext[x] == " ":
                x += 1
            while ctext[y - 1] == " ":
                y -= 1
            pieces = []
            run = None
            for c in range(x, y):
                f = fmap[c]
                if f is None:
                    run = None
                    continue
                if run is not None and run[1] + run[2] == f and run[0] + run[2] == c - x:
                    run[2] += 1
                else:
                    run = [c - x, f, 1]
                    pieces.append(run)
            start = pieces[0][1]
            end = pieces[-1][1] + pieces[-1][2]
            idx = len(doc.sentences)
            doc.sentences.append(Sentence(
                index=idx, text=ctext[x:y], paragraph=p_index, start=start, end=end,
                line=doc.line_of(start), pieces=tuple(tuple(p) for p in pieces), kind=kind,
                para_start=k == 0, para_end=k == len(spans) - 1))
            sent_ids.append(idx)
        doc.paragraphs.append(Paragraph(
            index=p_index, kind=kind, start=p_start, end=p_end, line=doc.line_of(p_start),
            end_line=doc.line_of(max(p_start, p_end - 1)), level=level, bold=bold,
            sentences=tuple(sent_ids), raw=raw))
    return doc


def span_of(doc: Document, sent: int, word: str, nth: int = 0) -> tuple[int, int]:
    """File span of the ``nth`` occurrence of ``word`` in sentence ``sent``."""
    s = doc.sentences[sent]
    at = -1
    for _ in range(nth + 1):
        at = s.text.index(word, at + 1)
    return s.file_span(at, at + len(word))


def finding(rule: str, name: str, category: str, severity: str, message: str, *,
            source: Document | None = None, target: Document | None = None,
            src: tuple[int, str] | int | None = None, tgt: tuple[int, str] | int | None = None,
            suggestion: str | None = None, file: str | None = None) -> Finding:
    """A Finding on sentence/word ``src`` of ``source`` and/or ``tgt`` of ``target``. An int
    instead of ``(sentence, word)`` points at the sentence without a span."""
    kw: dict = {}
    for side, doc, where in (("source", source, src), ("target", target, tgt)):
        if where is None or doc is None:
            continue
        if isinstance(where, int):
            s = doc.sentences[where]
            kw[f"{side}_segment"] = where
            kw[f"{side}_line"] = s.line
            continue
        k, word = where
        span = span_of(doc, k, word)
        kw[f"{side}_segment"] = k
        kw[f"{side}_line"] = doc.line_of(span[0])
        kw[f"{side}_excerpt"] = word
        kw[f"{side}_span"] = span
    return Finding(rule=rule, name=name, category=category, mqm=MQM_BY_CATEGORY[category],
                   severity=Severity(severity), message=message, suggestion=suggestion,
                   file=file or (target.path if target is not None else None), **kw)


SRC = """\
# Annual report

Our company grew by 12% in 2023. The whole team was involved.
We opened offices in Kraków and Zürich.

Sales rose to 4.5 million euros. Thank you all.
"""

TGT = """\
# Jahresbericht

Unser Unternehmen wuchs 2023 um 15 %.
Wir eröffneten Büros in Krakau und **Zürich**. Siehe <script>alert("x")</script>. Vielen Dank!

Der Umsatz stieg auf 4,5 Millionen Euro. Danke an alle.
"""


def sample_report() -> Report:
    """A small en→de report with a number error, an omission, an addition, a heading, a
    word-level finding across markup and a document-level note."""
    s = make_doc(SRC, path="docs/report.en.md", lang="en")
    t = make_doc(TGT, path="docs/report.de.md", lang="de")
    # source: 0 heading, 1 grew, 2 whole team, 3 offices, 4 sales, 5 thank you
    # target: 0 heading, 1 wuchs, 2 Büros, 3 <script>, 4 Vielen Dank, 5 Umsatz, 6 Danke
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8), Bead((2,), (), 0.0),
             Bead((3,), (2,), 0.85), Bead((), (3,), 0.0), Bead((), (4,), 0.0),
             Bead((4,), (5,), 0.9), Bead((5,), (6,), 0.7)]
    fs = [
        finding("TQ201", "number-mismatch", "number", "major",
                "The number 12 in the source is 15 in the translation.",
                source=s, target=t, src=(1, "12"), tgt=(1, "15"), suggestion="12"),
        finding("TQ101", "omitted-sentence", "omission", "critical",
                "This source sentence has no translation.",
                source=s, target=t, src=(2, "The whole team was involved.")),
        finding("TQ102", "added-sentence", "addition", "minor",
                "This sentence of the translation has no source.",
                source=s, target=t, tgt=(3, '<script>alert("x")</script>')),
        finding("TQ401", "misspelling", "spelling", "minor",
                "“Jahresbericht” looks misspelt.", source=s, target=t, tgt=(0, "Jahresbericht"),
                suggestion="Jahresbericht <b>"),
        finding("TQ501", "style", "other", "info", "Whole-sentence remark without a span.",
                source=s, target=t, tgt=6),
        finding("TQ202", "entity-mismatch", "entity", "major",
                "“Zürich” is spelt differently in the two files.", source=s, target=t,
                src=(3, "Zürich"), tgt=(2, "Zürich")),
        finding("TQ901", "no-data", "other", "info", "No spelling data for this language.",
                target=t),
    ]
    return Report(source=s, target=t, beads=beads, findings=fs, src_lang="en", tgt_lang="de",
                  rules=("TQ101", "TQ102", "TQ201", "TQ202", "TQ401", "TQ501", "TQ901"))


_WORDS = ("the translation of every sentence keeps its numbers names and dates while the "
          "editor reads both sides and looks for anything that went missing or was added").split()


def synthetic_report(n: int = 5000, *, every: int = 7) -> Report:
    """``n`` beads of deterministic filler text; a finding on every ``every``-th bead, an
    omission every 97 beads and an addition every 101, paragraphs of 5 sentences."""
    src_paras, tgt_paras, cur_s, cur_t = [], [], [], []
    plan = []
    for i in range(n):
        words = [_WORDS[(i * 7 + j * 3) % len(_WORDS)] for j in range(10 + i % 13)]
        sent = f"Sentence {i} says " + " ".join(words) + "."
        kind = "omit" if i % 97 == 96 else "add" if i % 101 == 100 else "pair"
        plan.append(kind)
        if kind != "add":
            cur_s.append(sent)
        if kind != "omit":
            cur_t.append(sent.upper().replace("SENTENCE", "Satz"))
        if i % 5 == 4:
            src_paras.append(" ".join(cur_s))
            tgt_paras.append(" ".join(cur_t))
            cur_s, cur_t = [], []
    src_paras.append(" ".join(cur_s))
    tgt_paras.append(" ".join(cur_t))
    s = make_doc("\n\n".join(p for p in src_paras if p) + "\n", path="big.en.txt", lang="en")
    t = make_doc("\n\n".join(p for p in tgt_paras if p) + "\n", path="big.de.txt", lang="de")
    beads, fs = [], []
    si = ti = 0
    for i, kind in enumerate(plan):
        if kind == "omit":
            beads.append(Bead((si,), (), 0.0))
            fs.append(finding("TQ101", "omitted-sentence", "omission", "critical", "Omitted.",
                              source=s, target=t, src=si))
            si += 1
            continue
        if kind == "add":
            beads.append(Bead((), (ti,), 0.0))
            ti += 1
            continue
        beads.append(Bead((si,), (ti,), 0.5 + (i % 50) / 100))
        if i % every == 0:
            fs.append(finding("TQ201", "number-mismatch", "number", "major",
                              f"Number {i} differs.", source=s, target=t,
                              src=(si, str(i)), tgt=(ti, str(i))))
        si += 1
        ti += 1
    return Report(source=s, target=t, beads=beads, findings=fs, src_lang="en", tgt_lang="de",
                  rules=("TQ101", "TQ201"))
