"""benchmarks/dictionary_swaps.py's readings, on a small synthetic Text+Berg-like pair whose
translation renders every word by the word list: neighbours in order are never read as crossed,
neighbours with their translations exchanged always are. No run on Text+Berg."""
from __future__ import annotations

import random

from conftest import benchmark

ds = benchmark("dictionary_swaps")


def _write(tmp_path, n: int = 30, seed: int = 2):
    rng = random.Random(seed)
    consonants, vowels = "bdfgklmnprstvz", "aeiou"

    def word() -> str:
        return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(4))

    vocab = list(dict.fromkeys(word() for _ in range(400)))[:300]
    tr = {w: "q" + w[::-1] for w in vocab}  # a word and its "translation": nothing in common
    de, fr = [], []
    for k in range(n):
        ws = rng.sample(vocab, 7)
        de.append(" ".join(ws).capitalize() + " .")
        fr.append(" ".join(tr[w] for w in ws).capitalize() + " .")
    (tmp_path / "test0.de").write_text("\n".join(de) + "\n", encoding="utf-8")
    (tmp_path / "test0.fr").write_text("\n".join(fr) + "\n", encoding="utf-8")
    (tmp_path / "test0.defr").write_text("".join(f"[{k}]:[{k}]\n" for k in range(n)), encoding="utf-8")
    lst = tmp_path / "de-fr.tsv"
    lst.write_text("de\tfr\n" + "".join(f"{w}\t{tr[w]}\n" for w in vocab), encoding="utf-8")
    return lst


def test_in_order_never_crossed_exchanged_always(tmp_path):
    lst = _write(tmp_path)
    res = ds.read(tmp_path, str(lst), limits=(0.0, -1.0))
    for lim, (pairs, false, found) in res.items():
        assert pairs == 2 * 29  # both directions, every neighbouring pair of gold 1-1 links
        assert false == 0, lim
        assert found == pairs, lim
