"""User input the assistant reads: pasted narratives and uploaded PDF/TXT files.

Everything here is untrusted. The rules:
* size limits are checked before any parsing (settings ``max_upload_mb``, ``max_pdf_pages``,
  ``max_narrative_chars``);
* PDFs are parsed in a separate, resource-limited process (``assistant.pdf_worker``) with a wall
  clock timeout, so a decompression bomb, a deeply nested object graph or a 10,000-page file
  fails with a clear message within seconds and cannot exhaust the app's memory;
* text is normalised: invisible and bidirectional-control characters are removed (they are how
  instructions get hidden in a narrative) and the removal is reported;
* every failure is an ``InputError`` whose message says what was wrong and what to do.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import PurePath

from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.settings import Settings, get_settings

__all__ = [
    "PDF_TIMEOUT_S",
    "UploadedText",
    "clean_text",
    "read_narrative",
    "read_upload",
]

# The user must hear back within 10 s: the child's start-up (~0.3 s) and a loaded machine
# need headroom below that.
PDF_TIMEOUT_S = 8.0
PDF_MEMORY_LIMIT_MB = 768

# Zero-width, bidi controls, word joiners, BOMs, tag characters, variation selectors: invisible
# in a browser, visible to a model.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
    "\U000e0000-\U000e007f\ufe00-\ufe0f]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UploadedText(BaseModel):
    """Text taken from a paste or an upload, with what was done to it."""

    name: str
    kind: str = Field(description="pdf | txt | paste")
    text: str
    pages: int | None = None
    warnings: list[str] = Field(default_factory=list)


def clean_text(text: str) -> tuple[str, list[str]]:
    """NFC-normalise, drop invisible/bidi/control characters; report what was removed."""
    warnings: list[str] = []
    text = unicodedata.normalize("NFC", text)
    invisible = len(_INVISIBLE.findall(text))
    if invisible:
        text = _INVISIBLE.sub("", text)
        warnings.append(f"removed {invisible} invisible or text-direction characters")
    controls = len(_CONTROL.findall(text))
    if controls:
        text = _CONTROL.sub(" ", text)
        warnings.append(f"replaced {controls} control characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip(), warnings


def read_narrative(text: str, settings: Settings | None = None) -> UploadedText:
    """A pasted narrative: length-checked and cleaned."""
    settings = settings or get_settings()
    if len(text) > settings.max_narrative_chars:
        raise InputError(
            f"the pasted text has {len(text):,} characters; the limit is "
            f"{settings.max_narrative_chars:,}",
            hint="paste the incident description itself (a few pages at most), "
            "or raise ASSISTANT_MAX_NARRATIVE_CHARS",
        )
    cleaned, warnings = clean_text(text)
    if not cleaned:
        raise InputError("the narrative is empty", hint="describe what happened, who was involved")
    return UploadedText(name="pasted text", kind="paste", text=cleaned, warnings=warnings)


def _decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    sample = data[:4096]
    # Control bytes other than tab/newline/CR mark binary data (executables, archives), which is
    # valid UTF-8 surprisingly often and is never an incident narrative.
    binary = sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 100
    if binary:
        raise InputError(
            f"{name} looks like a binary file, not text",
            hint="upload a PDF or a plain-text (.txt) file",
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        # Legacy single-byte text (Windows-1252) is common in exported documents.
        try:
            return data.decode("cp1252"), [
                f"{name} is not valid UTF-8; read it as Windows-1252 — check accents"
            ]
        except UnicodeDecodeError:
            pass
        raise InputError(
            f"{name} is not readable text (invalid UTF-8 at byte {exc.start})",
            hint="save the file as UTF-8 text, or upload it as a PDF",
        ) from exc


def _read_pdf(data: bytes, name: str, settings: Settings) -> UploadedText:
    if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise InputError(
            f"{name} is not a PDF (its content does not start with %PDF-)",
            hint="upload the original PDF, or a .txt file with the text",
        )
    cmd = [sys.executable, "-m", "assistant.pdf_worker", str(settings.max_pdf_pages)]
    try:
        proc = subprocess.run(
            cmd,
            input=data,
            capture_output=True,
            timeout=PDF_TIMEOUT_S,
            env={"ASSISTANT_PDF_MEMORY_MB": str(PDF_MEMORY_LIMIT_MB), "PYTHONPATH": _pythonpath()},
        )
    except subprocess.TimeoutExpired as exc:
        raise InputError(
            f"reading {name} took longer than {PDF_TIMEOUT_S:.0f} s and was stopped",
            hint="the PDF may be malformed or image-only; paste the relevant text instead",
        ) from exc
    try:
        result = json.loads(proc.stdout.decode("utf-8") or "{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        result = {}
    if proc.returncode != 0 or "error" in result or "text" not in result:
        reason = result.get("error") or "the PDF reader ran out of memory or crashed"
        raise InputError(
            f"could not read {name}: {reason}",
            hint=result.get("hint") or "paste the relevant text instead, or re-export the PDF",
        )
    text, warnings = clean_text(str(result["text"]))
    warnings = list(result.get("warnings", [])) + warnings
    if not text:
        if any("could not be read" in w for w in warnings):
            raise InputError(
                f"could not read {name}: none of its pages could be read",
                hint="re-export the document as PDF, or paste the relevant text",
            )
        raise InputError(
            f"{name} has no extractable text (scanned images?)",
            hint="run OCR on it first, or paste the text",
        )
    if len(text) > settings.max_narrative_chars:
        text = text[: settings.max_narrative_chars]
        warnings.append(f"text cut to the first {settings.max_narrative_chars:,} characters")
    return UploadedText(
        name=name, kind="pdf", text=text, pages=int(result["pages"]), warnings=warnings
    )


def _pythonpath() -> str:
    return ":".join(p for p in sys.path if p)


def read_upload(name: str, data: bytes, settings: Settings | None = None) -> UploadedText:
    """Text of an uploaded PDF or TXT file, or an ``InputError`` that says what to do."""
    settings = settings or get_settings()
    # No folders, and no invisible or text-direction characters ("report\u202efdp.exe").
    safe_name = clean_text(PurePath(name).name)[0] or "upload"
    size_mb = len(data) / 1e6
    if size_mb > settings.max_upload_mb:
        raise InputError(
            f"{safe_name} is {size_mb:.1f} MB; the limit is {settings.max_upload_mb:.0f} MB",
            hint="upload only the relevant part (e.g. the incident report), or paste its text",
        )
    if not data.strip():
        raise InputError(f"{safe_name} is empty", hint="check you picked the right file")
    suffix = PurePath(safe_name).suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return _read_pdf(data, safe_name, settings)
    if suffix in {".txt", ".md", ".text", ""}:
        decoded, warnings = _decode_text(data, safe_name)
        if len(decoded) > settings.max_narrative_chars:
            raise InputError(
                f"{safe_name} has {len(decoded):,} characters; the limit is "
                f"{settings.max_narrative_chars:,}",
                hint="upload only the relevant part, or raise ASSISTANT_MAX_NARRATIVE_CHARS",
            )
        text, more = clean_text(decoded)
        if not text:
            raise InputError(f"{safe_name} has no text", hint="check you picked the right file")
        return UploadedText(name=safe_name, kind="txt", text=text, warnings=warnings + more)
    raise InputError(
        f"{safe_name}: only PDF and plain-text files can be read",
        hint="save the document as PDF or .txt and upload it again",
    )
