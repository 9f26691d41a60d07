"""The default model's file: joined from registry packages never imported, and checked."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interviewer.errors import ProviderError
from interviewer.llm.bundled import MODELS, QWEN_CODER_05B, BundledModel, file_sha256, model_path


def _fake_distribution(site: Path, name: str, chunks: dict[str, bytes]) -> None:
    """An installed distribution (dist-info + RECORD) carrying data chunks, as pip lays it."""
    package = name.replace("-", "_")
    (site / package / "data").mkdir(parents=True)
    (site / package / "__init__.py").write_text("raise RuntimeError('never import me')\n")
    record = [f"{package}/__init__.py,,"]
    for file_name, data in chunks.items():
        (site / package / "data" / file_name).write_bytes(data)
        record.append(f"{package}/data/{file_name},,")
    info = site / f"{package}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "RECORD").write_text("\n".join(record) + "\n")


@pytest.fixture
def split_model(tmp_path, monkeypatch):
    """A small model split over two fake packages, with its true sha256 pinned."""
    site = tmp_path / "site"
    first, second = b"GGUF" + bytes(range(256)) * 40, bytes(reversed(range(256))) * 40
    _fake_distribution(site, "fake-model-part1", {"part01.bin": first})
    _fake_distribution(site, "fake-model-part2", {"part02.bin": second})
    monkeypatch.syspath_prepend(str(site))
    model = BundledModel(
        name="fake",
        title="Fake model",
        licence="none",
        packages=("fake-model-part1", "fake-model-part2"),
        pattern=r"^fake_model_part\d/data/part\d+\.bin$",
        file_name="fake.gguf",
        sha256=hashlib.sha256(first + second).hexdigest(),
    )
    return model, site


def test_the_chunks_are_joined_in_order_and_checked(split_model, tmp_path):
    model, _ = split_model
    path = model_path(model, tmp_path / "cache")
    assert path == tmp_path / "cache" / "fake.gguf"
    assert file_sha256(path) == model.sha256
    assert "fake_model_part1" not in sys.modules and "fake_model_part2" not in sys.modules


def test_a_corrupted_chunk_is_a_clear_error_naming_the_packages(split_model, tmp_path):
    model, site = split_model
    chunk = site / "fake_model_part2" / "data" / "part02.bin"
    data = bytearray(chunk.read_bytes())
    data[100] ^= 0xFF
    chunk.write_bytes(bytes(data))
    with pytest.raises(ProviderError) as caught:
        model_path(model, tmp_path / "cache")
    message = str(caught.value)
    assert "failed its integrity check" in message
    assert "fake-model-part1, fake-model-part2" in message
    assert "pip install --force-reinstall" in message
    assert not (tmp_path / "cache" / "fake.gguf").exists()  # nothing half-made is kept
    assert list((tmp_path / "cache").glob("*.part")) == []


def test_a_damaged_cached_file_is_rebuilt_from_the_packages(split_model, tmp_path):
    model, _ = split_model
    path = model_path(model, tmp_path / "cache")
    path.write_bytes(b"tampered")
    assert file_sha256(model_path(model, tmp_path / "cache")) == model.sha256


def test_a_missing_package_is_named(tmp_path):
    model = BundledModel(
        name="gone",
        title="Gone model",
        licence="none",
        packages=("no-such-model-part1",),
        pattern=r"\.bin$",
        file_name="gone.gguf",
        sha256="0" * 64,
    )
    with pytest.raises(ProviderError, match="package 'no-such-model-part1' is missing"):
        model_path(model, tmp_path)


def test_the_default_model_is_qwen_and_its_packages_are_never_imported(tmp_path):
    """The real packages: joined into a fresh cache, hash pinned, none of their modules run."""
    assert MODELS["qwen2.5-coder-0.5b"] is QWEN_CODER_05B
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from interviewer.llm.bundled import QWEN_CODER_05B, file_sha256, model_path
        path = model_path(QWEN_CODER_05B, Path({str(tmp_path)!r}))
        assert file_sha256(path) == QWEN_CODER_05B.sha256
        print(path.stat().st_size)
        print(sorted(m for m in sys.modules if m.startswith("pandas_sns")))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    size, imported = out.stdout.split("\n")[:2]
    assert int(size) > 400_000_000 and imported == "[]"


def test_a_cache_folder_that_is_a_file_is_a_clear_error(split_model, tmp_path):
    model, _ = split_model
    taken = tmp_path / "not-a-folder"
    taken.write_text("x")
    with pytest.raises(ProviderError, match="INTERVIEWER_MODEL_CACHE"):
        model_path(model, taken)
