"""The README stays current: its rule reference is what `tqcheck rules --format markdown`
prints, and it opens with the two commands."""
import re

from conftest import ROOT
from tqcheck.checks import registry
from tqcheck.cli import rules_markdown

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_reference_is_generated_from_the_registry():
    m = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", README, re.S)
    assert m, "README has no generated rule section"
    reg = registry.load()
    expected = rules_markdown([reg[c] for c in sorted(reg)])
    assert m.group(1) == expected, "README rule section is stale: regenerate with `tqcheck rules --format markdown`"


def test_readme_opens_with_two_commands():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert "pip install" in blocks[0] and "tqcheck check fixtures/speech.en.txt fixtures/speech.tr.txt" in blocks[0]
    assert "'.[test]'" in blocks[1] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip().split("&& ", 1)[1] in ci.replace("\n", " ").replace("-m pytest -q", "-m pytest -q") \
        or blocks[1].strip() in ci
