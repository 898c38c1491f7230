"""Terminal output: summary, linter-style finding lines, colours, limits, statistics."""
from __future__ import annotations

import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from report_factory import finding, make_doc, sample_report, synthetic_report  # noqa: E402

from tqcheck.align.base import Bead  # noqa: E402
from tqcheck.report.model import Report  # noqa: E402
from tqcheck.report.text import document_order, render_statistics, render_text  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def sample():
    return sample_report()


def test_summary_line_counts_per_severity(sample):
    out = render_text(sample)
    first = out.splitlines()[0]
    assert first == ("docs/report.en.md → docs/report.de.md (en → de): 7 findings: "
                     "1 critical, 2 major, 2 minor, 2 info")
    assert out.splitlines()[1].startswith("by category: omission 1, addition 1")


def test_groups_most_severe_first_in_document_order(sample):
    lines = render_text(sample).splitlines()
    headers = [x for x in lines if re.fullmatch(r"(critical|major|minor|info) \(\d+\)", x)]
    assert headers == ["critical (1)", "major (2)", "minor (2)", "info (2)"]
    major = lines[lines.index("major (2)") + 1:lines.index("minor (2)")]
    codes = [re.search(r"TQ\d{3}", x).group(0) for x in major if "TQ" in x and not x.startswith(" ")]
    assert codes == ["TQ201", "TQ202"]  # line 3 before line 4


def test_linter_line_format(sample):
    out = render_text(sample)
    assert ('docs/report.de.md:3: major TQ201 number-mismatch  "15" → "12": '
            "The number 12 in the source is 15 in the translation.\n"
            '    source docs/report.en.md:3 "12"\n') in out
    # an omission points at the source file, where the text is
    assert ('docs/report.en.md:3: critical TQ101 omitted-sentence  "The whole team was involved.": '
            "This source sentence has no translation.") in out
    # a file-level note has no line number
    assert "docs/report.de.md: info TQ901 no-data: No spelling data for this language." in out
    for line in out.splitlines():
        if "TQ" in line and not line.startswith(" "):
            assert re.match(r"docs/report\.(en|de)\.md(:\d+)?: (critical|major|minor|info) TQ\d{3} ", line)


def test_long_suggestion_goes_to_second_line():
    s = make_doc("We met 3 times.\n", path="a.en", lang="en")
    t = make_doc("Nous nous sommes vus 5 fois.\n", path="a.fr", lang="fr")
    f = finding("TQ201", "number-mismatch", "number", "major", "3 became 5.", source=s, target=t,
                src=(0, "3"), tgt=(0, "5"),
                suggestion="Check whether the source number 3 is meant and correct the translation.")
    out = render_text(Report(s, t, [Bead((0,), (0,), 0.9)], [f], "en", "fr"))
    lines = out.splitlines()
    i = next(k for k, x in enumerate(lines) if x.startswith("a.fr:1:"))
    assert "→" not in lines[i]
    assert lines[i + 1].startswith("    source a.en:1 \"3\" · suggestion: Check whether")


def test_no_ansi_unless_color(sample):
    plain = render_text(sample)
    assert "\x1b" not in plain
    colored = render_text(sample, color=True)
    assert "\x1b[1;31m" in colored and "\x1b[0m" in colored
    assert ANSI.sub("", colored) == plain


def test_max_findings(sample):
    out = render_text(sample, max_findings=3)
    listed = [x for x in out.splitlines() if re.match(r"\S+: (critical|major|minor|info) TQ", x)]
    assert len(listed) == 3
    assert "critical" in listed[0] and "major" in listed[1] and "major" in listed[2]
    assert out.rstrip().endswith("… 4 more findings not shown (2 minor, 2 info).")
    assert "… " not in render_text(sample, max_findings=100)
    zero = render_text(sample, max_findings=0)
    assert "7 more findings not shown" in zero


def test_control_and_bidi_characters_are_neutralised():
    s = make_doc("Pay 10 euros.\n", path="b.en", lang="en")
    t = make_doc("Zapłać 20\x1b[2J euro\u202e.\n", path="b.pl", lang="pl")
    f = finding("TQ201", "number-mismatch", "number", "major", "10\x1b[31m → 20", source=s,
                target=t, src=(0, "10"), tgt=(0, "20\x1b[2J euro\u202e"))
    out = render_text(Report(s, t, [Bead((0,), (0,), 0.9)], [f], "en", "pl"))
    assert "\x1b" not in out and "\u202e" not in out
    assert '"20<U+001B>[2J euro<U+202E>"' in out


@pytest.mark.parametrize("src, tgt, sl, tl, sw, tw", [
    ("Wir treffen uns in Köln.", "Встречаемся в Кёльне.", "de", "ru", "Köln", "Кёльне"),
    ("会议在北京举行。", "Spotkanie odbyło się w Pekinie.", "zh", "pl", "北京", "Pekinie"),
    ("Rendez-vous à Genève.", "جنيف هي المكان.", "fr", "ar", "Genève", "جنيف"),
])
def test_excerpts_in_other_scripts(src, tgt, sl, tl, sw, tw):
    s = make_doc(src + "\n", path=f"x.{sl}", lang=sl)
    t = make_doc(tgt + "\n", path=f"x.{tl}", lang=tl)
    f = finding("TQ202", "entity-mismatch", "entity", "minor", "check the place name", source=s,
                target=t, src=(0, sw), tgt=(0, tw))
    out = render_text(Report(s, t, [Bead((0,), (0,), 0.8)], [f], sl, tl))
    assert f'x.{tl}:1: minor TQ202 entity-mismatch  "{tw}": check the place name' in out
    assert f'source x.{sl}:1 "{sw}"' in out


def test_long_excerpt_is_truncated():
    long = "word " * 40
    s = make_doc(long.strip() + ".\n", path="l.en", lang="en")
    t = make_doc("x.\n", path="l.de", lang="de")
    f = finding("TQ101", "omitted-sentence", "omission", "critical", "omitted", source=s, target=t,
                src=(0, long.strip() + "."))
    out = render_text(Report(s, t, [Bead((0,), (), 0.0), Bead((), (0,), 0.0)], [f], "en", "de"))
    line = next(x for x in out.splitlines() if "TQ101" in x)
    excerpt = re.search(r'"([^"]*)"', line).group(1)
    assert len(excerpt) <= 60 and excerpt.endswith("…")


def test_no_findings():
    s = make_doc("Hello.\n", path="h.en", lang="en")
    t = make_doc("Hallo.\n", path="h.de", lang="de")
    out = render_text(Report(s, t, [Bead((0,), (0,), 0.9)], [], "en", "de"))
    assert out == "h.en → h.de (en → de): no findings in 1 aligned segments (1 source, 1 target sentences).\n"
    assert render_statistics(Report(s, t, [], [], "en", "de")) == ""


def test_statistics(sample):
    big = synthetic_report(400)
    stats = render_statistics(big).splitlines()
    assert re.fullmatch(r"\d+  TQ201  number-mismatch   major     number", stats[0])
    assert re.fullmatch(r" ?\d+  TQ101  omitted-sentence  critical  omission", stats[1])
    n201 = sum(f.rule == "TQ201" for f in big.findings)
    assert stats[0].split()[0] == str(n201)
    # ties are sorted by code
    codes = [x.split()[1] for x in render_statistics(sample).splitlines()]
    assert codes == sorted(codes)


def test_document_order_puts_omissions_in_place():
    r = synthetic_report(300)
    ordered = document_order(r)
    first_omission = next(i for i, f in enumerate(ordered) if f.rule == "TQ101")
    assert first_omission > 5  # the first omission is at bead 96, after many number findings
    lines = [f.source_line for f in ordered if f.source_line is not None]
    assert lines == sorted(lines)


def test_fixture_pair_from_the_pipeline(seed_report):
    out = render_text(seed_report)
    listed = [x for x in out.splitlines() if re.match(r"\S+?(:\d+)?: (critical|major|minor|info) TQ\d{3} ", x)]
    assert len(listed) == len(seed_report.findings)
    assert all(x.startswith("fixtures/speech.") or "speech." in x.split(":")[0] for x in listed)
    stats = render_statistics(seed_report)
    assert sum(int(x.split()[0]) for x in stats.splitlines()) == len(seed_report.findings)
