"""Check a pandas DataFrame of segment pairs (a translation memory export, an MT test set).

    >>> import pandas as pd, tqcheck
    >>> df = pd.DataFrame({"src": ["We met 3 times.", "Good morning."],
    ...                    "tgt": ["Wir trafen uns 5 Mal.", "Guten Morgen."]}, index=["a", "b"])
    >>> found = tqcheck.check_frame(df, src_lang="en", tgt_lang="de")
    >>> found[["rule", "source_excerpt", "target_excerpt"]].reset_index().values.tolist()
    [['a', 'TQ201', '3', '5']]

Shape of the result: one row per finding, **indexed by the label of the input row it is about**
(index name ``row``; ``<NA>``/``None`` for a finding about the whole set, such as a language
note), with the columns of :meth:`Report.to_frame` (``rule``, ``name``, ``severity``,
``category``, ``message``, ``suggestion``, excerpts, spans, …; severity/category/rule
categorical) followed by the row's ``source`` and ``target`` texts under their original column
names. Rows without findings do not appear; ``result.attrs["report"]`` is the full
:class:`~tqcheck.report.model.Report` (alignment frame, HTML report, plots). Each row is one
segment on each side: there is no alignment step, so rows are never merged or reordered.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["check_frame"]


def _text(v) -> str:
    import pandas as pd

    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(v)


def check_frame(df: "pd.DataFrame", source: str = "src", target: str = "tgt",
                src_lang: str | None = None, tgt_lang: str | None = None, *,
                select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                name: str | None = None) -> "pd.DataFrame":
    """Check the pairs in columns ``source`` and ``target`` of ``df``; the findings joined to
    the rows (see the module docstring for the shape). Missing cells (NaN/None) are empty
    segments. ``name`` is recorded as the findings' file (default: none)."""
    import pandas as pd

    for col in (source, target):
        if col not in df.columns:
            raise KeyError(f"check_frame: no column {col!r} (columns: {', '.join(map(str, df.columns))})")
    from .api import check_pairs

    pairs = [(_text(s), _text(t)) for s, t in zip(df[source].tolist(), df[target].tolist())]
    report = check_pairs(pairs, src_lang, tgt_lang, select=select, ignore=ignore, path=name)
    found = report.to_frame()
    labels = list(df.index)
    row_pos: list[int | None] = []
    for f in report.findings:
        line = f.target_line if f.target_line is not None else f.source_line
        row_pos.append(line - 1 if line is not None and 0 < line <= len(labels) else None)
    texts = {source: [], target: []}
    for pos in row_pos:
        texts[source].append(df[source].iloc[pos] if pos is not None else None)
        texts[target].append(df[target].iloc[pos] if pos is not None else None)
    found = found.copy()
    for col in (source, target):
        if col in found.columns:  # a text column named like a finding field: keep both
            found = found.rename(columns={col: f"finding_{col}"})
        found[col] = texts[col]
    index = pd.Index([labels[p] if p is not None else None for p in row_pos], name="row")
    if isinstance(df.index, pd.RangeIndex) or pd.api.types.is_integer_dtype(df.index.dtype):
        index = pd.Index(pd.array([labels[p] if p is not None else None for p in row_pos], dtype="Int64"),
                         name="row")
    found.index = index
    found.attrs["report"] = report
    return found
