"""Encoding damage in a single text: code-page confusions, mojibake, lost letters,
homoglyphs, dotted/dotless i, Romanian cedillas, NFD text and invisible characters.

    >>> from tqcheck.encoding import detect, repair
    >>> [(d.kind, d.original, d.replacement) for d in detect("Bu desteđimizi gösterir.", "tr")]
    [('codepage', 'desteđimizi', 'desteğimizi')]
    >>> repair("Bu desteđimizi gösterir.", "tr")[0]
    'Bu desteğimizi gösterir.'
"""
from .damage import KINDS, Damage, Summary
from .detector import detect, repair, summarize

__all__ = ["Damage", "Summary", "KINDS", "detect", "repair", "summarize"]
