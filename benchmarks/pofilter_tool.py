"""Translate Toolkit's ``pofilter`` for the benchmark, kept apart from the project.

pofilter is GPL: it is installed only in a throw-away virtualenv outside the project
(default ``/tmp/tqcheck-bench-tt``, or ``$TQCHECK_BENCH_TT``), never imported into this
process, and run as a subprocess. This module creates that environment, runs pofilter on a
file, reads the flags it writes (``(pofilter) <check>: …`` comments in a PO file,
``<note from="pofilter">`` in an XLIFF file) back into ``{entry id: {check: message}}``, and
times pofilter's own checks without its start-up (:func:`check_rate`).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

VENV = os.environ.get("TQCHECK_BENCH_TT", "/tmp/tqcheck-bench-tt")
PKG = "translate-toolkit"


def ensure_venv() -> tuple[str | None, str]:
    """(path of the pofilter executable or None, a sentence saying what happened)."""
    exe = os.path.join(VENV, "bin", "pofilter")
    if os.path.exists(exe):
        return exe, f"using {exe}"
    cmds = [[sys.executable, "-m", "venv", VENV],
            [os.path.join(VENV, "bin", "pip"), "install", "-q", PKG]]
    for cmd in cmds:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            return None, (f"cannot install {PKG}: `{' '.join(cmd)}` exited {proc.returncode}: "
                          + (proc.stderr.strip().splitlines() or ["(no output)"])[-1])
    return (exe if os.path.exists(exe) else None), f"installed {PKG} into {VENV}"


def version() -> str:
    py = os.path.join(VENV, "bin", "python")
    proc = subprocess.run([py, "-c", "import importlib.metadata as m; print(m.version('translate-toolkit'))"],
                          capture_output=True, text=True)
    return proc.stdout.strip() or "?"


def command(exe: str, path: str, out: str, lang: str | None) -> list[str]:
    cmd = [exe, "--progress=none"]
    if lang:
        cmd.append(f"--language={lang}")
    return cmd + [path, out]


def run(exe: str, path: str, out: str, lang: str | None) -> tuple[float, int]:
    """Run pofilter on one file; (wall seconds, exit code)."""
    if os.path.exists(out):
        os.remove(out)
    t0 = time.perf_counter()
    proc = subprocess.run(command(exe, path, out, lang), capture_output=True, text=True)
    return time.perf_counter() - t0, proc.returncode


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_output(out: str) -> dict[str, dict[str, str]]:
    """The flags pofilter wrote: {entry id: {check name: message}}. Missing file = no flags."""
    flags: dict[str, dict[str, str]] = {}
    if not os.path.exists(out) or os.path.getsize(out) == 0:
        return flags
    if out.endswith(".po"):
        import polib

        for e in polib.pofile(out):
            if not e.msgid:
                continue
            key = (e.msgctxt + "\x04" + e.msgid) if e.msgctxt is not None else e.msgid
            for line in (e.tcomment or "").splitlines():
                if line.startswith("(pofilter) "):
                    name, _, msg = line[len("(pofilter) "):].partition(":")
                    flags.setdefault(key, {})[name.strip()] = msg.strip()
        return flags
    root = ET.parse(out).getroot()
    for tu in root.iter():
        if _local(tu.tag) not in ("trans-unit", "unit"):
            continue
        for note in tu.iter():
            if _local(note.tag) == "note" and note.get("from") == "pofilter":
                name, _, msg = (note.text or "").partition(":")
                flags.setdefault(tu.get("id", ""), {})[name.strip()] = msg.strip().split("\n")[0]
    return flags


_RATE_SCRIPT = r"""
import json, sys, time, types
from translate.storage import factory
from translate.filters import checks, pofilter
res = []
for path, lang in json.loads(sys.argv[1]):
    opts = types.SimpleNamespace(excludefilters={}, limitfilters=None, includefuzzy=True,
                                 includereview=True, autocorrect=False, addnotes=True)
    t0 = time.process_time()
    store = factory.getobject(path)
    t1 = time.process_time()
    flt = pofilter.pocheckfilter(opts, None, checks.CheckerConfig(targetlanguage=lang))
    t2 = time.process_time()
    n = flagged = 0
    for unit in store.units:
        if unit.isheader():
            continue
        n += 1
        flagged += bool(flt.filterunit(unit))
    t3 = time.process_time()
    res.append({"path": path, "units": n, "flagged": flagged, "load": t1 - t0, "setup": t2 - t1,
                "check": t3 - t2})
print(json.dumps(res))
"""


def check_rate(files: list[tuple[str, str | None]], repeat: int = 3) -> list[dict]:
    """pofilter's checks timed inside one warm Python process (best of ``repeat``): per file its
    unit count and the CPU seconds (``time.process_time``: other jobs on a shared machine do not
    count) spent loading, setting up the checker and checking."""
    py = os.path.join(VENV, "bin", "python")
    best: list[dict] | None = None
    for _ in range(repeat):
        proc = subprocess.run([py, "-c", _RATE_SCRIPT, json.dumps(files)], capture_output=True,
                              text=True, check=True)
        res = json.loads(proc.stdout)
        if best is None:
            best = res
        else:
            for b, r in zip(best, res):
                for k in ("load", "setup", "check"):
                    b[k] = min(b[k], r[k])
    return best or []
