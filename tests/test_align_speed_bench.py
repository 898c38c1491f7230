"""benchmarks/align_speed.py: the pair it builds, read as tqcheck reads it, and its --check mode
(the whole check timed in a fresh process) on a small size of the Text+Berg data."""
from __future__ import annotations

from conftest import benchmark, need_shared

speed = benchmark("align_speed")


def test_text_puts_a_blank_line_between_copies():
    assert speed._text(["a .", "b .", "c ."], [0, 0, 1]) == "a .\nb .\n\nc .\n"


def test_check_mode_times_the_whole_check(capsys):
    need_shared("bench", "align", "test0.de")
    assert speed.main(["--check", "300"]) == 0
    head, row = capsys.readouterr().out.strip().splitlines()
    assert head.split()[-1] == "findings"
    n, m, seconds, peak, findings = row.split()
    assert int(n) == 300 and int(m) > 250  # one sentence a line, as built
    assert float(seconds) > 0 and int(peak) > 0 and int(findings) > 0


def test_check_mode_refuses_a_dictionary(capsys):
    import pytest

    with pytest.raises(SystemExit):
        speed.main(["--check", "--dictionary", "x.tsv", "300"])
