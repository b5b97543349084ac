"""The seeded synthetic-ad generator and the committed dataset labelled_data/synthetic-v1.

Generation is the slow part (~1.5 s each), so records and written files are module-scoped fixtures and
the whole file runs four generations.
"""

from __future__ import annotations

import hashlib
import json
import pathlib
import re

import pytest
import yaml

from models.synth import (
    DEFAULT_SEED,
    GENERATOR_VERSION,
    generate,
    label_for,
    split_by_family,
    write_dataset,
)
from models.synth.compose import Context, build_context
from models.synth.contacts import contact_template
from models.synth.families import FAMILIES
from models.synth.generate import FILES, RECORD_KEYS
from models.synth.locales import LOCALES
from models.synth.phrases_en import ABROAD as EN_ABROAD
from models.synth.phrases_en import BANK as EN_BANK
from models.synth.phrases_es import ABROAD as ES_ABROAD
from models.synth.phrases_es import BANK as ES_BANK

REPO = pathlib.Path(__file__).resolve().parents[2]
COMMITTED = REPO / "labelled_data" / "synthetic-v1"
TAXONOMY = yaml.safe_load((REPO / "models" / "indicators" / "taxonomy.yaml").read_text(encoding="utf-8"))
WEIGHTS = {entry["code"]: entry["weight"] for entry in TAXONOMY["indicators"]}
OUTPUTS = (*FILES, "manifest.json")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return generate()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, pathlib.Path, dict]:
    first, second = tmp_path_factory.mktemp("synth-a"), tmp_path_factory.mktemp("synth-b")
    manifest = write_dataset(first)
    write_dataset(second, DEFAULT_SEED)
    return first, second, manifest


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_same_records(
    records: list[dict], written: tuple[pathlib.Path, pathlib.Path, dict]
) -> None:
    # write_dataset ran generate() again with the default seed: the records must come back identical.
    first, _, _ = written
    lines = [line for name in FILES for line in (first / name).read_text(encoding="utf-8").splitlines()]
    again = sorted((json.loads(line) for line in lines), key=lambda r: r["id"])
    assert again == records


def test_other_seed_other_records(records: list[dict]) -> None:
    other = generate(DEFAULT_SEED + 1)
    assert [r["text"] for r in other] != [r["text"] for r in records]


def test_write_dataset_is_byte_identical(written: tuple[pathlib.Path, pathlib.Path, dict]) -> None:
    first, second, _ = written
    for name in OUTPUTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_dataset_matches_generator(written: tuple[pathlib.Path, pathlib.Path, dict]) -> None:
    first, _, _ = written
    for name in OUTPUTS:
        committed = (COMMITTED / name).read_bytes()
        assert committed == (first / name).read_bytes(), f"{name} is stale: run `python -m models.synth`"


def test_manifest_describes_files(written: tuple[pathlib.Path, pathlib.Path, dict]) -> None:
    first, _, manifest = written
    assert json.loads((first / "manifest.json").read_text(encoding="utf-8")) == manifest
    assert manifest["generator_version"] == GENERATOR_VERSION
    assert manifest["seed"] == DEFAULT_SEED
    counts = manifest["counts"]
    for name, split in zip(FILES, ("train", "test"), strict=True):
        blob = (first / name).read_bytes()
        assert manifest["sha256"][name] == hashlib.sha256(blob).hexdigest()
        assert blob.count(b"\n") == counts["per_split"][split]["total"]
        assert b"\r" not in blob
    assert counts["total"] == counts["per_split"]["train"]["total"] + counts["per_split"]["test"]["total"]
    assert sum(counts["per_lang"].values()) == sum(counts["per_label"].values()) == counts["total"]
    assert sum(counts["per_family"].values()) == counts["total"]
    assert not set(manifest["families"]["train"]) & set(manifest["families"]["test"])


def test_jsonl_lines_keep_key_order_and_utf8(written: tuple[pathlib.Path, pathlib.Path, dict]) -> None:
    first, _, _ = written
    raw = (first / "train.jsonl").read_text(encoding="utf-8")
    assert "\\u00" not in raw and "ñ" in raw  # ensure_ascii=False
    for line in raw.splitlines()[:200]:
        assert list(json.loads(line)) == list(RECORD_KEYS)


# --- split -------------------------------------------------------------------------------------


def test_split_is_by_family_and_stratified(records: list[dict]) -> None:
    train, test = split_by_family(records)
    assert len(train) + len(test) == len(records)
    train_fams, test_fams = {r["family"] for r in train}, {r["family"] for r in test}
    assert not train_fams & test_fams
    assert 0.1 <= len(test_fams) / (len(train_fams) + len(test_fams)) <= 0.3
    for part in (train, test):
        assert {r["lang"] for r in part} == {"es", "en"}
        assert {r["label"] for r in part} == {0, 1}
        assert {(r["lang"], r["label"]) for r in part} == {("es", 0), ("es", 1), ("en", 0), ("en", 1)}
    assert split_by_family(records) == (train, test)


# --- content -----------------------------------------------------------------------------------


def test_size_and_shares(records: list[dict]) -> None:
    n = len(records)
    assert n >= 6000
    assert sum(r["lang"] == "es" for r in records) / n >= 0.40
    assert sum(r["label"] == 1 for r in records) / n >= 0.30
    assert len({r["family"] for r in records}) >= 60


def test_record_schema(records: list[dict]) -> None:
    for rec in records:
        assert tuple(rec) == RECORD_KEYS
        assert isinstance(rec["id"], str) and re.fullmatch(r"syn-v1-\d{6}", rec["id"])
        assert isinstance(rec["text"], str) and rec["text"].strip()
        assert isinstance(rec["title"], str) and rec["title"].strip()
        assert rec["text"].startswith(rec["title"] + "\n")
        assert rec["label"] in (0, 1) and type(rec["label"]) is int
        assert isinstance(rec["indicators"], list) and rec["indicators"] == sorted(set(rec["indicators"]))
        assert rec["lang"] in ("es", "en")
        assert rec["family"].startswith(f"{rec['lang']}-{'pos' if rec['label'] else 'neg'}-")
        assert rec["source"] == "synthetic"
        assert rec["generator_version"] == GENERATOR_VERSION
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)


def test_labels_follow_the_rule(records: list[dict]) -> None:
    for rec in records:
        assert set(rec["indicators"]) <= set(WEIGHTS), rec["indicators"]
        assert rec["label"] == label_for(rec["indicators"]), rec["id"]


def test_label_for_needs_a_combination() -> None:
    assert label_for([]) == 0
    assert label_for(["DEBT"]) == 0  # one strong indicator is not enough
    assert label_for(["DEBT", "DEBT"]) == 0  # duplicates count once
    assert label_for(["URGENCY", "MESSENGER_ONLY"]) == 0  # two weak ones weigh 2
    assert label_for(["DEBT", "URGENCY"]) == 1
    assert label_for(["URGENCY", "MESSENGER_ONLY", "VAGUE_EMPLOYER"]) == 1
    with pytest.raises(ValueError):
        label_for(["NOT_A_CODE", "DEBT"])


def test_hard_negatives_share_surface_features(records: list[dict]) -> None:
    neg = [r for r in records if r["label"] == 0]
    pos = [r for r in records if r["label"] == 1]
    assert sum(bool(r["indicators"]) for r in neg) / len(neg) >= 0.3
    for part in (neg, pos):
        assert sum(bool(re.search(r"whats|wa\.me|wsp|wpp", r["text"], re.I)) for r in part) / len(part) > 0.15
        assert sum("@" in r["text"] for r in part) / len(part) > 0.15


def test_no_template_leftovers(records: list[dict]) -> None:
    for rec in records:
        assert not re.search(r"[{}\x01\x02]", rec["text"]), rec["id"]


def test_contacts_are_fake(records: list[dict]) -> None:
    allowed = (
        "gmail.com",
        "hotmail.com",
        "outlook.com",
        "yahoo.com",
        "example.com",
        "example.org",
        "mail.test",
    )
    allowed += ("correo.test",)
    for rec in records:
        for domain in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", rec["text"]):
            domain = domain.lower()
            assert domain in allowed or domain.endswith(".example"), (rec["id"], domain)


def test_every_template_renders() -> None:
    """Rare texts are formatted too, so a typo in a {field} fails here rather than in a future seed."""
    import random

    rng = random.Random(0)
    banks = {"es": (ES_BANK, ES_ABROAD, EN_BANK), "en": (EN_BANK, EN_ABROAD)}
    for fam in FAMILIES:
        for locale in LOCALES[fam.lang]:
            ctx = build_context(fam, rng, locale)
            assert isinstance(ctx, Context)
            entries = [*fam.titles, *fam.intros, *fam.details, *fam.closers]
            entries += [e for group in fam.phrases.values() for e in group]
            entries += [e for bank in banks[fam.lang] for group in bank.values() for e in group]
            for entry in entries:
                assert "{" not in entry.text.format_map(ctx), (fam.name, entry.text)
            for messenger_only in (False, True):
                for _ in range(30):
                    contact_template(rng, fam.lang, fam.contact, messenger_only).format_map(ctx)


# --- synthetic-v2: the same ads under the severity rule ------------------------------------------

COMMITTED_V2 = REPO / "labelled_data" / "v2" / "synthetic"


def test_committed_v2_matches_generator(tmp_path: pathlib.Path) -> None:
    manifest = write_dataset(tmp_path, DEFAULT_SEED, "v2")
    assert manifest["dataset"] == "synthetic-v2"
    for name in OUTPUTS:
        committed = (COMMITTED_V2 / name).read_bytes()
        assert committed == (tmp_path / name).read_bytes(), f"{name} is stale: run `baliza data generate`"


def test_v2_relabels_decisive_singles_and_nothing_else(tmp_path: pathlib.Path) -> None:
    """Only 0 -> 1 flips, each explained by a decisive code or LIVE_IN_ISOLATION (weak in v1, strong now)."""
    from models.indicators.taxonomy import decisive_codes

    write_dataset(tmp_path, DEFAULT_SEED, "v2")
    v2 = [
        json.loads(line)
        for name in FILES
        for line in (tmp_path / name).read_text(encoding="utf-8").splitlines()
    ]
    v1 = {r["id"].rsplit("-", 1)[1]: r for r in generate()}
    flipped = 0
    for row in v2:
        old = v1[row["id"].rsplit("-", 1)[1]]
        assert row["text"] == old["text"] and row["family"] == old["family"]
        if row["label"] != old["label"]:
            flipped += 1
            assert old["label"] == 0 and row["label"] == 1
            assert set(row["indicators"]) & (decisive_codes() | {"LIVE_IN_ISOLATION"})
    assert flipped > 0
