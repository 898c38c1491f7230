"""Output formats of a multi-file run: text, JSON, CSV, JUnit XML, GitHub annotations (snapshots
with paths relative to a temporary project), plus --output, --statistics and --quiet."""
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate_helpers import bil, use_fake, write
from tqcheck.cli import main
from tqcheck.findings import Finding, Severity
from tqcheck.gate import FileError, FileResult, GateWarning, ResultSet
from tqcheck.report.github import escape_data, escape_property, render_github
from tqcheck.report.junit import render_junit


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def app(tmp_path, monkeypatch):
    """Three localization files: two findings in de, none in fr, one malformed file."""
    monkeypatch.chdir(tmp_path)
    use_fake(monkeypatch)
    bil(tmp_path / "app/de.bil", [("greet", "Hello, 3 friends", "Hallo, 5 Freunde"),
                                  ("ctx\x04Save", "Save 10 files", "20 Dateien speichern")])
    bil(tmp_path / "app/fr.bil", [("greet", "Hello, 3 friends", "Bonjour, 3 amis")], tgt_lang="fr")
    write(tmp_path / "app/broken.bil", "{\n\n oops")
    return tmp_path


TEXT = """\
app/de.bil (bil, en → de): 2 findings: 2 major
app/de.bil:2: major TQ201 number-mismatch  "5": A number differs. [entry 'greet']
    source "3"
app/de.bil:3: major TQ201 number-mismatch  "20": A number differs. [entry 'ctx | Save']
    source "10"

Checked 2 files (3 entries): 2 findings: 2 major; 1 file could not be checked; 2 at or above fail-on=major.
"""

GITHUB = """\
::error file=app/de.bil,line=2,title=TQ201 number-mismatch::"5" (source "3"): A number differs. [entry: greet]
::error file=app/de.bil,line=3,title=TQ201 number-mismatch::"20" (source "10"): A number differs. [entry: ctx | Save]
::error file=app/broken.bil,line=3,title=tqcheck%3A file not checked::malformed JSON: Expecting property name enclosed in double quotes
Checked 2 files (3 entries): 2 findings: 2 major; 1 file could not be checked; 2 at or above fail-on=major.
"""


def test_text_snapshot(app, capsys):
    code, out, err = run(["check", "app"], capsys)
    assert code == 2 and out == TEXT
    assert err == "tqcheck: error: app/broken.bil:3: malformed JSON: Expecting property name enclosed in double quotes\n"


def test_github_snapshot(app, capsys):
    code, out, _ = run(["check", "app", "--format", "github"], capsys)
    assert code == 2 and out == GITHUB
    # below fail-on: warnings, not errors
    code, out, _ = run(["check", "app", "--format", "github", "--fail-on", "critical"], capsys)
    assert out.splitlines()[0].startswith("::warning file=app/de.bil,line=2,")


def test_junit(app, capsys):
    code, out, _ = run(["check", "app", "--format", "junit"], capsys)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == \
        {"tests": "4", "failures": "2", "errors": "1", "skipped": "0"}
    suites = {s.get("name"): s for s in root}
    assert list(suites) == ["app/de.bil", "app/fr.bil", "app/broken.bil"]
    de = suites["app/de.bil"]
    assert [c.get("name") for c in de] == ["TQ201 number-mismatch [greet] (line 2)",
                                          "TQ201 number-mismatch [ctx | Save] (line 3)"]
    fail = de[0].find("failure")
    assert fail.get("type") == "TQ201" and fail.get("message") == "major: A number differs."
    assert "source: 3\ntranslation: 5" in fail.text
    assert [c.get("name") for c in suites["app/fr.bil"]] == ["no findings"]
    err = suites["app/broken.bil"][0].find("error")
    assert err is not None and "malformed JSON" in err.get("message")
    assert suites["app/broken.bil"][0].get("line") == "3"
    # below fail-on the findings pass, with the finding in system-out
    code, out, _ = run(["check", "app", "--format", "junit", "--fail-on", "never"], capsys)
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.get("failures") == "0"
    assert "A number differs." in root[0][0].find("system-out").text


def test_json_and_csv_agree(app, capsys):
    _, out, _ = run(["check", "app", "--format", "json"], capsys)
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["app/de.bil", "app/fr.bil"]
    assert data["summary"]["by_rule"] == {"TQ201": 2} and data["summary"]["failed"] is True
    assert data["errors"][0]["line"] == 3
    _, out, _ = run(["check", "app", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    flat = [f for file in data["files"] for f in file["findings"]]
    assert [(r["file"], r["entry"], r["fingerprint"]) for r in rows] == \
        [(f["file"], f["entry"], f["fingerprint"]) for f in flat]
    # --json / --csv PATH write the same multi-file renderings, and the text still goes to stdout
    code, out, _ = run(["check", "app", "--json", "o/r.json", "--csv", "o/r.csv"], capsys)
    assert json.loads((app / "o/r.json").read_text(encoding="utf-8"))["files"] == data["files"]
    assert (app / "o/r.csv").read_text(encoding="utf-8").count("\n") == 3
    assert "reports: o/r.json, o/r.csv" in out and "app/de.bil:2" in out


def test_output_statistics_quiet(app, capsys):
    code, out, _ = run(["check", "app", "--format", "github", "--output", "ann.txt", "--statistics"], capsys)
    assert (app / "ann.txt").read_text(encoding="utf-8") == GITHUB
    assert out.endswith("2  TQ201  number-mismatch  major  number\nreports: ann.txt\n")
    code, out, _ = run(["check", "app", "-q"], capsys)
    assert out == TEXT.splitlines()[-1] + "\n"
    code, out, err = run(["check", "app", "--html", "x.html"], capsys)
    assert code == 2 and "--html" in err


def test_html_for_one_pair_still_works(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", "We met 3 times.\n")
    write(tmp_path / "t.txt", "Wir trafen uns 5 Mal.\n")
    code, out, _ = run(["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de", "--html", "r.html",
                        "--format", "junit"], capsys)
    assert code == 1 and (tmp_path / "r.html").read_text(encoding="utf-8").lower().startswith("<!doctype html")
    assert ET.fromstring(out.split("\n", 1)[1]).get("failures") == "1"


# -- escaping -------------------------------------------------------------------------------------
def hand_made() -> ResultSet:
    f = Finding(rule="TQ201", name="number-mismatch", category="number", mqm="Accuracy/Mistranslation",
                severity=Severity.MAJOR, message="50% off: was 3,\nnow 5", target_line=7,
                target_excerpt="5\x01", source_excerpt="3", file="a,b:c/ü 100%.po", entry="k\x04v")
    info = Finding(rule="TQ410", name="x", category="other", mqm="Other", severity=Severity.INFO,
                   message="No data.", file="a,b:c/ü 100%.po")
    r = FileResult("a,b:c/ü 100%.po", "po", "a,b:c/ü 100%.po", "en", "ru", [f, info], 2)
    return ResultSet(results=[r], errors=[FileError("bad.po", "unclosed quote", 4)],
                     warnings=[GateWarning("docs/en/a.md", "no translation: docs/ru/a.md does not exist")])


def test_github_escaping():
    out = render_github(hand_made()).splitlines()
    # file-level findings (no line) first, then by line
    assert out[0] == "::notice file=a%2Cb%3Ac/ü 100%25.po,title=TQ410 x::No data."
    assert out[1] == ("::error file=a%2Cb%3Ac/ü 100%25.po,line=7,title=TQ201 number-mismatch::"
                      '"5<U+0001>" (source "3"): 50%25 off: was 3,%0Anow 5 [entry: k | v]')
    assert out[2] == "::error file=bad.po,line=4,title=tqcheck%3A file not checked::unclosed quote"
    assert out[3] == "::warning file=docs/en/a.md,title=tqcheck::no translation: docs/ru/a.md does not exist"
    assert out[4].startswith("Checked 1 file (2 entries): 2 findings: 1 major, 1 info;")


@given(st.text())
def test_github_escape_round_trip(s):
    def unescape(x):
        return x.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")

    assert "\n" not in escape_data(s) and "\r" not in escape_data(s)
    assert ":" not in escape_property(s) and "," not in escape_property(s)
    assert unescape(escape_property(s)) == s


def test_junit_is_well_formed_with_control_characters():
    xml = render_junit(hand_made())
    root = ET.fromstring(xml.split("\n", 1)[1])
    case = root[0][1]
    assert case.get("file") == "a,b:c/ü 100%.po" and "\\u0001" in case.find("failure").text
    assert root.get("errors") == "1" and root.get("skipped") == "1"
