"""A small bilingual lexicon learned from the confidently aligned pairs of one
document pair (no dictionary): two words are taken as translations when they
occur in the same aligned pairs much more often than chance (Dice coefficient).

The lexicon becomes extra features: a source word and its learned translation
get the same feature ``L<k>``, so the second alignment pass can see that
``Gipfel`` and ``sommet`` match.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence, Set

from .features import tokens

#: at most this many pairs are used for learning (evenly spread over the document)
MAX_PAIRS = 3000


def _words(text: str) -> set[str]:
    return {t.norm for t in tokens(text) if not t.is_number and len(t.norm) >= 2 or t.is_char and t.norm}


def learn_lexicon(src: Sequence[str], tgt: Sequence[str], *, min_count: int = 2,
                  min_dice: float = 0.5) -> dict[str, str]:
    """source word -> target word, from parallel sentences."""
    step = max(1, len(src) // MAX_PAIRS)
    return learn_lexicon_sets([_words(x) for x in src[::step]], [_words(x) for x in tgt[::step]],
                              min_count=min_count, min_dice=min_dice)


def learn_lexicon_sets(src: Sequence[Set[str]], tgt: Sequence[Set[str]], *, min_count: int = 2,
                       min_dice: float = 0.5) -> dict[str, str]:
    """The same from the word sets of parallel sentences (see :func:`.features.sentence_features`)."""
    n = len(src)
    if n == 0:
        return {}
    step = max(1, n // MAX_PAIRS)
    # sorted: the result must not depend on the order of set iteration (string hashing)
    pairs = [(sorted(src[k]), sorted(tgt[k])) for k in range(0, n, step)]
    cs: Counter = Counter()
    ct: Counter = Counter()
    for a, b in pairs:
        cs.update(a)
        ct.update(b)
    # only words seen at least min_count times can reach min_count co-occurrences
    co: Counter = Counter()
    for a, b in pairs:
        a2 = [w for w in a if cs[w] >= min_count]
        b2 = [w for w in b if ct[w] >= min_count]
        for w in a2:
            for v in b2:
                co[(w, v)] += 1
    best: dict[str, tuple[float, str]] = {}
    best_t: dict[str, tuple[float, str]] = {}
    for (w, v), c in sorted(co.items()):
        if c < min_count:
            continue
        d = 2.0 * c / (cs[w] + ct[v])
        if d < min_dice:
            continue
        if d > best.get(w, (0.0, ""))[0]:
            best[w] = (d, v)
        if d > best_t.get(v, (0.0, ""))[0]:
            best_t[v] = (d, w)
    # keep mutual best matches only
    return {w: v for w, (d, v) in sorted(best.items()) if best_t.get(v, (0, ""))[1] == w}


def lexicon_features(src: Sequence[str], tgt: Sequence[str],
                     lex: dict[str, str]) -> tuple[list[Counter], list[Counter]]:
    """Extra features ``L<k>`` for each sentence containing an entry of the lexicon."""
    return lexicon_features_sets([_words(x) for x in src], [_words(x) for x in tgt], lex)


def lexicon_features_sets(src: Sequence[Set[str]], tgt: Sequence[Set[str]],
                          lex: dict[str, str]) -> tuple[list[Counter], list[Counter]]:
    """The same from word sets."""
    ids = {w: k for k, w in enumerate(sorted(lex))}
    rev = {v: ids[w] for w, v in lex.items()}
    es = [Counter(f"L{ids[w]}" for w in ws & ids.keys()) for ws in src]
    et = [Counter(f"L{rev[v]}" for v in ws & rev.keys()) for ws in tgt]
    return es, et
