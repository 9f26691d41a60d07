"""The use cases, once: what the terminal (``cli.py``) and the web app (``web/``) both do
with a session (start, answer, end, report, history, delete), over the shared services."""
