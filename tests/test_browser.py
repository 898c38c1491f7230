"""The HTML report in a real headless browser (Playwright driving Debian's ``/usr/bin/chromium``).

Loads the fixture report, filters, searches, accepts findings, downloads the baseline and feeds it
back to the CLI with ``--baseline``; checks moved-content links, right-to-left and CJK layout,
printing, and the time a 5,000-segment report takes to open and filter. Screenshots land in
``tmp_path``.

When Debian's Chromium is missing, the module installs it (``apt-get install -y
--no-install-recommends chromium``, as root, a few minutes once per machine); it is skipped, with
the reason, only when that is impossible or Playwright is missing. No ``playwright install``: the
system browser is used, nothing else is downloaded.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from report_factory import make_doc, synthetic_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _find_chromium() -> str | None:
    return os.environ.get("TQCHECK_CHROMIUM") or next(
        (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or "")
         if p and os.path.exists(p)), None)


def _install_chromium() -> str:
    """Install Debian's chromium; returns why not when it cannot be done."""
    import subprocess

    if not shutil.which("apt-get"):
        return "no apt-get on this machine"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return "not root, cannot apt-get install chromium"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        for cmd in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]):
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env)
            if r.returncode != 0:
                return f"{' '.join(cmd)} failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}"
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"apt-get failed: {e}"
    return ""


CHROMIUM = _find_chromium()
_WHY = ""
if CHROMIUM is None and not os.environ.get("TQCHECK_NO_INSTALL"):  # pragma: no cover - machine
    _WHY = _install_chromium()
    CHROMIUM = _find_chromium()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
if CHROMIUM is None:  # pragma: no cover - depends on the machine
    pytest.skip(f"no Chromium binary and it could not be installed: {_WHY or 'unknown reason'}",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        # a persistent context gives the fresh --user-data-dir; downloads are accepted
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=FLAGS, headless=True,
            accept_downloads=True, viewport={"width": 1400, "height": 900})
        yield ctx
        ctx.close()


@pytest.fixture(scope="module")
def cli_report(tmp_path_factory):
    """The fixture pair checked by the CLI, written with --html; paths as the CLI saw them."""
    from tqcheck.cli import main

    out = tmp_path_factory.mktemp("cli") / "speech.html"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code = main(["check", "fixtures/speech.en.txt", "fixtures/speech.tr.txt", "--html", str(out), "-q"])
    finally:
        os.chdir(cwd)
    assert code in (0, 1) and out.exists()
    return out


def _json_findings(tmp: Path, *extra: str) -> list[dict]:
    from tqcheck.cli import main

    out = tmp / f"run{len(list(tmp.glob('run*.json')))}.json"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        main(["check", "fixtures/speech.en.txt", "fixtures/speech.tr.txt", "--json", str(out), "-q", *extra])
    finally:
        os.chdir(cwd)
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def _visible(page, selector: str) -> int:
    return page.evaluate(f"""Array.from(document.querySelectorAll({json.dumps(selector)}))
        .filter(e => !e.hidden && !e.closest('[hidden]')).length""")


def test_filter_search_accept_download_round_trip(browser, cli_report, tmp_path):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(cli_report.as_uri())
    total = page.locator("#ft tbody tr").count()
    assert total > 10
    page.screenshot(path=str(tmp_path / "01-loaded.png"))

    # a filter: only the spelling rule TQ410
    page.select_option("#frule", "TQ410")
    n410 = _visible(page, "#ft tbody tr")
    assert 0 < n410 < total
    assert all(r == "TQ410" for r in page.eval_on_selector_all(
        "#ft tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.rule)"))
    page.select_option("#frule", "")

    # the search: a misspelt word narrows the list and the rows
    page.fill("#q", "ölkemiz")
    page.wait_for_function("document.querySelector('#shown').textContent.includes(' of ')")
    assert 1 <= _visible(page, "#ft tbody tr") < total
    assert 1 <= _visible(page, "#doc .row[id]") < page.locator("#doc .row[id]").count()
    page.screenshot(path=str(tmp_path / "02-search.png"))
    page.fill("#q", "")
    page.wait_for_function(f"document.querySelector('#shown').textContent === '{total}'")

    # accept the first two findings of rule TQ301 (the encoding damage) and one more by keyboard
    rows = page.locator("#ft tbody tr[data-rule='TQ301']")
    rows.nth(0).locator(".acb").click()
    rows.nth(1).locator(".acb").click()
    assert rows.nth(0).locator(".acb").get_attribute("aria-pressed") == "true"
    assert page.text_content("#accn") == "2 accepted"
    page.locator("#ft tbody tr[data-rule='TQ410']").first.click()  # select it …
    page.keyboard.press("Escape")
    page.keyboard.press("a")  # … and accept it with the keyboard
    assert page.text_content("#accn") == "3 accepted"
    accepted = page.eval_on_selector_all("#ft tbody tr.acc", "rs => rs.map(r => r.id)")
    assert len(accepted) == 3
    page.screenshot(path=str(tmp_path / "03-accepted.png"), full_page=False)

    # hide accepted: they leave the list
    page.check("#hideacc")
    assert _visible(page, "#ft tbody tr") == total - 3
    page.uncheck("#hideacc")

    # decisions survive a reload (localStorage keyed by the report signature)
    page.reload()
    assert page.text_content("#accn") == "3 accepted"
    assert page.eval_on_selector_all("#ft tbody tr.acc", "rs => rs.map(r => r.id)") == accepted

    # download the baseline and check it
    with page.expect_download() as dl:
        page.click("#export")
    target = tmp_path / dl.value.suggested_filename
    dl.value.save_as(str(target))
    assert target.name.endswith(".tqcheck-baseline.json")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(data, list) and sum(e.get("count", 1) for e in data) == 3
    assert all(set(e) >= {"fingerprint", "rule", "file", "entry", "excerpt"} for e in data)
    assert sorted(e["rule"] for e in data) == ["TQ301", "TQ301", "TQ410"] or \
        sorted(e["rule"] for e in data) == ["TQ301", "TQ410"]  # one fingerprint counted twice

    # the CLI reads it back: exactly those findings are gone
    before = _json_findings(tmp_path)
    after = _json_findings(tmp_path, "--baseline", str(target))
    assert len(after) == len(before) - 3
    gone = {(f["rule"], f["target_excerpt"]) for f in before} - {(f["rule"], f["target_excerpt"]) for f in after}
    assert {r for r, _ in gone} <= {"TQ301", "TQ410"}

    # clearing forgets them
    page.click("#clearacc")
    assert page.text_content("#accn") == "0 accepted"
    assert page.is_disabled("#export")
    assert not errors, errors
    page.close()


def test_navigation_tooltip_and_print(browser, cli_report, tmp_path):
    page = browser.new_page()
    page.goto(cli_report.as_uri())
    def at() -> int:
        text = page.text_content("#pos")
        assert text.startswith("finding "), text
        return int(text.split()[1])

    page.keyboard.press("j")
    first = at()
    assert not page.locator("#tip").is_hidden()  # the focused highlight shows its message
    assert "TQ" in page.text_content("#tip")
    page.keyboard.press("j")
    assert at() == first + 1
    page.keyboard.press("k")
    assert at() == first
    page.screenshot(path=str(tmp_path / "04-tooltip.png"))
    # print: toolbar and accept buttons hidden, findings list expanded, rows not lazily skipped
    page.emulate_media(media="print")
    assert page.eval_on_selector("#bar", "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector(".acb", "e => getComputedStyle(e.closest('td')).display") == "none"
    page.screenshot(path=str(tmp_path / "05-print.png"), full_page=True)
    pdf = page.pdf(path=str(tmp_path / "report.pdf"))
    assert len(pdf) > 10_000
    page.close()


def test_moved_sentence_links_rows(browser, tmp_path):
    import tqcheck

    src = ("The committee met on 3 March in Geneva. It adopted the budget for 2023. "
           "The chair, Maria Lopez, thanked the 12 interpreters. The next session is planned for October in "
           "Vienna. Delegates from 40 countries attended the debate on Tuesday.")
    tgt = ("Le comité s'est réuni le 3 mars à Genève. Il a adopté le budget pour 2023. La prochaine session est "
           "prévue en octobre à Vienne. Des délégués de 40 pays ont assisté au débat mardi. La présidente, "
           "Maria Lopez, a remercié les 12 interprètes.")
    r = tqcheck.check(src, tgt, "en", "fr")
    assert [f.rule for f in r.findings] == ["TQ105"]
    path = tmp_path / "moved.html"
    r.to_html(path)
    page = browser.new_page()
    page.goto(path.as_uri())
    links = page.eval_on_selector_all("#doc a.mv", "as => as.map(a => [a.closest('.row').id, a.getAttribute('href')])")
    # the source row links to where the sentence went, and back
    assert len(links) >= 2
    pairs = {(a, b[1:]) for a, b in links}
    assert any((b, a) in pairs for a, b in pairs)
    page.click("#doc a.mv >> nth=0")
    assert page.evaluate("location.hash") == links[0][1]
    page.screenshot(path=str(tmp_path / "06-moved.png"))
    page.close()


@pytest.mark.parametrize("sl, tl, src, tgt", [
    ("en", "ar", "The meeting in Cairo starts at 9.", "يبدأ الاجتماع في القاهرة الساعة التاسعة."),
    ("de", "he", "Das Treffen in Krakau beginnt um 9 Uhr.", "הפגישה בקרקוב מתחילה בשעה 9."),
    ("en", "zh", "The meeting in Beijing starts at 9.",
     "在北京举行的会议将于九点开始，" * 12 + "代表们来自四十个国家。"),
    ("fr", "ja", "La réunion à Tokyo commence à 9 heures.",
     "東京での会議は九時に始まります" * 10 + "。"),
], ids=["ar", "he", "zh", "ja"])
def test_rtl_and_cjk_layout(browser, tmp_path, sl, tl, src, tgt):
    from tqcheck.align.base import Bead
    from tqcheck.report.model import Report
    from report_factory import finding

    s = make_doc(src + "\n", path=f"m.{sl}", lang=sl)
    t = make_doc(tgt + "\n", path=f"m.{tl}", lang=tl)
    word = t.sentences[0].text[4:9]
    f = finding("TQ202", "entity-mismatch", "entity", "major", "check this", source=s, target=t,
                tgt=(0, word))
    path = tmp_path / f"{tl}.html"
    Report(s, t, [Bead(tuple(range(len(s.sentences))), tuple(range(len(t.sentences))), 0.8)],
           [f], sl, tl).to_html(path)
    page = browser.new_page()
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto(path.as_uri())
    direction = page.eval_on_selector("#b0 .c.t .tx", "e => getComputedStyle(e).direction")
    assert direction == ("rtl" if tl in ("ar", "he") else "ltr")
    assert page.eval_on_selector("#b0 .c.s .tx", "e => getComputedStyle(e).direction") == "ltr"
    # nothing overflows sideways: CJK wraps without spaces
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    cell = page.eval_on_selector("#b0 .c.t .tx", "e => [e.scrollWidth, e.clientWidth, e.getClientRects()[0].height]")
    assert cell[0] <= cell[1] + 1
    if tl in ("zh", "ja"):
        assert cell[2] > 40  # wrapped onto several lines
    page.screenshot(path=str(tmp_path / f"07-{tl}.png"))
    page.close()


def test_5000_segments_open_and_filter_fast(browser, tmp_path):
    r = synthetic_report(5000)
    path = tmp_path / "big.html"
    r.to_html(path)
    size = path.stat().st_size
    page = browser.new_page()
    t0 = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    load = time.perf_counter() - t0
    cat = page.eval_on_selector("#fcat option:nth-child(2)", "o => o.value")
    t1 = time.perf_counter()
    ms = page.evaluate(f"""() => {{ const s = performance.now(); const el = document.querySelector('#fcat');
        el.value = {json.dumps(cat)}; el.dispatchEvent(new Event('change'));
        document.body.offsetHeight; return performance.now() - s; }}""")
    filt = time.perf_counter() - t1
    page.check("#only")
    page.screenshot(path=str(tmp_path / "08-big.png"))
    print(f"\n5000 segments: {size / 1e6:.2f} MB, load {load:.2f} s, category filter {ms:.0f} ms in page "
          f"({filt * 1000:.0f} ms round trip)")
    assert load < 8.0 and ms < 1000
    page.close()
