import os
from pathlib import Path

import pytest

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
