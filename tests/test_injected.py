"""Defects injected into clean parallel text are found with the right rule at the
right place; the untouched text yields no major finding. Several language pairs."""
import pytest

import tqcheck
from tqcheck.findings import Severity

EN = [
    "The annual meeting of the association took place in Vienna on 14 March 2023.",
    "More than 250 delegates from 31 countries attended the conference.",
    "President Maria Schneider opened the session with a short speech.",
    "She thanked the organisers for their excellent preparation.",
    "The delegates then discussed the budget for the coming year.",
    "After a long debate, the budget of 4.5 million euros was approved.",
    "The next meeting will be held in Lisbon in the spring.",
    "The session ended with a reception at the town hall.",
]
PARALLEL = {
    "de": [
        "Die Jahresversammlung des Verbandes fand am 14. März 2023 in Wien statt.",
        "Mehr als 250 Delegierte aus 31 Ländern nahmen an der Konferenz teil.",
        "Präsidentin Maria Schneider eröffnete die Sitzung mit einer kurzen Rede.",
        "Sie dankte den Organisatoren für die hervorragende Vorbereitung.",
        "Anschließend erörterten die Delegierten den Haushalt für das kommende Jahr.",
        "Nach einer langen Debatte wurde der Haushalt von 4,5 Millionen Euro angenommen.",
        "Die nächste Versammlung wird im Frühjahr in Lissabon stattfinden.",
        "Die Sitzung endete mit einem Empfang im Rathaus.",
    ],
    "fr": [
        "L'assemblée annuelle de l'association s'est tenue à Vienne le 14 mars 2023.",
        "Plus de 250 délégués venus de 31 pays ont participé à la conférence.",
        "La présidente Maria Schneider a ouvert la séance par un bref discours.",
        "Elle a remercié les organisateurs pour leur excellente préparation.",
        "Les délégués ont ensuite examiné le budget de l'année à venir.",
        "Après un long débat, le budget de 4,5 millions d'euros a été approuvé.",
        "La prochaine réunion se tiendra à Lisbonne au printemps.",
        "La séance s'est terminée par une réception à l'hôtel de ville.",
    ],
    "pl": [
        "Doroczne zebranie stowarzyszenia odbyło się w Wiedniu 14 marca 2023 roku.",
        "W konferencji wzięło udział ponad 250 delegatów z 31 krajów.",
        "Przewodnicząca Maria Schneider otworzyła posiedzenie krótkim przemówieniem.",
        "Podziękowała organizatorom za znakomite przygotowanie.",
        "Następnie delegaci omówili budżet na przyszły rok.",
        "Po długiej debacie przyjęto budżet w wysokości 4,5 miliona euro.",
        "Następne zebranie odbędzie się wiosną w Lizbonie.",
        "Posiedzenie zakończyło się przyjęciem w ratuszu.",
    ],
    "ru": [
        "Ежегодное собрание ассоциации состоялось в Вене 14 марта 2023 года.",
        "В конференции приняли участие более 250 делегатов из 31 страны.",
        "Президент Мария Шнайдер открыла заседание короткой речью.",
        "Она поблагодарила организаторов за отличную подготовку.",
        "Затем делегаты обсудили бюджет на следующий год.",
        "После долгих дебатов был утверждён бюджет в размере 4,5 миллиона евро.",
        "Следующее собрание состоится весной в Лиссабоне.",
        "Заседание завершилось приёмом в ратуше.",
    ],
    "zh": [
        "协会年会于2023年3月14日在维也纳举行。",
        "来自31个国家的250多名代表出席了会议。",
        "主席玛丽亚·施耐德以简短的讲话宣布会议开幕。",
        "她感谢组织者的出色准备工作。",
        "随后，代表们讨论了来年的预算。",
        "经过长时间的辩论，450万欧元的预算获得通过。",
        "下一次会议将于春季在里斯本举行。",
        "会议以在市政厅举行的招待会结束。",
    ],
}
SEP = {"zh": ""}


def doc(sents, lang, paragraphs=(4, 4)):
    """Sentences joined into paragraphs of the given sizes."""
    sep, out, k = SEP.get(lang, " "), [], 0
    for n in paragraphs:
        out.append(sep.join(sents[k:k + n]))
        k += n
    assert k == len(sents)
    return "\n\n".join(out) + "\n"


def majors(report):
    return [f for f in report.findings if f.severity in (Severity.MAJOR, Severity.CRITICAL)]


@pytest.mark.parametrize("lang", sorted(PARALLEL))
def test_untouched_pair_has_no_major_finding(lang):
    r = tqcheck.check(doc(EN, "en"), doc(PARALLEL[lang], lang), "en", lang)
    assert majors(r) == [], [(f.rule, f.source_excerpt, f.target_excerpt, f.message) for f in majors(r)]


@pytest.mark.parametrize("lang", sorted(PARALLEL))
def test_omitted_sentence(lang):
    tgt = list(PARALLEL[lang])
    del tgt[3]
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang, (3, 4)), "en", lang)
    om = [f for f in r.findings if f.rule == "TQ101"]
    assert len(om) == 1 and om[0].source_segment == 3 and om[0].source_excerpt == EN[3], r.findings


@pytest.mark.parametrize("lang", sorted(PARALLEL))
def test_omitted_sentence_with_anchors(lang):
    """The omitted sentence carries numbers (as most factual sentences do): found in every pair,
    Chinese included."""
    tgt = list(PARALLEL[lang])
    del tgt[1]
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang, (3, 4)), "en", lang)
    om = [f for f in r.findings if f.rule in ("TQ101", "TQ103") and f.severity != Severity.INFO]
    assert len(om) == 1 and om[0].source_segment == 1 and om[0].source_excerpt == EN[1], r.findings


@pytest.mark.parametrize("lang", ["de", "fr", "ru"])
def test_added_sentence(lang):
    extra = {"de": "Außerdem wurde ein neuer Vorstand gewählt, der sofort seine Arbeit aufnahm.",
             "fr": "En outre, un nouveau conseil a été élu et il a immédiatement commencé ses travaux.",
             "ru": "Кроме того, было избрано новое правление, которое сразу же приступило к работе."}[lang]
    tgt = list(PARALLEL[lang])
    tgt.insert(5, extra)
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang, (4, 5)), "en", lang)
    add = [f for f in r.findings if f.rule == "TQ102"]
    assert len(add) == 1 and add[0].target_segment == 5 and add[0].target_excerpt == extra, r.findings


@pytest.mark.parametrize("lang,old,new", [
    ("de", "250", "205"), ("fr", "31", "13"), ("pl", "4,5", "5,4"), ("ru", "250", "150"), ("zh", "31", "13"),
])
def test_changed_number(lang, old, new):
    tgt = [s.replace(old, new, 1) for s in PARALLEL[lang]]
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    f = [x for x in r.findings if x.rule == "TQ201" and x.severity != Severity.INFO]
    assert f and all(x.target_excerpt and new in x.target_excerpt for x in f), r.findings


@pytest.mark.parametrize("lang,old,new", [
    ("de", "14. März", "15. März"), ("fr", "14 mars", "14 avril"), ("pl", "14 marca", "14 maja"),
    ("ru", "14 марта", "24 марта"),
])
def test_changed_date(lang, old, new):
    tgt = [s.replace(old, new, 1) for s in PARALLEL[lang]]
    assert tgt != PARALLEL[lang]
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    f = [x for x in r.findings if x.rule in ("TQ201", "TQ202") and x.severity != Severity.INFO]
    assert f and f[0].target_segment == 0, r.findings


@pytest.mark.parametrize("lang,old,new", [
    ("de", "Maria Schneider", "Maria Fischer"), ("fr", "Schneider", "Dupont"),
    ("pl", "Lizbonie", "Madrycie"),
])
def test_changed_name(lang, old, new):
    tgt = [s.replace(old, new, 1) for s in PARALLEL[lang]]
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    f = [x for x in r.findings if x.rule == "TQ203" and x.severity != Severity.INFO]
    assert f, r.findings


def _codepage(text: str, written: str, read: str) -> str:
    return text.encode(written).decode(read)


@pytest.mark.parametrize("lang,seg,written,read", [
    # sentence 5 has "ś", one of the letters cp1250 and ISO-8859-2 store at different bytes
    ("pl", 5, "cp1250", "iso8859_2"), ("pl", 5, "iso8859_2", "cp1250"),
    # the whole Cyrillic sentence changes (and its capital becomes lower case), so take one that
    # starts a paragraph: segmentation cannot merge it into its neighbour
    ("ru", 4, "cp1251", "koi8_r"),
])
def test_codepage_glitch(lang, seg, written, read):
    tgt = list(PARALLEL[lang])
    damaged = _codepage(tgt[seg], written, read)
    assert damaged != tgt[seg]
    tgt[seg] = damaged
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    f = [x for x in r.findings if "TQ301" <= x.rule <= "TQ308" and x.target_segment == seg
         and x.severity != Severity.INFO]
    assert f, [(x.rule, x.target_segment, x.target_excerpt) for x in r.findings]
    repaired = PARALLEL[lang][seg]
    for x in f:
        assert x.suggestion and x.suggestion in repaired, (x.target_excerpt, x.suggestion)
    assert {x.rule for x in f} == {"TQ301"}


@pytest.mark.parametrize("lang,seg,legacy", [("de", 2, "cp1252"), ("fr", 2, "cp1252"), ("pl", 3, "cp1250")])
def test_utf8_mojibake(lang, seg, legacy):
    tgt = list(PARALLEL[lang])
    tgt[seg] = tgt[seg].encode("utf-8").decode(legacy)  # UTF-8 bytes read as a legacy code page
    r = tqcheck.check(doc(EN, "en"), doc(tgt, lang), "en", lang)
    f = [x for x in r.findings if x.rule == "TQ302" and x.target_segment == seg]
    assert f, [(x.rule, x.target_excerpt) for x in r.findings]
    assert all(x.suggestion and x.suggestion in PARALLEL[lang][seg] for x in f)
