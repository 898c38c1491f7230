"""A dictd dictionary (FreeDict's format, as Debian's dict-freedict-* packages install it) read
directly by ``--dictionary``."""
from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.align import dictionary as dictionary_module
from tqcheck.align.dictionary import load_dictionary
from tqcheck.cli import main
from tqcheck.errors import InputError
from tqcheck.io import dictd

from test_dictionary import _pair

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """The dictionaries these tests write are kept in a cache of their own, not the user's."""
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def write_dictd(folder, name: str, entries: list[tuple[str, str]], *, compress: bool = True) -> tuple:
    """Write ``name.index`` and ``name.dict.dz`` (or ``.dict``): ``entries`` are (index headword,
    entry text) in the order written. Returns (index path, data path)."""
    data = b""
    lines = []
    for head, text in entries:
        raw = text.encode("utf-8")
        lines.append(f"{head}\t{_b64(len(data))}\t{_b64(len(raw))}")
        data += raw
    index = folder / f"{name}.index"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if compress:
        path = folder / f"{name}.dict.dz"
        path.write_bytes(gzip.compress(data))
    else:
        path = folder / f"{name}.dict"
        path.write_bytes(data)
    return index, path


#: entries as FreeDict's dictionaries write them: WikDict (numbered senses, each followed by a
#: gloss in the headword's language; the next sense's number left at the end of a line), Ding
#: (remarks in brackets, symbols after a word, synonyms, examples in quotes), JMdict (a
#: part-of-speech line before the sense, several headwords), and a remark in place of the word
ENTRIES = [
    ("00-database-short", "00-database-short\n     German-French FreeDict+WikDict dictionary\n"),
    ("gipfel", "Gipfel /ˈɡɪpfl̩/ <n, masc>\n1. sommet, cime\nhöchster Punkt eines Berges\n"
               "2. apogée\nder Höhepunkt\n"),
    ("aalbeere", "Aalbeere /ˈaːlˌbeːʁə/ <n, fem>\ncassis 2.\nSchwarze Johannisbeere (Ribes nigrum)\n 3.\n"
                 "Frucht von [1]\n"),
    ("kasse", "Kasse /kˈasə/ <fem, n, sg>\n [econ.] caisse <n>, guichet <n>´\n"
              "      \"Kasse vor Lieferung\"  - paiement avant livraison\n   Synonym: {Barzahlung}\n\n"
              " see: {Kassen}\n"),
    ("berg", "Berg, Berge /bɛʁk/\n(noun (common))\nmontagne\n"),
    ("schnee", "(ask.) /ʃneː/\n1. neige\n"),
    ("neben-", "Neben- <prefix>\naccessoire, Zusatz-\n"),
    ("gegenwort", "Gegenwort /ˈɡeːɡn̩ˌvɔʁt/ <n, neut>\nantonyme\n"),
]


def test_entries_give_their_translations_and_nothing_else():
    got = {}
    for head, text in ENTRIES[1:]:
        for a, b in dictd.pairs_of(text, head):
            got.setdefault(a, []).append(b)
    assert got == {
        "Gipfel": ["sommet", "cime", "apogée"],      # glosses in German are not translations
        "Aalbeere": ["cassis"],                      # "2." is the next sense's number
        "Kasse": ["caisse", "guichet"],              # no remark, symbol, example or synonym
        "Berg": ["montagne"], "Berge": ["montagne"],  # the sense after its part-of-speech line
        "schnee": ["neige"],                         # the index's headword for a remark
        "Gegenwort": ["antonyme"],                   # a word that starts like "antonym:"
    }                                                # and no affix ("Neben-", "Zusatz-")


def test_a_dictd_dictionary_is_read_as_its_word_list(tmp_path):
    index, data = write_dictd(tmp_path, "freedict-deu-fra", ENTRIES)
    tsv = tmp_path / "de-fr.tsv"
    tsv.write_text("de\tfr\nGipfel\tsommet\nGipfel\tcime\nGipfel\tapogée\nAalbeere\tcassis\nKasse\tcaisse\n"
                   "Kasse\tguichet\nBerg\tmontagne\nBerge\tmontagne\nschnee\tneige\nGegenwort\tantonyme\n",
                   encoding="utf-8")
    want = load_dictionary(tsv)
    for path in (index, data):
        d = load_dictionary(path)
        assert (d.src_lang, d.tgt_lang, d.name) == ("de", "fr", "freedict-deu-fra")
        assert d.pairs == want.pairs and d.digest == want.digest
    assert load_dictionary(index).oriented("fr", "de").pairs == want.reversed().pairs
    assert load_dictionary(index).oriented("en", "tr") is None


def test_languages_from_the_short_name_when_the_file_name_has_none(tmp_path):
    index, _ = write_dictd(tmp_path, "mydict", ENTRIES)
    d = load_dictionary(index)
    assert (d.src_lang, d.tgt_lang) == ("de", "fr")
    index, _ = write_dictd(tmp_path, "other", ENTRIES[1:], compress=False)  # no short name, plain .dict
    d = load_dictionary(index)
    assert (d.src_lang, d.tgt_lang) == (None, None) and len(d) > 0


def test_a_language_cldr_does_not_know_keeps_its_code(tmp_path, monkeypatch):
    """FreeDict has Khasi (kha), which CLDR does not know: its dictionary names kha, is read only
    for Khasi documents, and an installed one does not stop `auto` for other pairs."""
    index, _ = write_dictd(tmp_path, "freedict-kha-deu", [("kaba", "kaba /x/\nHaus\n")])
    assert dictd.languages(str(index)) == ("kha", "de")
    assert load_dictionary(index).oriented("en", "de") is None
    write_dictd(tmp_path, "freedict-deu-fra", ENTRIES)
    monkeypatch.setenv("TQCHECK_DICTD_PATH", str(tmp_path))
    assert dictionary_module.resolve("auto", "de", "fr").name == "freedict-deu-fra"


def _bad(folder, case: str):
    index, data = write_dictd(folder, f"bad-{case}", ENTRIES[:3])
    if case == "no data":
        data.unlink()
    elif case == "no index":
        index.unlink()
        return data
    elif case == "line":
        index.write_text(index.read_text(encoding="utf-8") + "broken line\n", encoding="utf-8")
    elif case == "offset":
        index.write_text(index.read_text(encoding="utf-8") + "x\tA\t*\n", encoding="utf-8")
    elif case == "past the end":
        index.write_text(index.read_text(encoding="utf-8") + "x\tBAAA\tB\n", encoding="utf-8")
    elif case == "not gzip":
        data.write_bytes(b"plain bytes, not gzip")
    return index


@pytest.mark.parametrize("case,needle", [
    ("no data", "bad-no data.dict.dz not found"),
    ("no index", "bad-no index.index not found"),
    ("line", "bad-line.index:4: not a dictd index line"),
    ("offset", "bad-offset.index:4: not a dictd index line"),
    ("past the end", "bad-past the end.index:4: the entry points past the end"),
    ("not gzip", "not a dictd data file"),
])
def test_a_broken_dictd_dictionary_is_one_clear_error(tmp_path, case, needle):
    path = _bad(tmp_path, case)
    with pytest.raises(InputError) as e:
        load_dictionary(path)
    assert needle in str(e.value) and "\n" not in str(e.value)


def test_a_data_file_too_large_uncompressed_is_refused(tmp_path, monkeypatch):
    index, _ = write_dictd(tmp_path, "big", ENTRIES + [("x", "x\n" + "y" * 5000 + "\n")])
    monkeypatch.setattr(dictionary_module, "MAX_BYTES", 4000)
    with pytest.raises(InputError, match="too large"):
        load_dictionary(index)


def _files(tmp_path):
    """The test pair of test_dictionary (a source sentence left out of the translation, the two
    sides sharing nothing on the surface) with its word list as a dictd dictionary."""
    src, tgt, d = _pair(1)
    k = 8
    s, t = tmp_path / "a.en.txt", tmp_path / "a.ru.txt"
    s.write_text("\n".join(src) + "\n", encoding="utf-8")
    t.write_text("\n".join(tgt[:k] + tgt[k + 1:]) + "\n", encoding="utf-8")
    entries = [(a, f"{a} /x/\n{', '.join(sorted(d.pairs[a]))}\n") for a in sorted(d.pairs)]
    index, _ = write_dictd(tmp_path, "freedict-eng-rus", entries)
    return s, t, index, k


def test_cli_check_reads_a_dictd_dictionary(tmp_path, capsys):
    s, t, index, k = _files(tmp_path)
    before = [p.read_bytes() for p in sorted(tmp_path.iterdir()) if p.is_file()]
    code = main(["check", str(s), str(t), "--dictionary", str(index), "--format", "json", "--no-config", "--lines",
                 "--src-lang", "en", "--tgt-lang", "ru", "--fail-on", "never"])
    out = json.loads(capsys.readouterr().out)["files"][0]
    assert code == 0
    assert out["dictionary"].startswith("freedict-eng-rus@")
    assert [(f["rule"], f["source_segment"]) for f in out["findings"] if f["rule"] == "TQ101"] == [("TQ101", k)]
    assert [p.read_bytes() for p in sorted(tmp_path.iterdir()) if p.is_file()] == before  # nothing written
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary=str(index))
    assert r.signature.endswith(f"|dict:{load_dictionary(index).id}")


def test_cli_broken_dictd_dictionary_is_one_line_exit_2(tmp_path, capsys):
    s, t, index, _ = _files(tmp_path)
    index.with_name("freedict-eng-rus.dict.dz").unlink()
    assert main(["check", str(s), str(t), "--dictionary", str(index), "--no-config"]) == 2
    err = capsys.readouterr().err.strip()
    assert "freedict-eng-rus.dict.dz not found" in err and "Traceback" not in err and len(err.splitlines()) == 1


# -- --dictionary auto: the dictd dictionaries installed for the pair ------------------------------
def test_auto_reads_the_dictionaries_installed_for_the_pair_either_way(tmp_path, monkeypatch, capsys):
    s, t, index, k = _files(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    write_dictd(other, "freedict-deu-fra", ENTRIES)  # another pair: not read
    monkeypatch.setenv("TQCHECK_DICTD_PATH", f"{other}{__import__('os').pathsep}{tmp_path}")
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary="auto")
    assert r.dictionary == load_dictionary(index).id
    assert [f.source_segment for f in r.findings if f.rule == "TQ101"] == [k]
    # read the other way round for a Russian → English pair
    back = tqcheck.check_files(str(t), str(s), "ru", "en", lines=True, dictionary="auto")
    assert back.dictionary == load_dictionary(index).id
    assert [f.target_segment for f in back.findings if f.rule == "TQ102"] == [k]
    # the command line and the configuration take it too
    assert main(["check", str(s), str(t), "--dictionary", "auto", "--format", "json", "--no-config", "--lines",
                 "--src-lang", "en", "--tgt-lang", "ru", "--fail-on", "never"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["dictionary"] == load_dictionary(index).id
    (tmp_path / "pyproject.toml").write_text('[tool.tqcheck]\ndictionary = "auto"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(s), str(t), "--format", "json", "--lines", "--src-lang", "en", "--tgt-lang", "ru",
                 "--fail-on", "never"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["dictionary"] == load_dictionary(index).id


def test_auto_with_none_installed_says_so(tmp_path, monkeypatch):
    s, t, index, _ = _files(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("TQCHECK_DICTD_PATH", str(empty))
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary="auto")
    assert r.dictionary is None
    notes = [f.message for f in r.findings if f.rule == "TQ101" and f.severity.value == "info"]
    assert notes == [f"No dictionary given is for en → ru (auto: none installed for the pair, nor for it and a "
                     f"third language, in {empty}): the alignment and the checks of missing, added and moved "
                     "content read none."]


def test_a_dictionary_read_once_is_kept_in_the_start_up_cache(tmp_path, monkeypatch):
    """The second read comes from the cache (the entry parser is not called), gives the same word
    pairs, and a changed data file is read again."""
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    index, data = write_dictd(tmp_path, "freedict-deu-fra", ENTRIES)
    first = dictd.read(str(index), max_bytes=10_000)
    assert list((tmp_path / "cache").glob("dictd-freedict-deu-fra-*.json"))

    def fail(*a, **k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(dictd, "pairs_of", fail)
    assert dictd.read(str(index), max_bytes=10_000) == first
    monkeypatch.undo()
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    write_dictd(tmp_path, "freedict-deu-fra", ENTRIES[:2])  # the dictionary changed: read anew
    assert dictd.read(str(index), max_bytes=10_000)[0] == [("Gipfel", "sommet"), ("Gipfel", "cime"),
                                                           ("Gipfel", "apogée")]
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "")
    assert dictd.read(str(index), max_bytes=10_000)[0][:1] == [("Gipfel", "sommet")]


# -- --dictionary auto through a third language ------------------------------------------------------
PIVOT_DE_EN = [
    ("gipfel", "Gipfel /x/\nsummit, peak\n"),
    ("bank", "Bank /x/\n1. bank\n2. bench\n"),
    ("schnee", "Schnee /x/\nsnow\n"),
]
PIVOT_EN_FR = [
    ("summit", "summit /x/\nsommet, cime\n"),
    ("peak", "peak /x/\n1. sommet\n2. pic\n"),
    ("bank", "bank /x/\nbanque, rive\n"),
    ("bench", "bench /x/\nbanc\n"),
    ("snow", "snow /x/\nneige\n"),
]


def test_a_dictionary_through_a_third_language_keeps_what_two_of_its_words_agree_on(tmp_path, monkeypatch):
    """German → French with only German–English and English–French installed: "Gipfel" reaches
    "sommet" through "summit" and "peak" (kept) and "cime" and "pic" through one each (left);
    "Bank" reaches three words through one English word each (all left: the senses of two
    different words); "Schnee" has one translation through its one English word (kept)."""
    write_dictd(tmp_path, "freedict-deu-eng", PIVOT_DE_EN)
    write_dictd(tmp_path, "freedict-eng-fra", PIVOT_EN_FR)
    monkeypatch.setenv("TQCHECK_DICTD_PATH", str(tmp_path))
    assert dictd.installed("de", "fr") == []
    (pivot, first, second), = dictd.pivots("de", "fr")
    assert pivot == "en" and [p.rsplit("/", 1)[1] for p in first + second] == ["freedict-deu-eng.index",
                                                                                "freedict-eng-fra.index"]
    d = dictionary_module.resolve("auto", "de", "fr")
    assert d.name == "de-fr-via-en" and (d.src_lang, d.tgt_lang) == ("de", "fr")
    assert d.pairs == {"gipfel": frozenset({"sommet"}), "schnee": frozenset({"neige"})}
    # French → German is made from the French words: each has one German word at the end of its
    # English ones, which is kept ("cime" → summit → "Gipfel")
    back = dictionary_module.resolve("auto", "fr", "de")
    assert back.name == "fr-de-via-en" and back.pairs == {
        "sommet": frozenset({"gipfel"}), "cime": frozenset({"gipfel"}), "pic": frozenset({"gipfel"}),
        "banque": frozenset({"bank"}), "rive": frozenset({"bank"}), "banc": frozenset({"bank"}),
        "neige": frozenset({"schnee"})}
    # kept in the start-up cache for the next run
    assert list((tmp_path / "cache").glob("pivot-de-fr-via-en-*.json"))


def test_auto_finds_an_omission_through_a_third_language(tmp_path, monkeypatch):
    """The test pair (English → Russian, nothing shared on the surface) with its word list split
    into English → German and German → Russian halves, each English word reaching its Russian
    one through two German words: the omission is found, and the report names the dictionary."""
    src, tgt, d = _pair(1)
    k = 8
    s, t = tmp_path / "a.en.txt", tmp_path / "a.ru.txt"
    s.write_text("\n".join(src) + "\n", encoding="utf-8")
    t.write_text("\n".join(tgt[:k] + tgt[k + 1:]) + "\n", encoding="utf-8")
    words = sorted(d.pairs)
    en_de = [(a, f"{a} /x/\n{a}x, {a}y\n") for a in words]
    de_ru = [(f"{a}{c}", f"{a}{c} /x/\n{', '.join(sorted(d.pairs[a]))}\n") for a in words for c in "xy"]
    dicts = tmp_path / "dictd"
    dicts.mkdir()
    write_dictd(dicts, "freedict-eng-deu", en_de)
    write_dictd(dicts, "freedict-deu-rus", de_ru)
    monkeypatch.setenv("TQCHECK_DICTD_PATH", str(dicts))
    r = tqcheck.check_files(str(s), str(t), "en", "ru", lines=True, dictionary="auto")
    assert r.dictionary.startswith("en-ru-via-de@")
    assert [f.source_segment for f in r.findings if f.rule == "TQ101"] == [k]


def test_the_text_report_names_the_dictionary_read(tmp_path, monkeypatch, capsys):
    s, t, index, _ = _files(tmp_path)
    monkeypatch.setenv("TQCHECK_DICTD_PATH", str(tmp_path))
    main(["check", str(s), str(t), "--dictionary", "auto", "--no-config", "--lines", "--src-lang", "en",
          "--tgt-lang", "ru", "-q"])
    assert "(en → ru, dictionary freedict-eng-rus): " in capsys.readouterr().out.splitlines()[0]
    main(["check", str(s), str(t), "--no-config", "--lines", "--src-lang", "en", "--tgt-lang", "ru", "-q"])
    assert "(en → ru): " in capsys.readouterr().out.splitlines()[0]


@settings(max_examples=120, deadline=None)
@given(index=st.text(alphabet=st.sampled_from(list("aB09+/\t\n -x")), max_size=60),
       data=st.binary(max_size=80), compress=st.booleans())
def test_any_pair_of_files_is_a_dictionary_or_one_clear_error(tmp_path_factory, index, data, compress):
    """Whatever the two files hold: word pairs, or an InputError of one line naming a file,
    never another exception."""
    folder = tmp_path_factory.mktemp("dictd")
    (folder / "freedict-deu-fra.index").write_text(index, encoding="utf-8")
    (folder / "freedict-deu-fra.dict.dz").write_bytes(gzip.compress(data) if compress else data)
    try:
        pairs, src, tgt = dictd.read(str(folder / "freedict-deu-fra.index"), max_bytes=10_000)
    except InputError as e:
        assert "freedict-deu-fra" in str(e) and "\n" not in str(e)
    else:
        assert (src, tgt) == ("de", "fr") and all(a and b for a, b in pairs)
