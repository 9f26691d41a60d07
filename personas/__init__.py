"""The built-in personas, shipped as interviewer.bundled.personas (see pyproject.toml)."""
