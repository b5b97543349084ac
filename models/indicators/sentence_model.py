"""A sentence-level indicator detector learned from hand-written, span-labelled ads.

The rules (``recognizers/``) are precise on the phrasings they were written for and blind to plain
paraphrases ("el pasaje lo vas devolviendo de a poco"). This detector reads each segment of an ad
(``segments.py``) and decides, per indicator code, whether the segment expresses it: one logistic
regression per code over hashed word and character n-grams of the normalised segment. It is trained
on segments of the labelled_data/v2 hand-written ads (a segment carries a code when a gold span of
that code overlaps it), with a per-code threshold chosen on out-of-fold predictions so that the
code's segment precision reaches a target. Hashing keeps the file small and needs no vocabulary.

The fitted detector is a directory like a model: ``manifest.json`` (codes, thresholds, training
data hashes, out-of-fold figures) and ``head.skops`` (the vectorizers' idf and the heads, loaded
with an explicit allow-list of types). ``SentenceDetector.spans`` returns spans into the original
text, so the rules and this detector combine without any offset juggling.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import skops.io as sio
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from models.indicators.normalise import normalise
from models.indicators.segments import segments

FORMAT = "baliza-sentence-detector/1"
HEAD_FILE = "head.skops"
MANIFEST_FILE = "manifest.json"
DEFAULT_DIR = Path(__file__).resolve().with_name("sentence_detector")
TRUSTED = [
    "sklearn.feature_extraction.text.HashingVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.dtype",
    "builtins.dict",
    "builtins.list",
]
WORD_BUCKETS, CHAR_BUCKETS = 2**18, 2**19


def _vectorizers() -> tuple[HashingVectorizer, HashingVectorizer]:
    common = {"lowercase": False, "alternate_sign": False, "norm": None}
    word = HashingVectorizer(ngram_range=(1, 3), n_features=WORD_BUCKETS, token_pattern=r"(?u)\b\w+\b", **common)
    char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_BUCKETS, **common)
    return word, char


@dataclass
class SentenceDetector:
    """Per-code heads over hashed n-grams of a segment; `threshold[code]` on the head's probability."""

    codes: list[str]
    heads: list[LogisticRegression]
    idf_word: TfidfTransformer
    idf_char: TfidfTransformer
    thresholds: dict[str, float]
    manifest: dict

    def _matrix(self, texts: Sequence[str]) -> sparse.csr_matrix:
        word, char = _vectorizers()
        folded = [normalise(t) for t in texts]
        blocks = [self.idf_word.transform(word.transform(folded)), self.idf_char.transform(char.transform(folded))]
        return sparse.hstack(blocks).tocsr()

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), len(codes)) probabilities that each text expresses each code."""
        if not texts:
            return np.zeros((0, len(self.codes)))
        matrix = self._matrix(texts)
        return np.column_stack([head.predict_proba(matrix)[:, 1] for head in self.heads])

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """(code, start, end) for every segment of `text` whose probability passes the code's threshold."""
        pieces = segments(text)
        if not pieces:
            return []
        probs = self.probabilities([text[a:b] for a, b in pieces])
        cut = np.array([self.thresholds[c] for c in self.codes])
        rows, cols = np.nonzero(probs >= cut)
        return [(self.codes[j], pieces[i][0], pieces[i][1]) for i, j in zip(rows.tolist(), cols.tolist())]


def segment_examples(records: Sequence[dict], codes: Sequence[str]) -> tuple[list[str], np.ndarray, list[str]]:
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


def _fit_heads(matrix: sparse.csr_matrix, y: np.ndarray, c: float) -> list[LogisticRegression]:
    heads = []
    for j in range(y.shape[1]):
        target = y[:, j]
        if target.sum() == 0:
            # A code without training segments: a head that never fires (constant negative decision).
            head = LogisticRegression(C=c, solver="liblinear")
            head.fit(sparse.csr_matrix((2, matrix.shape[1])), [0, 1])
            head.coef_[:] = 0.0
            head.intercept_[:] = -50.0
        else:
            head = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000)
            head.fit(matrix, target)
        heads.append(head)
    return heads


def _features(texts: Sequence[str]) -> tuple[sparse.csr_matrix, TfidfTransformer, TfidfTransformer]:
    word, char = _vectorizers()
    folded = [normalise(t) for t in texts]
    idf_word = TfidfTransformer(sublinear_tf=True).fit(word.transform(folded))
    idf_char = TfidfTransformer(sublinear_tf=True).fit(char.transform(folded))
    matrix = sparse.hstack(
        [idf_word.transform(word.transform(folded)), idf_char.transform(char.transform(folded))]
    ).tocsr()
    return matrix, idf_word, idf_char


def _threshold(y: np.ndarray, p: np.ndarray, precision: float) -> float:
    """Lowest probability cut whose out-of-fold precision reaches `precision` (0.5 if none does)."""
    if y.sum() == 0:
        return 1.0
    order = np.argsort(-p)
    tp = np.cumsum(y[order])
    prec = tp / np.arange(1, len(y) + 1)
    ok = np.nonzero(prec >= precision)[0]
    if ok.size == 0:
        return 0.5
    # The last rank where precision still holds, among ranks with at least one true positive.
    k = ok[-1]
    return float(max(0.05, min(0.95, p[order][k])))


def train(
    records: Sequence[dict], codes: Sequence[str], precision: float = 0.8, c: float = 8.0, folds: int = 5
) -> tuple[SentenceDetector, dict]:
    """Fit the detector; thresholds and figures from out-of-fold predictions grouped by writer batch."""
    texts, y, groups = segment_examples(records, codes)
    oof = np.zeros(y.shape, dtype=float)
    distinct = sorted(set(groups))
    splitter = GroupKFold(n_splits=min(folds, len(distinct))) if len(distinct) > 1 else None
    if splitter is not None:
        for train_idx, test_idx in splitter.split(texts, groups=groups):
            matrix, idf_w, idf_c = _features([texts[i] for i in train_idx])
            heads = _fit_heads(matrix, y[train_idx], c)
            word, char = _vectorizers()
            folded = [normalise(texts[i]) for i in test_idx]
            test = sparse.hstack([idf_w.transform(word.transform(folded)), idf_c.transform(char.transform(folded))]).tocsr()
            oof[test_idx] = np.column_stack([h.predict_proba(test)[:, 1] for h in heads])
    thresholds = {code: _threshold(y[:, j], oof[:, j], precision) for j, code in enumerate(codes)}
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
    matrix, idf_word, idf_char = _features(texts)
    heads = _fit_heads(matrix, y, c)
    manifest = {
        "format": FORMAT,
        "codes": list(codes),
        "thresholds": {k: round(v, 6) for k, v in thresholds.items()},
        "precision_target": precision,
        "c": c,
        "segments": len(texts),
        "groups": distinct,
        "out_of_fold": figures,
    }
    return SentenceDetector(list(codes), heads, idf_word, idf_char, thresholds, manifest), manifest


def save(detector: SentenceDetector, out: Path, data: list[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    payload = {"heads": detector.heads, "idf_word": detector.idf_word, "idf_char": detector.idf_char}
    sio.dump(payload, out / HEAD_FILE)
    manifest = {**detector.manifest, "data": data}
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path = DEFAULT_DIR) -> SentenceDetector | None:
    """The shipped detector, or None when the directory is absent (rules only)."""
    if not (path / HEAD_FILE).is_file():
        return None
    manifest = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} directory")
    untrusted = set(sio.get_untrusted_types(file=path / HEAD_FILE))
    refused = untrusted - set(TRUSTED)
    if refused:
        raise ValueError(f"{path / HEAD_FILE}: refusing to load untrusted types {sorted(refused)}")
    payload = sio.load(path / HEAD_FILE, trusted=sorted(untrusted))
    return SentenceDetector(
        manifest["codes"], payload["heads"], payload["idf_word"], payload["idf_char"],
        {k: float(v) for k, v in manifest["thresholds"].items()}, manifest,
    )  # fmt: skip
