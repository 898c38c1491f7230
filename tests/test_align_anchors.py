"""Numbers count as anchors whatever the scripts: an omitted sentence with numbers is found in
language pairs that share no script (English → Chinese, Japanese, Korean, Arabic, Russian);
very short documents get a sane similarity scale; the aligner does not depend on Python's
string hashing."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.align.banded import align_sentences
from tqcheck.align.features import script_factor

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
TGT = {
    "ja": ["協会の年次総会は2023年3月14日にウィーンで開催された。",
           "31か国から250人以上の代表が会議に出席した。",
           "マリア・シュナイダー会長が短いスピーチで会議を開会した。",
           "彼女は主催者の素晴らしい準備に感謝した。",
           "その後、代表たちは来年度の予算について話し合った。",
           "長い議論の末、450万ユーロの予算が承認された。",
           "次回の会議は春にリスボンで開催される。",
           "会議は市庁舎でのレセプションで終了した。"],
    "ko": ["협회 연례 총회가 2023년 3월 14일 비엔나에서 열렸다.",
           "31개국에서 온 250명 이상의 대표가 회의에 참석했다.",
           "마리아 슈나이더 회장이 짧은 연설로 회의를 시작했다.",
           "그녀는 주최 측의 훌륭한 준비에 감사를 표했다.",
           "이어서 대표들은 내년도 예산을 논의했다.",
           "긴 토론 끝에 450만 유로의 예산이 승인되었다.",
           "다음 회의는 봄에 리스본에서 열릴 예정이다.",
           "회의는 시청에서 열린 리셉션으로 끝났다."],
    "ar": ["عُقد الاجتماع السنوي للجمعية في فيينا في 14 مارس 2023.",
           "حضر المؤتمر أكثر من 250 مندوبًا من 31 دولة.",
           "افتتحت الرئيسة ماريا شنايدر الجلسة بكلمة قصيرة.",
           "وشكرت المنظمين على إعدادهم الممتاز.",
           "ثم ناقش المندوبون ميزانية العام المقبل.",
           "وبعد نقاش طويل، تمت الموافقة على ميزانية قدرها 4.5 مليون يورو.",
           "سيعقد الاجتماع القادم في لشبونة في الربيع.",
           "واختتمت الجلسة بحفل استقبال في دار البلدية."],
    "ru": ["Ежегодное собрание ассоциации состоялось в Вене 14 марта 2023 года.",
           "В конференции приняли участие более 250 делегатов из 31 страны.",
           "Президент Мария Шнайдер открыла заседание короткой речью.",
           "Она поблагодарила организаторов за отличную подготовку.",
           "Затем делегаты обсудили бюджет на следующий год.",
           "После долгих дебатов был утверждён бюджет в размере 4,5 миллиона евро.",
           "Следующее собрание состоится весной в Лиссабоне.",
           "Заседание завершилось приёмом в ратуше."],
    "zh": ["协会年会于2023年3月14日在维也纳举行。", "来自31个国家的250多名代表出席了会议。",
           "主席玛丽亚·施耐德以简短的讲话宣布会议开幕。", "她感谢组织者的出色准备工作。",
           "随后，代表们讨论了来年的预算。", "经过长时间的辩论，450万欧元的预算获得通过。",
           "下一次会议将于春季在里斯本举行。", "会议以在市政厅举行的招待会结束。"],
}
SP = [0] * 4 + [1] * 4


@pytest.mark.parametrize("lang", sorted(TGT))
def test_untouched_pair_is_one_to_one(lang):
    res = align_sentences(EN, TGT[lang], src_paragraphs=SP, tgt_paragraphs=SP)
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(8)]


@pytest.mark.parametrize("lang", sorted(TGT))
def test_omitted_sentence_with_numbers_is_one_to_zero(lang):
    tgt = TGT[lang][:1] + TGT[lang][2:]
    res = align_sentences(EN, tgt, src_paragraphs=SP, tgt_paragraphs=[0] * 3 + [1] * 4)
    assert [str(b) for b in res.beads if b.kind != "1-1"] == ["[1]:[]"]


def test_numbers_count_even_with_no_shared_script():
    """English → Chinese without the paragraph structure: only the numbers say which sentence
    is missing; the similarity of the two languages' n-grams is not trusted (coverage ~0)."""
    tgt = TGT["zh"][:1] + TGT["zh"][2:]
    res = align_sentences(EN, tgt)
    assert "[1]:[]" in [str(b) for b in res.beads]
    assert res.stats["coverage"] < 0.05


def test_three_line_document():
    """A very short document: a sentence whose number is absent from the target stays alone."""
    res = align_sentences(["Chapter 1 begins in Berlin.", "Chapter 2 is very short.", "Chapter 3 ends in Paris."],
                          ["Kapitel 1 beginnt in Berlin.", "Kapitel 3 endet in Paris."])
    assert [str(b) for b in res.beads] == ["[0]:[0]", "[1]:[]", "[2]:[1]"]


def test_merge_is_kept_when_numbers_agree():
    """The number cost does not break a real merge: both numbers are in the merged translation."""
    res = align_sentences(["Die Hütte liegt auf 2900 Metern.", "Sie hat 40 Plätze.", "Der Weg ist markiert."],
                          ["The hut lies at 2900 metres and has 40 beds.", "The path is marked."])
    assert [str(b) for b in res.beads] == ["[0, 1]:[0]", "[2]:[1]"]


@pytest.mark.parametrize("texts,expected", [
    (["协会年会于2023年3月14日在维也纳举行。"], 0.35),
    (["협회 연례 총회가 2023년 3월 14일 비엔나에서 열렸다."], 0.5),
    # Japanese: kana beside the characters
    (["協会の年次総会は2023年3月14日にウィーンで開催された。"], 0.5),
    # a Chinese text quoting one Japanese word stays Chinese
    (["协会年会于2023年3月14日在维也纳举行，主题是「さくら」计划的未来发展方向。"], 0.35),
    (["Die Jahresversammlung fand in Wien statt."], 1.0),
])
def test_script_factor(texts, expected):
    assert script_factor(texts) == expected


def test_independent_of_string_hashing():
    """Sets of strings iterate in an order that changes with PYTHONHASHSEED; the alignment (and
    its learned lexicon) must not."""
    root = Path(__file__).resolve().parent.parent
    code = ("import sys; from tqcheck import pipeline; "
            "s = pipeline.segment(open('fixtures/speech.en.txt', encoding='utf-8').read(), lang='en'); "
            "t = pipeline.segment(open('fixtures/speech.tr.txt', encoding='utf-8').read(), lang='tr'); "
            "b, st = pipeline.align(s, t); print([str(x) + f'{x.score:.4f}' for x in b], st['lexicon_size'])")
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(root))
        r = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr[-2000:]
        outs.add(r.stdout)
    assert len(outs) == 1


@pytest.mark.parametrize("lang", sorted(TGT))
def test_untouched_pair_has_no_completeness_finding(lang):
    """No omission, addition or move is reported on a faithful translation, whatever the script
    (a lexicon learned from a handful of pairs must not make unrelated sentences look alike)."""
    import tqcheck
    from tqcheck.findings import Severity

    sep = "" if lang in ("zh", "ja") else " "
    src = " ".join(EN[:4]) + "\n\n" + " ".join(EN[4:]) + "\n"
    tgt = sep.join(TGT[lang][:4]) + "\n\n" + sep.join(TGT[lang][4:]) + "\n"
    rep = tqcheck.check(src, tgt, "en", lang, select=["TQ10"])
    assert [(f.rule, f.message) for f in rep.findings if f.severity != Severity.INFO] == []
