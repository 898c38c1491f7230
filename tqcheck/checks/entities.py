"""TQ2xx entities: numbers, dates, names, URLs and e-mail addresses.

Importing this module registers the whole family:

* TQ201 ``number-mismatch`` and TQ205 ``number-format`` (:mod:`.numbers`);
* TQ202 ``date-mismatch`` (:mod:`.dates`);
* TQ203 ``name-mismatch`` (:mod:`.names`);
* TQ204 ``url-email-mismatch`` (here).

Every rule reads the same per-side analysis (:func:`.entity_text.analyze`),
computed once per pair.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from ..findings import Finding
from . import dates, names, numbers  # noqa: F401  (registers TQ201, TQ202, TQ203, TQ205)
from .base import CheckContext, Pair, rule
from .entity_text import Link, pair_sides, pair_up


def _norm(link: Link) -> str:
    t = link.text
    if link.kind == "email":
        return t.casefold()
    m = regex.match(r"(?i)^((?:https?|ftp)://)?([^/?#]+)(.*)$", t)
    if not m:
        return t
    scheme, host, rest = m.group(1) or "", m.group(2), m.group(3)
    scheme = scheme.casefold().replace("https://", "http://")
    host = host.casefold()
    if not scheme and host.startswith("www."):
        scheme = "http://"
    return scheme + host + rest.rstrip("/")


def _localised(a: str, b: str, src_lang: str | None, tgt_lang: str | None) -> bool:
    """``b`` is ``a`` with the source language code replaced by the target's
    (``/en/`` → ``/de/``, ``en.wikipedia.org`` → ``de.wikipedia.org``, ``?lang=en`` → ``?lang=de``)."""
    if not src_lang or not tgt_lang:
        return False
    pat = r"(?<=^|[/.?=&_\-])" + regex.escape(src_lang) + r"(?=$|[/.?=&_\-#])"
    swapped = regex.sub(pat, tgt_lang, a, flags=regex.IGNORECASE)
    return swapped != a and swapped.casefold() == b.casefold()


@rule("TQ204", "url-email-mismatch", category="entity", severity="major",
      description="A URL or e-mail address of the source is missing or different in the translation.",
      example=("Write to info@example.org or see https://example.org/help.",
               "Schreiben Sie an info@example.com oder siehe https://example.org/help.", "en", "de"))
def url_email_mismatch(pair: Pair, ctx: CheckContext) -> Iterator[Finding]:
    """URLs and e-mail addresses must be copied exactly. Scheme and host are compared without
    case, ``http``/``https`` and a final slash are ignored, and a URL whose only change is the
    language code (``/en/`` → ``/de/``, ``en.wikipedia.org`` → ``de.wikipedia.org``) is accepted
    as localised. A changed address is reported with both spans and the source address as the
    suggestion; a missing one on the source."""
    src, tgt = pair_sides(pair, ctx)
    if not src.links:
        return
    t_norm = {_norm(l) for l in tgt.links}
    s_un = []
    for l in src.links:
        n = _norm(l)
        if n in t_norm or any(_localised(n, m, ctx.src_lang, ctx.tgt_lang) for m in t_norm):
            continue
        s_un.append(l)
    if not s_un:
        return
    s_all = {_norm(l) for l in src.links}
    t_free = [l for l in tgt.links if _norm(l) not in s_all]
    pairs, left, _ = pair_up(s_un, [l for l in t_free if l.kind in {x.kind for x in s_un}], src, tgt, 1.0)
    for s, t in pairs:
        if s.kind != t.kind:
            left.append(s)
            continue
        what = "e-mail address" if s.kind == "email" else "URL"
        yield ctx.finding(
            "TQ204", pair, src_span=(s.start, s.end), tgt_span=(t.start, t.end),
            message=f"The {what} \u2018{s.text}\u2019 of the source is \u2018{t.text}\u2019 in the translation.",
            suggestion=s.text, confidence=0.9)
    for s in sorted(left, key=lambda l: l.start):
        what = "e-mail address" if s.kind == "email" else "URL"
        yield ctx.finding(
            "TQ204", pair, src_span=(s.start, s.end),
            message=f"The {what} \u2018{s.text}\u2019 of the source is missing from the translation.",
            confidence=0.8)
