"""Web-app benchmark: cold start to the first rendered page and to the first triage result.

Each run starts a fresh ``streamlit run app.py`` process on loopback and drives Debian's
headless Chromium (launched before the clock starts) through Playwright:

* server ready   process start -> ``/_stcore/health`` answers
* first page     process start -> the page shows its title and the chat greeting
* first triage   process start -> a pasted narrative's first-pass result is on screen
                 (and, separately, from the click on "Analyse")
* warm page      a second visit (new tab, new session) to the running server

The data dir has the corpus fetched from the local mirror and the index built, as after
``make run`` (target: first page < 5 s). ``--no-index`` measures without an index.

    .venv/bin/python benchmarks/app.py [--runs 3] [--provider none] [--no-index]

The first preparation builds the index (minutes on 2 cores; embeddings are cached in
.artifacts/model-cache afterwards). Machines are shared: the load average is printed with the
numbers, which are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.ui.browser import (  # noqa: E402
    browser_missing,
    chromium_page,
    free_port,
    streamlit_command,
    wait_healthy,
)

WORK = ROOT / ".artifacts" / "bench-app"
MODEL_CACHE = ROOT / ".artifacts" / "model-cache"
DEFAULT_SOURCES = ROOT.parent / "shared" / "corpus-sources"
SEED = ROOT / "evals" / "cases" / "dev" / "robot-mower-injury.yaml"
WAIT_MS = 180_000


def _env(data_dir: Path, provider: str, as_of: str) -> dict[str, str]:
    return {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data_dir),
        "ASSISTANT_CACHE_DIR": str(MODEL_CACHE),
        "ASSISTANT_PROVIDER": provider,
        "ASSISTANT_AS_OF": as_of,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }


def prepare(data_dir: Path, with_index: bool) -> dict[str, Any]:
    """Fetch the corpus from the mirror and build the index (no-ops when already done)."""
    os.environ["ASSISTANT_CACHE_DIR"] = str(MODEL_CACHE)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from assistant.corpus import fetch_sources
    from assistant.index import build_index, index_status
    from assistant.settings import Settings

    sources = Path(os.environ.get("ASSISTANT_CORPUS_SOURCE_DIR", DEFAULT_SOURCES))
    settings = Settings(data_dir=data_dir, cache_dir=MODEL_CACHE, corpus_source_dir=sources)
    started = time.perf_counter()
    fetched = fetch_sources(settings)
    info: dict[str, Any] = {"fetch_s": round(time.perf_counter() - started, 1)}
    info["sources_failed"] = [r.key for r in fetched.failed]
    if with_index:
        started = time.perf_counter()
        report = build_index(settings)
        info["index_build_s"] = round(time.perf_counter() - started, 1)
        info["index_noop"] = report.noop
    info["index_built"] = index_status(settings).built
    return info


def _triage(page: Any, narrative: str, start: float, out: dict[str, float]) -> None:
    page.get_by_role("tab", name="Triage").click()
    page.get_by_label("Incident narrative").fill(narrative)
    button = page.get_by_role("button", name="Analyse")
    if button.is_disabled():
        print("  triage is not available in this version: not measured")
        return
    clicked = time.perf_counter()
    button.click()
    page.get_by_text("First-pass result").wait_for(timeout=WAIT_MS)
    now = time.perf_counter()
    out["first_triage_s"] = now - start
    out["triage_after_click_s"] = now - clicked


def one_run(data_dir: Path, provider: str, narrative: str, as_of: str) -> dict[str, float]:
    """One cold start measured in the browser (seconds)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    out: dict[str, float] = {}
    with chromium_page() as page, (WORK / "streamlit.log").open("wb") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(
            streamlit_command(port),
            cwd=ROOT,
            env=_env(data_dir, provider, as_of),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            out["server_ready_s"] = wait_healthy(url, proc)
            page.goto(url)
            page.get_by_text("Tell me about the AI system").wait_for(timeout=WAIT_MS)
            out["first_page_s"] = time.perf_counter() - start
            _triage(page, narrative, start, out)
            second = page.context.new_page()  # a second visitor (cached assets, new session)
            warm = time.perf_counter()
            second.goto(url)
            second.get_by_text("Tell me about the AI system").wait_for(timeout=WAIT_MS)
            out["warm_page_s"] = time.perf_counter() - warm
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--provider", default="none")
    parser.add_argument("--no-index", action="store_true", help="measure without an index")
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        sys.exit(f"cannot run the app benchmark: {missing}")
    import yaml

    seed = yaml.safe_load(SEED.read_text())
    WORK.mkdir(parents=True, exist_ok=True)
    data_dir = WORK / ("data-noindex" if args.no_index else "data")
    print(f"preparing {data_dir} (corpus fetch{'' if args.no_index else ', index build'}) …")
    info = prepare(data_dir, with_index=not args.no_index)
    print(f"  {info}")
    runs: list[dict[str, float]] = []
    for i in range(args.runs):
        try:
            result = one_run(data_dir, args.provider, str(seed["narrative"]), str(seed["as_of"]))
        except Exception as exc:  # report what was measured, and why the rest is missing
            print(f"  run {i + 1}: failed: {type(exc).__name__}: {exc}")
            continue
        runs.append(result)
        print(f"  run {i + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in result.items()))
    keys = sorted({k for r in runs for k in r})
    summary = {
        k: {
            "median": round(statistics.median(r[k] for r in runs if k in r), 2),
            "max": round(max(r[k] for r in runs if k in r), 2),
        }
        for k in keys
    }
    load = os.getloadavg()
    print(f"\nprovider {args.provider}, index built: {info['index_built']}, runs: {len(runs)}")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (2 shared cores: noisy)")
    for k in keys:
        print(f"  {k:22s} median {summary[k]['median']:6.2f} s   max {summary[k]['max']:6.2f} s")
    target = summary.get("first_page_s", {}).get("median")
    if target is not None:
        print(f"  first page target < 5 s: {'met' if target < 5 else 'NOT met'}")
    result_file = ROOT / ".artifacts" / "bench-app.json"
    result_file.write_text(
        json.dumps(
            {
                "provider": args.provider,
                "prepare": info,
                "runs": runs,
                "summary": summary,
                "load_average": load,
            },
            indent=2,
        )
    )
    print(f"written {result_file.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
