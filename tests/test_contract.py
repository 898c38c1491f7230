"""Contract over the rule registry: metadata complete, codes stable, every rule's
documented example triggers exactly that rule, empty/identical input is quiet."""
import re

import pytest

import tqcheck
from tqcheck.checks import registry
from tqcheck.findings import CATEGORIES, FIELDS, Severity

RULES = registry.load()


def test_registry_has_every_family():
    fams = {c[:3] for c in RULES}
    assert {"TQ1", "TQ2", "TQ3", "TQ4"} <= fams, fams


@pytest.mark.parametrize("code", sorted(RULES))
def test_metadata_complete(code):
    r = RULES[code]
    assert re.fullmatch(r"TQ\d{3}", r.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name), r.name
    assert r.category in CATEGORIES
    assert "/" in r.mqm or r.mqm == "Other"
    assert isinstance(r.severity, Severity)
    assert r.description.endswith(".") and len(r.description) < 120
    assert r.example is not None, f"{code} has no example"
    assert r.explanation, f"{code} has no explanation"


def test_names_unique():
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("code", sorted(RULES))
def test_example_triggers_rule(code):
    """Document rules run their example through ``tqcheck.check``; rules that need what only a
    localization file has (entry flags, untrimmed text, a format, a glossary) run it as a
    one-entry file."""
    from tqcheck.checks.l10n import UNIT_ONLY
    from tqcheck.io.l10n import run_example

    src, tgt, sl, tl = RULES[code].example
    report = run_example(code) if code in UNIT_ONLY else tqcheck.check(src, tgt, sl, tl)
    hits = [f for f in report.findings if f.rule == code and f.severity != Severity.INFO]
    assert hits, f"{code} example gave {[(f.rule, f.message) for f in report.findings]}"
    for f in hits:
        assert f.message and f.message[0].isupper()
        assert set(f.to_dict()) == set(FIELDS)


@pytest.mark.parametrize("sl,tl,text", [
    ("en", "de", "The meeting starts at 9 o'clock in Berlin. Please be on time."),
    ("en", "zh", "会议在北京举行。请准时到达。"),
])
def test_identical_input_only_reports_untranslated(sl, tl, text):
    report = tqcheck.check(text, text, sl, tl)
    assert {f.rule for f in report.findings if f.severity != Severity.INFO} <= {"TQ402"}
    assert any(f.rule == "TQ402" for f in report.findings)
