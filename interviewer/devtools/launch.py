"""Start ``interviewer serve`` as a user would, a subprocess on 127.0.0.1: for the API,
browser, crash and load tests and the benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data_dir: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVIEWER_")}
    env.update(
        INTERVIEWER_DATA_DIR=str(data_dir),
        GRADIO_ANALYTICS_ENABLED="False",
        GRADIO_TEMP_DIR=str(data_dir / "gradio-tmp"),
        **extra,
    )
    return env


def wait_http_200(url: str, timeout: float, proc: subprocess.Popen | None = None) -> float:
    """Seconds until ``url`` answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer 200 in {timeout} s")


class Server:
    """A running app: ``url``, the seconds it took to answer 200, its log file."""

    def __init__(self, proc: subprocess.Popen, url: str, seconds: float, log: Path, started: float):
        self.proc, self.url, self.seconds_to_200, self.log = proc, url, seconds, log
        self.started = started  # time.monotonic() when the process was started

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as a crash or an OOM kill."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")


PORT_TAKEN = "Cannot find empty port"


def _start(data_dir: Path, args: tuple[str, ...], timeout: float, env: dict):
    """One try: the process, its URL, the seconds to 200 and its log. A port that another
    process took between ``free_port`` and the bind gives ``None`` (the caller tries again)."""
    port = free_port()
    log = data_dir / f"serve-{port}.log"
    started = time.monotonic()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "interviewer", "serve", "--port", str(port), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=server_env(data_dir, **env),
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        seconds = wait_http_200(url, timeout, proc)
    except (RuntimeError, TimeoutError) as e:
        _stop(proc)
        output = log.read_text(errors="replace")
        if PORT_TAKEN in output:
            return None
        raise RuntimeError(f"{e}; server log:\n{output}") from e
    return Server(proc, url, seconds, log, started)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def running_app(data_dir: Path, *args: str, timeout: float = 60, **env: str):
    """``python -m interviewer serve --port P ARGS`` until the block ends."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        server = _start(data_dir, args, timeout, env)
        if server is not None:
            break
    else:
        raise RuntimeError("three free ports in a row were taken before the server bound them")
    try:
        yield server
    finally:
        _stop(server.proc)
