"""TQ40x language checks."""
import tqcheck
from tqcheck.findings import Severity


def test_wrong_language_sentence_in_german_target():
    src = ("The committee approved the new budget for next year. "
           "The members thanked the secretariat for its excellent work.")
    tgt = ("Der Ausschuss genehmigte den neuen Haushalt für das nächste Jahr. "
           "Les membres ont remercié le secrétariat pour son excellent travail.")
    r = tqcheck.check(src, tgt, "en", "de")
    f = [x for x in r.findings if x.rule == "TQ401"]
    assert len(f) == 1 and f[0].target_segment == 1 and "French" in f[0].message


def test_untranslated_sentence_left_in_source_language():
    src = ("The committee approved the new budget for next year. "
           "The members thanked the secretariat for its excellent work.")
    tgt = ("Komitet zatwierdził nowy budżet na przyszły rok. "
           "The members thanked the secretariat for their excellent work.")
    r = tqcheck.check(src, tgt, "en", "pl")
    f = [x for x in r.findings if x.rule == "TQ402"]
    assert len(f) == 1 and f[0].target_segment == 1 and f[0].severity == Severity.MAJOR


def test_names_and_short_segments_are_not_untranslated():
    src = "Kassym-Jomart Tokayev\n\nThank you.\n\nThe meeting is over."
    tgt = "Kassym-Jomart Tokayev\n\nDanke.\n\nDie Sitzung ist beendet."
    r = tqcheck.check(src, tgt, "en", "de")
    assert not [x for x in r.findings if x.rule.startswith("TQ40")], r.findings


def test_chinese_target_correct_language_is_quiet():
    src = "The meeting was held in Beijing. All members attended the meeting on time."
    tgt = "会议在北京举行。所有成员都按时出席了会议。"
    r = tqcheck.check(src, tgt, "en", "zh")
    assert not [x for x in r.findings if x.rule.startswith("TQ40")], r.findings


def test_unknown_target_language_is_said_once():
    src = "The committee approved the new budget. The members thanked the secretariat."
    tgt = "Komiteti buxhetin e ri e miratoi. Anëtarët falënderuan sekretariatin."
    r = tqcheck.check(src, tgt, "en", "xx")
    notes = [x for x in r.findings if x.rule == "TQ401" and x.severity == Severity.INFO]
    assert len(notes) == 1


# -- cheap evidence first: script, word frequencies, then langdetect ------------------------------------
import pytest  # noqa: E402

from tqcheck.lang.detect import judge_language, usual_scripts  # noqa: E402


def test_usual_scripts_from_cldr():
    assert usual_scripts("ru") == ("Cyrl",)
    assert set(usual_scripts("ja")) == {"Hani", "Hira", "Kana"}
    assert "Latn" in usual_scripts("sr")  # CLDR has sr_Latn
    assert usual_scripts("de") == ("Latn",)


@pytest.mark.parametrize("text,expected,lang", [
    ("Установка прошла успешно! Поздравляем!", "de", "ru"),
    ("つながり、助け合い、貢献しよう", "fr", None),
    ("Wpisz poprawną godzinę.", "ja", "pl"),
    ("Saisissez une heure valide.", "ru", "fr"),
    ("Dieser Wert muss größer oder gleich sein.", "tr", "de"),
    ("Gezinti öğelerini süz", "de", "tr"),
    ("Ce champ est obligatoire.", "pl", "fr"),
    ("Nullzeichen sind nicht erlaubt.", "ru", "de"),
    ("这个值应该是有效的表达式。", "ru", None),
])
def test_wrong_language_is_judged(text, expected, lang):
    v = judge_language(text, expected)
    assert v is not None, text
    if lang:
        assert v.lang == lang, v


@pytest.mark.parametrize("text,expected", [
    ("Die Installation war erfolgreich. Herzlichen Glückwunsch!", "de"),
    ("Начало работы с Django", "ru"),
    ("Pierwsze kroki z Django", "pl"),
    ("Erste Schritte mit Django", "de"),
    ("Ce champ est obligatoire.", "fr"),
    ("Bu alan zorunludur.", "tr"),
    ("Django 入門", "ja"),
    ("iPhone, iPad und Apple Watch", "de"),
    ("https://example.com/path/to/file.html", "fr"),
    ("Dieser Wert sollte false sein.", "de"),
    ("Windows Server Update Services", "pl"),
    ("IPv4 veya IPv6", "tr"),
    ("Date", "fr"),
    ("Microsoft SQL Server Management Studio", "ru"),
    ("这个值应该是有效的表达式。", "zh"),
])
def test_right_language_or_too_little_text_is_not_judged(text, expected):
    assert judge_language(text, expected) is None, judge_language(text, expected)


def test_langdetect_runs_only_on_evidence():
    from tqcheck.lang.detect import sentence_langs

    sentence_langs.cache_clear()
    judge_language.cache_clear()
    for t in ("Die Datei wurde erfolgreich gespeichert.", "Le fichier a été enregistré avec succès.",
              "Plik został pomyślnie zapisany.", "Файл успешно сохранён."):
        judge_language(t, {"D": "de", "L": "fr", "P": "pl", "Ф": "ru"}[t[0]])
    assert sentence_langs.cache_info().misses == 0


def test_wrong_language_entry_in_unit_file():
    from tqcheck.io.l10n import check_units
    from tqcheck.io.l10n.base import Unit, UnitFile

    units = [Unit(id="a", source="Enter a valid time.", target="Wpisz poprawną godzinę.", source_line=1, target_line=2),
             Unit(id="b", source="Page not found", target="Seite nicht gefunden", source_line=3, target_line=4),
             Unit(id="c", source="Get started with Django", target="Django の始め方", source_line=5, target_line=6)]
    r = check_units(UnitFile(path="x.po", format="po", src_lang="en", tgt_lang="ja", units=units))
    assert [f.entry for f in r.findings if f.rule == "TQ401"] == ["a", "b"]  # Polish, German in ja
    r = check_units(UnitFile(path="x.po", format="po", src_lang="en", tgt_lang="tr", units=units[1:2]))
    assert [f.entry for f in r.findings if f.rule == "TQ401"] == ["b"]


# -- Latin text in a language written in another script, when langdetect cannot name it --------------------
@pytest.mark.parametrize("text,lang", [
    ("Date hors limites", "ru"),                       # langdetect: English 0.71, Albanian 0.29
    ("Wartość „%(value)s” ma błędny format. Poprawny format to [DD] [HH:[MM:]]ss[.uuuuuu].", "ru"),
    ("Date hors limites", "ja"),
])
def test_latin_words_in_a_non_latin_language_are_judged_without_naming_a_language(text, lang):
    from tqcheck.lang.detect import judge_language

    v = judge_language(text, lang)
    assert v is not None and v.reason == "latin", text
    if v.lang is None:
        assert 0.6 <= v.prob <= 0.9


@pytest.mark.parametrize("text,lang", [
    ("Google Chrome Web Store", "ru"),   # names in capitals
    ("Python Enhancement Proposals", "ja"),
    ("%(size)s KB", "ru"),
    ("xyzzy plugh frobnicate", "ru"),    # Latin letters, but words of no language
])
def test_names_codes_and_non_words_in_latin_are_not_judged(text, lang):
    from tqcheck.lang.detect import judge_language

    assert judge_language(text, lang) is None, text


def test_wrong_language_entry_in_a_russian_po_file(tmp_path):
    from tqcheck.io.l10n import check_units, load

    po = tmp_path / "ru.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Date out of range"\nmsgstr "Date hors limites"\n\n'
                  'msgid "Enter a valid date."\nmsgstr "Введите правильную дату."\n', encoding="utf-8")
    rep = check_units(load(str(po), src_lang="en"))
    hits = [f for f in rep.findings if f.rule == "TQ401"]
    assert [f.entry for f in hits] == ["Date out of range"]
    assert "not Russian" in hits[0].message


# -- TQ402 on documents: copies made of names or shared words are not untranslated ---------------------------
@pytest.mark.parametrize("copied,sl,tl", [
    ("Nanga Parbat , Cho Oyu , Gasherbrum .", "de", "fr"),
    ("Albert Schmidt , Engi ( GL )", "de", "fr"),
    ("Vivant amici montium !", "de", "fr"),
])
def test_copied_names_and_shared_words_are_not_untranslated(copied, sl, tl):
    src = f"{copied}\nDer Berg ist sehr hoch und steil.\n"
    tgt = f"{copied}\nLa montagne est très haute et raide.\n"
    rep = tqcheck.check(src, tgt, sl, tl, select=["TQ402"], lines=True)
    assert [f for f in rep.findings if f.severity != Severity.INFO] == []


@pytest.mark.parametrize("copied,sl,tl", [
    ("Die Hütte war im Winter geschlossen.", "de", "fr"),
    ("Please read the terms and conditions carefully.", "en", "tr"),
])
def test_copied_ordinary_sentence_is_untranslated(copied, sl, tl):
    other = {"de": "Der Berg ist sehr hoch und steil.", "en": "The mountain is very high and steep."}[sl]
    other_t = {"fr": "La montagne est très haute et raide.", "tr": "Dağ çok yüksek ve diktir."}[tl]
    rep = tqcheck.check(f"{copied}\n{other}\n", f"{copied}\n{other_t}\n", sl, tl, select=["TQ402"], lines=True)
    assert [(f.rule, f.severity) for f in rep.findings] == [("TQ402", Severity.MAJOR)]


# -- TQ402 on documents: a reference made of names is not "still in the source language" ----------------------
@pytest.mark.parametrize("src_line,tgt_line,sl,tl", [
    ("Benno Schwabe 1935 ) .", "Benno Schwabe , Basel 1935 .", "de", "fr"),
    ("au sommet J.Marmet-E.Schmied , H.von Gunten-A.Reist .",
     "am Gipfel J.Marmet-E.Schmied , H. von Gunten-A.Reist .", "fr", "de"),
])
def test_names_in_a_reference_are_not_source_language(src_line, tgt_line, sl, tl):
    other = {"de": "Der Berg ist sehr hoch und steil.", "fr": "La montagne est très haute et raide."}
    rep = tqcheck.check(f"{src_line}\n{other[sl]}\n", f"{tgt_line}\n{other[tl]}\n", sl, tl,
                        select=["TQ402"], lines=True)
    assert [f for f in rep.findings if f.severity != Severity.INFO] == []


def test_sentence_with_source_function_words_is_still_untranslated():
    src = "Die neuen Jacken sind da.\nDer Berg ist sehr hoch und steil.\n"
    tgt = "die neuen Quattro-Interactive-Jacken von berghaus sind jetzt im Laden :\nLa montagne est très haute et raide.\n"
    rep = tqcheck.check(src, tgt, "de", "fr", select=["TQ402"], lines=True)
    assert [(f.rule, f.target_line) for f in rep.findings if f.severity == Severity.MAJOR] == [("TQ402", 1)]
