"""The public Python API: text or files in, :class:`~tqcheck.report.model.Report` out."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import pipeline
from .align.base import Bead
from .document import Document
from .lang.detect import normalize_lang
from .report.model import Report


def check(source_text: str, target_text: str, src_lang: str | None = None,
          tgt_lang: str | None = None, *, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None, lines: bool = False, progress: bool = False,
          source_path: str | None = None, target_path: str | None = None,
          aligner: str | None = None, model=None, dictionary=None) -> Report:
    """Check a translation given as text.

    ``aligner``: ``"banded"`` (default, no model) or ``"embeddings"``; ``model``: the folder of a
    sentence-transformers model on disk (or a loaded model) for the embeddings aligner — giving
    it alone selects that aligner. Nothing is downloaded. ``dictionary``: a bilingual word list
    that the aligner and the checks of missing, added and moved content read beside what the
    texts share: the path of a ``source<TAB>target``, CSV, hunalign or TBX file or of a dictd
    dictionary's ``.index`` (FreeDict's format), a :class:`~tqcheck.align.dictionary.Dictionary`,
    ``"auto"`` (the dictd dictionaries installed for the pair's languages), or a list of them
    (one per language pair).

    >>> r = check("We met 3 times.", "Wir trafen uns 5 Mal.", "en", "de")
    >>> [(f.rule, f.source_excerpt, f.target_excerpt) for f in r.findings]
    [('TQ201', '3', '5')]
    """
    _check_aligner(aligner, model, dictionary)
    src = pipeline.segment(source_text, path=source_path, lang=src_lang, lines=lines)
    tgt = pipeline.segment(target_text, path=target_path, lang=tgt_lang, lines=lines)
    return pipeline.run(src, tgt, select=select, ignore=ignore, progress=progress, aligner=aligner,
                        model=model, dictionary=dictionary)


def check_files(source_path: str, target_path: str, src_lang: str | None = None,
                tgt_lang: str | None = None, *, encoding: str | None = None,
                src_encoding: str | None = None, tgt_encoding: str | None = None,
                select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                lines: bool = False, progress: bool = False,
                max_bytes: int = 20_000_000, aligner: str | None = None, model=None,
                dictionary=None) -> Report:
    """Check a translation file against its source file (``aligner``, ``model``, ``dictionary``:
    as in :func:`check`). Raises :class:`~tqcheck.errors.InputError` for unreadable input or
    dictionary and :class:`~tqcheck.errors.UsageError` for an unusable aligner or model."""
    _check_aligner(aligner, model, dictionary)
    s_text, s_enc = pipeline.read(source_path, encoding=src_encoding or encoding, max_bytes=max_bytes)
    t_text, t_enc = pipeline.read(target_path, encoding=tgt_encoding or encoding, max_bytes=max_bytes)
    src = pipeline.segment(s_text, path=source_path, encoding=s_enc, lang=src_lang, lines=lines)
    tgt = pipeline.segment(t_text, path=target_path, encoding=t_enc, lang=tgt_lang, lines=lines)
    return pipeline.run(src, tgt, select=select, ignore=ignore, progress=progress, aligner=aligner,
                        model=model, dictionary=dictionary)


def _check_aligner(aligner: str | None, model, dictionary=None) -> str:
    """Fail early (before reading anything) on a bad aligner name, an unusable model path or a
    dictionary that is not a usable word list (read once per process)."""
    name = pipeline.resolve_aligner(aligner, model)
    if name == "embeddings" and pipeline._is_path(model):
        from .align.embeddings import check_model_path

        check_model_path(model)
    if dictionary is not None:
        from .align.dictionary import load_all

        load_all(dictionary)
    return name


def check_pairs(pairs: Sequence[tuple[str, str]], src_lang: str | None = None,
                tgt_lang: str | None = None, *, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, path: str | None = None,
                lines: Sequence[int] | None = None, aligner: str | None = None,
                model=None) -> Report:
    """Check pre-aligned segment pairs (a translation memory, an MT test set): each pair is one
    segment on each side and one bead; there is no alignment step, so ``aligner`` and ``model``
    are accepted (and their names checked) but not used: the report's aligner is
    ``pre-aligned``. ``lines[i]`` is the file line where row ``i`` starts (default ``i + 1``)."""
    pipeline.resolve_aligner(aligner, model)
    from .lang.detect import detect
    from .segment import parse_lines

    rows = list(lines) if lines is not None else list(range(1, len(pairs) + 1))
    if len(rows) != len(pairs) or any(b <= a for a, b in zip(rows, rows[1:])):
        raise ValueError("lines must give one increasing line number per pair")

    def side(texts: list[str], lang: str | None) -> Document:
        # each cell on its own line at its row's line number (a newline inside a cell becomes a
        # space), so sentence lines are file lines
        parts, at = [], 1
        for line, t in zip(rows, texts):
            parts.append("\n" * (line - at))
            parts.append(" ".join(t.split()))
            at = line
        body = "".join(parts)
        lang = normalize_lang(lang) or detect("\n".join(texts))
        doc = parse_lines(body, path=path, lang=lang)
        doc.lang = lang
        return doc

    src = side([p[0] or "" for p in pairs], src_lang)
    tgt = side([p[1] or "" for p in pairs], tgt_lang)
    s_idx, t_idx = _row_index(src, rows), _row_index(tgt, rows)
    beads = []
    for i in range(len(pairs)):
        s = (s_idx[i],) if s_idx[i] is not None else ()
        t = (t_idx[i],) if t_idx[i] is not None else ()
        if s or t:
            beads.append(Bead(s, t, 1.0 if (s and t) else 0.0))
    return pipeline.run(src, tgt, beads=beads, select=select, ignore=ignore, file=path)


def _row_index(doc: Document, rows: list[int]) -> list[int | None]:
    where = {line: i for i, line in enumerate(rows)}
    out: list[int | None] = [None] * len(rows)
    for s in doc.sentences:
        i = where.get(s.line)
        if i is not None:
            out[i] = s.index
    return out
