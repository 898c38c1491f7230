"""TQ11x structure checks, through the public API."""
import tqcheck


def rules_of(report, prefix="TQ11"):
    return [f for f in report.findings if f.rule.startswith(prefix)]


def test_paragraph_broken_mid_sentence_target():
    src = "The vision was adopted by the eighth summit of our leaders in Istanbul.\n\nWe thank you."
    tgt = ("Die Vision wurde vom achten Gipfel unserer Staatschefs\n\nin Istanbul angenommen.\n\n"
           "Wir danken Ihnen.")
    r = tqcheck.check(src, tgt, "en", "de")
    f = [x for x in r.findings if x.rule == "TQ110"]
    assert len(f) == 1, r.findings
    assert f[0].target_line == 1 and f[0].target_excerpt.endswith("Staatschefs")
    assert f[0].suggestion.startswith("Die Vision") and "Staatschefs in Istanbul" in f[0].suggestion


def test_paragraph_broken_before_capitalised_word_found_from_alignment():
    # the continuation starts with a capital (a name), so only the alignment tells
    src = ("These events proved the importance of the Turkic World Vision 2040 adopted by the Summit.\n\n"
           "Thank you very much for your attention.")
    tgt = ("Bu olaylar, Zirve'de kabul edilen Türk Dünyası 2040\n\n"
           "Vizyonu'nun önemini bir kez daha ortaya koymuştur.\n\nİlginiz için çok teşekkür ederim.")
    r = tqcheck.check(src, tgt, "en", "tr")
    assert [x.rule for x in r.findings if x.rule == "TQ110"] == ["TQ110"], r.findings


def test_normal_paragraphs_and_headings_are_quiet():
    src = "# Title\n\nFirst paragraph here.\n\nSecond paragraph: a list follows.\n\n- one item\n- two items\n"
    tgt = "# Titel\n\nErster Absatz hier.\n\nZweiter Absatz: eine Liste folgt.\n\n- ein Punkt\n- zwei Punkte\n"
    r = tqcheck.check(src, tgt, "en", "de")
    assert rules_of(r) == [], r.findings


def test_merged_paragraphs():
    src = ("The first meeting took place in Geneva.\n\nThe second meeting took place in Vienna.\n\n"
           "The third meeting took place in Rome.")
    tgt = ("Pierwsze spotkanie odbyło się w Genewie. Drugie spotkanie odbyło się w Wiedniu.\n\n"
           "Trzecie spotkanie odbyło się w Rzymie.")
    r = tqcheck.check(src, tgt, "en", "pl")
    f = [x for x in r.findings if x.rule == "TQ111"]
    assert len(f) == 1 and f[0].source_segment == 1 and f[0].target_segment == 1, r.findings


def test_split_paragraph():
    src = "The first meeting took place in Geneva. The second meeting took place in Vienna."
    tgt = "Первая встреча состоялась в Женеве.\n\nВторая встреча состоялась в Вене."
    r = tqcheck.check(src, tgt, "en", "ru")
    f = [x for x in r.findings if x.rule == "TQ112"]
    assert len(f) == 1 and f[0].target_segment == 1, r.findings


def test_heading_formatting_mismatch():
    src = "# Results\n\nWe won the match.\n"
    tgt = "Résultats\n\nNous avons gagné le match.\n"
    r = tqcheck.check(src, tgt, "en", "fr")
    f = [x for x in r.findings if x.rule == "TQ113" and x.target_segment is not None]
    assert len(f) == 1 and f[0].target_excerpt == "Résultats"


def test_split_after_a_title_line_is_reported():
    # a line without final punctuation (a title) ends the translation's paragraph while the
    # source keeps it with the next sentence, which starts a new sentence: a split, not a
    # sentence broken in two (TQ110)
    src = ("The north face of the Kingspitz\nEarly in the morning of 9 September we left the hut.\n"
           "The weather was fine.")
    tgt = ("La face nord du Kingspitz\n\nTôt le matin du 9 septembre, nous avons quitté la cabane.\n"
           "Il faisait beau.")
    r = tqcheck.check(src, tgt, "en", "fr", lines=True)
    f = [x for x in r.findings if x.rule in ("TQ110", "TQ112")]
    assert [(x.rule, x.source_segment, x.target_segment) for x in f] == [("TQ112", 1, 1)], r.findings


def test_title_line_continued_in_lower_case_is_still_a_broken_sentence():
    src = "The north face of the Kingspitz was climbed in 1988 by two friends."
    tgt = "La face nord du Kingspitz\n\na été gravie en 1988 par deux amis."
    r = tqcheck.check(src, tgt, "en", "fr")
    assert [x.rule for x in r.findings if x.rule in ("TQ110", "TQ112")] == ["TQ110"], r.findings
