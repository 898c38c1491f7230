"""pofilter's weaknesses listed in issue 5, each checked on small files written here (the
corpus-based versions are in test_l10n_corpora.py and need ../shared): tqcheck must not share them."""
import json
import textwrap
from pathlib import Path

import pytest

from tqcheck.cli import main
from tqcheck.io.l10n import check_units, load


def write(p: Path, text: str) -> str:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)


def rules_by_entry(path: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in check_units(load(path)).findings:
        if f.severity.value != "info":
            out.setdefault(f.entry, set()).add(f.rule)
    return out


def xliff12(tgt: str, units: list[tuple[str, str, str]], approved: bool = False) -> str:
    extra = ' approved="yes"' if approved else ""
    body = "\n".join(
        f'<trans-unit id="{i}" resname="{s}"{extra}>'
        f"<source>{s}</source><target>{t}</target></trans-unit>" for i, s, t in units)
    return ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file source-language="en" target-language="{tgt}" datatype="plaintext" original="f">\n'
            f"<body>\n{body}\n</body>\n</file>\n</xliff>\n")


def po(lang: str, entries: list[tuple[str, str]]) -> str:
    head = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    return head + "".join(f'#, python-format\nmsgid "{s}"\nmsgstr "{t}"\n\n' if "%" in s
                          else f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in entries)


def test_xliff20_is_not_passed_silently(tmp_path, capsys):
    p = write(tmp_path / "messages.tr.xlf", '''\
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="tr">
         <file id="f">
          <unit id="a"><segment><source>Delete %s files?</source><target>Dosyalar silinsin mi?</target></segment></unit>
          <unit id="b"><segment><source>Close</source></segment></unit>
         </file>
        </xliff>''')
    code = main(["check", "--no-config", "--format", "json", p])
    doc = json.loads(capsys.readouterr().out)
    got = {(f["entry"], f["rule"]) for r in doc["files"] for f in r["findings"]}
    assert ("a", "TQ501") in got and ("b", "TQ513") in got
    assert code == 1 and doc["files"][0]["kind"] == "xliff2"


def test_symfony_double_brace_placeholders(tmp_path):
    p = write(tmp_path / "validators.de.xlf", xliff12("de", [
        ("1", "At least {{ limit }} characters.", "Mindestens Zeichen."),
        ("2", "At most {{ limit }} characters.", "Höchstens {{ limit }} Zeichen."),
        ("3", "The value {{ value }} is invalid.", "Der Wert {{ wert }} ist ungültig.")]))
    r = rules_by_entry(p)
    assert "TQ501" in r.get("1", set())
    assert "2" not in r
    assert r.get("3", set()) & {"TQ503", "TQ501"}


def test_xliff_whitespace_is_kept_and_checked(tmp_path):
    p = write(tmp_path / "m.pl.xlf", xliff12("pl", [("1", "Name: ", "Nazwa:"), ("2", "Save ", "Zapisz ")]))
    uf = load(p)
    assert [u.source for u in uf.units] == ["Name: ", "Save "]
    r = rules_by_entry(p)
    assert "TQ510" in r.get("1", set()) and "TQ510" not in r.get("2", set())


def test_no_capitalisation_checks_on_japanese(tmp_path):
    p = write(tmp_path / "ja.po", po("ja", [("Save changes", "変更を保存"), ("Delete the file", "ファイルを削除"),
                                           ("enter a value", "値を入力")]))
    assert not any("TQ518" in v for v in rules_by_entry(p).values())


def test_turkish_placeholder_moved_to_the_front_is_fine(tmp_path):
    p = write(tmp_path / "tr.po", po("tr", [("Delete %(name)s?", "%(name)s silinsin mi?"),
                                           ("Saved %(count)s files in %(folder)s.",
                                            "%(folder)s içine %(count)s dosya kaydedildi.")]))
    r = rules_by_entry(p)
    assert not any(v & {"TQ501", "TQ502", "TQ503", "TQ504"} for v in r.values()), r


def test_eg_is_not_a_sentence_end(tmp_path):
    p = write(tmp_path / "de.po", po("de", [("Enter a date, e.g. 2006-10-25.", "Datum eingeben, z. B. 2006-10-25."),
                                           ("Use a short name, e.g. “main”.", "Einen kurzen Namen, z. B. „main“.")]))
    r = rules_by_entry(p)
    assert not any(v & {"TQ511", "TQ518"} for v in r.values()), r


def test_polish_low_quotes_are_fine(tmp_path):
    p = write(tmp_path / "pl.po", po("pl", [("File “%(name)s” saved.", "Plik „%(name)s” zapisany."),
                                           ("Say “hello”.", "Powiedz „cześć”.")]))
    r = rules_by_entry(p)
    assert not any(v & {"TQ506", "TQ507", "TQ511", "TQ518", "TQ501", "TQ502"} for v in r.values()), r


@pytest.mark.parametrize("approved", [False, True])
def test_symfony_units_without_approved_are_not_fuzzy(tmp_path, approved):
    p = write(tmp_path / "validators.fr.xlf", xliff12("fr", [
        ("1", "This value is not valid.", "Cette valeur n'est pas valide."),
        ("2", "This value should be blank.", "Cette valeur doit être vide.")], approved=approved))
    assert not any("TQ514" in v for v in rules_by_entry(p).values())
