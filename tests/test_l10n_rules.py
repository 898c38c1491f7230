"""TQ5xx rules, each with entries that must be flagged and entries that must not, in
several languages (de, fr, tr, pl, ru, ja, zh, el, es, ar …)."""
import pytest

import tqcheck
from tqcheck.checks import registry
from tqcheck.checks.l10n import UNIT_ONLY
from tqcheck.checks.l10n_glossary import load_glossary
from tqcheck.findings import FIELDS, Severity
from tqcheck.io.l10n import Unit, UnitFile, check_units, run_example

RULES = registry.load()


def uf_of(pairs, sl="en", tl="de", fmt="po", **kw):
    """A unit file from (source, target) pairs or Units."""
    units = []
    for i, p in enumerate(pairs):
        if isinstance(p, Unit):
            units.append(p)
        else:
            units.append(Unit(id=f"e{i}", source=p[0], target=p[1], source_line=2 * i + 1,
                              target_line=2 * i + 2))
    return UnitFile(path="x." + fmt, format=fmt, src_lang=sl, tgt_lang=tl, units=units, **kw)


def hits(code, pairs, sl="en", tl="de", fmt="po", glossary=None, **kw):
    r = check_units(uf_of(pairs, sl, tl, fmt, **kw), select=[code], glossary=glossary)
    return [f for f in r.findings if f.rule == code and f.severity != Severity.INFO]


def flags(code, src, tgt, sl="en", tl="de", **kw):
    return bool(hits(code, [(src, tgt)], sl, tl, **kw))


def unit(src, tgt, fl=(), **kw):
    return Unit(id=src[:20], source=src, target=tgt, source_line=1, target_line=2, flags=frozenset(fl), **kw)


# -- every TQ5 rule's example fires (unit-only rules through run_example) -------------------------------
@pytest.mark.parametrize("code", sorted(c for c in RULES if c.startswith("TQ5")))
def test_examples_fire(code):
    r = run_example(code) if code in UNIT_ONLY else tqcheck.check(*RULES[code].example)
    found = [f for f in r.findings if f.rule == code and f.severity != Severity.INFO]
    assert found, [(f.rule, f.message) for f in r.findings]
    assert found[0].message[0].isupper() and found[0].message.endswith(".")
    assert set(found[0].to_dict()) == set(FIELDS)


# -- placeholders ------------------------------------------------------------------------------------
@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("Delete %(name)s?", "Löschen?", "en", "de"),
    ("Hello {name}", "Привет", "en", "ru"),
    ("At least {{ limit }} characters.", "En az karakter.", "en", "tr"),
    ("%1$s of %2$s", "%1$s z", "en", "pl"),
    ("Blocked $DOMAIN$", "Engellendi", "en", "tr"),
    ("%s files", "ファイル", "en", "ja"),
    ("Hi %{name}", "Salut", "en", "fr"),
])
def test_placeholder_missing(src, tgt, sl, tl):
    assert flags("TQ501", src, tgt, sl, tl)


@pytest.mark.parametrize("src,tgt,sl,tl", [
    ("%(name)s was deleted.", "%(name)s silindi.", "en", "tr"),
    ("Delete %(name)s and %(count)s more?", "%(count)s tane daha ve %(name)s silinsin mi?", "en", "tr"),
    ("File “%(name)s” saved.", "Plik „%(name)s” zapisany.", "en", "pl"),
    ("{0} of {1}", "{1} 件中 {0} 件", "en", "ja"),
    ("%1$s of %2$s", "%2$s からの %1$s", "en", "ja"),
    ("At least {{ limit }} characters.", "Mindestens {{limit}} Zeichen.", "en", "de"),
    ("Blocked $DOMAIN$", "Заблокировано: $domain$", "en", "ru"),
    ("100% sure", "%100 eminim", "en", "tr"),  # no placeholder at all
])
def test_placeholder_moved_or_respelled_is_fine(src, tgt, sl, tl):
    for code in ("TQ501", "TQ502", "TQ503", "TQ504"):
        assert not flags(code, src, tgt, sl, tl), code


def test_placeholder_extra_changed_order():
    assert flags("TQ502", "Saved.", "%s gespeichert.") is False  # no style in the source: no guess
    assert flags("TQ502", "Saved %s.", "%s in %s gespeichert.")
    assert flags("TQ502", "Hello {name}", "Bonjour {name} {user}", tl="fr")
    assert flags("TQ503", "Hello {name}", "Merhaba {isim}", tl="tr")
    assert flags("TQ503", "%(count)d items", "%(count)s Elemente")
    assert not flags("TQ503", "%(count)d items", "%(count)i Elemente")
    assert flags("TQ504", "%s has %d messages", "%d wiadomości ma %s", tl="pl")
    assert not flags("TQ504", "%1$s has %2$d messages", "%2$d wiadomości ma %1$s", tl="pl")
    assert not flags("TQ504", "%s and %s", "%s и %s", tl="ru")


def test_symfony_pipe_forms_each_need_their_placeholder():
    src = "You must select at least {{ limit }} choice.|You must select at least {{ limit }} choices."
    assert not flags("TQ501", src, "En az {{ limit }} seçenek belirtmelisiniz.", tl="tr")  # one form is fine
    assert flags("TQ501", src, "Mindestens {{ limit }} Auswahl.|Mindestens eine Auswahl.")
    assert not flags("TQ501", src, "Mindestens {{ limit }} Auswahl.|Mindestens {{ limit }} Auswahlen.")


def test_chrome_positional_only_in_chrome_files():
    pairs = [("Price: $1", "Preis:")]
    assert hits("TQ501", pairs, fmt="chrome-json")
    assert not hits("TQ501", pairs, fmt="json")


def test_plural_entry_placeholders():
    u = Unit(id="n", source="One file", target="%(n)d файл", source_plural="%(n)d files",
             plurals=["%(n)d файл", "%(n)d файла", "%(n)d файлов"], source_line=1, target_line=2)
    assert not hits("TQ501", [u], tl="ru") and not hits("TQ502", [u], tl="ru")
    one_free = Unit(id="n", source="One file", target="Eine Datei", source_plural="%(n)d files",
                    plurals=["Eine Datei", "%(n)d Dateien"], source_line=1, target_line=2)
    assert not hits("TQ501", [one_free])
    dropped = Unit(id="n", source="One file", target="Eine Datei", source_plural="%(n)d files",
                   plurals=["Eine Datei", "Dateien"], source_line=1, target_line=2)
    f = hits("TQ501", [dropped])
    assert len(f) == 1 and "every plural form" in f[0].message and f[0].entry == "n"


def test_format_syntax():
    u = unit("%(p)s%% off", "%50 indirim %(p)s", fl={"python-format"})
    assert hits("TQ505", [u], tl="tr")
    assert not hits("TQ505", [unit("%(p)s%% off", "%%%(p)s indirim", fl={"python-format"})], tl="tr")
    assert not hits("TQ505", [unit("50% off", "%50 indirim")], tl="tr")  # not a format string
    sel_src = "{g, select, male {He} female {She} other {They}} left."
    assert flags("TQ505", sel_src, "{g, select, male {Il} other {Iel}} est parti.", tl="fr")
    assert not flags("TQ505", sel_src, "{g, select, female {Elle} male {Il} other {Iel}} est parti.", tl="fr")
    assert flags("TQ505", "{n, plural, one {# file} other {# files}}", "{n, plural, one {# Datei} other {# Dateien}")


# -- markup, escapes, whitespace ------------------------------------------------------------------------
def test_markup():
    assert flags("TQ506", "Read the <a href=\"/t\">terms</a>.", "Lesen Sie die Bedingungen.")
    assert flags("TQ506", "Read <b>this</b>.", "Lisez <b>ceci</b> <i>maintenant</i>.", tl="fr")
    f = hits("TQ506", [("See <a href=\"/help/a\">docs</a>", "Siehe <a href=\"/hilfe/a\">Doku</a>")])
    assert len(f) == 1 and "became" in f[0].message
    # an absolute URL is compared once, by TQ204, not again as a tag
    r = check_units(uf_of([("See <a href=\"https://x.org/a\">docs</a>", "Siehe <a href=\"https://y.org/a\">Doku</a>")]))
    assert {f.rule for f in r.findings if f.severity != Severity.INFO} == {"TQ204"}
    assert not flags("TQ506", "<b>Bold</b> and <i>it</i>", "<i>İtalik</i> ve <b>kalın</b>", tl="tr")
    assert not flags("TQ506", 'See <a href="https://docs.x.com/en/3/">notes</a>',
                     'Voir les <a href="https://docs.x.com/fr/3/">notes</a>', tl="fr")
    assert not flags("TQ506", "Usage: tool <file>", "Kullanım: tool <dosya>", tl="tr")
    assert flags("TQ506", 'Click <g id="1">here</g><x id="2"/>', 'Kliknij <g id="1">tutaj</g>', tl="pl")
    assert flags("TQ507", "<b>Warning:</b> <i>full</i>", "<b>Warnung:<i></b> voll</i>")
    assert not flags("TQ507", "<b>Warning:</b> <i>full</i>", "<i>voll</i> <b>Warnung:</b>")


def test_newlines_and_escapes():
    assert flags("TQ508", "Line one\nLine two", "Zeile eins Zeile zwei")
    assert not flags("TQ508", "Line one\nLine two", "Строка один\nСтрока два", tl="ru")
    assert not flags("TQ508", "Done\n", "Fertig")  # trailing: TQ510's
    assert hits("TQ509", [("Don\\'t", "Ne pas l'ouvrir")], tl="fr", fmt="android")
    assert not hits("TQ509", [("Don\\'t", "N\\'ouvrez pas")], tl="fr", fmt="android")
    assert not hits("TQ509", [("Don\\'t", "\"N'ouvrez pas\"")], tl="fr", fmt="android")
    assert hits("TQ509", [("Delete {0}?", "Supprimer l'élément {0} ?")], tl="fr", fmt="properties")
    assert not hits("TQ509", [("Delete {0}?", "Supprimer l''élément {0} ?")], tl="fr", fmt="properties")
    assert not hits("TQ509", [("Don't", "N'ouvrez pas")], tl="fr", fmt="properties")


def test_whitespace():
    assert flags("TQ510", "Name: ", "Ad:", tl="tr")
    assert flags("TQ510", "\nDetails", "Details")
    assert not flags("TQ510", "Name: ", "Nom\u00a0: ", tl="fr")
    assert not flags("TQ510", ":", "\u00a0:", tl="fr")
    assert flags("TQ516", "Save the file.", "Datei  speichern.")
    assert not flags("TQ516", "Save  the file.", "Datei  speichern.")


def test_double_space_names_the_words_around_it_and_the_line_shows_the_spaces(tmp_path, capsys):
    """The span of TQ516 is blank: the message names the words on either side, and the terminal
    line and the HTML report show the spaces as ␣ (an empty quote and an empty suggestion said
    nothing)."""
    from tqcheck.cli import main

    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Save the file now."\nmsgstr "Datei  jetzt speichern."\n', encoding="utf-8")
    page = tmp_path / "report.html"
    assert main(["check", str(po), "--no-color", "--select", "TQ516", "--src-lang", "en",
                 "--html", str(page)]) == 0  # minor
    out = capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert '<span class="xt" dir="auto" lang="de">\u2423\u2423</span>' in html  # the page too
    assert 'Suggestion: <span dir="auto">\u2423</span>' in html
    assert "Two spaces in a row between \u201cDatei\u201d and \u201cjetzt\u201d." in out
    assert '"\u2423\u2423" \u2192 "\u2423"' in out
    assert "(1 entry)" in out  # not "1 entries"


# -- punctuation and case ----------------------------------------------------------------------------------
@pytest.mark.parametrize("src,tgt,tl,bad", [
    ("Do you want to save?", "Voulez-vous enregistrer.", "fr", True),
    ("Saved.", "Gespeichert", "de", True),
    ("Options:", "Opcje", "pl", True),
    ("Do you want to save?", "Θέλετε να αποθηκεύσετε;", "el", False),
    ("Do you want to save?", "¿Quiere guardar?", "es", False),
    ("Do you want to save?", "هل تريد الحفظ؟", "ar", False),
    ("File saved.", "ファイルを保存しました。", "ja", False),
    ("File saved.", "文件已保存。", "zh", False),
    ("File saved.", "บันทึกไฟล์แล้ว", "th", False),
    ("Use formats such as PNG, JPG etc.", "PNG, JPG vb. biçimleri kullanın", "tr", False),
    ("Enter a value, e.g. 5.", "Wert eingeben, z. B. 5.", "de", False),
    ("Loading...", "Загрузка…", "ru", False),
    ("Say \"hi.\"", "Powiedz „cześć.”", "pl", False),
    ("That page contains no results", "このページには結果が含まれていません。", "ja", False),
    ("June", "Haz.", "tr", False),
    ("Aug.", "août", "fr", False),
    ("Creating file %s.", "%s dosyası oluşturuluyor", "tr", True),
    ("Enter a valid date/time.", "Geçerli bir tarih/saat girin", "tr", True),
])
def test_end_punctuation(src, tgt, tl, bad):
    assert flags("TQ511", src, tgt, tl=tl) is bad


@pytest.mark.parametrize("src,tgt,tl,bad", [
    ("Save changes", "сохранить изменения", "ru", True),
    ("Failed to read file", "okuma başarısız", "tr", True),
    ("file name", "Dateiname", "de", False),  # German nouns are capital
    ("Monday", "lundi", "fr", False),
    ("Arabic", "arabski", "pl", False),
    ("Argentinian Spanish", "hiszpański argentyński", "pl", False),
    ("Save", "保存", "ja", False),
    ("Enter a valid “slug”.", "“slug” を入力してください。", "ja", False),
    ("Open iPhone settings", "iPhone-Einstellungen öffnen", "de", False),
    ("%(name)s deleted", "%(name)s silindi", "tr", False),
    ("Delete file", "Supprimer le fichier", "fr", False),
    ("No folder in php.ini.", "php.ini'de klasör yok.", "tr", False),
])
def test_capitalisation(src, tgt, tl, bad):
    assert flags("TQ518", src, tgt, tl=tl) is bad


def test_repeated_words():
    assert flags("TQ517", "Enter it twice so we can verify.", "İki kere girin böylece böylece doğrulayalım.", tl="tr")
    assert not flags("TQ517", "If you log in", "Si vous vous connectez", tl="fr")
    assert not flags("TQ517", "remove them", "entfernen Sie sie")
    assert not flags("TQ517", "one by one", "tek tek", tl="tr")


def test_length():
    u = unit("Description", "x" * 40, max_length=30)
    f = hits("TQ515", [u])
    assert f and f[0].severity == Severity.MAJOR and "limit is 30" in f[0].message
    assert not hits("TQ515", [unit("Description", "Beschreibung", max_length=30)])
    r = hits("TQ515", [("OK", "Bitte bestätigen Sie diese Aktion, indem Sie auf die Schaltfläche klicken")])
    assert r and r[0].severity == Severity.MINOR
    assert not hits("TQ515", [("Settings", "Einstellungen")])
    assert not hits("TQ515", [("Save the file before closing the window.", "保存文件。")], tl="zh")


# -- entries --------------------------------------------------------------------------------------------
def test_untranslated_entry():
    assert flags("TQ512", "Great job opening the popup!", "Great job opening the popup!", tl="tr")
    assert flags("TQ512", "Send report", "Send report", tl="pl")
    for src, tl in [("Status", "de"), ("Afrikaans", "fr"), ("Django", "ru"), ("OK", "ja"),
                    ("%(count)s / %(total)s", "tr"), ("https://example.org", "de"), ("JSON", "zh"),
                    ("Quetzal", "ja")]:
        assert not flags("TQ512", src, src, tl=tl), src
    # a name the translators keep inside other translated entries
    pairs = [("Privacy Badger", "Privacy Badger"), ("Privacy Badger blocks trackers.",
                                                    "Privacy Badger izleyicileri engeller.")]
    assert not hits("TQ512", pairs, tl="tr")
    # a source-language file, or an entry already marked as unfinished
    assert not flags("TQ512", "Send report", "Send report", tl="en")
    assert not hits("TQ512", [unit("Send report", "Send report", fl={"needs-translation"})], tl="tr")


def test_missing_translation():
    u = Unit(id="p", source="One file", target="", source_plural="%d files", plurals=["", ""],
             source_line=1, target_line=3)
    f = hits("TQ513", [("Save", "Speichern"), ("Close", ""), u])
    assert [x.entry for x in f] == ["e1", "p"]
    assert f[0].target_line == 4 and f[0].source_line == 3  # the empty msgstr's line
    part = Unit(id="q", source="One file", target="Jeden plik", source_plural="%d files",
                plurals=["Jeden plik", "", "%d plików"], source_line=1, target_line=2)
    f = hits("TQ513", [part], tl="pl")
    assert len(f) == 1 and "Plural form 1" in f[0].message
    assert not hits("TQ513", [("Close", "")], tl="en")


def test_unfinished_entry():
    assert hits("TQ514", [unit("Save", "Speichern", fl={"fuzzy"})])
    assert hits("TQ514", [unit("Save", "Kaydet", fl={"needs-review", "state:needs-review-translation"})], tl="tr")
    assert not hits("TQ514", [unit("Save", "Kaydet")], tl="tr")  # no approved="yes": not unfinished
    assert not hits("TQ514", [unit("Save", "", fl={"fuzzy"})])  # empty: TQ513's


def test_plural_forms():
    bad = [Unit(id=f"p{i}", source="One", target="a", source_plural="%d", plurals=["a", "b", "c"],
                source_line=i, target_line=i) for i in range(3)]
    f = hits("TQ519", bad, tl="fr", plural_count=2, plural_count_line=12)
    assert len(f) == 1 and "all 3 plural entries have 3 forms" in f[0].message and f[0].target_line == 12
    ok = [Unit(id="p", source="One", target="a", source_plural="%d", plurals=["a", "b", "c", "d"],
               source_line=1, target_line=1)]
    assert not hits("TQ519", ok, tl="pl", plural_count=4)
    assert hits("TQ519", ok[:1], tl="ja", plural_count=4)  # the header itself is wrong for Japanese
    one = [Unit(id="p", source="One", target="a", source_plural="%d", plurals=["a"], source_line=1, target_line=1)]
    assert not hits("TQ519", one, tl="ja", plural_count=1)
    android = Unit(id="files", source="%d file", target="%d файл", source_plural="%d files",
                   plurals=["%d файл", "%d файлов"], plural_tags=["one", "other"], source_line=1, target_line=1)
    f = hits("TQ519", [android], tl="ru", fmt="android")
    assert f and "few, many" in f[0].message
    ja = Unit(id="files", source="%d file", target="%d 個", plurals=["%d 個"], plural_tags=["other"],
              source_line=1, target_line=1)
    assert not hits("TQ519", [ja], tl="ja", fmt="android")
    assert not flags("TQ519", "{n, plural, one {# file} other {# files}}", "{n, plural, other {# 個}}", tl="ja")
    assert flags("TQ519", "{n, plural, one {# file} other {# files}}", "{n, plural, one {# plik} other {# plików}}",
                 tl="pl")
    assert not flags("TQ519", "{n, plural, one {# file} other {# files}}",
                     "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", tl="pl")
    # Symfony: one form is always allowed, two for Russian is not enough
    sym = "One apple|%count% apples"
    assert not hits("TQ519", [(sym, "%count% elma")], tl="tr", fmt="xliff1")
    assert hits("TQ519", [(sym, "%count% яблоко|%count% яблок")], tl="ru", fmt="xliff1")


def test_consistency():
    pairs = [("Save the file", "Datei speichern"), ("Save the file", "Dokument sichern"),
             ("Save the file", "datei speichern.")]
    f = hits("TQ520", pairs)
    assert len(f) == 1 and f[0].entry == "e1" and "line 2" in f[0].message
    ctx = [Unit(id="a\x04May", source="May", target="Mai", context="a", source_line=1, target_line=1),
           Unit(id="b\x04May", source="May", target="Mai.", context="b", source_line=2, target_line=2)]
    assert not hits("TQ520", ctx)
    assert not hits("TQ520", [("Open", "Aç"), ("Open", "Açık")], tl="tr")  # one word: too ambiguous


def test_glossary(tmp_path):
    g = tmp_path / "gloss.csv"
    g.write_text("en,tr,dnt\nfile,dosya,\nPrivacy Badger,,yes\nbrowser,tarayıcı,\n", encoding="utf-8")
    gl = load_glossary(str(g))
    assert gl.src_lang == "en" and gl.tgt_lang == "tr" and len(gl) == 3
    assert hits("TQ521", [("Save the file", "Belgeyi kaydet")], tl="tr", glossary=gl)
    assert not hits("TQ521", [("Save the file", "Dosyayı kaydet")], tl="tr", glossary=gl)
    assert not hits("TQ521", [("Open your browser", "Tarayıcınızı açın")], tl="tr", glossary=gl)
    assert hits("TQ522", [("Privacy Badger blocked it", "Gizlilik Porsuğu engelledi")], tl="tr", glossary=gl)
    assert not hits("TQ522", [("Privacy Badger blocked it", "Privacy Badger engelledi")], tl="tr", glossary=gl)
    tbx = tmp_path / "t.tbx"
    tbx.write_text('''<?xml version="1.0"?><martif type="TBX"><text><body>
      <termEntry id="1"><langSet xml:lang="en"><tig><term>file</term></tig></langSet>
        <langSet xml:lang="ru"><tig><term>файл</term></tig></langSet></termEntry>
    </body></text></martif>''', encoding="utf-8")
    assert not hits("TQ521", [("Open the file", "Откройте файла")], tl="ru", glossary=str(tbx))
    assert hits("TQ521", [("Open the file", "Откройте документ")], tl="ru", glossary=str(tbx))


# -- what every finding on an entry carries -----------------------------------------------------------------
def test_entry_lines_fingerprint_and_code_spans():
    uf = uf_of([("Delete %(name)s?", "Silinsin mi?"), ("Delete %(name)s?", "Silinsin mi?"),
                ("Page {0} of {1}", "Strona {1} z {0}")], tl="tr")
    r = check_units(uf)
    f = [x for x in r.findings if x.rule == "TQ501"]
    assert [(x.entry, x.source_line, x.target_line) for x in f] == [("e0", 1, 2), ("e1", 3, 4)]
    assert f[0].fingerprint != f[1].fingerprint  # same text, other entry
    assert not [x for x in r.findings if x.rule.startswith("TQ2") and x.entry == "e2"]  # {0}/{1} are no numbers
    assert not [x for x in r.findings if x.rule.startswith("TQ1")]


def test_documents_are_not_burdened():
    en = "The committee met in Geneva on 3 March. It adopted the budget."
    de = "Der Ausschuss trat am 3. März in Genf zusammen. Er nahm den Haushalt an."
    r = tqcheck.check(en, de, "en", "de")
    assert not [f for f in r.findings if f.rule.startswith("TQ5")]


# -- properties -------------------------------------------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["%s", "%d", "%(name)s", "%1$s", "{0}", "{name}", "{{ limit }}", "$NAME$", "<b>",
                           "</b>", "<a href='x'>", "</a>", "{n, plural, one {# x} other {# y}}", "{", "}",
                           "%", " ", "  ", "\n", "word", "Wort", "слово", "単語", ".", "?", "e.g.", "„", "”"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_identical_text_has_no_text_finding(text):
    if not text.strip():
        return
    r = check_units(uf_of([(text, text)]),
                    select=["TQ50", "TQ510", "TQ511", "TQ515", "TQ516", "TQ517", "TQ518"])
    assert not [f for f in r.findings if f.severity != Severity.INFO], [(f.rule, f.message) for f in r.findings]


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join), st.lists(_PIECES, max_size=10).map("".join))
def test_any_pair_is_checked_without_error(src, tgt):
    r = check_units(uf_of([(src or "x", tgt)], "en", "ja"), select=["TQ5"])
    for f in r.findings:
        assert f.message and (f.entry == "e0" or f.entry is None)


# -- a repeated placeholder with one occurrence dropped (counts, not sets) ---------------------------
@pytest.mark.parametrize("src,tgt,tl", [
    ("The file is too large ({{ size }} {{ suffix }}). Maximum is {{ limit }} {{ suffix }}.",
     "Le fichier est trop volumineux ({{ size }} {{ suffix }}). Maximum : {{ limit }}.", "fr"),
    ("From %(offset)s, e.g. %(offset)s, %(step)s.", "Od %(offset)s, np. %(step)s.", "pl"),
    ("{name} invited {name}'s friends", "{name} hat Freunde eingeladen", "de"),
    ("%(a)s и %(a)s", "%(a)s", "ru"),
])
def test_repeated_placeholder_dropped_is_minor(src, tgt, tl):
    f = hits("TQ501", [(src, tgt)], tl=tl)
    assert f and all(x.severity == Severity.MINOR for x in f), [(x.severity, x.message) for x in f]


@pytest.mark.parametrize("src,tgt,tl", [
    ("From %(offset)s, e.g. %(offset)s.", "Von %(offset)s, z. B. %(offset)s.", "de"),
    ("{name} invited {name}'s friends", "{name}邀请了{name}的朋友", "zh"),
    ("{{ limit }} choice.|{{ limit }} choices.", "{{ limit }} seçenek.", "tr"),
    ("Moved %(n)s to %(n)s", "%(n)s taşındı, yine %(n)s", "tr"),
])
def test_repeated_placeholder_kept_or_plural_is_fine(src, tgt, tl):
    assert not hits("TQ501", [(src, tgt)], tl=tl)


def test_placeholder_absent_stays_major():
    f = hits("TQ501", [("Hi %(a)s and %(a)s", "Hallo")])
    assert f and f[0].severity == Severity.MAJOR


# -- TQ512: short English labels copied as the translation ----------------------------------------------
@pytest.mark.parametrize("text,tl", [
    ("Static Files", "pl"), ("Site Maps", "de"), ("Simplified Chinese", "ja"), ("Static Files", "ru"),
])
def test_copied_title_case_label_is_untranslated(text, tl):
    assert flags("TQ512", text, text, "en", tl)


@pytest.mark.parametrize("text,tl", [
    ("Google Maps", "ja"), ("Django", "ja"), ("Status", "de"), ("Windows Update", "de"),
    ("Apple Music", "zh"), ("Python Software Foundation", "ja"), ("Internet Explorer", "fr"),
    ("JSON Web Token", "zh"),
])
def test_copied_names_and_shared_words_are_fine(text, tl):
    assert not flags("TQ512", text, text, "en", tl)


# -- TQ511: a period added to a short label, judged with CLDR calendar names ------------------------------
@pytest.mark.parametrize("src,tgt,tl", [
    ("Sat", "So.", "pl"),
    ("March", "März.", "de"),
    ("Friday", "金曜日.", "ja"),
    ("Monday", "Понедельник.", "ru"),
    ("Save", "保存.", "zh"),
])
def test_period_added_to_label(src, tgt, tl):
    assert flags("TQ511", src, tgt, "en", tl)


@pytest.mark.parametrize("src,tgt,tl", [
    ("Sat", "sob.", "pl"),
    ("Sat", "Sa.", "de"),
    ("Sat", "sam.", "fr"),
    ("Sat", "Cmt", "tr"),
    ("Friday", "金曜日", "ja"),
    ("Done", "完了しました。", "ja"),
    ("Approx", "ca.", "de"),
    ("Jan", "janv.", "fr"),
])
def test_abbreviation_period_is_fine(src, tgt, tl):
    assert not flags("TQ511", src, tgt, "en", tl)


def test_long_copy_in_japanese_file_is_untranslated():
    assert flags("TQ512", "Enter a valid date/time.", "Enter a valid date/time.", "en", "ja")


# -- a repetition left implicit when the translation joins the sentences that repeat it ---------------------
_ADDED = "The {name} “{obj}” was added successfully. You may add another {name} below."


def test_repeat_dropped_in_joined_sentences_is_fine():
    assert not hits("TQ501", [(_ADDED, "{name} „{obj}“ wurde erfolgreich hinzugefügt und kann nun unten um "
                                       "ein Weiteres ergänzt werden.")], tl="de")


@pytest.mark.parametrize("tgt,severity", [
    # the sentences stay apart: the second {name} is still dropped
    ("{name} „{obj}“ wurde erfolgreich hinzugefügt. Sie können unten ein Weiteres hinzufügen.", Severity.MINOR),
    # joined, but the placeholder is gone altogether
    ("„{obj}“ wurde erfolgreich hinzugefügt und kann unten ergänzt werden.", Severity.MAJOR),
])
def test_repeat_dropped_without_joining_is_still_reported(tgt, severity):
    f = hits("TQ501", [(_ADDED, tgt)], tl="de")
    assert f and f[0].severity == severity


# -- TQ512: copies of words the two languages share, and source-language function words ---------------------
def _tq512(text, tl):
    return hits("TQ512", [(text, text)], "en", tl)


@pytest.mark.parametrize("text,tl", [("Index of %(directory)s", "fr"), ("List of files", "de")])
def test_copy_with_a_source_function_word_is_major(text, tl):
    # "of" appears in French counts (leaked English) but a hundred times more rarely than in English
    found = _tq512(text, tl)
    assert [f.severity for f in found] == [Severity.MAJOR], text


@pytest.mark.parametrize("text,tl", [("Model name", "de"), ("Site Maps", "tr"), ("Add site", "tr")])
def test_copy_of_shared_common_words_is_minor(text, tl):
    found = _tq512(text, tl)
    assert [f.severity for f in found] == [Severity.MINOR], text
    assert "probably not translated" in found[0].message


@pytest.mark.parametrize("text,tl", [
    ("Python Enhancement Proposals", "de"), ("Administration", "de"), ("Hindi", "fr"), ("Tatar", "fr"),
    ("Text Filter", "de"), ("Model name", "en"),
])
def test_shared_words_names_and_single_words_stay_silent(text, tl):
    assert not _tq512(text, tl), text


# -- TQ511 / TQ518 in an aligned document: the translator cuts sentences otherwise ----------------------
def _doc_hits(code, src_lines, tgt_lines, sl="de", tl="fr", paragraphs=None):
    """Findings of ``code`` over sentences linked one to one in order, as an aligned document
    (no aligner: the beads are given, and nothing marks the pairs as matched by row)."""
    from tqcheck.align.base import Bead
    from tqcheck.checks.base import REGISTRY, CheckContext
    from tqcheck.document import Document, Sentence

    def doc(lines, lang):
        sents, pos = [], 0
        for k, line in enumerate(lines):
            para = paragraphs[k] if paragraphs else 0
            sents.append(Sentence(k, line, para, pos, pos + len(line), k + 1))
            pos += len(line) + 1
        return Document(text="\n".join(lines), lang=lang, sentences=sents)

    ctx = CheckContext(source=doc(src_lines, sl), target=doc(tgt_lines, tl),
                       beads=[Bead((k,), (k,), 1.0) for k in range(len(src_lines))], src_lang=sl, tgt_lang=tl)
    return [(p.index, f.message) for p in ctx.pairs() for f in REGISTRY[code].func(p, ctx)]


JOINED_SRC = ["Ich erinnere mich auch , warum ich mein Versprechen nicht gehalten habe .",
              "Kaum zurück im Alltag , musste ich mich um anderes kümmern .",
              "Hast du die Karte eingepackt ?",
              "Wir brachen um sechs Uhr auf ."]
JOINED_TGT = ["Je me souviens aussi pourquoi je n' ai pas tenu ma promesse :",
              "repris par les soucis quotidiens , j' ai dû m' occuper d' autre chose .",
              "Tu as pris la carte .",
              "nous sommes partis à six heures ."]


def test_document_end_punctuation_reports_a_changed_function_not_a_sentence_cut():
    """In a document a colon for a full stop joins two sentences (the translation goes on in
    the next one): a choice, not an error. A question made a statement is still reported."""
    got = _doc_hits("TQ511", JOINED_SRC, JOINED_TGT)
    assert got == [(2, "The source ends with a question mark, the translation with a full stop.")]
    # the same rows in a localization file: every mark counts
    assert flags("TQ511", JOINED_SRC[0], JOINED_TGT[0], "de", "fr")


def test_document_capital_is_not_required_after_a_colon():
    """The translation's second sentence continues the first (after its colon): its small
    letter is right. The fourth starts a sentence after a full stop: its small letter is not."""
    got = _doc_hits("TQ518", JOINED_SRC, JOINED_TGT)
    assert [k for k, _ in got] == [3]
    # after a heading without a stop in a paragraph of its own, a small letter is an error too
    heading_src = ["Der Aufbruch", "Wir brachen um sechs Uhr auf ."]
    heading_tgt = ["Le départ", "nous sommes partis à six heures ."]
    assert [k for k, _ in _doc_hits("TQ518", heading_src, heading_tgt, paragraphs=[0, 1])] == [1]
    # in a localization file the second entry is reported alone
    assert flags("TQ518", JOINED_SRC[1], JOINED_TGT[1], "de", "fr")


def test_document_small_source_and_capital_translation_is_no_finding():
    """A source sentence that starts small goes on from its sentence before (cut otherwise); a
    translation that starts it with a capital is right. In a localization file it is reported."""
    src = ["Wir warteten lange :", "dann kam der Bus ."]
    tgt = ["Nous avons attendu longtemps .", "Puis le bus est arrivé ."]
    assert _doc_hits("TQ518", src, tgt) == []
    assert flags("TQ518", "save the file", "Enregistrer le fichier", "en", "fr")
