import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (derandomized, no example database), so
# that a rare draw cannot fail one CI run and pass the next: a failure is reproducible, and a
# fix is seen to hold. ``pytest --hypothesis-profile=explore`` draws new examples at random
# (and finds such rare cases: run it when changing a checked behaviour).
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("TQCHECK_HYPOTHESIS", "deterministic"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("TQCHECK_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def fixture_pair():
    return FIXTURES / "speech.en.txt", FIXTURES / "speech.tr.txt"


@pytest.fixture(scope="session")
def seed_report(fixture_pair):
    """The fixture pair checked once, with no language flags."""
    import tqcheck

    return tqcheck.check_files(str(fixture_pair[0]), str(fixture_pair[1]))


def need_shared(*parts: str) -> Path:
    """A path under ../shared/; missing data is a failure, not a skip."""
    p = SHARED.joinpath(*parts)
    assert p.exists(), f"shared test data missing: {p}"
    return p


def benchmark(name: str):
    """A module of ``benchmarks/`` (the scripts are not a package), imported by name."""
    import importlib
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


@pytest.fixture
def no_punctuation(monkeypatch):
    """The aligner without its punctuation features (round 23). Tests written for a case that
    the aligner made on real data before it read punctuation keep that case with this: they
    test the check that handles it, not the alignment."""
    from tqcheck.align import banded

    monkeypatch.setattr(banded, "DEFAULT", banded.with_params(punctuation=False))


@pytest.fixture
def no_cldr_words(monkeypatch):
    """The aligner and the checks without the words CLDR names the same in every language as
    shared features (session 30): numbers written as words and the names of months, weekdays and
    units. For the same purpose as :func:`no_punctuation`: a test of a case the aligner made on
    real data before it read them ("trois sources" / "drei Fehlerquellen" now links the sentence
    one such case left unlinked)."""
    from tqcheck.align import concepts

    # both kinds are read through concepts.shared_word_features, in the aligner and the checks
    monkeypatch.setattr(concepts, "number_word_features", lambda texts, lang: None)
    monkeypatch.setattr(concepts, "concept_features", lambda texts, lang: None)
