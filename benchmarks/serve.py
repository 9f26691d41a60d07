"""Start-up of the web app: ``interviewer serve`` until the page answers HTTP 200, and until
every model (SmolLM2, Whisper, the voice) has loaded in the background.

Run: .venv/bin/python benchmarks/serve.py [--runs 5]   (about a minute)
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_run(data_dir: Path) -> tuple[float, float]:
    from gradio_client import Client

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVIEWER_")}
    env["INTERVIEWER_DATA_DIR"] = str(data_dir)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
            if time.monotonic() - started > 60:
                raise TimeoutError("no HTTP 200 in 60 s")
        page = time.monotonic() - started
        client = Client(url, verbose=False)
        while "loading" in client.predict(api_name="/status")[0]:
            time.sleep(0.1)
        ready = time.monotonic() - started
    finally:
        proc.terminate()
        proc.wait(15)
    return page, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pages, readies = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            page, ready = one_run(Path(tmp) / f"run{i}")
            pages.append(page)
            readies.append(ready)
            print(f"run {i + 1}: HTTP 200 after {page:.2f} s, models ready after {ready:.2f} s")
    print(
        f"HTTP 200: median {statistics.median(pages):.2f} s, max {max(pages):.2f} s "
        f"(target < 10 s); models ready: median {statistics.median(readies):.2f} s, "
        f"max {max(readies):.2f} s"
    )


if __name__ == "__main__":
    main()
