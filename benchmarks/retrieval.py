"""Retrieval benchmark: our hybrid retriever vs a naive RAG baseline, on the QA set.

One run prints, side by side, for ours and for the naive baseline (LangChain
RecursiveCharacterTextSplitter 1000/200 over the raw texts + the same embedder + Chroma dense
top-k): recall@5 / hit@5 / MRR@10 at article level (and paragraph level for ours), per split,
question type and language; query latency p50/p95; cold full build (empty embedding cache),
warm rebuilds and no-op rebuild; peak RSS; and the ratios.

    .venv/bin/python benchmarks/retrieval.py            # full run (~3-6 min on 2 cores)
    .venv/bin/python benchmarks/retrieval.py --no-cold  # reuse the last built index
    .venv/bin/python benchmarks/retrieval.py --splits dev,dev2,dev3  # tuning splits only

Needs the local mirror of the texts (ASSISTANT_CORPUS_SOURCE_DIR, default ../shared/corpus-sources).
Heavy steps run in child processes so each one's time and peak RSS are its own. CPU timings on
shared 2-core machines are noisy: the load average is printed with the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from assistant.index.metrics import aggregate  # noqa: E402

QA_DIR = ROOT / "evals" / "retrieval"
# dev: written before tuning, tuned on; dev2: written after the first round, tuned on;
# dev3: written before the third round (cross-act, DE/FR), tuned on; dev4: drawn from random
# provisions after the third round, measured once, then tuned on;
# heldout: never tuned on (the numbers that count).
ALL_SPLITS = ("dev", "dev2", "dev3", "dev4", "heldout")
# Which splits a run loads and scores (``--splits``); children get them through the env, so
# a tuning run never opens the held-out file.
SPLITS = tuple(s for s in os.environ.get("BENCH_SPLITS", ",".join(ALL_SPLITS)).split(",") if s)
DEFAULT_SOURCES = ROOT.parent / "shared" / "corpus-sources"
MODEL_CACHE = ROOT / ".artifacts" / "model-cache"
WORK = ROOT / ".artifacts" / "bench-retrieval"

# The raw texts the naive baseline splits, with the act each belongs to.
NAIVE_FILES = {
    "AI_ACT.md": "AI_ACT",
    "AI_ACT_CONSOLIDATED_2026-07-27.md": "AI_ACT",
    "AI_ACT_AMENDMENT_2026_1744.md": "AI_OMNIBUS_2026",
    "PLD_2024.md": "PLD_2024",
    "PLD_1985.md": "PLD_1985",
    "AILD_PROPOSAL.md": "AILD_PROPOSAL",
    "GDPR.md": "GDPR",
    "CRA.md": "CRA",
    "NIS2.md": "NIS2",
    "DCD_2019.md": "DCD_2019",
    "MOZILLA_REPORT.md": "MOZILLA_REPORT",
}


# ----------------------------------------------------------------------------- helpers


def load_questions(split: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((QA_DIR / f"{split}.yaml").read_text(encoding="utf-8"))
    return list(data["questions"])


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (user + system; a cold build
    embeds in worker processes): less sensitive to other load than wall time."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return round(total, 2)


def children_rss_mb() -> float:
    """Peak RSS of the largest finished child process (the embedding workers)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def env_for(data_dir: Path, cache_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ASSISTANT_DATA_DIR"] = str(data_dir)
    env["ASSISTANT_CACHE_DIR"] = str(cache_dir)
    env.setdefault("ASSISTANT_CORPUS_SOURCE_DIR", str(DEFAULT_SOURCES))
    env.pop("ASSISTANT_CHROMA_URL", None)
    env["BENCH_SPLITS"] = ",".join(SPLITS)
    env["HF_HUB_OFFLINE"] = "1"
    return env


def child(step: str, data_dir: Path, cache_dir: Path, *extra: str) -> dict[str, Any]:
    """Run one step of this script in a child process; it prints one JSON line."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, f"_{step}", *extra],
        env=env_for(data_dir, cache_dir),
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{out.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = round(wall, 3)
    return result


def fresh_cache(path: Path) -> Path:
    """A cache dir with no embeddings but the shared model files (ONNX export, tiktoken)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    (path / "models").symlink_to(MODEL_CACHE / "models", target_is_directory=True)
    return path


# ----------------------------------------------------------------------------- child steps


def step_fetch() -> dict[str, Any]:
    from assistant.corpus import fetch_sources, load_corpus

    fetch_sources()
    started = time.perf_counter()
    corpus = load_corpus()
    return {"trees": len(corpus.trees), "load_s": round(time.perf_counter() - started, 3)}


def step_build(force: bool = False) -> dict[str, Any]:
    from assistant.index import build_index

    report = build_index(force=force)
    heavy = [m for m in ("torch", "chromadb", "sentence_transformers") if m in sys.modules]
    return {
        **report.model_dump(),
        "rss_mb": round(peak_rss_mb()),
        "worker_rss_mb": round(children_rss_mb()),
        "cpu_s": cpu_seconds(),
        "heavy_imports": heavy,
    }


def step_warm_change() -> dict[str, Any]:
    """Rebuild after one provision changed: only its chunk is embedded again."""
    from assistant.corpus import load_corpus
    from assistant.index import build_index
    from assistant.index.corpus_port import TreeCorpus

    trees = [t.model_copy(deep=True) for t in load_corpus().trees]
    pld = next(t for t in trees if t.act.value == "PLD_2024" and t.language == "en")
    node = next(n for n in pld.walk() if n.id == "PLD_2024 Art 10(1)")
    node.text += " (benchmark edit)"
    report = build_index(corpus=TreeCorpus(trees))
    return {**report.model_dump(), "rss_mb": round(peak_rss_mb()), "cpu_s": cpu_seconds()}


def step_queries() -> dict[str, Any]:
    """Our retriever on every question; latency over three warm passes."""
    from assistant.index import get_retriever

    started = time.perf_counter()
    retriever = get_retriever()
    retriever.warm_up()
    load_s = time.perf_counter() - started
    results: dict[str, list[str]] = {}
    latencies: list[float] = []
    questions = [q for split in SPLITS for q in load_questions(split)]
    for rep in range(3):
        for q in questions:
            t = time.perf_counter()
            hits = retriever.search(q["question"], k=20)
            latencies.append((time.perf_counter() - t) * 1000)
            if rep == 0:
                results[q["id"]] = [h.id for h in hits]
    heavy = [m for m in ("torch", "sentence_transformers") if m in sys.modules]
    return {
        "results": results,
        "latency_ms": latencies,
        "load_s": round(load_s, 3),
        "rss_mb": round(peak_rss_mb()),
        "heavy_imports": heavy,
    }


def _segments(text: str, act: str) -> list[tuple[int, str]]:
    """(offset, top-level ID) where each provision of a raw text starts."""
    out: list[tuple[int, str]] = []
    zone = "front"
    offset = 0
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if zone == "front" and re.match(r"^Whereas", s):
            zone = "recitals"
        elif re.match(r"^(HAVE|HAS) ADOPTED", s):
            zone = "body"
        elif zone == "recitals" and (m := re.match(r"^\((\d{1,3})\)\s", s)):
            out.append((offset, f"{act} Recital {m[1]}"))
        elif m := re.match(r"^(?:#+\s*)?(?:►\S+\s*\|\s*)?Article (\d{1,3}[a-z]?)\s*$", s):
            zone = "body"
            out.append((offset, f"{act} Art {m[1]}"))
        elif m := re.match(r"^(?:#+\s*)?ANNEX ([IVXLC]+)\b", s):
            out.append((offset, f"{act} Annex {m[1]}"))
        offset += len(line)
    return out


def step_naive() -> dict[str, Any]:
    """The naive pipeline: split raw texts 1000/200, embed, Chroma, dense top-k."""
    import numpy as np
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.index.embed_cache import EmbeddingCache
    from assistant.index.embedder import get_embedder
    from assistant.settings import get_settings

    settings = get_settings()
    embedder = get_embedder(settings)
    # Its own cache, kept across benchmark runs (the baseline's build time is not the point).
    cache = EmbeddingCache(MODEL_CACHE / "embeddings" / "naive-baseline.sqlite3")
    import hashlib

    class CachedEmbeddings(Embeddings):
        embedded = 0

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
            have = cache.get_many(keys)
            todo = [i for i, k in enumerate(keys) if k not in have]
            if todo:
                vecs = embedder.embed([texts[i] for i in todo])
                fresh = {keys[i]: vecs[j] for j, i in enumerate(todo)}
                cache.put_many(fresh)
                have.update(fresh)
                CachedEmbeddings.embedded += len(todo)
            return [np.asarray(have[k]).tolist() for k in keys]

        def embed_query(self, text: str) -> list[float]:
            return [float(x) for x in embedder.embed_query(text)]

    sources = Path(os.environ["ASSISTANT_CORPUS_SOURCE_DIR"])
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=1000, chunk_overlap=200, add_start_index=True
    )
    texts: list[str] = []
    metas: list[dict[str, Any]] = []
    for name, act in NAIVE_FILES.items():
        raw = (sources / name).read_text(encoding="utf-8")
        segs = _segments(raw, act)
        starts = [s for s, _ in segs]
        for doc in splitter.create_documents([raw]):
            begin = int(doc.metadata["start_index"])
            end = begin + len(doc.page_content)
            ids: list[str] = []
            import bisect

            first = max(0, bisect.bisect_right(starts, begin) - 1)
            for off, pid in segs[first:]:
                if off >= end:
                    break
                if off <= begin or off < end:
                    ids.append(pid)
            texts.append(doc.page_content)
            metas.append({"ids": json.dumps(ids or [f"{act}"]), "file": name})
    started = time.perf_counter()
    store_dir = Path(os.environ["ASSISTANT_DATA_DIR"]) / "naive-chroma"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = Chroma(
        collection_name="naive",
        embedding_function=CachedEmbeddings(),
        persist_directory=str(store_dir),
        collection_metadata={"hnsw:space": "cosine"},
    )
    for i in range(0, len(texts), 500):
        store.add_texts(texts[i : i + 500], metadatas=metas[i : i + 500])
    build_s = time.perf_counter() - started
    results: dict[str, list[str]] = {}
    latencies: list[float] = []
    for q in [q for split in SPLITS for q in load_questions(split)]:
        t = time.perf_counter()
        docs = store.similarity_search(q["question"], k=20)
        latencies.append((time.perf_counter() - t) * 1000)
        ids = [pid for d in docs for pid in json.loads(d.metadata["ids"])]
        results[q["id"]] = ids
    return {
        "results": results,
        "latency_ms": latencies,
        "chunks": len(texts),
        "build_s": round(build_s, 2),
        "embedded_now": CachedEmbeddings.embedded,
        "rss_mb": round(peak_rss_mb()),
    }


# ----------------------------------------------------------------------------- report


def score(
    results: dict[str, list[str]], questions: list[dict[str, Any]], level: str
) -> dict[str, dict[str, float]]:
    groups: dict[str, list[tuple[list[str], list[str]]]] = defaultdict(list)
    for q in questions:
        run = (results.get(q["id"], []), list(q["gold"]))
        groups["all"].append(run)
        groups[f"type:{q.get('type', '?')}"].append(run)
        groups[f"lang:{q['lang']}"].append(run)
        if q["lang"] != "en":
            groups["lang:de+fr"].append(run)
    return {name: aggregate(runs, level=level) for name, runs in sorted(groups.items())}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def print_tables(ours: dict[str, Any], naive: dict[str, Any]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for split in SPLITS:
        questions = load_questions(split)
        o_art = score(ours["results"], questions, "article")
        o_par = score(ours["results"], questions, "paragraph")
        n_art = score(naive["results"], questions, "article")
        print(f"\n== {split} split ({len(questions)} questions)")
        print(
            f"{'group':16} {'n':>3} | {'ours R@5':>8} {'hit@5':>6} {'MRR@10':>7} | {'par R@5':>7} {'MRR@10':>7} | {'naive R@5':>9} {'hit@5':>6} {'MRR@10':>7} | {'R@5 x':>6}"
        )
        for group in o_art:
            o, p, n = o_art[group], o_par[group], n_art[group]
            ratio = o["recall@5"] / n["recall@5"] if n["recall@5"] else float("inf")
            print(
                f"{group:16} {int(o['n']):>3} | {o['recall@5']:8.3f} {o['hit@5']:6.3f} {o['mrr@10']:7.3f} | "
                f"{p['recall@5']:7.3f} {p['mrr@10']:7.3f} | {n['recall@5']:9.3f} {n['hit@5']:6.3f} {n['mrr@10']:7.3f} | {ratio:6.2f}"
            )
        summary[split] = {"ours_article": o_art, "ours_paragraph": o_par, "naive_article": n_art}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cold", action="store_true", help="skip the cold build (reuse index)")
    parser.add_argument("--json", type=Path, help="also write all numbers to this file")
    parser.add_argument(
        "--splits",
        default=",".join(ALL_SPLITS),
        help=f"comma-separated QA splits to score (default: {','.join(ALL_SPLITS)})",
    )
    args = parser.parse_args()
    global SPLITS
    SPLITS = tuple(s for s in args.splits.split(",") if s)
    unknown = [s for s in SPLITS if not (QA_DIR / f"{s}.yaml").is_file()]
    if unknown:
        raise SystemExit(f"no QA split {unknown} in {QA_DIR}")
    data_dir = WORK / "data"
    cache_dir = WORK / "cache"
    numbers: dict[str, Any] = {"load_before": os.getloadavg()}
    print(
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (timings are noisy under load)"
    )
    if not args.no_cold:
        shutil.rmtree(data_dir / "index", ignore_errors=True)
        fresh_cache(cache_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if not cache_dir.exists():
        fresh_cache(cache_dir)
    numbers["corpus"] = child("fetch", data_dir, cache_dir)
    print(f"corpus: {numbers['corpus']['trees']} trees, load {numbers['corpus']['load_s']} s")
    if not args.no_cold:
        cold = child("build", data_dir, cache_dir)
        numbers["cold_build"] = cold
        print(
            f"cold full build (empty embedding cache): {cold['seconds']:.1f} s wall, "
            f"{cold['cpu_s']:.1f} CPU-s incl. embedding workers ({cold['chunks']} chunks, "
            f"{cold['embedded_now']} embedded; {cold['timings']}), peak RSS {cold['rss_mb']} MB "
            f"(each embedding worker {cold['worker_rss_mb']} MB)"
        )
    noop = child("build", data_dir, cache_dir)
    numbers["noop_build"] = noop
    print(
        f"no-op rebuild: {noop['seconds'] * 1000:.0f} ms in process, {noop['wall_s']:.2f} s wall incl. "
        f"Python start; noop={noop['noop']}; heavy modules imported: {noop['heavy_imports'] or 'none'}"
    )
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "assistant"), "index", "build"],
        env=env_for(data_dir, cache_dir),
        capture_output=True,
        text=True,
        check=False,
    )
    t = time.perf_counter()
    subprocess.run(
        [str(Path(sys.executable).parent / "assistant"), "index", "build"],
        env=env_for(data_dir, cache_dir),
        capture_output=True,
        check=False,
    )
    numbers["noop_cli_s"] = round(time.perf_counter() - t, 3)
    print(
        f"no-op `assistant index build` (CLI, wall): {numbers['noop_cli_s']:.2f} s ({cli.stdout.strip()[:80]})"
    )
    warm = child("warm_change", data_dir, cache_dir)
    numbers["warm_change_build"] = warm
    print(
        f"warm rebuild, one provision changed: {warm['seconds']:.1f} s ({warm['embedded_now']} chunk(s) embedded)"
    )
    full = child("build", data_dir, cache_dir, "--force")
    numbers["warm_full_build"] = full
    print(
        f"warm full rebuild (all embeddings cached): {full['seconds']:.1f} s, {full['embedded_now']} embedded"
    )
    ours = child("queries", data_dir, cache_dir)
    naive = child("naive", data_dir, cache_dir)
    numbers["ours_queries"] = {k: v for k, v in ours.items() if k != "results"}
    numbers["naive"] = {k: v for k, v in naive.items() if k != "results"}
    numbers["summary"] = print_tables(ours, naive)
    lat, nlat = ours["latency_ms"], naive["latency_ms"]
    print(
        f"\nquery latency (warm, {len(lat)} queries): ours p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms; "
        f"naive p50 {pct(nlat, 50):.1f} ms, p95 {pct(nlat, 95):.1f} ms"
    )
    print(
        f"retriever load + warm-up: {ours['load_s']:.2f} s; torch imported at query time: {bool(ours['heavy_imports'])}"
    )
    print(
        f"peak RSS: cold build {numbers.get('cold_build', {}).get('rss_mb', '-')} MB, query process {ours['rss_mb']} MB, "
        f"naive process {naive['rss_mb']} MB"
    )
    print(
        f"naive baseline: {naive['chunks']} chunks, index build {naive['build_s']:.1f} s "
        f"({naive['embedded_now']} embedded now, the rest from its cache)"
    )
    numbers["load_after"] = os.getloadavg()
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        name = sys.argv[1][1:]
        force = "--force" in sys.argv
        result = {
            "fetch": step_fetch,
            "build": lambda: step_build(force),
            "warm_change": step_warm_change,
            "queries": step_queries,
            "naive": step_naive,
        }[name]()
        print(json.dumps(result, default=str))
    else:
        main()
