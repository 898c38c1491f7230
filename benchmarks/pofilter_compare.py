"""tqcheck against Translate Toolkit's ``pofilter`` on the same real localization files.

Reads the PO and XLIFF files of ``../shared/corpora/`` (copies in a temporary folder; the
corpus is never written), and in one run reports

1. throughput in entries per second: pofilter run per file as a CLI (start-up included), and
   pofilter's own checks in a warm process; tqcheck in-process (``load`` + ``check_units``), and
   as a CLI (one process for all files, and one process per file);
2. recall of both on defects injected into copies of the files (:mod:`l10n_inject`: dropped and
   altered placeholders, broken tags, changed numbers, untranslated entries, wrong language,
   whitespace, punctuation), with a fixed seed and known entry ids; an entry counts as found
   when the tool flags it with a check of that kind (:data:`TQ_KINDS`, :data:`PF_KINDS`);
3. false alarms: flags on the entries the injection did not touch, per tool, and a random
   sample of 20 of them per tool to judge by hand.

pofilter (GPL) runs only from its own virtualenv outside the project (:mod:`pofilter_tool`).

    python benchmarks/pofilter_compare.py                 # seed 7, up to 8 defects/kind/file
    python benchmarks/pofilter_compare.py --seed 1 --per-kind 10 --json /tmp/pf.json
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import l10n_inject as inj  # noqa: E402
import pofilter_tool as pft  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora"

_PH = {"TQ501", "TQ502", "TQ503", "TQ504", "TQ505"}
#: tqcheck rules that count as finding each defect kind
TQ_KINDS: dict[str, set[str]] = {
    "placeholder_dropped": _PH, "placeholder_altered": _PH,
    "tag_broken": {"TQ506", "TQ507"},
    "number_changed": {"TQ201"},
    "untranslated": {"TQ512", "TQ402"},
    "wrong_language": {"TQ401"},
    "whitespace": {"TQ510", "TQ516", "TQ508"},
    "punctuation": {"TQ511"},
}
_PF_PH = {"printf", "pythonbraceformat", "variables", "brackets"}
#: pofilter checks that count as finding each defect kind (it has no language check)
PF_KINDS: dict[str, set[str]] = {
    "placeholder_dropped": _PF_PH, "placeholder_altered": _PF_PH,
    "tag_broken": {"xmltags"},
    "number_changed": {"numbers"},
    "untranslated": {"unchanged", "untranslated"},
    "wrong_language": set(),
    "whitespace": {"startwhitespace", "endwhitespace", "doublespacing", "newlines"},
    "punctuation": {"endpunc"},
}
#: flags about an entry's state (empty, fuzzy, needs review), not about its text
TQ_STATE = {"TQ513", "TQ514"}
PF_STATE = {"isfuzzy", "isreview", "untranslated", "hassuggestion", "blank"}

Flags = dict[str, dict[str, str]]   # entry id -> {check/rule: message}


# -- files ---------------------------------------------------------------------------------------------
def corpus_files(corpus: Path) -> tuple[list[str], list[str]]:
    """(PO and XLIFF 1.2 files, XLIFF 2.0 files) relative to ``corpus``."""
    from tqcheck.io.l10n import sniff

    both, x2 = [], []
    for p in sorted(glob.glob(str(corpus / "**" / "*"), recursive=True)):
        if not p.endswith((".po", ".xlf", ".xliff")):
            continue
        rel = os.path.relpath(p, corpus)
        (x2 if sniff(p) == "xliff2" else both).append(rel)
    return both, x2


def family(rel: str, lang: str) -> str:
    """``rel`` with its language replaced by ``*`` (siblings in other languages share it)."""
    for pat in (f"/locale/{lang}/", f".{lang}."):
        if pat in rel:
            return rel.replace(pat, pat.replace(lang, "*"))
    return rel


# -- tqcheck -------------------------------------------------------------------------------------------
def tq_run(path: str) -> tuple[Flags, int, str | None, float]:
    """tqcheck in-process on one file: (flags, entries, target language, seconds)."""
    from tqcheck.io.l10n import check_units, load

    t0 = time.perf_counter()
    uf = load(path)
    rep = check_units(uf)
    dt = time.perf_counter() - t0
    flags: Flags = {}
    for f in rep.findings:
        if f.severity.name.lower() == "info":      # notes ("no word list for 'ja'"), not flags
            continue
        key = f.entry if f.entry is not None else "(file)"
        flags.setdefault(key, {}).setdefault(f.rule, f"[{f.severity.name.lower()}] {f.message}")
    return flags, len(uf.units), uf.tgt_lang, dt


#: first parameters of cached functions that hold language or code-page data (loaded once per
#: language, character or code page), not results about a text
_DATA_PARAMS = frozenset({"lang", "code", "codec", "greek", "letters", "scripts", "ch", "c", "seen",
                          "written"})


def text_caches() -> list:
    """Every ``functools`` cache of tqcheck keyed by a text or word (its first parameter is not in
    :data:`_DATA_PARAMS`; caches of functions without parameters hold data too)."""
    import functools
    import importlib
    import inspect
    import pkgutil

    import tqcheck

    out = []
    for mod in pkgutil.walk_packages(tqcheck.__path__, "tqcheck."):
        if mod.name.startswith(("tqcheck.report", "tqcheck.align.embeddings", "tqcheck.__main__")):
            continue
        m = importlib.import_module(mod.name)
        for obj in vars(m).values():
            if not (callable(obj) and hasattr(obj, "cache_clear") and hasattr(obj, "__wrapped__")):
                continue
            if getattr(obj, "__module__", None) != mod.name:
                continue
            params = list(inspect.signature(obj.__wrapped__).parameters)
            if params and params[0] not in _DATA_PARAMS:
                out.append(obj)
    return out


def tq_warm(path: str) -> tuple[float, float]:
    """(CPU seconds to load, CPU seconds to check) one file in this warm process, after clearing
    every per-text cache (:func:`_clear_text_caches`). CPU time (``time.process_time``), as
    pofilter's checks-only figure (:func:`pofilter_tool.check_rate`): other jobs on a shared
    machine do not count."""
    from tqcheck.io.l10n import check_units, load

    _clear_text_caches()
    t0 = time.process_time()
    uf = load(path)
    t1 = time.process_time()
    check_units(uf)
    return t1 - t0, time.process_time() - t1


def _clear_text_caches() -> None:
    """Forget every result cached by text or word (language detection of a string, parsed
    numbers, names, code-page candidates ...), so a second pass over the same files does not time
    cache hits; language data loaded once per language stays."""
    global _TEXT_CACHES
    if _TEXT_CACHES is None:
        _TEXT_CACHES = text_caches()
    for fn in _TEXT_CACHES:
        fn.cache_clear()


_TEXT_CACHES: list | None = None


def load_lang(path: str) -> str | None:
    """The source language tqcheck reads from a file."""
    from tqcheck.io.l10n import load

    return load(path).src_lang


def tq_cli(paths: list[str], out: str, cache_dir: str | None = None) -> tuple[float, int]:
    """Wall seconds and exit code of one ``tqcheck check`` process over ``paths``. ``cache_dir``:
    the folder of tqcheck's start-up cache (:mod:`tqcheck.lang.diskcache`: spaCy's abbreviation
    lists, wordfreq's lists as tables, the encoding lexicon's letters, langdetect's profiles); an
    empty folder times a first run on a new machine, None the user's usual cache."""
    cmd = [sys.executable, "-m", "tqcheck", "check", "--no-config", "--fail-on", "never",
           "--format", "json", "-o", out, *paths]
    env = None if cache_dir is None else dict(os.environ, TQCHECK_CACHE_DIR=cache_dir)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    return time.perf_counter() - t0, proc.returncode


TQ_CLI_CMD = ("python -m tqcheck check --no-config --fail-on never --format json -o OUT.json "
              "FILES...")


# -- pofilter ------------------------------------------------------------------------------------------
def pf_out(path: str, outdir: str, rel: str) -> str:
    out = os.path.join(outdir, rel)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    return out


def pf_lang(lang: str | None) -> str | None:
    return lang.replace("-", "_") if lang else None


# -- injection -----------------------------------------------------------------------------------------
def plan(files: dict[str, str], langs: dict[str, str | None], clean: dict[str, tuple[Flags, Flags]],
         rng: random.Random, per_kind: int, no_alt: frozenset[str] = frozenset()
         ) -> dict[str, dict[str, tuple[str, str, str, str]]]:
    """{rel: {entry id: (kind, source, old target, new target)}}: up to ``per_kind`` defects of each
    kind per file, on distinct eligible entries that neither tool flags for that kind already.
    ``wrong_language`` takes the same entry's translation from a sibling file in another language
    (not from the files in ``no_alt``, source-language files)."""
    entries = {rel: inj.read_entries(p) for rel, p in files.items()}
    fam: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for rel, ents in entries.items():
        fam[family(rel, langs[rel] or "")][rel] = {e.id: e.target for e in ents if e.eligible}
    out: dict[str, dict[str, tuple[str, str, str, str]]] = {}
    for rel in sorted(files):
        tq_flags, pf_flags = clean[rel]
        sibs = {r: t for r, t in fam[family(rel, langs[rel] or "")].items()
                if r != rel and r not in no_alt}
        order = {k: rng.sample(entries[rel], len(entries[rel])) for k in inj.KINDS}
        done: dict[str, tuple[str, str, str, str]] = {}
        counts = Counter()
        progress = True
        while progress:
            progress = False
            for kind in inj.KINDS:
                if counts[kind] >= per_kind:
                    continue
                while order[kind]:
                    e = order[kind].pop()
                    if not e.eligible or e.id in done:
                        continue
                    if TQ_KINDS[kind] & set(tq_flags.get(e.id, {})) or \
                            PF_KINDS[kind] & set(pf_flags.get(e.id, {})):
                        continue
                    alt = None
                    if kind == "wrong_language":
                        alts = sorted(r for r in sibs if sibs[r].get(e.id))
                        alt = sibs[rng.choice(alts)][e.id] if alts else None
                    new = inj.inject(kind, e.source, e.target, rng, alt_target=alt)
                    if new is None or new == e.target:
                        continue
                    done[e.id] = (kind, e.source, e.target, new)
                    counts[kind] += 1
                    progress = True
                    break
        out[rel] = done
    return out


# -- report --------------------------------------------------------------------------------------------
def short(rel: str) -> str:
    parts = rel.split("/")
    lang = next((p for i, p in enumerate(parts) if i and parts[i - 1] == "locale"), None)
    return f"{parts[1]}:{lang}:{parts[-1]}" if lang else f"{parts[1]}:{parts[-1]}"


def clip(s: str, n: int = 110) -> str:
    s = repr(s)[1:-1]
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-kind", type=int, default=8, help="defects per kind per file")
    ap.add_argument("--sample", type=int, default=20, help="flags on untouched entries shown per tool")
    ap.add_argument("--json", help="write all figures here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)

    corpus = Path(args.corpus)
    rels, x2 = corpus_files(corpus)
    tmp = tempfile.mkdtemp(prefix="tqcheck-pofilter-")
    clean_dir, inj_dir, pf_dir = (os.path.join(tmp, d) for d in ("clean", "injected", "pofilter"))
    for rel in rels + x2:
        for d in (clean_dir, inj_dir):
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
        shutil.copyfile(corpus / rel, os.path.join(clean_dir, rel))
    print(f"work folder: {tmp}")
    exe, how = pft.ensure_venv()
    print(f"pofilter: {how}" + (f" (translate-toolkit {pft.version()})" if exe else ""))
    result: dict = {"seed": args.seed, "per_kind": args.per_kind, "files": rels,
                    "pofilter": how, "tqcheck_rules": "all (check_units default)"}

    # -- clean run: both tools on every file -----------------------------------------------------------
    tq_run(os.path.join(clean_dir, rels[0]))            # warm-up: imports, lazy language data
    clean: dict[str, tuple[Flags, Flags]] = {}
    langs: dict[str, str | None] = {}
    n_entries: dict[str, int] = {}
    tq_time = pf_time = 0.0
    per_file: dict[str, dict] = {}
    for rel in rels:
        path = os.path.join(clean_dir, rel)
        tqf, n, lang, dt = tq_run(path)
        tq_time += dt
        per_file[rel] = {"entries": n, "tqcheck_s": dt}
        langs[rel], n_entries[rel] = lang, n
        pff: Flags = {}
        if exe:
            out = pf_out(path, os.path.join(pf_dir, "clean"), rel)
            dt, _ = pft.run(exe, path, out, pf_lang(lang))
            pf_time += dt
            per_file[rel]["pofilter_cli_s"] = dt
            pff = pft.parse_output(out)
        clean[rel] = (tqf, pff)
    total = sum(n_entries.values())

    # -- throughput -------------------------------------------------------------------------------------
    paths = [os.path.join(clean_dir, r) for r in rels]
    # warm passes: language data loaded, every per-text cache cleared before each file; load and
    # checks timed apart, best of 3 (as pofilter's checks-only figure, pofilter_tool.check_rate)
    tq_load2 = tq_check2 = float("inf")
    for _ in range(3):
        lt = ct = 0.0
        for p in paths:
            lt1, ct1 = tq_warm(p)
            lt, ct = lt + lt1, ct + ct1
        tq_load2, tq_check2 = min(tq_load2, lt), min(tq_check2, ct)
    tq_time2 = tq_load2 + tq_check2
    for _ in range(2):   # untimed: the start-up cache holds every table a run needs (tqcheck writes
        tq_cli(paths, os.path.join(tmp, "tq-all.json"))   # a word table the second time it is missed)
    cli_all, _ = tq_cli(paths, os.path.join(tmp, "tq-all.json"))
    cold_cache = tempfile.mkdtemp(prefix="tqcheck-cache-", dir=tmp)   # empty: a first run
    cli_all_cold, _ = tq_cli(paths, os.path.join(tmp, "tq-all-cold.json"), cache_dir=cold_cache)
    cli_each = sum(tq_cli([p], os.path.join(tmp, "tq-one.json"))[0] for p in paths)
    speed = {"entries": total, "files": len(rels),
             "tqcheck_inprocess_s": tq_time, "tqcheck_inprocess_second_pass_s": tq_time2,
             "tqcheck_checks_s": tq_check2, "tqcheck_load_s": tq_load2,
             "tqcheck_cli_all_s": cli_all, "tqcheck_cli_all_empty_cache_s": cli_all_cold,
             "tqcheck_cli_per_file_s": cli_each}
    if exe:
        rate = pft.check_rate([(p, pf_lang(langs[r])) for p, r in zip(paths, rels)])
        speed.update(pofilter_cli_per_file_s=pf_time,
                     pofilter_units_flagged_warm=sum(r["flagged"] for r in rate),
                     pofilter_units_flagged_cli=sum(len(clean[r][1]) for r in rels),
                     pofilter_checks_s=sum(r["check"] for r in rate),
                     pofilter_load_checks_s=sum(r["check"] + r["load"] + r["setup"] for r in rate))
    speed["per_file"] = per_file
    result["speed"] = speed

    # -- XLIFF 2.0: does each tool check it? ----------------------------------------------------------------
    x2res = []
    for rel in x2:
        path = os.path.join(clean_dir, rel)
        tqf, n, _, _ = tq_run(path)
        row = {"file": rel, "entries": n, "tqcheck_flags": sum(map(len, tqf.values()))}
        if exe:
            out = pf_out(path, os.path.join(pf_dir, "x2"), rel)
            _, rc = pft.run(exe, path, out, None)
            row.update(pofilter_exit=rc,
                       pofilter_output=os.path.exists(out) and os.path.getsize(out) > 0)
        x2res.append(row)
    result["xliff2"] = x2res

    # -- injected run ------------------------------------------------------------------------------------
    rng = random.Random(args.seed)
    files = {rel: os.path.join(clean_dir, rel) for rel in rels}
    src_langs = {rel: load_lang(files[rel]) for rel in rels}
    # a source-language file (validators.en.xlf: target = source) gets no defects, but its
    # flags count among the false alarms
    same = frozenset(r for r in rels if src_langs[r] == langs[r])
    truth = plan({r: p for r, p in files.items() if r not in same}, langs, clean, rng,
                 args.per_kind, same)
    truth.update({r: {} for r in rels if r not in truth})
    inj_flags: dict[str, tuple[Flags, Flags]] = {}
    for rel in rels:
        dst = os.path.join(inj_dir, rel)
        inj.write_copy(files[rel], dst, {k: v[3] for k, v in truth[rel].items()})
        tqf, _, _, _ = tq_run(dst)
        pff = {}
        if exe:
            out = pf_out(dst, os.path.join(pf_dir, "injected"), rel)
            pft.run(exe, dst, out, pf_lang(langs[rel]))
            pff = pft.parse_output(out)
        inj_flags[rel] = (tqf, pff)

    recall: dict[str, dict[str, int]] = {k: Counter() for k in inj.KINDS}
    misses: dict[str, list] = {"tqcheck": [], "pofilter": []}
    for rel in rels:
        tqf, pff = inj_flags[rel]
        for eid, (kind, src, old, new) in truth[rel].items():
            recall[kind]["n"] += 1
            hit_tq = bool(TQ_KINDS[kind] & set(tqf.get(eid, {})))
            hit_pf = bool(PF_KINDS[kind] & set(pff.get(eid, {})))
            recall[kind]["tqcheck"] += hit_tq
            recall[kind]["pofilter"] += hit_pf
            for tool, hit, fl in (("tqcheck", hit_tq, tqf), ("pofilter", hit_pf, pff)):
                if not hit:
                    misses[tool].append({"file": rel, "entry": eid, "kind": kind, "source": src,
                                         "old": old, "new": new,
                                         "flags": sorted(fl.get(eid, {}))})
    result["recall"] = {k: dict(v) for k, v in recall.items()}
    result["misses"] = misses

    # -- false alarms: flags on untouched entries --------------------------------------------------------
    texts = {rel: {e.id: e for e in inj.read_entries(os.path.join(inj_dir, rel))} for rel in rels}
    fa: dict[str, Counter] = {"tqcheck": Counter(), "pofilter": Counter()}
    pool: dict[str, list] = {"tqcheck": [], "pofilter": []}
    for rel in rels:
        for tool, fl, state in (("tqcheck", inj_flags[rel][0], TQ_STATE),
                                ("pofilter", inj_flags[rel][1], PF_STATE)):
            for eid, checks in fl.items():
                if eid in truth[rel]:
                    continue
                content = {c: m for c, m in checks.items() if c not in state}
                fa[tool]["flags"] += len(checks)
                fa[tool]["entries"] += 1
                fa[tool]["content_flags"] += len(content)
                fa[tool]["content_entries"] += bool(content)
                if tool == "tqcheck":
                    fa[tool]["major_flags"] += sum(m.startswith("[major]") or
                                                   m.startswith("[critical]")
                                                   for m in content.values())
                for c in content:
                    fa[tool]["by_check:" + c] += 1
                    pool[tool].append((rel, eid, c, content[c]))
    untouched = total - sum(len(t) for t in truth.values())
    result["false_alarms"] = {t: dict(c) for t, c in fa.items()}
    result["untouched_entries"] = untouched
    result["untouched_flags"] = {t: [{"file": r, "entry": e, "check": c, "message": m,
                                      "source": texts[r][e].source if e in texts[r] else None,
                                      "target": texts[r][e].target if e in texts[r] else None}
                                     for r, e, c, m in p] for t, p in pool.items()}
    srng = random.Random(args.seed + 1)
    samples = {t: srng.sample(p, min(args.sample, len(p))) for t, p in pool.items()}
    result["samples"] = {t: [{"file": r, "entry": e, "check": c, "message": m,
                              "source": texts[r][e].source if e in texts[r] else None,
                              "target": texts[r][e].target if e in texts[r] else None}
                             for r, e, c, m in s] for t, s in samples.items()}

    # -- print -------------------------------------------------------------------------------------------
    print(f"\nfiles: {len(rels)} PO/XLIFF 1.2, {total} entries; seed {args.seed}, "
          f"≤{args.per_kind} defects per kind per file\n")
    print("THROUGHPUT (entries per second, same files)")
    print(f"  {'tqcheck in-process (load + check_units, warm)':52} {total / tq_time:9.0f}"
          f"   ({tq_time:.2f} s)")
    print(f"  {'tqcheck in-process, warm, text caches cleared (CPU)':52} "
          f"{total / tq_time2:9.0f}   ({tq_time2:.2f} s)")
    print(f"  {'tqcheck checks only (check_units), same passes (CPU)':52} "
          f"{total / tq_check2:9.0f}   ({tq_check2:.2f} s)")
    print(f"  {'tqcheck CLI, one process for all files':52} {total / cli_all:9.0f}   ({cli_all:.2f} s)")
    print(f"  {'  the same, empty start-up cache (first run)':52} {total / cli_all_cold:9.0f}   "
          f"({cli_all_cold:.2f} s)")
    print(f"  {'tqcheck CLI, one process per file':52} {total / cli_each:9.0f}   ({cli_each:.2f} s)")
    if exe:
        print(f"  {'pofilter CLI, one process per file':52} {total / pf_time:9.0f}   ({pf_time:.2f} s)")
        print(f"  {'pofilter load + checks, warm process (CPU)':52} "
              f"{total / speed['pofilter_load_checks_s']:9.0f}   "
              f"({speed['pofilter_load_checks_s']:.2f} s)")
        print(f"  {'pofilter checks only, warm process (CPU)':52} "
              f"{total / speed['pofilter_checks_s']:9.0f}   ({speed['pofilter_checks_s']:.2f} s)")
        speed["ratio_checks"] = speed["pofilter_checks_s"] / tq_check2
        speed["ratio_load_checks"] = speed["pofilter_load_checks_s"] / tq_time2
        speed["ratio_cli"] = pf_time / cli_all
        speed["ratio_cli_empty_cache"] = pf_time / cli_all_cold
        print(f"  ratio (a) checks only, warm, text caches cleared: "
              f"{speed['ratio_checks']:.2f}× pofilter (load + checks: "
              f"{speed['ratio_load_checks']:.2f}×; target 5×)")
        print(f"  ratio (b) tqcheck CLI, one process for all files / pofilter CLI per file: "
              f"{speed['ratio_cli']:.2f}× (empty start-up cache: {speed['ratio_cli_empty_cache']:.2f}×)")
    print("\nRECALL on injected defects (entry flagged with a check of that kind)")
    print(f"  {'kind':22} {'n':>4} {'tqcheck':>14} {'pofilter':>14}")
    for k in inj.KINDS:
        r = recall[k]
        n = r["n"] or 1
        pf = (f"{r['pofilter']:4d} {100 * r['pofilter'] / n:5.1f}%" if PF_KINDS[k] else "  (no check)")
        print(f"  {k:22} {r['n']:4d} {r['tqcheck']:4d} {100 * r['tqcheck'] / n:5.1f}%   {pf}")
    print(f"\nFLAGS ON {untouched} UNTOUCHED ENTRIES (injected copies)")
    print(f"  {'':28} {'tqcheck':>9} {'pofilter':>9}")
    for key, label in (("flags", "all flags"), ("entries", "entries flagged"),
                       ("content_flags", "flags, state flags excluded"),
                       ("content_entries", "entries, state excluded")):
        print(f"  {label:28} {fa['tqcheck'][key]:9d} {fa['pofilter'][key]:9d}")
    print(f"  tqcheck major flags on untouched entries: {fa['tqcheck']['major_flags']}")
    for tool in ("tqcheck", "pofilter"):
        top = sorted(((v, k[9:]) for k, v in fa[tool].items() if k.startswith("by_check:")),
                     reverse=True)
        print(f"  {tool} by check: " + ", ".join(f"{c} {v}" for v, c in top))
    if x2res:
        print("\nXLIFF 2.0")
        for row in x2res:
            print(f"  {short(row['file'])}: {row['entries']} entries; tqcheck {row['tqcheck_flags']} "
                  f"flags; pofilter exit {row.get('pofilter_exit')}, output written: "
                  f"{row.get('pofilter_output')}")
    for tool in ("tqcheck", "pofilter"):
        print(f"\nMISSED BY {tool.upper()} ({len(misses[tool])})")
        for m in misses[tool][:40] if tool == "tqcheck" else []:
            print(f"  {m['kind']:20} {short(m['file'])} {clip(m['entry'], 50)}\n"
                  f"      old: {clip(m['old'])}\n      new: {clip(m['new'])}  flags: {m['flags']}")
        if tool == "pofilter":
            print("  by kind: " + ", ".join(f"{k} {v}" for k, v in
                                           Counter(m["kind"] for m in misses[tool]).items()))
    for tool in ("tqcheck", "pofilter"):
        print(f"\nSAMPLE: {len(samples[tool])} random {tool} flags on untouched entries")
        for i, s in enumerate(result["samples"][tool], 1):
            print(f"  {i:2}. {short(s['file'])} [{s['check']}] {clip(s['message'], 90)}\n"
                  f"      src: {clip(s['source'] or '')}\n      tgt: {clip(s['target'] or '')}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, ensure_ascii=False, indent=1, default=str)
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
