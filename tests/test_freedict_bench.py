"""benchmarks/freedict.py: FreeDict's dictd files written as a tqcheck word list by tqcheck's own
dictd reader (the dictionaries themselves are fetched into /tmp, never into the project)."""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import freedict  # noqa: E402

from tqcheck.align.dictionary import load_dictionary  # noqa: E402
from tqcheck.io import dictd  # noqa: E402

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

ENTRIES = [
    ("00-database-info", "Deutsch-français FreeDict+WikDict dictionary\n"),
    ("Abzeichen", "Abzeichen /ˈapˌt͡saɪ̯çn̩/ <n, neut>\n1. insigne\neine tragbare Kopie eines Zeichens\n"
                  "2. décoration\neine Auszeichnung\n"),
    ("Abwesenheit", "Abwesenheit /ˈapˌveːzn̩haɪ̯t/ <n, fem>\nabsence\nder Zustand, dass man nicht zugegen ist\n"),
    ("Abwind", "Abwind /ˈapvɪnt/ <n, masc>\n1. courant descendant, vent (météo) 2.\nMeteorologie:\n"),
    ("in den Bergen", "in den Bergen\nen montagne\n"),
]


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if n == 0:
            return out


def _dictd(tmp: Path) -> tuple[Path, Path]:
    data, index, off = b"", [], 0
    for head, text in ENTRIES:
        raw = text.encode("utf-8")
        index.append(f"{head}\t{_b64(off)}\t{_b64(len(raw))}")
        data += raw
        off += len(raw)
    (tmp / "x.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    with gzip.open(tmp / "x.dict.dz", "wb") as f:
        f.write(data)
    return tmp / "x.index", tmp / "x.dict.dz"


def test_base64_offsets():
    assert dictd._number("A", "x", 1) == 0 and dictd._number("BA", "x", 1) == 64
    assert dictd._number(_b64(123456), "x", 1) == 123456


def test_entries_become_single_word_pairs(tmp_path):
    idx, dz = _dictd(tmp_path)
    out = tmp_path / "de-fr.tsv"
    n = freedict.convert(idx, out, "de", "fr")
    lines = out.read_text(encoding="utf-8").splitlines()
    # numbered and plain translations, glosses in the headword's language skipped, bracketed
    # notes dropped, phrases on either side skipped, the header names the languages
    assert lines == ["de\tfr", "Abzeichen\tinsigne", "Abzeichen\tdécoration", "Abwesenheit\tabsence",
                     "Abwind\tvent"]
    assert n == 4
    d = load_dictionary(out)
    assert (d.src_lang, d.tgt_lang) == ("de", "fr") and d.pairs["abzeic"] == frozenset({"insign", "decora"})
    # the same pairs as --dictionary reads from the dictd files themselves
    assert load_dictionary(idx).pairs == d.pairs
