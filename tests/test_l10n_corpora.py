"""The real localization files of ../shared/corpora: every file loads with its languages and
entry counts (the corpus README's table), the known real defects are found, pofilter's measured
weaknesses are not shared, and defects injected into copies (in tmp_path) are found on the right
entry."""
import shutil
from functools import lru_cache

import pytest

from tqcheck.findings import Severity
from tqcheck.io.l10n import check_units, load, sniff

from conftest import SHARED, need_shared

C = "corpora"
DJ = (C, "po", "django", "django", "conf", "locale")
ADMIN = (C, "po", "django", "django", "contrib", "admin", "locale")
SYM = (C, "xliff", "symfony", "src", "Symfony", "Component")
VAL = SYM + ("Validator", "Resources", "translations")
FIX = SYM + ("Translation", "Tests", "Fixtures")
PB = (C, "json", "privacybadger", "src", "_locales")
EX = (C, "json", "excalidraw", "packages", "excalidraw", "locales")

# (path parts, format, source language, target language, entries) — the README's table
TABLE = [
    (DJ + ("tr", "LC_MESSAGES", "django.po"), "po", "en", "tr", 348),
    (DJ + ("de", "LC_MESSAGES", "django.po"), "po", "en", "de", 348),
    (DJ + ("pl", "LC_MESSAGES", "django.po"), "po", "en", "pl", 348),
    (DJ + ("fr", "LC_MESSAGES", "django.po"), "po", "en", "fr", 348),
    (DJ + ("ru", "LC_MESSAGES", "django.po"), "po", "en", "ru", 348),
    (DJ + ("ja", "LC_MESSAGES", "django.po"), "po", "en", "ja", 348),
    (ADMIN + ("tr", "LC_MESSAGES", "django.po"), "po", "en", "tr", 200),
    (ADMIN + ("de", "LC_MESSAGES", "django.po"), "po", "en", "de", 200),
    ((C, "po", "sphinx", "sphinx", "locale", "tr", "LC_MESSAGES", "sphinx.po"), "po", "en", "tr", 869),
    ((C, "po", "sphinx", "sphinx", "locale", "de", "LC_MESSAGES", "sphinx.po"), "po", "en", "de", 869),
    (VAL + ("validators.tr.xlf",), "xliff1", "en", "tr", 116),
    (VAL + ("validators.de.xlf",), "xliff1", "en", "de", 116),
    (VAL + ("validators.fr.xlf",), "xliff1", "en", "fr", 116),
    (VAL + ("validators.en.xlf",), "xliff1", "en", "en", 116),
    (FIX + ("resources-2.0.xlf",), "xliff2", "en", "ja", 3),
    (FIX + ("resources-2.0-clean.xlf",), "xliff2", "fr", "en", 4),
    (PB + ("en_US", "messages.json"), "chrome-json", "en", "en", 178),
    (PB + ("tr", "messages.json"), "chrome-json", "en", "tr", 178),
    (PB + ("de", "messages.json"), "chrome-json", "en", "de", 178),
    (EX + ("en.json",), "json", "en", "en", 610),
    (EX + ("tr-TR.json",), "json", "en", "tr", 606),
    (EX + ("de-DE.json",), "json", "en", "de", 606),
]


def test_table_covers_every_corpus_file():
    root = need_shared(C)
    files = {p.relative_to(SHARED) for p in root.rglob("*") if p.is_file() and p.name != "README.md"}
    from pathlib import PurePath

    assert files == {PurePath(*t[0]) for t in TABLE}


@pytest.mark.parametrize("parts,fmt,sl,tl,entries", TABLE, ids=[t[0][-1] + ":" + t[3] for t in TABLE])
def test_every_file_loads(parts, fmt, sl, tl, entries):
    p = str(need_shared(*parts))
    assert sniff(p) == fmt
    uf = load(p)
    assert (uf.format, uf.src_lang, uf.tgt_lang) == (fmt, sl, tl)
    present = [u for u in uf.units if u.target_line is not None and "obsolete" not in u.flags]
    assert len(present) == entries
    assert all(u.source_line for u in uf.units if not uf.source_missing)


@lru_cache(maxsize=None)
def report(parts, select=("TQ5",)):
    return check_units(load(str(need_shared(*parts))), select=list(select))


def found(r, code, entry=None):
    return [f for f in r.findings if f.rule == code and f.severity != Severity.INFO
            and (entry is None or f.entry == entry)]


# -- real defects of the corpus ---------------------------------------------------------------------------
def test_real_defects_are_found():
    fr = report(DJ + ("fr", "LC_MESSAGES", "django.po"))
    f = found(fr, "TQ519")
    assert len(f) == 1 and "nplurals=2" in f[0].message and f[0].target_line == 24
    tr = report(VAL + ("validators.tr.xlf",))
    assert {f.entry for f in found(tr, "TQ514")} == {str(i) for i in (37, 51, 59, 81, 83, 112, 113,
                                                                       114, 115, 116, 117, 118, 119)}
    ch = found(tr, "TQ503")
    assert [(f.entry, f.source_excerpt, f.target_excerpt) for f in ch] == [
        ("84", "{{ compared_value }}", "{{ compare_value }}")]
    ex = report(EX + ("tr-TR.json",))
    missing = [f for f in found(ex, "TQ513") if "no entry for this key" in f.message]
    assert len(missing) == 4 and all(f.target_line is None and f.source_line for f in missing)
    # the line is the source file's: the message names the translation file that lacks the key
    assert all("The translation file (tr-TR.json) has no entry" in f.message for f in missing)
    pb = report(PB + ("tr", "messages.json"))
    assert {"popup_first_run_header", "popup_review_pb"} <= {f.entry for f in found(pb, "TQ512")}
    sphinx = report((C, "po", "sphinx", "sphinx", "locale", "de", "LC_MESSAGES", "sphinx.po"))
    assert len(found(sphinx, "TQ513")) == 699


def test_source_language_file_is_quiet():
    for parts in (VAL + ("validators.en.xlf",), PB + ("en_US", "messages.json"), EX + ("en.json",)):
        r = report(parts)
        assert not [f for f in r.findings if f.severity != Severity.INFO], parts


def test_xliff20_is_checked_not_passed():
    r = report(FIX + ("resources-2.0-clean.xlf",))
    assert [f.entry for f in found(r, "TQ513")] == ["pL305WR"]


# -- pofilter's weaknesses, not shared ------------------------------------------------------------------------
def test_no_capitalisation_findings_for_japanese():
    assert not found(report(DJ + ("ja", "LC_MESSAGES", "django.po")), "TQ518")


@pytest.mark.parametrize("parts", [DJ + ("tr", "LC_MESSAGES", "django.po"), ADMIN + ("tr", "LC_MESSAGES", "django.po"),
                                   VAL + ("validators.tr.xlf",)])
def test_turkish_word_order_moves_placeholders_freely(parts):
    r = report(parts)
    assert not found(r, "TQ501") and not found(r, "TQ502") and not found(r, "TQ504")


def test_symfony_unapproved_units_are_not_unfinished():
    for lang in ("de", "fr"):
        assert not found(report(VAL + (f"validators.{lang}.xlf",)), "TQ514")


def test_polish_quotes_and_eg_are_fine():
    pl = report(DJ + ("pl", "LC_MESSAGES", "django.po"))
    uf = load(str(need_shared(*DJ, "pl", "LC_MESSAGES", "django.po")))
    quoted = {u.id for u in uf.units if "„" in (u.target or "")}
    assert len(quoted) >= 5
    assert not [f for f in pl.findings if f.entry in quoted and f.rule in ("TQ506", "TQ507", "TQ511", "TQ518")]
    de = report(DJ + ("de", "LC_MESSAGES", "django.po"))
    eg = [u.id for u in load(str(need_shared(*DJ, "de", "LC_MESSAGES", "django.po"))).units if "e.g." in u.source]
    assert eg and not [f for f in de.findings if f.entry in eg and f.rule == "TQ511"]


def test_major_findings_on_clean_files_are_few():
    """The TQ5 rules raise few major alarms on these (mostly good) files."""
    total = 0
    for parts, *_ in TABLE:
        total += len([f for f in report(parts).findings if f.severity == Severity.MAJOR
                      and f.rule not in ("TQ512",)])
    assert total <= 5, total


# -- injected defects ----------------------------------------------------------------------------------------------
def copy(tmp_path, parts, edits):
    src = need_shared(*parts)
    rel = parts[-4:] if parts[-2] == "LC_MESSAGES" else parts[-1:]
    dst = tmp_path.joinpath(*rel)
    dst.parent.mkdir(parents=True, exist_ok=True)
    text = src.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    dst.write_text(text, encoding="utf-8")
    return str(dst)


def test_injected_into_django_po(tmp_path):
    edits = [
        ('msgstr "“%(value)s” değeri ya True ya da False olmak zorundadır."',
         'msgstr "değer ya True ya da False olmak zorundadır."'),                      # dropped placeholder
        ('msgstr "Geçerli bir URL girin."', 'msgstr "Enter a valid URL."'),          # untranslated
        ('msgstr "Bu sayfa numarası 1’den az"', 'msgstr "Bu sayfa numarası 2’den az"'),  # number
        ('yayım notlarını</"\n"a> göster"', 'yayım notlarını göster"'),              # broken tag
        ('msgstr "Geçerli bir tarih/saat girin."', 'msgstr "Geçerli bir tarih/saat girin"'),  # punctuation
        ('msgstr "Geçerli bir e-posta adresi girin."',
         'msgstr "Bitte geben Sie hier eine gültige E-Mail-Adresse für Ihr Konto ein."'),  # wrong language
    ]
    p = copy(tmp_path, DJ + ("tr", "LC_MESSAGES", "django.po"), edits)
    r = check_units(load(p), select=["TQ5", "TQ201", "TQ401", "TQ402"])
    want = {
        "TQ501": "“%(value)s” value must be either True or False.",
        "TQ512": "Enter a valid URL.",
        "TQ201": "That page number is less than 1",
        "TQ506": ('View <a href="https://docs.djangoproject.com/en/%(version)s/releases/" target="_blank" '
                  'rel="noopener">release notes</a> for Django %(version)s'),
        "TQ511": "Enter a valid date/time.",
        "TQ401": "Enter a valid email address.",
    }
    for code, entry in want.items():
        assert found(r, code, entry), (code, [(f.rule, f.entry) for f in r.findings])
    f = found(r, "TQ512", "Enter a valid URL.")[0]
    assert f.file == p and f.target_line == f.source_line + 1


def test_injected_into_symfony_xliff_and_excalidraw_json(tmp_path):
    x = copy(tmp_path, VAL + ("validators.tr.xlf",), [
        ("<target>En az {{ limit }} seçenek belirtmelisiniz.</target>",
         "<target> En az seçenek belirtmelisiniz.</target>")])
    r = check_units(load(x), select=["TQ5"])
    assert found(r, "TQ501", "6") and found(r, "TQ510", "6")
    en = need_shared(*EX, "en.json")
    shutil.copy(en, tmp_path / "en.json")
    j = copy(tmp_path, EX + ("tr-TR.json",), [
        ("<bold>Metin Öğelerinin</bold> kırılmasına", "<bold>Metin Öğelerinin kırılmasına"),
        ("Aramayı kapatmak için {{shortcut}} kullanın", "Aramayı kapatmak için {{kisayol}} kullanın")])
    r = check_units(load(j), select=["TQ5"])
    assert found(r, "TQ506", "errors.brave_measure_text_error.line2")
    assert found(r, "TQ507", "errors.brave_measure_text_error.line2")
    assert found(r, "TQ503", "hints.dismissSearch")
