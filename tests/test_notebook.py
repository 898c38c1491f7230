"""docs/notebook.ipynb is executed (nbclient) so it cannot go stale."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT / "docs" / "notebook.ipynb"

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (test extra)")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (test extra)")
pytest.importorskip("matplotlib", reason="the notebook plots need matplotlib (plots extra)")


@pytest.fixture(scope="module")
def executed():
    nb = nbformat.read(str(NB), as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    # the kernel draws with matplotlib's inline backend (Agg rendering to PNG); no display needed
    env_backend = os.environ.pop("MPLBACKEND", None)
    try:
        client.execute()
    except (RuntimeError, OSError) as e:  # pragma: no cover - no kernel on this machine
        if "kernel" in str(e).lower() or "No such kernel" in str(e):
            pytest.skip(f"the Jupyter kernel could not start: {e}")
        raise
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    return nb


def _outputs(cell) -> list[dict]:
    return cell.get("outputs", [])


def test_every_cell_runs_without_error(executed):
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert not [o for o in _outputs(cell) if o.get("output_type") == "error"], cell.source


def test_summary_plots_and_frame_are_shown(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    first = code[0]
    html = "".join(o.get("data", {}).get("text/html", "") for o in _outputs(first))
    assert "speech.en.txt" in html and "tqcheck-summary" in html
    pngs = [o for c in code for o in _outputs(c) if "image/png" in o.get("data", {})]
    assert pngs, "the plots cell drew nothing"
    frame = next(c for c in code if "check_frame" in c.source)
    text = "".join(o.get("data", {}).get("text/plain", "") for o in _outputs(frame))
    assert "tm-002" in text and "TQ201" in text and "tm-001" not in text
