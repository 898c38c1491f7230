"""The command line, as a user or a build runs it: exit codes, outputs, bad input."""
import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.cli import main


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_fixture_end_to_end_writes_all_reports(fixture_pair, tmp_path, capsys):
    src, tgt = fixture_pair
    before = digest(src), digest(tgt)
    j, c, h = tmp_path / "r.json", tmp_path / "r.csv", tmp_path / "r.html"
    code, out, err = run(["check", src, tgt, "--json", j, "--csv", c, "--html", h], capsys)
    assert code == 1, err  # the fixture has major defects
    assert (digest(src), digest(tgt)) == before, "input files must never be modified"
    assert "major" in out and "TQ301" in out
    data = json.loads(j.read_text(encoding="utf-8"))
    assert data["tool"]["name"] == "tqcheck"
    assert data["source"]["lang"] == "en" and data["target"]["lang"] == "tr"
    assert data["segments"] and data["findings"]
    assert sum(data["summary"]["by_severity"].values()) == len(data["findings"])
    rows = list(csv.DictReader(io.StringIO(c.read_text(encoding="utf-8"))))
    assert len(rows) == len(data["findings"])
    assert [r["rule"] for r in rows] == [f["rule"] for f in data["findings"]]
    html = h.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "desteđimizi" in html


def test_fail_on_thresholds(tmp_path, capsys):
    s = tmp_path / "s.txt"
    t = tmp_path / "t.txt"
    s.write_text("We met 3 times in Berlin last year.\n", encoding="utf-8")
    t.write_text("Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n", encoding="utf-8")
    args = ["check", s, t, "--src-lang", "en", "--tgt-lang", "de"]
    assert run(args, capsys)[0] == 1
    assert run(args + ["--fail-on", "critical"], capsys)[0] == 0
    assert run(args + ["--fail-on", "never"], capsys)[0] == 0
    code, out, _ = run(args + ["--json", "-"], capsys)
    data = json.loads(out)
    assert [f["rule"] for f in data["findings"]] == ["TQ201"]
    f = data["findings"][0]
    assert (f["source_excerpt"], f["target_excerpt"]) == ("3", "5")
    assert f["source_line"] == 1 and f["target_line"] == 1


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_reader_that_stops_reading_does_not_change_the_verdict(tmp_path, monkeypatch, fmt):
    """``tqcheck check … | head`` in a build with pipefail: the output is cut short, the exit
    code is still the gate's (1 for a major finding), not success."""
    s = tmp_path / "s.txt"
    t = tmp_path / "t.txt"
    s.write_text("We met 3 times in Berlin last year.\n", encoding="utf-8")
    t.write_text("Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n", encoding="utf-8")

    class Closed(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self):
            raise ValueError("no file")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["check", str(s), str(t), "--src-lang", "en", "--tgt-lang", "de", "--format", fmt]) == 1
    assert main(["check", str(s), str(t), "--src-lang", "en", "--tgt-lang", "de", "--format", fmt,
                 "--fail-on", "never"]) == 0


def test_clean_pair_exit_zero(tmp_path, capsys):
    s = tmp_path / "s.md"
    t = tmp_path / "t.md"
    s.write_text("# Report\n\nThe committee met on 11 January 2022 in Geneva.\n\n"
                 "It approved a budget of 1,250.5 million francs.\n", encoding="utf-8")
    t.write_text("# Bericht\n\nDer Ausschuss tagte am 11. Januar 2022 in Genf.\n\n"
                 "Er genehmigte ein Budget von 1.250,5 Millionen Franken.\n", encoding="utf-8")
    code, out, err = run(["check", s, t, "--src-lang", "en", "--tgt-lang", "de", "--json", tmp_path / "o.json"], capsys)
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert code == 0, data["findings"]
    assert not [f for f in data["findings"] if f["severity"] in ("major", "critical")]


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02\x03binary\x00\x00garbage" * 50, "binary"),
    ("Merhaba dünya, nasılsın?\n".encode("cp1254"), "UTF-8"),
])
def test_bad_input_one_line_exit_2(tmp_path, capsys, content, needle):
    good = tmp_path / "good.txt"
    good.write_text("Hello world. This is fine.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(["check", good, bad], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "bad.txt" in lines[0] and needle.lower() in lines[0].lower()
    assert "Traceback" not in err


def test_declared_encoding_is_used(tmp_path, capsys):
    s = tmp_path / "s.txt"
    t = tmp_path / "t.txt"
    s.write_text("Thank you for the 3 reports.\n", encoding="utf-8")
    t.write_bytes("3 rapor için teşekkür ederim, değerli dostlar.\n".encode("cp1254"))
    code, out, err = run(["check", s, t, "--tgt-encoding", "cp1254", "--src-lang", "en",
                          "--tgt-lang", "tr", "--json", "-"], capsys)
    assert code in (0, 1), err
    data = json.loads(out)
    assert data["target"]["encoding"].lower().replace("-", "") in ("cp1254", "windows1254")
    assert "teşekkür" in data["segments"][0]["target_text"]


def test_missing_file_and_bad_usage(tmp_path, capsys):
    code, _, err = run(["check", tmp_path / "nope.txt", tmp_path / "nope2.txt"], capsys)
    assert code == 2 and "nope.txt" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(["check", "--fail-on", "sometimes", "a", "b"], capsys)
    assert code == 2 and "Traceback" not in err
    code, _, err = run(["check", "only-one.txt"], capsys)
    assert code == 2
    code, _, err = run(["check", "a", "b", "--select", "XX9"], capsys)
    assert code == 2


def test_large_file_refused(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        line = ("This is a sentence that repeats to make a big file. " * 20 + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            f.write(line)
    small = tmp_path / "small.txt"
    small.write_text("Hello there. Small file.\n", encoding="utf-8")
    code, _, err = run(["check", small, big], capsys)
    assert code == 2 and "big.txt" in err and "MB" in err and len(err.strip().splitlines()) == 1


def test_identical_files_are_a_finding(tmp_path, capsys):
    s = tmp_path / "s.txt"
    text = ("The committee approved the budget. The members thanked the secretariat for its work. "
            "The next meeting will take place in spring.\n")
    s.write_text(text, encoding="utf-8")
    t = tmp_path / "t.txt"
    t.write_text(text, encoding="utf-8")
    code, out, err = run(["check", s, t, "--src-lang", "en", "--tgt-lang", "fr", "--json", "-"], capsys)
    data = json.loads(out)
    assert code == 1
    assert [f["severity"] for f in data["findings"] if f["rule"] == "TQ402"] == ["critical"]


def test_pairs_csv(tmp_path, capsys):
    p = tmp_path / "pairs.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "target"])
        w.writerow(["Open the file.", "Datei öffnen."])
        w.writerow(["We have 12 new messages.", "Sie haben 13 neue Nachrichten."])
        w.writerow(["Close the window.", "Fenster schließen."])
    code, out, err = run(["check", p, "--src-lang", "en", "--tgt-lang", "de", "--json", "-"], capsys)
    data = json.loads(out)
    assert code == 1, err
    nums = [f for f in data["findings"] if f["rule"] == "TQ201"]
    assert len(nums) == 1 and nums[0]["target_line"] == 3 and nums[0]["source_segment"] == 1
    assert len(data["segments"]) == 3


def test_rules_and_explain(capsys):
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "TQ101" in out and "TQ301" in out
    code, out, _ = run(["rules", "--format", "markdown"], capsys)
    assert out.startswith("| code |")
    code, out, _ = run(["explain", "tq201"], capsys)
    assert code == 0 and "number" in out.lower() and "Example" in out
    assert run(["explain", "TQ999"], capsys)[0] == 2
    # the explanation reads as one paragraph: no docstring indentation from its second line on
    code, out, _ = run(["explain", "TQ101"], capsys)
    body = out.split("\n\n")[3]
    assert len(body.splitlines()) > 2 and not any(line.startswith(" ") for line in body.splitlines())


def test_align_command_vecalign(tmp_path, capsys):
    s = tmp_path / "s.txt"
    t = tmp_path / "t.txt"
    s.write_text("Chapter 1 begins in Berlin.\nChapter 2 is very short.\nChapter 3 ends in Paris.\n",
                 encoding="utf-8")
    t.write_text("Kapitel 1 beginnt in Berlin.\nKapitel 3 endet in Paris.\n", encoding="utf-8")
    code, out, err = run(["align", s, t, "--lines", "--src-lang", "en", "--tgt-lang", "de"], capsys)
    assert code == 0, err
    beads = out.strip().splitlines()
    assert beads[0] == "[0]:[0]" and "[1]:[]" in beads and beads[-1] == "[2]:[1]"


def test_console_script_runs(fixture_pair, tmp_path):
    """The installed entry point (python -m) runs and never prints a traceback."""
    r = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(fixture_pair[0]), str(tmp_path / "missing.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "missing.txt" in r.stderr



def test_html_for_several_pairs_writes_index_and_one_page_per_pair(tmp_path, capsys, monkeypatch):
    for lang, texts in (("en", ["# Guide\n\nInstall the tool in 3 steps.\n", "Hello world, this is page two.\n"]),
                        ("de", ["# Anleitung\n\nInstallieren Sie das Werkzeug in 4 Schritten.\n",
                                "Hallo Welt, das ist Seite zwei.\n"])):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for name, text in zip(("a.md", "b.md"), texts):
            (tmp_path / "docs" / lang / name).write_text(text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tqcheck]\n[[tool.tqcheck.documents]]\nsource = "docs/en/**/*.md"\ntarget = "docs/de/**/*.md"\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["check", "--html", "out/index.html", "--src-lang", "en", "--tgt-lang", "de"], capsys)
    assert code == 1, err
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in (tmp_path / "out").glob("0*.html"))
    assert len(pages) == 2
    for p in pages:
        assert p in index
    assert "TQ201" in (tmp_path / "out" / pages[0]).read_text(encoding="utf-8")
