"""The built-in evals, shipped as interviewer.bundled.evals (see pyproject.toml)."""
