"""The model registry: `<data dir>/models/<version>/`, one model directory per version, and a
`PROMOTED` file naming the version the service and the CLI use when nothing else is asked for.

Why copies and not links: a registered model must not change under the service when someone edits
or deletes the directory it was trained into; the version (a hash of spec, data and rules) names
the content, so adding the same model twice is a no-op and a different model under a taken version
is refused. Every entry keeps its model card (`README.md`), rendered from its manifest.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from baliza.errors import InputError
from models.card import render_card
from models.resolve import PROMOTED_FILE, registry_dir, resolve_model

# The file names of `models.modeldir`, repeated so that listing the registry does not import skops
# and scikit-learn (seconds per command); a test checks they agree.
MANIFEST_FILE, HEAD_FILE, CARD_FILE = "manifest.json", "head.skops", "README.md"
KEY_METRICS = ("pr_auc", "roc_auc", "precision", "recall")


@dataclass(frozen=True)
class Entry:
    """One registered model as `baliza models list` shows it."""

    version: str
    path: Path
    manifest: dict
    created: str  # ISO 8601 UTC: when the head was written (training or registration)
    promoted: bool

    def summary(self) -> dict:
        oof = (self.manifest.get("metrics") or {}).get("out_of_fold") or {}
        return {
            "version": self.version,
            "created": self.created,
            "kind": self.manifest.get("kind"),
            "encoder": self.manifest.get("encoder"),
            "promoted": self.promoted,
            "threshold": self.manifest.get("threshold"),
            "out_of_fold": {k: oof.get(k) for k in KEY_METRICS},
            "evaluations": sorted((self.manifest.get("evaluations") or {}).keys()),
            "training_files": [d.get("file") for d in self.manifest.get("data", [])],
            "path": str(self.path),
        }


def promoted_version(data_dir: Path) -> str | None:
    marker = registry_dir(data_dir) / PROMOTED_FILE
    if not marker.is_file():
        return None
    return marker.read_text(encoding="utf-8").strip() or None


def _read_manifest(path: Path) -> dict:
    try:
        return json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path / MANIFEST_FILE}: unreadable manifest ({exc})") from None


def _created(path: Path) -> str:
    stamp = (path / HEAD_FILE).stat().st_mtime if (path / HEAD_FILE).exists() else path.stat().st_mtime
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entries(data_dir: Path) -> list[Entry]:
    """Registered models, oldest first (directories without a manifest are not models and are skipped)."""
    root = registry_dir(data_dir)
    if not root.is_dir():
        return []
    current = promoted_version(data_dir)
    found = []
    for path in sorted(p for p in root.iterdir() if (p / MANIFEST_FILE).is_file()):
        manifest = _read_manifest(path)
        version = manifest.get("model_version") or path.name
        found.append(Entry(version, path, manifest, _created(path), path.name == current))
    found.sort(key=lambda e: (e.created, e.version))
    return found


def get(value: str, data_dir: Path) -> Entry:
    """A version in the registry or any model directory (`baliza models show` accepts both)."""
    path = resolve_model(value, None, data_dir)
    manifest = _read_manifest(path)
    version = manifest.get("model_version") or path.name
    inside = path.resolve().parent == registry_dir(data_dir).resolve()
    return Entry(version, path, manifest, _created(path), inside and path.name == promoted_version(data_dir))


def card(entry: Entry) -> str:
    """The entry's model card; rendered from the manifest when the file is missing."""
    path = entry.path / CARD_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else render_card(entry.manifest)


def _same_model(a: Path, b: Path) -> bool:
    return all(
        (a / name).is_file() and (b / name).is_file() and filecmp.cmp(a / name, b / name, shallow=False)
        for name in (MANIFEST_FILE, HEAD_FILE)
    )


def _checked_manifest(path: Path) -> dict:
    """The manifest of a model directory that passes every check `load_model` makes (skops
    allow-list, head shape); nothing is bound to an encoder, since the registry never scores.

    Imported here for speed (no circle): skops and scikit-learn take seconds to import, which
    listing versions and reading cards never need.
    """
    from models.modeldir import read_model

    return read_model(path)[0]


def add(source: Path, data_dir: Path) -> tuple[Entry, bool]:
    """Copy a model directory into the registry under its version; returns (entry, newly added).

    The head is loaded first with the skops allow-list, so nothing unloadable gets registered.
    """
    source = Path(source)
    manifest = _checked_manifest(source)
    version = manifest["model_version"]
    if not version or "/" in version or version.startswith("."):
        raise InputError(f"{source}: model_version {version!r} cannot name a registry directory")
    root = registry_dir(data_dir)
    target = root / version
    if target.exists():
        if target.resolve() == source.resolve() or _same_model(source, target):
            return get(version, data_dir), False
        raise InputError(f"registry already holds a different model under version {version} ({target})")
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=root))
    try:
        for item in source.iterdir():
            if item.is_file():
                shutil.copy2(item, staging / item.name)
        if not (staging / CARD_FILE).is_file():
            (staging / CARD_FILE).write_text(render_card(manifest), encoding="utf-8")
        os.replace(staging, target)  # atomic: a reader sees no half-copied version
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return get(version, data_dir), True


def promote(version: str, data_dir: Path) -> tuple[str | None, str]:
    """Write `PROMOTED` (atomically); returns (previously promoted version, new one)."""
    root = registry_dir(data_dir)
    if "/" in version or not (root / version / MANIFEST_FILE).is_file():
        raise InputError(
            f"unknown version {version!r} in {root} (register a model directory first: baliza models add DIR)"
        )
    _checked_manifest(root / version)  # refuse to promote what the service could not load
    previous = promoted_version(data_dir)
    handle, tmp = tempfile.mkstemp(prefix=".PROMOTED-", dir=root)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(version + "\n")
    os.replace(tmp, root / PROMOTED_FILE)
    return previous, version
