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
    @given(st.text(max_size=80), st.sampled_from([None, "tr", "de", "ru", "zh", "pl", "et", "be"]))
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


# -- one reading per document: C1 controls, ties between pages, rare words --------------------------
PL_SENT = "Po długiej debacie przyjęto budżet w wysokości 4,5 miliona euro. Świetnie, że są tacy ludzie."


def test_c1_control_word_takes_the_code_page_reading():
    # cp1250 "ś" (0x9C) read as ISO-8859-2 is the control U+009C; ftfy's Windows-1252 reading
    # "wysokoœci" has a letter Polish does not use and must lose to the frequent word
    damaged = PL_SENT.encode("cp1250").decode("iso8859_2")
    found = detect(damaged, "pl")
    assert [(d.original, d.replacement) for d in found] == [
        ("wysoko\x9cci", "wysokości"), ("\x8cwietnie", "Świetnie"), ("sš", "są")]
    assert {(d.kind, d.cause) for d in found} == {("codepage", "Windows-1250 text read as ISO-8859-2")}
    assert repair(damaged, "pl")[0] == PL_SENT


def test_c1_controls_that_ftfy_reads_right_keep_the_document_cause():
    clean = "Příliš žluťoučký kůň úpěl ďábelské ódy – „hezky“. Šťastný Žižka."
    damaged = clean.encode("cp1250").decode("iso8859_2")
    fixed, found = repair(damaged, "cs")
    assert fixed == clean
    assert {d.cause for d in found} == {"Windows-1250 text read as ISO-8859-2"}


@pytest.mark.parametrize("lang,text,written,read,cause", [
    ("pl", PL_SENT, "cp1250", "iso8859_2", "Windows-1250 text read as ISO-8859-2"),
    ("pl", PL_SENT, "iso8859_2", "cp1250", "ISO-8859-2 text read as Windows-1250"),
    ("ru", CLEAN["ru"], "cp1251", "koi8_r", "Windows-1251 text read as KOI8-R"),
    ("ru", CLEAN["ru"], "koi8_r", "cp1251", "KOI8-R text read as Windows-1251"),
    ("cs", CLEAN["cs"], "iso8859_2", "cp1250", "ISO-8859-2 text read as Windows-1250"),
    ("tr", CLEAN["tr"], "cp1254", "cp1250", "Windows-1254 text read as Windows-1250"),
    # German letters sit at the same bytes in many Western and Turkish pages: any of them is
    # right, as long as one is named for the whole text
    ("de", CLEAN["de"], "cp1252", "cp850", None),
    ("fr", CLEAN["fr"], "cp1252", "mac_roman", None),
])
def test_one_cause_per_document(lang, text, written, read, cause):
    """Several pairs of pages explain the same bytes; one is chosen for the whole text, by votes,
    then by how well the pages fit the text, then by how alike they are (from the codecs)."""
    damaged = damage(text, written, read)
    found = detect(damaged, lang)
    assert found and len({d.cause for d in found}) == 1
    assert cause is None or found[0].cause == cause
    assert damage(text, *found[0].pages) == damaged  # the pages named explain every byte
    [summary] = summarize(found)
    assert summary.cause == found[0].cause and summary.count == len(found)


def test_page_similarity_is_computed_from_the_codecs():
    from tqcheck.encoding.codepages import similarity
    from tqcheck.encoding.lexicon import lexicon

    assert similarity("cp1250", "iso8859_2") > similarity("cp1250", "iso8859_1")
    tr = lexicon("tr").alphabet
    assert similarity("cp1254", "cp1250", tr) > similarity("iso8859_9", "iso8859_2", tr)
    ru = lexicon("ru").alphabet  # KOI8-U's Ukrainian letters do not count for Russian
    assert similarity("cp1251", "koi8_r", ru) == similarity("cp1251", "koi8_u", ru)


def test_rare_word_repaired_under_the_documents_confusion():
    clean = "Zażółć gęślą jaźń. " + PL_SENT
    found = detect(clean.encode("cp1250").decode("iso8859_2"), "pl")
    assert ("gę\x9clš", "gęślą") in [(d.original, d.replacement) for d in found]
    # … a rare word needs the document's confusion: alone, no code-page repair is claimed
    assert [d.kind for d in detect("Zażółć gę\x9clš.", "pl")] == ["mojibake"]


def test_a_run_of_damaged_words_includes_its_short_words():
    clean = "Затем делегаты обсудили бюджет на следующий год. В конференции приняли участие делегаты."
    fixed, found = repair(damage(clean, "cp1251", "koi8_r"), "ru")
    assert fixed == clean
    assert len(found) == len(clean.split())


def test_utf8_read_twice():
    word = "привет"
    once = word.encode("utf-8").decode("koi8_r")
    twice = once.encode("utf-8").decode("koi8_r")
    [d] = detect(f"Он сказал {twice} и ушёл.", "ru")
    assert (d.kind, d.replacement, d.cause) == ("mojibake", word, "UTF-8 text read as KOI8-R twice")


def test_romanian_legacy_cedillas_inside_damaged_words():
    # Romanian in Windows-1250 (ş ţ with cedillas) read as Windows-1252: ă shows as ã
    text = "Guvernul a anunţat noi mãsuri pentru ţarã. Ministerul Sãnãtãţii a prezentat regulile."
    found = {d.original: (d.kind, d.replacement) for d in detect(text, "ro")}
    assert found["ţarã"] == ("codepage", "țară")  # the repair also uses the comma letters
    assert found["Sãnãtãţii"] == ("codepage", "Sănătății")
    assert found["anunţat"] == ("cedilla", "anunțat")


@pytest.mark.parametrize("lang,text", [
    ("pl", "Cena wynosi 25 € lub 30 $; temperatura 21 °C, a n° 5 to numer."),
    ("es", "¡Hola! ¿Qué tal? Cuesta 25 € y hace 21 °C."),
    ("fr", "Le n° 5 coûte 25 € ; il fait 21 °C… « Très bien »."),
    ("ru", "Цена 25 € при 21 °C — «ок»."),
])
def test_typography_next_to_letters_stays_quiet(lang, text):
    assert detect(text, lang) == []


def test_typography_inside_words_is_checked():
    # a DOS-852 "í" (0xA1) read as ISO-8859-15 is "¡"; a DOS-866 "б" read as Mac CE is "°"
    assert [d.replacement for d in detect("Počas¡ bylo krásné, ale v úterý pršelo.", "cs")] == ["Počasí"]
    assert [d.replacement for d in detect("Осень °удет холодной.", "ru")] == ["будет"]


# -- lost letters: '?' where the sentence goes on ---------------------------------------------------
@pytest.mark.parametrize("lang,text,expected", [
    ("pl", "Jesie? b?dzie ch?odna, a popularno?? i jako?? tego produktu rosn?.",
     [("Jesie?", "Jesień"), ("b?dzie", "będzie"), ("ch?odna", "chłodna"), ("popularno??", "popularność"),
      ("jako??", "jakość"), ("rosn?", "rosną")]),
    ("ro", "Aceast? carte e foarte bun?.", [("Aceast?", "Această")]),
    ("de", "Thomas M?ller kam gestern.", [("M?ller", "Müller")]),
    # a letter Polish does not have: the place is reported, the letter cannot be guessed
    ("pl", "Thomas M?ller i S?ren Kierkegaard.", [("M?ller", None), ("S?ren", None)]),
    ("ru", "Мы ???????? вас за помощь. Вчера ????.", [("????????", None), ("????", None)]),
])
def test_question_marks_standing_for_letters(lang, text, expected):
    assert [(d.original, d.replacement) for d in detect(text, lang)] == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "What? he asked. Really?? Yes. Is it ok? no. Why?? because. is?this and a?b:c"),
    ("de", "Was? Wie geht es dir?, sagte sie. Echt?? Nein. Schreib?mir."),
    ("fr", "Quoi ? Vraiment ?? Oui, c'est ça ?"),
    ("ro", "Mult? Nu, bun?"),
    ("pl", "Co? Naprawdę?? Tak."),
])
def test_question_marks_as_punctuation_stay_quiet(lang, text):
    assert detect(text, lang) == []


# -- languages without a word list: the alphabet alone, with three words agreeing -----------------
@pytest.mark.parametrize("lang,clean,written,read", [
    ("et", "Šokolaadi ja žürii sõnad on laenatud. Šašlõkk ja šampus, žanr ja tšekk on samuti laenud.",
     "cp1257", "cp1252"),
    ("eo", "Ĉiuj homoj estas denaske liberaj kaj egalaj laŭ digno kaj rajtoj. Ŝi ŝatas ĉarman ĝardenon.",
     "iso8859_3", "iso8859_1"),
    ("be", "Беларуская мова мае шмат гукаў. Усё было добра і ціха ў вёсцы.", "cp1251", "koi8_r"),
])
def test_languages_without_word_list_use_the_alphabet(lang, clean, written, read):
    from tqcheck.encoding.lexicon import lexicon

    assert not lexicon(lang).has_words
    damaged = damage(clean, written, read)
    found = detect(damaged, lang)
    assert len(found) >= 3 and {d.kind for d in found} == {"codepage"}
    assert len({d.cause for d in found}) == 1
    for d in found:  # every repair is the clean word
        assert clean[d.start:d.end] == d.replacement
    assert detect(clean, lang) == []


def test_without_word_list_two_odd_words_are_not_enough():
    # two foreign names with letters Estonian does not use: no confusion explains three words
    assert detect("Łukasz ja Đoković mängisid Tallinnas.", "et") == []
    assert [d.kind for d in detect("Ðokolaadi ja þürii sõnad.", "et")] == []


@pytest.mark.parametrize("lang,text,once,expected", [
    # a short word repeated, standing for one of the language's most frequent words
    ("fr", "Il est allé ŕ Paris puis ŕ Lyon.", "Il est allé ŕ Paris.", "à"),
    ("hu", "śj könyv és śj ház.", "Egy śj könyv.", "új"),
])
def test_repeated_short_words(lang, text, once, expected):
    found = detect(text, lang)
    assert [d.replacement for d in found] == [expected, expected] and len({d.cause for d in found}) == 1
    assert detect(once, lang) == []  # once is too little evidence


@pytest.mark.parametrize("lang", [None, "el", "ro", "pl"])
def test_lone_surrogates_that_stand_for_no_byte_do_not_crash(lang):
    found = detect("æš\ud800²¾e Ааз wysoko\udc9cci", lang)
    assert found and all(d.kind in ("replacement", "homoglyph", "codepage", "mojibake") for d in found)
