"""Which model a command uses: `--model` → `BALIZA_MODEL` → the promoted model → the shipped default.

A value is a model directory path or a version in the data dir's registry
(`<data dir>/models/<version>/`). The shipped default lives in the repository (`models/default/`),
so a fresh, empty data dir scores at once and nothing ever trains on first use.
"""

from __future__ import annotations

from pathlib import Path

from baliza.errors import InputError

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "default"
PROMOTED_FILE = "PROMOTED"


def registry_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "models"


def resolve_model(explicit: str | None, from_env: str | None, data_dir: Path) -> Path:
    for value in (explicit, from_env):
        if value:
            return _lookup(value, data_dir)
    promoted = registry_dir(data_dir) / PROMOTED_FILE
    if promoted.is_file():
        return _lookup(promoted.read_text(encoding="utf-8").strip(), data_dir)
    if not (DEFAULT_MODEL_DIR / "manifest.json").is_file():
        raise InputError(f"the shipped default model is missing at {DEFAULT_MODEL_DIR} (make default-model)")
    return DEFAULT_MODEL_DIR


def _lookup(value: str, data_dir: Path) -> Path:
    path = Path(value).expanduser()
    if (path / "manifest.json").is_file():
        return path
    versioned = registry_dir(data_dir) / value
    if "/" not in value and (versioned / "manifest.json").is_file():
        return versioned
    raise InputError(
        f"unknown model {value!r}: not a model directory nor a version in {registry_dir(data_dir)}"
    )
