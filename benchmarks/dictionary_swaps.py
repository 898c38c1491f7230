"""How the dictionary's swap test reads the gold: neighbours in order against neighbours crossed.

For each pair of neighbouring gold 1-1 links of the Text+Berg whole documents (both directions),
the two source sentences are read against their two translations twice, with the checks' own
test (:func:`tqcheck.checks.completeness.swaps._reads_crossed`, after tqcheck's alignment with the
list, the document's chance and translation rates as the checks read them): *in order* (the
gold's order: read as crossed, a false swap) and *exchanged* (the translations in the opposite
order, as a swap leaves them: read as crossed, found). Printed for each limit on the straight
pairs' odds (``straight_min``, the checks' ``_DICT_SWAP_STRAIGHT_MIN``: 0 asks each straight pair to read at least as likely
at chance as at the translation rate). Only the word test: the checks also ask each crossed
partner to be its sentence's clear best match nearby and no sure link elsewhere.

    python benchmarks/dictionary_swaps.py --dictionary /tmp/tqcheck-freedict/de-fr.tsv   # about 1 min
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dictionary_members as DM  # noqa: E402

from tqcheck.checks.completeness import swaps as S  # noqa: E402

LIMITS = (0.0, -0.5, -1.0, -2.0)


def read(data: Path, dictionary: str, limits=LIMITS) -> dict:
    """limit -> [pairs, read crossed in order (false), read crossed exchanged (found)]."""
    res = {lim: [0, 0, 0] for lim in limits}
    for d, _, (s1, t1), (_, t2) in DM.gold_neighbours(data, dictionary):
        for lim in limits:
            c = res[lim]
            c[0] += 1
            c[1] += S._reads_crossed(d, s1, t1, t2, straight_min=lim)
            c[2] += S._reads_crossed(d, s1, t2, t1, straight_min=lim)
    return res


def main() -> None:
    a = DM.arguments(__doc__)
    res = read(Path(a.data), a.dictionary)
    print(f"{'straight pairs at least':>24s} {'pairs':>6s} {'in order read crossed':>22s} {'exchanged read crossed':>23s}")
    for lim, (n, false, found) in res.items():
        print(f"{lim:24.1f} {n:6d} {false:22d} {found:23d}")


if __name__ == "__main__":
    main()
