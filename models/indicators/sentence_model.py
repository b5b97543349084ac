"""A sentence-level indicator detector learned from hand-written, span-labelled ads.

The rules (``recognizers/``) are precise on the phrasings they were written for and blind to plain
paraphrases ("el pasaje lo vas devolviendo de a poco"). This detector reads each segment of an ad
(``segments.py``) and decides, per indicator code, whether the segment expresses it: one logistic
regression per code over hashed word (1-3) and character (2-5) n-grams of the normalised segment,
trained on segments of the labelled_data/v2 hand-written ads (a segment carries a code when a gold
span of that code covers half of it or of the span). Each code's threshold is chosen on
out-of-fold predictions (folds grouped by writer batch, so a writer's phrasing never helps score
itself) to reach a segment precision target.

Saved compactly as one ``detector.npz`` (NumPy arrays only, loaded with ``allow_pickle=False``:
nothing executable) beside ``manifest.json``: the hashed columns seen in at least two training
segments, their idf, the heads' weights and biases, and the thresholds. That keeps the shipped
detector to a few MB and its load to milliseconds. ``SentenceDetector.spans`` returns spans into
the original text, so rules and detector combine without offset juggling.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from models.indicators.normalise import normalise
from models.indicators.segments import segments
from models.indicators.taxonomy import CHILD_CODES, load_taxonomy

FORMAT = "baliza-sentence-detector/2"
ARRAYS_FILE = "detector.npz"
MANIFEST_FILE = "manifest.json"
DEFAULT_DIR = Path(__file__).resolve().with_name("sentence_detector")
WORD_BUCKETS, CHAR_BUCKETS = 2**18, 2**19
MIN_DF = 2


def _hashed(texts: Sequence[str]) -> sparse.csr_matrix:
    """Raw n-gram counts of the normalised texts in the word and character hash spaces, side by side."""
    common = {"lowercase": False, "alternate_sign": False, "norm": None}
    word = HashingVectorizer(
        ngram_range=(1, 3), n_features=WORD_BUCKETS, token_pattern=r"(?u)\b\w+\b", **common
    )
    char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_BUCKETS, **common)
    folded = [normalise(t) for t in texts]
    return sparse.hstack([word.transform(folded), char.transform(folded)]).tocsr()


def _weigh(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear tf times idf, rows L2-normalised (what TfidfTransformer does, on the kept columns)."""
    x = counts.astype(np.float32)
    x.data = 1.0 + np.log(x.data)
    x = x.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(x).tocsr()


@dataclass
class SentenceDetector:
    """Per-code linear heads over kept hashed columns; a segment expresses `code` when its
    probability reaches `thresholds[code]`."""

    codes: list[str]
    columns: np.ndarray  # kept hashed columns (int32), sorted
    idf: np.ndarray  # float32, one per kept column
    weights: np.ndarray  # float32 (kept columns, codes)
    bias: np.ndarray  # float32 (codes,)
    thresholds: dict[str, float]
    manifest: dict = field(default_factory=dict)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), len(codes)) probabilities that each text expresses each code."""
        if not texts:
            return np.zeros((0, len(self.codes)))
        x = _weigh(_hashed(texts)[:, self.columns], self.idf)
        logits = np.asarray(x @ self.weights) + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(code, start, end) for every segment of `text` whose probability passes the code's threshold."""
        return self.spans_many([text])[0]

    def spans_many(self, texts: Sequence[str]) -> list[list[tuple[str, int, int]]]:
        """`spans` for each text, with all segments of the batch scored in one pass (much faster)."""
        pieces = [segments(text) for text in texts]
        flat = [(k, a, b) for k, spans in enumerate(pieces) for a, b in spans]
        found: list[list[tuple[str, int, int]]] = [[] for _ in texts]
        if not flat:
            return found
        probs = self.probabilities([texts[k][a:b] for k, a, b in flat])
        cut = np.array([self.thresholds[c] for c in self.codes])
        rows, cols = np.nonzero(probs >= cut)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            k, a, b = flat[i]
            found[k].append((self.codes[j], a, b))
        return found


def segment_examples(
    records: Sequence[dict], codes: Sequence[str]
) -> tuple[list[str], np.ndarray, list[str]]:
    """Segments of span-labelled ads, a 0/1 matrix of codes per segment, and each segment's group
    (the record's writer batch, so folds never split a writer's ads)."""
    index = {code: i for i, code in enumerate(codes)}
    texts: list[str] = []
    labels: list[np.ndarray] = []
    groups: list[str] = []
    for record in records:
        text = record["text"]
        gold = [(g["code"], g["start"], g["end"]) for g in record.get("spans", []) if g["code"] in index]
        for a, b in segments(text):
            row = np.zeros(len(codes), dtype=np.int8)
            for code, start, end in gold:
                overlap = min(b, end) - max(a, start)
                if overlap > 0 and overlap >= 0.5 * min(b - a, end - start):
                    row[index[code]] = 1
            texts.append(text[a:b])
            labels.append(row)
            groups.append(str(record.get("batch") or record.get("_file") or "all"))
    return texts, np.vstack(labels) if labels else np.zeros((0, len(codes))), groups


def _fit(
    counts: sparse.csr_matrix, y: np.ndarray, c: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Kept columns, idf, weights and biases fitted on raw counts and 0/1 labels per code."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    columns = np.nonzero(df >= MIN_DF)[0].astype(np.int32)
    n = counts.shape[0]
    idf = (np.log((1 + n) / (1 + df[columns])) + 1.0).astype(np.float32)
    x = _weigh(counts[:, columns], idf)
    weights = np.zeros((len(columns), y.shape[1]), dtype=np.float32)
    bias = np.full(y.shape[1], -20.0, dtype=np.float32)  # a code without examples never fires
    for j in range(y.shape[1]):
        if 0 < y[:, j].sum() < n:
            head = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000)
            head.fit(x, y[:, j])
            weights[:, j] = head.coef_[0]
            bias[j] = head.intercept_[0]
    return columns, idf, weights, bias


def _threshold(y: np.ndarray, p: np.ndarray, precision: float) -> float:
    """The lowest probability cut whose out-of-fold precision still reaches `precision` (0.5 if none)."""
    if y.sum() == 0:
        return 1.0
    order = np.argsort(-p)
    tp = np.cumsum(y[order])
    prec = tp / np.arange(1, len(y) + 1)
    ok = np.nonzero(prec >= precision)[0]
    if ok.size == 0:
        return 0.5
    return float(max(0.05, min(0.95, p[order][ok[-1]])))


def train(
    records: Sequence[dict],
    codes: Sequence[str],
    precision: float | dict[str, float] = 0.8,
    c: float = 8.0,
    folds: int = 5,
) -> SentenceDetector:
    """Fit the detector; thresholds and figures from out-of-fold predictions grouped by writer batch.

    `precision` is the segment precision each code's threshold must reach out of fold: one value,
    or one per code (decisive codes flag an ad alone, so they are held to a higher one).
    """
    targets = precision if isinstance(precision, dict) else {code: precision for code in codes}
    texts, y, groups = segment_examples(records, codes)
    counts = _hashed(texts)
    oof = np.zeros(y.shape, dtype=float)
    distinct = sorted(set(groups))
    if len(distinct) > 1:
        for train_idx, test_idx in GroupKFold(n_splits=min(folds, len(distinct))).split(texts, groups=groups):
            columns, idf, weights, bias = _fit(counts[train_idx], y[train_idx], c)
            x = _weigh(counts[test_idx][:, columns], idf)
            oof[test_idx] = 1.0 / (1.0 + np.exp(-(np.asarray(x @ weights) + bias)))
    thresholds = {code: _threshold(y[:, j], oof[:, j], targets[code]) for j, code in enumerate(codes)}
    figures = {}
    for j, code in enumerate(codes):
        fired = oof[:, j] >= thresholds[code]
        tp = int((fired & (y[:, j] == 1)).sum())
        figures[code] = {
            "segments": int(y[:, j].sum()),
            "oof_precision": round(tp / int(fired.sum()), 3) if fired.sum() else None,
            "oof_recall": round(tp / int(y[:, j].sum()), 3) if y[:, j].sum() else None,
            "threshold": round(thresholds[code], 4),
        }
    columns, idf, weights, bias = _fit(counts, y, c)
    manifest = {
        "format": FORMAT,
        "codes": list(codes),
        "thresholds": {k: round(v, 6) for k, v in thresholds.items()},
        "precision_target": targets,
        "c": c,
        "min_df": MIN_DF,
        "segments": len(texts),
        "columns": len(columns),
        "groups": distinct,
        "out_of_fold": figures,
    }
    return SentenceDetector(list(codes), columns, idf, weights, bias, thresholds, manifest)


def save(detector: SentenceDetector, out: Path, data: list[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / ARRAYS_FILE,
        columns=detector.columns,
        idf=detector.idf,
        weights=detector.weights.astype(np.float16),
        bias=detector.bias,
    )
    manifest = {**detector.manifest, "data": data}
    (out / MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def load(path: Path = DEFAULT_DIR) -> SentenceDetector | None:
    """The detector saved in `path`, or None when there is none (the rules then work alone)."""
    if not (path / ARRAYS_FILE).is_file():
        return None
    manifest = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} directory")
    with np.load(path / ARRAYS_FILE, allow_pickle=False) as arrays:
        columns, idf = arrays["columns"], arrays["idf"]
        weights, bias = arrays["weights"].astype(np.float32), arrays["bias"]
    thresholds = {k: float(v) for k, v in manifest["thresholds"].items()}
    return SentenceDetector(manifest["codes"], columns, idf, weights, bias, thresholds, manifest)


def main(argv: list[str] | None = None) -> int:
    """`python -m models.indicators.sentence_model --data F [--data G] [--out DIR]`: fit and save."""
    parser = argparse.ArgumentParser(
        prog="python -m models.indicators.sentence_model", description=main.__doc__
    )
    parser.add_argument("--data", type=Path, action="append", required=True, help="span-labelled JSONL")
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--precision",
        default="decisive=0.9,strong=0.85,weak=0.8",
        help="out-of-fold segment precision per severity (severity=value,...)",
    )
    parser.add_argument(
        "--child-precision",
        type=float,
        default=0.75,
        help="the same for the child codes: a missed child costs more than a false alarm",
    )
    args = parser.parse_args(argv)
    records, data = [], []
    for path in args.data:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        records += rows
        data.append(
            {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "n": len(rows)}
        )
    by_severity = dict(item.split("=") for item in args.precision.split(","))
    taxonomy = load_taxonomy()
    targets = {code: float(by_severity[i.severity]) for code, i in taxonomy.items()}
    targets.update({code: args.child_precision for code in CHILD_CODES})
    detector = train(records, list(taxonomy), precision=targets)
    save(detector, args.out, data)
    manifest = detector.manifest
    print(f"sentence detector -> {args.out} ({manifest['segments']} segments, {manifest['columns']} columns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
