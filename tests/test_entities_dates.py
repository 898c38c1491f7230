"""TQ202 date-mismatch, and the CLDR calendar tables behind it."""
import pytest
from babel.dates import format_date
from datetime import date
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.align.base import Bead
from tqcheck.checks import entities  # noqa: F401  (registers the TQ2xx rules)
from tqcheck.checks.base import REGISTRY, CheckContext
from tqcheck.checks.entity_text import analyze
from tqcheck.document import Document, Sentence
from tqcheck.lang import cldr


def run(src, tgt, sl, tl, codes=("TQ202",)):
    sd = Document(text=src, lang=sl, sentences=[Sentence(0, src, 0, 0, len(src), 1)])
    td = Document(text=tgt, lang=tl, sentences=[Sentence(0, tgt, 0, 0, len(tgt), 1)])
    ctx = CheckContext(source=sd, target=td, beads=[Bead((0,), (0,), 1.0)], src_lang=sl, tgt_lang=tl)
    pair = ctx.pairs()[0]
    return [f for c in codes for f in REGISTRY[c].func(pair, ctx)], ctx.notes


def excerpts(fs):
    return [(f.rule, f.severity.value, f.source_excerpt, f.target_excerpt) for f in fs]


SRC = "The agreement was signed on 11 January 2022 and takes effect in April 2023."
GOOD = {
    "de": "Das Abkommen wurde am 11. Januar 2022 unterzeichnet und tritt im April 2023 in Kraft.",
    "fr": "L'accord a été signé le 11 janvier 2022 et entre en vigueur en avril 2023.",
    "pl": "Umowę podpisano 11 stycznia 2022 r., a wejdzie w życie w kwietniu 2023 r.",
    "ru": "Соглашение было подписано 11 января 2022 года и вступает в силу в апреле 2023 года.",
    "zh": "该协议于2022年1月11日签署，并于2023年4月生效。",
    "tr": "Anlaşma 11 Ocak 2022'de imzalandı ve Nisan 2023'te yürürlüğe giriyor.",
    "hu": "A megállapodást 2022. január 11-én írták alá, és 2023 áprilisában lép hatályba.",
    "fi": "Sopimus allekirjoitettiin 11. tammikuuta 2022, ja se tulee voimaan huhtikuussa 2023.",
    "ja": "協定は2022年1月11日に署名され、2023年4月に発効する。",
}


@pytest.mark.parametrize("tl", sorted(GOOD))
def test_correct_dates_are_quiet(tl):
    fs, notes = run(SRC, GOOD[tl], "en", tl, codes=("TQ201", "TQ202"))
    assert excerpts(fs) == []
    assert not [n for n in notes if n.rule == "TQ202"]


CHANGED = [
    ("de", "11. Januar 2022", "12. Januar 2022", "11 January 2022", "12. Januar 2022", "11. Januar 2022"),
    ("fr", "11 janvier 2022", "11 février 2022", "11 January 2022", "11 février 2022", "11 janvier 2022"),
    ("pl", "11 stycznia 2022", "11 stycznia 2021", "11 January 2022", "11 stycznia 2021", "11 stycznia 2022"),
    ("ru", "11 января 2022", "11 марта 2022", "11 January 2022", "11 марта 2022", "11 января 2022"),
    ("zh", "2022年1月11日", "2022年1月21日", "11 January 2022", "2022年1月21日", "2022年1月11日"),
    ("tr", "11 Ocak 2022", "11 Şubat 2022", "11 January 2022", "11 Şubat 2022", "11 Ocak 2022"),
    ("tr", "Nisan 2023", "Mayıs 2023", "April 2023", "Mayıs 2023", "Nisan 2023"),
]


@pytest.mark.parametrize("tl,old,new,s_ex,t_ex,fix", CHANGED, ids=[f"{c[0]}-{c[2]}" for c in CHANGED])
def test_changed_date_is_reported_with_both_spans_and_a_fix(tl, old, new, s_ex, t_ex, fix):
    assert old in GOOD[tl]
    fs, _ = run(SRC, GOOD[tl].replace(old, new), "en", tl, codes=("TQ201", "TQ202"))
    assert excerpts(fs) == [("TQ202", "major", s_ex, t_ex)]
    assert fs[0].suggestion == fix


@pytest.mark.parametrize("sl,tl,src,tgt", [
    ("en", "de", "Deadline: 2022-01-11.", "Frist: 11.01.2022."),
    ("en", "fr", "Deadline: 01/11/2022.", "Date limite : 11/01/2022."),
    ("en", "pl", "Deadline: 11 January 2022.", "Termin: 11.01.2022."),
    ("en", "zh", "Deadline: 11/01/2022.", "截止日期：2022年1月11日。"),
    ("de", "en", "Am Freitag, dem 3. März 2023, um 10 Uhr.", "On Friday, 3 March 2023, at 10 am."),
    ("ru", "en", "В январе 2022 года в Москве.", "In January 2022 in Moscow."),
    ("en", "de", "Prime Minister Theresa May met them.", "Premierministerin Theresa May traf sie."),
    ("en", "ru", "Prime Minister Theresa May met them.", "Премьер-министр Тереза Мэй встретилась с ними."),
    ("en", "fr", "May I ask a question?", "Puis-je poser une question ?"),
    ("en", "tr", "The 2020 elections were held in November.", "2020 seçimleri Kasım ayında yapıldı."),
    ("zh", "en", "2020年举行了选举。", "Elections were held in 2020."),
])
def test_other_date_forms_are_quiet(sl, tl, src, tgt):
    fs, _ = run(src, tgt, sl, tl, codes=("TQ201", "TQ202"))
    assert excerpts(fs) == []


@pytest.mark.parametrize("sl,tl,src,tgt,s_ex,t_ex", [
    ("en", "de", "Deadline: 2022-01-11.", "Frist: 12.01.2022.", "2022-01-11", "12.01.2022"),
    ("en", "de", "We met on Monday.", "Wir trafen uns am Dienstag.", "Monday", "Dienstag"),
    ("en", "fr", "The works start in April.", "Les travaux commencent en mai.", "April", "mai"),
    ("en", "ru", "The works start in April.", "Работы начнутся в марте.", "April", "марте"),
    ("en", "pl", "The works start in April.", "Prace rozpoczną się w maju.", "April", "maju"),
])
def test_numeric_dates_weekdays_and_months_are_compared(sl, tl, src, tgt, s_ex, t_ex):
    fs, _ = run(src, tgt, sl, tl)
    assert [(f.rule, f.source_excerpt, f.target_excerpt) for f in fs] == [("TQ202", s_ex, t_ex)]


def test_missing_date_is_major_and_lost_year_minor():
    fs, _ = run("Signed on 11 January 2022 in Paris.", "In Paris unterzeichnet.", "en", "de")
    assert excerpts(fs) == [("TQ202", "major", "11 January 2022", None)]
    fs, _ = run("Signed on 11 January 2022 in Paris.", "Am 11. Januar in Paris unterzeichnet.", "en", "de")
    assert excerpts(fs) == [("TQ202", "minor", "11 January 2022", "11. Januar")]


def test_no_calendar_data_gives_one_note():
    fs, notes = run("Signed on 11 January 2022.", "Signed on 11 January 2022.", "en", "qaa")
    assert fs == []
    assert [n.rule for n in notes] == ["TQ202"]


def test_month_tables_have_every_form_and_are_not_contaminated():
    # loading a CJK locale first used to leak its stand-alone names into other locales in babel
    assert cldr.month_names("zh")[1][0] == "一月"
    de = cldr.month_names("de")
    assert "Januar" in de[1] and all(not any(ord(c) > 0x2000 for c in f) for fs in de.values() for f in fs)
    ru = cldr.month_names("ru")
    assert {"января", "январь"} <= set(ru[1])
    pl = cldr.month_names("pl")
    assert {"stycznia", "styczeń"} <= set(pl[1])
    from babel import Locale

    assert Locale("de").months["format"]["wide"][1] == "Januar"  # babel's own cache untouched


def test_inflected_month_forms_are_read():
    assert [sorted(d.cands) for d in analyze("в январе", "ru").dates] == [[(None, 1, None)]]
    assert [sorted(d.cands) for d in analyze("w styczniu", "pl").dates] == [[(None, 1, None)]]
    assert [sorted(d.cands) for d in analyze("tammikuussa 2022", "fi").dates] == [[(2022, 1, None)]]
    assert [sorted(d.cands) for d in analyze("Ocak'ta", "tr").dates] == [[(None, 1, None)]]
    # Czech June (červen) and July (červenec) share a stem: each form keeps its own month
    assert [sorted(d.cands) for d in analyze("v červnu a v červenci", "cs").dates] == [[(None, 6, None)], [(None, 7, None)]]


LANGS = ["de", "fr", "pl", "ru", "tr", "es", "it", "nl", "fi", "cs", "zh", "ja", "ko", "hu", "uk", "pt"]


@settings(max_examples=120, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(LANGS), st.sampled_from(["long", "medium", "short"]))
def test_cldr_formatted_dates_match_the_english_date(d, tl, width):
    src = f"It happened on {format_date(d, 'long', locale='en')}."
    tgt = format_date(d, width, locale=tl)
    fs, _ = run(src, tgt, "en", tl, codes=("TQ201", "TQ202"))
    assert excerpts(fs) == []
    other = d.replace(day=d.day % 28 + 1) if d.day != 28 else d.replace(day=3)
    fs, _ = run(src, format_date(other, width, locale=tl), "en", tl, codes=("TQ202",))
    assert [f.rule for f in fs] == ["TQ202"]
