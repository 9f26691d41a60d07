"""The built-in rubrics, shipped as interviewer.bundled.rubrics (see pyproject.toml)."""
