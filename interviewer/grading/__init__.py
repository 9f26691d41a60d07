"""Grading: rubrics as data, deterministic signals, an optional LLM judge, reports."""
