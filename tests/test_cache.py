"""The start-up cache (``$TQCHECK_CACHE_DIR``): wordfreq's lists as tables, the encoding lexicon's
letters. Cached data must equal freshly built data, a damaged or foreign file must be rebuilt,
an empty ``TQCHECK_CACHE_DIR`` must write nothing, and results never depend on the cache."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

wordfreq = pytest.importorskip("wordfreq")

from tqcheck.encoding import lexicon as lexmod  # noqa: E402
from tqcheck.lang import diskcache, wordtable  # noqa: E402


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh, empty cache folder; every in-memory copy forgotten before and after."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(folder))
    _forget()
    yield folder
    _forget()


def _forget():
    wordtable._table.cache_clear()
    wordtable._loaded.clear()
    lexmod.lexicon.cache_clear()


def _table(lang):
    """The table of ``lang``, going through the first miss (wordfreq's dict, a mark left) and the
    second (the table built and written)."""
    first = wordtable.frequency_table(lang)
    if isinstance(first, wordtable.WordTable):
        return first
    assert first is wordfreq.get_frequency_dict(lang, "best")
    _forget()
    table = wordtable.frequency_table(lang)
    assert isinstance(table, wordtable.WordTable)
    return table


def _files(folder, prefix):
    return sorted(p for p in folder.iterdir() if p.name.startswith(prefix)) if folder.exists() else []


# -- the word tables ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["tr", "id", "el"])
def test_table_from_disk_equals_wordfreq_dict(cache, lang):
    built = _table(lang)                              # built and written
    (path,) = _files(cache, f"wordfreq-{lang}-")
    assert path.suffix == ".bin"                      # the mark of the first miss is gone
    _forget()
    loaded = wordtable.frequency_table(lang)          # read back
    assert loaded is not built and isinstance(loaded, wordtable.WordTable)
    ref = wordfreq.get_frequency_dict(lang, "best")
    assert len(loaded) == len(ref)
    for word, freq in ref.items():
        assert loaded.get(word) == freq and word in loaded and loaded[word] == freq
    for word in list(ref)[:2000]:
        for odd in (word + "q", word.upper() + "x", "x" + word):
            assert loaded.get(odd) == ref.get(odd)
    assert loaded.min_freq() == min(ref.values())
    assert path.stat().st_size > 0


def test_table_written_at_the_second_miss(cache):
    first = wordtable.frequency_table("id")          # a run on a machine without the table
    assert type(first) is dict and first is wordfreq.get_frequency_dict("id", "best")
    assert [p.suffix for p in _files(cache, "wordfreq-id-")] == [".wanted"]
    _forget()
    second = wordtable.frequency_table("id")         # the next run: built and written
    assert isinstance(second, wordtable.WordTable)
    assert [p.suffix for p in _files(cache, "wordfreq-id-")] == [".bin"]
    _forget()
    third = wordtable.frequency_table("id")          # read back
    assert isinstance(third, wordtable.WordTable) and third is not second
    assert all(third.get(w) == f for w, f in first.items())


def test_table_keeps_the_last_level_of_a_word_listed_twice():
    pack = [["a", "b"], ["c", "a"], [], ["d", "b", "a"], []]
    ref = {}
    for i, bucket in enumerate(pack):
        for w in bucket:
            ref[w] = wordfreq.cB_to_freq(-i)
    for table in (wordtable.WordTable.build(pack),
                  wordtable.WordTable.from_bytes(wordtable.WordTable.build(pack).to_bytes("k"), "k")):
        assert {w: table.get(w) for w in "abcdxy"} == {w: ref.get(w) for w in "abcdxy"}
        assert len(table) == 4 and table.min_freq() == min(ref.values())
    empty = wordtable.WordTable.build([])
    assert len(empty) == 0 and empty.get("a") is None and empty.min_freq() is None


def test_table_bytes_are_checked():
    data = wordtable.WordTable.build([["ve", "bir"], ["bu"]]).to_bytes("key")
    assert wordtable.WordTable.from_bytes(data, "key").get("bu") == wordfreq.cB_to_freq(-1)
    assert wordtable.WordTable.from_bytes(data, "other key") is None       # another version
    assert wordtable.WordTable.from_bytes(data[:-1], "key") is None        # truncated
    flipped = bytearray(data)
    flipped[-6] ^= 0x20                                                     # one changed bit
    assert wordtable.WordTable.from_bytes(bytes(flipped), "key") is None
    assert wordtable.WordTable.from_bytes(b"", "key") is None
    assert wordtable.WordTable.from_bytes(b"TQWT" + bytes(60), "key") is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_damaged_table_is_ignored_and_rebuilt(cache, damage):
    ref = wordfreq.get_frequency_dict("tr", "best")
    _table("tr")
    (path,) = _files(cache, "wordfreq-tr-")
    good = path.read_bytes()
    path.write_bytes({"garbage": b"not a table" * 100, "truncated": good[: len(good) // 2],
                      "empty": b""}[damage])
    _forget()
    table = _table("tr")
    assert all(table.get(w) == f for w, f in list(ref.items())[:5000])
    assert path.read_bytes() == good                  # rewritten


# -- zipf: wordfreq's function over the table ---------------------------------------------------------
_WORDS = ["the", "The", "İstanbul", "istanbul", "3.5", "2024", "1,000", "foo-bar", "Hello World",
          "x1y2", "don't", "", "  ", "ÇAĞ", "ß", "ﬁle", "A.B.C.", "e-mail", "Straße", "Москва",
          "naïve", "‘quoted’", "\ud800x", "a\u0301", "١٢٣"]


@pytest.mark.parametrize("lang", ["en", "tr", "de", "ru", "pl"])
def test_zipf_same_as_wordfreq(cache, lang):
    ref = wordfreq.get_frequency_dict(lang, "best")
    sample = list(ref)[::max(1, len(ref) // 400)] + _WORDS
    for w in sample:
        assert wordtable.zipf_frequency(w, lang) == wordfreq.zipf_frequency(w, lang), w


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20), st.sampled_from(["en", "tr", "fr"]))
def test_zipf_same_as_wordfreq_any_text(word, lang):
    assert wordtable.zipf_frequency(word, lang) == wordfreq.zipf_frequency(word, lang)


# -- the lexicon's letters ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["tr", "ru", "el", "ja", "xx", "ka"])
def test_letter_data_cached_equals_fresh(cache, lang):
    first = lexmod.letter_data(lang)                  # built and written
    (path,) = _files(cache, f"letters-{lang}-")
    fresh = lexmod._build_letter_data(lang)
    again = lexmod.letter_data(lang)                  # read back
    assert {k: v for k, v in first.items() if k != "key"} == fresh
    assert again == first
    assert json.loads(path.read_text(encoding="utf-8")) == first


def test_lexicon_from_cache_equals_lexicon_without_cache(cache, monkeypatch):
    langs = ["tr", "de", "ru", "fi"]
    cached = {lang: lexmod.lexicon(lang) for lang in langs}
    _forget()
    cached2 = {lang: lexmod.lexicon(lang) for lang in langs}
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "")
    _forget()
    off = {lang: lexmod.lexicon(lang) for lang in langs}
    for lang in langs:
        for lx in (cached[lang], cached2[lang]):
            assert (lx.alphabet, lx.core, lx.script, lx.min_zipf, lx.has_words, lx.wf_lang) == (
                off[lang].alphabet, off[lang].core, off[lang].script, off[lang].min_zipf,
                off[lang].has_words, off[lang].wf_lang)
        for w in ("ve", "und", "и", "ja", "değil", "Straße", "qqq", "İstanbul"):
            assert cached2[lang].zipf(w) == off[lang].zipf(w)
    assert isinstance(off["tr"]._freq, dict)          # no cache: wordfreq's own dict


def test_foreign_or_broken_letter_file_is_rebuilt(cache):
    good = lexmod.letter_data("tr")
    (path,) = _files(cache, "letters-tr-")
    for bad in ("{not json", "[]", json.dumps(dict(good, key="another version")),
                json.dumps(dict(good, alphabet=["a"])), "\udc80".encode("utf-8", "surrogatepass")):
        if isinstance(bad, str):
            path.write_text(bad, encoding="utf-8")
        else:
            path.write_bytes(bad)
        assert lexmod.letter_data("tr") == good
        assert json.loads(path.read_text(encoding="utf-8")) == good


def test_empty_cache_dir_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _forget()
    try:
        assert diskcache.folder() is None and not diskcache.enabled()
        assert lexmod.lexicon("tr").zipf("değil") > 3
        assert wordtable.zipf_frequency("the", "en") == wordfreq.zipf_frequency("the", "en")
        assert isinstance(wordtable.frequency_table("id"), dict)
    finally:
        _forget()
    assert not any(tmp_path.rglob("*"))


def test_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(blocker / "sub"))   # a folder inside a file
    _forget()
    try:
        assert wordtable.frequency_table("id").get("yang") == wordfreq.get_frequency_dict("id")["yang"]
        assert lexmod.letter_data("id")["script"] == "LATIN"
    finally:
        _forget()


# -- the CLI: a first run (empty cache), a second run (warm), no cache: the same report ----------------
_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: tr\\n"

msgid "Delete %(count)s files from the server?"
msgstr "Sunucudan dosyalar silinsin mi?"

msgid "Our support for Kazakhstan is strong."
msgstr "Kazakistan'a desteđimizi gösterir."

msgid "The meeting is on 12 May 2024 in Almaty."
msgstr "Toplantı 13 Mayıs 2024'te Almatı'da."

msgid "Save changes"
msgstr "Save changes"

msgid "Please enter a valid e-mail address."
msgstr "Lütfen geçerli bir e-posta adresi girin."
"""

_PROBE = ("import json, sys, tqcheck.cli as c; import wordfreq; "
          "rc = c.main(sys.argv[1:]); "
          "print(json.dumps({'dicts': wordfreq.get_frequency_dict.cache_info().currsize}))")


def _cli(po, out, cache_dir, env_extra=None):
    env = dict(os.environ, TQCHECK_CACHE_DIR=cache_dir, **(env_extra or {}))
    proc = subprocess.run([sys.executable, "-c", _PROBE, "check", "--no-config", "--fail-on", "never",
                           "--format", "json", "-o", str(out), str(po)],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1]), json.loads(out.read_text(encoding="utf-8"))


def test_cli_cold_warm_and_off_give_the_same_report(tmp_path):
    po = tmp_path / "tr.po"
    po.write_text(_PO, encoding="utf-8")
    folder = tmp_path / "cache"
    cold_info, cold = _cli(po, tmp_path / "cold.json", str(folder))        # an empty cache
    names = {p.name for p in folder.iterdir()}
    assert any(n.startswith("letters-tr-") for n in names)
    assert any(n.startswith("wordfreq-tr-") and n.endswith(".wanted") for n in names)
    assert cold_info["dicts"] > 0             # wordfreq's dicts, as without a cache
    second_info, second = _cli(po, tmp_path / "second.json", str(folder))  # writes the tables
    written = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert any(n.startswith("wordfreq-tr-") and n.endswith(".bin") for n in written)
    assert not any(n.endswith(".wanted") for n in written)
    warm_info, warm = _cli(po, tmp_path / "warm.json", str(folder))        # reads them
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == written   # read, not rewritten
    assert warm_info["dicts"] == 0            # warm: no wordfreq dict built
    xdg = tmp_path / "xdg"
    off_info, off = _cli(po, tmp_path / "off.json", "", {"XDG_CACHE_HOME": str(xdg)})
    assert off_info["dicts"] > 0 and not xdg.exists()
    assert cold == second == warm == off
    rules = {f["rule"] for f in warm["files"][0]["findings"]}
    assert {"TQ501", "TQ512"} <= rules        # the report is not empty


# -- langdetect's profiles -------------------------------------------------------------------------------
def test_langdetect_profiles_cached_equal_langdetect_loader(cache):
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from tqcheck.lang import detect

    ref = DetectorFactory()
    ref.load_profile(PROFILES_DIRECTORY)
    built = detect._load_profiles()                   # read from the JSON files, written
    (path,) = _files(cache, "langdetect-")
    loaded = detect._load_profiles()                  # read back: rows made on demand
    assert type(built.word_lang_prob_map) is dict
    assert isinstance(loaded.word_lang_prob_map, detect._Profiles)
    for f in (built, loaded):
        assert f.langlist == ref.langlist
        assert list(f.word_lang_prob_map) == list(ref.word_lang_prob_map)
    assert loaded.word_lang_prob_map == ref.word_lang_prob_map
    assert ref.word_lang_prob_map == loaded.word_lang_prob_map
    assert not ref.word_lang_prob_map != loaded.word_lang_prob_map
    assert loaded.word_lang_prob_map.get("zzzz") is None and "zzzz" not in loaded.word_lang_prob_map
    # a damaged file is ignored and written again
    good = path.read_bytes()
    path.write_bytes(good[:100])
    assert type(detect._load_profiles().word_lang_prob_map) is dict
    assert path.read_bytes() == good


@pytest.mark.parametrize("text", ["Bu değer geçerli bir e-posta adresi değil.",
                                  "Ceci n'est pas une adresse électronique valide.",
                                  "Das ist keine gültige E-Mail-Adresse, bitte prüfen.",
                                  "Это значение недопустимо.", "abc 123"])
def test_langdetect_same_probabilities_with_cached_profiles(cache, text):
    from langdetect.detector import Detector
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from tqcheck.lang import detect
    from tqcheck.lang.langdetect_np import FastDetector

    detect._load_profiles()
    loaded = detect._load_profiles()
    assert isinstance(loaded.word_lang_prob_map, detect._Profiles)
    ref = detect._read_profiles(type(loaded)(), PROFILES_DIRECTORY)
    out = []
    for factory, cls in ((ref, Detector), (loaded, Detector), (loaded, FastDetector)):
        factory.seed = 0
        det = cls(factory)
        det.append(text)
        try:
            out.append([(p.lang, p.prob) for p in det.get_probabilities()])
        except Exception as exc:  # langdetect: no features in the text
            out.append(type(exc).__name__)
    assert out[0] == out[1] == out[2]


def test_writing_a_file_removes_the_same_data_of_another_version(cache):
    old = diskcache.path("letters", "tr", "version 1", "json")
    other_lang = diskcache.path("letters", "trk", "version 1", "json")
    mark = old.with_name(old.name + ".wanted")
    foreign = cache / "notes.txt"
    for p in (old, other_lang, mark):
        diskcache.write(p, b"{}")
    foreign.write_text("kept", encoding="utf-8")
    assert old.exists() and other_lang.exists() and mark.exists()
    new = diskcache.path("letters", "tr", "version 2", "json")
    diskcache.write(new, b"{}")
    assert new.exists() and not old.exists() and not mark.exists()
    assert other_lang.exists() and foreign.exists()       # another language, not ours: kept


def test_table_word_listed_twice_among_words_sharing_a_crc():
    import hashlib
    import zlib

    seen = {}
    for i in range(400_000):                      # two different words with one CRC-32
        w = hashlib.sha1(str(i).encode()).hexdigest()[:12]
        c = zlib.crc32(w.encode())
        if c in seen:
            x, y = seen[c], w
            break
        seen[c] = w
    else:
        pytest.skip("no CRC-32 collision found")
    pack = [[x], [y], ["z"], [x], [y, "z"], []]
    table = wordtable.WordTable.build(pack)
    ref = {}
    for i, bucket in enumerate(pack):
        for w in bucket:
            ref[w] = wordfreq.cB_to_freq(-i)
    assert {w: table.get(w) for w in (x, y, "z", "q")} == {w: ref.get(w) for w in (x, y, "z", "q")}
    assert len(table) == 3


def test_json_round_trip_and_damage(cache):
    where = diskcache.path("letters", "xx", "k1", "json")
    assert diskcache.read_json(where) is None  # nothing there yet
    diskcache.write_json(where, {"b": "ş", "a": [1, 2.5, None]})
    assert diskcache.read_json(where) == {"a": [1, 2.5, None], "b": "ş"}
    for damage in (b'{"a": [1,', b"\xff\xfe not text"):
        where.write_bytes(damage)
        assert diskcache.read_json(where) is None
    diskcache.write_json(None, {"a": 1})  # no cache folder: nothing happens
    assert diskcache.read_json(None) is None
