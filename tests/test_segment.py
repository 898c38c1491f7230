"""Paragraphs and sentences (tqcheck.segment, tqcheck.io.markdown)."""
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.document import CODE, HEADING, LIST_ITEM, QUOTE, TEXT
from tqcheck.io.text import read_text
from tqcheck.segment import (abbreviations, parse_document, parse_lines, split_sentences,
                             writes_ordinal_period)

# --- sentence splitting: (lang, text, expected sentences) -------------------------------

SPLITS = [
    # English
    ("en", "Mr. Smith went to Washington. He arrived at 3 p.m. on Monday. Then he left.",
     ["Mr. Smith went to Washington.", "He arrived at 3 p.m. on Monday.", "Then he left."]),
    ("en", "Let me thank H.E. Mevlüt Çavuşoğlu for this. The U.S. economy grew 3.5% in 2021.",
     ["Let me thank H.E. Mevlüt Çavuşoğlu for this.", "The U.S. economy grew 3.5% in 2021."]),
    ("en", "It was e.g. good, i.e. better. We saw apples, pears, etc. The end.",
     ["It was e.g. good, i.e. better.", "We saw apples, pears, etc.", "The end."]),
    ("en", 'He said "Stop." Then he left. Was it true? Yes! Wait... what? I don\'t know... Maybe.',
     ['He said "Stop."', "Then he left.", "Was it true?", "Yes!", "Wait... what?",
      "I don't know...", "Maybe."]),
    ("en", "J. R. R. Tolkien wrote (many) books.) It was 20 °C. The sun shone (brightly).",
     ["J. R. R. Tolkien wrote (many) books.)", "It was 20 °C.", "The sun shone (brightly)."]),
    ("en", "Version 3.14 is out. See www.example.com. It cost $5. Next.",
     ["Version 3.14 is out.", "See www.example.com.", "It cost $5.", "Next."]),
    ("en", "He was 8. The others were older.", ["He was 8.", "The others were older."]),
    # Turkish
    ("tr", "Liderlerimiz tarafından 8. Zirve'de kabul edildi. Prof. Dr. Ahmet Yılmaz geldi.",
     ["Liderlerimiz tarafından 8. Zirve'de kabul edildi.", "Prof. Dr. Ahmet Yılmaz geldi."]),
    ("tr", "Elma, armut vb. Sonra gittik. Toplantı 11. Ocak'ta değil, 12. gün yapıldı.",
     ["Elma, armut vb.", "Sonra gittik.", "Toplantı 11. Ocak'ta değil, 12. gün yapıldı."]),
    # German
    ("de", "Am 11. Januar 2022 trafen wir uns. Das war z.B. gut. Die Zahl ist 1.000,5 Euro.",
     ["Am 11. Januar 2022 trafen wir uns.", "Das war z.B. gut.", "Die Zahl ist 1.000,5 Euro."]),
    ("de", "Er kam ca. 10 Min. später. Wir kaufen Äpfel, Birnen usw. Danach gehen wir.",
     ["Er kam ca. 10 Min. später.", "Wir kaufen Äpfel, Birnen usw.", "Danach gehen wir."]),
    ("de", "Prof. Dr. Müller spricht. Es kostet 5 Mio. Euro. Im Jahr 2011. Die Leute kamen.",
     ["Prof. Dr. Müller spricht.", "Es kostet 5 Mio. Euro.", "Im Jahr 2011.", "Die Leute kamen."]),
    ("de", "„Ja.“ Dann ging er. Er sagte: »Nein.« Danach schwieg er.",
     ["„Ja.“", "Dann ging er.", "Er sagte: »Nein.«", "Danach schwieg er."]),
    # French
    ("fr", "M. Dupont est arrivé. Il a dit « Oui. » Puis il est parti. Quoi ? Rien ! C'est tout.",
     ["M. Dupont est arrivé.", "Il a dit « Oui. »", "Puis il est parti.", "Quoi ?", "Rien !",
      "C'est tout."]),
    ("fr", "Voir p. ex. le chap. 3. Mme Durand, etc. Voilà.",
     ["Voir p. ex. le chap. 3.", "Mme Durand, etc.", "Voilà."]),
    # Polish
    ("pl", "Spotkanie odbyło się 3. dnia. To było np. dobre. Mamy jabłka, gruszki itd. Potem poszliśmy.",
     ["Spotkanie odbyło się 3. dnia.", "To było np. dobre.", "Mamy jabłka, gruszki itd.",
      "Potem poszliśmy."]),
    ("pl", "Zajął 2. Miejsce w konkursie. Dr Kowalski był tam.",
     ["Zajął 2. Miejsce w konkursie.", "Dr Kowalski był tam."]),
    # Russian
    ("ru", "Это было в 2020 г. и в 2021 г. Потом всё изменилось. Мы купили яблоки, груши и т.д. Затем ушли.",
     ["Это было в 2020 г. и в 2021 г.", "Потом всё изменилось.", "Мы купили яблоки, груши и т.д.",
      "Затем ушли."]),
    ("ru", "Проф. Иванов пришёл. Он сказал: «Да!» Все согласились.",
     ["Проф. Иванов пришёл.", "Он сказал: «Да!»", "Все согласились."]),
    # Chinese and Japanese: no spaces
    ("zh", "我们今天开会。他说：“好的。”然后走了！真的吗？是的。价格是３．５元。",
     ["我们今天开会。", "他说：“好的。”", "然后走了！", "真的吗？", "是的。", "价格是３．５元。"]),
    ("ja", "今日は晴れです。明日は雨でしょう！本当ですか？「はい。」そうです。",
     ["今日は晴れです。", "明日は雨でしょう！", "本当ですか？", "「はい。」", "そうです。"]),
    # Arabic, Hindi, Greek, Spanish, Slovenian
    ("ar", "هل أنت بخير؟ نعم، أنا بخير. شكرا لك.", ["هل أنت بخير؟", "نعم، أنا بخير.", "شكرا لك."]),
    ("hi", "यह एक वाक्य है। यह दूसरा वाक्य है।", ["यह एक वाक्य है।", "यह दूसरा वाक्य है।"]),
    ("el", "Τι κάνεις; Είμαι καλά. Ευχαριστώ.", ["Τι κάνεις;", "Είμαι καλά.", "Ευχαριστώ."]),
    ("el", "Τι κάνεις\u037e Είμαι καλά, κλπ. Ναι.", ["Τι κάνεις\u037e", "Είμαι καλά, κλπ.", "Ναι."]),
    ("es", "¿Qué pasa? ¡Nada! Sr. García llegó. Bien.", ["¿Qué pasa?", "¡Nada!", "Sr. García llegó.", "Bien."]),
    ("sl", "To je. Naslednji stavek. Dr. Novak je prišel.",
     ["To je.", "Naslednji stavek.", "Dr. Novak je prišel."]),
    # no language: generic rules only
    (None, "First one. Second one! Third? The U.S. is big. Number 8. Zirve here. Ab e.g. cd.",
     ["First one.", "Second one!", "Third?", "The U.S. is big.", "Number 8. Zirve here.",
      "Ab e.g. cd."]),
    (None, "English text; no split in a semicolon; here. Greek one.",
     ["English text; no split in a semicolon; here.", "Greek one."]),
]


@pytest.mark.parametrize("lang, text, expected", SPLITS, ids=lambda v: v if isinstance(v, str) and len(v) < 4 else None)
def test_split(lang, text, expected):
    assert split_sentences(text, lang) == expected


def test_english_semicolon_is_not_greek_question_mark():
    assert split_sentences("Ti kaneis; Eimai kala.", "en") == ["Ti kaneis; Eimai kala."]


def test_orthographic_evidence_splits_after_abbreviation():
    # "Inc." normally keeps the next word; but "the" is written lowercase mid-sentence here,
    # so a capital "The" after "Inc." starts a sentence.
    text = ("He worked for the bank and the firm. He joined Apple Inc. The company grew. "
            "He met Apple Inc. Chief Officer Jones.")
    assert split_sentences(text, "en") == [
        "He worked for the bank and the firm.", "He joined Apple Inc.", "The company grew.",
        "He met Apple Inc. Chief Officer Jones."]


def test_language_data():
    assert {"Dr.", "Mr.", "e.g."} <= abbreviations("en")
    assert {"z.B.", "usw.", "bzw."} <= abbreviations("de")
    assert {"Prof.", "vb."} <= abbreviations("tr")
    assert "je." not in abbreviations("sl") and "itd." in abbreviations("sl")
    assert "min." not in abbreviations("sv")  # Swedish "min" is a word ("my")
    assert "°C." not in abbreviations("en")
    for lang in ("ja", "ko", "th", "zh", "qq", "pt-BR", "zh-Hant", None):
        assert isinstance(abbreviations(lang), frozenset)
    assert abbreviations("pt-BR") == abbreviations("pt")
    ordinal = {"de", "tr", "pl", "cs", "sk", "hu", "da", "nb", "no", "fi", "hr", "sl", "sr", "lv", "et", "is"}
    for lang in ordinal:
        assert writes_ordinal_period(lang), lang
    for lang in ("en", "fr", "ru", "es", "it", "nl", "sv", "zh", "ja", "ar", "lt", None, "qq"):
        assert not writes_ordinal_period(lang), lang


def test_cjk_and_thai_documents_do_not_crash():
    for lang, text in [("ja", "東京は大きい。大阪も大きい。"), ("ko", "안녕하세요. 반갑습니다."),
                       ("th", "สวัสดีครับ ยินดีที่ได้รู้จัก"), ("he", "שלום. מה שלומך?")]:
        doc = parse_document(text, lang=lang)
        assert doc.sentences and all(s.text for s in doc.sentences)


# --- Markdown --------------------------------------------------------------------------

MD = """# Title here #

Some *emphasis* and **bold** text with `snake_case` and my_var_name and [a link](http://x.y "t").
Second line ![alt text](img.png) here.  
Third line. \\*not em\\* and 2*3*4.

- item one. Still item one.
* item two
  continues here
1. numbered
2. second

> quoted line one.
> Quoted line two.

```python
code = 1

more = 2. Not checked.
```

Setext Heading
==============

***

__Bold paragraph__

Text with <https://example.com> autolink, ~~strike~~, _em_ and `a*b*c` code.
"""


@pytest.fixture(scope="module")
def md_doc():
    return parse_document(MD, path="x.md", lang="en")


def test_markdown_blocks(md_doc):
    kinds = [(p.kind, p.level, p.bold, p.line, p.end_line) for p in md_doc.paragraphs]
    assert kinds == [
        (HEADING, 1, False, 1, 1), (TEXT, 0, False, 3, 5), (LIST_ITEM, 0, False, 7, 7),
        (LIST_ITEM, 0, False, 8, 9), (LIST_ITEM, 0, False, 10, 10), (LIST_ITEM, 0, False, 11, 11),
        (QUOTE, 0, False, 13, 14), (CODE, 0, False, 16, 20), (HEADING, 1, False, 22, 23),
        (HEADING, 0, True, 27, 27), (TEXT, 0, False, 29, 29)]


def test_markdown_clean_text(md_doc):
    texts = [[md_doc.sentences[i].text for i in p.sentences] for p in md_doc.paragraphs]
    assert texts == [
        ["Title here"],
        ["Some emphasis and bold text with snake_case and my_var_name and a link.",
         "Second line alt text here.", "Third line.", "*not em* and 2*3*4."],
        ["item one.", "Still item one."],
        ["item two continues here"],
        ["numbered"], ["second"],
        ["quoted line one.", "Quoted line two."],
        [],
        ["Setext Heading"],
        ["Bold paragraph"],
        ["Text with https://example.com autolink, strike, em and a*b*c code."]]


def test_code_block_kept_not_checked(md_doc):
    code = md_doc.paragraphs[7]
    assert code.raw.startswith("```python") and code.raw.endswith("```") and "more = 2" in code.raw
    assert not any("Not checked" in s.text for s in md_doc.sentences)


def test_sentence_metadata(md_doc):
    sents = md_doc.sentences
    assert [s.index for s in sents] == list(range(len(sents)))
    for p in md_doc.paragraphs:
        for k, i in enumerate(p.sentences):
            s = sents[i]
            assert s.paragraph == p.index and s.kind == p.kind
            assert s.para_start == (k == 0) and s.para_end == (k == len(p.sentences) - 1)
            assert p.start <= s.start < s.end <= p.end
            assert p.line <= s.line <= p.end_line
    third = next(s for s in sents if s.text == "Third line.")
    assert third.line == 5 and MD[third.start:third.end] == "Third line."


def test_offsets_across_markup_and_line_breaks(md_doc):
    s = md_doc.sentences[1]
    i = s.text.index("bold")
    a, b = s.file_span(i, i + 4)
    assert MD[a:b] == "bold" and MD[a - 2:a] == "**"
    second = md_doc.sentences[2]
    a, b = second.file_span(0, len(second.text))
    assert MD[a:b].startswith("Second line ![alt text]") and MD[a:b].endswith("here.")
    link = s.text.index("a link")
    assert MD[s.file_offset(link):s.file_offset(link) + 6] == "a link"
    assert md_doc.line_of(s.file_offset(len(s.text) - 1)) == 3


def test_bold_title_over_lines_is_one_heading_sentence():
    text = "\n\n**SPEECH OF THE\nSECRETARY GENERAL AT THE\nMEETING**\n\nIstanbul, 11 January 2022\n"
    doc = parse_document(text, lang="en")
    p0 = doc.paragraphs[0]
    assert (p0.kind, p0.bold, p0.level, p0.line, p0.end_line) == (HEADING, True, 0, 3, 5)
    assert [doc.sentences[i].text for i in p0.sentences] == [
        "SPEECH OF THE SECRETARY GENERAL AT THE MEETING"]
    assert doc.paragraphs[1].kind == TEXT


def test_bold_lines_with_hard_breaks_are_one_heading():
    text = "**GENEL SEKRETER'İN**  \n**DIŞİŞLERİ BAKANLARI**  \n**TOPLANTISINA**\n\nMetin.\n"
    doc = parse_document(text, lang="tr")
    assert doc.paragraphs[0].kind == HEADING and doc.paragraphs[0].bold
    assert doc.sentences[0].text == "GENEL SEKRETER'İN DIŞİŞLERİ BAKANLARI TOPLANTISINA"


def test_partly_bold_paragraph_is_text():
    doc = parse_document("**Note:** this is important.\n", lang="en")
    assert doc.paragraphs[0].kind == TEXT and not doc.paragraphs[0].bold
    assert doc.sentences[0].text == "Note: this is important."


def test_emphasis_in_cjk_text_and_not_inside_words():
    doc = parse_document("这是**重点**内容。还有*强调*。\n\n**全部粗体**\n\nsnake_case, 2*3*4, my__x__y.\n",
                         lang="zh")
    assert [s.text for s in doc.sentences] == [
        "这是重点内容。", "还有强调。", "全部粗体", "snake_case, 2*3*4, my__x__y."]
    assert doc.paragraphs[1].kind == HEADING and doc.paragraphs[1].bold


def test_heading_with_sentences_splits():
    doc = parse_document("## Einleitung. Die Lage ist ernst.\n\nText.\n", lang="de")
    assert [s.text for s in doc.sentences[:2]] == ["Einleitung.", "Die Lage ist ernst."]
    assert doc.paragraphs[0].level == 2


def test_ordered_list_needs_one_to_interrupt_a_paragraph():
    doc = parse_document("Wir trafen uns am\n11. Januar in Berlin.\n", lang="de")
    assert len(doc.paragraphs) == 1
    assert doc.sentences[0].text == "Wir trafen uns am 11. Januar in Berlin."


def test_unclosed_fence_runs_to_end():
    doc = parse_document("Text.\n\n~~~\ncode\n\nmore code\n", lang="en")
    assert [p.kind for p in doc.paragraphs] == [TEXT, CODE]
    assert [s.text for s in doc.sentences] == ["Text."]


def test_crlf_lines_and_offsets():
    text = "Erste Zeile.\r\nNoch dabei.\r\n\r\nZweiter Absatz. Ende.\r\n"
    doc = parse_document(text, lang="de")
    assert [s.text for s in doc.sentences] == ["Erste Zeile.", "Noch dabei.", "Zweiter Absatz.", "Ende."]
    assert [s.line for s in doc.sentences] == [1, 2, 4, 4]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


# --- fixtures ----------------------------------------------------------------------------

def _doc(path, lang):
    text, enc = read_text(str(path))
    return parse_document(text, path=str(path), encoding=enc, lang=lang)


@pytest.mark.parametrize("lang", ["en", None])
def test_english_fixture(fixture_pair, lang):
    doc = _doc(fixture_pair[0], lang)
    p0 = doc.paragraphs[0]
    assert p0.kind == HEADING and p0.bold and len(p0.sentences) == 1 and (p0.line, p0.end_line) == (3, 5)
    texts = [s.text for s in doc.sentences]
    assert texts[0].startswith("SPEECH OF SECRETARY GENERAL") and texts[0].endswith("TURKIC STATES")
    h_e = [t for t in texts if "H.E." in t]
    assert len(h_e) == 1 and "H.E. Mevlüt Çavuşoğlu, Minister" in h_e[0]
    assert "The whole Kazakhstan was a target." in texts
    assert texts[-1] == "Thank you."
    assert len(doc.sentences) == 31 and len(doc.paragraphs) == 23


@pytest.mark.parametrize("lang", ["tr", None])
def test_turkish_fixture(fixture_pair, lang):
    doc = _doc(fixture_pair[1], lang)
    p0 = doc.paragraphs[0]
    assert p0.kind == HEADING and p0.bold and (p0.line, p0.end_line) == (3, 5)
    assert [doc.sentences[i].text for i in p0.sentences] == [
        "GENEL SEKRETER BAGHDAD AMREYEV'İN TÜRK DEVLETLERİ TEŞKİLATI DIŞİŞLERİ BAKANLARI "
        "KONSEYİ OLAĞANÜSTÜ TOPLANTISINA"]
    texts = [s.text for s in doc.sentences]
    zirve = [t for t in texts if "8. Zirve'de" in t]
    assert len(zirve) == 1 and zirve[0].endswith("Türk Dünyası 2040")
    broken = next(s for s in doc.sentences if s.text is zirve[0])
    nxt = doc.sentences[broken.index + 1]
    assert nxt.text.startswith("Vizyonu'nun") and nxt.paragraph == broken.paragraph + 1
    assert broken.para_end and nxt.para_start
    assert len(doc.sentences) == 32


# --- parse_lines -------------------------------------------------------------------------

def test_parse_lines_one_sentence_per_line():
    text = "Himalaya-Chronik 1956 \nMIT NACHTRÄGEN VON G.O.DYHRENFURTH \nEr kam . Er ging .\n\n\nZweiter Teil.\n"
    doc = parse_lines(text, lang="de")
    assert [s.text for s in doc.sentences] == [
        "Himalaya-Chronik 1956", "MIT NACHTRÄGEN VON G.O.DYHRENFURTH", "Er kam . Er ging .", "Zweiter Teil."]
    assert [s.line for s in doc.sentences] == [1, 2, 3, 6]
    assert [p.sentences for p in doc.paragraphs] == [(0, 1, 2), (3,)]
    assert [(s.para_start, s.para_end) for s in doc.sentences] == [
        (True, False), (False, False), (False, True), (True, True)]


def test_parse_lines_keeps_markdown_characters():
    doc = parse_lines("# not a heading\n**kept**\n- kept\n", lang="en")
    assert [s.text for s in doc.sentences] == ["# not a heading", "**kept**", "- kept"]


def test_gold_file_line_count_matches():
    from conftest import need_shared

    path = need_shared("bench", "align", "test0.de")
    text, _ = read_text(str(path))
    doc = parse_lines(text, lang="de")
    nonblank = [ln.strip() for ln in text.split("\n") if ln.strip()]
    assert [s.text for s in doc.sentences] == [" ".join(ln.split()) for ln in nonblank]


# --- offset map: property tests ------------------------------------------------------------

def check_offsets(doc):
    text = doc.text
    prev_start = -1
    for k, s in enumerate(doc.sentences):
        assert s.index == k
        assert s.text and s.text == s.text.strip() and "  " not in s.text and "\n" not in s.text
        covered = [False] * len(s.text)
        last_end = -1
        for c, f, n in s.pieces:
            assert n > 0 and f >= last_end
            assert s.text[c:c + n] == text[f:f + n]
            covered[c:c + n] = [True] * n
            last_end = f + n
        for i, ch in enumerate(s.text):
            if covered[i]:
                assert text[s.file_offset(i)] == ch
            else:
                assert ch == " "
        assert s.start == s.pieces[0][1] and s.end == s.pieces[-1][1] + s.pieces[-1][2]
        assert s.line == doc.line_of(s.start) == text.count("\n", 0, s.start) + 1
        assert s.start >= prev_start
        prev_start = s.start


MARKUP = st.lists(st.sampled_from(
    list("abcXYZ ğİ我。") + [" ", " ", "\t", "\n", "\n", "\r\n", "\n\n", ".", ". ", "!", "?", "…",
                               "*", "**", "_", "__", "`", "```", "~~~", "[", "]", "(", ")", "![", "](",
                               "#", "# ", "> ", "- ", "1. ", "\\", "<", ">", "~~", "=", "---", "  \n",
                               "Dr.", "e.g.", "8. ", "\u00a0", "»", "“"]),
    max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP, st.sampled_from(["en", "de", "tr", "zh", None]))
def test_offset_map_property(text, lang):
    check_offsets(parse_document(text, lang=lang))
    check_offsets(parse_lines(text, lang=lang))


PLAIN = st.lists(st.sampled_from(
    list("abcABC xyz ÇğüİЖж我") + [" ", "\t", "\n", "\n\n", "\r\n", ". ", "! ", "? ", ".", "。", "«", "»"]),
    max_size=100).map("".join)


@settings(max_examples=200, deadline=None)
@given(PLAIN, st.sampled_from(["en", "de", "ru", "ja", None]))
def test_plain_text_loses_nothing(text, lang):
    doc = parse_document(text, lang=lang)
    joined = "".join(s.text for s in doc.sentences)
    assert "".join(joined.split()) == "".join(text.split())
    check_offsets(doc)


# --- performance ---------------------------------------------------------------------------

def test_two_thousand_sentences_fast(fixture_pair):
    base = fixture_pair[0].read_text(encoding="utf-8")
    parse_document(base, lang="en")  # language data loaded once, outside the timing
    text = "\n\n".join([base] * 65)
    markup = "\n\n".join(["Some **bold** and *em* with [a link](http://x.y) and `code`. Next one."] * 300)
    t = time.perf_counter()
    doc = parse_document(text, lang="en")
    doc2 = parse_document(markup, lang="en")
    elapsed = time.perf_counter() - t
    assert len(doc.sentences) >= 2000 and len(doc2.sentences) == 600
    # a guard against super-linear behaviour, not a benchmark (measured ~0.1 s; the figure is
    # reported by benchmarks/bench_check.py): generous so a busy CI machine does not fail it
    assert elapsed < 3.0, elapsed
