"""``tqcheck check --jobs N``: files checked in parallel processes give the same report, in the
same order, with the same per-file errors, as one process."""
import json

import pytest

from tqcheck import gate
from tqcheck.cli import main
from tqcheck.config import Config
from tqcheck.report import multi

PO = '''msgid ""
msgstr ""
"Language: {lang}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "We met %(n)s times in Almaty on 3 May."
msgstr "{t1}"

msgid "Hello {{name}}!"
msgstr "{t2}"

msgid "Save"
msgstr "Save"
'''


def _files(tmp_path):
    (tmp_path / "tr.po").write_text(PO.format(lang="tr", t1="Almatı'da 3 Mayıs'ta %(n)s kez görüştük.",
                                              t2="Merhaba {{isim}}!"), encoding="utf-8")
    (tmp_path / "de.po").write_text(PO.format(lang="de", t1="Wir trafen uns %(n)s Mal am 4. Mai in Almaty.",
                                              t2="Hallo {{name}}"), encoding="utf-8")
    (tmp_path / "fr.po").write_text(PO.format(lang="fr", t1="Nous nous sommes vus %(n)s fois.",
                                              t2="Bonjour {{name}} !"), encoding="utf-8")
    (tmp_path / "pairs.tr.csv").write_text("source,target\nWe met 3 times.,5 kez görüştük.\n", encoding="utf-8")
    (tmp_path / "broken.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    return [str(p) for p in sorted(tmp_path.iterdir())]


def _strip(x):
    if isinstance(x, dict):
        return {k: _strip(v) for k, v in x.items() if k not in ("seconds", "timings")}
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


def _run(paths, jobs):
    rs = gate.run(paths, gate.GateOptions(config=Config(root="."), src_lang="en", tgt_lang="tr", jobs=jobs))
    return rs, _strip(json.loads(multi.to_json(rs)))


@pytest.mark.parametrize("jobs", [2, 0])
def test_parallel_run_gives_the_same_report(tmp_path, jobs):
    paths = _files(tmp_path)
    one, rep1 = _run(paths, 1)
    par, rep2 = _run(paths, jobs)
    assert rep1 == rep2
    assert [r.path for r in one.results] == [r.path for r in par.results]
    assert [str(e) for e in one.errors] == [str(e) for e in par.errors] and len(par.errors) == 1
    assert sum(len(r.findings) for r in par.results) >= 3     # TQ201, TQ503, TQ501 … were found
    assert gate._JOB is None                                  # nothing left behind


def test_cli_jobs_same_output_and_bad_value(tmp_path, capsys):
    paths = _files(tmp_path)
    outs = []
    for j in ("1", "2"):
        out = tmp_path / f"out{j}.json"
        rc = main(["check", "--no-config", "--fail-on", "never", "--format", "json", "-j", j,
                   "-o", str(out), *paths])
        assert rc == 2                                       # broken.po could not be read
        outs.append(_strip(json.loads(out.read_text(encoding="utf-8"))))
    assert outs[0] == outs[1]
    assert main(["check", "--no-config", "--jobs", "-1", *paths]) == 2
    assert "--jobs" in capsys.readouterr().err
