"""interviewer: a mock-interview simulator with an LLM interviewer.

Nothing is loaded at import time: models, databases and personas are opened
by the code that needs them.
"""

__version__ = "0.1.0"
