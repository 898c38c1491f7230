"""Inline ``tqcheck: ignore[...]`` comments and baseline files."""
import json
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate_helpers import bil, use_fake, write
from tqcheck.cli import main
from tqcheck.errors import UsageError
from tqcheck.findings import Finding, Severity
from tqcheck.suppress import Baseline, baseline_record, inline_suppressed, parse_inline, write_baseline

EN = "We met 3 times in Berlin last year.\n\nThe office opened in 1990.\n"
DE = "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n\nDas Büro wurde 1990 eröffnet.\n"
DE_NEW = "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n\nDas Büro wurde 1991 eröffnet.\n"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def finding(rule="TQ201", file="a.po", entry="k", tgt="5", src="3") -> Finding:
    return Finding(rule=rule, name="number-mismatch", category="number", mqm="Accuracy/Mistranslation",
                   severity=Severity.MAJOR, message="m", file=file, entry=entry,
                   source_excerpt=src, target_excerpt=tgt)


# -- inline markers -------------------------------------------------------------------------------------
@pytest.mark.parametrize("notes,everything,prefixes,bad", [
    (None, False, [], []),
    ("Translators: %s is a file name", False, [], []),
    ("tqcheck: ignore", True, [], []),
    ("TQCHECK:Ignore[]", True, [], []),
    ("keep the brand. tqcheck: ignore[TQ5xx,TQ201]", False, ["TQ5", "TQ201"], []),
    (["first note", "tqcheck: ignore[tq2 tq301]"], False, ["TQ2", "TQ301"], []),
    ("tqcheck: ignore[TQ5x9, all]", True, [], ["TQ5x9"]),
    ("tqcheck: ignore[TQ201] and tqcheck: ignore[TQ3]", False, ["TQ201", "TQ3"], []),
    ("tqcheck: noqa[TQ4]", False, ["TQ4"], []),
])
def test_parse_inline(notes, everything, prefixes, bad):
    assert parse_inline(notes) == (everything, prefixes, bad)


def test_inline_covers_by_prefix():
    f = finding("TQ512")
    assert inline_suppressed(f, False, ["TQ5"]) and inline_suppressed(f, True, [])
    assert not inline_suppressed(f, False, ["TQ2", "TQ511"])


def test_inline_suppression_through_the_gate(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    use_fake(monkeypatch)
    bil(tmp_path / "de.bil", [
        ("a", "3 files", "5 Dateien", ["tqcheck: ignore[TQ2xx]"]),
        ("b", "3 files", "6 Dateien", ["tqcheck: ignore[TQ3]"]),   # another rule: still reported
        ("c", "4 files", "7 Dateien", ["Translators: tqcheck: ignore"]),
        ("d", "4 files", "8 Dateien", ["tqcheck: ignore[TQ2x1]"]),  # a typo: warned about
    ])
    code, out, err = run(["check", "de.bil", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert [f["entry"] for f in data["files"][0]["findings"]] == ["b", "d"]
    assert data["summary"]["suppressed"] == {"inline": 2, "baseline": 0}
    assert "'TQ2x1'" in err and "not a rule code" in err
    code, out, err = run(["check", "de.bil"], capsys)
    assert "2 suppressed (2 inline)" in out


# -- baseline files ----------------------------------------------------------------------------------------
def test_baseline_counts():
    a, b = finding(tgt="5"), finding(tgt="6")
    bl = Baseline(Counter({a.fingerprint: 1}))
    new, old = bl.filter([a, a, b])
    assert old == [a] and new == [a, b]
    new, old = bl.filter([a])  # the count is used up across calls (files)
    assert new == [a] and old == []


def test_write_and_load_baseline(tmp_path):
    a, b = finding(file=str(tmp_path / "x" / "a.po")), finding(file=str(tmp_path / "x" / "a.po"), entry="z")
    p = tmp_path / "baseline.json"
    assert write_baseline(str(p), [b, a, a]) == 3
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["tool"] == "tqcheck" and data["version"] == 1
    assert [(r["file"], r["entry"], r.get("count", 1), r["excerpt"]) for r in data["findings"]] == \
        [("x/a.po", "k", 2, "5"), ("x/a.po", "z", 1, "5")]
    bl = Baseline.load(str(p))
    assert len(bl) == 3
    new, old = bl.filter([a, b, a, a])
    assert len(old) == 3 and new == [a]


def test_baseline_ignores_how_paths_are_spelled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = tmp_path / "bl.json"
    write_baseline(str(p), [finding(file="locale/de/a.po")])
    for spelled in ("locale/de/a.po", str(tmp_path / "locale/de/a.po")):
        new, old = Baseline.load(str(p)).filter([finding(file=spelled)])
        assert old and not new, spelled
    # the same run from a subdirectory names the file differently; the baseline still matches
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path / "locale")
    new, old = Baseline.load("../bl.json").filter([finding(file="de/a.po")])
    assert old and not new


def test_html_export_format_is_read(tmp_path):
    """The HTML report's "accept finding" export: a bare list of {fingerprint, rule, file, entry, excerpt}."""
    f = finding()
    p = write(tmp_path / "accepted.json", json.dumps([baseline_record(f)]))
    assert json.loads(p.read_text())[0].keys() == {"fingerprint", "rule", "file", "entry", "excerpt"}
    new, old = Baseline.load(str(p)).filter([f])
    assert old == [f]


@pytest.mark.parametrize("content,needle", [
    (None, "not found"),
    ("{", "not valid JSON"),
    ('{"findings": {}}', '"findings" list'),
    ('[{"rule": "TQ201"}]', "no fingerprint"),
    ('[{"fingerprint": "ab", "count": 0}]', "positive integer"),
])
def test_bad_baseline(tmp_path, content, needle):
    p = tmp_path / "b.json"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=needle):
        Baseline.load(str(p))


@given(st.lists(st.sampled_from(["3", "4", "5"]), max_size=8), st.lists(st.sampled_from(["3", "4", "5"]), max_size=8))
def test_baseline_partition_property(accepted, current):
    fs = [finding(tgt=t) for t in current]
    bl = Baseline(Counter(finding(tgt=t).fingerprint for t in accepted))
    new, old = bl.filter(fs)
    assert sorted(x.target_excerpt for x in new + old) == sorted(current)
    assert len(old) == sum((Counter(accepted) & Counter(current)).values())


# -- the workflow a team follows ------------------------------------------------------------------
def test_adopt_the_gate_with_a_baseline(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.md", EN)
    write(tmp_path / "t.md", DE)
    args = ["check", "s.md", "t.md", "--src-lang", "en", "--tgt-lang", "de"]
    assert run(args, capsys)[0] == 1  # an old problem fails the build today
    code, out, err = run(args + ["--write-baseline", "ci/tqcheck-baseline.json"], capsys)
    assert code == 0 and "wrote 1 finding of 1 file to ci/tqcheck-baseline.json" in err
    code, out, err = run(args + ["--baseline", "ci/tqcheck-baseline.json"], capsys)
    assert code == 0 and "1 suppressed" in out and "TQ201" not in out.split("suppressed")[0].split("\n", 1)[1]
    # a line moved, a paragraph added before it: the old finding stays accepted
    write(tmp_path / "s.md", "A new first paragraph.\n\n" + EN)
    write(tmp_path / "t.md", "Ein neuer erster Absatz.\n\n" + DE)
    assert run(args + ["--baseline", "ci/tqcheck-baseline.json"], capsys)[0] == 0
    # a new problem fails the build, and only it is reported
    write(tmp_path / "t.md", "Ein neuer erster Absatz.\n\n" + DE_NEW)
    code, out, err = run(args + ["--baseline", "ci/tqcheck-baseline.json", "--json", "-"], capsys)
    data = json.loads(out)
    assert code == 1
    assert [(f["rule"], f["target_excerpt"]) for f in data["findings"] if f["severity"] == "major"] == [("TQ201", "1991")]
    # the baseline named in the configuration is used without the flag
    write(tmp_path / "tqcheck.toml", 'baseline = "ci/tqcheck-baseline.json"\n')
    code, out, err = run(args + ["--format", "json"], capsys)
    assert json.loads(out)["summary"]["suppressed"]["baseline"] == 1 and code == 1
    # a missing baseline is a usage error, one line
    code, out, err = run(args + ["--baseline", "nope.json"], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nope.json" in err


def test_write_baseline_refreshes_and_keeps_old(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    use_fake(monkeypatch)
    bil(tmp_path / "de.bil", [("a", "1", "2"), ("b", "3", "4")])
    run(["check", "de.bil", "--write-baseline", "bl.json"], capsys)
    assert len(json.loads((tmp_path / "bl.json").read_text())["findings"]) == 2
    # refreshing while a baseline is configured records every current finding again
    write(tmp_path / "tqcheck.toml", 'baseline = "bl.json"\n')
    bil(tmp_path / "de.bil", [("a", "1", "2"), ("b", "3", "4"), ("c", "5", "6")])
    code, _, err = run(["check", "de.bil", "--write-baseline", "bl.json"], capsys)
    assert code == 0 and "wrote 3 findings" in err
    assert run(["check", "de.bil"], capsys)[0] == 0


# -- real formats ---------------------------------------------------------------------------------------
PO = '''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# The name stays out on purpose. tqcheck: ignore[TQ5xx]
#, python-format
msgid "Delete %(name)s?"
msgstr "Löschen?"

#, python-format
msgid "Open %(name)s?"
msgstr "Öffnen?"

# tqcheck: ignore
#, python-format
msgid "Close %(name)s?"
msgstr "Schließen?"

# tqcheck: ignore[TQ2]
#, python-format
msgid "Save %(name)s?"
msgstr "Speichern?"
'''

XLF = '''<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="app">
    <body>
      <trans-unit id="a">
        <source>Delete {{ name }}?</source>
        <target>Supprimer ?</target>
        <note>tqcheck: ignore[TQ501]</note>
      </trans-unit>
      <trans-unit id="b">
        <source>Open {{ name }}?</source>
        <target>Ouvrir ?</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''


@pytest.mark.parametrize("name,content,kept,suppressed", [
    ("locale/de/LC_MESSAGES/app.po", PO, ["Open %(name)s?", "Save %(name)s?"], 2),
    ("translations/app.fr.xlf", XLF, ["b"], 1),
])
def test_inline_markers_in_po_comments_and_xliff_notes(tmp_path, capsys, monkeypatch, name, content, kept,
                                                       suppressed):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / name, content)
    code, out, err = run(["check", name, "--select", "TQ501", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1, err
    (f,) = data["files"]
    assert [x["entry"] for x in f["findings"]] == kept
    assert f["suppressed"]["inline"] == suppressed


def test_baseline_on_a_real_file(tmp_path, capsys, monkeypatch):
    """Adopt the gate on Django's Turkish catalogue, then break one placeholder: only it fails."""
    from conftest import need_shared

    monkeypatch.chdir(tmp_path)
    src = need_shared("corpora", "po", "django", "django", "contrib", "admin", "locale", "tr", "LC_MESSAGES", "django.po")
    po = tmp_path / "locale/tr/LC_MESSAGES/django.po"
    po.parent.mkdir(parents=True)
    text = src.read_text(encoding="utf-8")
    po.write_text(text, encoding="utf-8")
    code, out, err = run(["check", "locale", "--write-baseline", "baseline.json"], capsys)
    assert code == 0
    recorded = len(json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"])
    code, out, err = run(["check", "locale", "--baseline", "baseline.json", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["summary"]["findings"] == 0
    assert data["summary"]["suppressed"]["baseline"] >= recorded
    # insert lines at the top (every line number moves) and break one placeholder
    m = re.search(r'msgstr "([^"\n]*%\((\w+)\)s[^"\n]*)"', text)
    assert m, "the catalogue has a named placeholder"
    broken = text.replace(m.group(0), m.group(0).replace(f"%({m.group(2)})s", f"%({m.group(2)}x)s"), 1)
    po.write_text("# edited\n# by a translator\n" + broken, encoding="utf-8")
    code, out, err = run(["check", "locale", "--baseline", "baseline.json", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    new = data["files"][0]["findings"]
    assert {x["rule"] for x in new} <= {"TQ501", "TQ502", "TQ503"} and new
    assert all(f"%({m.group(2)}x)s" in (x["target_excerpt"] or "") or x["rule"] == "TQ501" for x in new)
