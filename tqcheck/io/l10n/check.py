"""Checking a :class:`UnitFile`: one aligned pair per entry (and per plural form).

The two sides become documents with one segment per entry form
(:meth:`Document.from_segments`: text kept exactly, real file lines), the beads
pair them one to one, and :func:`tqcheck.pipeline.run` runs every selected rule
except the structure/completeness family (TQ1xx), which is about documents.
Afterwards each finding gets the entry it is about (``entry``), the entry's
lines where the finding has none (an empty ``msgstr``), and a fresh fingerprint.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable

from ..._gc import paused as gc_paused
from ...align.base import Bead
from ...document import Document
from ...findings import Finding
from .base import Unit, UnitFile

#: rule families whose findings inside a placeholder or tag of the entry are dropped (a number
#: inside "%1$s" or "{0}" is no number of the text); TQ204 keeps the URLs of links
_TEXT_FAMILIES = ("TQ2", "TQ3", "TQ4")


def _norm(t: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", t).casefold().split())


def _form_sources(u: Unit) -> list[tuple[str, int | None, str, int | None]]:
    """(source, source line, target, target line) for each form of ``u``."""
    if not u.plurals:
        return [(u.source, u.source_line, u.target or "", u.target_line)]
    out = []
    n = len(u.plurals)
    for k, form in enumerate(u.plurals):
        if u.plural_tags:
            singular = u.plural_tags[k] == "one" or not u.source_plural
        else:
            singular = (k == 0 and n > 1) or not u.source_plural
        s, sl = (u.source, u.source_line) if singular else (u.source_plural or "", u.source_plural_line)
        tl = u.plural_lines[k] if u.plural_lines and k < len(u.plural_lines) else u.target_line
        out.append((s, sl, form or "", tl))
    return out


def build(uf: UnitFile):
    """The two documents, the beads and the segment map of a unit file."""
    texts_s: list[str] = []
    lines_s: list[int | None] = []
    texts_t: list[str] = []
    lines_t: list[int | None] = []
    segs: list[tuple[int, int]] = []
    first_pos: dict[int, int] = {}
    for ui, u in enumerate(uf.units):
        if "obsolete" in u.flags:
            continue
        first_pos[ui] = len(segs)
        for k, (s, sl, t, tl) in enumerate(_form_sources(u)):
            texts_s.append(s)
            lines_s.append(sl)
            texts_t.append(t)
            lines_t.append(tl)
            segs.append((ui, k))
    src = Document.from_segments(texts_s, lines_s, path=uf.source_path or uf.path, lang=uf.src_lang)
    tgt = Document.from_segments(texts_t, lines_t, path=uf.path, lang=uf.tgt_lang)
    s_of = {s.paragraph: s.index for s in src.sentences}
    t_of = {s.paragraph: s.index for s in tgt.sentences}
    beads = [Bead((s_of[p],), (t_of[p],), 1.0) for p in range(len(segs)) if p in s_of and p in t_of]
    return src, tgt, beads, segs, first_pos


def check_units(uf: UnitFile, *, select: Iterable[str] | None = None,
                ignore: Iterable[str] | None = None, glossary=None):
    from ... import pipeline
    from ...checks import registry
    from ...checks.l10n_context import UnitContext, activate, deactivate
    from ...checks.l10n_glossary import Glossary, load_glossary

    if isinstance(glossary, (str, bytes)) or hasattr(glossary, "__fspath__"):
        glossary = load_glossary(str(glossary), src_lang=uf.src_lang, tgt_lang=uf.tgt_lang)
    elif glossary is not None and not isinstance(glossary, Glossary):
        raise TypeError("glossary must be a path or a Glossary")
    src, tgt, beads, segs, first_pos = build(uf)
    codes = registry.load()
    ign = list(ignore or [])
    if any(c.startswith("TQ1") for c in codes):
        ign.append("TQ1")
    uc = UnitContext(uf=uf, source=src, target=tgt, segs=segs, first_pos=first_pos, glossary=glossary)
    token = activate(uc)
    # the checks leave no reference cycles behind (tested), so the cyclic garbage collector has
    # nothing to find while they run; it would still scan the loaded language data (word lists,
    # CLDR tables) again and again: paused for the run, 10-15 % less time
    try:
        with gc_paused():
            report = pipeline.run(src, tgt, beads=beads, select=select, ignore=ign, file=uf.path)
    finally:
        deactivate(token)
    report.findings = _finish(report.findings, uf, uc, src, tgt)
    report.stats = dict(report.stats)
    report.stats["units"] = len(uf.units)
    report.stats["format"] = uf.format
    return report


def _finish(findings: list[Finding], uf: UnitFile, uc, src: Document, tgt: Document) -> list[Finding]:
    from ...checks.l10n_formats import scan
    from ...checks.l10n_text import markup, unit_styles

    same_lang = bool(uf.src_lang and uf.src_lang == uf.tgt_lang)
    code_spans: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def spans_of(doc: Document, side: str, sent_idx: int) -> list[tuple[int, int]]:
        key = (side, sent_idx)
        if key not in code_spans:
            s = doc.sentences[sent_idx]
            u, _ = uc.at(s.paragraph)
            st = unit_styles([u.source, u.source_plural or ""], u.flags, uf.format)
            sc = scan(s.text, st.styles, st.strict, st.icu)
            code_spans[key] = ([(s.start + t.start, s.start + t.end) for t in sc.tokens]
                               + [(s.start + t.start, s.start + t.end) for t in markup(s.text)])
        return code_spans[key]

    def inside(span, spans) -> bool:
        return span is not None and any(a <= span[0] and span[1] <= b for a, b in spans)

    out: list[Finding] = []
    for f in findings:
        unit: Unit | None = None
        pos = None
        if f.target_segment is not None:
            pos = tgt.sentences[f.target_segment].paragraph
        elif f.source_segment is not None:
            pos = src.sentences[f.source_segment].paragraph
        if pos is not None:
            unit, _ = uc.at(pos)
        if f.rule == "TQ402":
            if same_lang:
                continue  # a source-language file: its target is its source by design
            if unit is not None and (_norm(unit.target or "") == _norm(unit.source)
                                     or {"fuzzy", "needs-translation", "needs-review"} & unit.flags):
                continue  # identical and unfinished entries are judged by TQ512 / TQ514
        if f.rule in ("TQ401", "TQ402") and unit is not None and f.severity.value != "info" \
                and not _language_confirmed(f, unit, uf, tgt):
            continue
        if unit is not None and f.rule.startswith(_TEXT_FAMILIES) and f.rule != "TQ204":
            if f.target_segment is not None and f.target_span is not None and \
                    inside(f.target_span, spans_of(tgt, "t", f.target_segment)):
                continue
            if f.target_span is None and f.source_segment is not None and f.source_span is not None and \
                    inside(f.source_span, spans_of(src, "s", f.source_segment)):
                continue
        changes = {}
        entry = unit.id if unit is not None else None
        if unit is None:
            hint = uc.hints.get((f.rule, f.message))
            if hint is not None:
                entry = hint[0]
                if hint[1] is not None and f.target_line is None:
                    changes["target_line"] = hint[1]
        else:
            if f.target_line is None and unit.target_line is not None:
                changes["target_line"] = unit.target_line
            if f.source_line is None and unit.source_line is not None:
                changes["source_line"] = unit.source_line
        if f.file is None:
            changes["file"] = uf.path
        out.append(dataclasses.replace(f, entry=entry, fingerprint="", **changes))
    return out


#: an entry is judged for its language only with this many words left once placeholders, markup,
#: URLs and code are removed: language identification is unreliable on short UI strings
MIN_LANG_WORDS = 8
_SURE = 0.95


def _language_confirmed(f: Finding, unit: Unit, uf: UnitFile, tgt: Document) -> bool:
    """Does a wrong-language / still-in-source finding on an entry survive a second look at the
    entry's words alone (no placeholders, tags, URLs or code)?"""
    import regex

    from ...checks.l10n_formats import scan
    from ...checks.l10n_text import markup, unit_styles
    from ...lang.detect import sentence_langs

    if f.target_segment is None:
        return True
    text = tgt.sentences[f.target_segment].text
    st = unit_styles([unit.source, unit.source_plural or ""], unit.flags, uf.format)
    cut = sorted([(t.start, t.end) for t in scan(text, st.styles, st.strict, st.icu).tokens]
                 + [(t.start, t.end) for t in markup(text)])
    parts, last = [], 0
    for a, b in cut:
        if a >= last:
            parts.append(text[last:a])
            last = b
    parts.append(text[last:])
    clean = regex.sub(r"\S*[\p{L}\p{N}][._/\\:@=#][\p{L}\p{N}]\S*|https?://\S+", " ", " ".join(parts))
    if f.rule == "TQ401":
        from ...lang.detect import judge_language

        return bool(uf.tgt_lang) and judge_language(" ".join(clean.split()), uf.tgt_lang) is not None
    if f.rule == "TQ402":
        # words the translation shares with its source are names and terms kept on purpose
        shared = {w.casefold() for w in regex.findall(r"\p{L}+", unit.source)}
        clean = " ".join(w for w in regex.findall(r"\p{L}+", clean) if w.casefold() not in shared)
    words = regex.findall(r"\p{L}+", clean)
    cjk = regex.findall(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]", clean)
    if len(words) < MIN_LANG_WORDS and len(cjk) < 2 * MIN_LANG_WORDS:
        return False
    langs = dict(sentence_langs(" ".join(clean.split())))
    if not langs:
        return False
    top, p = max(langs.items(), key=lambda kv: kv[1])
    return top != uf.tgt_lang and p >= _SURE and langs.get(uf.tgt_lang or "", 0.0) < 0.05


# -- rule examples as unit files ---------------------------------------------------------------------
#: what a rule's example needs beyond its (source, target, languages) to run as an entry
UNIT_EXAMPLES: dict[str, dict] = {
    "TQ509": {"format": "android"},
    "TQ513": {"target": ""},
    "TQ514": {"flags": {"fuzzy"}},
    "TQ521": {"glossary": [("file", "Datei", False)]},
    "TQ522": {"glossary": [("Privacy Badger", "Privacy Badger", True)]},
}


def run_example(code: str):
    from ...checks import registry
    from ...checks.l10n_glossary import Glossary, Term

    rules = registry.load()
    r = rules[code]
    if r.example is None:
        raise ValueError(f"{code} has no example")
    src, tgt, sl, tl = r.example
    extra = UNIT_EXAMPLES.get(code, {})
    unit = Unit(id="example", source=src, target=extra.get("target", tgt), source_line=1,
                target_line=1, flags=frozenset(extra.get("flags", ())))
    uf = UnitFile(path="<example>", format=extra.get("format", "csv"), src_lang=sl, tgt_lang=tl,
                  units=[unit])
    gl = None
    if "glossary" in extra:
        gl = Glossary([Term(s, [t], dnt) for s, t, dnt in extra["glossary"]], sl, tl)
    return check_units(uf, glossary=gl)
