"""The alignment is shown three ways — the JSON ``segments``, ``Report.alignment_frame()`` and
the HTML side-by-side rows — and they agree: same beads in the same order, same sentences,
lines, kinds and scores. Checked on pairs with an omission, an addition and moved content."""
import json
from html.parser import HTMLParser

import pandas as pd
import pytest

import tqcheck

EN = [
    "The committee met on 3 March in Geneva.", "It adopted the budget for 2023.",
    "The chair, Maria Lopez, thanked the 12 interpreters.",
    "All 27 member states took part in the long debate about the new rules for the union.",
    "The next session is planned for October in Vienna.",
    "Delegates from 40 countries attended the debate on Tuesday.",
]
DE = [
    "Der Ausschuss tagte am 3. März in Genf.", "Er verabschiedete den Haushalt für 2023.",
    "Die Vorsitzende Maria Lopez dankte den 12 Dolmetschern.",
    "Alle 27 Mitgliedstaaten nahmen an der langen Debatte über die neuen Regeln der Union teil.",
    "Die nächste Sitzung ist für Oktober in Wien geplant.",
    "Delegierte aus 40 Ländern nahmen am Dienstag an der Debatte teil.",
]
CASES = {
    "omission": (EN, DE[:3] + DE[4:]),
    "addition": (EN, DE[:2] + ["Alle Teilnehmer waren mit den Ergebnissen der Beratungen sehr zufrieden."] + DE[2:]),
    "moved": (EN, DE[:2] + DE[3:] + DE[2:3]),
}


class _Rows(HTMLParser):
    """Text of the source / target cell and the score box of every ``row`` div with id ``bN``."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, dict] = {}
        self.stack: list[tuple[str, str | None]] = []  # (tag, role)
        self.row: int | None = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        role = None
        if tag == "div" and "row" in cls and (a.get("id") or "").startswith("b"):
            self.row = int(a["id"][1:])
            self.rows[self.row] = {"s": "", "t": "", "score": None, "title": ""}
            role = "row"
        elif self.row is not None and tag == "div" and "c" in cls and ("s" in cls or "t" in cls):
            role = "s" if "s" in cls else "t"
        elif self.row is not None and tag == "div" and "sc" in cls:
            role = "sc"
            self.rows[self.row]["title"] = a.get("title", "")
        elif ({"ln", "cf", "pb", "mv", "ph"} & set(cls)):
            role = "skip"  # line numbers, rule flags, paragraph marks, move links, placeholders
        self.stack.append((tag, role))

    def handle_endtag(self, tag):
        while self.stack:
            t, role = self.stack.pop()
            if role == "row":
                self.row = None
            if t == tag:
                break

    def handle_data(self, data):
        if self.row is None:
            return
        roles = [r for _, r in self.stack if r]
        if "skip" in roles:
            return
        for r in reversed(roles):
            if r in ("s", "t"):
                self.rows[self.row][r] += data
                return
            if r == "sc":
                self.rows[self.row]["score"] = data.strip()
                return


def _norm(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize("case", sorted(CASES))
def test_json_frame_and_html_agree(case):
    src, tgt = CASES[case]
    rep = tqcheck.check(" ".join(src), " ".join(tgt), "en", "de")
    segs = json.loads(rep.to_json())["segments"]
    frame = rep.alignment_frame()
    parser = _Rows()
    parser.feed(rep.to_html())
    rows = parser.rows
    # the same beads, in the same order, in all three
    assert len(segs) == len(frame) == len(rows) == len(rep.beads)
    assert sorted(rows) == list(range(len(segs)))
    for i, seg in enumerate(segs):
        fr = frame.iloc[i]
        b = rep.beads[i]
        assert seg["index"] == i
        assert (seg["source"], seg["target"]) == (list(b.src), list(b.tgt))
        assert list(fr["source"]) == seg["source"] and list(fr["target"]) == seg["target"]
        assert fr["kind"] == seg["kind"] == b.kind
        assert fr["score"] == pytest.approx(seg["score"])
        assert fr["source_text"] == seg["source_text"] and fr["target_text"] == seg["target_text"]
        for col in ("source_line", "target_line"):
            v = fr[col]
            assert (seg[col] is None and pd.isna(v)) or v == seg[col]
        # HTML: the cells hold the sentences of the bead, the score box its score and kind
        r = rows[i]
        assert _norm(r["s"]) == _norm(seg["source_text"]), (i, r["s"], seg["source_text"])
        assert _norm(r["t"]) == _norm(seg["target_text"]), (i, r["t"], seg["target_text"])
        assert f"({seg['kind']})" in r["title"]
        if seg["source"] and seg["target"]:
            assert r["score"] == f"{seg['score']:.2f}"
        else:
            assert r["score"] == "–"
    # the defect is visible in all three
    kinds = [s["kind"] for s in segs]
    if case == "omission":
        assert "1-0" in kinds
    if case == "addition":
        assert "0-1" in kinds
    if case == "moved":
        f = [x for x in rep.findings if x.rule == "TQ105"]
        assert f, rep.findings
        # the HTML links the two rows of the move
        assert 'href="#b' in rep.to_html()


# -- tqcheck align: the alignment alone, in three formats -------------------------------------------
def _align(args, capsys):
    from tqcheck.cli import main

    code = main(["align", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_align_formats_agree_with_the_report(case, tmp_path, capsys):
    """``tqcheck align --format vecalign|tsv|json`` print the same beads, and they are the
    beads (and scores) of the report's JSON ``segments`` for the same files."""
    src, tgt = CASES[case]
    s, t = tmp_path / "s.txt", tmp_path / "t.txt"
    s.write_text(" ".join(src) + "\n", encoding="utf-8")
    t.write_text(" ".join(tgt) + "\n", encoding="utf-8")
    langs = ["--src-lang", "en", "--tgt-lang", "de"]
    vec = _align([str(s), str(t), *langs], capsys)  # vecalign is the default
    assert vec == _align([str(s), str(t), *langs, "--format", "vecalign"], capsys)
    tsv = _align([str(s), str(t), *langs, "--format", "tsv"], capsys).splitlines()
    js = json.loads(_align([str(s), str(t), *langs, "--format", "json"], capsys))
    segs = json.loads(tqcheck.check_files(str(s), str(t), "en", "de").to_json())["segments"]

    def idx(text):
        return [int(x) for x in text.split(",") if x.strip()]

    from_vec = []
    for line in vec.splitlines():
        a, b = line.split(":")
        from_vec.append((idx(a.strip("[]")), idx(b.strip("[]"))))
    assert tsv[0].split("\t") == ["source", "target", "kind", "score"]
    from_tsv = [(idx(r.split("\t")[0]), idx(r.split("\t")[1])) for r in tsv[1:]]
    from_json = [(d["source"], d["target"]) for d in js]
    from_report = [(d["source"], d["target"]) for d in segs]
    assert from_vec == from_tsv == from_json == from_report
    assert [d["kind"] for d in js] == [r.split("\t")[2] for r in tsv[1:]] == [d["kind"] for d in segs]
    assert [d["score"] for d in js] == pytest.approx([d["score"] for d in segs], abs=1e-4)
    assert [float(r.split("\t")[3]) for r in tsv[1:]] == pytest.approx([d["score"] for d in segs], abs=1e-4)


def test_align_lines_takes_each_line_as_one_sentence(tmp_path, capsys):
    """``--lines``: one sentence per input line (as in the gold files), however many full stops
    it holds; without it the text is split into sentences. Gold-style output: ``[3]:[]``."""
    s, t = tmp_path / "s.txt", tmp_path / "t.txt"
    s.write_text("\n".join(EN[:3]) + "\n" + " ".join(EN[3:]) + "\n", encoding="utf-8")
    t.write_text("\n".join(DE[:3]) + "\n" + " ".join(DE[3:]) + "\n", encoding="utf-8")
    langs = ["--src-lang", "en", "--tgt-lang", "de"]
    by_line = _align([str(s), str(t), *langs, "--lines"], capsys).split()
    by_sentence = _align([str(s), str(t), *langs], capsys).split()
    assert by_line == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]
    assert by_sentence == [f"[{i}]:[{i}]" for i in range(len(EN))]
    t.write_text("\n".join(DE[:1] + DE[2:3]) + "\n" + " ".join(DE[3:]) + "\n", encoding="utf-8")
    assert _align([str(s), str(t), *langs, "--lines"], capsys).split() == ["[0]:[0]", "[1]:[]", "[2]:[1]", "[3]:[2]"]
