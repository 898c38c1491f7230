"""The pipeline, stage by stage: read → segment → align → check → report.

Each stage is a plain function so that a caller (the CLI, the API, a notebook,
a benchmark) can run any prefix of it.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from .align.base import Bead
from .checks import registry
from .checks.base import DICTIONARY, EMBEDDINGS, PRE_ALIGNED, PROGRESS, REGISTRY, CheckContext, Pair, Rule
from .document import Document
from .errors import UsageError
from .findings import Finding
from .lang.detect import detect, normalize_lang
from .report.model import Report


# -- 1. read -------------------------------------------------------------------------------------
def read(path: str, *, encoding: str | None = None, max_bytes: int = 20_000_000) -> tuple[str, str]:
    """Read and decode a file: (text, encoding). Raises :class:`InputError`."""
    from .io.text import read_text

    return read_text(path, encoding=encoding, max_bytes=max_bytes)


# -- 2. segment ----------------------------------------------------------------------------------
def segment(text: str, *, path: str | None = None, encoding: str = "utf-8", lang: str | None = None,
            lines: bool = False) -> Document:
    """Split a decoded text into paragraphs and sentences. ``lang=None`` detects the language;
    ``lines=True`` takes each line as one sentence."""
    from .segment import parse_document, parse_lines

    detected = False
    lang = normalize_lang(lang)
    if lang is None:
        lang = detect(text)
        detected = lang is not None
    doc = (parse_lines if lines else parse_document)(text, path=path, encoding=encoding, lang=lang)
    doc.lang = lang
    doc.lang_detected = detected
    return doc


# -- 3. align ------------------------------------------------------------------------------------
#: the sentence aligners ``align`` (and ``--aligner``) offer
ALIGNERS = ("banded", "embeddings")


def resolve_aligner(aligner: str | None = None, model=None) -> str:
    """The aligner to use: ``aligner`` as given, or ``embeddings`` when only a ``model`` is given,
    else ``banded``. A :class:`UsageError` for an unknown name, for ``embeddings`` without a
    model, and for a model given with ``aligner="banded"`` (it would be silently unused)."""
    name = aligner or ("embeddings" if model is not None else "banded")
    name = name.strip().lower() if isinstance(name, str) else name
    if name not in ALIGNERS:
        raise UsageError(f"unknown aligner {aligner!r} (choose from {', '.join(ALIGNERS)})")
    if name == "embeddings" and model is None:
        raise UsageError("the embeddings aligner needs a model: --model PATH (the folder of a "
                         "sentence-transformers model on disk)")
    if name == "banded" and model is not None:
        raise UsageError("a model is used only by the embeddings aligner: drop --model or use "
                         "--aligner embeddings")
    return name


def _is_path(model) -> bool:
    """A model given as a folder (str or path-like), not as a loaded model object."""
    import os

    return isinstance(model, (str, os.PathLike))


def align(source: Document, target: Document, *, progress: bool = False, aligner: str | None = None,
          model=None, dictionary=None) -> tuple[list[Bead], dict]:
    """Align the sentences of two documents: (beads, statistics).

    ``aligner``: ``"banded"`` (the default: no model) or ``"embeddings"``; ``model``: for the
    embeddings aligner, the folder of a sentence-transformers model on disk (or a loaded model);
    giving a model alone selects the embeddings aligner. ``dictionary``: a bilingual word list
    (a path or a :class:`~tqcheck.align.dictionary.Dictionary`) whose pairs the aligner reads
    as shared features (the embeddings aligner beside the model's similarity: their mean).
    ``statistics["aligner"]`` (and ``["model"]``, ``["dictionary"]``) say what was used."""
    name = resolve_aligner(aligner, model)
    dic = resolve_dictionary(dictionary, source.lang, target.lang)
    if name == "embeddings":
        from .align import embeddings

        mdl = embeddings.load_model(model) if _is_path(model) else model
        res = embeddings.align_documents(source, target, mdl, progress=progress, dictionary=dic)
        stats = dict(res.stats)
        stats["aligner"] = embeddings.ALIGNER
        stats["model"] = getattr(mdl, "tqcheck_model_id", None) or type(mdl).__name__
        if res.embeddings is not None:
            stats[EMBEDDINGS] = res.embeddings  # taken out again by :func:`run` (not reported)
        return res.beads, stats
    from .align.banded import align_documents

    res = align_documents(source, target, src_lang=source.lang, tgt_lang=target.lang, progress=progress,
                          dictionary=dic)
    stats = dict(res.stats)
    stats["aligner"] = "banded.v1"
    return res.beads, stats


def resolve_dictionary(dictionary, src_lang: str | None, tgt_lang: str | None):
    """The user's dictionary (a path or a loaded one) read for this pair of languages, or None;
    :class:`~tqcheck.errors.InputError` for a file that is not a usable word list."""
    if dictionary is None:
        return None
    from .align.dictionary import resolve

    return resolve(dictionary, src_lang, tgt_lang)


#: show progress bars only on inputs at least this long (in aligned segments)
PROGRESS_MIN = 500


# -- 4. check ------------------------------------------------------------------------------------
def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Rule]:
    """Rules chosen by code or prefix (``TQ3`` selects every encoding rule), ruff-style."""
    registry.load()
    codes = sorted(REGISTRY)
    sel = [s.upper() for s in select] if select else ["TQ"]
    ign = [s.upper() for s in ignore] if ignore else []
    for p in sel + ign:
        if not any(c.startswith(p) for c in codes):
            raise UsageError(f"unknown rule code or prefix {p!r} (see 'tqcheck rules')")

    def best(code: str, prefixes: Sequence[str]) -> int:
        return max((len(p) for p in prefixes if code.startswith(p)), default=-1)

    return [REGISTRY[c] for c in codes if best(c, sel) > best(c, ign)]


def run_checks(ctx: CheckContext, rules: Sequence[Rule], *, progress: bool = False) -> list[Finding]:
    """Run the rules over an aligned document pair. Pair rules see only beads with text on both
    sides (an omitted sentence gets its omission finding, not also a number finding)."""
    findings: list[Finding] = []
    pair_rules = [r for r in rules if r.scope == "pair"]
    doc_rules: Sequence[Rule] = [r for r in rules if r.scope == "document"]
    pairs: Sequence[Pair] = ctx.pairs()
    show = progress and len(pairs) >= PROGRESS_MIN
    if show:
        from tqdm.auto import tqdm

        # the document rules take most of the time on a long input (the analysis of missing and
        # moved content shows its own steps: :data:`PROGRESS`)
        ctx.cache[PROGRESS] = True
        doc_rules = tqdm(doc_rules, desc="checking the document", unit="rule", leave=False)
    for r in doc_rules:
        findings.extend(r.func(ctx))
    if show:
        pairs = tqdm(pairs, desc="checking", unit="seg", leave=False)
    one_sided = [r for r in pair_rules if not r.aligned_only]
    for pair in pairs:
        for r in (pair_rules if pair.src and pair.tgt else one_sided):
            findings.extend(r.func(pair, ctx))
    findings.extend(ctx.notes)
    return sorted(dedupe(findings), key=lambda f: _document_order(ctx, f))


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """Drop repeated findings (same rule, place and message), keeping the first."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.rule, f.source_segment, f.target_segment, f.source_span, f.target_span, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _document_order(ctx: CheckContext, f: Finding) -> tuple:
    """Reading order: the bead a finding belongs to, then its place in the text, then the rule.
    Document-wide findings (no segment) come first."""
    pair = None
    if f.target_segment is not None:
        pair = ctx.pair_of_target(f.target_segment)
    if pair is None and f.source_segment is not None:
        pair = ctx.pair_of_source(f.source_segment)
    bead = pair.index if pair is not None else -1
    off = (f.target_span or f.source_span or (0, 0))[0]
    return (f.file or "", bead, off, f.rule)


# -- all of it -----------------------------------------------------------------------------------
def run(source: Document, target: Document, *, beads: list[Bead] | None = None,
        select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
        progress: bool = False, file: str | None = None, aligner: str | None = None,
        model=None, dictionary=None) -> Report:
    """Align (unless ``beads`` are given) and check two segmented documents. ``aligner`` and
    ``model`` choose the aligner, ``dictionary`` gives it and the checks a bilingual word list
    (see :func:`align`); the report's signature records them."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    stats: dict = {}
    dic = resolve_dictionary(dictionary, source.lang, target.lang)
    if beads is None:
        beads, stats = align(source, target, progress=progress, aligner=aligner, model=model, dictionary=dic)
        used, used_model = stats.get("aligner", "banded.v1"), stats.get("model")
    else:
        used, used_model = "pre-aligned", None  # pairs or entries matched by row or key: no aligner ran
    timings["align"] = time.perf_counter() - t0
    rules = select_rules(select, ignore)
    vectors = stats.pop(EMBEDDINGS, None)
    ctx = CheckContext(source=source, target=target, beads=beads, src_lang=source.lang,
                       tgt_lang=target.lang, stats=stats, file=file or target.path)
    if vectors is not None:
        # the checks that weigh how alike two sentences are (moves, swaps, neighbours) read
        # the embedding backend's vectors too
        ctx.cache[EMBEDDINGS] = vectors
    if used == "pre-aligned":
        ctx.cache[PRE_ALIGNED] = True
    if dic is not None:
        ctx.cache[DICTIONARY] = dic
    elif dictionary is not None and used != "pre-aligned" and any(r.code == "TQ101" for r in rules):
        from .align.dictionary import describe

        ctx.note("TQ101", f"No dictionary given is for {source.lang or '?'} → {target.lang or '?'} "
                          f"({describe(dictionary)}): the alignment and the checks of missing, added and "
                          "moved content read none.")
    t1 = time.perf_counter()
    findings = run_checks(ctx, rules, progress=progress)
    timings["check"] = time.perf_counter() - t1
    stats = dict(stats)
    stats["seconds"] = timings
    return Report(source=source, target=target, beads=beads, findings=findings,
                  src_lang=source.lang, tgt_lang=target.lang, rules=tuple(r.code for r in rules),
                  aligner=used, model=used_model, stats=stats, dictionary=dic.id if dic is not None else None)
