"""The web app: ``python app.py`` is the same as ``interviewer serve``.

Settings come from ``INTERVIEWER_*`` variables (see the README)."""

from interviewer.settings import Settings
from interviewer.web.serve import serve

if __name__ == "__main__":
    serve(Settings())
