"""Local Prefect servers in subprocesses, for when no PREFECT_API_URL is set.

`temporary_api_server`: the temporary server of one `eventpipe run`. `local_prefect_server`: a
full server for `eventpipe serve`, because schedules need Prefect's scheduler service, which the
temporary server does not run ("Cannot schedule flows on an ephemeral server"); it is a real
`prefect server start` on a free loopback port for as long as `serve` runs.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from eventpipe.errors import EventpipeError

logger = logging.getLogger(__name__)

STARTUP_TIMEOUT_SECONDS = 90.0
# A run waits for its temporary server: polling often returns the moment it answers (a /health
# probe costs the server about a millisecond).
HEALTH_POLL_SECONDS = 0.1
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """`preexec_fn` of a server: the kernel sends it SIGTERM when its parent dies, even by
    SIGKILL (Linux prctl PR_SET_PDEATHSIG), so a killed `eventpipe run` leaves no orphan."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def start_server(command: list[str], env: Mapping[str, str], stdout: object,
                 stderr: object = None) -> subprocess.Popen[bytes]:
    """Start a server in its own process group, tied to this process's life (die_with_parent)."""
    return subprocess.Popen(command, env=dict(env), stdout=stdout, stderr=stderr,
                            start_new_session=True, preexec_fn=die_with_parent)


def stop_server(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM to the server's whole process group, SIGKILL if it lingers."""
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _signal_group(process, signal.SIGKILL)
        process.wait()
    _signal_group(process, signal.SIGKILL)  # helpers it started, if any outlived it


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def local_prefect_server(port: int | None = None, env: Mapping[str, str] | None = None,
                         log_file: Path | None = None,
                         timeout: float = STARTUP_TIMEOUT_SECONDS, ui: bool = False) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1 and yield its API URL once it is healthy.

    `env` replaces the subprocess environment (e.g. to give it its own PREFECT_HOME); `ui`
    serves Prefect's web UI at the URL without `/api`. The server runs in its own session, so a
    Ctrl-C in the terminal reaches only us, and we stop it.
    """
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
               "--port", str(port)]
    child_env = {**(env if env is not None else os.environ), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                 "PREFECT_UI_ENABLED": "true" if ui else "false"}
    child_env.pop("PREFECT_API_URL", None)
    output = log_file.open("ab") if log_file else subprocess.DEVNULL
    process = start_server(command, child_env, output, subprocess.STDOUT)
    try:
        wait_until_healthy(api_url, process, timeout)
        logger.info("local Prefect server at %s (pid %d)", api_url, process.pid)
        yield api_url
    finally:
        stop_server(process, timeout=10)
        if log_file:
            output.close()


def wait_until_healthy(api_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll `<api_url>/health` until it answers 200; raise if the server dies or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise EventpipeError(f"the local Prefect server exited with code {process.returncode}",
                                 hint="run `prefect server start` yourself to see why")
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(HEALTH_POLL_SECONDS)
    raise EventpipeError(f"the local Prefect server did not answer within {timeout:.0f} s")


@contextmanager
def temporary_api_server(
        timeout: float = STARTUP_TIMEOUT_SECONDS) -> Iterator[tuple[str, Callable[[], None]]]:
    """Prefect's temporary local server, started *now* so it boots while the caller imports.

    Prefect starts the same server (its API app under uvicorn, UI off, ephemeral services) on
    the first API call of a flow run; for `eventpipe run` that is after ~1.5 s of imports, and
    the server then needs ~3-4 s more. Starting it first overlaps the two. Yields the API URL
    (set PREFECT_API_URL to it before importing Prefect) and a `wait()` to call before the flow.
    """
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    command = [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    process = start_server(command, env, subprocess.DEVNULL)
    try:
        yield api_url, lambda: wait_until_healthy(api_url, process, timeout)
    finally:
        stop_server(process, timeout=5)
