"""Start-up of the web app: ``interviewer serve`` until the page answers HTTP 200, and until
every model (SmolLM2, Whisper, the voice) has loaded in the background.

Run: .venv/bin/python benchmarks/serve.py [--runs 5]   (about a minute)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from gradio_client import Client

from interviewer.devtools.launch import running_app


def one_run(data_dir: Path) -> tuple[float, float]:
    """Seconds to HTTP 200, and to every provider ready, from the process start."""
    with running_app(data_dir) as app:
        client = Client(app.url, verbose=False)
        while "loading" in client.predict(api_name="/status")[0]:
            time.sleep(0.1)
        return app.seconds_to_200, time.monotonic() - app.started


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
