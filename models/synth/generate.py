"""Generate the synthetic dataset, split it by family and write it byte for byte reproducibly.

Reproducibility rules: only ``random.Random`` instances seeded from ``seed`` and a fixed string (never
the global generator, ``hash()``, set order or time), families in registry order, records serialised
with a fixed key order and ``\\n`` line ends. Each family has its own generator, so editing one family
leaves every other family's ads unchanged.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import random

from models.indicators.taxonomy import label_v2

from .compose import render_ad
from .families import BY_NAME, FAMILIES

GENERATOR_VERSION = "synth-1.0.0"
DEFAULT_SEED = 20261123
DATASET_NAME = "synthetic-v1"
#: synthetic-v2: the same ads, split and families, labelled by the v2 (severity) rule.
V2 = {"dataset": "synthetic-v2", "generator_version": "synth-2.0.0", "id_prefix": "syn-v2-"}
TEST_SHARE = 0.2
RECORD_KEYS = ("id", "text", "title", "label", "indicators", "lang", "family", "source", "generator_version")
FILES = ("train.jsonl", "test.jsonl")


def generate(seed: int = DEFAULT_SEED) -> list[dict]:
    """Every record of the dataset, deterministic in ``seed``; exact duplicate texts are re-drawn."""
    drafts = []
    seen: set[str] = set()  # membership test only, never iterated
    for fam in FAMILIES:
        rng = random.Random(f"{seed}:{fam.name}")
        made = tries = 0
        while made < fam.count:
            tries += 1
            if tries > fam.count * 20:
                raise RuntimeError(f"{fam.name}: too many duplicate ads")
            ad = render_ad(fam, rng)
            text = f"{ad.title}\n{ad.body}"
            if text in seen:
                continue
            seen.add(text)
            drafts.append((fam, ad, text))
            made += 1
    random.Random(f"{seed}:order").shuffle(drafts)
    records = []
    for i, (fam, ad, text) in enumerate(drafts, start=1):
        values = (
            f"syn-v1-{i:06d}",
            text,
            ad.title,
            fam.label,
            list(ad.indicators),
            fam.lang,
            fam.name,
            "synthetic",
            GENERATOR_VERSION,
        )
        records.append(dict(zip(RECORD_KEYS, values, strict=True)))
    return records


def _stratum(name: str, lang: str, label: int) -> tuple[str, int, str]:
    fam = BY_NAME.get(name)
    return (lang, label, fam.group if fam else "other")


def split_by_family(records: list[dict], seed: int = DEFAULT_SEED) -> tuple[list[dict], list[dict]]:
    """Split into (train, test) by family: ~20 % of the families of each (language, label, kind) go to test.

    Whole families are held out so that test measures generalisation to unseen ad frames; strata with
    at least two families send at least one to each side, so both splits hold both languages and labels.
    """
    strata: dict[tuple[str, int, str], list[str]] = {}
    for rec in records:
        key = _stratum(rec["family"], rec["lang"], rec["label"])
        names = strata.setdefault(key, [])
        if rec["family"] not in names:
            names.append(rec["family"])
    rng = random.Random(f"{seed}:split")
    test_families: list[str] = []
    for key in sorted(strata):
        names = sorted(strata[key])
        rng.shuffle(names)
        if len(names) >= 2:
            test_families.extend(names[: max(1, round(len(names) * TEST_SHARE))])
    held_out = frozenset(test_families)
    train = [rec for rec in records if rec["family"] not in held_out]
    test = [rec for rec in records if rec["family"] in held_out]
    return train, test


def relabel_v2(records: list[dict]) -> list[dict]:
    """The same ads under the v2 rule (severity points: one decisive indicator is enough), new ids.

    Only labels, ids and the generator version change, so the v1 and v2 files stay comparable row
    by row (`syn-v1-000123` is `syn-v2-000123`) and the family split is the v1 split.
    """
    return [
        {
            **rec,
            "id": V2["id_prefix"] + rec["id"].rsplit("-", 1)[1],
            "label": label_v2(rec["indicators"]),
            "generator_version": V2["generator_version"],
        }
        for rec in records
    ]


def to_jsonl(records: list[dict]) -> bytes:
    """Serialise records one per line, keys in schema order, UTF-8, ``\\n`` line ends."""
    lines = [json.dumps({key: rec[key] for key in RECORD_KEYS}, ensure_ascii=False) for rec in records]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _counts(records: list[dict]) -> dict:
    per_family: dict[str, int] = {}
    for rec in records:
        per_family[rec["family"]] = per_family.get(rec["family"], 0) + 1
    return {
        "total": len(records),
        "per_lang": {lang: sum(r["lang"] == lang for r in records) for lang in ("es", "en")},
        "per_label": {str(lab): sum(r["label"] == lab for r in records) for lab in (0, 1)},
        "per_family": dict(sorted(per_family.items())),
    }


def build_manifest(
    seed: int, train: list[dict], test: list[dict], blobs: dict[str, bytes], rule: str = "v1"
) -> dict:
    """The manifest: version, seed, counts overall and per split, file hashes, families per split."""
    everything = train + test
    counts = _counts(everything)
    counts["per_split"] = {
        name: {k: v for k, v in _counts(part).items() if k != "per_family"}
        for name, part in (("train", train), ("test", test))
    }
    families = {
        name: sorted({r["family"] for r in part}) for name, part in (("train", train), ("test", test))
    }
    info = {
        name: {
            "lang": fam.lang,
            "label": fam.label,
            "kind": fam.group,
            "split": "test" if name in families["test"] else "train",
        }
        for name, fam in sorted(BY_NAME.items())
    }
    return {
        "dataset": DATASET_NAME if rule == "v1" else V2["dataset"],
        "generator_version": GENERATOR_VERSION if rule == "v1" else V2["generator_version"],
        **(
            {"labelling_rule": "v2 (severity points; models.indicators.taxonomy.label_v2)"}
            if rule == "v2"
            else {}
        ),
        "seed": seed,
        "record_keys": list(RECORD_KEYS),
        "counts": counts,
        "sha256": {name: hashlib.sha256(blob).hexdigest() for name, blob in blobs.items()},
        "families": families,
        "family_info": info,
    }


def write_dataset(out_dir: pathlib.Path, seed: int = DEFAULT_SEED, rule: str = "v1") -> dict:
    """Write train.jsonl, test.jsonl and manifest.json into ``out_dir``; return the manifest.

    `rule` "v1" labels by combinations only (synthetic-v1); "v2" relabels the same split by severity.
    """
    if rule not in ("v1", "v2"):
        raise ValueError(f"rule must be v1 or v2, not {rule!r}")
    out_dir = pathlib.Path(out_dir)
    train, test = split_by_family(generate(seed), seed)
    if rule == "v2":
        train, test = relabel_v2(train), relabel_v2(test)
    blobs = dict(zip(FILES, (to_jsonl(train), to_jsonl(test)), strict=True))
    manifest = build_manifest(seed, train, test, blobs, rule)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, blob in blobs.items():
        (out_dir / name).write_bytes(blob)
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out_dir / "manifest.json").write_bytes(text.encode("utf-8"))
    return manifest
