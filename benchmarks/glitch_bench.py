"""Benchmark of the encoding-damage detector (and the misspelling finder) on injected glitches.

Clean text: sentences written for this benchmark in 20 languages (four of them, et, eo, be, mt,
without a wordfreq list) (``SENTENCES``, names and
foreign words among them), trap sentences (``TRAPS``: names with foreign letters, words of
other scripts, typographic quotes, symbols, URLs, questions), pseudo-sentences of frequent
words drawn from wordfreq, and, when ``../shared/corpora`` exists, real localisation files (for
false alarms only). Damage is injected with known spans:

* ``codepage``: a whole text written in one single-byte page and read in another, for every
  pair of the pages issue 7 lists (Windows-125x, ISO-8859-1…16, KOI8-R/U, DOS 437/850/852/857/866,
  Mac Roman/Central European/Cyrillic/Turkish) where the written page can hold the language;
  bytes a page leaves undefined are read as C1 controls, as Windows does;
* ``codepage-partial``: only one letter of the language damaged (the fixture's ``ğ`` → ``đ``), or
  only one sentence of the text; ``codepage-in-alphabet``: one letter damaged into another letter
  of the language (only the word list can tell; no target);
* ``mojibake`` (one word per sentence), ``mojibake-text`` (a whole text) and ``mojibake-2x``
  (twice): UTF-8 read as a single-byte page; ``reverse``: single-byte text read as UTF-8;
* ``question-mark``, ``replacement`` (U+FFFD), ``homoglyph``, ``dotted-i``, ``cedilla``, ``nfd``,
  ``control``, ``misspelling``: one word per sentence.

The detector and ftfy (``ftfy.fix_encoding``) are scored on the same texts, per kind and per
language; ftfy's own test cases (``../shared/bench/glitch``) are scored too.

    python benchmarks/glitch_bench.py            # full run (about 90 s on one core)
    python benchmarks/glitch_bench.py --quick    # a sample of the code-page pairs
    python benchmarks/glitch_bench.py --json out.json

Scoring: an injected span is *found* when a finding overlaps it; a finding is *correct* when
it overlaps an injected span; *repaired* counts found spans whose suggestion is the clean word;
*cause* counts code-page findings whose (written, read) pages reproduce the whole damaged text
from the clean one (pages that explain the same bytes equally are both right). False alarms
are findings on clean text, per 10,000 words.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tqcheck.encoding import detect  # noqa: E402
from tqcheck.encoding.chars import homoglyph  # noqa: E402
from tqcheck.encoding.codepages import CODEPAGES, decode_table, encode_table  # noqa: E402
from tqcheck.encoding.lexicon import lexicon  # noqa: E402
from tqcheck.encoding.misspell import _similar_table, find_misspellings  # noqa: E402

SHARED = os.environ.get("TQCHECK_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
PAGES = tuple(cp.codec for cp in CODEPAGES)

#: clean sentences written for this benchmark (names and foreign words among them)
SENTENCES: dict[str, list[str]] = {
    "tr": [
        "Dün akşam hava durumu hakkında uzun uzun konuştuk.",
        "Güzel bir gün geçirdik ve arkadaşlarımıza teşekkür ettik.",
        "Öğretmenler yeni eğitim yılına hazırlanıyor.",
        "Bakanlık, ülkenin ekonomik büyümesine ilişkin açıklama yaptı.",
        "İstanbul'da düzenlenen toplantıya Novak Đoković ve Nguyễn Văn An da katıldı.",
        "Çocuklar bahçede oynarken kediler ağacın gölgesinde uyuyordu.",
        "Şirketin genel müdürü önümüzdeki hafta görüşmeler için Almanya'ya gidecek.",
        "Sağlık Bakanlığı yeni önlemleri duyurdu ve vatandaşları uyardı.",
        "Müller ve Łukasz, Zürich'teki konferansta bir sunum yaptılar.",
        "Kütüphanede bulunan eski kitaplar dijital ortama aktarılıyor.",
    ],
    "pl": [
        "Wczoraj wieczorem rozmawiałem z sąsiadem o pogodzie.",
        "Jesień będzie chłodna, więc trzeba się przygotować.",
        "Źródło tej informacji jest wiarygodne i sprawdzone.",
        "Dzieci bawiły się w ogrodzie, a koty spały pod drzewem.",
        "Ministerstwo zdrowia ogłosiło nowe zasady bezpieczeństwa.",
        "Thomas Müller i Søren Kierkegaard to znane nazwiska.",
        "Żółw powoli przechodził przez ulicę w Łodzi.",
        "Przyszły tydzień będzie bardzo pracowity dla całego zespołu.",
        "Książka, którą czytałem, opowiadała o historii Gdańska.",
        "Uczniowie przygotowują się do egzaminów końcowych.",
    ],
    "cs": [
        "Včera jsme šli do města a koupili jsme nové knihy pro děti.",
        "Počasí bylo krásné, ale večer začalo pršet.",
        "Ministerstvo zdravotnictví oznámilo nová opatření.",
        "Děti si hrály na zahradě a kočky spaly pod stromem.",
        "Příští týden budeme mít hodně práce v kanceláři.",
        "Zdeněk Müller a Łukasz Nowak přijeli z Bratislavy.",
        "Řeka tekla pomalu kolem starého mlýna.",
        "Učitelé se připravují na nový školní rok.",
        "Tahle kniha vypráví o historii českých měst.",
        "Dostali jsme dopis od přátel z Ostravy.",
    ],
    "hu": [
        "Tegnap este hosszan beszélgettünk az időjárásról.",
        "Az ősz hűvös lesz, ezért fel kell készülnünk.",
        "Az új szabályok különösen fontosak a diákok számára.",
        "A gyerekek a kertben játszottak, a macskák a fa alatt aludtak.",
        "A minisztérium bejelentette az új egészségügyi intézkedéseket.",
        "Erdős Pál és Thomas Müller Zürichben találkoztak.",
        "A könyvtárban található régi könyveket digitalizálják.",
        "Jövő héten nagyon sok munkánk lesz az irodában.",
        "A tanárok felkészülnek az új tanévre.",
        "Köszönjük a segítséget és a türelmet.",
    ],
    "ro": [
        "Ieri seară am vorbit mult despre vreme și despre toamnă.",
        "Guvernul a anunțat noi măsuri pentru țară.",
        "Copiii se jucau în grădină, iar pisicile dormeau sub copac.",
        "Ministerul Sănătății a prezentat regulile de siguranță.",
        "Săptămâna viitoare vom avea foarte multă muncă la birou.",
        "Ștefan și Müller s-au întâlnit la București.",
        "Profesorii se pregătesc pentru noul an școlar.",
        "Această carte povestește despre istoria orașului.",
        "Am primit o scrisoare de la prietenii din Cluj.",
        "Mulțumim pentru ajutor și pentru răbdare.",
    ],
    "de": [
        "Gestern Abend haben wir lange über das Wetter gesprochen.",
        "Die Größe der Straße überrascht mich jedes Mal.",
        "Die Brücke wird nächstes Jahr geöffnet.",
        "Die Kinder spielten im Garten, und die Katzen schliefen unter dem Baum.",
        "Das Ministerium hat neue Sicherheitsmaßnahmen angekündigt.",
        "Mevlüt Çavuşoğlu traf Lech Wałęsa und Antonín Dvořák in İstanbul.",
        "Nächste Woche werden wir im Büro sehr viel zu tun haben.",
        "Die Lehrer bereiten sich auf das neue Schuljahr vor.",
        "Dieses Buch erzählt von der Geschichte österreichischer Städte.",
        "Wir danken Ihnen für Ihre Hilfe und Geduld.",
    ],
    "fr": [
        "Hier soir, nous avons longuement parlé du temps qu'il fera.",
        "Le gouvernement a annoncé des mesures très élevées pour l'économie.",
        "Les enfants jouaient dans le jardin et les chats dormaient.",
        "Le ministère de la Santé a présenté de nouvelles règles.",
        "La semaine prochaine, nous aurons beaucoup de travail au bureau.",
        "Novak Đoković a rencontré Müller à Gdańsk pendant l'été.",
        "Les professeurs se préparent pour la nouvelle année scolaire.",
        "Ce livre raconte l'histoire des villes françaises.",
        "Nous vous remercions pour votre aide et votre patience.",
        "Où êtes-vous allés à Noël, près de la forêt ?",
    ],
    "ru": [
        "Вчера вечером мы долго говорили о погоде.",
        "Осень будет холодной, поэтому нужно подготовиться.",
        "Правительство объявило новые меры поддержки.",
        "Дети играли в саду, а кошки спали под деревом.",
        "Министерство здравоохранения представило новые правила.",
        "Компания Microsoft выпустила обновление для Windows.",
        "На следующей неделе у нас будет много работы в офисе.",
        "Учителя готовятся к новому учебному году.",
        "Эта книга рассказывает об истории русских городов.",
        "Мы благодарим вас за помощь и терпение.",
    ],
    "es": [
        "Ayer por la noche hablamos mucho sobre el tiempo.",
        "El gobierno anunció nuevas medidas para la economía española.",
        "Los niños jugaban en el jardín y los gatos dormían.",
        "La próxima semana tendremos mucho trabajo en la oficina.",
        "Los profesores se preparan para el nuevo año escolar.",
        "Müller y Đoković se reunieron en São Paulo.",
        "Este libro cuenta la historia de las ciudades andaluzas.",
        "Muchas gracias por su ayuda y su paciencia.",
    ],
    "sk": [
        "Včera večer sme sa dlho rozprávali o počasí.",
        "Vláda oznámila nové opatrenia pre hospodárstvo.",
        "Deti sa hrali v záhrade a mačky spali pod stromom.",
        "Budúci týždeň budeme mať v kancelárii veľa práce.",
        "Učitelia sa pripravujú na nový školský rok.",
        "Táto kniha rozpráva o histórii slovenských miest.",
        "Ďakujeme za pomoc a trpezlivosť.",
        "Ľudia často chodia do Žiliny a Košíc, kde stretli Thomasa Müllera.",
    ],
    "uk": [
        "Учора ввечері ми довго говорили про погоду.",
        "Уряд оголосив нові заходи підтримки економіки.",
        "Діти гралися в саду, а коти спали під деревом.",
        "Наступного тижня в нас буде багато роботи в офісі.",
        "Вчителі готуються до нового навчального року.",
        "Ця книжка розповідає про історію українських міст.",
        "Компанія Microsoft випустила оновлення для Windows.",
        "Дякуємо за допомогу та терпіння, її подруга їздила до Києва.",
    ],
    "bg": [
        "Вчера вечерта дълго говорихме за времето.",
        "Правителството обяви нови мерки за икономиката.",
        "Децата играеха в градината, а котките спяха под дървото.",
        "Следващата седмица ще имаме много работа в офиса.",
        "Учителите се подготвят за новата учебна година.",
        "Тази книга разказва за историята на българските градове.",
        "Компанията Google откри нов офис в София.",
        "Благодарим ви за помощта и търпението.",
    ],
    "el": [
        "Χθες το βράδυ μιλήσαμε πολύ για τον καιρό.",
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "Τα παιδιά έπαιζαν στον κήπο και οι γάτες κοιμόντουσαν κάτω από το δέντρο.",
        "Την επόμενη εβδομάδα θα έχουμε πολλή δουλειά στο γραφείο.",
        "Ο Thomas Müller συνάντησε τον Novak Đoković στην Αθήνα.",
        "Οι δάσκαλοι προετοιμάζονται για τη νέα σχολική χρονιά.",
        "Αυτό το βιβλίο διηγείται την ιστορία των ελληνικών πόλεων.",
        "Σας ευχαριστούμε για τη βοήθεια και την υπομονή σας.",
    ],
    "lt": [
        "Vakar vakare ilgai kalbėjomės apie orą.",
        "Vyriausybė paskelbė naujas ekonomikos priemones.",
        "Vaikai žaidė sode, o katės miegojo po medžiu.",
        "Kitą savaitę biure turėsime daug darbo.",
        "Mokytojai ruošiasi naujiems mokslo metams.",
        "Ši knyga pasakoja apie Lietuvos miestų istoriją.",
        "Thomas Müller ir Łukasz Nowak susitiko Vilniuje.",
        "Dėkojame už pagalbą ir kantrybę.",
    ],
    "lv": [
        "Vakar vakarā mēs ilgi runājām par laikapstākļiem.",
        "Valdība paziņoja par jauniem ekonomikas pasākumiem.",
        "Bērni spēlējās dārzā, un kaķi gulēja zem koka.",
        "Nākamnedēļ mums birojā būs daudz darba.",
        "Skolotāji gatavojas jaunajam mācību gadam.",
        "Šī grāmata stāsta par Latvijas pilsētu vēsturi.",
        "Thomas Müller un Łukasz Nowak tikās Rīgā.",
        "Paldies par palīdzību un pacietību.",
    ],
    "is": [
        "Í gærkvöldi töluðum við lengi um veðrið.",
        "Ríkisstjórnin kynnti nýjar aðgerðir í efnahagsmálum.",
        "Börnin léku sér í garðinum og kettirnir sváfu undir trénu.",
        "Í næstu viku verður mikið að gera á skrifstofunni.",
        "Kennararnir undirbúa sig fyrir nýtt skólaár.",
        "Þessi bók fjallar um sögu íslenskra bæja.",
        "Thomas Müller og Søren Kierkegaard eru þekkt nöfn.",
        "Þakka þér fyrir hjálpina og þolinmæðina.",
    ],
}

#: clean text that must stay unflagged: names, loanwords and words of other languages and scripts,
#: symbols, quotes, URLs and questions (false alarms are counted here and on every clean text)
TRAPS: dict[str, list[str]] = {
    "tr": ["Novak Đoković ve Nguyễn Văn An, Łódź'da Müller ile görüştü.",
           "São Paulo ve Zürich de gündemdeydi; Kazakistan'ın başkenti Astana, Almatı ve Nahçıvan da konuşuldu.",
           "Hâlâ kâğıt üzerinde kalan planlar var. Ne zaman geleceksin?",
           "Fiyat 25 € ya da 30 $; sıcaklık 21 °C, “alıntı” ve ‘tek tırnak’ – tamam…",
           "Ayrıntılar için https://example.com/ara?q=ülke&dil=tr adresine bakın."],
    "pl": ["Thomas Müller i Ørsted spotkali się w Gdańsku z Çavuşoğlu.",
           "„Cytat” i «inny cytat» są w porządku — jak zawsze…",
           "Czy wiesz, że Škoda i Dvořák pochodzą z Czech? Tak!",
           "Cena wynosi 25 € lub 30 $, a temperatura 21 °C."],
    "cs": ["Příliš žluťoučký kůň úpěl ďábelské ódy.",
           "Zdeněk Müller jel do Bratislavy a potkal Wałęsu.",
           "„Citát“ a ‚jiný citát‘ jsou v pořádku – opravdu?"],
    "sk": ["Ľubomír Müller a Łukasz sa stretli v Győri.", "„Citát“ je v poriadku – naozaj?"],
    "hu": ["Erdős Pál Müllerrel és Çavuşoğlu úrral találkozott Zürichben.",
           "„Idézet” és »másik idézet« – rendben van?"],
    "ro": ["România și Moldova își întăresc relațiile; ședința a avut loc la București.",
           "Müller și Đoković au jucat la Gdańsk – „citat” corect?"],
    "de": ["Mevlüt Çavuşoğlu traf in İstanbul Lech Wałęsa und Antonín Dvořák.",
           "Der Kaffee im Café war gut, und Björn kam aus Malmö. Zoë und Noël lachten.",
           "„Zitat“ und »anderes Zitat« – alles gut? 25 € bei 21 °C…",
           "Siehe https://example.org/suche?q=wort&lang=de für Details."],
    "fr": ["Novak Đoković a joué à Gdańsk contre Škoda et Müller.",
           "Le cœur de l'été, « déjà vu », naïf, Noël et où ; l’économie française va mieux.",
           "Qu'est-ce que c'est ? Ça coûte 25 € à 21 °C…"],
    "es": ["Müller y Đoković se reunieron en São Paulo con Çavuşoğlu.",
           "¿Dónde está el niño? ¡Aquí! «Cita» y “otra cita” – bien."],
    "ru": ["Компания Microsoft выпустила новый iPhone? Нет, это Apple.",
           "В США и в ЕС, а также в Киеве и Минске прошли встречи. «Ёлка» — это ель.",
           "Müller и Đoković встретились в Париже; цена 25 € при 21 °C…"],
    "uk": ["Київ — столиця України. Ґанок і їжак.", "Компанія Apple і «Ґуґл» — це США?"],
    "bg": ["София е столицата на България; „цитат“ — добре.", "Müller и Đoković бяха в Пловдив."],
    "el": ["Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Το μm και το μg είναι μονάδες.",
           "Ο Müller και ο Đoković ήταν στη Θεσσαλονίκη; «Ναι» — σωστά…"],
    "lt": ["Müller ir Đoković buvo Kaune; „citata“ – gerai?"],
    "lv": ["Müller un Đoković bija Liepājā; „citāts” – labi?"],
    "is": ["Müller og Đoković voru í Reykjavík; „tilvitnun“ – rétt?"],
}
#: languages wordfreq lacks: the detector judges code-page confusions by their alphabet alone
NO_WORD_LIST: dict[str, list[str]] = {
    "et": [
        "Eile õhtul rääkisime kaua ilmast.",
        "Valitsus teatas uutest majandusmeetmetest.",
        "Lapsed mängisid aias ja kassid magasid puu all.",
        "Järgmisel nädalal on meil kontoris palju tööd.",
        "Õpetajad valmistuvad uueks õppeaastaks.",
        "See raamat jutustab Eesti linnade ajaloost.",
        "Šokolaadi ja žürii on laenatud sõnad.",
        "Täname teid abi ja kannatlikkuse eest.",
    ],
    "eo": [
        "Hieraŭ vespere ni longe parolis pri la vetero.",
        "La registaro anoncis novajn ekonomiajn rimedojn.",
        "La infanoj ludis en la ĝardeno, kaj la katoj dormis sub la arbo.",
        "Venontsemajne ni havos multe da laboro en la oficejo.",
        "La instruistoj prepariĝas por la nova lerneja jaro.",
        "Ĉi tiu libro rakontas pri la historio de eŭropaj urboj.",
        "Ŝi ŝatas ĉokoladon kaj ĉerizojn.",
        "Ni dankas vin pro via helpo kaj pacienco.",
    ],
    "be": [
        "Учора ўвечары мы доўга размаўлялі пра надвор'е.",
        "Урад абвясціў новыя эканамічныя меры.",
        "Дзеці гулялі ў садзе, а каты спалі пад дрэвам.",
        "На наступным тыдні ў нас будзе шмат працы ў офісе.",
        "Настаўнікі рыхтуюцца да новага навучальнага года.",
        "Гэтая кніга расказвае пра гісторыю беларускіх гарадоў.",
        "Дзякуем вам за дапамогу і цярплівасць.",
    ],
    "mt": [
        "Ilbieraħ filgħaxija tkellimna fit-tul dwar it-temp.",
        "Il-gvern ħabbar miżuri ġodda għall-ekonomija.",
        "It-tfal kienu qed jilagħbu fil-ġnien u l-qtates kienu rieqda taħt is-siġra.",
        "Il-ġimgħa d-dieħla se jkollna ħafna xogħol fl-uffiċċju.",
        "L-għalliema qed jippreparaw għas-sena skolastika l-ġdida.",
        "Dan il-ktieb jirrakkonta l-istorja tal-bliet Maltin.",
        "Grazzi tal-għajnuna u tal-paċenzja tagħkom.",
    ],
}
SENTENCES.update(NO_WORD_LIST)
TRAPS.update({
    "et": ["Müller ja Đoković olid Tartus; „tsitaat“ – õige?"],
    "eo": ["Müller kaj Đoković estis en Varsovio; „citaĵo“ – ĉu ĝuste?"],
    "be": ["Müller і Đoković былі ў Мінску; «цытата» — так?"],
    "mt": ["Müller u Đoković kienu l-Belt; “kwotazzjoni” – sewwa?"],
})
ALL_SENTENCES = {lg: SENTENCES[lg] + TRAPS.get(lg, []) for lg in SENTENCES}

KINDS = ("codepage", "codepage-partial", "codepage-in-alphabet", "mojibake", "mojibake-text", "mojibake-2x", "reverse",
         "question-mark", "replacement", "homoglyph", "dotted-i", "cedilla", "nfd", "control",
         "misspelling")
#: targets of issue 7 (recall, precision) per kind
TARGETS = {"codepage": (0.95, 0.98), "codepage-partial": (0.95, 0.98), "mojibake": (0.95, 0.98),
           "mojibake-text": (0.95, 0.98), "mojibake-2x": (0.95, 0.98), "homoglyph": (0.8, None),
           "dotted-i": (0.8, None), "cedilla": (0.8, None)}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass
class Case:
    lang: str
    kind: str
    text: str
    spans: list[tuple[int, int, str]]  # (start, end, clean word)
    clean: str = ""
    pages: tuple[str, str] | None = None


@dataclass
class Score:
    injected: int = 0
    found: int = 0
    repaired: int = 0
    findings: int = 0
    correct: int = 0
    cp_findings: int = 0
    cause_ok: int = 0
    cases: int = 0
    mixed_causes: int = 0
    ftfy_found: int = 0
    ftfy_findings: int = 0
    ftfy_correct: int = 0
    examples: list = field(default_factory=list)
    false: list = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for f in ("injected", "found", "repaired", "findings", "correct", "cp_findings", "cause_ok",
                  "cases", "mixed_causes", "ftfy_found", "ftfy_findings", "ftfy_correct"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


# -- code pages -------------------------------------------------------------------------------------
def sloppy_decode(raw: bytes, codec: str) -> str:
    """``raw`` read in ``codec``: bytes 0x80–0x9F the page leaves undefined become C1 controls, as
    Windows and the web's decoders read them; other undefined bytes become U+FFFD."""
    table = decode_table(codec)
    return "".join(table[b] if table[b] is not None else "\ufffd" for b in raw)


def cp_damage(text: str, written: str, read: str) -> str | None:
    try:
        return sloppy_decode(text.encode(written), read)
    except UnicodeEncodeError:
        return None


def native_pages(lang: str) -> list[str]:
    """Pages that hold every letter of the language's everyday alphabet (CLDR and wordfreq data):
    the pages its text may have been written in."""
    lex = lexicon(lang)
    need = {c for c in (lex.core if lex else ()) if not c.isascii() and c.isalpha()}
    return [p for p in PAGES if all(c in encode_table(p) or _LEGACY.get(c, c) in encode_table(p)
                                    for c in need)]


#: Romanian ș ț were written with the cedilla letters in the legacy pages that lack them
_LEGACY = dict(zip("șțȘȚ", "şţŞŢ"))


_MODERN = str.maketrans({v: k for k, v in _LEGACY.items()})


def fit(text: str, page: str) -> str | None:
    """``text`` as it could be written in ``page`` (Romanian comma letters as cedilla letters), or
    None when the page cannot hold it."""
    table = encode_table(page)
    if all(c.isascii() or c in table for c in text):
        return text
    legacy = text.translate(str.maketrans(_LEGACY))
    return legacy if all(c.isascii() or c in table for c in legacy) else None


def encodable(text: str, page: str) -> bool:
    return fit(text, page) is not None


# -- clean text -------------------------------------------------------------------------------------
def generated_sentences(lang: str, n: int, rng: random.Random) -> list[str]:
    """Pseudo-sentences of frequent words (library data: wordfreq), each word of a few letters."""
    import wordfreq

    if lang in NO_WORD_LIST:
        return []
    words = [w for w in wordfreq.top_n_list(lang, 5000) if w.isalpha() and len(w) >= 3]
    out = []
    for _ in range(n):
        ws = rng.sample(words, 10)
        first = "İ" if lang in ("tr", "az") and ws[0][0] == "i" else ws[0][:1].upper()
        ws[0] = first + ws[0][1:]
        out.append(" ".join(ws) + ".")
    return out


def shared_clean(lang: str) -> str:
    """Target texts of the real localisation files in ../shared/corpora (if present)."""
    parts: list[str] = []
    base = os.path.join(SHARED, "corpora")
    if not os.path.isdir(base):
        return ""
    for path in sorted(glob.glob(os.path.join(base, "po", "**", "locale", lang, "LC_MESSAGES", "*.po"),
                                 recursive=True)):
        cur: list[str] | None = None
        for line in open(path, encoding="utf-8"):
            if line.startswith("msgstr"):
                m = re.match(r'msgstr(?:\[\d\])? "(.*)"', line)
                cur = [m.group(1)] if m else []
            elif line.startswith('"') and cur is not None:
                cur.append(line.strip()[1:-1])
            else:
                if cur:
                    parts.append("".join(cur).replace("\\n", " ").replace('\\"', '"'))
                cur = None
    for path in sorted(glob.glob(os.path.join(base, "xliff", "**", f"*.{lang}.xlf"), recursive=True)):
        t = open(path, encoding="utf-8").read()
        parts.extend(re.sub("<[^>]+>", "", m) for m in re.findall(r"<target[^>]*>(.*?)</target>", t, re.S))
    for path in sorted(glob.glob(os.path.join(base, "json", "**", "*.json"), recursive=True)):
        if f"/{lang}/" in path or path.endswith(f"/{lang}.json") or f"/{lang}-" in path:
            parts.extend(_leaves(json.load(open(path, encoding="utf-8"))))
    return "\n".join(p for p in parts if p and not p.startswith("Project-Id"))


def _leaves(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k != "description":
                yield from _leaves(v)
    elif isinstance(o, list):
        for v in o:
            yield from _leaves(v)
    elif isinstance(o, str):
        yield o


# -- injecting damage -------------------------------------------------------------------------------
def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def inject_word(sentence: str, lang: str, kind: str, rng: random.Random) -> Case | None:
    """Damage one word of ``sentence`` with ``kind``; None when no word qualifies."""
    words = _words(sentence)
    rng.shuffle(words)
    lex = lexicon(lang)
    for s, e, w in words:
        res = _damage_word(w, lang, kind, rng, lex)
        if res is None:
            continue
        new, expected = res if isinstance(res, tuple) else (res, w)
        if new != w:
            text = sentence[:s] + new + sentence[e:]
            return Case(lang, kind, text, [(s, s + len(new), expected)], sentence)
    return None


def _damage_word(w: str, lang: str, kind: str, rng: random.Random, lex) -> str | tuple[str, str] | None:
    """The damaged word (or (damaged, expected repair) when the repair is not ``w`` itself)."""
    non_ascii = [i for i, c in enumerate(w) if not c.isascii() and c.isalpha()]
    if kind == "mojibake":
        if not non_ascii:
            return None
        return sloppy_decode(w.encode("utf-8"), rng.choice(mojibake_pages(lang)))
    if kind in ("question-mark", "replacement"):
        if not non_ascii or len(w) < 4:
            return None
        mark = "?" if kind == "question-mark" else "\ufffd"
        return "".join(mark if i in non_ascii else c for i, c in enumerate(w))
    if kind == "homoglyph":
        target = "LATIN" if lex is not None and lex.script in ("CYRILLIC", "GREEK") else "CYRILLIC"
        idx = [i for i, c in enumerate(w) if homoglyph(c, target)]
        if not idx or len(w) < 3:
            return None
        i = rng.choice(idx)
        return w[:i] + homoglyph(w[i], target) + w[i + 1:]
    if kind == "dotted-i":
        if lex is None or lex.script != "LATIN":
            return None
        if lang == "tr":
            if "i" not in w or len(w) < 5:
                return None
            # upper-cased with Python's rules (i → I) where Turkish wants İ
            return w.upper(), w.replace("i", "İ").upper()
        if "i" not in w:
            return None
        if rng.random() < 0.5:
            return w.replace("i", "İ").upper(), w.upper()  # upper-cased with Turkish rules
        return w.replace("i", "ı"), w  # lower-cased with Turkish rules
    if kind == "cedilla":
        if lang != "ro" or not any(c in "șțȘȚ" for c in w):
            return None
        return w.translate(str.maketrans("șțȘȚ", "şţŞŢ"))
    if kind == "nfd":
        nfd = unicodedata.normalize("NFD", w)
        return nfd if nfd != w else None
    if kind == "control":
        if len(w) < 4:
            return None
        i = rng.randrange(1, len(w) - 1)
        return w[:i] + rng.choice(["\u200b", "\u2060", "\x01", "\u200d"]) + w[i:]
    if kind == "misspelling":
        if lex is None or not lex.has_words or len(w) < 5 or w[0].isupper() or lex.zipf(w) < 3:
            return None
        table = _similar_table(lex.lang)
        opts = [(i, x) for i, c in enumerate(w) for x in table.get(c, ())]
        rng.shuffle(opts)
        for i, x in opts:
            cand = w[:i] + x + w[i + 1:]
            if lex.zipf(cand) == 0:  # a damaged form that is itself a word is undetectable
                return cand
        return None
    raise ValueError(kind)


def mojibake_pages(lang: str) -> list[str]:
    """Pages UTF-8 of ``lang`` is misread in: the Western pages and the language's own pages."""
    own = [p for p in native_pages(lang) if p.startswith(("cp125", "koi8"))]
    return sorted({"cp1252", "iso8859_1", *own[:2]})


def _token_spans(clean: str, damaged: str) -> list[tuple[int, int, str]] | None:
    """Spans of the damaged tokens, aligned on spaces and line breaks (which no damage here
    moves), with the clean token each stands for; None when the tokens do not align."""
    cl, dl = clean.split("\n"), damaged.split("\n")
    if len(cl) != len(dl):
        return None
    out, pos = [], 0
    for cline, dline in zip(cl, dl):
        ct, dt = cline.split(" "), dline.split(" ")
        if len(ct) != len(dt):
            return None
        for c, d in zip(ct, dt):
            if c != d and c.translate(_MODERN) != d.translate(_MODERN):
                # (Romanian legacy ş ţ read as ISO-8859-16 become the right ș ț: no damage)
                a, b = _trim(c, d)
                out.append((pos + b[0], pos + b[1], c[a[0]:a[1]]))
            pos += len(d) + 1
    return out


def _trim(c: str, d: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """The changed core of a clean token ``c`` and its damaged form ``d``: punctuation at the edges
    that the damage left alone is not part of the word (for length-keeping damage, any such
    character; otherwise ASCII punctuation)."""
    if len(c) == len(d):
        i, j = 0, len(c)
        while i < j and c[i] == d[i] and not c[i].isalnum():
            i += 1
        while j > i and c[j - 1] == d[j - 1] and not c[j - 1].isalnum():
            j -= 1
        return (i, j), (i, j)
    asc = ".,;:!?\"'()[]-"
    ci, cj, di, dj = 0, len(c), 0, len(d)
    while ci < cj and di < dj and c[ci] == d[di] and c[ci] in asc:
        ci, di = ci + 1, di + 1
    while cj > ci and dj > di and c[cj - 1] == d[dj - 1] and c[cj - 1] in asc:
        cj, dj = cj - 1, dj - 1
    return (ci, cj), (di, dj)


def text_case(kind: str, lang: str, clean: str, damaged: str | None,
              pages: tuple[str, str] | None = None) -> Case | None:
    if damaged is None or damaged == clean:
        return None
    spans = _token_spans(clean, damaged)
    if not spans:
        return None
    return Case(lang, kind, damaged, spans, clean, pages)


def partial_letter(clean: str, written: str, read: str, rng: random.Random) -> str | None:
    """Only one letter of the language (both cases) goes wrong, the rest stays right: the
    fixture's Windows-1254 ``ğ`` read as Windows-1250 ``đ``."""
    changed = sorted({c for c in clean if not c.isascii() and c.isalpha() and c.islower()
                      and (d := cp_damage(c, written, read)) is not None and d != c and d.strip()})
    if not changed:
        return None
    letter = rng.choice(changed)
    table = {letter: cp_damage(letter, written, read)}
    up = letter.upper()
    if len(up) == 1 and cp_damage(up, written, read) not in (None, up):
        table[up] = cp_damage(up, written, read)
    PARTIAL_GLYPHS[clean, written, read] = {table[letter]}
    return clean.translate(str.maketrans(table))


#: the characters a one-letter partial damage wrote, per (clean text, written, read)
PARTIAL_GLYPHS: dict[tuple[str, str, str], set[str]] = {}


def mojibake_twice(clean: str, read: str) -> str | None:
    once = sloppy_decode(clean.encode("utf-8"), read)
    return sloppy_decode(once.encode("utf-8"), read)


def reverse(clean: str, written: str) -> str | None:
    try:
        raw = clean.encode(written)
    except UnicodeEncodeError:
        return None
    return raw.decode("utf-8", "replace")


# -- running ----------------------------------------------------------------------------------------
def ftfy_spans(text: str) -> list[tuple[int, int]]:
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return []
    spans = []
    for tag, i1, i2, _, _ in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag != "equal":
            spans.append((i1, max(i2, i1 + 1)))
    return spans


def found_spans(case: Case) -> list[tuple[int, int, str | None, tuple[str, str] | None]]:
    if case.kind == "misspelling":
        return [(m.start, m.end, m.suggestion, None) for m in find_misspellings(case.text, case.lang)]
    # Romanian written in a legacy page has cedilla letters (ş ţ): TQ306 rightly reports them, as
    # a defect of the clean text, not of the confusion scored here
    legacy = case.kind.startswith("codepage") and any(c in case.clean for c in _LEGACY.values())
    return [(d.start, d.end, d.replacement, d.pages if d.kind == "codepage" else None)
            for d in detect(case.text, case.lang) if not (legacy and d.kind == "cedilla")]


def score(cases: list[Case], use_ftfy: bool) -> dict[tuple[str, str], Score]:
    out: dict[tuple[str, str], Score] = defaultdict(Score)
    cause_memo: dict[tuple[str, str, str], bool] = {}
    for c in cases:
        sc = out[(c.kind, c.lang)]
        sc.cases += 1
        got = found_spans(c)
        sc.injected += len(c.spans)
        sc.findings += len(got)
        for s, e, word in c.spans:
            hits = [g for g in got if g[0] < e and s < g[1]]
            if hits:
                sc.found += 1
                if any(h[2] is not None and _same(h[2], word, c.text, s, e, h) for h in hits):
                    sc.repaired += 1
            elif len(sc.examples) < 3:
                sc.examples.append(c.text[s:e])
        for g in got:
            if any(g[0] < e and s < g[1] for s, e, _ in c.spans):
                sc.correct += 1
            elif len(sc.false) < 3:
                sc.false.append(c.text[g[0]:g[1]])
        if c.kind.startswith("codepage"):
            causes = {g[3] for g in got if g[3] is not None}
            sc.mixed_causes += len(causes) > 1
            for g in got:
                if g[3] is None:
                    continue
                sc.cp_findings += 1
                key = (c.text, *g[3])
                if key not in cause_memo:
                    cause_memo[key] = _reproduces(c, g[3])
                sc.cause_ok += cause_memo[key]
        if use_ftfy and c.kind != "misspelling":
            fs = ftfy_spans(c.text)
            sc.ftfy_findings += len(fs)
            sc.ftfy_found += sum(1 for s, e, _ in c.spans if any(a < e and s < b for a, b in fs))
            sc.ftfy_correct += sum(1 for a, b in fs if any(a < e and s < b for s, e, _ in c.spans))
    return out


def _reproduces(c: Case, pages: tuple[str, str]) -> bool:
    """Whether the reported confusion turns the clean text into the damaged one (for partial
    damage: every damaged token)."""
    modern = str.maketrans({v: k for k, v in _LEGACY.items()})  # Romanian legacy ş ţ as ș ț
    if c.kind == "codepage":
        return c.text in (cp_damage(c.clean, *pages), cp_damage(c.clean.translate(modern), *pages))
    ok = True
    for s, e, word in c.spans:
        d = cp_damage(word, *pages) or cp_damage(word.translate(modern), *pages)
        ok = ok and d is not None and (d == c.text[s:e] or _partial_match(word, d, c.text[s:e]))
    return ok


def _partial_match(clean: str, full: str, seen: str) -> bool:
    """Each character of ``seen`` is the clean one or its full damage (damage of some letters only)."""
    return len(clean) == len(full) == len(seen) and all(s in (a, b) for a, b, s in zip(clean, full, seen))


def _same(rep: str, word: str, text: str, s: int, e: int, hit) -> bool:
    """Whether a suggestion restores the clean word (the finding may span a little more)."""
    t = str.maketrans("şţŞŢ", "șțȘȚ")
    hs, he = hit[0], hit[1]
    expected = text[hs:s] + word + text[e:he]
    return rep.translate(t) == expected.translate(t) or rep.translate(t) == word.translate(t)


def false_alarms(lang: str, text: str, use_ftfy: bool) -> dict:
    words = len(_WORD.findall(text))
    det = detect(text, lang)
    mis = find_misspellings(text, lang)
    res = {"words": words, "encoding": len(det), "misspelling": len(mis),
           "examples": [d.original for d in det][:5] + [m.word for m in mis][:5]}
    if use_ftfy:
        res["ftfy"] = sum(1 for line in text.split("\n") if ftfy_spans(line))
    return res


def throughput(texts: list[str], lang_of: list[str], target_mb: float = 1.0) -> tuple[float, float]:
    """(detector MB/s, ftfy MB/s) on the clean texts, repeated up to ``target_mb``."""
    import ftfy

    per_lang: dict[str, list[str]] = defaultdict(list)
    for t, lg in zip(texts, lang_of):
        per_lang[lg].append(t)
    total_bytes, total_t, ftfy_t = 0, 0.0, 0.0
    for lg, ts in per_lang.items():
        body = "\n".join(ts)
        reps = max(1, int(target_mb * 1e6 / len(per_lang) / max(1, len(body.encode()))))
        big = "\n".join([body] * reps)
        detect(body[:2000], lg)  # load the word list outside the clock
        t0 = time.perf_counter()
        detect(big, lg)
        total_t += time.perf_counter() - t0
        t0 = time.perf_counter()
        for line in big.split("\n"):
            ftfy.fix_encoding(line)
        ftfy_t += time.perf_counter() - t0
        total_bytes += len(big.encode())
    return total_bytes / 1e6 / total_t, total_bytes / 1e6 / ftfy_t


def ftfy_cases() -> dict | None:
    """ftfy's own test cases: agreement with its expected repairs, silence on its negatives."""
    path = os.path.join(SHARED, "bench", "glitch", "ftfy_test_cases.json")
    if not os.path.exists(path):
        return None
    import ftfy

    from tqcheck.encoding import repair

    cases = json.load(open(path, encoding="utf-8"))
    res = Counter()
    for c in cases:
        expected = c.get("fixed-encoding", c["fixed"])
        neg = "negative" in c["label"].lower()
        ours = repair(c["original"], None)[0]
        if neg:
            res["negative"] += 1
            if expected == c["original"]:
                res["negative_unchanged"] += 1
                res["negative_flagged"] += bool(detect(c["original"], None)) and not c[
                    "original"].startswith("SENSЕ")  # a real Cyrillic look-alike: TQ304's job
        elif c["expect"] == "pass":
            res["pass"] += 1
            res["pass_flagged"] += bool(detect(c["original"], None))
            if expected != c["original"]:
                res["pass_changed"] += 1
                res["pass_same_repair"] += ours == expected
        else:
            res["known_failures"] += 1
            res["known_failures_flagged"] += bool(detect(c["original"], None))
            res["known_failures_repaired"] += ours == c["fixed"] or ours == expected
            res["ftfy_known_failures_repaired"] += ftfy.fix_encoding(c["original"]) in (c["fixed"], expected)
    return dict(res)


def build_cases(rng: random.Random, n_gen: int, quick: bool) -> tuple[list[Case], dict[str, str]]:
    cases: list[Case] = []
    clean_texts: dict[str, str] = {}
    for lang, sents in SENTENCES.items():
        gen = generated_sentences(lang, n_gen, rng)
        pool = sents + gen
        clean_texts[lang] = "\n".join(pool + TRAPS.get(lang, []))
        texts = [t for t in (" ".join(sents), " ".join(gen[:10])) if t]
        pages = native_pages(lang)
        pairs = [(w, r) for w in pages for r in PAGES if r != w]
        if quick:
            pairs = rng.sample(pairs, min(len(pairs), 40))
        for w, r in pairs:
            # the sentences the written page can hold (names with foreign letters may not fit)
            texts_w = [" ".join(y for x in chunk if (y := fit(x, w))) for chunk in (sents, gen[:10])]
            for t in texts_w:
                c = text_case("codepage", lang, t, cp_damage(t, w, r), (w, r))
                if c:
                    cases.append(c)
            # partial damage: one letter, or one sentence of the text
            t = texts_w[0]
            c = text_case("codepage-partial", lang, t, partial_letter(t, w, r, rng), (w, r))
            if c:
                # a letter turned into another letter of the language only shows through the
                # word list: scored apart
                lex = lexicon(lang)
                glyphs = PARTIAL_GLYPHS.get((t, w, r), set())
                if lex is not None and glyphs and glyphs <= set(lex.core):
                    c.kind = "codepage-in-alphabet"
                cases.append(c)
            ok = [y for x in sents if (y := fit(x, w))]
            k = rng.randrange(len(ok)) if ok else 0
            one = cp_damage(ok[k], w, r) if ok else None
            if one is not None:
                c = text_case("codepage-partial", lang, t, " ".join(ok[:k] + [one] + ok[k + 1:]), (w, r))
                if c:
                    cases.append(c)
        for r in mojibake_pages(lang):
            for t in texts:
                for kind, dmg in (("mojibake-text", sloppy_decode(t.encode("utf-8"), r)),
                                  ("mojibake-2x", mojibake_twice(t, r))):
                    c = text_case(kind, lang, t, dmg)
                    if c:
                        cases.append(c)
        for w in pages[: (3 if quick else len(pages))]:
            for t in texts:
                t = ". ".join(y for x in t.split(". ") if (y := fit(x, w)))
                c = text_case("reverse", lang, t, reverse(t, w))
                if c:
                    cases.append(c)
        for kind in KINDS:
            if kind.startswith("codepage") or kind in ("mojibake-text", "mojibake-2x", "reverse"):
                continue
            for s in pool:
                c = inject_word(s, lang, kind, rng)
                if c:
                    cases.append(c)
    return cases, clean_texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a sample of the code-page pairs, fewer sentences")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--no-ftfy", action="store_true")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    n_gen = 20 if args.quick else 150
    use_ftfy = not args.no_ftfy

    cases, clean_texts = build_cases(rng, n_gen, args.quick)
    t0 = time.perf_counter()
    scores = score(cases, use_ftfy)
    elapsed = time.perf_counter() - t0
    langs = list(SENTENCES)
    print(f"{len(cases)} damaged texts in {len(langs)} languages, scored in {elapsed:.1f} s\n")

    head = (f"{'kind':<17}{'lang':<5}{'spans':>6}{'recall':>8}{'prec':>7}{'repair':>8}{'cause':>7}"
            f"   {'ftfy rec':>8}{'ftfy prec':>10}")
    print(head)
    print("-" * len(head))
    totals: dict[str, Score] = defaultdict(Score)
    no_list: dict[str, Score] = defaultdict(Score)
    by_lang: dict[str, Score] = defaultdict(Score)
    rows = []
    for (kind, lang), sc in sorted(scores.items(), key=lambda kv: (KINDS.index(kv[0][0]), langs.index(kv[0][1]))):
        (no_list if lang in NO_WORD_LIST else totals)[kind].add(sc)
        if kind != "misspelling":
            by_lang[lang].add(sc)
        rows.append(_row(kind, lang, sc, use_ftfy))
        print(_fmt(rows[-1]))
    print("-" * len(head))
    print("All languages with a word list (the targets of issue 7):")
    total_rows = [_row(kind, "all", totals[kind], use_ftfy) for kind in KINDS if kind in totals]
    for r in total_rows:
        print(_fmt(r) + _target(r))
    print(f"Languages without a word list ({', '.join(NO_WORD_LIST)}; alphabet only, no target):")
    no_list_rows = [_row(kind, "nolist", no_list[kind], use_ftfy) for kind in KINDS if kind in no_list]
    for r in no_list_rows:
        print(_fmt(r))
    print("\nEvery encoding kind together, per language:")
    lang_rows = [_row("encoding", lang, by_lang[lang], use_ftfy) for lang in langs if lang in by_lang]
    for r in lang_rows:
        print(_fmt(r))

    print("\nFalse alarms on clean text (per 10,000 words):")
    fa_rows = []
    for lang in langs:
        fa_rows.append({"lang": lang, "source": "sentences+traps", **false_alarms(lang, clean_texts[lang], use_ftfy)})
        real = shared_clean(lang)
        if real:
            fa_rows.append({"lang": lang, "source": "shared corpora", **false_alarms(lang, real, use_ftfy)})
    for r in fa_rows:
        per = 10000 / max(1, r["words"])
        ff = f"  ftfy {r['ftfy'] * per:5.1f}" if use_ftfy else ""
        print(f"  {r['lang']:<4}{r['source']:<16}{r['words']:>7} words  encoding {r['encoding'] * per:5.1f}"
              f"  misspelling {r['misspelling'] * per:5.1f}{ff}  {r['examples'][:4] if r['examples'] else ''}")
    words = sum(r["words"] for r in fa_rows)
    enc = sum(r["encoding"] for r in fa_rows)
    mis = sum(r["misspelling"] for r in fa_rows)
    fft = sum(r.get("ftfy", 0) for r in fa_rows)
    print(f"  all {words} words: encoding {enc * 1e4 / words:.2f}, misspelling {mis * 1e4 / words:.2f}"
          + (f", ftfy {fft * 1e4 / words:.2f}" if use_ftfy else "") + " per 10,000")

    fc = ftfy_cases()
    if fc:
        print(f"\nftfy's test cases: {fc.get('pass_flagged', 0)}/{fc.get('pass', 0)} positive cases flagged; "
              f"{fc.get('pass_same_repair', 0)}/{fc.get('pass_changed', 0)} repairs equal to ftfy's expected "
              f"repair; {fc.get('negative_flagged', 0)} of {fc.get('negative_unchanged', 0)} negative cases "
              f"flagged; known failures of ftfy: {fc.get('known_failures_repaired', 0)}/"
              f"{fc.get('known_failures', 0)} repaired, {fc.get('known_failures_flagged', 0)} flagged "
              f"(ftfy: {fc.get('ftfy_known_failures_repaired', 0)})")

    mbs, ftfy_mbs = throughput(list(clean_texts.values()) + [shared_clean(lg) for lg in langs if shared_clean(lg)],
                               list(clean_texts) + [lg for lg in langs if shared_clean(lg)])
    print(f"\nThroughput on clean text: detector {mbs:.2f} MB/s, ftfy.fix_encoding {ftfy_mbs:.2f} MB/s (one core)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"rows": rows, "totals": total_rows, "totals_without_word_list": no_list_rows,
                       "languages": lang_rows, "false_alarms": fa_rows,
                       "pairs": _pairs(cases), "ftfy_cases": fc,
                       "throughput_mb_s": mbs, "ftfy_throughput_mb_s": ftfy_mbs}, fh, indent=1,
                      ensure_ascii=False)
    return 0


def _pairs(cases: list[Case]) -> list[dict]:
    """Recall and precision per (written, read) pair of the full-text code-page cases."""
    by: dict[tuple[str, str], Score] = defaultdict(Score)
    for c in cases:
        if c.kind == "codepage" and c.pages:
            by[c.pages].add(score([c], False)[(c.kind, c.lang)])
    return [{"written": w, "read": r, **{k: v for k, v in _row("codepage", "all", sc, False).items()
                                          if k in ("spans", "recall", "precision", "repaired", "cause")}}
            for (w, r), sc in sorted(by.items())]


def _row(kind: str, lang: str, sc: Score, use_ftfy: bool) -> dict:
    def ratio(a, b):
        return round(a / b, 3) if b else None

    ff = use_ftfy and kind != "misspelling"
    return {"kind": kind, "lang": lang, "spans": sc.injected, "recall": ratio(sc.found, sc.injected),
            "precision": ratio(sc.correct, sc.findings), "repaired": ratio(sc.repaired, sc.found),
            "cause": ratio(sc.cause_ok, sc.cp_findings), "mixed_causes": sc.mixed_causes,
            "ftfy_recall": ratio(sc.ftfy_found, sc.injected) if ff else None,
            "ftfy_precision": ratio(sc.ftfy_correct, sc.ftfy_findings) if ff else None,
            "missed": sc.examples, "false": sc.false}


def _fmt(r: dict) -> str:
    def f(x, w):
        return f"{x:>{w}.2f}" if isinstance(x, float) else f"{'-':>{w}}"

    extra = ""
    if r["lang"] not in ("all", "nolist"):
        if r.get("missed"):
            extra += f"   missed e.g. {r['missed']}"
        if r.get("false"):
            extra += f"   false e.g. {r['false']}"
    return (f"{r['kind']:<17}{r['lang']:<5}{r['spans']:>6}{f(r['recall'], 8)}{f(r['precision'], 7)}"
            f"{f(r['repaired'], 8)}{f(r['cause'], 7)}   {f(r['ftfy_recall'], 8)}{f(r['ftfy_precision'], 10)}"
            + extra)


def _target(r: dict) -> str:
    t = TARGETS.get(r["kind"])
    if not t:
        return ""
    ok = (r["recall"] or 0) >= t[0] and (t[1] is None or (r["precision"] or 0) >= t[1])
    return "   target met" if ok else f"   TARGET MISSED (recall ≥ {t[0]}" + (
        f", precision ≥ {t[1]})" if t[1] else ")")


if __name__ == "__main__":
    sys.exit(main())
