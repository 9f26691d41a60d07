"""Tools for developing and measuring the app, not used by it: an OpenAI-compatible server
that fails on purpose (``fault_server``), the web app started in-process for tests and
benchmarks (``launch``), and a load test over its HTTP API (``loadtest``)."""
