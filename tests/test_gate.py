"""The multi-path gate: walking, pairing, document trees, per-file errors, exit codes."""
import csv
import re
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gate_helpers import bil, copy_corpus, use_fake, write
from tqcheck import gate
from tqcheck.cli import main
from tqcheck.config import Config, load_config
from tqcheck.errors import UsageError

EN_NUM = "We met 3 times in Berlin last year.\n"
DE_NUM = "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n"
EN_OK = "The committee met in Geneva.\n"
DE_OK = "Der Ausschuss tagte in Genf.\n"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- rule selection ---------------------------------------------------------------------------------
KNOWN = ["TQ101", "TQ102", "TQ201", "TQ202", "TQ301", "TQ501"]


def sel(cfg=None, **cli):
    return gate.resolve_rules(gate.GateOptions(config=cfg or Config(), **cli), KNOWN)


def test_resolve_rules_layers_like_ruff():
    assert sel() == KNOWN
    assert sel(Config(select=["TQ2"])) == ["TQ201", "TQ202"]
    assert sel(Config(select=["TQ2"], ignore=["TQ202"])) == ["TQ201"]
    assert sel(Config(select=["TQ2"]), extend_select=["TQ3"]) == ["TQ201", "TQ202", "TQ301"]
    # --select replaces the configuration's selection
    assert sel(Config(select=["TQ2"], ignore=["TQ1"]), select=["TQ1"]) == ["TQ101", "TQ102"]
    # a more specific extend-select wins over a broader ignore; a tie goes to ignore
    assert sel(Config(ignore=["TQ1"]), extend_select=["TQ101"]) == ["TQ101", "TQ201", "TQ202", "TQ301", "TQ501"]
    assert sel(Config(ignore=["TQ101"], extend_select=["TQ101"])) == ["TQ102", "TQ201", "TQ202", "TQ301", "TQ501"]
    assert sel(ignore=["tq5xx", "TQ3"]) == ["TQ101", "TQ102", "TQ201", "TQ202"]
    assert sel(select=["ALL"], ignore=["TQ1,TQ2"]) == ["TQ301", "TQ501"]


@pytest.mark.parametrize("kwargs", [{"select": ["TQ9"]}, {"ignore": ["TQ7"]}, {"select": ["XX1"]},
                                    {"ignore": ["TQ"]}])
def test_resolve_rules_rejects(kwargs):
    with pytest.raises(UsageError):
        sel(**kwargs)


def test_unknown_code_in_config_names_the_file(proj, capsys):
    write(proj / "tqcheck.toml", 'ignore = ["TQ999"]\n')
    write(proj / "s.txt", EN_NUM)
    write(proj / "t.txt", DE_NUM)
    code, out, err = run(["check", "s.txt", "t.txt"], capsys)
    assert code == 2 and "tqcheck.toml" in err and "TQ999" in err and len(err.strip().splitlines()) == 1


# -- document trees ------------------------------------------------------------------------------
TREE = """
src-lang = "en"
[[documents]]
source = "docs/en/**/*.md"
target = "docs/{lang}/**/*.md"
langs = ["de", "fr"]
"""


def make_tree(root: Path, extra: str = "") -> None:
    write(root / "tqcheck.toml", TREE + extra)
    write(root / "docs/en/index.md", "# Welcome\n\n" + EN_NUM)
    write(root / "docs/en/guide/setup.md", "# Setup\n\n" + EN_OK)
    write(root / "docs/de/index.md", "# Willkommen\n\n" + DE_NUM)
    write(root / "docs/de/guide/setup.md", "# Einrichtung\n\n" + DE_OK)
    write(root / "docs/fr/index.md", "# Bienvenue\n\nNous nous sommes vus 3 fois à Berlin l'an dernier.\n")
    write(root / "docs/fr/old.md", "# Ancienne page\n\nCette page n'existe plus en anglais.\n")


def test_document_tree_from_config(proj, capsys):
    make_tree(proj)
    code, out, err = run(["check", ".", "--format", "json"], capsys)
    data = json.loads(out)
    files = {(f["source"], f["path"]): f for f in data["files"]}
    assert set(files) == {("docs/en/index.md", "docs/de/index.md"),
                          ("docs/en/guide/setup.md", "docs/de/guide/setup.md"),
                          ("docs/en/index.md", "docs/fr/index.md")}
    assert {f["tgt_lang"] for f in data["files"]} == {"de", "fr"}
    assert all(f["src_lang"] == "en" for f in data["files"])
    de = files[("docs/en/index.md", "docs/de/index.md")]
    assert [(f["rule"], f["source_excerpt"], f["target_excerpt"], f["target_line"]) for f in de["findings"]
            if f["severity"] == "major"] == [("TQ201", "3", "5", 3)]
    assert not [f for f in files[("docs/en/index.md", "docs/fr/index.md")]["findings"] if f["severity"] == "major"]
    warns = {(w["path"], w["message"].split(":")[0]) for w in data["warnings"]}
    # a source without translation, and a translation whose source is gone
    assert ("docs/en/guide/setup.md", "no translation") in warns
    assert ("docs/fr/old.md", "no source") in warns
    assert code == 1
    assert "docs/fr/guide/setup.md does not exist" in err


def test_missing_translation_policy(proj, capsys):
    make_tree(proj, 'missing = "fail"\n')
    (proj / "docs/de/index.md").write_text("# Willkommen\n\n" + "Wir haben uns letztes Jahr 3 Mal in Berlin getroffen.\n",
                                            encoding="utf-8")
    code, out, err = run(["check", "docs", "--fail-on", "critical"], capsys)
    assert code == 1, (out, err)  # no critical finding, but a missing translation fails the run
    assert "missing file" in out
    (proj / "tqcheck.toml").write_text(TREE + 'missing = "ignore"\n', encoding="utf-8")
    code, out, err = run(["check", "docs", "--fail-on", "critical"], capsys)
    assert code == 0 and "no translation" not in err


def test_tree_checked_from_one_changed_file(proj, capsys):
    """pre-commit passes the changed files: a changed translation is checked with its source."""
    make_tree(proj)
    code, out, err = run(["check", "--no-pair", "docs/de/index.md", "README.md"], capsys)
    assert code == 2 and "README.md" in err  # README.md does not exist: an error, the rest is checked
    assert "docs/de/index.md:3: major TQ201" in out
    write(proj / "README.md", "# Project\n\nSome text.\n")
    code, out, err = run(["check", "--no-pair", "docs/de/index.md", "README.md"], capsys)
    assert code == 1 and "README" not in err + out


def test_unmapped_single_document_is_an_error_unless_no_pair(proj, capsys):
    write(proj / "a.md", EN_OK)
    code, out, err = run(["check", "a.md"], capsys)
    assert code == 2 and "a.md" in err and "SOURCE TRANSLATION" in err
    code, out, err = run(["check", "a.md", "--no-pair"], capsys)
    assert code == 0 and "Checked 0 files" in out


def test_two_documents_are_the_classic_pair(proj, capsys):
    write(proj / "s.txt", EN_NUM)
    write(proj / "t.txt", DE_NUM)
    code, out, err = run(["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de", "--json", "-"], capsys)
    data = json.loads(out)
    assert code == 1 and "segments" in data and data["target"]["path"] == "t.txt"
    code, out, err = run(["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de", "--no-pair"], capsys)
    assert code == 0 and "Checked 0 files" in out


def test_languages_from_config_globs_and_aliases(proj, capsys):
    write(proj / "tqcheck.toml", 'src-lang = "en-US"\n[languages]\n"en-US" = "en"\n"l10n/pl/**" = "pl"\n'
                                 '[[documents]]\nsource = "l10n/en/*.txt"\ntarget = "l10n/pl/*.txt"\n')
    write(proj / "l10n/en/a.txt", EN_NUM)
    write(proj / "l10n/pl/a.txt", "W zeszłym roku spotkaliśmy się 5 razy w Berlinie.\n")
    code, out, err = run(["check", "l10n", "--format", "json"], capsys)
    data = json.loads(out)
    (f,) = data["files"]
    assert (f["src_lang"], f["tgt_lang"]) == ("en", "pl")
    assert [x["rule"] for x in f["findings"] if x["severity"] == "major"] == ["TQ201"]


def test_exclude_and_walk_skips(proj, capsys, monkeypatch):
    fake = use_fake(monkeypatch)
    write(proj / "tqcheck.toml", 'exclude = ["vendor/", "*.skip.bil"]\n')
    for p in ("app/de.bil", "vendor/x/de.bil", ".hidden/de.bil", "node_modules/m/de.bil", "app/x.skip.bil"):
        bil(proj / p, [("k", "3 files", "3 Dateien")])
    write(proj / "venv/pyvenv.cfg", "home = /usr\n")
    bil(proj / "venv/lib/de.bil", [("k", "3", "3")])
    write(proj / "app/notes.txt", "not a localization file\n")
    code, out, err = run(["check", "."], capsys)
    assert code == 0, err
    assert [p for p, _ in fake.loaded] == ["app/de.bil"]
    # the configured exclude applies to files named on the command line too (pre-commit)
    fake.loaded.clear()
    code, out, err = run(["check", "vendor/x/de.bil", "app/de.bil"], capsys)
    assert [p for p, _ in fake.loaded] == ["app/de.bil"]
    fake.loaded.clear()
    run(["check", ".", "--exclude", "app/"], capsys)
    assert fake.loaded == []


def test_monolingual_sources_are_skipped_and_paired(proj, capsys, monkeypatch):
    fake = use_fake(monkeypatch)
    write(proj / "locales/en.mono", json.dumps({"a": "3 files", "b": "Open"}))
    write(proj / "locales/de.mono", json.dumps({"a": "5 Dateien", "b": "Öffnen"}))
    write(proj / "locales/fr.mono", json.dumps({"a": "3 fichiers", "b": "Ouvrir"}))
    code, out, err = run(["check", "locales", "--format", "json"], capsys)
    assert code == 1, err
    assert sorted(fake.loaded) == [("locales/de.mono", "locales/en.mono"), ("locales/fr.mono", "locales/en.mono")]
    data = json.loads(out)
    assert [(f["path"], [x["entry"] for x in f["findings"]]) for f in data["files"]] == \
        [("locales/de.mono", ["a"]), ("locales/fr.mono", [])]
    # the source named alone (a pre-commit run after editing en.mono) is not checked as a translation
    fake.loaded.clear()
    code, out, err = run(["check", "locales/en.mono"], capsys)
    assert code == 0 and fake.loaded == [] and not err
    # two resources named with no sibling source: the first is the source of the second
    write(proj / "x/base.mono", json.dumps({"a": "3 files"}))
    write(proj / "y/de.mono", json.dumps({"a": "4 Dateien"}))
    fake.loaded.clear()
    code, out, err = run(["check", "x/base.mono", "y/de.mono"], capsys)
    assert fake.loaded == [("y/de.mono", "x/base.mono")] and code == 1


def test_globs_on_the_command_line(proj, capsys, monkeypatch):
    fake = use_fake(monkeypatch)
    bil(proj / "a/de.bil", [("k", "3", "3")])
    bil(proj / "b/c/fr.bil", [("k", "3", "4")], tgt_lang="fr")
    code, out, err = run(["check", "**/*.bil"], capsys)
    assert code == 1 and sorted(p for p, _ in fake.loaded) == ["a/de.bil", "b/c/fr.bil"]
    code, out, err = run(["check", "nothing/**/*.po", "a"], capsys)
    assert code == 2 and "nothing/**/*.po: no file matches" in err


def test_bilingual_copy_in_source_language_is_skipped_in_walks(proj, capsys, monkeypatch):
    fake = use_fake(monkeypatch)
    bil(proj / "t/messages.en.bil", [("k", "3 files", "4 files")], "en", "en")
    bil(proj / "t/messages.de.bil", [("k", "3 files", "3 Dateien")], "en", "de")
    code, out, err = run(["check", "t"], capsys)
    assert code == 0 and "Checked 1 file" in out
    code, out, err = run(["check", "t/messages.en.bil"], capsys)  # named explicitly: checked
    assert code == 1


def test_one_malformed_file_does_not_stop_the_others(proj, capsys, monkeypatch):
    use_fake(monkeypatch)
    bil(proj / "l/de.bil", [("k1", "3 files", "5 Dateien")])
    bil(proj / "l/pl.bil", [("k1", "3 files", "3 pliki")], tgt_lang="pl")
    write(proj / "l/ru.bil", '{"units": [\n  {"id": "x",\n  oops}\n]}')
    code, out, err = run(["check", "l", "--format", "json"], capsys)
    assert code == 2  # exit 2 although other files had findings
    lines = err.strip().splitlines()
    assert lines == ["tqcheck: error: l/ru.bil:3: malformed JSON: Expecting property name enclosed in double quotes"]
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["l/de.bil", "l/pl.bil"]
    assert data["errors"] == [{"path": "l/ru.bil", "line": 3,
                               "message": "malformed JSON: Expecting property name enclosed in double quotes"}]
    assert data["summary"]["findings"] == 1
    # the text output says how many files could not be checked
    code, out, err = run(["check", "l"], capsys)
    assert code == 2 and "1 file could not be checked" in out and "l/de.bil:2: major TQ201" in out


def test_reader_crash_is_contained(proj, capsys, monkeypatch):
    fake = use_fake(monkeypatch)
    fake.explode_on = "bad.bil"
    bil(proj / "bad.bil", [("k", "1", "1")])
    bil(proj / "good.bil", [("k", "1", "2")])
    code, out, err = run(["check", "bad.bil", "good.bil"], capsys)
    assert code == 2 and "Traceback" not in err
    assert err.strip() == ("tqcheck: error: bad.bil: internal error while checking: RuntimeError: reader bug "
                           "(set TQCHECK_DEBUG=1 for details)")
    assert "good.bil:2: major TQ201" in out


def test_tables_in_a_walk_need_source_and_target_columns(proj, capsys):
    (proj / "d").mkdir()
    with (proj / "d/pairs.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "source", "target"])
        w.writerow(["1", "We have 12 new messages.", "Sie haben 13 neue Nachrichten."])
    write(proj / "d/data.csv", "year,value\n2020,3\n")
    code, out, err = run(["check", "d", "--src-lang", "en", "--tgt-lang", "de", "--format", "json"], capsys)
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["d/pairs.csv"] and code == 1
    assert data["files"][0]["findings"][0]["target_line"] == 2


def test_nothing_to_check_and_missing_paths(proj, capsys):
    write(proj / "notes.txt", "nothing\n")
    code, out, err = run(["check", "."], capsys)
    assert code == 0 and "Checked 0 files" in out
    code, out, err = run(["check", "nope", "."], capsys)
    assert code == 2 and err.strip() == "tqcheck: error: nope: no such file or directory"


def test_api_run_returns_result_set(proj, monkeypatch):
    use_fake(monkeypatch)
    bil(proj / "de.bil", [("k", "1", "2"), ("j", "ok", "ok")])
    rs = gate.run(["de.bil"], gate.GateOptions(config=load_config(start=str(proj))))
    assert rs.exit_code() == 1 and rs.summary()["by_rule"] == {"TQ201": 1}
    assert rs.results[0].entries == 2 and rs.results[0].kind == "bil"
    rs = gate.run(["de.bil"], gate.GateOptions(fail_on="never"))
    assert rs.exit_code() == 0
    write(proj / "tqcheck.toml", 'fail-on = "critical"\n')
    assert gate.check_paths(["de.bil"]).exit_code() == 0  # the configuration is found
    assert gate.check_paths(["de.bil"], config=False).exit_code() == 1
    rs = gate.check_paths(["de.bil"], config=False, select=["TQ3"])
    assert rs.findings == [] and all(c.startswith("TQ3") for c in rs.rules)
    rs = gate.check_paths(["."], config=False)
    assert json.loads(rs.to_json())["summary"]["findings"] == 1
    assert rs.to_sarif()["runs"][0]["results"][0]["ruleId"] == "TQ201"
    assert rs.to_text().endswith("1 at or above fail-on=major.\n") and rs.to_github().startswith("::error")
    assert "<testsuites" in rs.to_junit() and rs.to_csv().count("\n") == 2


def test_pre_commit_hook_definition(proj, capsys):
    """The hook's entry runs as pre-commit runs it: with whatever files changed."""
    root = Path(__file__).resolve().parent.parent
    text = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\s*-?\s*(id|entry|language|types_or):\s*(.+?)\s*$", text, re.M))
    assert fields["id"] == "tqcheck" and fields["language"] == "python"
    assert fields["entry"].startswith("tqcheck check")
    types = [t.strip() for t in fields["types_or"].strip("[]").split(",")]
    assert {"pofile", "json", "yaml", "markdown", "text"} <= set(types)
    make_tree(proj)
    write(proj / "README.md", "# Project\n")
    write(proj / "CHANGELOG.md", "# Changes\n")
    argv = fields["entry"].split()[1:]
    # two unrelated Markdown files changed: nothing to check, the commit passes
    assert run(argv + ["README.md", "CHANGELOG.md"], capsys)[0] == 0
    # a changed translation is checked against its source
    code, out, _ = run(argv + ["README.md", "docs/de/index.md"], capsys)
    assert code == 1 and "docs/de/index.md:3: major TQ201" in out


# -- the real localization readers on real files ------------------------------------------------------
def test_real_files_walk_with_one_broken_file(proj, capsys):
    copy_corpus(proj)
    po = (proj / "l10n/django/locale/tr/LC_MESSAGES/django.po").read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = next(i for i, line in enumerate(po) if line.startswith("msgstr ") and i > 40)
    po[bad_line] = 'msgstr "never closed\n'
    write(proj / "l10n/django/locale/de/LC_MESSAGES/django.po", "".join(po))
    code, out, err = run(["check", "l10n", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 2
    # sources (en.json, en_US/messages.json, the English validators.en.xlf) are not checked
    assert [(f["path"], f["kind"], f["tgt_lang"]) for f in data["files"]] == [
        ("l10n/badger/_locales/tr/messages.json", "chrome-json", "tr"),
        ("l10n/django/locale/tr/LC_MESSAGES/django.po", "po", "tr"),
        ("l10n/excalidraw/locales/tr-TR.json", "json", "tr"),
        ("l10n/symfony/validators.tr.xlf", "xliff1", "tr"),
    ]
    assert {f["source"] for f in data["files"]} >= {"l10n/excalidraw/locales/en.json",
                                                   "l10n/badger/_locales/en_US/messages.json"}
    (e,) = data["errors"]
    assert e["path"] == "l10n/django/locale/de/LC_MESSAGES/django.po" and e["line"] == bad_line + 1
    assert err.strip().splitlines() == [f"tqcheck: error: {e['path']}:{e['line']}: {e['message']}"]
    assert all(f["entries"] > 100 for f in data["files"])
    # every finding names its file and entry, and no document-structure rule runs on entries
    for f in data["files"]:
        for x in f["findings"]:
            assert x["file"] == f["path"] and not x["rule"].startswith("TQ1")
            assert x["entry"] is not None or x["severity"] == "info"
    # the real defect of Symfony's Turkish file: a renamed placeholder
    xlf = next(f for f in data["files"] if f["kind"] == "xliff1")
    assert any(x["rule"] == "TQ503" and x["target_excerpt"] == "{{ compare_value }}" for x in xlf["findings"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["locale/tr/LC_MESSAGES/x.po", "t/app.tr.xlf", "l/tr.json", "l/tr.yml",
                                                 "res/values-tr/strings.xml", "tr.lproj/Localizable.strings"]),
       st.booleans())
def test_any_bytes_give_a_result_or_one_error(data, name, with_text):
    """Whatever a file holds, the gate reports it as checked or as one error, never crashes."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        if with_text:  # a plausible file with the random bytes inside
            p.write_bytes(b'msgid "a"\nmsgstr "' + data.replace(b'"', b"") + b'"\n' if name.endswith(".po")
                          else b'{"a": "' + data.replace(b'"', b"").replace(b"\\", b"") + b'"}' if "json" in name
                          else data)
        rs = gate.run([str(p)], gate.GateOptions(config=Config(root=d), select=["TQ2", "TQ3", "TQ5"]))
        assert len(rs.results) + len(rs.errors) + rs.skipped + len(rs.warnings) >= 1
        for e in rs.errors:
            assert "\n" not in str(e) and e.path and "internal error" not in e.message, str(e)
        assert rs.exit_code() in (0, 1, 2)
