"""Fetch the sources: download from the official URLs or copy from a local mirror.

Each file is verified (pinned sha256 where the manifest has one; the mirror's own hashes),
written atomically under ``corpus_dir/raw`` and recorded in the lock file; a cached file is
re-verified against the lock before reuse. A failed fetch never touches a good cached copy:
the old file and its lock entry stay until a new file has been fully written and verified.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

import httpx
from pydantic import BaseModel

from assistant.corpus.manifest import Manifest, SourceEntry, SourceFormat, load_manifest
from assistant.corpus.store import (
    Lock,
    LockEntry,
    atomic_write,
    check_cached,
    raw_path,
    read_lock,
    sha256_bytes,
    write_lock,
)
from assistant.errors import CorpusError, FetchError, HashMismatch
from assistant.settings import Settings, get_settings

__all__ = ["FetchReport", "ProgressFn", "SourceResult", "fetch_sources"]

USER_AGENT = "ai-liability-assistant/0.1 (corpus fetch; +https://eur-lex.europa.eu reuse policy)"
_OFFLINE_HINT = (
    "check the network connection (or proxy settings); to work offline, point "
    "--source-dir or ASSISTANT_CORPUS_SOURCE_DIR at a local mirror of the texts"
)


class ProgressFn(Protocol):
    """``progress(done, total, message)``: sources done so far, how many, what is happening.

    The same convention as the other layers' long jobs (CLI bars, ``assistant setup``, the
    Streamlit page).
    """

    def __call__(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report progress."""


class SourceResult(BaseModel):
    """What happened to one source."""

    key: str
    status: Literal["fetched", "cached", "failed", "skipped"]
    origin: str | None = None
    format: SourceFormat | None = None
    sha256: str | None = None
    size: int = 0
    seconds: float = 0.0
    error: str | None = None
    hint: str | None = None


class FetchReport(BaseModel):
    """Results of one ``fetch_sources`` run."""

    results: list[SourceResult]
    seconds: float

    @property
    def ok(self) -> bool:
        """True when no source failed (skipped placeholders are not failures)."""
        return not self.failed

    @property
    def failed(self) -> list[SourceResult]:
        """Sources that could not be fetched."""
        return [r for r in self.results if r.status == "failed"]

    def __str__(self) -> str:
        counts = {s: sum(1 for r in self.results if r.status == s) for s in
                  ("fetched", "cached", "skipped", "failed")}  # fmt: skip
        parts = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        return f"{len(self.results)} sources ({parts}) in {self.seconds:.1f} s"


# --------------------------------------------------------------------------- checks


def _looks_like(data: bytes, fmt: SourceFormat) -> bool:
    head = data[:2048].lstrip().lower()
    if fmt in (SourceFormat.PDF, SourceFormat.REPORT_PDF):
        return data.startswith(b"%PDF")
    if fmt in (SourceFormat.OJ_XHTML, SourceFormat.CONSOLIDATED_HTML, SourceFormat.LEGACY_HTML):
        return b"<html" in head or b"<?xml" in head or b"<!doctype" in head
    if fmt is SourceFormat.WORDPRESS_JSON:
        try:
            return "content" in json.loads(data)
        except (ValueError, TypeError):
            return False
    return bool(data.strip())


def _verify(data: bytes, expected: str | None, what: str, *, hint: str) -> str:
    actual = sha256_bytes(data)
    if expected and actual != expected:
        raise HashMismatch(
            f"{what}: sha256 {actual[:16]}… does not match the pinned {expected[:16]}…",
            hint=hint,
        )
    return actual


# --------------------------------------------------------------------------- getting bytes


def _from_mirror(entry: SourceEntry, source_dir: Path) -> tuple[bytes, SourceFormat, str] | None:
    """Bytes, format and path of the first mirror file present; None if none is."""
    for mirror in entry.mirror:
        path = source_dir / mirror.path
        if not path.is_file():
            continue
        if mirror.format is SourceFormat.PLACEHOLDER:
            return b"", mirror.format, str(path)
        data = path.read_bytes()
        _verify(
            data,
            mirror.sha256,
            f"{entry.key}: mirror file {path}",
            hint="the mirror copy differs from the one corpus/sources.toml pins: restore the "
            "mirror file, or update its sha256 in the manifest if the change is intended",
        )
        return data, mirror.format, str(path)
    return None


def _http_error(url: str, exc: Exception, timeout: float) -> FetchError:
    host = httpx.URL(url).host
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        hint = (
            "the official URL may have moved: update download_url in corpus/sources.toml"
            if code in (404, 410)
            else "the server refused or failed; try again later"
        )
        return FetchError(f"HTTP {code} from {url}", hint=hint)
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
        return FetchError(f"cannot reach {host} ({exc.__class__.__name__})", hint=_OFFLINE_HINT)
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout | httpx.PoolTimeout):
        return FetchError(
            f"{host} stopped sending data (no byte for {timeout:g} s)",
            hint="try again later; on a slow line raise ASSISTANT_FETCH_TIMEOUT_S",
        )
    if isinstance(exc, _Truncated | httpx.RemoteProtocolError):
        return FetchError(
            f"download from {host} was cut short ({exc})",
            hint="try again; if it keeps happening, use a local mirror with --source-dir",
        )
    return FetchError(f"download from {url} failed: {exc}", hint=_OFFLINE_HINT)


class _Truncated(Exception):
    pass


class _HostDown(httpx.ConnectError):
    pass


class _RememberUnreachable(httpx.BaseTransport):
    """Once a host refuses connections (no network, DNS down), later requests to it fail at
    once: offline, 14 sources x retries would otherwise take most of a minute to say so."""

    def __init__(self, inner: httpx.BaseTransport, attempts: int) -> None:
        self._inner = inner
        self._attempts = attempts  # failed connections in a row before a host counts as down
        self._failures: dict[str, int] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if self._failures.get(host, 0) >= self._attempts:
            raise _HostDown(f"{host} was unreachable a moment ago", request=request)
        try:
            response = self._inner.handle_request(request)
        except httpx.ConnectError:
            self._failures[host] = self._failures.get(host, 0) + 1
            raise
        self._failures.pop(host, None)
        return response

    def close(self) -> None:
        self._inner.close()


def _download(
    client: httpx.Client,
    url: str,
    key: str,
    *,
    retries: int,
    backoff_s: float,
    timeout: float,
    on_bytes: Callable[[int, int | None], None] | None,
) -> bytes:
    last: Exception | None = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff_s * 2 ** (attempt - 1))
        try:
            with client.stream("GET", url) as response:
                response.raise_for_status()
                declared = response.headers.get("content-length")
                total = int(declared) if declared and declared.isdigit() else None
                chunks: list[bytes] = []
                done = 0
                for chunk in response.iter_bytes():
                    chunks.append(chunk)
                    done += len(chunk)
                    if on_bytes:
                        on_bytes(done, total)
                if total is not None and done != total:
                    raise _Truncated(f"got {done} of {total} bytes")
                return b"".join(chunks)
        except httpx.HTTPStatusError as exc:
            last = exc
            if exc.response.status_code < 500 and exc.response.status_code != 429:
                break  # a client error will not go away by retrying
        except _HostDown as exc:
            last = last if last is not None else exc
            break  # the host failed to connect a moment ago: retrying only adds waiting
        except (httpx.TransportError, _Truncated) as exc:
            last = exc
    assert last is not None
    raise _http_error(url, last, timeout) from last


# --------------------------------------------------------------------------- main entry


def _fetch_one(
    entry: SourceEntry,
    lock: Lock,
    corpus_dir: Path,
    *,
    source_dir: Path | None,
    client: httpx.Client | None,
    settings: Settings,
    force: bool,
    accept_new_hash: bool,
    backoff_s: float,
    on_bytes: Callable[[int, int | None], None] | None,
) -> SourceResult:
    start = time.perf_counter()
    locked = lock.entries.get(entry.key)
    if locked is not None and not force:
        try:
            check_cached(corpus_dir, locked)
            return SourceResult(
                key=entry.key, status="cached", origin=locked.origin, format=locked.format,
                sha256=locked.sha256, size=locked.size,
            )  # fmt: skip
        except CorpusError:
            pass  # damaged or missing: fetch again
    if source_dir is not None:
        got = _from_mirror(entry, source_dir)
        if got is None:
            raise FetchError(
                f"{entry.key}: no file for it in the mirror {source_dir}",
                hint=f"expected one of: {', '.join(m.path for m in entry.mirror) or '(none)'}",
            )
        data, fmt, origin = got
        if fmt is SourceFormat.PLACEHOLDER:
            return SourceResult(
                key=entry.key, status="skipped", origin=origin, format=fmt,
                error="the mirror holds only a placeholder without the text",
                hint=f"online: `assistant corpus fetch --only {entry.act.value}` "
                "(without --source-dir) downloads it from its official URL",
            )  # fmt: skip
    else:
        assert client is not None
        data = _download(
            client, entry.download_url, entry.key, retries=settings.fetch_retries,
            backoff_s=backoff_s, timeout=settings.fetch_timeout_s, on_bytes=on_bytes,
        )  # fmt: skip
        fmt, origin = entry.format, entry.download_url
        _verify(
            data,
            None if accept_new_hash else entry.sha256,
            f"{entry.key}: download from {origin}",
            hint="the file changed upstream or was altered in transit; if you trust the new "
            "version, run `assistant corpus fetch --accept-new-hash` to record it",
        )
    if not _looks_like(data, fmt):
        raise FetchError(
            f"{entry.key}: what arrived from {origin} is not a {fmt.value} file "
            f"({len(data)} bytes; an error or consent page?)",
            hint="open the URL in a browser to check it; try again later",
        )
    sha = sha256_bytes(data)
    path = raw_path(corpus_dir, entry, fmt)
    if locked is not None and locked.file == path.name and locked.sha256 != sha:
        # Never overwrite the file the lock still vouches for: a crash between this write and
        # the lock update would leave a lock that no file matches (the source would be lost).
        path = path.with_name(f"{path.stem}.{sha[:12]}{path.suffix}")
    atomic_write(path, data)
    lock.entries[entry.key] = LockEntry(
        key=entry.key, file=path.name, format=fmt, sha256=sha, size=len(data), origin=origin,
        fetched_at=datetime.now(UTC),
    )  # fmt: skip
    write_lock(corpus_dir, lock)
    if locked is not None and locked.file != path.name:  # only once the lock names the new file
        (corpus_dir / "raw" / locked.file).unlink(missing_ok=True)
    return SourceResult(
        key=entry.key, status="fetched", origin=origin, format=fmt, sha256=sha, size=len(data),
        seconds=time.perf_counter() - start,
    )  # fmt: skip


def fetch_sources(
    settings: Settings | None = None,
    *,
    source_dir: Path | None = None,
    only: list[str] | None = None,
    progress: ProgressFn | None = None,
    force: bool = False,
    accept_new_hash: bool = False,
    manifest: Manifest | None = None,
    transport: httpx.BaseTransport | None = None,
    backoff_s: float = 0.5,
) -> FetchReport:
    """Fetch every source (or ``only`` these act codes/keys) into ``settings.corpus_dir``.

    ``source_dir`` (default ``settings.corpus_source_dir``) copies from a local mirror instead
    of downloading. Failures are reported per source (with a hint), never raised, so one bad
    source does not stop the others; already cached, verified files are reused.
    """
    settings = settings or get_settings()
    manifest = manifest or load_manifest()
    source_dir = source_dir or settings.corpus_source_dir
    if source_dir is not None and not Path(source_dir).is_dir():
        raise FetchError(
            f"mirror directory {source_dir} does not exist",
            hint="pass the folder holding the mirror files (e.g. ../shared/corpus-sources)",
        )
    entries = manifest.select(only)
    corpus_dir = settings.corpus_dir
    lock = read_lock(corpus_dir)
    started = time.perf_counter()
    results: list[SourceResult] = []
    client = (
        None
        if source_dir is not None
        else httpx.Client(
            timeout=httpx.Timeout(
                settings.fetch_timeout_s, connect=min(10.0, settings.fetch_timeout_s)
            ),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
            transport=_RememberUnreachable(
                transport or httpx.HTTPTransport(), attempts=settings.fetch_retries + 1
            ),
        )
    )
    try:
        total = len(entries)
        for i, entry in enumerate(entries):
            if progress:
                progress(i, total, entry.key)

            def on_bytes(done: int, size: int | None, i: int = i, key: str = entry.key) -> None:
                if progress:
                    got = f"{done / 1e6:.1f}" + (f"/{size / 1e6:.1f}" if size else "")
                    progress(i, total, f"{key} {got} MB")

            try:
                result = _fetch_one(
                    entry, lock, corpus_dir, source_dir=Path(source_dir) if source_dir else None,
                    client=client, settings=settings, force=force,
                    accept_new_hash=accept_new_hash, backoff_s=backoff_s, on_bytes=on_bytes,
                )  # fmt: skip
            except CorpusError as exc:
                result = SourceResult(
                    key=entry.key, status="failed", error=exc.message, hint=exc.hint
                )
            except OSError as exc:
                result = SourceResult(
                    key=entry.key,
                    status="failed",
                    error=f"cannot write under {corpus_dir}: {exc}",
                    hint="check free disk space and permissions of ASSISTANT_DATA_DIR",
                )
            results.append(result)
            if progress:
                progress(i + 1, total, f"{entry.key}: {result.status}")
    finally:
        if client is not None:
            client.close()
    return FetchReport(results=results, seconds=time.perf_counter() - started)
