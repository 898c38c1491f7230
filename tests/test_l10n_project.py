"""TQ520 across the files of a project: the same source translated differently in two
localization files of the same target language (``tqcheck check PATH...``)."""
import json
from pathlib import Path

import pytest

from tqcheck.checks.l10n_project import project_findings
from tqcheck.cli import main
from tqcheck.io.l10n.base import Unit


def po(lang: str, entries: list[tuple], header_extra: str = "") -> str:
    out = ['msgid ""', 'msgstr ""', f'"Language: {lang}\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
           header_extra, ""]
    for e in entries:
        src, tgt, *rest = e
        opts = rest[0] if rest else {}
        if opts.get("comment"):
            out.append(f"# {opts['comment']}")
        if opts.get("fuzzy"):
            out.append("#, fuzzy")
        if opts.get("ctx"):
            out.append(f'msgctxt "{opts["ctx"]}"')
        out.append(f'msgid "{src}"')
        if opts.get("plural"):
            out.append(f'msgid_plural "{opts["plural"]}"')
            for i, t in enumerate(tgt):
                out.append(f'msgstr[{i}] "{t}"')
        else:
            out.append(f'msgstr "{tgt}"')
        out.append("")
    return "\n".join(out)


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(argv, capsys):
    code = main(["check", "--no-config", "--fail-on", "minor", "--select", "TQ520", "--format", "json",
                 *map(str, argv)])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def tq520(doc) -> list[dict]:
    return [f for r in doc["files"] for f in r["findings"] if f["rule"] == "TQ520"]


def test_cross_file_inconsistency_reported_once_with_the_other_file(proj, capsys):
    write(proj / "app/de.po", po("de", [("Save the file", "Datei speichern"),
                                        ("Delete this item", "Dieses Element löschen")]))
    write(proj / "web/de.po", po("de", [("Save the file", "Dokument sichern"),
                                        # case and final punctuation alone: not a difference
                                        ("Delete this item", "dieses Element löschen.")]))
    code, doc, err = run_json(["app/de.po", "web/de.po"], capsys)
    hits = tq520(doc)
    assert code == 1, err
    assert len(hits) == 1
    f = hits[0]
    assert f["file"] == "web/de.po" and f["entry"] == "Save the file"
    assert f["target_excerpt"] == "Dokument sichern" and f["suggestion"] == "Datei speichern"
    assert "app/de.po:" in f["message"] and f["severity"] == "minor"
    assert f["target_line"] == 8 and f["fingerprint"]


def test_majority_translation_wins(proj, capsys):
    for name, t in (("a", "Datei speichern"), ("b", "Dokument sichern"), ("c", "Datei speichern")):
        write(proj / f"{name}/de.po", po("de", [("Save the file", t)]))
    _, doc, _ = run_json(["a/de.po", "b/de.po", "c/de.po"], capsys)
    assert [(f["file"], f["target_excerpt"]) for f in tq520(doc)] == [("b/de.po", "Dokument sichern")]


def test_not_compared_other_language_context_fuzzy_plural(proj, capsys):
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern"),
                                      ("Open the file", "Datei öffnen"),
                                      ("Close the file", "Datei schließen"),
                                      ("%d file deleted", ["%d Datei gelöscht", "%d Dateien gelöscht"],
                                       {"plural": "%d files deleted"})],
                              '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'))
    write(proj / "b/de.po", po("de", [("Open the file", "Datei aufmachen", {"ctx": "menu"}),
                                      ("Close the file", "Datei zumachen", {"fuzzy": True}),
                                      ("%d file deleted", ["%d Datei entfernt", "%d Dateien entfernt"],
                                       {"plural": "%d files deleted"})],
                              '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'))
    write(proj / "c/fr.po", po("fr", [("Save the file", "Enregistrer le fichier")]))
    code, doc, err = run_json(["a/de.po", "b/de.po", "c/fr.po"], capsys)
    assert tq520(doc) == [], tq520(doc)
    assert code == 0, err


def test_single_file_is_not_compared_with_itself_twice(proj, capsys):
    # within one file TQ520 already reports; the project check adds nothing for one file
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern"), ("Save the file", "Dokument sichern",
                                                                           {"ctx": "x"})]))
    _, doc, _ = run_json(["a/de.po"], capsys)
    assert tq520(doc) == []


def test_inline_suppression_baseline_and_outputs(proj, capsys):
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern"), ("Open the file", "Datei öffnen")]))
    write(proj / "b/de.po", po("de", [("Save the file", "Dokument sichern", {"comment": "tqcheck: ignore[TQ520]"}),
                                      ("Open the file", "Datei aufmachen")]))
    code, doc, _ = run_json(["a/de.po", "b/de.po"], capsys)
    assert [f["entry"] for f in tq520(doc)] == ["Open the file"]
    assert doc["summary"]["suppressed"]["inline"] == 1
    # the baseline accepts it; a new inconsistency still fails the build
    assert main(["check", "--no-config", "--select", "TQ520", "--fail-on", "minor", "--write-baseline",
                 "base.json", "a/de.po", "b/de.po"]) == 0
    capsys.readouterr()
    code, doc, _ = run_json(["--baseline", "base.json", "a/de.po", "b/de.po"], capsys)
    assert code == 0 and tq520(doc) == [] and doc["summary"]["suppressed"]["baseline"] == 1
    write(proj / "b/de.po", po("de", [("Save the file", "Dokument sichern", {"comment": "tqcheck: ignore[TQ520]"}),
                                      ("Open the file", "Datei aufmachen"),
                                      ("Close the file", "Datei zumachen")]))
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern"), ("Open the file", "Datei öffnen"),
                                      ("Close the file", "Datei schließen")]))
    code, doc, _ = run_json(["--baseline", "base.json", "a/de.po", "b/de.po"], capsys)
    assert code == 1 and [f["entry"] for f in tq520(doc)] == ["Close the file"]
    for fmt, needle in (("sarif", '"ruleId": "TQ520"'), ("junit", "TQ520"), ("github", "title=TQ520"),
                        ("csv", "TQ520"), ("text", "b/de.po:")):
        main(["check", "--no-config", "--select", "TQ520", "--format", fmt, "a/de.po", "b/de.po"])
        out = capsys.readouterr().out
        assert needle in out, (fmt, out[:500])
        assert "a/de.po" in out


def test_ignored_rule_is_not_run_across_files(proj, capsys):
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern")]))
    write(proj / "b/de.po", po("de", [("Save the file", "Dokument sichern")]))
    main(["check", "--no-config", "--ignore", "TQ520", "--format", "json", "a/de.po", "b/de.po"])
    doc = json.loads(capsys.readouterr().out)
    assert tq520(doc) == []


def test_project_findings_unit_level():
    def u(src, tgt, **kw):
        return Unit(id=src, source=src, target=tgt, target_line=3, **kw)

    files = [("x.po", "po", "en", "de", [u("Save the file", "Datei speichern"), u("OK", "Gut")]),
             ("y.po", "po", "en", "de_DE".replace("_DE", ""), [u("Save the file", "Dokument sichern"),
                                                               u("OK", "Okay")]),  # one word: not compared
             ("z.xlf", "xliff1", "fr", "de", [u("Save the file", "Irgendwas anderes")])]  # other source language
    out = project_findings(files)
    assert list(out) == ["y.po"]
    assert [f.target_excerpt for f in out["y.po"]] == ["Dokument sichern"]
    assert "x.po:3" in out["y.po"][0].message


def test_entry_reported_in_file_is_not_reported_again(proj, capsys):
    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern")]))
    write(proj / "b/de.po", po("de", [("Save the file", "Datei speichern", {"ctx": "x"}),
                                      ("Save the file", "Datei speichern"),
                                      ("Save the file", "Dokument sichern", {"ctx": "x"})]))
    _, doc, _ = run_json(["a/de.po", "b/de.po"], capsys)
    hits = tq520(doc)
    assert [(f["file"], f["target_excerpt"]) for f in hits] == [("b/de.po", "Dokument sichern")]
    assert "line" in hits[0]["message"] and "a/de.po" not in hits[0]["message"]  # the in-file finding


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDINGS = ["Datei speichern", "datei  speichern.", "Dokument sichern", "Sichern"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDINGS), min_size=0, max_size=3), min_size=1, max_size=5))
def test_project_findings_properties(files_targets):
    files = []
    for i, targets in enumerate(files_targets):
        units = [Unit(id=f"e{j}", source="Save the file", target=t, target_line=j + 1) for j, t in enumerate(targets)]
        files.append((f"f{i}.po", "po", None, "de", units))
    out = project_findings(files)
    norm = lambda t: " ".join(t.casefold().split()).rstrip(".")  # noqa: E731
    wordings = {norm(t) for ts in files_targets for t in ts}
    if len(wordings) <= 1:
        assert out == {}
    flagged = [f for fs in out.values() for f in fs]
    for f in flagged:
        # never the wording most files use, and always pointing at another file
        assert f.file not in f.message.split("(entry")[0]
        assert norm(f.target_excerpt) != norm(f.suggestion)
    # when every file is consistent in itself, exactly one wording (the project's) is left unflagged
    # and every entry with another wording is flagged once
    used = [ts for ts in files_targets if ts]
    if len(used) >= 2 and all(len({norm(t) for t in ts}) == 1 for ts in used):
        flagged_words = [norm(f.target_excerpt) for f in flagged]
        kept = wordings - set(flagged_words)
        assert len(kept) == 1
        assert len(flagged) == sum(1 for ts in used for t in ts if norm(t) not in kept)


def test_api_check_paths_compares_files(proj):
    from tqcheck import gate

    write(proj / "a/de.po", po("de", [("Save the file", "Datei speichern")]))
    write(proj / "b/de.po", po("de", [("Save the file", "Dokument sichern")]))
    rs = gate.check_paths(["a", "b"], config=False, select=["TQ520"], fail_on="minor")
    assert [(f.file, f.rule) for f in rs.findings] == [("b/de.po", "TQ520")]
    assert rs.exit_code() == 1
    assert all(r.units == [] for r in rs.results)  # the units are not kept after the run
