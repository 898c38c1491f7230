"""The encoding-damage detector (tqcheck.encoding) on single texts, in many languages."""
import time
import unicodedata

import pytest

from tqcheck.encoding import detect, repair, summarize
from tqcheck.encoding.codepages import CODEPAGES, damage, origins

from conftest import FIXTURES

#: the fixture's words damaged by Windows-1254 text read as Windows-1250 (ğ → đ)
FIXTURE_DAMAGE = {
    "Çavuşođlu'na": "Çavuşoğlu'na", "desteđimizi": "desteğimizi", "sađlayan": "sağlayan",
    "diđer": "diğer", "egemenliđi": "egemenliği", "sađlamak": "sağlamak", "sađduyu": "sağduyu",
    "edeceđine": "edeceğine", "olduđu": "olduğu",
}


# -- the seed fixture -------------------------------------------------------------------------------
def test_fixture_target_every_dj_word_repaired():
    text = (FIXTURES / "speech.tr.txt").read_text(encoding="utf-8")
    found = detect(text, "tr")
    assert {d.original: d.replacement for d in found} == FIXTURE_DAMAGE
    assert len(found) == 10  # desteđimizi twice
    for d in found:
        assert d.kind == "codepage"
        assert d.cause == "Windows-1254 text read as Windows-1250"
        assert text[d.start:d.end] == d.original
        assert d.confidence >= 0.9  # raised by the nine other words
    fixed, _ = repair(text, "tr")
    assert "đ" not in fixed and fixed.count("ğ") == text.count("ğ") + 10
    [summary] = summarize(found)
    assert (summary.count, summary.pages) == (10, ("cp1254", "cp1250"))


def test_fixture_source_is_clean():
    assert detect((FIXTURES / "speech.en.txt").read_text(encoding="utf-8"), "en") == []


def test_partial_damage_keeps_correct_letters():
    # only ğ went wrong (ş, ı, ü are right): the repair touches only the damaged letter
    text = "Bağımsızlığı ve desteđimizi, sađlamak için diđer ülkelerle görüştük."
    fixed, found = repair(text, "tr")
    assert fixed == text.replace("đ", "ğ")
    assert [d.original for d in found] == ["desteđimizi", "sađlamak", "diđer"]


# -- code-page glitches injected into clean text ----------------------------------------------------
CLEAN = {
    "pl": "Wczoraj wieczorem rozmawiałem z sąsiadem o pogodzie i o tym, że jesień będzie chłodna. "
          "Źródło tej informacji jest wiarygodne, więc trzeba się przygotować.",
    "ru": "Вчера вечером мы долго говорили о погоде и о том, что осень будет холодной. "
          "Правительство объявило новые меры поддержки.",
    "cs": "Včera jsme šli do města a koupili jsme nové knihy pro děti. Počasí bylo krásné, "
          "ale večer začalo pršet.",
    "hu": "Tegnap este hosszan beszélgettünk az időjárásról, és arról, hogy az ősz hűvös lesz. "
          "Az új szabályok különösen fontosak.",
    "ro": "Ieri seară am vorbit mult despre vreme şi despre faptul că toamna va fi rece. "
          "Guvernul a anunţat noi măsuri pentru ţară.",
    "de": "Gestern Abend haben wir lange über das Wetter gesprochen. Die Größe der Straße "
          "überrascht mich, und die Brücke wird nächstes Jahr geöffnet.",
    "fr": "Hier soir, nous avons longuement parlé du temps qu'il fera pour Noël. Le gouvernement "
          "a annoncé des mesures très élevées pour l'économie française.",
    "tr": "Dün akşam hava durumu hakkında uzun uzun konuştuk. Güzel bir gün geçirdik ve "
          "İstanbul'da görüştüğümüz arkadaşlarımıza teşekkür ettik.",
}

INJECTED = [
    ("pl", "cp1250", "iso8859_2"), ("pl", "iso8859_2", "cp1250"), ("pl", "cp852", "iso8859_2"),
    ("ru", "cp1251", "koi8_r"), ("ru", "koi8_r", "cp1251"), ("ru", "cp866", "cp1251"),
    ("cs", "cp1250", "iso8859_2"), ("cs", "iso8859_2", "cp1250"), ("cs", "cp852", "cp1250"),
    ("hu", "cp1250", "cp1252"), ("hu", "iso8859_2", "iso8859_1"),
    ("ro", "cp1250", "cp1252"), ("ro", "iso8859_2", "iso8859_1"),
    ("de", "cp1252", "cp850"), ("de", "mac_roman", "cp1252"), ("de", "cp1252", "mac_roman"),
    ("fr", "cp1252", "cp850"), ("fr", "cp1252", "mac_roman"), ("fr", "cp1252", "cp437"),
    ("tr", "cp1254", "cp1250"), ("tr", "cp1254", "iso8859_1"), ("tr", "cp857", "cp850"),
]


def _same_letters(a: str, b: str) -> bool:
    """Equal, counting Romanian ş/ș and ţ/ț as one letter (a repair may give either)."""
    t = str.maketrans("şţŞŢ", "șțȘȚ")
    return a.translate(t) == b.translate(t)


@pytest.mark.parametrize("lang,written,read", INJECTED)
def test_injected_codepage_damage_is_repaired(lang, written, read):
    clean = CLEAN[lang]
    damaged = damage(clean, written, read)
    assert damaged is not None and damaged != clean
    fixed, found = repair(damaged, lang)
    assert all(damaged[d.start:d.end] == d.original for d in found)
    triples = list(zip(damaged.split(" "), fixed.split(" "), clean.split(" ")))
    assert len(triples) == clean.count(" ") + 1
    # every damaged word of two letters or more is repaired (one letter is too little evidence)
    missed = [(d, f, c) for d, f, c in triples
              if not _same_letters(f, c) and sum(ch.isalpha() for ch in c) > 1]
    assert not missed, f"not repaired: {missed}"
    # and no word that survived the confusion is touched
    assert not [(d, f) for d, f, c in triples if d == c and f != c]


def test_document_statement_names_the_pages():
    damaged = damage(CLEAN["pl"], "cp1250", "iso8859_2")
    [s] = summarize(detect(damaged, "pl"))
    assert s.cause == "Windows-1250 text read as ISO-8859-2"
    assert s.count >= 2


def test_koi8_words_in_own_alphabet_found_with_document_support():
    # KOI8-R read as Windows-1251 keeps every letter Cyrillic: only case and the word list tell
    damaged = damage(CLEAN["ru"], "koi8_r", "cp1251")
    found = detect(damaged, "ru")
    assert sum(d.kind == "codepage" for d in found) >= 14
    top = summarize(found)[0]
    assert top.cause == "KOI8-R text read as Windows-1251" and top.count >= 12


# -- traps: correct text in many languages ----------------------------------------------------------
TRAPS = [
    ("tr", "Novak Đoković ve Nguyễn Văn An, Łódź'da Müller ile görüştü. São Paulo ve Zürich de "
           "gündemdeydi; Kazakistan'ın başkenti Astana, Almatı ve Nahçıvan da konuşuldu. Hâlâ "
           "kâğıt üzerinde kalan planlar var. Ne zaman geleceksin?"),
    ("de", "Mevlüt Çavuşoğlu traf in İstanbul Lech Wałęsa und Antonín Dvořák. Die Straße ist "
           "schön, der Kaffee im Café war gut, und Björn kam aus Malmö. Zoë und Noël lachten."),
    ("fr", "Novak Đoković a joué à Gdańsk contre Škoda et Müller. Le cœur de l'été, « déjà vu », "
           "naïf, Noël et où ; l’économie française va mieux. Qu'est-ce que c'est ?"),
    ("pl", "Thomas Müller i Ørsted spotkali się w Gdańsku. Źle się czuję, ale jutro będzie lepiej. "
           "„Cytat” i «inny cytat» są w porządku."),
    ("ru", "Компания Microsoft выпустила новый iPhone? Нет, это Apple. В США и в ЕС, а также в "
           "Киеве и Минске прошли встречи. «Ёлка» — это ель."),
    ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy. Zdeněk Müller jel do Bratislavy."),
    ("ro", "România și Moldova își întăresc relațiile; ședința a avut loc la București."),
    ("hu", "Az ősz hűvös lesz, és Erdős Pál Müllerrel találkozott."),
    ("zh", "我们明天在北京见面。请准时到达！会议在上海举行吗？"),
    ("ja", "東京で会いましょう。明日は雨が降るでしょうか？"),
    ("ar", "ذهبت إلى المدرسة \u200fاليوم\u200f صباحاً."),
    ("fa", "می\u200cخواهم به خانه بروم."),
    ("hi", "क्\u200dष नमस्ते, आप कैसे हैं?"),
    ("he", "שלום \u200fעולם\u200f, מה שלומך?"),
    ("en", "The family emoji 👨\u200d👩\u200d👧 is fine. Visit https://example.com/page?id=3&x=y or "
           "mail user@example.com?subject=hi. Is this right? Yes!"),
    ("el", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Το μm και το μg είναι μονάδες."),
    ("en", "A radius of 10 μm and 5 μg; the café, naïve façade and résumé of Zoë Brontë."),
    ("sr", "Београд је главни град Србије. Ђорђе и Љубица живе у Нишу."),
    ("uk", "Київ — столиця України. Ґанок і їжак."),
]


@pytest.mark.parametrize("lang,text", TRAPS, ids=[f"{lg}-{i}" for i, (lg, _) in enumerate(TRAPS)])
def test_clean_text_has_no_damage(lang, text):
    assert detect(text, lang) == []


@pytest.mark.parametrize("lang", [None, "xx", "kk", "az"])
def test_unknown_or_unlisted_languages_do_not_crash(lang):
    text = "Qazaqstan Respublikasy. Қазақстан Республикасы. Azərbaycan Respublikası. 北京"
    assert detect(text, lang) == []


# -- lost characters --------------------------------------------------------------------------------
def test_question_marks_inside_words_are_lost_letters():
    found = detect("Istanbul'da g?r?s?ld?. Ne zaman? Şimdi mi?", "tr")
    # the converter also dropped the dot of İ (Turkish writes İstanbul)
    assert [(d.kind, d.original) for d in found] == [("dotted-i", "Istanbul'da"),
                                                      ("question-mark", "g?r?s?ld?")]


def test_question_marks_repaired_from_the_word_list():
    fixed, found = repair("Nie wiem, co si? sta?o. Dlaczego?", "pl")
    assert fixed == "Nie wiem, co się stało. Dlaczego?"
    assert {d.kind for d in found} == {"question-mark"}


def test_question_marks_in_urls_are_syntax():
    assert detect("Siehe https://example.org/suche?q=wort&lang=de und schreib?mir", "de") == []


def test_replacement_character_is_always_damage():
    found = detect("Je suis all\ufffd \ufffd la plage.", "fr")
    assert [(d.kind, d.original, d.replacement) for d in found] == [
        ("replacement", "all\ufffd", "allé"), ("replacement", "\ufffd", None)]


def test_whole_phrase_of_question_marks():
    found = detect("Название: ??????? ???? ?????", "ru")
    assert [d.kind for d in found] == ["question-mark"]


# -- homoglyphs, dotted i, cedillas, NFD, invisible characters --------------------------------------
@pytest.mark.parametrize("lang,text,word,fixed", [
    ("de", "Geben Sie Ihr Pаsswort ein.", "Pаsswort", "Passwort"),  # Cyrillic а
    ("en", "SENSЕ - Oleg", "SENSЕ", "SENSE"),  # Cyrillic Е
    ("ru", "Мы были в Пaриже.", "Пaриже", "Париже"),  # Latin a
    ("fr", "Le сafé est ouvert.", "сafé", "café"),  # Cyrillic с
    ("pl", "Tо jest dobre.", "Tо", "To"),  # Cyrillic о
])
def test_homoglyphs(lang, text, word, fixed):
    [d] = detect(text, lang)
    assert (d.kind, d.original, d.replacement) == ("homoglyph", word, fixed)


@pytest.mark.parametrize("lang,text,word,fixed", [
    ("de", "WILLKOMMEN IN BERLİN", "BERLİN", "BERLIN"),
    ("fr", "Bienvenue à Berlİn", "Berlİn", "Berlin"),
    ("de", "dıe Katze", "dıe", "die"),
    ("tr", "ISTANBUL'DA BULUŞTUK", "ISTANBUL'DA", "İSTANBUL'DA"),
    ("tr", "Istanbul güzel bir şehir.", "Istanbul", "İstanbul"),
    ("en", "Welcome to i\u0307stanbul", "i\u0307stanbul", "istanbul"),
])
def test_dotted_i(lang, text, word, fixed):
    [d] = detect(text, lang)
    assert (d.kind, d.original, d.replacement) == ("dotted-i", word, fixed)


@pytest.mark.parametrize("lang,text", [
    ("tr", "TÜRK DEVLETLERİ TEŞKİLATI DIŞİŞLERİ BAKANLARI IRAK"),
    ("de", "Wir waren in İstanbul und İzmir."),  # Turkish names keep their İ
    ("tr", "EMAIL adresi ve DOMAIN adı"),  # English identifiers
    ("az", "Azərbaycan İstiqlal"),
])
def test_dotted_i_correct(lang, text):
    assert detect(text, lang) == []


def test_romanian_cedilla_and_turkish_comma():
    [d] = detect("România şi Moldova", "ro")
    assert (d.kind, d.replacement) == ("cedilla", "și")
    [d] = detect("Ţara noastră", "ro")
    assert d.replacement == "Țara"
    [d] = detect("Kardeș ülke", "tr")
    assert (d.kind, d.replacement) == ("cedilla", "Kardeş")
    assert detect("România și Moldova, țara", "ro") == []


def test_nfd_word_in_nfc_text():
    text = "Le café est près de l'école " + unicodedata.normalize("NFD", "élevée") + "."
    [d] = detect(text, "fr")
    assert (d.kind, d.replacement) == ("nfd", "élevée")
    assert d.confidence >= 0.9
    whole = detect(unicodedata.normalize("NFD", "Der Bär"), "de")
    assert [d.kind for d in whole] == ["nfd"] and whole[0].confidence < 0.9


@pytest.mark.parametrize("lang,text,fixed", [
    ("de", "Hallo\u200bwelt", "Hallowelt"),
    ("en", "pass\u2060word", "password"),
    ("ru", "При\u200dвет", "Привет"),
    ("en", "some\ufeffthing", "something"),
])
def test_invisible_characters_inside_words(lang, text, fixed):
    [d] = detect(text, lang)
    assert (d.kind, d.replacement) == ("control", fixed)


def test_control_characters():
    [d] = detect("Der Te\x01xt", "de")
    assert (d.kind, d.replacement) == ("control", "Text")
    [d] = detect("Der Te\x9dxt", "de")
    assert d.kind == "control" and d.replacement is None  # a C1 control may stand for a lost letter
    assert detect("These control characters \x1a are apparently intentional \x81", "en") == []
    [d] = detect("Hello \u202eworld", "en")  # a right-to-left override in Latin text
    assert d.kind == "control"
    assert detect("\ufeffA byte-order mark at the start is fine.", "en") == []


def test_mojibake_found_with_ftfy():
    fixed, found = repair("Le cafÃ© est ouvert et trÃ¨s joli.", "fr")
    assert fixed == "Le café est ouvert et très joli."
    assert {d.kind for d in found} == {"mojibake"}
    assert found[0].cause == "UTF-8 text read as Latin-1"


def test_mojibake_in_a_page_ftfy_does_not_try():
    word = "привет"
    damaged = word.encode("utf-8").decode("koi8_r")
    [d] = detect(f"Он сказал {damaged} и ушёл.", "ru")
    assert (d.kind, d.replacement, d.cause) == ("mojibake", word, "UTF-8 text read as KOI8-R")


# -- properties -------------------------------------------------------------------------------------
def test_tables_come_from_codecs():
    for o in origins("đ"):
        assert bytes([o.byte]).decode(o.read) == "đ"
        assert bytes([o.byte]).decode(o.written) == o.char
    assert {(o.written, o.read) for o in origins("đ") if o.char == "ğ"} >= {("cp1254", "cp1250")}
    assert len(CODEPAGES) >= 27


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=80), st.sampled_from([None, "tr", "de", "ru", "zh"]))
    def test_spans_and_repair_are_consistent(text, lang):
        found = detect(text, lang)
        last = -1
        for d in found:
            assert 0 <= d.start < d.end <= len(text) and d.start >= last
            assert text[d.start:d.end] == d.original
            assert 0.0 <= d.confidence <= 1.0
            last = d.end
        fixed, _ = repair(text, lang)
        # outside the damaged spans nothing changes
        pos, out = 0, []
        for d in found:
            out.append(text[pos:d.start])
            out.append(d.replacement if d.replacement is not None else d.original)
            pos = d.end
        out.append(text[pos:])
        assert fixed == "".join(out)

    @settings(max_examples=60, deadline=None)
    @given(st.sampled_from(["sağlamak", "değil", "görüşme", "işbirliği", "öğretmen", "başkan"]),
           st.sampled_from([("cp1254", "cp1250"), ("cp1254", "iso8859_1"), ("iso8859_9", "iso8859_2")]))
    def test_any_frequent_turkish_word_damaged_is_found(word, pages):
        damaged = damage(word, *pages)
        found = detect(f"Bu {damaged} çok önemli.", "tr")
        assert [d.replacement for d in found] == [word]


def test_speed_on_clean_text():
    text = (FIXTURES / "speech.tr.txt").read_text(encoding="utf-8").replace("đ", "ğ")
    big = "\n".join(text.replace("Dışışleri", f"Dışişleri{i}") for i in range(60))  # ~300 kB
    detect(text, "tr")
    t = time.perf_counter()
    detect(big, "tr")
    rate = len(big.encode()) / (time.perf_counter() - t) / 1e6
    assert rate > 0.5, f"{rate:.2f} MB/s"  # measured ~2 MB/s; generous for slow CI machines
