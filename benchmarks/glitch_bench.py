"""Benchmark of the encoding-damage detector (and the misspelling finder) on injected glitches.

Clean text comes from sentences written for this benchmark (``SENTENCES``, with names and
foreign words as traps), from pseudo-sentences of frequent words drawn from wordfreq, and,
when ``../shared/corpora`` exists, from real localisation files (for false alarms only).
Known damage is injected with known spans, per kind and language; the detector and ftfy
(``ftfy.fix_encoding``) are scored on the same texts.

    python benchmarks/glitch_bench.py            # full run (about a minute)
    python benchmarks/glitch_bench.py --quick    # fewer generated sentences
    python benchmarks/glitch_bench.py --json out.json

Scoring: an injected span is *found* when a finding overlaps it; a finding is *correct* when
it overlaps an injected span; *repaired* counts found spans whose suggestion equals the clean
word. False alarms are findings on clean text, per 10,000 words.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.encoding import detect  # noqa: E402
from tqcheck.encoding.chars import homoglyph  # noqa: E402
from tqcheck.encoding.codepages import damage as cp_damage  # noqa: E402
from tqcheck.encoding.lexicon import lexicon  # noqa: E402
from tqcheck.encoding.misspell import _similar_table, find_misspellings  # noqa: E402

SHARED = os.environ.get("TQCHECK_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))

SENTENCES: dict[str, list[str]] = {
    "tr": [
        "Dün akşam hava durumu hakkında uzun uzun konuştuk.",
        "Güzel bir gün geçirdik ve arkadaşlarımıza teşekkür ettik.",
        "Öğretmenler yeni eğitim yılına hazırlanıyor.",
        "Bakanlık, ülkenin ekonomik büyümesine ilişkin açıklama yaptı.",
        "İstanbul'da düzenlenen toplantıya Novak Đoković ve Nguyễn Văn An da katıldı.",
        "Çocuklar bahçede oynarken kediler ağacın gölgesinde uyuyordu.",
        "Şirketin genel müdürü önümüzdeki hafta görüşmeler için Almanya'ya gidecek.",
        "Sağlık Bakanlığı yeni önlemleri duyurdu ve vatandaşları uyardı.",
        "Müller ve Łukasz, Zürich'teki konferansta bir sunum yaptılar.",
        "Kütüphanede bulunan eski kitaplar dijital ortama aktarılıyor.",
    ],
    "pl": [
        "Wczoraj wieczorem rozmawiałem z sąsiadem o pogodzie.",
        "Jesień będzie chłodna, więc trzeba się przygotować.",
        "Źródło tej informacji jest wiarygodne i sprawdzone.",
        "Dzieci bawiły się w ogrodzie, a koty spały pod drzewem.",
        "Ministerstwo zdrowia ogłosiło nowe zasady bezpieczeństwa.",
        "Thomas Müller i Søren Kierkegaard to znane nazwiska.",
        "Żółw powoli przechodził przez ulicę w Łodzi.",
        "Przyszły tydzień będzie bardzo pracowity dla całego zespołu.",
        "Książka, którą czytałem, opowiadała o historii Gdańska.",
        "Uczniowie przygotowują się do egzaminów końcowych.",
    ],
    "cs": [
        "Včera jsme šli do města a koupili jsme nové knihy pro děti.",
        "Počasí bylo krásné, ale večer začalo pršet.",
        "Ministerstvo zdravotnictví oznámilo nová opatření.",
        "Děti si hrály na zahradě a kočky spaly pod stromem.",
        "Příští týden budeme mít hodně práce v kanceláři.",
        "Zdeněk Müller a Łukasz Nowak přijeli z Bratislavy.",
        "Řeka tekla pomalu kolem starého mlýna.",
        "Učitelé se připravují na nový školní rok.",
        "Tahle kniha vypráví o historii českých měst.",
        "Dostali jsme dopis od přátel z Ostravy.",
    ],
    "hu": [
        "Tegnap este hosszan beszélgettünk az időjárásról.",
        "Az ősz hűvös lesz, ezért fel kell készülnünk.",
        "Az új szabályok különösen fontosak a diákok számára.",
        "A gyerekek a kertben játszottak, a macskák a fa alatt aludtak.",
        "A minisztérium bejelentette az új egészségügyi intézkedéseket.",
        "Erdős Pál és Thomas Müller Zürichben találkoztak.",
        "A könyvtárban található régi könyveket digitalizálják.",
        "Jövő héten nagyon sok munkánk lesz az irodában.",
        "A tanárok felkészülnek az új tanévre.",
        "Köszönjük a segítséget és a türelmet.",
    ],
    "ro": [
        "Ieri seară am vorbit mult despre vreme și despre toamnă.",
        "Guvernul a anunțat noi măsuri pentru țară.",
        "Copiii se jucau în grădină, iar pisicile dormeau sub copac.",
        "Ministerul Sănătății a prezentat regulile de siguranță.",
        "Săptămâna viitoare vom avea foarte multă muncă la birou.",
        "Ștefan și Müller s-au întâlnit la București.",
        "Profesorii se pregătesc pentru noul an școlar.",
        "Această carte povestește despre istoria orașului.",
        "Am primit o scrisoare de la prietenii din Cluj.",
        "Mulțumim pentru ajutor și pentru răbdare.",
    ],
    "de": [
        "Gestern Abend haben wir lange über das Wetter gesprochen.",
        "Die Größe der Straße überrascht mich jedes Mal.",
        "Die Brücke wird nächstes Jahr geöffnet.",
        "Die Kinder spielten im Garten, und die Katzen schliefen unter dem Baum.",
        "Das Ministerium hat neue Sicherheitsmaßnahmen angekündigt.",
        "Mevlüt Çavuşoğlu traf Lech Wałęsa und Antonín Dvořák in İstanbul.",
        "Nächste Woche werden wir im Büro sehr viel zu tun haben.",
        "Die Lehrer bereiten sich auf das neue Schuljahr vor.",
        "Dieses Buch erzählt von der Geschichte österreichischer Städte.",
        "Wir danken Ihnen für Ihre Hilfe und Geduld.",
    ],
    "fr": [
        "Hier soir, nous avons longuement parlé du temps qu'il fera.",
        "Le gouvernement a annoncé des mesures très élevées pour l'économie.",
        "Les enfants jouaient dans le jardin et les chats dormaient.",
        "Le ministère de la Santé a présenté de nouvelles règles.",
        "La semaine prochaine, nous aurons beaucoup de travail au bureau.",
        "Novak Đoković a rencontré Müller à Gdańsk pendant l'été.",
        "Les professeurs se préparent pour la nouvelle année scolaire.",
        "Ce livre raconte l'histoire des villes françaises.",
        "Nous vous remercions pour votre aide et votre patience.",
        "Où êtes-vous allés à Noël, près de la forêt ?",
    ],
    "ru": [
        "Вчера вечером мы долго говорили о погоде.",
        "Осень будет холодной, поэтому нужно подготовиться.",
        "Правительство объявило новые меры поддержки.",
        "Дети играли в саду, а кошки спали под деревом.",
        "Министерство здравоохранения представило новые правила.",
        "Компания Microsoft выпустила обновление для Windows.",
        "На следующей неделе у нас будет много работы в офисе.",
        "Учителя готовятся к новому учебному году.",
        "Эта книга рассказывает об истории русских городов.",
        "Мы благодарим вас за помощь и терпение.",
    ],
    "es": [
        "Ayer por la noche hablamos mucho sobre el tiempo.",
        "El gobierno anunció nuevas medidas para la economía española.",
        "Los niños jugaban en el jardín y los gatos dormían.",
        "La próxima semana tendremos mucho trabajo en la oficina.",
        "Los profesores se preparan para el nuevo año escolar.",
        "Müller y Đoković se reunieron en São Paulo.",
        "Este libro cuenta la historia de las ciudades andaluzas.",
        "Muchas gracias por su ayuda y su paciencia.",
    ],
}

#: (written, read) code pages per language, for text-wide confusions
CODEPAGE_PAIRS = {
    "tr": [("cp1254", "cp1250"), ("cp1254", "iso8859_1"), ("iso8859_9", "iso8859_2"), ("cp857", "cp850")],
    "pl": [("cp1250", "iso8859_2"), ("iso8859_2", "cp1250"), ("cp852", "cp1250"), ("cp1250", "cp1252")],
    "cs": [("cp1250", "iso8859_2"), ("iso8859_2", "cp1250"), ("cp852", "cp1250"), ("cp1250", "cp1252")],
    "hu": [("cp1250", "cp1252"), ("iso8859_2", "iso8859_1"), ("cp852", "cp850")],
    "ro": [("iso8859_16", "cp1252"), ("iso8859_16", "cp1250")],
    "de": [("cp1252", "cp850"), ("mac_roman", "cp1252"), ("cp1252", "mac_roman"), ("cp850", "cp1252")],
    "fr": [("cp1252", "cp850"), ("cp1252", "mac_roman"), ("mac_roman", "cp1252"), ("cp850", "cp1252")],
    "ru": [("cp1251", "koi8_r"), ("koi8_r", "cp1251"), ("cp866", "cp1251"), ("cp1251", "cp866")],
    "es": [("cp1252", "cp850"), ("mac_roman", "cp1252")],
}
#: single-byte pages UTF-8 is misread in, per language
MOJIBAKE_PAGES = {"ru": ["cp1251", "koi8_r"], "tr": ["cp1252", "cp1254"], "pl": ["cp1252", "cp1250"],
                  "cs": ["cp1252", "cp1250"], "hu": ["cp1252", "cp1250"]}
KINDS = ("codepage", "mojibake", "question-mark", "replacement", "homoglyph", "dotted-i", "cedilla",
         "nfd", "control", "misspelling")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class Case:
    lang: str
    kind: str
    text: str
    spans: list[tuple[int, int, str]]  # (start, end, clean word)


@dataclass
class Score:
    injected: int = 0
    found: int = 0
    repaired: int = 0
    findings: int = 0
    correct: int = 0
    ftfy_found: int = 0
    ftfy_findings: int = 0
    ftfy_correct: int = 0
    examples: list = field(default_factory=list)


# -- clean text -------------------------------------------------------------------------------------
def generated_sentences(lang: str, n: int, rng: random.Random) -> list[str]:
    """Pseudo-sentences of frequent words (library data: wordfreq), each word of a few letters."""
    import wordfreq

    words = [w for w in wordfreq.top_n_list(lang, 5000) if w.isalpha() and len(w) >= 3]
    out = []
    for _ in range(n):
        ws = rng.sample(words, 10)
        first = "İ" if lang in ("tr", "az") and ws[0][0] == "i" else ws[0][:1].upper()
        ws[0] = first + ws[0][1:]
        out.append(" ".join(ws) + ".")
    return out


def shared_clean(lang: str) -> str:
    """Target texts of the real localisation files in ../shared/corpora (if present)."""
    parts: list[str] = []
    base = os.path.join(SHARED, "corpora")
    if not os.path.isdir(base):
        return ""
    for path in glob.glob(os.path.join(base, "po", "**", "locale", lang, "LC_MESSAGES", "*.po"), recursive=True):
        cur: list[str] | None = None
        for line in open(path, encoding="utf-8"):
            if line.startswith("msgstr"):
                m = re.match(r'msgstr(?:\[\d\])? "(.*)"', line)
                cur = [m.group(1)] if m else []
            elif line.startswith('"') and cur is not None:
                cur.append(line.strip()[1:-1])
            else:
                if cur:
                    parts.append("".join(cur).replace("\\n", " ").replace('\\"', '"'))
                cur = None
    for path in glob.glob(os.path.join(base, "xliff", "**", f"*.{lang}.xlf"), recursive=True):
        t = open(path, encoding="utf-8").read()
        parts.extend(re.sub("<[^>]+>", "", m) for m in re.findall(r"<target[^>]*>(.*?)</target>", t, re.S))
    for path in glob.glob(os.path.join(base, "json", "**", "*.json"), recursive=True):
        if f"/{lang}/" in path or path.endswith(f"/{lang}.json") or f"/{lang}-" in path:
            parts.extend(_leaves(json.load(open(path, encoding="utf-8"))))
    return "\n".join(p for p in parts if p and not p.startswith("Project-Id"))


def _leaves(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k != "description":
                yield from _leaves(v)
    elif isinstance(o, list):
        for v in o:
            yield from _leaves(v)
    elif isinstance(o, str):
        yield o


# -- injecting damage -------------------------------------------------------------------------------
def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _replace_word(text: str, s: int, e: int, new: str) -> tuple[str, tuple[int, int]]:
    return text[:s] + new + text[e:], (s, s + len(new))


def inject_word(sentence: str, lang: str, kind: str, rng: random.Random) -> Case | None:
    """Damage one word of ``sentence`` with ``kind``; None when no word qualifies."""
    words = _words(sentence)
    rng.shuffle(words)
    lex = lexicon(lang)
    for s, e, w in words:
        res = _damage_word(w, lang, kind, rng, lex)
        if res is None:
            continue
        new, expected = res if isinstance(res, tuple) else (res, w)
        if new != w:
            text, span = _replace_word(sentence, s, e, new)
            return Case(lang, kind, text, [(span[0], span[1], expected)])
    return None


def _damage_word(w: str, lang: str, kind: str, rng: random.Random, lex) -> str | tuple[str, str] | None:
    """The damaged word (or (damaged, expected repair) when the repair is not ``w`` itself)."""
    non_ascii = [i for i, c in enumerate(w) if not c.isascii() and c.isalpha()]
    if kind == "mojibake":
        if not non_ascii:
            return None
        page = rng.choice(MOJIBAKE_PAGES.get(lang, ["cp1252", "latin-1"]))
        try:
            return w.encode("utf-8").decode(page)
        except UnicodeDecodeError:
            return w.encode("utf-8").decode("latin-1")
    if kind in ("question-mark", "replacement"):
        if not non_ascii or len(w) < 4:
            return None
        mark = "?" if kind == "question-mark" else "\ufffd"
        return "".join(mark if i in non_ascii else c for i, c in enumerate(w))
    if kind == "homoglyph":
        target = "CYRILLIC" if lang != "ru" else "LATIN"
        idx = [i for i, c in enumerate(w) if homoglyph(c, target)]
        if not idx or len(w) < 3:
            return None
        i = rng.choice(idx)
        return w[:i] + homoglyph(w[i], target) + w[i + 1:]
    if kind == "dotted-i":
        if lang == "tr":
            if "i" not in w or len(w) < 5:
                return None
            # upper-cased with Python's rules (i → I) where Turkish wants İ
            return w.upper(), w.replace("i", "İ").upper()
        if "i" not in w or lang == "ru":
            return None
        if rng.random() < 0.5:
            return w.replace("i", "İ").upper(), w.upper()  # upper-cased with Turkish rules
        return w.replace("i", "ı"), w  # lower-cased with Turkish rules
    if kind == "cedilla":
        if lang != "ro" or not any(c in "șțȘȚ" for c in w):
            return None
        return w.translate(str.maketrans("șțȘȚ", "şţŞŢ"))
    if kind == "nfd":
        nfd = unicodedata.normalize("NFD", w)
        return nfd if nfd != w else None
    if kind == "control":
        if len(w) < 4:
            return None
        i = rng.randrange(1, len(w) - 1)
        return w[:i] + rng.choice(["\u200b", "\u2060", "\x01", "\u200d"]) + w[i:]
    if kind == "misspelling":
        if lex is None or not lex.has_words or len(w) < 5 or w[0].isupper() or lex.zipf(w) < 3:
            return None
        table = _similar_table(lex.lang)
        opts = [(i, x) for i, c in enumerate(w) for x in table.get(c, ())]
        rng.shuffle(opts)
        for i, x in opts:
            cand = w[:i] + x + w[i + 1:]
            if lex.zipf(cand) == 0:  # a damaged form that is itself a word is undetectable
                return cand
        return None
    raise ValueError(kind)


def inject_codepage(sentences: list[str], lang: str, written: str, read: str) -> Case | None:
    """A whole text read in the wrong page: every word whose bytes mean something else."""
    clean = " ".join(sentences)
    damaged = cp_damage(clean, written, read)
    if damaged is None or damaged == clean:
        return None
    spans = []
    for (s, e, w), (ds, de, dw) in zip(_tokens(clean), _tokens(damaged)):
        if w != dw:
            spans.append((ds, de, w))
    return Case(lang, "codepage", damaged, spans)


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for tok in text.split(" "):
        core = tok.rstrip(".,;:!?")
        out.append((pos, pos + len(core), core))
        pos += len(tok) + 1
    return out


# -- running ----------------------------------------------------------------------------------------
def ftfy_spans(text: str) -> list[tuple[int, int]]:
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return []
    spans = []
    for tag, i1, i2, _, _ in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag != "equal":
            spans.append((i1, max(i2, i1 + 1)))
    return spans


def found_spans(case: Case) -> list[tuple[int, int, str | None]]:
    if case.kind == "misspelling":
        return [(m.start, m.end, m.suggestion) for m in find_misspellings(case.text, case.lang)]
    return [(d.start, d.end, d.replacement) for d in detect(case.text, case.lang)]


def score(cases: list[Case], use_ftfy: bool) -> dict[tuple[str, str], Score]:
    out: dict[tuple[str, str], Score] = defaultdict(Score)
    for c in cases:
        sc = out[(c.kind, c.lang)]
        got = found_spans(c)
        sc.injected += len(c.spans)
        sc.findings += len(got)
        for s, e, word in c.spans:
            hits = [g for g in got if g[0] < e and s < g[1]]
            if hits:
                sc.found += 1
                if any(h[2] is not None and _same(h[2], word, c.text, s, e, h) for h in hits):
                    sc.repaired += 1
            elif len(sc.examples) < 3:
                sc.examples.append(c.text[s:e])
        sc.correct += sum(1 for g in got if any(g[0] < e and s < g[1] for s, e, _ in c.spans))
        if use_ftfy and c.kind != "misspelling":
            fs = ftfy_spans(c.text)
            sc.ftfy_findings += len(fs)
            sc.ftfy_found += sum(1 for s, e, _ in c.spans if any(a < e and s < b for a, b in fs))
            sc.ftfy_correct += sum(1 for a, b in fs if any(a < e and s < b for s, e, _ in c.spans))
    return out


def _same(rep: str, word: str, text: str, s: int, e: int, hit) -> bool:
    """Whether a suggestion restores the clean word (the finding may span a little more)."""
    t = str.maketrans("şţŞŢ", "șțȘȚ")
    hs, he = hit[0], hit[1]
    expected = text[hs:s] + word + text[e:he]
    return rep.translate(t) == expected.translate(t) or rep.translate(t) == word.translate(t)


def false_alarms(lang: str, text: str, use_ftfy: bool) -> dict:
    words = len(_WORD.findall(text))
    det = detect(text, lang)
    mis = find_misspellings(text, lang)
    res = {"words": words, "encoding": len(det), "misspelling": len(mis),
           "examples": [d.original for d in det][:5] + [m.word for m in mis][:5]}
    if use_ftfy:
        res["ftfy"] = sum(1 for line in text.split("\n") if ftfy_spans(line))
    return res


def throughput(texts: list[str], lang_of: list[str], target_mb: float = 1.0) -> tuple[float, float]:
    """(detector MB/s, ftfy MB/s) on the clean texts, repeated up to ``target_mb``."""
    import ftfy

    per_lang: dict[str, list[str]] = defaultdict(list)
    for t, lg in zip(texts, lang_of):
        per_lang[lg].append(t)
    total_bytes, total_t, ftfy_t = 0, 0.0, 0.0
    for lg, ts in per_lang.items():
        body = "\n".join(ts)
        reps = max(1, int(target_mb * 1e6 / len(per_lang) / max(1, len(body.encode()))))
        big = "\n".join([body] * reps)
        detect(body[:2000], lg)  # load the word list outside the clock
        t0 = time.perf_counter()
        detect(big, lg)
        total_t += time.perf_counter() - t0
        t0 = time.perf_counter()
        for line in big.split("\n"):
            ftfy.fix_encoding(line)
        ftfy_t += time.perf_counter() - t0
        total_bytes += len(big.encode())
    return total_bytes / 1e6 / total_t, total_bytes / 1e6 / ftfy_t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer generated sentences")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--no-ftfy", action="store_true")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    n_gen = 20 if args.quick else 80
    use_ftfy = not args.no_ftfy

    cases: list[Case] = []
    clean_texts, clean_langs = [], []
    for lang, sents in SENTENCES.items():
        gen = generated_sentences(lang, n_gen, rng)
        pool = sents + gen
        clean_texts.append("\n".join(pool))
        clean_langs.append(lang)
        for kind in KINDS:
            if kind == "codepage":
                for w, r in CODEPAGE_PAIRS.get(lang, []):
                    for chunk in (sents, gen[:10], gen[10:20]):
                        c = inject_codepage(chunk, lang, w, r)
                        if c:
                            cases.append(c)
                continue
            for s in pool:
                c = inject_word(s, lang, kind, rng)
                if c:
                    cases.append(c)

    t0 = time.perf_counter()
    scores = score(cases, use_ftfy)
    elapsed = time.perf_counter() - t0

    print(f"{len(cases)} damaged texts in {len(SENTENCES)} languages, scored in {elapsed:.1f} s\n")
    head = f"{'kind':<14}{'lang':<5}{'spans':>6}{'recall':>8}{'prec':>7}{'repair':>8}   {'ftfy rec':>8}{'ftfy prec':>10}"
    print(head)
    print("-" * len(head))
    totals: dict[str, Score] = defaultdict(Score)
    rows = []
    for (kind, lang), sc in sorted(scores.items(), key=lambda kv: (KINDS.index(kv[0][0]), kv[0][1])):
        t = totals[kind]
        for f in ("injected", "found", "repaired", "findings", "correct", "ftfy_found", "ftfy_findings",
                  "ftfy_correct"):
            setattr(t, f, getattr(t, f) + getattr(sc, f))
        rows.append(_row(kind, lang, sc, use_ftfy))
        print(_fmt(rows[-1]))
    print("-" * len(head))
    total_rows = [_row(kind, "all", totals[kind], use_ftfy) for kind in KINDS if kind in totals]
    for r in total_rows:
        print(_fmt(r))

    print("\nFalse alarms on clean text (per 10,000 words):")
    fa_rows = []
    for lang, text in zip(clean_langs, clean_texts):
        fa_rows.append({"lang": lang, "source": "sentences", **false_alarms(lang, text, use_ftfy)})
        real = shared_clean(lang)
        if real:
            fa_rows.append({"lang": lang, "source": "shared corpora", **false_alarms(lang, real, use_ftfy)})
    for r in fa_rows:
        per = 10000 / max(1, r["words"])
        ff = f"  ftfy {r['ftfy'] * per:5.1f}" if use_ftfy else ""
        print(f"  {r['lang']:<4}{r['source']:<16}{r['words']:>7} words  encoding {r['encoding'] * per:5.1f}"
              f"  misspelling {r['misspelling'] * per:5.1f}{ff}  {r['examples'][:4] if r['examples'] else ''}")
    words = sum(r["words"] for r in fa_rows)
    enc = sum(r["encoding"] for r in fa_rows)
    mis = sum(r["misspelling"] for r in fa_rows)
    print(f"  all {words} words: encoding {enc * 1e4 / words:.2f}, misspelling {mis * 1e4 / words:.2f} per 10,000")

    mbs, ftfy_mbs = throughput(clean_texts + [shared_clean(lg) for lg in clean_langs if shared_clean(lg)],
                               clean_langs + [lg for lg in clean_langs if shared_clean(lg)])
    print(f"\nThroughput on clean text: detector {mbs:.2f} MB/s, ftfy.fix_encoding {ftfy_mbs:.2f} MB/s (one core)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"rows": rows, "totals": total_rows, "false_alarms": fa_rows,
                       "throughput_mb_s": mbs, "ftfy_throughput_mb_s": ftfy_mbs}, fh, indent=1,
                      ensure_ascii=False)
    return 0


def _row(kind: str, lang: str, sc: Score, use_ftfy: bool) -> dict:
    def ratio(a, b):
        return round(a / b, 3) if b else None

    return {"kind": kind, "lang": lang, "spans": sc.injected, "recall": ratio(sc.found, sc.injected),
            "precision": ratio(sc.correct, sc.findings), "repaired": ratio(sc.repaired, sc.found),
            "ftfy_recall": ratio(sc.ftfy_found, sc.injected) if use_ftfy and kind != "misspelling" else None,
            "ftfy_precision": ratio(sc.ftfy_correct, sc.ftfy_findings) if use_ftfy and kind != "misspelling" else None,
            "missed": sc.examples}


def _fmt(r: dict) -> str:
    def f(x, w):
        return f"{x:>{w}.2f}" if isinstance(x, float) else f"{'-':>{w}}"

    return (f"{r['kind']:<14}{r['lang']:<5}{r['spans']:>6}{f(r['recall'], 8)}{f(r['precision'], 7)}"
            f"{f(r['repaired'], 8)}   {f(r['ftfy_recall'], 8)}{f(r['ftfy_precision'], 10)}"
            + (f"   missed e.g. {r['missed']}" if r.get("missed") and r["lang"] != "all" else ""))


if __name__ == "__main__":
    sys.exit(main())
