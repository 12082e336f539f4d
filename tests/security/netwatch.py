"""Record (and refuse) every network attempt of a process tree, through Python audit hooks.

``install(log)`` adds an audit hook that sees ``socket.connect``, ``socket.connect_ex``,
``socket.getaddrinfo``, ``socket.gethostbyname``, ``socket.sendto``/``sendmsg`` and
``urllib.Request`` in this interpreter. An attempt towards anything but loopback (or a Unix
socket) is written to ``log`` as one JSON line and refused with ``OSError``. ``sitecustomize_dir``
writes a ``sitecustomize.py`` that installs the same hook in every Python child process that
has the directory on its path (the PDF reader, the Streamlit script runner's helpers ...).
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from typing import Any

LOOPBACK = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "", None}
_EVENTS = {
    "socket.connect",
    "socket.connect_ex",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "urllib.Request",
}


def _host(event: str, args: tuple[Any, ...]) -> tuple[str | None, bool]:
    """(host, is_local) for one audited event."""
    if event in ("socket.connect", "socket.connect_ex", "socket.sendto", "socket.sendmsg"):
        sock, address = args[0], args[1] if len(args) > 1 else None
        family = getattr(sock, "family", None)
        if family == getattr(socket, "AF_UNIX", object()):
            return str(address), True
        host = address[0] if isinstance(address, tuple) and address else None
        host = host.decode() if isinstance(host, bytes) else host
        return host, host in LOOPBACK or str(host).startswith("127.")
    if event == "urllib.Request":
        from urllib.parse import urlparse

        host = urlparse(str(args[0])).hostname
        return host, host in LOOPBACK or str(host).startswith("127.")
    host = args[0]
    host = host.decode() if isinstance(host, bytes) else host
    return host, host in LOOPBACK or str(host).startswith("127.")


def install(log: Path) -> None:
    """Record every network attempt of this process in ``log``; refuse non-loopback ones."""
    pid = os.getpid()

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in _EVENTS:
            return
        host, local = _host(event, args)
        if local:
            return
        with log.open("a") as out:
            out.write(json.dumps({"pid": pid, "event": event, "host": str(host),
                                  "argv": sys.argv[:3]}) + "\n")  # fmt: skip
        raise OSError(f"network access to {host} refused by the offline test ({event})")

    sys.addaudithook(hook)


def sitecustomize_dir(folder: Path, log: Path) -> Path:
    """A directory whose ``sitecustomize.py`` installs the hook in any Python started with it
    on ``PYTHONPATH``."""
    folder.mkdir(parents=True, exist_ok=True)
    here = Path(__file__).resolve().parents[2]
    (folder / "sitecustomize.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(here)!r})\n"
        "from pathlib import Path\n"
        "from tests.security.netwatch import install\n"
        f"install(Path({str(log)!r}))\n"
    )
    return folder


def attempts(log: Path) -> list[dict[str, Any]]:
    """The refused attempts recorded so far."""
    if not log.is_file():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
