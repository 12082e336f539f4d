"""Child process that extracts text from an untrusted PDF under hard resource limits.

Run as ``python -m assistant.pdf_worker MAX_PAGES`` with the PDF bytes on stdin; prints one JSON
object: ``{"text", "pages", "warnings"}`` or ``{"error", "hint"}``. The parent
(``assistant.inputs``) adds a wall-clock timeout; here we cap address space and CPU time so a
hostile file cannot take the app down with it.
"""

from __future__ import annotations

import io
import json
import os
import resource
import sys
from typing import Any

MAX_CHARS = 2_000_000


def _limit_resources() -> None:
    memory_mb = int(os.environ.get("ASSISTANT_PDF_MEMORY_MB", "768"))
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (10, 10))  # the parent stops waiting after 8 s


def extract(data: bytes, max_pages: int) -> dict[str, Any]:
    """Text of the PDF, or an error record. Pure apart from pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise FileNotDecryptedError("password required")
                warnings.append("the PDF was encrypted without a password; read it anyway")
            except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
                return {
                    "error": f"the PDF is password-protected ({exc})",
                    "hint": "remove the password (print to PDF) and upload it again",
                }
        pages = len(reader.pages)
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # hostile files raise anything; this process exists to absorb it
        return {
            "error": f"the file is not a readable PDF ({type(exc).__name__}: {exc})"[:300],
            "hint": "re-export the document as PDF, or paste its text",
        }
    if pages == 0:
        return {"error": "the PDF has no pages", "hint": "check the file"}
    if pages > max_pages:
        return {
            "error": f"the PDF has {pages:,} pages; the limit is {max_pages:,}",
            "hint": "upload only the relevant pages (e.g. the incident report)",
        }
    parts: list[str] = []
    total = 0
    failed = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except (RecursionError, MemoryError):
            raise
        except Exception:  # one bad page must not lose the others
            failed += 1
            continue
        parts.append(text)
        total += len(text)
        if total > MAX_CHARS:
            warnings.append("the PDF holds more text than the limit; the rest was skipped")
            break
    if failed:
        warnings.append(f"{failed} page(s) could not be read and were skipped")
    return {"text": "\n\n".join(parts), "pages": pages, "warnings": warnings}


def main() -> None:
    """Entry point: limits, read stdin, extract, print JSON."""
    _limit_resources()
    max_pages = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    data = sys.stdin.buffer.read()
    try:
        result = extract(data, max_pages)
    except MemoryError:
        result = {
            "error": "the PDF needs more memory than allowed to read",
            "hint": "the file may hold huge images or a compression bomb; paste the text instead",
        }
    except RecursionError:
        result = {
            "error": "the PDF's structure is nested too deeply to read safely",
            "hint": "re-export the document as PDF, or paste its text",
        }
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
