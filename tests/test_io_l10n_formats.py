"""Readers of localization files: every format parsed with its ids, lines, plurals,
languages; malformed and hostile files give one-line InputErrors with the line."""
import codecs
import textwrap

import pytest

from tqcheck.errors import InputError
from tqcheck.io.l10n import find_source, load, sniff
from tqcheck.io.l10n.base import lang_from_path

from conftest import need_shared


def write(tmp_path, rel, text, encoding="utf-8"):
    p = tmp_path / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(p)


def line_of(path, needle):
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


# -- gettext PO ---------------------------------------------------------------------------------------
def test_po_django_tr_ids_lines_plurals():
    p = str(need_shared("corpora", "po", "django", "django", "conf", "locale", "tr", "LC_MESSAGES", "django.po"))
    uf = load(p)
    assert (uf.format, uf.src_lang, uf.tgt_lang, uf.plural_count) == ("po", "en", "tr", 2)
    assert len(uf.units) == 348
    by_id = {u.id: u for u in uf.units}
    u = by_id["Uzbek"]
    assert u.target == "\u200eÖzbekçe"
    assert u.source_line == line_of(p, 'msgid "Uzbek"') and u.target_line == u.source_line + 1
    jan = by_id["abbrev. month\x04Jan."]
    assert jan.context == "abbrev. month" and jan.target == "Oca."
    plural = [u for u in uf.units if u.plurals]
    assert plural and all(len(u.plurals) == 2 for u in plural)
    first = plural[0]
    assert "python-format" in first.flags and first.source_plural.endswith("characters (it has %(show_value)d).")
    # multi-line strings start on the line after 'msgstr[1] ""'
    assert first.plural_lines[1] == line_of(p, 'msgstr[1] ""') + 1


@pytest.mark.parametrize("lang,nplurals,forms", [("fr", 2, 3), ("pl", 4, 4), ("ja", 1, 1), ("ru", 4, 4)])
def test_po_plural_header_and_forms(lang, nplurals, forms):
    p = need_shared("corpora", "po", "django", "django", "conf", "locale", lang, "LC_MESSAGES", "django.po")
    uf = load(str(p))
    assert uf.tgt_lang == lang and uf.plural_count == nplurals
    assert {len(u.plurals) for u in uf.units if u.plurals} == {forms}


def test_po_escapes_obsolete_comments_and_lang_from_path(tmp_path):
    p = write(tmp_path, "locale/de/LC_MESSAGES/app.po", textwrap.dedent('''\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"

        # translator note
        #. developer note
        #, fuzzy, python-format, max-length:20
        msgid "Tab\\there \\"%s\\"\\n"
        msgstr "Tab\\thier \\"%s\\"\\n"

        #~ msgid "Old"
        #~ msgstr "Alt"
        '''))
    uf = load(p)
    assert uf.tgt_lang == "de"  # no Language header: from locale/de/LC_MESSAGES
    u, old = uf.units
    assert u.source == 'Tab\there "%s"\n' and u.target == 'Tab\thier "%s"\n'
    assert u.notes == ["translator note", "developer note"]
    assert {"fuzzy", "python-format"} <= u.flags and u.max_length == 20
    assert (u.source_line, u.target_line) == (8, 9)
    assert "obsolete" in old.flags and old.target == "Alt"


@pytest.mark.parametrize("body,line,what", [
    ('msgid "a"\nmsgstr "b\n', 2, "quoted string"),
    ('msgid "a"\nmsgstr "b"\n"c" x\n', 3, "quoted string"),
    ('msgstr "b"\n', 1, "before msgid"),
    ('msgid "a"\nmsgid "b"\nmsgstr ""\n', 1, "no msgstr"),
    ('msgid "a"\nfoo "b"\n', 2, "unexpected text"),
    ('msgid "a\\q"\nmsgstr ""\n', 1, "unknown escape"),
])
def test_po_malformed_names_the_line(tmp_path, body, line, what):
    p = write(tmp_path, "bad.po", body)
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.line == line and what in str(e.value) and "bad.po" in str(e.value)


# -- XLIFF ----------------------------------------------------------------------------------------
def test_xliff12_symfony_tr_states_not_approval():
    p = need_shared("corpora", "xliff", "symfony", "src", "Symfony", "Component", "Validator", "Resources",
                    "translations", "validators.tr.xlf")
    uf = load(str(p))
    assert (uf.format, uf.src_lang, uf.tgt_lang, len(uf.units)) == ("xliff1", "en", "tr", 116)
    review = [u for u in uf.units if "needs-review" in u.flags]
    todo = [u for u in uf.units if "needs-translation" in u.flags]
    assert (len(review), len(todo)) == (7, 6)
    assert not any("approved" in u.flags for u in uf.units)
    u = uf.units[0]
    assert u.id == "1" and u.target_line == line_of(str(p), "Bu değer olumsuz olmalıdır.")


def test_xliff20_both_fixtures():
    base = ("corpora", "xliff", "symfony", "src", "Symfony", "Component", "Translation", "Tests", "Fixtures")
    uf = load(str(need_shared(*base, "resources-2.0.xlf")))
    assert (uf.format, uf.src_lang, uf.tgt_lang, len(uf.units)) == ("xliff2", "en", "ja", 3)
    assert uf.units[1].target == "XLIFF 文書を編集、または処理 するアプリケーションです。"
    clean = load(str(need_shared(*base, "resources-2.0-clean.xlf")))
    assert (clean.src_lang, clean.tgt_lang, len(clean.units)) == ("fr", "en", 4)
    by = {u.id: u for u in clean.units}
    assert by["pL305WR"].target == "" and by["FrtCNPU"].target == "<source> & <target>"
    assert by["ea75LoN"].context == "foo"


def test_xliff_whitespace_inline_tags_notes_maxwidth(tmp_path):
    p = write(tmp_path, "m.xlf", textwrap.dedent('''\
        <?xml version="1.0"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
         <file source-language="en-US" target-language="pl-PL" datatype="plaintext" original="x">
          <body>
           <trans-unit id="a" maxwidth="12" size-unit="char" approved="no">
            <source> Click <g id="1">here</g><x id="2"/> </source>
            <target state="translated">Kliknij <g id="1">tutaj</g><x id="2"/></target>
            <note>button</note>
           </trans-unit>
           <trans-unit id="b" translate="no"><source>skip</source></trans-unit>
           <trans-unit id="c"><source>Bold <ph id="1">&lt;b&gt;</ph></source>
            <alt-trans><target>old</target></alt-trans></trans-unit>
          </body>
         </file>
        </xliff>'''))
    assert sniff(p) == "xliff1"
    uf = load(p)
    assert (uf.src_lang, uf.tgt_lang) == ("en", "pl")
    a, c = uf.units
    assert a.source == ' Click <g id="1">here</g><x id="2"/> '
    assert a.target == 'Kliknij <g id="1">tutaj</g><x id="2"/>'
    assert a.notes == ["button"] and a.max_length == 12 and not a.flags & {"fuzzy", "needs-review"}
    assert (a.source_line, a.target_line) == (6, 7)
    assert c.source == 'Bold <ph id="1">&lt;b&gt;</ph>' and c.target is None  # alt-trans is no target


def test_xliff20_segments_notes_states(tmp_path):
    p = write(tmp_path, "x2.xlf", textwrap.dedent('''\
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="tr">
         <file id="f">
          <unit id="u1"><notes><note>menu</note></notes>
           <segment state="initial"><source>Open </source><target>Aç </target></segment>
           <ignorable><source>  </source></ignorable>
           <segment><source>file</source><target>dosya</target></segment>
          </unit>
          <unit id="u2"><segment><source>Close</source></segment></unit>
         </file>
        </xliff>'''))
    uf = load(p)
    u1, u2 = uf.units
    assert u1.source == "Open   file" and u1.target == "Aç   dosya" and u1.notes == ["menu"]
    assert "needs-review" in u1.flags
    assert u2.target is None


BILLION_LAUGHS = '''<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff version="1.2"><file source-language="en" target-language="de"><body>
<trans-unit id="1"><source>&lol3;</source><target>x</target></trans-unit></body></file></xliff>'''

XXE = '''<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<resources><string name="a">&xxe;</string></resources>'''


@pytest.mark.parametrize("name,text", [("bomb.xlf", BILLION_LAUGHS), ("values-de/strings.xml", XXE),
                                       ("t.tmx", XXE.replace("resources", "tmx"))])
def test_hostile_xml_is_refused(tmp_path, name, text):
    p = write(tmp_path, name, text)
    with pytest.raises(InputError) as e:
        load(p)
    msg = str(e.value)
    assert "entity" in msg and "refused" in msg and e.value.line in (2, 3)
    assert "/etc/passwd" not in msg or "refused" in msg


def test_malformed_xml_names_line(tmp_path):
    p = write(tmp_path, "m.xlf", '<xliff version="1.2">\n<file>\n<body>\n</file>\n</xliff>\n')
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.line == 4 and "malformed XML" in str(e.value)


# -- TMX, CSV -----------------------------------------------------------------------------------------
def test_tmx(tmp_path):
    p = write(tmp_path, "mem.tmx", textwrap.dedent('''\
        <tmx version="1.4"><header srclang="en-US" segtype="sentence" o-tmf="x" adminlang="en"
          datatype="plaintext" creationtool="t" creationtoolversion="1"/>
        <body>
          <tu tuid="7"><tuv xml:lang="en-US"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept></seg></tuv>
            <tuv xml:lang="ru-RU"><seg>Привет, мир</seg></tuv></tu>
          <tu><tuv xml:lang="en-US"><seg>Bye</seg></tuv></tu>
        </body></tmx>'''))
    assert sniff(p) == "tmx"
    uf = load(p)
    assert (uf.src_lang, uf.tgt_lang, len(uf.units)) == ("en", "ru", 2)
    a, b = uf.units
    assert a.id == "7" and a.source.startswith("Hello <bpt") and a.target == "Привет, мир"
    assert a.source_line == 4 and a.target_line == 5 and b.target is None


def test_csv_and_tsv(tmp_path):
    p = write(tmp_path, "strings.csv", 'key,en,de,comment\nsave,Save,Speichern,button\n'
                                       'multi,"Line one\nline two","Zeile eins\nZeile zwei",\nempty,Close,,\n')
    assert sniff(p) == "csv"
    uf = load(p)
    assert (uf.src_lang, uf.tgt_lang) == ("en", "de")
    assert [u.id for u in uf.units] == ["save", "multi", "empty"]
    assert [u.source_line for u in uf.units] == [2, 3, 6]  # two cells of row 3 span two lines each
    assert uf.units[0].notes == ["button"] and uf.units[2].target == ""
    t = write(tmp_path, "x.tsv", "source\ttarget\tfuzzy\nOpen\tÖffnen\tyes\n")
    u = load(t, tgt_lang="de").units[0]
    assert (u.source, u.target, "fuzzy" in u.flags) == ("Open", "Öffnen", True)
    bad = write(tmp_path, "bad.csv", 'source,target\n"unterminated,x\n')
    with pytest.raises(InputError) as e:
        load(bad)
    assert e.value.line is not None and "CSV" in str(e.value)


# -- JSON ------------------------------------------------------------------------------------------
def test_excalidraw_nested_json_paired_with_en():
    p = str(need_shared("corpora", "json", "excalidraw", "packages", "excalidraw", "locales", "tr-TR.json"))
    assert sniff(p) == "json"
    assert find_source(p).endswith("en.json")
    uf = load(p)
    assert (uf.format, uf.src_lang, uf.tgt_lang) == ("json", "en", "tr")
    assert len(uf.units) == 610 and sum(1 for u in uf.units if u.target_line) == 606
    missing = [u for u in uf.units if u.target is None]
    assert len(missing) == 4
    by = {u.id: u for u in uf.units}
    u = by["labels.paste"]
    assert u.target_line == line_of(p, '"paste":') and u.source_line is not None


def test_chrome_messages_json():
    p = str(need_shared("corpora", "json", "privacybadger", "src", "_locales", "tr", "messages.json"))
    assert sniff(p) == "chrome-json"
    assert find_source(p).replace("\\", "/").endswith("_locales/en_US/messages.json")
    uf = load(p)
    assert (uf.format, uf.src_lang, uf.tgt_lang, len(uf.units)) == ("chrome-json", "en", "tr", 178)
    d = {u.id: u for u in uf.units}["description"]
    assert d.max_length == 132 and "LIMITED TO 132 CHARACTERS" in d.notes[0]
    assert d.target_line == line_of(p, '"description": {') + 1


def test_i18next_plurals_and_arrays(tmp_path):
    write(tmp_path, "locales/en/common.json",
          '{"files_one": "{{count}} file", "files_other": "{{count}} files", "list": ["a", "b"],\n'
          ' "menu": {"open": "Open"}}')
    p = write(tmp_path, "locales/ru/common.json",
              '{"files_one": "{{count}} файл", "files_few": "{{count}} файла",\n'
              ' "files_many": "{{count}} файлов", "list": ["а", "б"], "menu": {"open": "Открыть"},\n'
              ' "stale": "x"}')
    uf = load(p)
    assert uf.src_lang == "en" and uf.tgt_lang == "ru"
    by = {u.id: u for u in uf.units}
    f = by["files"]
    assert f.plural_tags == ["one", "few", "many"] and f.source_plural == "{{count}} files"
    assert f.plural_lines == [1, 1, 2]
    assert by["list[1]"].target == "б" and by["menu.open"].target == "Открыть"
    assert [k for k, _ in uf.extra_keys] == ["stale"]


@pytest.mark.parametrize("text,line", [('{"a": "b",}', 1), ('{\n"a": "b"\n"c": "d"}', 3), ('{"a": "b', 1)])
def test_json_malformed(tmp_path, text, line):
    p = write(tmp_path, "de.json", text)
    with pytest.raises(InputError) as e:
        load(p)
    assert e.value.line == line and "JSON" in str(e.value)


# -- YAML, properties, Android, Apple -----------------------------------------------------------------
def test_rails_yaml(tmp_path):
    write(tmp_path, "config/locales/en.yml", "en:\n  greet: Hello %{name}\n  apples:\n    one: one apple\n"
                                            "    other: '%{count} apples'\n")
    p = write(tmp_path, "config/locales/pl.yml",
              "pl:\n  greet: Cześć %{name}\n  apples:\n    one: jedno jabłko\n    few: '%{count} jabłka'\n"
              "    many: '%{count} jabłek'\n    other: '%{count} jabłka'\n  note: |\n    two\n    lines\n")
    assert sniff(p) == "yaml"
    uf = load(p)
    assert (uf.src_lang, uf.tgt_lang) == ("en", "pl")
    by = {u.id: u for u in uf.units}
    assert by["greet"].target == "Cześć %{name}" and by["greet"].target_line == 2
    assert by["apples"].plural_tags == ["one", "few", "many", "other"]
    assert [k for k, _ in uf.extra_keys] == ["note"]


def test_yaml_alias_bomb_and_malformed(tmp_path):
    bomb = "de:\n  a: &a ['x','x','x','x','x','x','x','x','x','x']\n"
    for i in range(1, 8):
        prev = "a" if i == 1 else f"b{i - 1}"
        bomb += f"  b{i}: &b{i} [" + ",".join([f"*{prev}"] * 10) + "]\n"
    p = write(tmp_path, "de.yml", bomb)
    with pytest.raises(InputError) as e:
        load(p)
    assert "too many" in str(e.value)
    bad = write(tmp_path, "fr.yml", "fr:\n  a: [1,\n  b: c\n")
    with pytest.raises(InputError) as e:
        load(bad)
    assert e.value.line is not None and "YAML" in str(e.value)


def test_properties(tmp_path):
    write(tmp_path, "messages.properties", "# greeting\nhello=Hello {0}\nlong = one \\\n    two\nuni=caf\\u00e9\n")
    p = write(tmp_path, "messages_tr.properties", "hello=Merhaba {0}\nlong: bir \\\n  iki\nuni caf\\u00e9\n")
    assert sniff(p) == "properties" and sniff(str(tmp_path / "messages.properties")) == "properties"
    assert find_source(p).endswith("messages.properties")
    uf = load(p)
    assert uf.tgt_lang == "tr"
    by = {u.id: u for u in uf.units}
    assert by["hello"].notes == ["greeting"] and by["long"].target == "bir iki"
    assert by["long"].source == "one two" and by["uni"].target == "café" and by["uni"].target_line == 4


def test_android_strings(tmp_path):
    write(tmp_path, "res/values/strings.xml", textwrap.dedent('''\
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
          <!-- shown on the button -->
          <string name="save">Save <xliff:g id="n">%1$s</xliff:g></string>
          <string name="app" translatable="false">App</string>
          <plurals name="files"><item quantity="one">%d file</item><item quantity="other">%d files</item></plurals>
          <string-array name="days"><item>Mon</item><item>Tue</item></string-array>
        </resources>'''))
    p = write(tmp_path, "res/values-b+sr+Latn/strings.xml", textwrap.dedent('''\
        <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
          <string name="save">Sačuvaj <xliff:g id="n">%1$s</xliff:g></string>
          <plurals name="files">
            <item quantity="one">%d datoteka</item>
            <item quantity="few">%d datoteke</item>
            <item quantity="other">%d datoteka</item>
          </plurals>
          <string-array name="days"><item>pon</item><item>uto</item></string-array>
        </resources>'''))
    assert sniff(p) == "android"
    uf = load(p)
    assert uf.tgt_lang == "sr" and uf.src_lang in (None, "en")  # too little text to tell
    assert load(p, src_lang="en").src_lang == "en"
    by = {u.id: u for u in uf.units}
    assert set(by) == {"save", "files", "days[0]", "days[1]"}
    assert by["save"].notes == ["shown on the button"] and by["save"].target == 'Sačuvaj <g id="n">%1$s</g>'
    assert by["files"].plural_tags == ["one", "few", "other"] and by["files"].plural_lines == [4, 5, 6]
    assert by["days[1]"].target == "uto"


def test_apple_strings_utf16(tmp_path):
    src = '/* Title */\n"title" = "Settings";\n"msg" = "Say \\"hi\\"\\n";\n'
    write(tmp_path, "en.lproj/Localizable.strings", codecs.BOM_UTF16_LE + src.encode("utf-16-le"))
    tgt = '/* Title */\n"title" = "Ayarlar";\n\n"msg" = "\\"Merhaba\\" de\\n";\n'
    p = write(tmp_path, "tr.lproj/Localizable.strings", codecs.BOM_UTF16_LE + tgt.encode("utf-16-le"))
    uf = load(p)
    assert (uf.format, uf.src_lang, uf.tgt_lang) == ("apple-strings", "en", "tr")
    t, m = uf.units
    assert t.notes == ["Title"] and t.target == "Ayarlar" and m.target == '"Merhaba" de\n'
    assert m.target_line == 4
    bad = write(tmp_path, "de.lproj/Localizable.strings", '"a" = "b"\n"c" = "d";\n')
    with pytest.raises(InputError) as e:
        load(bad)
    assert e.value.line == 2


# -- sniffing, languages, sources ----------------------------------------------------------------------
def test_sniff_refuses_non_localization_files(tmp_path):
    assert sniff(write(tmp_path, "package.json", '{"name": "x", "version": "1.0"}')) is None
    assert sniff(write(tmp_path, "pom.xml", "<project><a/></project>")) is None
    assert sniff(write(tmp_path, "config.yaml", "debug: true\n")) is None
    assert sniff(write(tmp_path, "application.properties", "a=b\n")) is None
    assert sniff(write(tmp_path, "notes.txt", "hello")) is None
    assert sniff(write(tmp_path, "x2.xliff", '<xliff version="2.0" srcLang="en"/>')) == "xliff2"
    with pytest.raises(InputError):
        load(str(tmp_path / "package.json"))


@pytest.mark.parametrize("path,lang", [
    ("locale/tr/LC_MESSAGES/django.po", "tr"), ("validators.tr.xlf", "tr"), ("tr-TR.json", "tr"),
    ("res/values-pt-rBR/strings.xml", "pt"), ("res/values-b+sr+Latn/strings.xml", "sr"),
    ("_locales/zh_CN/messages.json", "zh"), ("de.lproj/Localizable.strings", "de"),
    ("messages_pl.properties", "pl"), ("config/locales/ja.yml", "ja"), ("locales/ru/common.json", "ru"),
    ("res/values/strings.xml", None), ("package.json", None), ("src/app/main.json", None),
])
def test_lang_from_path(path, lang):
    assert lang_from_path(path) == lang


def test_find_source_android_and_none(tmp_path):
    write(tmp_path, "res/values/strings.xml", "<resources/>")
    p = write(tmp_path, "res/values-de/strings.xml", "<resources/>")
    assert find_source(p) == str(tmp_path / "res/values/strings.xml")
    assert find_source(str(tmp_path / "res/values/strings.xml")) is None
    lone = write(tmp_path, "x/fr.json", "{}")
    assert find_source(lone) is None
    uf = load(lone)
    assert uf.source_missing and uf.units == []


# -- properties ------------------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t"), max_size=40)


def _po_quote(s):
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    out = out.replace("\r", "\\r")
    return '"' + out + '"'


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_TEXT.filter(bool), _TEXT), min_size=1, max_size=5, unique_by=lambda p: p[0]))
def test_po_round_trip(tmp_path, pairs):
    body = 'msgid ""\nmsgstr "Language: tr\\n"\n\n' + "".join(
        f"msgid {_po_quote(s)}\nmsgstr {_po_quote(t)}\n\n" for s, t in pairs)
    p = write(tmp_path, "rt.po", body)
    uf = load(p)
    assert [(u.source, u.target) for u in uf.units] == pairs
    assert [u.source_line for u in uf.units] == [4 + 3 * i for i in range(len(pairs))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text("abcxyz", min_size=1, max_size=5),
                       st.one_of(_TEXT, st.dictionaries(st.text("pq", min_size=1, max_size=3), _TEXT,
                                                        max_size=3)), max_size=6))
def test_json_reader_agrees_with_json_module(tmp_path, data):
    import json

    p = write(tmp_path, "de.json", json.dumps(data, ensure_ascii=False, indent=1))
    uf = load(p, tgt_lang="de")
    want = {}
    for k, v in data.items():
        if isinstance(v, dict):
            want.update({f"{k}.{k2}": v2 for k2, v2 in v.items()})
        else:
            want[k] = v
    got = {}
    for u in uf.units:
        if u.plurals:  # "x_one"/"x_other" generated by chance form a plural family
            continue
        got[u.id] = u.target
    assert {k: v for k, v in want.items() if k in got} == got
