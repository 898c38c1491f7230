"""A user's bilingual dictionary (``--dictionary``): reading it, and what it lets the aligner and
the checks of missing, added and moved content see where the two texts share nothing else."""
from __future__ import annotations

import json
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.align.banded import align_sentences
from tqcheck.align.dictionary import Dictionary, load_dictionary, parse, resolve
from tqcheck.cli import main
from tqcheck.errors import InputError


# -- a text pair that shares nothing on the surface -------------------------------------------------
def _vocab(rng: random.Random, letters: str, n: int) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(letters) for _ in range(6)))
    return sorted(out)


def _pair(seed: int, n_sent: int = 24, n_words: int = 7):
    """Sentences of seven six-letter words: the source's from the letters a–m, the target's from
    n–z (no character trigram in common), every sentence of the same length (the lengths tell
    nothing either), and the dictionary of the word pairs."""
    rng = random.Random(seed)
    vs, vt = _vocab(rng, "abcdefghijklm", 300), _vocab(rng, "nopqrstuvwxyz", 300)
    tr = dict(zip(vs, vt))
    src, tgt = [], []
    for _ in range(n_sent):
        ws = rng.sample(vs, n_words)
        src.append(" ".join(ws).capitalize() + ".")
        tgt.append(" ".join(tr[w] for w in ws).capitalize() + ".")
    return src, tgt, Dictionary.from_pairs(tr.items(), "en", "ru")


def _content(report) -> list[tuple]:
    return [(f.rule, f.source_segment, f.target_segment) for f in report.findings if f.rule.startswith("TQ1")]


def _check(src, tgt, dictionary=None):
    return tqcheck.check("\n".join(src), "\n".join(tgt), "en", "ru", lines=True, dictionary=dictionary)


@pytest.mark.parametrize("seed", range(4))
def test_omitted_sentence_found_at_its_place_only_with_the_dictionary(seed):
    src, tgt, d = _pair(seed)
    k = 5 + 3 * seed
    assert _content(_check(src, tgt[:k] + tgt[k + 1:], d)) == [("TQ101", k, None)]


def test_without_the_dictionary_the_same_omission_is_placed_by_chance():
    """The reason for the option: with nothing shared, the omission is reported somewhere else
    (at the same place for at most one of the four pairs above)."""
    right = 0
    for seed in range(4):
        src, tgt, _ = _pair(seed)
        k = 5 + 3 * seed
        right += _content(_check(src, tgt[:k] + tgt[k + 1:])) == [("TQ101", k, None)]
    assert right <= 1


@pytest.mark.parametrize("seed", range(3))
def test_swapped_neighbours_found_with_the_dictionary(seed):
    src, tgt, d = _pair(seed)
    k = 6 + 2 * seed
    t = list(tgt)
    t[k], t[k + 1] = t[k + 1], t[k]
    assert _content(_check(src, t, d)) == [("TQ105", k, k)]
    assert _content(_check(src, t)) == []  # in order by length alone: nothing to see


@pytest.mark.parametrize("seed", range(3))
def test_added_sentence_found_at_its_place_with_the_dictionary(seed):
    src, tgt, d = _pair(seed)
    foreign = _pair(seed + 100)[1][0]  # words the dictionary does not know
    k = 7 + 2 * seed
    assert _content(_check(src, tgt[:k] + [foreign] + tgt[k:], d)) == [("TQ102", None, k)]


def test_aligner_reads_the_dictionary():
    src, tgt, d = _pair(7)
    k = 10
    t = tgt[:k] + tgt[k + 1:]
    res = align_sentences(src, t, dictionary=d)
    assert [b.src for b in res.beads if not b.tgt] == [(k,)]
    assert res.stats["dictionary"] == d.id
    # every other bead links a sentence with its own translation
    assert all(b.tgt == ((b.src[0] if b.src[0] < k else b.src[0] - 1),) for b in res.beads if b.tgt)


def test_untouched_pair_has_no_content_finding_with_the_dictionary():
    src, tgt, d = _pair(3)
    assert _content(_check(src, tgt, d)) == []


# -- reading the file ---------------------------------------------------------------------------
def test_tsv_with_language_header_and_inflected_words():
    d = parse("# a comment\nde\tfr\nGipfel\tsommet\nGipfel\tcime\nBerg\tmontagne\n\nin den Bergen\ten montagne\n")
    assert (d.src_lang, d.tgt_lang) == ("de", "fr")
    assert len(d) == 2 and d.skipped == 1  # the entry of several words
    es, et = d.features(["Die Gipfels waren weiß ."], ["Les sommets étaient blancs ."])
    assert set(es[0]) == set(et[0]) == {"D:gipfel"}  # the first six letters of each word meet


def test_hunalign_format_is_target_at_source():
    d = parse("sommet @ Gipfel\nmontagne @ Berg\n")
    assert d.pairs == {"gipfel": frozenset({"sommet"}), "berg": frozenset({"montag"})}


def test_comma_and_semicolon_columns():
    assert parse("Gipfel,sommet\n").pairs == parse("Gipfel;sommet\n").pairs == {"gipfel": frozenset({"sommet"})}


def test_short_words_are_skipped():
    with pytest.raises(InputError, match="no usable word pairs"):
        parse("in\ten\nzu\tà\n", path="short.tsv")


def test_header_orients_the_dictionary():
    d = parse("de\tfr\nGipfel\tsommet\n")
    assert resolve(d, "de", "fr").pairs == {"gipfel": frozenset({"sommet"})}
    assert resolve(d, "fr-CH", "de").pairs == {"sommet": frozenset({"gipfel"})}
    assert resolve(d, "en", "tr") is None  # another pair's dictionary is not read
    plain = parse("Gipfel\tsommet\n")
    assert resolve(plain, "en", "tr") is plain  # without a header: read as it is


def test_several_dictionaries_each_for_its_pair(tmp_path):
    a = tmp_path / "de-fr.tsv"
    a.write_text("de\tfr\nGipfel\tsommet\n", encoding="utf-8")
    b = tmp_path / "en-tr.tsv"
    b.write_text("en\ttr\nsupport\tdestek\n", encoding="utf-8")
    c = tmp_path / "more-de-fr.tsv"
    c.write_text("de\tfr\nBerg\tmontagne\n", encoding="utf-8")
    assert resolve([str(a), str(b)], "en", "tr").pairs == {"suppor": frozenset({"destek"})}
    both = resolve([str(a), str(b), str(c)], "de", "fr")
    assert both.pairs == {"gipfel": frozenset({"sommet"}), "berg": frozenset({"montag"})}
    assert both.name == "de-fr+more-de-fr"
    assert resolve([str(a)], "en", "tr") is None


def test_same_entries_same_id(tmp_path):
    a = tmp_path / "a.tsv"
    a.write_text("Gipfel\tsommet\nBerg\tmontagne\n", encoding="utf-8")
    b = tmp_path / "a2.tsv"
    b.write_text("# copy\r\nBerg\tmontagne\r\nGipfel\tsommet\r\n", encoding="utf-8")
    assert load_dictionary(a).digest == load_dictionary(b).digest
    assert load_dictionary(a).id.startswith("a@")


@pytest.mark.parametrize("content, needle", [
    (b"Gipfel\tsommet\njust-one-column\n", "bad.tsv:2: not a dictionary entry"),
    (b"Gipfel\tsommet\nBerg\tmontagne \xe9\n", "bad.tsv:2: the dictionary is not UTF-8"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"# nothing\n\n", "no usable word pairs"),
])
def test_bad_dictionary_files(tmp_path, content, needle):
    p = tmp_path / "bad.tsv"
    p.write_bytes(content)
    with pytest.raises(InputError, match=needle):
        load_dictionary(p)


# -- command line, configuration, reports -------------------------------------------------------
@pytest.fixture
def files(tmp_path):
    src, tgt, d = _pair(1)
    k = 8
    s = tmp_path / "a.en.txt"
    t = tmp_path / "a.ru.txt"
    s.write_text("\n".join(src) + "\n", encoding="utf-8")
    t.write_text("\n".join(tgt[:k] + tgt[k + 1:]) + "\n", encoding="utf-8")
    dic = tmp_path / "en-ru.tsv"
    dic.write_text("en\tru\n" + "".join(f"{a}\t{b}\n" for a in sorted(d.pairs) for b in sorted(d.pairs[a])),
                   encoding="utf-8")
    return s, t, dic, k


def _json_file(capsys, argv) -> dict:
    code = main(argv + ["--format", "json", "--no-config", "--lines", "--src-lang", "en", "--tgt-lang", "ru",
                        "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)["files"][0]


def test_cli_check_with_dictionary(files, capsys):
    s, t, dic, k = files
    before = (s.read_bytes(), t.read_bytes(), dic.read_bytes())
    with_d = _json_file(capsys, ["check", str(s), str(t), "--dictionary", str(dic)])
    assert [(f["rule"], f["source_segment"]) for f in with_d["findings"] if f["rule"] == "TQ101"] == [("TQ101", k)]
    assert with_d["dictionary"].startswith("en-ru@")
    without = _json_file(capsys, ["check", str(s), str(t)])
    assert without["dictionary"] is None
    assert (s.read_bytes(), t.read_bytes(), dic.read_bytes()) == before  # nothing written to the inputs


def test_report_signature_names_the_dictionary(files):
    s, t, dic, _ = files
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary=str(dic))
    assert r.signature.endswith(f"|dict:{load_dictionary(dic).id}")
    assert r.to_dict()["tool"]["dictionary"] == load_dictionary(dic).id
    assert "dict:" not in tqcheck.check_files(str(s), str(t), "en", "ru", lines=True).signature


def test_cli_align_with_dictionary(files, capsys):
    s, t, dic, k = files
    assert main(["align", str(s), str(t), "--lines", "--src-lang", "en", "--tgt-lang", "ru",
                 "--dictionary", str(dic), "-q"]) == 0
    assert f"[{k}]:[]" in capsys.readouterr().out.split("\n")


@pytest.mark.parametrize("command", ["check", "align"])
def test_cli_bad_dictionary_is_one_line_exit_2(files, tmp_path, capsys, command):
    s, t, _, _ = files
    bad = tmp_path / "bad.tsv"
    bad.write_text("Gipfel\tsommet\nno columns here\n", encoding="utf-8")
    for path, needle in ((tmp_path / "missing.tsv", "dictionary file not found"), (bad, "bad.tsv:2")):
        argv = [command, str(s), str(t), "--dictionary", str(path)] + (["--no-config"] if command == "check" else [])
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert needle in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_config_dictionary(files, tmp_path, capsys):
    s, t, dic, k = files
    conf = tmp_path / "tqcheck.toml"
    conf.write_text(f'dictionary = ["{dic.name}"]\n', encoding="utf-8")
    code = main(["check", str(s), str(t), "--config", str(conf), "--lines", "--src-lang", "en", "--tgt-lang", "ru",
                 "--format", "json", "--fail-on", "never"])
    out = json.loads(capsys.readouterr().out)["files"][0]
    assert code == 0 and out["dictionary"].startswith("en-ru@")
    assert [f["source_segment"] for f in out["findings"] if f["rule"] == "TQ101"] == [k]
    conf.write_text('dictionary = "nowhere.tsv"\n', encoding="utf-8")
    assert main(["check", str(s), str(t), "--config", str(conf)]) == 2
    assert "dictionary file not found" in capsys.readouterr().err


def test_localization_files_note_the_dictionary_is_not_read(tmp_path, capsys):
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Open files"\nmsgstr "Dateien öffnen"\n', encoding="utf-8")
    dic = tmp_path / "d.tsv"
    dic.write_text("file\tDatei\n", encoding="utf-8")
    assert main(["check", str(po), "--no-config", "--src-lang", "en", "--dictionary", str(dic)]) == 0
    assert "--dictionary applies to document pairs only" in capsys.readouterr().err


def test_a_first_line_is_a_header_only_when_it_names_two_known_languages():
    assert (parse("pt-BR\ten\ncasa\thouse\n").src_lang, parse("pt-BR\ten\ncasa\thouse\n").tgt_lang) == ("pt-BR", "en")
    # a word pair of short words is an entry, not a header (and the list is read for any pair)
    d = parse("arm\tbras\nHat\thut\n")
    assert d.src_lang is None and d.pairs == {"arm": frozenset({"bras"}), "hat": frozenset({"hut"})}


def test_a_note_says_when_no_dictionary_is_for_the_pair(files, tmp_path):
    s, t, dic, _ = files
    other = tmp_path / "de-fr.tsv"
    other.write_text("de\tfr\nGipfel\tsommet\n", encoding="utf-8")
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary=[str(other)])
    notes = [f.message for f in r.findings if f.severity.value == "info" and f.rule == "TQ101"]
    assert notes == ["No dictionary given is for en → ru (de-fr (de → fr)): the alignment and the checks of "
                     "missing, added and moved content read none."]
    assert r.dictionary is None
    # with one that applies beside it: no note, and only the one that applies is read
    r2 = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary=[str(other), str(dic)])
    assert r2.dictionary == load_dictionary(dic).id
    assert not [f for f in r2.findings if f.severity.value == "info" and f.rule == "TQ101"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t,;@#\nçğ1é-_")), max_size=80))
def test_any_text_is_a_dictionary_or_one_clear_error(text):
    try:
        d = parse(text, path="x.tsv")
    except InputError as e:
        assert str(e).startswith("x.tsv") and "\n" not in str(e)
    else:
        assert d.pairs and all(len(k) <= 6 and v for k, v in d.pairs.items())


def _han_pair(seed: int, n_sent: int = 20, n_words: int = 6):
    """The same kind of pair with a target written without spaces: two-character Han words run
    together ("…。"), every sentence of one length."""
    rng = random.Random(seed)
    vs = _vocab(rng, "abcdefghijklm", 200)
    vt: set[str] = set()
    while len(vt) < 200:
        vt.add(chr(rng.randrange(0x4E00, 0x9FA5)) + chr(rng.randrange(0x4E00, 0x9FA5)))
    tr = dict(zip(vs, sorted(vt)))
    src, tgt = [], []
    for _ in range(n_sent):
        ws = rng.sample(vs, n_words)
        src.append(" ".join(ws).capitalize() + ".")
        tgt.append("".join(tr[w] for w in ws) + "。")
    return src, tgt, Dictionary.from_pairs(tr.items(), "en", "zh")


def test_words_of_a_script_without_spaces_are_found_inside_the_sentence():
    d = parse("en\tzh\nmountain\t登山\nsummit\t山顶\n")
    assert d.pairs == {"mounta": frozenset({"=登山"}), "summit": frozenset({"=山顶"})}
    es, et = d.features(["The mountains and the summit."], ["我们去登山，到了山顶。"])
    assert set(es[0]) == set(et[0]) == {"D:mounta", "D:summit"}


@pytest.mark.parametrize("seed", range(3))
def test_omission_into_chinese_found_with_the_dictionary(seed):
    src, tgt, d = _han_pair(seed)
    k = 6 + 3 * seed
    r = tqcheck.check("\n".join(src), "\n".join(tgt[:k] + tgt[k + 1:]), "en", "zh", lines=True, dictionary=d)
    # the omitted sentence itself (alone, or as the untranslated member of a merge with its neighbour)
    assert [(f[0], f[1]) for f in _content(r)] == [("TQ101", k)]


def test_a_termbase_is_a_dictionary(tmp_path):
    tbx = tmp_path / "terms.tbx"
    tbx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
                   '<termEntry id="1"><langSet xml:lang="en"><tig><term>file</term></tig></langSet>'
                   '<langSet xml:lang="de"><tig><term>Datei</term></tig></langSet></termEntry>\n'
                   '<termEntry id="2"><langSet xml:lang="en"><tig><term>folder</term></tig></langSet>'
                   '<langSet xml:lang="de"><tig><term>Ordner</term></tig><tig><term>Verzeichnis</term></tig>'
                   '</langSet></termEntry>\n'
                   '<termEntry id="3"><langSet xml:lang="en"><tig><term>Privacy Badger</term></tig></langSet>'
                   '</termEntry>\n</body></text></martif>\n', encoding="utf-8")
    d = load_dictionary(tbx)
    assert (d.src_lang, d.tgt_lang) == ("en", "de")
    assert d.pairs == {"file": frozenset({"datei"}), "folder": frozenset({"ordner", "verzei"})}
    assert resolve(d, "de", "en").pairs["datei"] == frozenset({"file"})


def test_entity_expansion_in_a_termbase_is_refused(tmp_path):
    bomb = tmp_path / "bomb.tbx"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
                    '<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&b;</term></tig>'
                    '</langSet></termEntry></body></text></martif>\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_dictionary(bomb)
    assert "bomb.tbx" in str(e.value) and "\n" not in str(e.value)


def test_glossary_table_with_column_names_and_quoted_cells():
    d = parse('source,target,note\nfile,Datei,"a note, with a comma"\n"folder","Ordner",\n')
    assert d.pairs == {"file": frozenset({"datei"}), "folder": frozenset({"ordner"})}
    with pytest.raises(InputError, match=r"x.csv:3: not a dictionary entry"):
        parse("file,Datei\nfolder,Ordner\nmixed;delimiters\n", path="x.csv")


def test_a_word_may_carry_a_short_ending():
    d = parse("de\tfr\nKraft\tforce\nBerg\tmontagne\n")
    es, et = d.features(["Ich fasse neue Kräfte in den Bergen ."], ["Je reprends des forces ."])
    assert "D:kraft" in es[0] and "D:berg" in es[0] and "D:kraft" in et[0]
    # not a longer word that merely starts like it
    es, _ = d.features(["Die Bergsteiger ."], ["x"])
    assert "D:berg" not in es[0]


def _merged(seed: int, side: str):
    """Long sentences (40 words) and a bead the caller pre-aligns: sentence 3 with its
    translation and a short foreign sentence (four words the dictionary knows, translating words
    that are nowhere near) — too short for the lengths to tell (the bead stays within the usual
    ratio), which the dictionary can."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10, n_words=40)
    inv = {b: a for a, bs in d.pairs.items() for b in bs}
    words3 = set(src[3].lower().rstrip(".").split())
    if side == "tgt":
        pool = [w for w in tgt[8].lower().rstrip(".").split() if inv[w[:6]] not in words3]
        extra = " ".join(pool[:4]).capitalize() + "."
        t = tgt[:4] + [extra] + tgt[4:]
        beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4))] + \
            [Bead((i,), (i + 1,)) for i in range(4, 10)]
        s = src
    else:
        pool = [w for w in src[8].lower().rstrip(".").split() if w not in tgt[3]]
        extra = " ".join(pool[:4]).capitalize() + "."
        s = src[:4] + [extra] + src[4:]
        t = tgt
        beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3, 4), (3,))] + \
            [Bead((i + 1,), (i,)) for i in range(4, 10)]
    sd = pipeline.segment("\n".join(s), lang="en", lines=True)
    td = pipeline.segment("\n".join(t), lang="ru", lines=True)
    return sd, td, beads, d


@pytest.mark.parametrize("side", ["tgt", "src"])
def test_untranslated_member_of_a_merge_found_by_the_dictionary(side):
    from tqcheck import pipeline

    sd, td, beads, d = _merged(5, side)
    found = [(f.rule, f.source_segment, f.target_segment, f.message)
             for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule in ("TQ101", "TQ102")]
    assert len(found) == 1
    rule, s, t, msg = found[0]
    assert (rule, s if side == "src" else t) == (("TQ101", 4) if side == "src" else ("TQ102", 4))
    assert "none of its 4 words that the dictionary knows" in msg
    # the lengths alone do not tell: without the dictionary, nothing
    assert not [f for f in pipeline.run(sd, td, beads=beads).findings if f.rule in ("TQ101", "TQ102")]


def _merged_with_hits(seed: int, known: int, hits: int, split: bool = False, free: int = 0):
    """Like :func:`_merged` (target side): the added sentence has ``known`` words the dictionary
    knows, ``hits`` of them translations of words of the source sentence it stands with (words
    the sentence beside it has too; ``split``: that sentence no longer has them, as when one
    translation is split in two)."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10, n_words=40)
    inv = {b: a for a, bs in d.pairs.items() for b in bs}
    words3 = set(src[3].lower().rstrip(".").split())
    far = [w for w in tgt[8].lower().rstrip(".").split() if inv[w[:6]] not in words3]
    near = tgt[3].lower().rstrip(".").split()
    extra = " ".join(near[:hits] + far[:known - hits]).capitalize() + "."
    t = tgt[:4] + [extra] + tgt[4:]
    if split:
        t[3] = " ".join(near[hits:]).capitalize() + "."
    if free:
        # a freer translation beside: ``free`` of its words (after the shared ones) translate
        # nothing of its source
        loose = [w for w in tgt[9].lower().rstrip(".").split() if inv[w[:6]] not in words3]
        t[3] = " ".join(near[:hits] + loose[:free] + near[hits + free:]).capitalize() + "."
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4))] + \
        [Bead((i,), (i + 1,)) for i in range(4, 10)]
    sd = pipeline.segment("\n".join(src), lang="en", lines=True)
    td = pipeline.segment("\n".join(t), lang="ru", lines=True)
    return sd, td, beads, d


def test_a_member_with_one_word_of_the_translation_beside_is_still_read_as_added():
    """One of five known words translating a word of the bead's source sentence that the rest
    translates too (the same word stands in the rest, which translates every word of its
    own) is the rest's, not a rendering: it is left aside, the four others are met nowhere, and
    the member is added. The message names the word left aside."""
    from tqcheck import pipeline

    sd, td, beads, d = _merged_with_hits(5, known=5, hits=1)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ102"]
    assert [f.target_segment for f in found] == [4]
    assert "none of its 4 words that the dictionary knows" in found[0].message
    word = td.sentences[4].text.split()[0]
    assert (f"; “{word}” is left aside: its translation there renders a word of the sentence next to it "
            "too.") in found[0].message


def test_a_member_whose_only_hit_is_left_aside_needs_words_that_decide_alone():
    """The same member beside a freer translation (half its words translate nothing): its one
    word met in the source is left aside, and its four others, met nowhere, are not enough at
    that translation's rate to call it added (with the word counted as not translated, none of
    its known words would be, and it would be)."""
    from tqcheck import pipeline

    sd, td, beads, d = _merged_with_hits(5, known=5, hits=1, free=20)
    assert not [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ102"]
    # beside a literal translation the same four words do decide
    sd, td, beads, d = _merged_with_hits(5, known=5, hits=1)
    assert [f.target_segment for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings
            if f.rule == "TQ102"] == [4]


def test_a_member_translating_half_its_known_words_is_part_of_the_rendering():
    from tqcheck import pipeline

    sd, td, beads, d = _merged_with_hits(5, known=8, hits=4, split=True)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule in ("TQ102", "TQ104")]
    assert not [f for f in found if f.target_segment == 4]


def _short_translation_beside(kept: list[str] | None = None, sure: bool = False):
    """Source 3's translation cut to its first three words (``kept``: replaced by these words
    of it, or others), then a sentence of four words from far away that translate nothing of
    source 3, unlinked; the other links 1-1 (``sure``: with score 1.0, the document's sure links).
    The TQ102 target sentences, without and with the list."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(3, n_sent=10)
    inv = {b: a for a, bs in d.pairs.items() for b in bs}
    words3 = set(src[3].lower().rstrip(".").split())
    far = [w for w in tgt[8].lower().rstrip(".").split() if inv[w[:6]] not in words3]
    short = " ".join(kept if kept is not None else tgt[3].rstrip(".").split()[:3]) + "."
    extra = " ".join(far[:4]).capitalize() + "."
    t = tgt[:3] + [short, extra] + tgt[4:]
    score = 1.0 if sure else 0.0
    beads = [Bead((i,), (i,), score) for i in range(4)] + [Bead((), (4,), 0.0)] + \
        [Bead((i,), (i + 1,), score) for i in range(4, 10)]
    sd = pipeline.segment("\n".join(src), lang="en", lines=True)
    td = pipeline.segment("\n".join(t), lang="ru", lines=True)

    def added(**kw):
        return [f.target_segment for f in pipeline.run(sd, td, beads=beads, **kw).findings if f.rule == "TQ102"]

    return added(), added(dictionary=d)


def test_an_added_sentence_beside_a_short_translation_is_reported_when_the_dictionary_denies_it():
    """The translation before an added sentence is short (three of seven words), and with the
    added sentence its length is as usual: by the lengths the added sentence may render the
    rest of that source sentence, and nothing is reported. The dictionary says it renders none
    of it: it is reported."""
    assert _short_translation_beside() == ([], [4])


def _segmented(src, tgt):
    from tqcheck import pipeline

    return (pipeline.segment("\n".join(src), lang="en", lines=True),
            pipeline.segment("\n".join(tgt), lang="ru", lines=True))


def test_an_added_sentence_inside_a_two_to_two_bead_is_found_by_the_dictionary():
    """Two source sentences translated as one, and beside them a sentence from elsewhere: the
    aligner's 2-2 bead holds all four; the dictionary says which one translates nothing."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(4, n_sent=10)
    inv = {b: a for a, bs in d.pairs.items() for b in bs}
    here = set((src[3] + " " + src[4]).lower().replace(".", "").split())
    far = [w for w in tgt[8].lower().rstrip(".").split() if inv[w[:6]] not in here]
    joined = tgt[3].rstrip(".") + " " + tgt[4][0].lower() + tgt[4][1:]
    extra = " ".join(far[:5]).capitalize() + "."
    t = tgt[:3] + [joined, extra] + tgt[5:]
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3, 4), (3, 4))] + [Bead((i,), (i,)) for i in range(5, 10)]
    sd, td = _segmented(src, t)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ102"]
    assert [f.target_segment for f in found] == [4]
    assert "none of its 5 words that the dictionary knows" in found[0].message
    assert not [f for f in pipeline.run(sd, td, beads=beads).findings if f.rule == "TQ102"]


def test_a_member_that_translates_the_bead_beside_it_is_not_added():
    """The aligner cut one sentence late: the first member of a 1-2 bead translates the end of
    the source sentence before it. The dictionary reads it untranslated where the aligner put
    it, and translated one bead back: not an addition."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(6, n_sent=10)
    words2 = tgt[2].rstrip(".").split()
    t = tgt[:2] + [" ".join(words2[:3]) + ".", " ".join(words2[3:]).capitalize() + "."] + tgt[3:]
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4))] + [Bead((i,), (i + 1,)) for i in range(4, 10)]
    sd, td = _segmented(src, t)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ102"]
    assert not [f for f in found if f.target_segment == 3]


def test_log_odds_of_chance_against_a_translation():
    from tqcheck.checks.completeness.by_dictionary import _log_odds

    # 1 of 12 at a chance rate of 6 % against the neighbour's 16 of 38
    assert _log_odds(1, 12, 0.06, 16 / 38) > 3.0
    # 3 of 18 against 12 of 30: in between, not decided
    assert _log_odds(3, 18, 0.06, 0.4) < 3.0
    # a translation no better than chance says nothing
    assert _log_odds(1, 12, 0.1, 0.1) == float("-inf")
    # more hits always read less like chance
    assert _log_odds(2, 12, 0.06, 0.4) < _log_odds(1, 12, 0.06, 0.4)


def test_features_are_read_again_alike_and_the_token_cache_stays_bounded(monkeypatch):
    import tqcheck.align.dictionary as dm

    d = parse("de\tfr\nKraft\tforce\nBerg\tmontagne\nGipfel\tsommet\nfaire\tmachen\n")
    src = ["Ich fasse neue Kräfte in den Bergen .", "Der Gipfel !", "登山"]
    tgt = ["Je reprends des forces .", "Le sommet de la montagne .", ""]
    first = d.features(src, tgt)
    assert first[0][1] == {"D:gipfel": 1} and first[1][1] == {"D:gipfel": 1, "D:berg": 1}
    assert d.features(src, tgt) == first  # from the cache, the same
    assert [set(c) for c in first[0]] == list(d.feature_sets(src, tgt)[0])
    monkeypatch.setattr(dm, "_SEEN_MAX", 3)
    for k in range(20):
        d.features([f"Wort{k} Gipfel"], [f"mot{k} sommet"])
        assert len(d._seen[0]) <= 4 and len(d._seen[1]) <= 4
    assert d.features(src, tgt) == first  # a cache emptied on the way changes nothing


def test_bag_arrays_take_sets_from_an_iterator_as_counters_of_ones():
    from collections import Counter

    from tqcheck.align.features import BagArrays, build_features, raw_features

    src, tgt = ["Der Berg ruft .", "Ein Gipfel ."], ["La montagne appelle .", "Un sommet ."]
    ex_s, ex_t = [{"D:berg"}, {"D:gipfel", "D:x"}], [{"D:berg"}, {"D:gipfel"}]
    by_counter = build_features(src, tgt, extra_src=[Counter(dict.fromkeys(x, 1)) for x in ex_s],
                                extra_tgt=[Counter(dict.fromkeys(x, 1)) for x in ex_t])
    bags = BagArrays.encode([raw_features(t) for t in src], [raw_features(t) for t in tgt])
    by_sets = build_features(src, tgt, bags=bags.plus(iter(ex_s), iter(ex_t)))
    for a, b in zip(by_counter[:2], by_sets[:2]):
        assert a.indptr.tolist() == b.indptr.tolist() and a.ids.tolist() == b.ids.tolist()
        assert a.vals.tolist() == pytest.approx(b.vals.tolist())
    # the two sides share nothing but what the dictionary says: one feature per sentence pair
    assert build_features(src, tgt)[2]["vocab"] == 0
    assert by_sets[2]["vocab"] == 2 and by_sets[0].indptr.tolist() == [0, 1, 2]


def test_every_file_pair_of_a_run_reads_one_dictionary_object(tmp_path):
    """A tree of many file pairs: the reversed and the merged lists are made once, so their
    inverse and token caches serve every pair (they were built again for each file)."""
    a, b = tmp_path / "de-fr.tsv", tmp_path / "more.tsv"
    a.write_text("de\tfr\nBerg\tmontagne\nGipfel\tsommet\n", encoding="utf-8")
    b.write_text("de\tfr\nSeil\tcorde\n", encoding="utf-8")
    r1, r2 = resolve(str(a), "fr", "de"), resolve(str(a), "fr", "de")
    assert r1 is r2 and r1.reversed() is resolve(str(a), "de", "fr")
    m1, m2 = resolve([str(a), str(b)], "fr", "de"), resolve([str(a), str(b)], "fr", "de")
    assert m1 is m2 and set(m1.pairs) == {"montag", "sommet", "corde"}
    assert resolve([str(a), str(b)], "de", "fr") is not m1  # another pair, another merge
    assert set(resolve([str(a), str(b)], "de", "fr").pairs) == {"berg", "gipfel", "seil"}


@pytest.mark.parametrize("seed", range(3))
def test_swap_the_aligner_read_as_a_merge_and_a_gap_is_found_by_the_dictionary(seed):
    """Translations of sentences 4 and 5 in the opposite order, read by the aligner (as lengths
    may lead it) as a 1-2 merge, an unlinked sentence and a 1-1 link: no two-by-two block for the
    similarity test of swaps. The dictionary says that in order no word is translated and crossed
    both are: one swap, at both sentences."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10)
    t = tgt[:4] + [tgt[5], tgt[4]] + tgt[6:]
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4)), Bead((4,), ()), Bead((5,), (5,))] + \
        [Bead((i,), (i,)) for i in range(6, 10)]
    sd = pipeline.segment("\n".join(src), lang="en", lines=True)
    td = pipeline.segment("\n".join(t), lang="ru", lines=True)
    found = [(f.rule, f.severity.name, f.source_segment, f.target_segment, f.message)
             for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule.startswith("TQ1")]
    assert [x[:4] for x in found] == [("TQ105", "MINOR", 4, 4)]  # the first of each pair
    assert "at line 6" in found[0][4]
    assert "opposite order" in found[0][4] and "dictionary" in found[0][4]
    # without the dictionary, no swap there
    assert not [f for f in pipeline.run(sd, td, beads=beads).findings if f.rule == "TQ105"]


@pytest.mark.parametrize("seed", range(3))
def test_a_swap_with_a_word_translated_in_order_by_chance_is_still_a_swap(seed):
    """As above, but one word of each sentence in order is a translation of a word of its
    partner (a common word met by chance): in order one of seven is translated, crossed all
    seven. Each pair read in order is as likely at the document's chance rate as at its
    translation rate, each crossed one far likelier a translation: a swap."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10)
    first = tgt[5].rstrip(".").split()
    second = tgt[4].rstrip(".").split()
    # the fifth word of each: a translation of the first word of its partner in order
    first[4] = tgt[4].rstrip(".").split()[0].lower()
    second[4] = tgt[5].rstrip(".").split()[0].lower()
    t = tgt[:4] + [" ".join(first) + ".", " ".join(second) + "."] + tgt[6:]
    # the aligner's sure links (score 1) give the document's translation rate
    beads = [Bead((i,), (i,), 1.0) for i in range(3)] + [Bead((3,), (3, 4)), Bead((4,), ()), Bead((5,), (5,))] + \
        [Bead((i,), (i,), 1.0) for i in range(6, 10)]
    sd, td = _segmented(src, t)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ105"]
    assert [(f.source_segment, f.target_segment) for f in found] == [(4, 4)]
    assert "in order, 2 of the words the dictionary knows are translated, no more than chance" in found[0].message


def _swap_with_words_in_order(seed: int, k1: int, k2: int):
    """The swap above with the first ``k1`` words of the first sentence's partner in order, and
    the first ``k2`` of the second's, translated in it (words 5 on of each 7-word sentence)."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10)
    first, second = tgt[5].rstrip(".").split(), tgt[4].rstrip(".").split()
    w4, w5 = tgt[4].rstrip(".").split(), tgt[5].rstrip(".").split()
    for m in range(k1):
        first[4 + m] = w4[m].lower()
    for m in range(k2):
        second[4 + m] = w5[m].lower()
    t = tgt[:4] + [" ".join(first) + ".", " ".join(second) + "."] + tgt[6:]
    beads = [Bead((i,), (i,), 1.0) for i in range(3)] + [Bead((3,), (3, 4)), Bead((4,), ()), Bead((5,), (5,))] + \
        [Bead((i,), (i,), 1.0) for i in range(6, 10)]
    sd, td = _segmented(src, t)
    return [(f.source_segment, f.target_segment) for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings
            if f.rule == "TQ105"]


@pytest.mark.parametrize("seed,k1,k2", [(0, 1, 3), (0, 2, 3), (1, 3, 1), (1, 3, 2)])
def test_a_swap_with_one_pair_in_order_a_little_likelier_a_translation_is_still_a_swap(seed, k1, k2):
    """Session 32: one sentence read in order has three of its seven words translated in its
    partner, which reads a little likelier a translation than chance (by less than a nat), the
    other one or two; crossed, the words left. Each straight pair may lean so far, as each
    crossed one must lean the other way by a nat: a swap (it was not while each straight pair had
    to read at least as likely at chance)."""
    assert _swap_with_words_in_order(seed, k1, k2) == [(4, 4)]


@pytest.mark.parametrize("seed", range(3))
def test_neighbours_with_three_words_each_translated_in_order_are_no_swap(seed):
    """Three of seven words of both sentences translated in order: both straight pairs read as
    translations, not a swap."""
    assert _swap_with_words_in_order(seed, 3, 3) == []


@pytest.mark.parametrize("seed", range(3))
def test_a_swap_beside_a_long_sentence_meeting_as_many_words_is_still_a_swap(seed):
    """Session 32: as above, but source sentence 6 (two places on) also holds the seven words of
    sentence 5 beside its own: it meets as many words of target 4 (sentence 5's translation) as
    sentence 5 does, seven of its fourteen. Sentence 5 is still target 4's clear best match, by
    the share of its known words translated (all against half): one swap (counting words, it
    was not)."""
    from tqcheck import pipeline
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(seed, n_sent=10)
    src = src[:6] + [src[6].rstrip(".") + " " + src[5].rstrip(".").lower() + "."] + src[7:]
    t = tgt[:4] + [tgt[5], tgt[4]] + tgt[6:]
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4)), Bead((4,), ()), Bead((5,), (5,))] + \
        [Bead((i,), (i,)) for i in range(6, 10)]
    sd, td = _segmented(src, t)
    found = [(f.rule, f.source_segment, f.target_segment)
             for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ105"]
    assert found == [("TQ105", 4, 4)]


def test_neighbours_in_order_are_never_a_dictionary_swap():
    """Every pair of neighbours of the synthetic texts, in order, with the dictionary: no swap."""
    for seed in range(3):
        src, tgt, d = _pair(seed)
        assert not [f for f in _check(src, tgt, d).findings if f.rule == "TQ105"]


# -- round 19: a member in the middle, a rest of unusual length, a link to a sentence from elsewhere --
def _split_with(seed: int, middle: list[str] | None = None, rest_words: int = 40, extra_words: int = 6,
                rendered: int = 1):
    """Source sentence 3 (40 words) translated in two parts — the first ``rest_words // 2`` and
    the last words of its translation, every ``rendered``-th word of them a translation (the
    others words from far away) — with a third sentence between them: ``middle`` words, or
    ``extra_words`` words far away that translate nothing of sentence 3 (from sentences more than
    six places off, beyond where the chance rate is read)."""
    from tqcheck.align.base import Bead

    n = 16
    src, tgt, d = _pair(seed, n_sent=n, n_words=40)
    inv = {b: a for a, bs in d.pairs.items() for b in bs}
    words3 = set(src[3].lower().rstrip(".").split())
    far = [w for k in (12, 13, 14) for w in tgt[k].lower().rstrip(".").split() if inv[w[:6]] not in words3]
    far = list(dict.fromkeys(far))
    w3 = tgt[3].rstrip(".").split()
    w3 = [w if k % rendered == 0 else far.pop() for k, w in enumerate(w3)]
    half = rest_words // 2
    first, last = " ".join(w3[:half]) + ".", " ".join(w3[40 - (rest_words - half):]).capitalize() + "."
    extra = " ".join(middle if middle is not None else far[:extra_words]).capitalize() + "."
    t = tgt[:3] + [first, extra, last] + tgt[4:]
    beads = [Bead((i,), (i,), 1.0) for i in range(3)] + [Bead((3,), (3, 4, 5), 1.0)] + \
        [Bead((i,), (i + 2,), 1.0) for i in range(4, n)]
    return (*_segmented(src, t), beads, d, tgt)


def _added(sd, td, beads, **kw) -> list[tuple[int, str]]:
    from tqcheck import pipeline

    return [(f.target_segment, f.message) for f in pipeline.run(sd, td, beads=beads, **kw).findings if f.rule == "TQ102"]


def test_a_sentence_added_inside_a_split_translation_is_found_by_the_dictionary():
    """A 1-3 bead: the middle part translates nothing of the source sentence, the parts around
    it all of it. Only the edges were read before; the middle is too (found only with the list)."""
    sd, td, beads, d, _ = _split_with(2)
    found = _added(sd, td, beads, dictionary=d)
    assert [t for t, _ in found] == [4]
    assert "none of its 6 words that the dictionary knows" in found[0][1]
    assert not _added(sd, td, beads)


def test_a_middle_part_that_renders_the_bead_beside_is_not_added():
    """The middle part holds words of the sentence before (content the layout placed inside
    another sentence's translation): misplaced, not added."""
    src, tgt, _ = _pair(2, n_sent=16, n_words=40)
    sd, td, beads, d, tgt = _split_with(2, middle=tgt[2].lower().rstrip(".").split()[10:16])
    assert 4 not in [t for t, _ in _added(sd, td, beads, dictionary=d)]


@pytest.mark.parametrize("extra_words, found", [(12, True), (6, False)])
def test_a_rest_of_unusual_length_needs_words_that_outweigh_it(extra_words, found):
    """The parts around the added sentence hold 30 of the 40 words, half of them translations
    (alone, 1.5 standard deviations short of the usual length; with the added sentence, about
    usual): twelve words that translate nothing outweigh that, six do not."""
    sd, td, beads, d, _ = _split_with(2, rest_words=30, extra_words=extra_words, rendered=2)
    assert (4 in [t for t, _ in _added(sd, td, beads, dictionary=d)]) is found


def _linked_elsewhere(side: str, cut_off: bool = False):
    """Sentences 4 and 5 of one side (``side``: the target) are one sentence of the other, and
    beside it stands a sentence from far away (words none of which translates a word here), or
    (``cut_off``) the second half of sentence 3's translation, cut off from it. The aligner linked
    that sentence 1-1 with 4 and the joined sentence with 5."""
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(7, n_sent=12)
    mine, theirs = (src, tgt) if side == "tgt" else (tgt, src)
    here = set((mine[4] + " " + mine[5] + " " + theirs[4] + " " + theirs[5]).lower().replace(".", "").split())
    tr = {a: b for a, bs in d.pairs.items() for b in bs}
    inv = {b: a for a, b in tr.items()}
    far = [w for w in theirs[10].lower().rstrip(".").split() if w not in here and tr.get(w) not in here
           and inv.get(w) not in here]
    assert len(far) >= 5
    joined = theirs[4].rstrip(".") + " " + theirs[5][0].lower() + theirs[5][1:]
    three = theirs[3].rstrip(".").split()
    if cut_off:
        lone = " ".join(three[2:]).capitalize() + "."
        head = " ".join(three[:2]) + "."
    else:
        lone, head = " ".join(far).capitalize() + ".", theirs[3]
    changed = theirs[:3] + [head, lone, joined] + theirs[6:]
    s, t = (src, changed) if side == "tgt" else (changed, tgt)
    beads = [Bead((i,), (i,), 1.0) for i in range(4)] + [Bead((4,), (4,), 0.1), Bead((5,), (5,), 0.6)] + \
        [Bead((i,), (i,), 1.0) for i in range(6, 12)]
    return (*_segmented(s, t), beads, d, len(far))


def _at(side: str, sd, td, beads, **kw) -> dict[int, str]:
    from tqcheck import pipeline

    rule = "TQ102" if side == "tgt" else "TQ101"
    found = [f for f in pipeline.run(sd, td, beads=beads, **kw).findings if f.rule == rule]
    return {(f.target_segment if side == "tgt" else f.source_segment): f.message for f in found}


@pytest.mark.parametrize("side", ["tgt", "src"])
def test_a_link_to_a_sentence_from_elsewhere_is_found_by_the_dictionary(side):
    """Read either way, the linked pair shares no word the dictionary knows, 4's words are
    translated in the next bead, and the far sentence translates nothing beside. Added
    (omitted), found only with the list."""
    sd, td, beads, d, n = _linked_elsewhere(side)
    with_list = _at(side, sd, td, beads, dictionary=d)
    assert 4 in with_list
    assert f"none of its {n} words that the dictionary knows" in with_list[4]
    assert "instead" in with_list[4]
    assert 4 not in _at(side, sd, td, beads)


@pytest.mark.parametrize("side", ["tgt", "src"])
def test_a_link_to_the_cut_off_half_of_the_translation_beside_is_not_added(side):
    """The same link, but the sentence holds the end of sentence 3's rendering: the aligner cut
    a translation off there; nothing is added (omitted)."""
    sd, td, beads, d, _ = _linked_elsewhere(side, cut_off=True)
    assert 4 not in _at(side, sd, td, beads, dictionary=d)




# -- round 20: an unlinked sentence that belongs with the merge beside it ------------------------
def _stray_beads(n: int = 16):
    """The beads of :func:`_split_with`'s texts as an aligner may read them: source 3 with its
    first part and the sentence after it (1-2), the last part unlinked (0-1)."""
    from tqcheck.align.base import Bead

    return [Bead((i,), (i,), 1.0) for i in range(3)] + [Bead((3,), (3, 4), 0.5), Bead((), (5,), 0.0)] + \
        [Bead((i,), (i + 2,), 1.0) for i in range(4, n)]


def test_an_added_sentence_between_the_parts_of_a_translation_is_found_not_the_part():
    """The aligner joined the added sentence to the first part and left the last part unlinked.
    The dictionary reads the unlinked part as translating source 3 and the added sentence as
    rendering none of it: the added sentence is reported, the part is not. Without the list the
    part is the one reported."""
    sd, td, _, d, _ = _split_with(2, extra_words=12)
    beads = _stray_beads()
    found = dict(_added(sd, td, beads, dictionary=d))
    assert list(found) == [4]
    assert "translated by the sentence after it" in found[4]
    assert "none of its 12 words that the dictionary knows" in found[4]
    assert 4 not in dict(_added(sd, td, beads))


def _split_with_numbers(numbers: bool = True):
    """Source 3 (40 words, and two numbers) translated in two parts, the numbers in the last; a
    sentence of eight words no dictionary knows between the parts. Beads as
    :func:`_stray_beads`: the added sentence joined to the first part, the last part unlinked."""
    src, tgt, d = _pair(2, n_sent=16, n_words=40)
    tail = " 1956 8848" if numbers else ""
    src[3] = src[3].rstrip(".") + tail + "."
    w3 = tgt[3].rstrip(".").split()
    first, last = " ".join(w3[:20]) + ".", " ".join(w3[20:]).capitalize() + tail + "."
    rng = random.Random(4)
    unknown = " ".join("".join(rng.choice("nopqrstuvwxyz") for _ in range(8)) for _ in range(8)).capitalize() + "."
    return (*_segmented(src, tgt[:3] + [first, unknown, last] + tgt[4:]), d)


def test_an_added_sentence_between_the_parts_of_a_translation_is_found_by_the_numbers():
    """The added sentence has no word the dictionary knows, so its words cannot tell; the
    unlinked last part has the two numbers of source 3, which the sentences joined to it do not:
    the last part belongs with source 3 and the sentence that shares nothing with it is the
    addition. Without the numbers, the unlinked part is the one reported (and the added sentence
    is not)."""
    sd, td, d = _split_with_numbers()
    found = dict(_added(sd, td, _stray_beads(), dictionary=d))
    assert list(found) == [4]
    assert "translated by the sentence after it" in found[4] and "(“1956” and “8848” of that source are there)" \
        in found[4]
    sd, td, d = _split_with_numbers(numbers=False)
    assert list(dict(_added(sd, td, _stray_beads(), dictionary=d))) == [5]


def test_an_unlinked_sentence_that_renders_nothing_of_the_merge_beside_stays_added():
    """The same beads, but the last part is replaced by words from far away: it translates
    nothing of source 3, so it is the addition, and the sentence joined to the first part is not
    reported instead."""
    src, tgt, _ = _pair(2, n_sent=16, n_words=40)
    sd, td, _, d, _ = _split_with(2, extra_words=12)
    far = " ".join(tgt[13].rstrip(".").split()[:12]).capitalize() + "."
    sd, td = _segmented([s.text for s in sd.sentences], [t.text for t in td.sentences[:5]] + [far] +
                        [t.text for t in td.sentences[6:]])
    found = dict(_added(sd, td, _stray_beads(), dictionary=d))
    assert 5 in found and 4 not in found


def _linked_short_partner(side: str, joined_too: bool = True):
    """As :func:`_linked_elsewhere`, but the partner of the far sentence has only two words the
    dictionary knows (its other words are missing from the list): too few to be read on its own.
    That it belongs with sentence 5 shows in the lengths: the joined sentence is twice as long as
    sentence 5 alone, and as long as 4 and 5 together."""
    from tqcheck.align.base import Bead

    src, tgt, d = _pair(7, n_sent=12)
    mine, theirs = (src, tgt) if side == "tgt" else (tgt, src)
    tr = {a: next(iter(bs)) for a, bs in d.pairs.items()}
    unknown = set(mine[4].lower().rstrip(".").split()[2:]) if side == "tgt" else \
        {a for a, b in tr.items() if b in set(mine[4].lower().rstrip(".").split()[2:])}
    short = Dictionary.from_pairs([(a, b) for a, b in tr.items() if a not in unknown], "en", "ru")
    here = set((mine[4] + " " + mine[5] + " " + theirs[4] + " " + theirs[5]).lower().replace(".", "").split())
    inv = {b: a for a, b in tr.items()}
    far = [w for w in theirs[10].lower().rstrip(".").split() if w not in here and tr.get(w) not in here
           and inv.get(w) not in here]
    joined = theirs[4].rstrip(".") + " " + theirs[5][0].lower() + theirs[5][1:] if joined_too else theirs[5]
    changed = theirs[:4] + [" ".join(far).capitalize() + ".", joined] + theirs[6:]
    s, t = (src, changed) if side == "tgt" else (changed, tgt)
    beads = [Bead((i,), (i,), 1.0) for i in range(4)] + [Bead((4,), (4,), 0.1), Bead((5,), (5,), 0.6)] + \
        [Bead((i,), (i,), 1.0) for i in range(6, 12)]
    return (*_segmented(s, t), beads, short, len(far))


@pytest.mark.parametrize("side", ["tgt", "src"])
def test_a_link_to_a_sentence_from_elsewhere_is_found_by_lengths_when_the_partner_has_few_known_words(side):
    """Round 20: the partner has two known words (the reading by words alone needs four); the
    far sentence's own words read as chance, and the lengths say where the partner belongs. Added
    (omitted); without the list, not."""
    sd, td, beads, d, n = _linked_short_partner(side)
    with_list = _at(side, sd, td, beads, dictionary=d)
    assert 4 in with_list
    assert f"none of its {n} words that the dictionary knows" in with_list[4]
    assert "too long for its own source alone" in with_list[4] if side == "tgt" else \
        "too short without it" in with_list[4]
    assert 4 not in _at(side, sd, td, beads)


@pytest.mark.parametrize("side", ["tgt", "src"])
def test_a_partner_with_few_known_words_and_no_place_beside_is_not_read_by_lengths(side):
    """The same link, but sentence 5 stands alone (its usual length): nothing says the partner
    belongs beside, so the lengths do not report the far sentence in its place."""
    sd, td, beads, d, _ = _linked_short_partner(side, joined_too=False)
    assert not [m for m in _at(side, sd, td, beads, dictionary=d).values() if "belongs with" in m]


def test_an_added_sentence_beside_a_short_translation_with_few_known_words_is_reported():
    """As above, but the short translation keeps two translated words and one the list does not
    know: its own words give no rate to read the added sentence against (three are needed), so
    the document's rate of sure links is used. The added sentence's four known words, none
    translated there, are far likelier by chance: reported, with the list only."""
    src, tgt, _ = _pair(3, n_sent=10)
    assert _short_translation_beside(tgt[3].rstrip(".").split()[:2] + ["qqqqqq"], sure=True) == ([], [4])

def _split_then_moved(seed: int, tail_words: int = 3, first_words: int = 4):
    """Source 8's translation in two sentences: its first ``first_words`` words, then
    ``tail_words`` words the list does not know (the translator's own); source 9's translation
    moved three sentences on. The aligner, placing by the list, links source 9 weakly to the
    second half and leaves the moved translation unlinked."""
    src, tgt, d = _pair(seed, n_sent=24)
    rng = random.Random(100 + seed)
    words = tgt[8].rstrip(".").split()
    tail = " ".join(_vocab(rng, "nopqrstuvwxyz", tail_words)).capitalize() + "."
    t = tgt[:8] + [" ".join(words[:first_words]) + ".", tail] + tgt[9:]
    t.insert(13, t.pop(10))
    return src, t, d


@pytest.mark.parametrize("seed", range(3))
def test_a_sentence_moved_away_from_beside_a_split_translation_is_one_move(seed):
    """The moved translation matches source 9 fully; source 9's weak partner is the rest of
    source 8's translation (with it, source 8's bead has its usual length). One TQ105 from
    source 9 to its new place, and nothing else: not an added sentence there, not a short
    translation of source 8 or 9."""
    src, tgt, d = _split_then_moved(seed)
    assert _content(_check(src, tgt, d)) == [("TQ105", 9, 13)]


def test_a_weak_partner_that_does_not_belong_beside_is_no_move_until_the_words_read_one():
    """The same, but source 8's translation is whole and the sentence after it has seven words
    the list does not know: joined to source 8's bead it would make that bead far too long, so
    nothing says where it belongs, and the weak link is not read as a move through its partner
    (round 21: ``_crossings``). Until session 39 the far sentence was then reported as added,
    though it renders every known word of source 9. The late pairing now reads the list too: the
    two are each other's best match in the whole document and each reads as the other's
    translation, so source 9 is taken from its doubtful link (one TQ105, no addition at the
    moved translation's place). The translator's own sentence, its weak partner, is not
    reported, as wherever the late pairing takes a linked sentence."""
    src, tgt, d = _split_then_moved(0, tail_words=7, first_words=7)
    assert _content(_check(src, tgt, d)) == [("TQ105", 9, 13)]


# -- each word at its own chance rate ----------------------------------------------------------------
def test_key_hits_names_each_known_key_and_whether_the_other_side_translates_it():
    from tqcheck.align.dictionary import keys

    d = Dictionary.from_pairs([("glacier", "gletscher"), ("notre", "unser"), ("notre", "unsere")], "fr", "de")
    mine = keys("notre glacier blanc")
    hits = d.key_hits(mine, keys("unser Berg"), source=True)
    assert sorted(hits.values()) == [False, True] and len(hits) == 2
    assert [k for k, hit in hits.items() if hit] == [k for k in keys("notre") if k in hits]
    # the target side: each known key of the words, in order
    assert d.key_hits(keys("unser Gletscher"), keys("notre"), source=False) == {"gletsc": False, "unser": True}
    assert d.cover_keys(mine, keys("unser Berg"), source=True) == (1, 2)
    assert d.key_hits(mine, set(), source=True) == dict.fromkeys(hits, False)
    # where each known word is met: target sentences (by their keys) holding a translation
    sents = [keys("unser Berg"), keys("kein"), keys("Gletscher und unsere"), keys("unser")]
    assert d.where_met(sents, source=True) == {"notre": [0, 2, 3], "glacie": [2]}
    assert d.where_met([keys("notre glacier"), keys("rien")], source=False) == \
        {"gletsc": [0], "unser": [0], "unsere": [0]}


def test_claimed_keys_are_those_met_only_where_the_rest_is_met_too():
    """``Dictionary.claimed_keys``: a word of the member whose translation on the other side a
    word of the rest translates too ("notre" beside "nos", one "unser") is claimed; one met
    where the rest meets nothing ("glacier") is not, nor one met nowhere; both sides."""
    from tqcheck.align.dictionary import keys

    d = Dictionary.from_pairs([("glacier", "gletscher"), ("notre", "unser"), ("nos", "unser"),
                               ("blanc", "weiss")], "fr", "de")
    theirs = keys("unser Gletscher")
    assert d.claimed_keys(keys("notre glacier blanc"), keys("nos amis"), theirs, source=True) == {"notre"}
    assert d.claimed_keys(keys("notre glacier blanc"), keys("amis"), theirs, source=True) == set()
    # the target side: "unser" met in "notre", which the rest's "unser" renders too
    assert d.claimed_keys(keys("unser Gletscher"), keys("unser Weg"), keys("notre glacier"), source=False) == {"unser"}


def _common_and_rare(seed: int, free: int = 24, rare: int = 12):
    """Long sentences (40 words); two source words that stand in sentences 3 and 6 only (with
    their translations), common enough to meet their translations by chance. Source 3 is
    translated freely: ``free`` of its words rendered by words that translate nothing of it, and
    the two common words not at all. Beside that translation, in one bead with it, a sentence of
    the two common words' translations and ``rare`` words known to the dictionary and met
    nowhere else."""
    from tqcheck.align.base import Bead

    rng = random.Random(seed)
    src, tgt, d = _pair(seed, n_sent=10, n_words=40)
    pairs = dict((a, next(iter(bs))) for a, bs in d.pairs.items())
    used = set(" ".join(src).lower().replace(".", "").split())
    spare = [w for w in sorted(pairs) if w not in used]
    common, unused = spare[:2], spare[2:]
    rng.shuffle(unused)
    for i in (3, 6):
        src[i] = src[i].rstrip(".") + " " + " ".join(common) + "."
    tgt[6] = tgt[6].rstrip(".") + " " + " ".join(pairs[w] for w in common) + "."
    words = tgt[3].rstrip(".").split()
    words[:free] = [pairs[w] for w in unused[:free]]
    tgt[3] = " ".join(words).capitalize() + "."
    extra = " ".join([pairs[w] for w in common] + [pairs[w] for w in unused[free:free + rare]]).capitalize() + "."
    t = tgt[:4] + [extra] + tgt[4:]
    beads = [Bead((i,), (i,)) for i in range(3)] + [Bead((3,), (3, 4))] + [Bead((i,), (i + 1,)) for i in range(4, 10)]
    return *_segmented(src, t), beads, d


def test_a_member_whose_only_translated_words_are_common_ones_is_added():
    """Two of the member's fourteen known words translate words of the source sentence, but
    both words meet their translations elsewhere too, while its twelve others are met nowhere:
    read word by word the two are chance, and the member is added. Read as one rate (two of
    fourteen against the free translation's rate) they would be as likely a free rendering."""
    from tqcheck import pipeline

    sd, td, beads, d = _common_and_rare(5)
    found = [f for f in pipeline.run(sd, td, beads=beads, dictionary=d).findings if f.rule == "TQ102"]
    assert [f.target_segment for f in found] == [4]
    assert "only 2 of its 14 words that the dictionary knows" in found[0].message
    # the message names the two words and how often each meets a translation by chance nearby
    first, second = td.sentences[4].text.split()[:2]
    assert f"(“{first}” and “{second}”: words that meet a translation by chance nearby, in " in found[0].message


def test_common_words_met_by_chance_weigh_less_than_a_rare_word():
    """:func:`_word_odds`: the member's two common words met in a sentence read much more like
    chance than one rare word of it met there."""
    from tqcheck.checks.base import CheckContext, DICTIONARY
    from tqcheck.checks.completeness import _doc
    from tqcheck.checks.completeness.by_dictionary import _word_odds

    sd, td, beads, dic = _common_and_rare(5)
    ctx = CheckContext(source=sd, target=td, beads=beads, src_lang="en", tgt_lang="ru")
    ctx.cache[DICTIONARY] = dic
    doc = _doc._Doc(ctx)
    x, one = doc.tgt[4], doc.src[3]
    chance = doc.key_chance("tgt", x, one)
    assert len(chance) == 14
    common_keys = [k for k, c in chance.items() if c > 0.1]
    assert len(common_keys) == 2 and all(c == _doc._DICT_CHANCE_FLOOR for k, c in chance.items()
                                          if k not in common_keys)
    inv = dic._inverse()
    rare = next(k for k in chance if k not in common_keys)
    none = _word_odds(doc, "tgt", x, set(), one, 0.5)
    by_common = _word_odds(doc, "tgt", x, {inv[common_keys[0]][0]}, one, 0.5)
    by_rare = _word_odds(doc, "tgt", x, {inv[rare][0]}, one, 0.5)
    # one hit always reads less like chance than none; a rare word's much less
    assert none > by_common > by_rare + 1.0
    assert _word_odds(doc, "tgt", x, {inv[k][0] for k in chance}, one, 0.5) < by_rare


def _analysis_doc(src, tgt, d):
    from tqcheck.checks.base import CheckContext, DICTIONARY
    from tqcheck.checks.completeness import _doc

    rep = _check(src, tgt, d)
    ctx = CheckContext(source=rep.source, target=rep.target, beads=rep.beads, src_lang="en", tgt_lang="ru")
    if d is not None:
        ctx.cache[DICTIONARY] = d
    return _doc._Doc(ctx)


def test_a_merge_beside_an_added_sentence_is_no_swap_by_the_dictionary():
    """The swap test's other reading (:func:`swaps._merge_beside_lone`): sources A, B translated
    as one sentence, then a sentence that renders none of them (words the dictionary knows,
    from far away). The dictionary reads the merge and the added sentence; a true swap (B', A')
    and a text without a dictionary give no such reading."""
    from tqcheck.checks.completeness.swaps import _merge_beside_lone

    src, tgt, d = _pair(5)
    k = 6
    far = [w.lower().strip(".") for j in (20, 21, 22) for w in tgt[j].split()[:3]]
    added = " ".join(far[:6]).capitalize() + "."
    merged = tgt[k][:-1] + " " + tgt[k + 1][0].lower() + tgt[k + 1][1:]
    t = tgt[:k] + [merged, added] + tgt[k + 2:]
    assert _merge_beside_lone(_analysis_doc(src, t, d), k, k, -math.inf)
    assert not _merge_beside_lone(_analysis_doc(src, t, None), k, k, -math.inf)
    swapped = tgt[:k] + [tgt[k + 1], tgt[k]] + tgt[k + 2:]
    assert not _merge_beside_lone(_analysis_doc(src, swapped, d), k, k, -math.inf)
    # the merge must also read about as well as the crossed pairs do
    assert not _merge_beside_lone(_analysis_doc(src, t, d), k, k, math.inf)


def test_a_sentence_renders_nothing_of_an_unrelated_one_by_the_dictionary():
    """Session 32 (:func:`by_dictionary._renders_nothing_of`, the guard that keeps a sentence left
    out from being "moved" to a caption elsewhere that shares one of its names): a sentence's
    own translation renders its known words; another sentence of the document renders none
    (chance explains that far better than the rate of sure links); without a dictionary, no
    reading."""
    from tqcheck.checks.completeness.by_dictionary import _renders_nothing_of

    src, tgt, d = _pair(3)
    doc = _analysis_doc(src, tgt, d)
    for k in (4, 11, 17):
        assert not _renders_nothing_of(doc, "src", doc.src[k], [doc.tgt[k]])
        assert _renders_nothing_of(doc, "src", doc.src[k], [doc.tgt[(k + 9) % len(tgt)]])
    bare = _analysis_doc(src, tgt, None)
    assert not _renders_nothing_of(bare, "src", bare.src[4], [bare.tgt[13]])
