"""``tqcheck fix-encoding FILE [--lang xx] [-o OUT] [--json PATH]``, through ``tqcheck.cli.main``."""
import codecs
import json

from conftest import FIXTURES

from tqcheck.cli import main


def fix(*args: str) -> int:
    return main(["fix-encoding", *args])


def test_repairs_the_fixture_and_nothing_else(tmp_path, capsys):
    out = tmp_path / "fixed.txt"
    assert fix(str(FIXTURES / "speech.tr.txt"), "--lang", "tr", "-o", str(out)) == 0
    before = (FIXTURES / "speech.tr.txt").read_bytes()
    after = out.read_bytes()
    assert after == before.replace("đ".encode(), "ğ".encode())
    err = capsys.readouterr().err
    assert "speech.tr.txt:13:62: codepage: \"Çavuşođlu'na\" -> \"Çavuşoğlu'na\"" in err
    assert "Windows-1254 text read as Windows-1250 in 10 places" in err


def test_json_lists_every_span_with_offsets_in_the_input(tmp_path, capsys):
    src = FIXTURES / "speech.tr.txt"
    report = tmp_path / "spans.json"
    assert fix(str(src), "--lang", "tr", "-o", str(tmp_path / "out.txt"), "--json", str(report)) == 0
    text = src.read_text(encoding="utf-8")
    doc = json.loads(report.read_text(encoding="utf-8"))
    spans = doc["damages"]
    assert len(spans) == 10 and doc["language"] == "tr"
    for s in spans:
        assert text[s["start"]:s["end"]] == s["original"]
        assert s["kind"] == "codepage" and s["cause"] == "Windows-1254 text read as Windows-1250"
        assert s["replacement"] == s["original"].replace("đ", "ğ") and s["applied"]
        line = text.split("\n")[s["line"] - 1]
        assert line[s["column"] - 1:].startswith(s["original"])
    assert doc["summary"] == [{"kind": "codepage", "cause": "Windows-1254 text read as Windows-1250",
                               "count": 10}]


def test_never_in_place(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Le cafÃ© est ouvert.\n", encoding="utf-8")
    assert fix(str(f), "--in-place") == 2  # no such option
    assert fix(str(f), "-o", str(f)) == 2  # the input cannot be the output
    assert f.read_text(encoding="utf-8") == "Le cafÃ© est ouvert.\n"
    assert "never rewrites its input" in capsys.readouterr().err


def test_check_mode_writes_nothing(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Le cafÃ© est ouvert.\n", encoding="utf-8")
    assert fix(str(f), "--check", "-q") == 1
    assert capsys.readouterr().out == ""
    g = tmp_path / "clean.txt"
    g.write_text("Le café est ouvert.\n", encoding="utf-8")
    assert fix(str(g), "--check", "-q", "--lang", "fr") == 0


def test_line_ends_bom_and_other_bytes_stay(tmp_path, capsys):
    f = tmp_path / "t.txt"
    clean = ("Po d\u0142ugiej debacie przyj\u0119to bud\u017cet w wysoko\u015bci 4,5 miliona euro.\r\n"
             "\u015awietnie, \u017ce s\u0105 tacy ludzie \u2013 \u201eok\u201d.\r\n"
             "\u0179r\u00f3d\u0142o tej informacji jest \u015bwie\u017ce i sprawdzone.\r\n")
    damaged = clean.encode("cp1250").decode("iso8859_2")  # Windows-1250 text read as ISO-8859-2
    f.write_bytes(codecs.BOM_UTF8 + damaged.encode("utf-8") + "Zdanie w porządku.\r".encode())
    out = tmp_path / "o.txt"
    assert fix(str(f), "--lang", "pl", "-o", str(out)) == 0
    assert out.read_bytes() == codecs.BOM_UTF8 + clean.encode("utf-8") + "Zdanie w porządku.\r".encode()
    err = capsys.readouterr().err
    # one cause for the whole file, also for the quotes ftfy alone would call Windows-1252
    assert err.count("[Windows-1250 text read as ISO-8859-2]") == 7
    assert "7 of 7 damaged places repaired (language: pl)" in err


def test_invalid_utf8_bytes_are_kept_or_repaired(tmp_path, capsysbinary):
    # a cp1250 "ś" (0x9C) inside an otherwise UTF-8 file: the detector reads it back in a code page
    f = tmp_path / "t.txt"
    f.write_bytes("Przyjęto budżet w wysoko".encode() + b"\x9c" + "ci 4,5 miliona.\n".encode()
                  + b"Binary \xff\xfe stays.\n")
    assert fix(str(f), "--lang", "pl", "-q") == 0
    out = capsysbinary.readouterr().out
    assert out == "Przyjęto budżet w wysokości 4,5 miliona.\n".encode() + b"Binary \xff\xfe stays.\n"


def test_legacy_encoding_written_back_in_it(tmp_path, capsysbinary):
    f = tmp_path / "t.txt"
    text = "Gestern haben wir über das Wetter gesprochen. Die Größe der Straße überrascht.\n"
    f.write_bytes(text.replace("Größe", "Grˆße").encode("cp1252"))  # a mac_roman ö read as cp1252
    assert fix(str(f), "--lang", "de", "--encoding", "cp1252", "-q") == 0
    assert capsysbinary.readouterr().out == text.encode("cp1252")


def test_stdout_and_errors(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Hallo\u200bwelt und Pаsswort\n", encoding="utf-8")
    assert fix(str(f), "--lang", "de", "-q") == 0
    assert capsys.readouterr().out == "Hallowelt und Passwort\n"
    assert fix(str(tmp_path / "missing.txt")) == 2
    assert fix("--min-confidence", "3", str(f)) == 2
    assert fix("--bogus") == 2
    assert fix(str(f), "--json", "-") == 2  # the text and the JSON cannot share standard output


def test_json_to_stdout_with_check(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Le cafÃ© est ouvert.\n", encoding="utf-8")
    assert fix(str(f), "--check", "-q", "--json", "-", "--lang", "fr") == 1
    doc = json.loads(capsys.readouterr().out)
    [d] = doc["damages"]
    assert (d["start"], d["end"], d["kind"], d["replacement"]) == (3, 8, "mojibake", "café")


def test_low_confidence_repairs_are_listed_not_applied(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Der Bär\n".replace("ä", "a\u0308"), encoding="utf-8")  # a whole NFD text: 0.6
    assert fix(str(f), "--lang", "de") == 0
    captured = capsys.readouterr()
    assert captured.out == "Der Ba\u0308r\n"
    assert "not sure enough" in captured.err


try:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.binary(max_size=120), st.binary(max_size=60).map(lambda b: b"\xff\xfe" + b),
                     st.text(max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass"))))
    def test_bytes_outside_repairs_stay(tmp_path, data):
        """Whatever the input (invalid UTF-8, CR/CRLF, BOMs), the output is the input with the listed
        repairs applied and nothing else."""
        f, out, spans = tmp_path / "in.txt", tmp_path / "out.txt", tmp_path / "spans.json"
        f.write_bytes(data)
        assert fix(str(f), "--lang", "de", "-q", "-o", str(out), "--json", str(spans)) == 0
        applied = [d for d in json.loads(spans.read_text(encoding="utf-8"))["damages"] if d["applied"]]
        if not applied:
            assert out.read_bytes() == data
        else:
            assert out.read_bytes().count(b"\n") == data.count(b"\n")  # line structure kept
