"""The rule registry and what a check sees.

A check is a small pure function registered under a stable code::

    @rule("TQ201", "number-mismatch", category="number", severity="major",
          description="A number in the source is missing or different in the translation.",
          example=("We met 3 times.", "5 kez görüştük.", "en", "tr"))
    def number_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
        ...
        yield ctx.finding("TQ201", pair, src_span=(s, e), tgt_span=None, message="…")

``scope="pair"`` checks run once per aligned pair that has text on both sides (with
``aligned_only=False``: on every bead, omitted and added sentences included);
``scope="document"`` checks run once per document pair and see every bead.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..align.base import Bead
from ..document import Document, Sentence
from ..findings import CATEGORIES, MQM_BY_CATEGORY, Finding, Severity


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    description: str
    mqm: str
    scope: str
    func: Callable[..., Iterable[Finding]]
    #: (source, target, src_lang, tgt_lang) that triggers this rule, for docs and the contract test
    example: tuple[str, str, str, str] | None = None
    #: longer explanation for ``tqcheck explain``
    explanation: str = ""
    #: pair rules only: False = also run on beads with one empty side (checks that read one
    #: side at a time, like encoding damage, must see omitted and added sentences too)
    aligned_only: bool = True


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, *, category: str, severity: str, description: str,
         mqm: str | None = None, scope: str = "pair",
         example: tuple[str, str, str, str] | None = None, explanation: str = "",
         aligned_only: bool = True):
    """Register a check function under ``code``. Codes are ``TQ`` + 3 digits and never reused."""
    if not (len(code) == 5 and code.startswith("TQ") and code[2:].isdigit()):
        raise ValueError(f"bad rule code {code!r}")
    if category not in CATEGORIES:
        raise ValueError(f"{code}: unknown category {category!r}")
    if scope not in ("pair", "document"):
        raise ValueError(f"{code}: scope must be 'pair' or 'document'")

    def deco(func):
        if code in REGISTRY and REGISTRY[code].func is not func:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(code, name, category, Severity(severity), description,
                              mqm or MQM_BY_CATEGORY[category], scope, func, example,
                              explanation or (func.__doc__ or "").strip(), aligned_only)
        func.rule_code = code
        return func

    return deco


@dataclass(frozen=True)
class Pair:
    """One bead of the alignment with its sentences."""

    index: int
    bead: Bead
    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]

    # joined once per pair (every rule reads them); cached_property writes the instance's
    # __dict__ directly, which a frozen dataclass allows
    @cached_property
    def src_text(self) -> str:
        return self.src[0].text if len(self.src) == 1 else " ".join(s.text for s in self.src)

    @cached_property
    def tgt_text(self) -> str:
        return self.tgt[0].text if len(self.tgt) == 1 else " ".join(s.text for s in self.tgt)

    @property
    def score(self) -> float:
        return self.bead.score


def _locate(sents: tuple[Sentence, ...], start: int, end: int) -> tuple[Sentence, int, int] | None:
    """Map a span of ``" ".join(sentence texts)`` to (sentence, local start, local end).
    A span crossing sentences is clipped to the sentence where it starts."""
    pos = 0
    for s in sents:
        n = len(s.text)
        if start <= pos + n:
            ls = max(0, start - pos)
            le = min(n, max(ls, end - pos))
            return s, ls, le
        pos += n + 1
    if sents:
        s = sents[-1]
        return s, len(s.text), len(s.text)
    return None


#: key of the embedding backend's sentence vectors (source, target) in the alignment statistics
#: and in :attr:`CheckContext.cache`: the checks that weigh how alike two sentences are read them
EMBEDDINGS = "sentence_embeddings"
#: ``ctx.cache`` key of the user's bilingual dictionary (:class:`~tqcheck.align.dictionary.Dictionary`,
#: oriented source → target), when one was given
DICTIONARY = "dictionary"
#: cache key: whether the long steps of the document checks show progress bars (set by the
#: pipeline for long inputs when progress is wanted: :data:`tqcheck.pipeline.PROGRESS_MIN`)
PROGRESS = "progress"
#: ``ctx.cache`` key set when the pairs were matched by row or key (a pair table, a localization
#: file), not aligned: neighbouring entries are unrelated, so no rule reads across them
PRE_ALIGNED = "pre_aligned"
#: how many sentences on either side of a pair :meth:`CheckContext.nearby` reads
NEARBY = 2


@dataclass
class CheckContext:
    """Everything a check may read. Checks must not modify it except through
    :meth:`note` and :attr:`cache`."""

    source: Document
    target: Document
    beads: list[Bead]
    src_lang: str | None
    tgt_lang: str | None
    #: document-level statistics (e.g. ``length_ratio`` mean/sd), filled by the pipeline
    stats: dict[str, Any] = field(default_factory=dict)
    #: scratch space shared by checks (e.g. per-language tables)
    cache: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    _notes: dict[tuple[str, str], Finding] = field(default_factory=dict)
    _pairs: list[Pair] | None = None

    # -- navigation -------------------------------------------------------------------------
    def pairs(self) -> list[Pair]:
        if self._pairs is None:
            ss, ts = self.source.sentences, self.target.sentences
            self._pairs = [Pair(i, b, tuple(ss[k] for k in b.src), tuple(ts[k] for k in b.tgt))
                           for i, b in enumerate(self.beads)]
        return self._pairs

    def pair_of_source(self, index: int) -> Pair | None:
        return self._index("src").get(index)

    def pair_of_target(self, index: int) -> Pair | None:
        return self._index("tgt").get(index)

    @property
    def aligned(self) -> bool:
        """Whether the pairs come from aligning two documents (free text), not from matching a
        pair table's rows or a localization file's entries by key (:data:`PRE_ALIGNED`)."""
        return not self.cache.get(PRE_ALIGNED)

    def nearby(self, pair: Pair, side: str, reach: int = NEARBY) -> Iterator[tuple[int, tuple[Sentence, ...]]]:
        """The sentences of ``side`` ("src"/"tgt") within ``reach`` of the pair's own on that
        side, not the pair's: each as (index, the sentences of the other side linked with it,
        its own counterpart). Nothing for a pair with no sentence on ``side``, nor in pairs
        matched by row or key (their neighbours are unrelated entries)."""
        own = {s.index for s in (pair.src if side == "src" else pair.tgt)}
        if not own or not self.aligned:
            return
        doc = self.source if side == "src" else self.target
        for j in range(max(0, min(own) - reach), min(len(doc.sentences), max(own) + reach + 1)):
            if j in own:
                continue
            q = self._index(side).get(j)
            yield j, ((q.tgt if side == "src" else q.src) if q is not None else ())

    def _index(self, side: str) -> dict[int, Pair]:
        key = "_pair_index_" + side
        if key not in self.cache:
            idx = {}
            for p in self.pairs():
                for k in getattr(p.bead, side):
                    idx[k] = p
            self.cache[key] = idx
        return self.cache[key]

    # -- building findings ------------------------------------------------------------------
    def finding(self, code: str, pair: Pair | None = None, *, message: str,
                src_span: tuple[int, int] | None = None, tgt_span: tuple[int, int] | None = None,
                src_sentence: Sentence | None = None, tgt_sentence: Sentence | None = None,
                suggestion: str | None = None, confidence: float = 1.0,
                severity: str | Severity | None = None,
                src_excerpt: str | None = None, tgt_excerpt: str | None = None) -> Finding:
        """Build a finding for rule ``code``.

        Spans are offsets into ``pair.src_text`` / ``pair.tgt_text`` (or into the given
        sentence's text when ``src_sentence`` / ``tgt_sentence`` is passed). With no span, the
        finding still points at the pair's first sentence on that side but carries no excerpt.
        """
        r = REGISTRY[code]
        sv = Severity(severity) if severity is not None else r.severity
        src = self._side(self.source, pair.src if pair else (), src_sentence, src_span, src_excerpt)
        tgt = self._side(self.target, pair.tgt if pair else (), tgt_sentence, tgt_span, tgt_excerpt)
        return Finding(
            rule=code, name=r.name, category=r.category, mqm=r.mqm, severity=sv, message=message,
            source_segment=src[0], target_segment=tgt[0], source_line=src[1], target_line=tgt[1],
            source_excerpt=src[2], target_excerpt=tgt[2], suggestion=suggestion,
            confidence=round(float(confidence), 3), file=self.file or self.target.path,
            source_span=src[3], target_span=tgt[3],
        )

    @staticmethod
    def _side(doc: Document, sents: tuple[Sentence, ...], sentence: Sentence | None,
              span: tuple[int, int] | None, excerpt: str | None):
        if sentence is not None:
            sents = (sentence,)
        if not sents:
            return (None, None, excerpt, None)
        if span is None:
            s = sents[0]
            return (s.index, doc.line_of(s.start), excerpt, None)
        loc = _locate(sents, span[0], span[1])
        assert loc is not None
        s, a, b = loc
        if excerpt is None:
            if len(sents) > 1 and span[1] - span[0] > len(s.text) - a:
                # the span covers several sentences: excerpt from the joined text
                excerpt = " ".join(x.text for x in sents)[span[0]:span[1]]
            else:
                excerpt = s.text[a:b]
        fs, fe = s.file_span(a, b)
        if len(sents) > 1 and span[1] - span[0] > b - a:
            last = _locate(sents, max(span[0], span[1] - 1), span[1])
            if last is not None:
                fe = last[0].file_span(last[1], last[2])[1]
        return (s.index, doc.line_of(fs), excerpt, (fs, fe))

    def note(self, code: str, message: str) -> None:
        """Say once per report that a check could not run fully (e.g. no data for a
        language). Becomes an ``info`` finding of that rule."""
        key = (code, message)
        if key not in self._notes:
            r = REGISTRY[code]
            self._notes[key] = Finding(rule=code, name=r.name, category=r.category, mqm=r.mqm,
                                       severity=Severity.INFO, message=message,
                                       file=self.file or self.target.path, confidence=1.0)

    @property
    def notes(self) -> list[Finding]:
        return list(self._notes.values())


CheckFunc = Callable[[Pair, CheckContext], Iterator[Finding]]
