"""Explicit registration: importing a check module registers its rules.

Modules are listed here (not discovered) so the set of rules is visible in one
place. A module that fails to import is an error, not a silently missing rule.
"""
from __future__ import annotations

import importlib

from .base import REGISTRY, Rule

MODULES = (
    "tqcheck.checks.completeness",   # TQ10x omission / addition / reorder
    "tqcheck.checks.structure",      # TQ11x paragraphs and headings
    "tqcheck.checks.entities",       # TQ2xx numbers, dates, names, URLs
    "tqcheck.checks.encoding",       # TQ3xx encoding damage
    "tqcheck.checks.language",       # TQ40x wrong language, untranslated
    "tqcheck.checks.spelling",       # TQ41x misspellings
    "tqcheck.checks.l10n",           # TQ5xx software strings (and .l10n_units)
)

_loaded = False


def load() -> dict[str, Rule]:
    """Import every check module once and return the registry."""
    global _loaded
    if not _loaded:
        for m in MODULES:
            importlib.import_module(m)
        _loaded = True
    return REGISTRY
