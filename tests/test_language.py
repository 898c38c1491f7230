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
