"""The HTML report: escaping, exact highlights, rows, filters, self-containment, size and speed."""
from __future__ import annotations

import html as htmllib
import os
import re
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, os.path.dirname(__file__))

from report_factory import (  # noqa: E402
    finding, make_doc, sample_report, span_of, synthetic_report,
)

from tqcheck.align.base import Bead  # noqa: E402
from tqcheck.report.html import (  # noqa: E402
    _pieces, clean_offset, clean_span, highlight_plan, render_html, render_summary_html,
)
from tqcheck.report.model import Report  # noqa: E402

MARK = re.compile(r'<mark class="m (s-\w+)[^"]*" tabindex="0" data-f="([\d ]+)" '
                  r'aria-describedby="([^"]*)">(.*?)</mark>', re.S)
FLAG = re.compile(r'<span class="cf (s-\w+)" tabindex="0" data-f="(\d+)" aria-describedby="(d\d+)">')
DESC = re.compile(r'<td class="ms" id="(d\d+)">(.*?)</td>', re.S)


def _rows(page: str) -> dict[str, str]:
    """Row id -> its markup."""
    out = {}
    for m in re.finditer(r'<div class="row[^"]*" id="(b\d+)"[^>]*>(.*?)(?=\n<div class="row|\n</section>)',
                         page, re.S):
        out[m.group(1)] = m.group(2)
    return out


def _text(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.fixture(scope="module")
def sample():
    r = sample_report()
    return r, render_html(r)


# -- escaping and self-containment -----------------------------------------------------------------
def test_script_in_sentence_is_escaped(sample):
    _, page = sample
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    # the suggestion "Jahresbericht <b>" is text, not a tag
    assert "Jahresbericht &lt;b&gt;" in page
    # the report's own inline script and its JSON data block, nothing else
    assert page.count("<script") == 2
    data = re.search(r'<script type="application/json" id="tq-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data  # tojson escapes "<", so no excerpt can close the block


def test_hostile_path_and_language_are_escaped():
    r = sample_report()
    r.target.path = 'x/"><img src=x onerror=alert(1)>.txt'
    r.tgt_lang = '"><b>'
    page = render_html(r)
    assert "<img" not in page and '"><b>' not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'lang="&#34;&gt;&lt;b&gt;"' in page


def test_self_contained(sample):
    _, page = sample
    assert not re.search(r"https?://", page)
    assert "<link" not in page
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<img\b|<iframe\b|@import|url\(", page)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page


# -- highlights ----------------------------------------------------------------------------------
def test_every_located_finding_is_highlighted_with_its_message(sample):
    r, page = sample
    descs = {d: _text(body) for d, body in DESC.findall(page)}
    drawn: dict[int, list[str]] = {}
    for sev, ids, described, text in MARK.findall(page):
        id_list = [int(i) for i in ids.split()]
        assert described.split() == [f"d{i}" for i in id_list]
        for i in id_list:
            drawn.setdefault(i, []).append(_text(text))
    for sev, fid, described in FLAG.findall(page):
        drawn.setdefault(int(fid), []).append("<cell>")
    from tqcheck.report.text import document_order

    ordered = document_order(r)
    assert len(descs) == len(ordered)
    for fid, f in enumerate(ordered):
        assert f.message in descs[f"d{fid}"]
        if f.suggestion:
            assert f.suggestion in descs[f"d{fid}"]
        if f.source_segment is None and f.target_segment is None:
            assert fid not in drawn  # a file-level note lives in the list only
            continue
        assert fid in drawn, f"{f.rule} not highlighted"
        for excerpt in (f.source_excerpt, f.target_excerpt):
            if excerpt:
                assert excerpt in drawn[fid]  # exactly the offending text, nothing more


def test_span_across_markdown_markup_maps_to_the_word(sample):
    # "**Zürich**" in the German file: the file span covers only the word, the mark too
    _, page = sample
    zurich = [ids for _, ids, _, t in MARK.findall(page) if _text(t) == "Zürich"]
    assert len(zurich) == 2 and zurich[0] == zurich[1]  # source and target, one finding
    assert "**Zürich**" in sample[0].target.text


def test_severity_shown_by_class_and_label(sample):
    _, page = sample
    assert re.search(r'<mark class="m s-critical hd"[^>]*>The whole team was involved\.</mark>', page)
    assert re.search(r'<mark class="m s-major hd"[^>]*>12</mark>', page)
    # every severity has a text label and a glyph in the list, not only a colour
    for label, icon in (("Critical", "‼"), ("Major", "!"), ("Minor", "~"), ("Info", "i")):
        assert re.search(rf'<span class="ic" aria-hidden="true">{re.escape(icon)}</span> {label}</span>', page)


def test_whole_cell_flag_when_there_is_no_span(sample):
    _, page = sample
    rows = _rows(page)
    # TQ501 points at target sentence 6 ("Danke an alle.") without span or excerpt
    assert re.search(r'<span class="cf s-info"[^>]*>TQ501</span>', rows["b7"])


def test_excerpt_fallback_when_span_is_missing_or_stale():
    s = make_doc("Wir trafen uns 3 Mal in Łódź.\n", path="a.de.txt", lang="de")
    t = make_doc("Spotkaliśmy się 5 razy w Łodzi.\n", path="a.pl.txt", lang="pl")
    f_nospan = finding("TQ201", "number-mismatch", "number", "major", "3 → 5",
                       source=s, target=t, src=0, tgt=0)
    f_nospan = type(f_nospan)(**{**{k: getattr(f_nospan, k) for k in f_nospan.__dataclass_fields__},
                                 "target_excerpt": "5 razy", "fingerprint": ""})
    stale = finding("TQ202", "entity", "entity", "minor", "place name", source=s, target=t,
                    tgt=(0, "Łodzi"))
    stale = type(stale)(**{**{k: getattr(stale, k) for k in stale.__dataclass_fields__},
                           "target_span": (900, 905), "fingerprint": ""})
    r = Report(s, t, [Bead((0,), (0,), 0.9)], [f_nospan, stale], "de", "pl")
    page = render_html(r)
    texts = [_text(t) for _, _, _, t in MARK.findall(page)]
    assert "5 razy" in texts and "Łodzi" in texts


def test_pieces_split_overlapping_and_empty_spans():
    sev = ["minor", "critical", "info"]
    got = _pieces("abcdef", [(1, 4, 0), (3, 6, 1), (6, 6, 2)], sev)
    assert [(p[0], p[1], p[2]) for p in got] == [
        ("a", (), ""), ("bc", (0,), "minor"), ("d", (0, 1), "critical"), ("ef", (1,), "critical"),
        ("", (2,), "info")]
    assert got[-1][4] is True  # the empty span is drawn as an insertion caret
    assert "".join(p[0] for p in got) == "abcdef"


def test_clean_offset_inverts_file_offset():
    doc = make_doc("**Bold start** and a\nbroken line with **more** markup.\n")
    s = doc.sentences[0]
    assert s.text == "Bold start and a broken line with more markup."
    for word in ("Bold", "start", "broken", "more", "markup."):
        a = s.text.index(word)
        fs = s.file_span(a, a + len(word))
        assert doc.text[fs[0]:fs[1]] == word
        assert clean_span(s, fs) == (a, a + len(word))
    # offsets on dropped markup snap inward
    star = doc.text.index("**more")
    assert clean_offset(s, star) == s.text.index("more")
    assert clean_offset(s, star + 6, end=True) == s.text.index("more") + 4
    # spans outside the sentence do not overlap
    assert clean_span(s, (len(doc.text) + 5, len(doc.text) + 9)) is None


_WORD = st.text(alphabet="abcxyzéğł中文ש", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORD, st.sampled_from(["", "**"]), st.sampled_from([" ", "\n"])),
                min_size=1, max_size=12))
def test_round_trip_file_span_clean_span(words):
    text = "".join(f"{m}{w}{m}{sep}" for w, m, sep in words).rstrip() + "\n"
    doc = make_doc(text)
    for s in doc.sentences:
        for m in re.finditer(r"\S+", s.text):
            fs = s.file_span(m.start(), m.end())
            assert clean_span(s, fs) == (m.start(), m.end())


# -- rows ----------------------------------------------------------------------------------------
def test_one_row_per_bead_with_omitted_and_added_cells(sample):
    r, page = sample
    rows = _rows(page)
    assert len(rows) == len(r.beads)
    # bead 2: source sentence omitted -> empty, marked target cell
    assert '<div class="c t e">' in rows["b2"] and "missing in the translation" in rows["b2"]
    # bead 4: added target sentence -> empty, marked source cell
    assert '<div class="c s e">' in rows["b4"] and "added in the translation" in rows["b4"]
    assert '<div class="c s e">' not in rows["b1"] and '<div class="c t e">' not in rows["b1"]


def test_headings_paragraphs_lines_scores_and_direction(sample):
    _, page = sample
    rows = _rows(page)
    assert 'class="tx h"' in rows["b0"]  # "# Annual report" is a heading on both sides
    assert re.search(r'<div class="row p', page)  # paragraph starts are visible
    assert '<span class="ln">6</span>' in rows["b6"]  # line numbers in each cell
    assert ">0.90</div>" in rows["b6"]  # the bead score, discreetly
    assert all(m.count('dir="auto"') == 2 for k, m in rows.items() if k not in ("b2", "b4", "b5"))
    assert 'lang="de"' in rows["b1"] and 'lang="en"' in rows["b1"]


def test_paragraph_break_inside_a_cell():
    s = make_doc("One sentence that goes on.\n", path="s.en", lang="en")
    t = make_doc("Ein Satz, der\n\nweitergeht.\n", path="t.de", lang="de")
    r = Report(s, t, [Bead((0,), (0, 1), 0.8)], [], "en", "de")
    page = render_html(r)
    assert '<span class="pb">new paragraph · line 3</span>' in page


# -- filters, search, navigation -------------------------------------------------------------------
def test_filters_search_and_keyboard_markup(sample):
    r, page = sample
    assert '<input type="search" id="q"' in page
    for sev in ("critical", "major", "minor", "info"):
        assert f'data-sev="{sev}" aria-pressed="true"' in page
    for cat in {f.category for f in r.findings}:
        assert f'<option value="{cat}">' in page and f'data-cat="{cat}"' in page
    for code in {f.rule for f in r.findings}:
        assert f'<option value="{code}">' in page
    assert 'id="only"' in page and 'id="next"' in page and 'id="prev"' in page
    assert 'e.key === "j"' in page and 'e.key === "k"' in page and 'e.key === "/"' in page
    # the list links to the row of each located finding
    assert '<a href="#b2">' in page
    # counts per category
    assert re.search(r'data-cat="omission" aria-pressed="false">omission <b>1</b>', page)


def test_summary_counts_and_signature(sample):
    r, page = sample
    assert r.signature in page
    counts = r.summary()["by_severity"]
    for sev, n in counts.items():
        assert re.search(rf'data-sev="{sev}"[^>]*>.*?<span class="n">{n}</span>', page)
    assert "report.en.md" in page and "report.de.md" in page
    assert "English (en)" in page and "German (de)" in page


# -- several languages -------------------------------------------------------------------------------
@pytest.mark.parametrize("src, tgt, sl, tl, sw, tw", [
    ("Der Vertrag gilt ab März 2024.", "Le contrat s'applique à partir de mars 2025.",
     "de", "fr", "2024", "2025"),
    ("Umowa obowiązuje w Warszawie.", "Договор действует в Варшаве.", "pl", "ru",
     "Warszawie", "Варшаве"),
    ("会议在北京举行。", "会議は東京で開催された。", "zh", "ja", "北京", "東京"),
    ("The meeting is in Cairo.", "الاجتماع في القاهرة.", "en", "ar", "Cairo", "القاهرة"),
    ("Spotkanie w Krakowie.", "הפגישה בקרקוב.", "pl", "he", "Krakowie", "בקרקוב"),
    ("Wir sehen uns in München.", "Münih'te görüşürüz.", "de", "tr", "München", "Münih"),
])
def test_languages_render_exact_marks(src, tgt, sl, tl, sw, tw):
    s = make_doc(src + "\n", path=f"a.{sl}", lang=sl)
    t = make_doc(tgt + "\n", path=f"a.{tl}", lang=tl)
    f = finding("TQ202", "entity-mismatch", "entity", "major", f"{sw} ≠ {tw}", source=s, target=t,
                src=(0, sw), tgt=(0, tw))
    page = render_html(Report(s, t, [Bead((0,), (0,), 0.7)], [f], sl, tl))
    texts = [_text(x) for _, _, _, x in MARK.findall(page)]
    assert texts == [sw, tw]
    assert f'lang="{tl}"' in page


def test_empty_report_renders():
    s, t = make_doc("", path="e.en"), make_doc("", path="e.de")
    page = render_html(Report(s, t, [], [], "en", "de"))
    assert "No findings" in page and "</html>" in page


def test_highlight_plan_ignores_unknown_segments():
    r = sample_report()
    f = r.findings[0]
    bad = type(f)(**{**{k: getattr(f, k) for k in f.__dataclass_fields__},
                     "source_segment": 999, "target_segment": None, "fingerprint": ""})
    plan = highlight_plan(r, [bad])
    assert plan.bead_of == {0: None} and not plan.spans and not plan.cells


# -- notebook summary ----------------------------------------------------------------------------
def test_summary_html_is_compact_and_escaped(sample):
    r, _ = sample
    block = render_summary_html(r)
    assert r._repr_html_() == block
    assert "<script" not in block.replace("&lt;script", "") and "<link" not in block
    assert "<style" not in block and not re.search(r"https?://", block)
    assert "&lt;script&gt;" in block
    assert block.count("<tr ") - 1 == len(r.findings)  # fewer than 10: all of them (+ header)
    # most severe first
    first = re.search(r"<tbody>.*?<tr [^>]*>(.*?)</tr>", block, re.S).group(1)
    assert "Critical" in first and "TQ101" in first


def test_summary_html_top_ten():
    r = synthetic_report(300)
    block = render_summary_html(r)
    assert block.count("<tr ") - 1 == 10
    assert "… and" in block and str(len(r.findings) - 10) in block


# -- scale ---------------------------------------------------------------------------------------
def test_5000_beads_size_and_speed():
    r = synthetic_report(5000)
    t0 = time.perf_counter()
    page = r.to_html()
    elapsed = time.perf_counter() - t0
    size = len(page.encode("utf-8"))
    assert page.count('<div class="row') == 5000 + 1  # + the column header
    assert elapsed < 5.0, f"render took {elapsed:.2f}s"
    assert size < 8_000_000, f"{size / 1e6:.1f} MB"
    # rows are laid out lazily by the browser
    assert "content-visibility:auto" in page


def _with(f, **changes):
    fields = {k: getattr(f, k) for k in f.__dataclass_fields__}
    fields.update(changes, fingerprint="")
    return type(f)(**fields)


def test_white_space_at_span_edges_is_not_underlined():
    s = make_doc("Le sommet de 2040 a eu lieu.\n", path="t.fr", lang="fr")
    t = make_doc("Szczyt w 2040 roku się odbył.\n", path="t.pl", lang="pl")
    f = finding("TQ110", "broken-paragraph", "structure", "major", "m", source=s, target=t,
                tgt=(0, "2040 roku"))
    a, b = f.target_span
    f = _with(f, target_span=(a - 1, b + 1))  # " 2040 roku "
    page = render_html(Report(s, t, [Bead((0,), (0,), 0.9)], [f], "fr", "pl"))
    assert [_text(x) for _, _, _, x in MARK.findall(page)] == ["2040 roku"]


def test_one_sided_span_draws_no_extra_cell_flag():
    s = make_doc("Berlin, 3 May.\n", path="h.en", lang="en")
    t = make_doc("# Berlin am 3 Mai\n", path="h.de", lang="de")
    f = finding("TQ113", "heading-mismatch", "structure", "minor", "heading only in the translation",
                source=s, target=t, src=0, tgt=(0, "Berlin am 3 Mai"))
    page = render_html(Report(s, t, [Bead((0,), (0,), 0.9)], [f], "en", "de"))
    assert not FLAG.findall(page)
    assert [_text(x) for _, _, _, x in MARK.findall(page)] == ["Berlin am 3 Mai"]
    # with no span on either side, exactly one cell is flagged: the translation's
    g = _with(f, target_span=None, target_excerpt=None)
    page = render_html(Report(s, t, [Bead((0,), (0,), 0.9)], [g], "en", "de"))
    assert len(FLAG.findall(page)) == 1
    src_cell, tgt_cell = _rows(page)["b0"].split('<div class="c t')
    assert 'class="cf' in tgt_cell and 'class="cf' not in src_cell


def test_fixture_pair_from_the_pipeline(seed_report):
    """The real pipeline's report on the seed fixture: every located finding is drawn."""
    page = render_html(seed_report)
    from tqcheck.report.text import document_order

    drawn = set()
    for _, ids, _, _ in MARK.findall(page):
        drawn.update(int(i) for i in ids.split())
    drawn.update(int(fid) for _, fid, _ in FLAG.findall(page))
    for fid, f in enumerate(document_order(seed_report)):
        if f.source_segment is not None or f.target_segment is not None:
            assert fid in drawn, f"{f.rule} at line {f.target_line or f.source_line} not drawn"
    assert len(_rows(page)) == len(seed_report.beads)
    assert "speech.en.txt" in page and "speech.tr.txt" in page


# -- accept export and the multi-report index ------------------------------------------------------
def test_accept_export_records_round_trip_through_the_cli(tmp_path):
    """What the page's "Download baseline" writes (built here from the embedded records, as the
    script does) is read back by ``tqcheck check --baseline``; the browser test clicks it for real."""
    import json as _json

    from tqcheck.cli import main

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    cwd = os.getcwd()
    os.chdir(root)
    try:
        page_path = tmp_path / "r.html"
        main(["check", "fixtures/speech.en.txt", "fixtures/speech.tr.txt", "--html", str(page_path), "-q"])
        page = page_path.read_text(encoding="utf-8")
        data = _json.loads(re.search(r'id="tq-data">(.*?)</script>', page, re.S).group(1))
        recs = data["baseline"]
        majors = [i for i, r in enumerate(recs) if r[1] == "TQ410"]
        assert majors
        out: dict[str, dict] = {}
        for i in majors:
            fp, rule, file, entry, excerpt = recs[i]
            if fp in out:
                out[fp]["count"] = out[fp].get("count", 1) + 1
            else:
                out[fp] = {"fingerprint": fp, "rule": rule, "file": file, "entry": entry, "excerpt": excerpt}
        bl = tmp_path / "accepted.json"
        bl.write_text(_json.dumps(list(out.values())), encoding="utf-8")
        before, after = tmp_path / "a.json", tmp_path / "b.json"
        main(["check", "fixtures/speech.en.txt", "fixtures/speech.tr.txt", "--json", str(before), "-q"])
        main(["check", "fixtures/speech.en.txt", "fixtures/speech.tr.txt", "--json", str(after), "-q",
              "--baseline", str(bl)])
    finally:
        os.chdir(cwd)
    a = _json.loads(before.read_text())["findings"]
    b = _json.loads(after.read_text())["findings"]
    assert len(a) - len(b) == len(majors)
    assert not [f for f in b if f["rule"] == "TQ410"]


def test_moved_content_rows_link_to_each_other():
    import tqcheck

    r = tqcheck.check("The chair, Maria Lopez, thanked the 12 interpreters. The committee met on 3 March in "
                      "Geneva. It adopted the budget for 2023. The next session is in October in Vienna.",
                      "Le comité s'est réuni le 3 mars à Genève. Il a adopté le budget pour 2023. "
                      "La prochaine session aura lieu en octobre à Vienne. La présidente, Maria Lopez, "
                      "a remercié les 12 interprètes.", "en", "fr")
    page = render_html(r)
    moves = [f for f in r.findings if f.rule == "TQ105"]
    if not moves:
        pytest.skip("the aligner did not report this move as TQ105")
    links = re.findall(r'<a class="mv" href="#b(\d+)"', page)
    assert len(links) >= 2 and len(set(links)) == 2


def test_index_page_links_and_counts(tmp_path):
    from tqcheck.report.index import render_index, write_reports

    a, b = sample_report(), synthetic_report(60)
    page = render_index([a, b], ["a report.html", "javascript:alert(1)"])
    assert 'href="a%20report.html"' in page and 'href="./javascript:alert%281%29"' in page
    assert "<script" not in page and not re.search(r"https?://", page)
    # the pair with more severe findings comes first, totals add up
    n = len(a.findings) + len(b.findings)
    assert f"{n} findings" in page
    with pytest.raises(ValueError):
        render_index([a], [])
    written = write_reports([a, b], str(tmp_path / "out" / "index.html"))
    assert len(written) == 3 and all(os.path.exists(p) for p in written)
    idx = open(written[-1], encoding="utf-8").read()
    for p in written[:-1]:
        assert f'href="{os.path.basename(p)}"' in idx
