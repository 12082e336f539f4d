"""Screenshots of the app's main screens for the README (not a test).

    .venv/bin/python -m tests.ui.screenshots [--out .artifacts/screenshots]

Serves the app on loopback with a fresh data dir (corpus fetched from the local mirror,
provider ``none``), pastes the robot-mower seed scenario, answers one interview question and
saves one PNG per screen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import yaml

from tests.ui.browser import ROOT, browser_missing, chromium_page, serve_app

SEED = ROOT / "evals" / "cases" / "dev" / "robot-mower-injury.yaml"
MIRROR = ROOT.parent / "shared" / "corpus-sources"
WAIT_MS = 120_000


def capture(out: Path) -> list[Path]:
    """Drive the app through its screens and save a PNG of each; returns the files."""
    from assistant.corpus import fetch_sources
    from assistant.settings import Settings

    seed = yaml.safe_load(SEED.read_text())
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="screens-") as tmp:
        data = Path(tmp) / "data"
        cache = ROOT / ".artifacts" / "model-cache"
        fetch_sources(Settings(data_dir=data, cache_dir=cache, corpus_source_dir=MIRROR))
        env = {
            "ASSISTANT_DATA_DIR": str(data),
            "ASSISTANT_CACHE_DIR": str(cache),
            "ASSISTANT_PROVIDER": "none",
            "ASSISTANT_AS_OF": str(seed["as_of"]),
            "HF_HUB_OFFLINE": "1",
        }
        with (
            serve_app(env, Path(tmp) / "streamlit.log") as (url, _),
            chromium_page(1400, 1100) as page,
        ):

            def shot(name: str) -> None:
                path = out / f"{name}.png"
                page.wait_for_timeout(1500)  # let charts, fonts and forms settle
                page.screenshot(path=path)
                saved.append(path)

            page.goto(url)
            page.get_by_text("Tell me about the AI system").wait_for(timeout=WAIT_MS)
            page.get_by_role("textbox", name="Describe what happened").fill(str(seed["narrative"]))
            page.keyboard.press("Enter")
            page.get_by_text("What I understood").wait_for(timeout=WAIT_MS)
            page.get_by_role("textbox", name="Describe what happened").fill("1. yes")
            page.keyboard.press("Enter")
            page.get_by_text("What I understood").nth(1).wait_for(timeout=WAIT_MS)
            page.get_by_text("What I understood").nth(1).scroll_into_view_if_needed()
            shot("1-interview")

            page.get_by_role("tab", name="Triage").click()
            page.get_by_text("First-pass result").wait_for(timeout=WAIT_MS)
            page.get_by_text("First-pass result").scroll_into_view_if_needed()
            shot("2-triage-result")

            page.get_by_role("tab", name="Findings").click()
            page.get_by_text("Value chain").first.wait_for(timeout=WAIT_MS)
            shot("3-findings-value-chain")
            expander = page.locator('[data-testid="stExpander"]', has_text="PLD_2024 Art").first
            expander.locator("summary").click()
            expander.locator('[data-testid="stExpanderDetails"]').wait_for(timeout=WAIT_MS)
            expander.scroll_into_view_if_needed()
            shot("4-findings-citation")

            page.get_by_role("tab", name="Facts").click()
            page.get_by_text("Set a fact").wait_for(timeout=WAIT_MS)
            shot("5-facts")

            page.get_by_role("tab", name="Export").click()
            page.get_by_text("Download the report").wait_for(timeout=WAIT_MS)
            shot("6-export")

            page.get_by_text("Corpus & settings").first.click()
            page.get_by_text("Search index").wait_for(timeout=WAIT_MS)
            shot("7-corpus-settings")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".artifacts" / "screenshots")
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        raise SystemExit(f"cannot take screenshots: {missing}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for path in capture(args.out):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
