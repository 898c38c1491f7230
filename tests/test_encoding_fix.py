"""``tqcheck fix-encoding`` (tqcheck.fix_encoding.main)."""
from conftest import FIXTURES

from tqcheck.fix_encoding import main


def test_repairs_the_fixture_and_nothing_else(tmp_path, capsys):
    out = tmp_path / "fixed.txt"
    assert main([str(FIXTURES / "speech.tr.txt"), "--lang", "tr", "-o", str(out)]) == 0
    before = (FIXTURES / "speech.tr.txt").read_text(encoding="utf-8")
    after = out.read_text(encoding="utf-8")
    assert after == before.replace("đ", "ğ")
    err = capsys.readouterr().err
    assert "speech.tr.txt:13:62: codepage: \"Çavuşođlu'na\" -> \"Çavuşoğlu'na\"" in err
    assert "Windows-1254 text read as Windows-1250 in 10 places" in err


def test_check_mode_and_in_place(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Le cafÃ© est ouvert.\n", encoding="utf-8")
    assert main([str(f), "--check", "-q"]) == 1
    assert f.read_text(encoding="utf-8") == "Le cafÃ© est ouvert.\n"  # --check writes nothing
    assert main([str(f), "--in-place", "--lang", "fr", "-q"]) == 0
    assert f.read_text(encoding="utf-8") == "Le café est ouvert.\n"
    assert main([str(f), "--check", "-q"]) == 0


def test_stdout_and_errors(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Hallo\u200bwelt und Pаsswort\n", encoding="utf-8")
    assert main([str(f), "--lang", "de", "-q"]) == 0
    assert capsys.readouterr().out == "Hallowelt und Passwort\n"
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert main(["--min-confidence", "3", str(f)]) == 2
    assert main(["--bogus"]) == 2


def test_low_confidence_repairs_are_listed_not_applied(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("Der Bär\n".replace("ä", "a\u0308"), encoding="utf-8")  # a whole NFD text: 0.6
    assert main([str(f), "--lang", "de"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Der Ba\u0308r\n"
    assert "not sure enough" in captured.err
