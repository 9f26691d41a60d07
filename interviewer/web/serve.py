"""Start the web app: loopback by default, sign-in required to listen anywhere else."""

from __future__ import annotations

import ipaddress
import os

from ..errors import ConfigError
from ..settings import Settings

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}
MAX_UPLOAD = "200mb"  # a 30-minute answer as WAV is about 110 MB


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_auth(settings: Settings) -> list[tuple[str, str]]:
    """``INTERVIEWER_AUTH='alice:pw1,bob:pw2'`` as (user, password) pairs."""
    if settings.auth is None:
        return []
    pairs = []
    for item in settings.auth.get_secret_value().split(","):
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            raise ConfigError(
                "each entry must be user:password (entries separated by commas)",
                field="INTERVIEWER_AUTH",
            )
        pairs.append((user, password))
    return pairs


def check_exposure(host: str, share: bool, auth: list[tuple[str, str]]) -> None:
    """Refuse to expose interviews (voices, CVs, transcripts) without sign-in."""
    if (share or not is_loopback(host)) and not auth:
        where = "through a public share link" if share else f"on {host}"
        raise ConfigError(
            f"refusing to serve {where} without sign-in: set INTERVIEWER_AUTH="
            "'user:password[,user2:password2]' (or listen on 127.0.0.1, the default)",
            field="INTERVIEWER_AUTH",
        )


def serve(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    share: bool = False,
) -> None:
    host = host or settings.host
    port = settings.port if port is None else port
    auth = parse_auth(settings)
    check_exposure(host, share, auth)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home, ever

    from ..app.services import Services
    from .signin import ThrottledSignIn
    from .ui import CSS, build_app, theme
    from .views import COUNTDOWN_JS

    services = Services(settings)
    services.load_in_background()
    demo = build_app(services)
    demo.queue(default_concurrency_limit=settings.web_concurrency)
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    _app, local_url, share_url = demo.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=ThrottledSignIn(auth) if auth else None,
        auth_message="Sign in to practise." if auth else None,
        # No allowed_paths: the data directory is never served by path (see
        # Services.deliver); the browser gets copies of its own user's files only.
        blocked_paths=[str(data_dir / "audio"), str(data_dir / "reports")],
        footer_links=["api"],
        max_file_size=MAX_UPLOAD,  # recordings and CVs; Gradio refuses bigger ones clearly
        quiet=True,
        prevent_thread_lock=True,
        theme=theme(),
        css=CSS,
        head=COUNTDOWN_JS,
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
    )
    shown = local_url.replace("0.0.0.0", "127.0.0.1")
    print(
        f"interviewer: open {shown} "
        f"({'sign-in on' if auth else 'this machine only'}; models load in the background)"
        + (f"; public link: {share_url}" if share_url else ""),
        flush=True,
    )
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        demo.close()
