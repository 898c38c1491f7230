"""Configuration files: discovery, every key, one-line errors, CLI precedence; path globs."""
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate_helpers import write
from tqcheck.cli import main
from tqcheck.config import find_config, load_config, normalize_code, parse_config
from tqcheck.errors import UsageError
from tqcheck.findings import Severity
from tqcheck.globs import compile_glob, relpath

EN_NUM = "We met 3 times in Berlin last year.\n"
DE_NUM = "Wir haben uns letztes Jahr 5 Mal in Berlin getroffen.\n"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- globs --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("pattern,path,hit", [
    ("docs/en/**/*.md", "docs/en/a.md", True),
    ("docs/en/**/*.md", "docs/en/x/y/a.md", True),
    ("docs/en/**/*.md", "docs/enx/a.md", False),
    ("docs/en/*.md", "docs/en/x/a.md", False),
    ("*.pot", "locale/django.pot", True),        # no slash: any depth
    ("/django.pot", "locale/django.pot", False),  # leading slash: anchored
    ("vendor/", "vendor/a/b.po", True),          # a directory covers what is below it
    ("vendor", "src/vendor/b.po", True),
    ("locale/[!e]?/**", "locale/de/LC_MESSAGES/x.po", True),
    ("locale/[!e]?/**", "locale/en/LC_MESSAGES/x.po", False),
    ("l10n/zh_Hant/**", "l10n/zh_Hant/a/b.json", True),
    ("./docs/*.md", "docs/ü.md", True),
])
def test_glob_matching(pattern, path, hit):
    assert compile_glob(pattern).matches(path) is hit


def test_glob_carries_wildcards_to_the_other_side():
    src, tgt = compile_glob("docs/en/**/*.md", anchored=True), compile_glob("docs/tr/**/*.md", anchored=True)
    caps = src.match("docs/en/guide/deep/intro.md")
    assert tgt.substitute(caps) == "docs/tr/guide/deep/intro.md"
    assert tgt.substitute(src.match("docs/en/index.md")) == "docs/tr/index.md"
    assert src.literal_prefix == "docs/en/"


@given(st.lists(st.from_regex(r"[a-zA-Z0-9_çğüß中-]{1,8}", fullmatch=True), min_size=0, max_size=4),
       st.from_regex(r"[a-zA-Z0-9_ä日]{1,8}", fullmatch=True))
def test_glob_round_trip_property(dirs, stem):
    """Whatever directory depth and names (any script), the mapped path keeps them."""
    src = compile_glob("src/**/*.txt", anchored=True)
    tgt = compile_glob("out/**/*.fr.txt", anchored=True)
    path = "/".join(["src", *dirs, stem + ".txt"])
    caps = src.match(path)
    assert caps is not None
    assert tgt.substitute(caps) == "/".join(["out", *dirs, stem + ".fr.txt"])
    assert src.substitute(caps) == path


def test_relpath(tmp_path):
    assert relpath(str(tmp_path / "a" / "b.po"), str(tmp_path)) == "a/b.po"
    assert relpath("/elsewhere/x.po", str(tmp_path)) == "/elsewhere/x.po"


# -- discovery ---------------------------------------------------------------------------------------
def test_find_config_walks_upwards_and_prefers_tqcheck_toml(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", '[tool.tqcheck]\nfail-on = "minor"\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.tqcheck]: skipped
    assert find_config(str(deep)) == str(tmp_path / "pyproject.toml")
    write(tmp_path / "tqcheck.toml", 'fail-on = "info"\n')
    assert find_config(str(deep)) == str(tmp_path / "tqcheck.toml")
    cfg = load_config(start=str(deep))
    assert cfg.fail_on == "info" and cfg.root == str(tmp_path)


def test_no_config_is_empty(tmp_path):
    cfg = load_config(start=str(tmp_path))
    assert cfg.path is None and cfg.select is None and cfg.root == str(tmp_path)


FULL = """
[project]
name = "demo"

[tool.tqcheck]
select = ["TQ2", "tq3xx"]
ignore = ["TQ203"]
extend_select = ["TQ101"]
fail-on = "minor"
src-lang = "en"
glossary = "terms.csv"
baseline = "ci/baseline.json"
exclude = ["vendor/", "*.pot"]

[tool.tqcheck.per-file-ignores]
"locale/ja/**" = ["TQ2"]

[tool.tqcheck.severity]
TQ402 = "minor"
TQ3 = "critical"

[tool.tqcheck.languages]
"pt-BR" = "pt"
"l10n/zh_Hant/**" = "zh-Hant"

[[tool.tqcheck.documents]]
source = "docs/en/**/*.md"
target = "docs/{lang}/**/*.md"
langs = ["de", "pl"]
missing = "fail"
"""


def test_every_key(tmp_path):
    write(tmp_path / "terms.csv", "source,target\n")
    write(tmp_path / "pyproject.toml", FULL)
    cfg = load_config(str(tmp_path / "pyproject.toml"))
    assert cfg.select == ["TQ2", "TQ3"] and cfg.ignore == ["TQ203"] and cfg.extend_select == ["TQ101"]
    assert cfg.fail_on == "minor" and cfg.src_lang == "en"
    assert cfg.glossary == str(tmp_path / "terms.csv")
    assert cfg.baseline == str(tmp_path / "ci" / "baseline.json")
    assert cfg.excluded("vendor/x/a.po") and cfg.excluded("locale/django.pot") and not cfg.excluded("locale/a.po")
    assert cfg.ignored_for("locale/ja/LC_MESSAGES/django.po") == ["TQ2"]
    assert cfg.ignored_for("locale/de/LC_MESSAGES/django.po") == []
    assert cfg.severity_for("TQ402") is Severity.MINOR and cfg.severity_for("TQ301") is Severity.CRITICAL
    assert cfg.severity_for("TQ101") is None
    assert cfg.alias("pt_br") == "pt" and cfg.alias("de") == "de"
    assert cfg.lang_for("l10n/zh_Hant/app.json") == "zh-Hant" and cfg.lang_for("l10n/de/app.json") is None
    assert [(m.target.pattern, m.tgt_lang, m.missing) for m in cfg.documents] == \
        [("docs/de/**/*.md", "de", "fail"), ("docs/pl/**/*.md", "pl", "fail")]


@pytest.mark.parametrize("toml,needle,line", [
    ('selct = ["TQ2"]\n', "did you mean 'select'", 1),
    ('fail-on = "major"\nfail-on2 = 1\n', "unknown key 'fail-on2'", 2),
    ('fail-on = "sometimes"\n', "fail-on must be one of", 1),
    ('select = "TQ2"\n', "select must be a list of rule codes", 1),
    ('select = ["XX1"]\n', "'XX1' is not a rule code", 1),
    ('[severity]\nTQ201 = "huge"\n', "severity of TQ201 must be one of", 1),
    ('glossary = "missing.csv"\n', "glossary file not found", 1),
    ('src-lang = "english language"\n', "is not a language tag", 1),
    ('[languages]\n"docs/x/**" = "not a tag!"\n', "is not a language tag", 1),
    ('[[documents]]\nsource = "docs/en/**/*.md"\ntarget = "docs/tr/*.md"\n', "same wildcards", 1),
    ('[[documents]]\nsource = "docs/en/*.md"\ntarget = "docs/{lang}/*.md"\n', "needs langs", 1),
    ('[[documents]]\nsource = "docs/en/*.md"\n', "needs 'target'", 1),
    ('[[documents]]\nsource = "a/*.md"\ntarget = "b/*.md"\nmising = "warn"\n', "did you mean 'missing'", None),
    ('fail-on = "major"\nselect = [TQ2]\n', "invalid TOML", 2),
    ('select = ["TQ2"\n', "invalid TOML", None),
])
def test_bad_configuration_is_one_line(tmp_path, capsys, monkeypatch, toml, needle, line):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "tqcheck.toml", toml)
    write(tmp_path / "s.txt", EN_NUM)
    write(tmp_path / "t.txt", DE_NUM)
    code, out, err = run(["check", "s.txt", "t.txt"], capsys)
    assert code == 2 and "Traceback" not in err
    (msg,) = err.strip().splitlines()
    assert needle in msg and "tqcheck.toml" in msg
    if line is not None:
        assert f"tqcheck.toml:{line}:" in msg


def test_pyproject_without_table_given_explicitly(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(UsageError, match=r"no \[tool.tqcheck\] table"):
        load_config(str(tmp_path / "pyproject.toml"))
    with pytest.raises(UsageError, match="not found"):
        load_config(str(tmp_path / "nope.toml"))


def test_normalize_code():
    assert [normalize_code(c) for c in ("tq5xx", "ALL", " TQ201 ", "TQ")] == ["TQ5", "TQ", "TQ201", "TQ"]
    for bad in ("T5", "TQ12345", "201", ""):
        with pytest.raises(ValueError):
            normalize_code(bad)


def test_parse_config_kebab_and_snake_twice_is_an_error():
    with pytest.raises(UsageError, match="given twice"):
        parse_config({"fail-on": "major", "fail_on": "minor"})


# -- precedence through the CLI ----------------------------------------------------------------------
@pytest.fixture
def pair(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s.txt", EN_NUM)
    write(tmp_path / "t.txt", DE_NUM)
    return ["check", "s.txt", "t.txt", "--src-lang", "en", "--tgt-lang", "de"]


def rules_of(out: str) -> list[str]:
    return [f["rule"] for f in json.loads(out)["findings"]]


def test_config_select_ignore_and_cli_beats_file(pair, tmp_path, capsys):
    write(tmp_path / "tqcheck.toml", 'ignore = ["TQ2"]\n')
    code, out, _ = run(pair + ["--json", "-"], capsys)
    assert code == 0 and "TQ201" not in rules_of(out)
    code, out, _ = run(pair + ["--json", "-", "--select", "TQ201"], capsys)  # --select replaces
    assert code == 1 and rules_of(out) == ["TQ201"]
    code, out, _ = run(pair + ["--json", "-", "--extend-select", "TQ201"], capsys)  # more specific
    assert code == 1 and rules_of(out) == ["TQ201"]
    code, out, _ = run(pair + ["--json", "-", "--no-config"], capsys)
    assert code == 1 and "TQ201" in rules_of(out)


def test_config_fail_on_severity_and_per_file_ignores(pair, tmp_path, capsys):
    write(tmp_path / "tqcheck.toml", 'fail-on = "critical"\n')
    assert run(pair, capsys)[0] == 0
    assert run(pair + ["--fail-on", "major"], capsys)[0] == 1  # the flag beats the file
    write(tmp_path / "tqcheck.toml", '[severity]\nTQ2 = "critical"\n')
    code, out, _ = run(pair + ["--json", "-", "--fail-on", "critical"], capsys)
    assert code == 1 and [f["severity"] for f in json.loads(out)["findings"] if f["rule"] == "TQ201"] == ["critical"]
    write(tmp_path / "tqcheck.toml", '[per-file-ignores]\n"t.*" = ["TQ201"]\n')
    code, out, _ = run(pair + ["--json", "-"], capsys)
    assert code == 0 and "TQ201" not in rules_of(out)
    write(tmp_path / "tqcheck.toml", '[per-file-ignores]\n"other.txt" = ["TQ201"]\n')
    assert run(pair, capsys)[0] == 1


def test_explicit_config_path(pair, tmp_path, capsys):
    write(tmp_path / "ci" / "strict.toml", 'fail-on = "never"\n')
    assert run(pair + ["--config", "ci/strict.toml"], capsys)[0] == 0
    code, _, err = run(pair + ["--config", "ci/none.toml"], capsys)
    assert code == 2 and "ci/none.toml" in err


def test_config_paths_are_relative_to_the_file(tmp_path, capsys, monkeypatch):
    """Run from a subdirectory: globs and paths still mean what the file says."""
    write(tmp_path / "tqcheck.toml", '[[documents]]\nsource = "docs/en/*.md"\ntarget = "docs/de/*.md"\n'
                                     'src-lang = "en"\ntgt-lang = "de"\n')
    write(tmp_path / "docs/en/a.md", EN_NUM)
    write(tmp_path / "docs/de/a.md", DE_NUM)
    monkeypatch.chdir(tmp_path / "docs")
    code, out, err = run(["check", "."], capsys)
    assert code == 1, err
    assert "de/a.md:1: major TQ201" in out
    assert os.getcwd() == str(tmp_path / "docs")
