"""check_frame: findings of a DataFrame of segment pairs, joined to its rows."""
from __future__ import annotations

import pandas as pd
import pytest

import tqcheck


def test_findings_are_indexed_by_row_label():
    df = pd.DataFrame({"src": ["We met 3 times.", "Good morning.", "The office opens at 9."],
                       "tgt": ["Wir trafen uns 5 Mal.", "Guten Morgen.", "Das Büro öffnet um 9 Uhr."]},
                      index=["a", "b", "c"])
    out = tqcheck.check_frame(df, src_lang="en", tgt_lang="de")
    assert list(out.index) == ["a"] and out.index.name == "row"
    row = out.loc["a"]
    assert row["rule"] == "TQ201" and row["src"] == "We met 3 times." and row["tgt"] == "Wir trafen uns 5 Mal."
    assert isinstance(out["severity"].dtype, pd.CategoricalDtype)
    assert out.attrs["report"].summary()["beads"] == 3


@pytest.mark.parametrize("sl, tl, rows, bad", [
    ("fr", "pl", [("Le contrat coûte 300 euros.", "Umowa kosztuje 300 euro."),
                  ("Nous avons 12 salariés.", "Mamy 15 pracowników.")], 1),
    ("ru", "zh", [("Встреча в 10 часов.", "会议在10点。"), ("У нас 7 офисов.", "我们有9个办公室。")], 1),
    ("de", "tr", [("Wir haben 4 Filialen.", "4 şubemiz var."), ("Wir haben 6 Autos.", "8 arabamız var.")], 1),
])
def test_languages_and_custom_columns(sl, tl, rows, bad):
    df = pd.DataFrame(rows, columns=["source text", "mt"])
    out = tqcheck.check_frame(df, source="source text", target="mt", src_lang=sl, tgt_lang=tl,
                              select=["TQ201"])
    assert list(out.index) == [bad]
    assert out["mt"].iloc[0] == rows[bad][1]
    assert str(out.index.dtype) == "Int64"


def test_clean_rows_give_an_empty_frame_with_the_columns():
    df = pd.DataFrame({"src": ["Good morning."], "tgt": ["Guten Morgen."]})
    out = tqcheck.check_frame(df, src_lang="en", tgt_lang="de")
    assert out.empty and {"rule", "severity", "message", "src", "tgt"} <= set(out.columns)


def test_missing_cell_is_an_empty_segment_and_missing_column_is_an_error():
    df = pd.DataFrame({"src": ["The whole team was involved in 2023.", "Thanks."],
                       "tgt": [None, "Danke."]})
    out = tqcheck.check_frame(df, src_lang="en", tgt_lang="de")
    assert 0 in list(out.index) and "omission" in set(out.loc[[0], "category"])
    with pytest.raises(KeyError, match="no column 'target'"):
        tqcheck.check_frame(df, target="target")
