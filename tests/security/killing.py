"""Run a Python snippet in a child process and SIGKILL it at a chosen moment.

The child prints ``START`` when its imports are done and ``DONE`` when its work is finished;
``time_child`` measures how long the work takes, ``kill_after`` kills a fresh child that many
seconds after its ``START`` (a real kill: no cleanup, no ``finally``, no atexit).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _spawn(code: str, args: list[str]) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _await_start(proc: subprocess.Popen[str], timeout: float = 120.0) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("START"):
            return
        if not line and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"child exited before START: {err[-2000:]}")
    raise AssertionError("child did not start in time")


def time_child(code: str, args: list[str], timeout: float = 300.0) -> float:
    """Seconds from the child's START to its exit (it must finish cleanly)."""
    proc = _spawn(code, args)
    _await_start(proc)
    started = time.monotonic()
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-2000:]
    assert "DONE" in out, out[-500:]
    return time.monotonic() - started


def kill_after(code: str, args: list[str], delay_s: float) -> bool:
    """Start the child, SIGKILL it ``delay_s`` after START; True if it was still running."""
    proc = _spawn(code, args)
    _await_start(proc)
    time.sleep(delay_s)
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    if alive:
        assert proc.returncode == -signal.SIGKILL
    return alive


def run_child(
    code: str, args: list[str], timeout: float = 120.0
) -> subprocess.CompletedProcess[str]:
    """Run the child to its end (it may kill itself) and return what happened."""
    proc = _spawn(code, args)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
