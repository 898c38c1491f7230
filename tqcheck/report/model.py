"""The Report: findings plus the alignment they were found on, and its renderings."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..align.base import Bead
from ..document import Document
from ..findings import CATEGORIES, FIELDS, Finding, Severity, csv_row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SEVERITIES = [s.value for s in Severity]


@dataclass
class Report:
    source: Document
    target: Document
    beads: list[Bead]
    findings: list[Finding]
    src_lang: str | None = None
    tgt_lang: str | None = None
    rules: tuple[str, ...] = ()
    #: the sentence aligner that made ``beads``: ``banded.v1``, ``embeddings.v1``, or
    #: ``pre-aligned`` (pair tables and localization files, matched by row or key)
    aligner: str = "banded.v1"
    #: pipeline timings and statistics (seconds per stage, length ratio …)
    stats: dict = field(default_factory=dict)
    #: the embedding model of the ``embeddings`` aligner (``name@fingerprint``), else None
    model: str | None = None
    #: the user's bilingual dictionary the aligner and the checks read (``name@digest``), else None
    dictionary: str | None = None

    # -- summary ------------------------------------------------------------------------------
    @property
    def signature(self) -> str:
        fams = sorted({r[:3] for r in self.rules})
        return (f"tqcheck:{__version__}|src:{self.src_lang or '?'}|tgt:{self.tgt_lang or '?'}"
                f"|rules:{','.join(fams) or 'none'}|align:{self.aligner}"
                + (f"|model:{self.model}" if self.model else "")
                + (f"|dict:{self.dictionary}" if self.dictionary else ""))

    @property
    def dictionary_name(self) -> str | None:
        """The name of the dictionary read, without its digest (``de-fr-via-en``)."""
        return self.dictionary.rsplit("@", 1)[0] if self.dictionary else None

    def summary(self) -> dict:
        sev = Counter(f.severity.value for f in self.findings)
        cat = Counter(f.category for f in self.findings)
        return {
            "findings": len(self.findings),
            "by_severity": {s: sev.get(s, 0) for s in SEVERITIES},
            "by_category": {c: cat[c] for c in CATEGORIES if cat.get(c)},
            "source_sentences": len(self.source.sentences),
            "target_sentences": len(self.target.sentences),
            "beads": len(self.beads),
        }

    def worst(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: s.rank)

    def failed(self, fail_on: str = "major") -> bool:
        if fail_on == "never":
            return False
        limit = Severity(fail_on).rank
        return any(f.severity.rank >= limit for f in self.findings)

    def __repr__(self) -> str:
        s = self.summary()["by_severity"]
        parts = ", ".join(f"{v} {k}" for k, v in s.items() if v)
        return (f"<Report {self.source.name} → {self.target.name}: {len(self.findings)} findings"
                f"{' (' + parts + ')' if parts else ''}, {len(self.beads)} aligned segments>")

    # -- data ---------------------------------------------------------------------------------
    def bead_index(self) -> tuple[dict[int, int], dict[int, int]]:
        """Which bead each source / target sentence index belongs to."""
        src: dict[int, int] = {}
        tgt: dict[int, int] = {}
        for i, b in enumerate(self.beads):
            for k in b.src:
                src[k] = i
            for k in b.tgt:
                tgt[k] = i
        return src, tgt

    def segments(self) -> list[dict]:
        """The alignment as plain records (the JSON ``segments``)."""
        ss, ts = self.source.sentences, self.target.sentences
        out = []
        for i, b in enumerate(self.beads):
            src = [ss[k] for k in b.src]
            tgt = [ts[k] for k in b.tgt]
            out.append({
                "index": i,
                "source": list(b.src),
                "target": list(b.tgt),
                "source_text": " ".join(s.text for s in src),
                "target_text": " ".join(s.text for s in tgt),
                "source_line": self.source.line_of(src[0].start) if src else None,
                "target_line": self.target.line_of(tgt[0].start) if tgt else None,
                "kind": b.kind,
                "score": round(float(b.score), 4),
            })
        return out

    def to_dict(self) -> dict:
        return {
            "tool": {"name": "tqcheck", "version": __version__, "signature": self.signature,
                     "aligner": self.aligner, "model": self.model, "dictionary": self.dictionary},
            "source": {"path": self.source.path, "lang": self.src_lang, "encoding": self.source.encoding},
            "target": {"path": self.target.path, "lang": self.tgt_lang, "encoding": self.target.encoding},
            "segments": self.segments(),
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary(),
        }

    def to_frame(self) -> "pd.DataFrame":
        """Findings as a DataFrame with the CSV's columns; severity, category and rule are
        categorical (severity ordered info < minor < major < critical)."""
        import pandas as pd

        df = pd.DataFrame([f.to_dict() for f in self.findings], columns=list(FIELDS))
        df["severity"] = pd.Categorical(df["severity"], categories=SEVERITIES[::-1], ordered=True)
        df["category"] = pd.Categorical(df["category"], categories=list(CATEGORIES))
        df["rule"] = pd.Categorical(df["rule"], categories=sorted(set(self.rules) | set(df["rule"])))
        for col in ("source_segment", "target_segment", "source_line", "target_line"):
            df[col] = df[col].astype("Int64")
        return df

    def alignment_frame(self) -> "pd.DataFrame":
        """The aligned pairs, one row per bead: indices, kind, the aligner's score, ``chrf``
        (sacrebleu chrF, 0–100, of the two sides transliterated to ASCII: a familiar,
        script-independent similarity; NaN for one-sided beads), lines, lengths and texts."""
        import pandas as pd
        from anyascii import anyascii
        from sacrebleu.metrics import CHRF

        chrf = CHRF()
        rows = self.segments()
        for r in rows:
            r["source_chars"] = len(r["source_text"])
            r["target_chars"] = len(r["target_text"])
            if r["source_text"] and r["target_text"]:
                hyp, ref = anyascii(r["target_text"]).lower(), anyascii(r["source_text"]).lower()
                r["chrf"] = round(chrf.sentence_score(hyp, [ref]).score, 2)
            else:
                r["chrf"] = float("nan")
        cols = ["index", "source", "target", "kind", "score", "chrf", "source_line", "target_line",
                "source_chars", "target_chars", "source_text", "target_text"]
        df = pd.DataFrame(rows, columns=cols)
        for col in ("source_line", "target_line"):
            df[col] = df[col].astype("Int64")
        return df

    # -- renderings ---------------------------------------------------------------------------
    def to_json(self, path: str | Path | None = None, *, indent: int = 2) -> str:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"
        if path is not None:
            _write(path, text)
        return text

    def to_csv(self, path: str | Path | None = None) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(FIELDS)
        for f in self.findings:
            w.writerow(csv_row(f))
        text = buf.getvalue()
        if path is not None:
            _write(path, text)
        return text

    def to_html(self, path: str | Path | None = None) -> str:
        from .html import render_html

        text = render_html(self)
        if path is not None:
            _write(path, text)
        return text

    # -- plots (matplotlib, the ``plots`` extra; see tqcheck.report.plots) ------------------------
    def plot_findings(self, ax=None):
        """Findings per category, stacked by severity; returns the matplotlib Axes."""
        from .plots import plot_findings

        return plot_findings(self, ax)

    def plot_alignment(self, ax=None):
        """The alignment path with omissions, additions and moves marked; returns the Axes."""
        from .plots import plot_alignment

        return plot_alignment(self, ax)

    def plot_length_ratio(self, ax=None, z: float = 3.5):
        """Target against source length with outliers marked; returns the Axes."""
        from .plots import plot_length_ratio

        return plot_length_ratio(self, ax, z=z)

    def _repr_html_(self) -> str:
        from .html import render_summary_html

        return render_summary_html(self)


def _write(path: str | Path, text: str) -> None:
    if str(path) == "-":
        import sys

        sys.stdout.write(text)
        return
    p = Path(path)
    if p.parent and not p.parent.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8", newline="")
