"""SARIF 2.1.0 output, validated against the official schema in ../shared/bench/sarif/."""
import json
import re

import pytest

from conftest import need_shared
from gate_helpers import bil, copy_corpus, use_fake, write
from tqcheck.cli import main

import jsonschema  # the "test" extra installs it


def example_pair():
    """The omission rule's own example, after a paragraph with a wrong number."""
    from tqcheck.checks import registry

    src, tgt, _, _ = registry.load()["TQ101"].example
    return ("We met 3 times in Berlin last year.\n\n" + src + "\n",
            "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n\n" + tgt + "\n")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(need_shared("bench", "sarif", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(argv, capsys):
    code = main([str(a) for a in argv] + ["--format", "sarif"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_document_pair_sarif(proj, capsys, validator):
    en, de = example_pair()
    write(proj / "docs/en/über.md", en)
    write(proj / "docs/de/über.md", de)
    code, log, err = sarif(["check", "docs/en/über.md", "docs/de/über.md", "--src-lang", "en", "--tgt-lang", "de"],
                           capsys)
    valid(validator, log)
    assert code == 1 and log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tqcheck"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and "TQ201" in ids and "TQ101" in ids
    for r in driver["rules"]:
        assert r["help"]["text"] and r["shortDescription"]["text"] and r["defaultConfiguration"]["level"]
    by_rule = {res["ruleId"]: res for res in run["results"]}
    num = by_rule["TQ201"]
    assert num["level"] == "error" and driver["rules"][num["ruleIndex"]]["id"] == "TQ201"
    loc = num["locations"][0]["physicalLocation"]
    # relative to the project root, percent-encoded
    assert loc["artifactLocation"] == {"uri": "docs/de/%C3%BCber.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 1 and loc["region"]["snippet"]["text"] == "5"
    assert num["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/en/%C3%BCber.md"
    assert re.fullmatch(r"[0-9a-f]{16}", num["partialFingerprints"]["tqcheck/v1"])
    # an omitted sentence points at the source file
    om = by_rule["TQ101"]
    assert om["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/en/%C3%BCber.md"
    assert om["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert run["invocations"][0]["executionSuccessful"] is True


def test_levels_follow_severity(proj, capsys, validator):
    write(proj / "tqcheck.toml", '[severity]\nTQ201 = "minor"\n')
    write(proj / "s.txt", "We met 3 times in Berlin last year.\n")
    write(proj / "t.txt", "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n")
    code, log, _ = sarif(["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de"], capsys)
    valid(validator, log)
    (res,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "TQ201"]
    assert res["level"] == "warning" and res["properties"]["severity"] == "minor" and code == 0


def test_errors_warnings_and_entries(proj, capsys, validator, monkeypatch):
    use_fake(monkeypatch)
    bil(proj / "l/de.bil", [("app\x04Save %d files", "Save 3 files", "4 Dateien speichern")])
    write(proj / "l/broken.bil", "{\n\n oops")
    bil(proj / "l/fr.bil", [("a", "1", "1", ["tqcheck: ignore[TQ2]"]), ("b", "2", "2")], tgt_lang="fr")
    code, log, err = sarif(["check", "l", "--baseline", write(proj / "bl.json", "[]")], capsys)
    valid(validator, log)
    assert code == 2
    run = log["runs"][0]
    (res,) = run["results"]
    assert res["locations"][0]["logicalLocations"] == [{"name": "app | Save %d files", "kind": "resource"}]
    assert res["properties"]["entry"] == "app\x04Save %d files"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False and inv["exitCode"] == 2
    (note,) = inv["toolExecutionNotifications"]
    assert note["level"] == "error" and note["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert run["properties"]["suppressed"] == {"inline": 0, "baseline": 0}


def test_empty_run_is_valid(proj, capsys, validator):
    code, log, _ = sarif(["check", "."], capsys)
    valid(validator, log)
    assert code == 0 and log["runs"][0]["results"] == []
    # the validator does reject what is not SARIF
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"].append({"ruleId": "TQ201", "level": "fatal", "message": {"text": "x"}})
    del bad["version"]
    assert len(list(validator.iter_errors(bad))) >= 2


def test_sarif_to_file(proj, capsys, validator):
    write(proj / "s.txt", "We met 3 times.\n")
    write(proj / "t.txt", "Wir trafen uns 5 Mal.\n")
    code = main(["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de", "--format", "sarif",
                 "--output", "out/tqcheck.sarif"])
    out, _ = capsys.readouterr()
    assert code == 1 and "reports: out/tqcheck.sarif" in out and "TQ201" in out  # the log still shows the text
    valid(validator, json.loads((proj / "out/tqcheck.sarif").read_text(encoding="utf-8")))


def test_real_files_sarif(proj, capsys, validator):
    copy_corpus(proj)
    code, log, err = sarif(["check", "l10n"], capsys)
    valid(validator, log)
    run = log["runs"][0]
    assert code == 1 and len(run["results"]) > 20
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "l10n/symfony/validators.tr.xlf" in uris
    # a key the translation lacks points at the key in the source file (the translation has no line)
    for r in run["results"]:
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("en.json"):
            assert r["ruleId"].startswith("TQ5") and "relatedLocations" not in r
    fps = [r["partialFingerprints"]["tqcheck/v1"] for r in run["results"]]
    assert len(set(fps)) == len(fps)
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in run["results"])


def test_unreadable_input_still_writes_sarif(proj, capsys, validator):
    """CI uploads the SARIF file even when no file could be read."""
    code = main(["check", "missing.po", "also-missing.xlf", "gone.json", "--format", "sarif", "--output", "r.sarif"])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.strip().splitlines()) == 3
    log = json.loads((proj / "r.sarif").read_text(encoding="utf-8"))
    valid(validator, log)
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["no such file or directory"] * 3
