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


def test_merged_paragraphs_with_an_added_or_omitted_sentence_at_the_break():
    """An added sentence between the two translations, or an omitted sentence at the end of the
    first source paragraph, does not hide the merge (as for TQ112's split)."""
    src = ("The first meeting took place in Geneva on 3 May 2021.\n\nThe second meeting took place in "
           "Vienna on 9 June 2021.\n\nThe third meeting took place in Rome on 1 July 2021.")
    tgt = ("Pierwsze spotkanie odbyło się w Genewie 3 maja 2021 r. Organizatorzy serdecznie dziękują "
           "wszystkim wolontariuszom, tłumaczom i gościom z zagranicy za ich pomoc i cierpliwość przez "
           "cały tydzień obrad. Drugie spotkanie odbyło się w Wiedniu 9 czerwca 2021 r.\n\n"
           "Trzecie spotkanie odbyło się w Rzymie 1 lipca 2021 r.")
    r = tqcheck.check(src, tgt, "en", "pl")
    assert [(f.rule, f.target_segment) for f in r.findings if f.rule == "TQ102"] == [("TQ102", 1)], r.findings
    f = [x for x in r.findings if x.rule == "TQ111"]
    assert [(x.source_segment, x.target_segment) for x in f] == [(1, 2)], r.findings

    src = ("The first meeting took place in Geneva on 3 May 2021. The delegates were welcomed by the "
           "mayor of the city, who spoke about the long tradition of international conferences held "
           "there since 1920.\n\nThe second meeting took place in Vienna on 9 June 2021.\n\n"
           "The third meeting took place in Rome on 1 July 2021.")
    tgt = ("Pierwsze spotkanie odbyło się w Genewie 3 maja 2021 r. Drugie spotkanie odbyło się w Wiedniu "
           "9 czerwca 2021 r.\n\nTrzecie spotkanie odbyło się w Rzymie 1 lipca 2021 r.")
    # the same text without the merge: the omission alone
    _omission_beside_a_break(src, tgt, "TQ111", tgt.replace(" Drugie", "\n\nDrugie"))


def _omission_beside_a_break(src: str, tgt: str, rule: str, without: str) -> None:
    """Source sentence 1 is left out, and the paragraph break beside it is merged (TQ111) or
    split (TQ112) at source 2 / target 1: one omission and one structure finding; the
    translation ``without`` that break has the omission alone."""
    r = tqcheck.check(src, tgt, "en", "pl")
    assert [(f.rule, f.source_segment) for f in r.findings if f.rule == "TQ101"] == [("TQ101", 1)], r.findings
    f = [x for x in r.findings if x.rule == rule]
    assert [(x.source_segment, x.target_segment) for x in f] == [(2, 1)], r.findings
    r = tqcheck.check(src, without, "en", "pl")
    assert not [x for x in r.findings if x.rule == rule], r.findings


def test_split_paragraph():
    src = "The first meeting took place in Geneva. The second meeting took place in Vienna."
    tgt = "Первая встреча состоялась в Женеве.\n\nВторая встреча состоялась в Вене."
    r = tqcheck.check(src, tgt, "en", "ru")
    f = [x for x in r.findings if x.rule == "TQ112"]
    assert len(f) == 1 and f[0].target_segment == 1, r.findings


def test_split_paragraph_with_an_omitted_sentence_between():
    """A split whose source sentences are not neighbours because the sentence between them was
    left out: the omission does not hide the split (the mirror of the merge above)."""
    src = ("The first meeting took place in Geneva on 3 May 2021. The delegates were welcomed by the "
           "mayor of the city, who spoke about the long tradition of international conferences held "
           "there since 1920. The second meeting took place in Vienna on 9 June 2021.\n\n"
           "The third meeting took place in Rome on 1 July 2021.")
    tgt = ("Pierwsze spotkanie odbyło się w Genewie 3 maja 2021 r.\n\nDrugie spotkanie odbyło się w "
           "Wiedniu 9 czerwca 2021 r.\n\nTrzecie spotkanie odbyło się w Rzymie 1 lipca 2021 r.")
    # the same text without the split: the omission alone
    _omission_beside_a_break(src, tgt, "TQ112", tgt.replace("\n\nDrugie", " Drugie"))


def test_heading_formatting_mismatch():
    src = "# Results\n\nWe won the match.\n"
    tgt = "Résultats\n\nNous avons gagné le match.\n"
    r = tqcheck.check(src, tgt, "en", "fr")
    f = [x for x in r.findings if x.rule == "TQ113" and x.target_segment is not None]
    assert len(f) == 1 and f[0].target_excerpt == "Résultats"
    count = [x.message for x in r.findings if x.rule == "TQ113" and x.target_segment is None]
    assert count == ["The source has 1 heading, the translation 0."]


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


def test_split_paragraph_after_an_added_sentence_is_reported():
    """The translation adds a sentence at the end of a paragraph and then starts a new one
    where the source goes on in the same paragraph: the added sentence does not hide the
    split (the nearest linked sentences on both sides of the break say where the source
    stands)."""
    src = ("The first meeting took place in Geneva in 2019. The second meeting took place in "
           "Vienna in 2020. The third meeting took place in Oslo in 2021.")
    tgt = ("Первая встреча состоялась в Женеве в 2019 году. Вторая встреча состоялась в Вене "
           "в 2020 году. Погода в тот день была очень хорошей и солнечной, все были довольны.\n\n"
           "Третья встреча состоялась в Осло в 2021 году.")
    r = tqcheck.check(src, tgt, "en", "ru")
    assert [(x.rule, x.source_segment, x.target_segment) for x in r.findings if x.rule == "TQ112"] == \
        [("TQ112", 2, 3)], r.findings
    assert any(x.rule == "TQ102" and x.target_segment == 2 for x in r.findings), r.findings


def test_linked_across_stays_in_its_paragraph_on_either_side():
    from types import SimpleNamespace as NS
    from tqcheck.checks.structure import _linked_across

    s = [NS(index=k) for k in range(3)]
    pairs = {0: NS(src=(s[0],)), 1: NS(src=()), 2: NS(src=(s[2],)), 3: NS(src=(s[1],))}
    tgt = [NS(paragraph=0), NS(paragraph=0), NS(paragraph=1), NS(paragraph=1)]
    ctx = NS(target=NS(sentences=tgt), pair_of_target=lambda j: pairs.get(j))
    assert _linked_across(ctx, "tgt", 1, -1, 0) is s[0]   # past the unlinked sentence 1
    assert _linked_across(ctx, "tgt", 2, 1, 1) is s[2]
    assert _linked_across(ctx, "tgt", 1, 1, 0) is None    # not into the next paragraph
    # the source side: the target sentence at the near edge of a bead
    t = [NS(index=k) for k in range(4)]
    spairs = {0: NS(tgt=(t[0], t[1])), 1: NS(tgt=()), 2: NS(tgt=(t[2], t[3]))}
    src = [NS(paragraph=0), NS(paragraph=0), NS(paragraph=1)]
    ctx = NS(source=NS(sentences=src), pair_of_source=lambda i: spairs.get(i))
    assert _linked_across(ctx, "src", 1, -1, 0) is t[1]   # the last of the bead going back
    assert _linked_across(ctx, "src", 2, 1, 1) is t[2]    # the first going on
    assert _linked_across(ctx, "src", 1, 1, 0) is None
