"""The defect injector of benchmarks/pofilter_compare.py: each kind changes the target the way it
says, refuses entries that cannot carry it, and files written with it keep entry ids that tqcheck
reports (so recall is matched to the right entry)."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import l10n_inject as inj  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora"


def rng() -> random.Random:
    return random.Random(3)


@pytest.mark.parametrize("src,tgt", [
    ("Delete %(name)s?", "%(name)s löschen?"),
    ("Page %s of %s", "Strona %s z %s"),
    ("Hello {user}", "Bonjour {user}"),
    ("At least {{ limit }} choices.", "En az {{ limit }} seçenek."),
    ("Found {0} files", "Найдено {0} файлов"),
])
def test_dropped_placeholder_leaves_one_fewer(src, tgt):
    out = inj.inject("placeholder_dropped", src, tgt, rng())
    assert out is not None
    assert len(inj.PLACEHOLDER.findall(out)) == len(inj.PLACEHOLDER.findall(tgt)) - 1
    assert "  " not in out


@pytest.mark.parametrize("src,tgt", [
    ("Delete %(name)s?", "%(name)s löschen?"),
    ("Hello {user}", "Bonjour {user}"),
    ("At least {{ limit }} choices.", "En az {{ limit }} seçenek."),
    ("Found {0} files", "找到 {0} 个文件"),
    ("%d items", "%d elementów"),
])
def test_altered_placeholder_is_a_different_placeholder(src, tgt):
    out = inj.inject("placeholder_altered", src, tgt, rng())
    assert out is not None and out != tgt
    new = [m.group(0) for m in inj.PLACEHOLDER.finditer(out)]
    assert len(new) == len(inj.PLACEHOLDER.findall(tgt))
    assert any(p not in src for p in new)


def test_placeholder_kinds_need_a_shared_placeholder():
    assert inj.inject("placeholder_dropped", "Hello", "Bonjour", rng()) is None
    # 100% is no placeholder
    assert inj.inject("placeholder_altered", "100% done", "100% fertig", rng()) is None


def test_broken_tag():
    src, tgt = 'Read <a href="%(url)s">the docs</a>.', 'Lies <a href="%(url)s">die Doku</a>.'
    outs = {inj.inject("tag_broken", src, tgt, random.Random(i)) for i in range(20)}
    assert None not in outs and tgt not in outs
    assert all(o.count("<") + o.count(">") < tgt.count("<") + tgt.count(">")
               or o.count("</") < tgt.count("</") for o in outs)
    # metavariables and <<quotes>> are not tags
    assert inj.inject("tag_broken", "Look in <MODULE_PATH>", "<MODULE_PATH> içine bak", rng()) is None
    assert inj.inject("tag_broken", "The <<original entry>>", "<<original entry>>", rng()) is None


def test_changed_number_not_inside_placeholder():
    out = inj.inject("number_changed", "Max 255 chars, %1$s", "Maks. 255 znaków, %1$s", rng())
    assert out == "Maks. 256 znaków, %1$s"
    assert inj.inject("number_changed", "Use %1$s", "Użyj %1$s", rng()) is None
    assert inj.inject("number_changed", "ISBN-10", "ISBN-10", rng()) == "ISBN-11"


def test_untranslated_and_wrong_language():
    assert inj.inject("untranslated", "Save the file", "Datei speichern", rng()) == "Save the file"
    assert inj.inject("untranslated", "OK", "OK", rng()) is None          # one word: may stay
    assert inj.inject("wrong_language", "Enter a valid date.", "Wpisz poprawną datę.", rng(),
                      alt_target="Saisissez une date valide.") == "Saisissez une date valide."
    assert inj.inject("wrong_language", "Enter a date.", "Wpisz datę.", rng(), alt_target=None) is None


def test_whitespace_and_punctuation():
    outs = {inj.inject("whitespace", "Save the file", "Dosyayı kaydet", random.Random(i))
            for i in range(30)}
    assert outs == {"Dosyayı kaydet ", " Dosyayı kaydet", "Dosyayı  kaydet"}
    assert inj.inject("whitespace", "Saving... ", "Kaydediliyor... ", rng()) is None
    assert inj.inject("punctuation", "File saved.", "Datei gespeichert.", rng()) == "Datei gespeichert"
    assert inj.inject("punctuation", "保存しました。", "保存しました。", rng()) == "保存しました"
    assert inj.inject("punctuation", "Name", "Nom", rng()) in ("Nom.", "Nom!")
    assert inj.inject("punctuation", "Name:", "Nom", rng()) is None


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        inj.inject("spelling", "a", "b", rng())


PO = '''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "month"
msgid "May"
msgstr "Mai"

#, python-format
msgid "Delete %(name)s?"
msgstr "%(name)s löschen?"

#, fuzzy
msgid "Old"
msgstr "Alt"
'''

XLF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="x">
    <body>
      <trans-unit id="1"><source>A &amp; B</source><target>A &amp; B fr</target></trans-unit>
      <trans-unit id="2"><source>Value {{ v }}.</source><target state="needs-translation">Value {{ v }}.</target></trans-unit>
    </body>
  </file>
</xliff>
'''


def test_po_round_trip(tmp_path):
    src = tmp_path / "de.po"
    src.write_text(PO, encoding="utf-8")
    ents = {e.id: e for e in inj.read_entries(str(src))}
    assert set(ents) == {"month\x04May", "Delete %(name)s?", "Old"}
    assert ents["month\x04May"].eligible and not ents["Old"].eligible
    dst = tmp_path / "out.po"
    inj.write_copy(str(src), str(dst), {"Delete %(name)s?": "löschen?"})
    after = {e.id: e.target for e in inj.read_entries(str(dst))}
    assert after == {"month\x04May": "Mai", "Delete %(name)s?": "löschen?", "Old": "Alt"}


def test_xliff_round_trip(tmp_path):
    src = tmp_path / "messages.fr.xlf"
    src.write_text(XLF, encoding="utf-8")
    ents = {e.id: e for e in inj.read_entries(str(src))}
    assert ents["1"].target == "A & B fr" and ents["1"].eligible and not ents["2"].eligible
    dst = tmp_path / "out.fr.xlf"
    inj.write_copy(str(src), str(dst), {"1": "A < B & C "})
    after = {e.id: e.target for e in inj.read_entries(str(dst))}
    assert after == {"1": "A < B & C ", "2": "Value {{ v }}."}


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
@pytest.mark.parametrize("rel", [
    "po/django/django/contrib/admin/locale/tr/LC_MESSAGES/django.po",
    "xliff/symfony/src/Symfony/Component/Validator/Resources/translations/validators.tr.xlf",
])
def test_entry_ids_are_tqchecks(rel):
    from tqcheck.io.l10n import load

    ours = {e.id for e in inj.read_entries(str(CORPUS / rel))}
    theirs = {u.id for u in load(str(CORPUS / rel)).units}
    assert ours == theirs
