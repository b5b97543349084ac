# ruff: noqa: E501  (regex tables and config lists read better on one line each)
"""Real-text quality experiments (issue 7, item 5): what lifts the default model on real ads?

Protocol (mirrors `models.evaluate.cross_validate_file` and `models.train.fit`, on cached features so
a configuration takes minutes, not a quarter of an hour):

* DIFrauD (`difraud_job_scams_dev.jsonl`, trained on): 5-fold StratifiedKFold (seed 20261123), each
  fold trained on synthetic train + the other 4/5 of DIFrauD (weighted `real_weight`), scored on the
  held-out fifth. Every learned part (IDF, head, calibration) is refitted inside the fold. With
  `--calibrate`, each fold also gets its own out-of-fold Platt calibrator (inner grouped 3-fold CV as in
  `cross_validate_file`); without it, pooled decision values are ranked (screening; PR-AUC differs by
  the calibrators' monotone per-fold rescaling only).
* EURES FPR and synthetic test: the full recipe (grouped 5-fold OOF decision -> Platt calibrator ->
  threshold at OOF precision 0.9 -> final fit on all rows) applied to the held-out files.

Hashed count matrices, USE vectors (from the data dir cache), indicator flags and text statistics are
computed once and kept in research/.cache/. Results are appended to research/results.jsonl.

    .venv/bin/python research/realtext.py --list
    .venv/bin/python research/realtext.py base rw30 ...  [--full] [--calibrate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.metrics import recall_at_precision  # noqa: E402
from models.threshold import calibrated, choose_threshold, fit_calibrator  # noqa: E402

CACHE = ROOT / "research" / ".cache"
RESULTS = ROOT / "research" / "results.jsonl"
SEED = 20261123
FILES = {
    "train": ROOT / "labelled_data/synthetic-v1/train.jsonl",
    "dif": ROOT / "../shared/eval/difraud_job_scams_dev.jsonl",
    "eures": ROOT / "../shared/eval/eures_es_dev.jsonl",
    "test": ROOT / "labelled_data/synthetic-v1/test.jsonl",
}


def load() -> dict[str, list[dict]]:
    return {k: [json.loads(x) for x in open(p, encoding="utf-8")] for k, p in FILES.items()}


DATA = load()
ALL_TEXTS = [r["text"] for k in FILES for r in DATA[k]]
OFFSETS = {}
_o = 0
for _k in FILES:
    OFFSETS[_k] = (_o, _o + len(DATA[_k]))
    _o += len(DATA[_k])


def rows(name: str) -> np.ndarray:
    a, b = OFFSETS[name]
    return np.arange(a, b)


# ---------------------------------------------------------------- cached feature blocks


def _cached(name: str, build) -> sparse.csr_matrix:
    CACHE.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256("\x00".join(ALL_TEXTS).encode()).hexdigest()[:8]
    path = CACHE / f"{name}-{digest}.npz"
    if path.exists():
        return sparse.load_npz(path).tocsr()
    t0 = time.time()
    m = sparse.csr_matrix(build())
    sparse.save_npz(path, m)
    print(f"  built {name} {m.shape} in {time.time() - t0:.0f}s", file=sys.stderr)
    return m


def counts(analyzer: str, ngram: tuple[int, int], buckets: int) -> sparse.csr_matrix:
    def build():
        common = {"lowercase": True, "strip_accents": "unicode", "alternate_sign": False, "norm": None}
        v = HashingVectorizer(analyzer=analyzer, ngram_range=ngram, n_features=buckets, **common)
        return v.transform(ALL_TEXTS).astype(np.float32)

    return _cached(f"cnt-{analyzer}-{ngram[0]}{ngram[1]}-{buckets}", build)


def use_vectors(lower: bool = True) -> sparse.csr_matrix:
    def build():
        from models.encoders import EmbeddingCache, Encoders

        encoders = Encoders(EmbeddingCache(ROOT / ".baliza/cache/embeddings.sqlite3"))
        return encoders.embed("use-m3", ALL_TEXTS)  # UseEncoder lower-cases before encoding

    return _cached("use-m3", build)


def e5_vectors() -> np.ndarray | None:
    """e5-small vectors for the rows that research/embed_cache.py has filled (None elsewhere)."""
    import sqlite3

    db = sqlite3.connect(CACHE / "emb.sqlite3")
    out = np.full((len(ALL_TEXTS), 384), np.nan, dtype=np.float32)
    keys = [hashlib.sha256(f"e5-small\x00{t}".encode()).hexdigest() for t in ALL_TEXTS]
    have = dict(db.execute("SELECT key, vec FROM emb"))
    for i, k in enumerate(keys):
        if k in have:
            out[i] = np.frombuffer(have[k], dtype=np.float32)
    return out


def indicator_block() -> sparse.csr_matrix:
    def build():
        from models.features import IndicatorFeatures

        return IndicatorFeatures().transform(ALL_TEXTS)

    return _cached("indicators", build)


def textstats_block() -> sparse.csr_matrix:
    def build():
        return text_statistics(ALL_TEXTS)

    return _cached("textstats-v1", build)


# --- Text statistics used in the employment-scam literature (EMSCAD: Vidros et al. 2017), visible in
# the text itself: length, shouting, money and pay-rate talk, work from home, no experience needed,
# urgency, requests for money or personal data, off-platform contact, and whether the ad describes the
# company, the requirements and the benefits (fraudulent ads tend to skip them). English and Spanish.
_STAT_PATTERNS: dict[str, str] = {
    "money": r"[$€£]\s?\d|\d\s?(?:usd|eur|euros?|dollars?|d[oó]lares|pesos)\b",
    "pay_rate": r"(?:per|a|/|por|al|a la)\s?(?:day|week|hour|hr|d[ií]a|semana|hora)\b|\bweekly\b|\bsemanal",
    "earn": r"\bearn|\bincome\b|\bcash\b|\bganar|\bganancias?\b|\bingresos?\b|dinero f[aá]cil",
    "home": r"work(?:ing)? (?:from|at) home|home[- ]based|from (?:the comfort of )?(?:your )?home|desde (?:tu |su )?casa",
    "no_experience": r"no (?:prior |previous )?experience|experience (?:is )?not (?:required|necessary)|sin experiencia",
    "urgent": r"\burgent|\bimmediate(?:ly)?\b|\basap\b|\burgente|\binmediat",
    "fee": r"\bfees?\b|\bdeposit\b|\bregistration\b|\bpay (?:for|us)\b|\bcuota\b|\bdep[oó]sito\b|\binscripci[oó]n\b",
    "personal_data": r"\bssn\b|social security|bank (?:account|details)|passport|date of birth|credit card"
    r"|cuenta bancaria|tarjeta de cr[eé]dito|fecha de nacimiento|pasaporte",
    "contact": r"\bemail\b|\be-mail\b|\bwhats ?app\b|\btelegram\b|\bskype\b|\btext (?:me|us)\b|\bcall\b|\bcorreo\b|\bll[aá]m",
    "company": r"about us|our company|company (?:overview|description|profile)|we are an?\b|founded in|our (?:mission|clients)"
    r"|sobre nosotros|nuestra empresa|somos una",
    "requirements": r"requirements|qualifications|responsibilities|experience with|degree|requisitos|funciones|titulaci[oó]n",
    "benefits": r"benefits|401\s?k|health insurance|paid time off|pto\b|contrato|vacaciones|seguro m[eé]dico",
}


def text_statistics(texts: list[str]) -> sparse.csr_matrix:
    """Dense-ish block of per-text statistics, each scaled to about [0, 1]."""
    import re

    compiled = {k: re.compile(p, re.IGNORECASE) for k, p in _STAT_PATTERNS.items()}
    rows = []
    for text in texts:
        letters = [c for c in text if c.isalpha()]
        words = text.split()
        n_letters = max(len(letters), 1)
        row = [
            min(np.log1p(len(text)) / 9.0, 1.5),  # log length (e^9 ~ 8,100 characters)
            float(len(text) < 300),
            sum(c.isupper() for c in letters) / n_letters,  # capitals ratio
            min(text.count("!") / 5.0, 1.0),
            sum(c.isdigit() for c in text) / max(len(text), 1) * 10,
            min(sum(1 for w in words if len(w) > 1 and w.isupper()) / max(len(words), 1) * 5, 1.0),
        ]
        for pattern in compiled.values():
            row.append(min(len(pattern.findall(text)) / 2.0, 1.0))
        rows.append(row)
    width = 6 + len(compiled)
    return sparse.csr_matrix(np.asarray(rows, dtype=np.float32).reshape(-1, width))


# ---------------------------------------------------------------- configurations


@dataclass(frozen=True)
class Config:
    name: str
    word: tuple[int, int] | None = (1, 2)
    char: tuple[int, int] | None = (3, 5)
    char_analyzer: str = "char_wb"
    word_buckets: int = 2**18
    char_buckets: int = 2**19
    sublinear: bool = True
    use_weight: float = 1.0
    indicators: float = 1.0
    textstats: float = 0.0
    e5_weight: float = 0.0
    c: float = 4.0
    class_weight: str | None = "balanced"
    real_weight: float = 10.0
    synth: str = "all"  # all | none | neg (synthetic negatives only) | hardneg (synthetic job negatives)
    real_head: float = 0.0  # weight of a second head fitted on the real (non-synthetic) rows only
    real_head_word_only: bool = False  # the second head sees only the word n-gram columns
    note: str = ""
    blocks_scale: dict = field(default_factory=dict)


BASE = Config("base")  # the recipe of the previous default (hybrid use-m3, C=4, real_weight 10)
CONFIGS: dict[str, Config] = {
    c.name: c
    for c in [
        BASE,
        replace(BASE, name="lexical", use_weight=0.0, indicators=0.0, note="word+char TF-IDF only"),
        replace(BASE, name="rw1", real_weight=1.0),
        replace(BASE, name="rw3", real_weight=3.0),
        replace(BASE, name="rw30", real_weight=30.0),
        replace(BASE, name="rw100", real_weight=100.0),
        replace(BASE, name="c1", c=1.0),
        replace(BASE, name="c16", c=16.0),
        replace(BASE, name="c64", c=64.0),
        replace(BASE, name="nosub", sublinear=False),
        replace(BASE, name="nochar", char=None),
        replace(BASE, name="noword", word=None),
        replace(BASE, name="word13", word=(1, 3)),
        replace(BASE, name="char26", char=(2, 6), char_analyzer="char"),
        replace(BASE, name="char25wb", char=(2, 5)),
        replace(BASE, name="use0", use_weight=0.0),
        replace(BASE, name="use2", use_weight=2.0),
        replace(BASE, name="noind", indicators=0.0),
        replace(BASE, name="stats", textstats=1.0, note="+ EMSCAD-style text statistics"),
        replace(BASE, name="stats3", textstats=3.0),
        replace(BASE, name="nobal", class_weight=None),
        replace(BASE, name="realonly", synth="none", note="DIFrauD folds only (no synthetic)"),
        replace(BASE, name="synthneg", synth="neg", note="synthetic negatives only"),
        replace(BASE, name="lex-rw30", use_weight=0.0, indicators=0.0, real_weight=30.0),
        replace(BASE, name="lex-rw100", use_weight=0.0, indicators=0.0, real_weight=100.0),
        replace(BASE, name="lex-realonly", use_weight=0.0, indicators=0.0, synth="none"),
        replace(BASE, name="lex-c16", use_weight=0.0, indicators=0.0, c=16.0),
        replace(BASE, name="lex-c1", use_weight=0.0, indicators=0.0, c=1.0),
        replace(BASE, name="lex-stats", use_weight=0.0, indicators=0.0, textstats=1.0),
        replace(BASE, name="lex-nosub", use_weight=0.0, indicators=0.0, sublinear=False),
        replace(BASE, name="lex-char", use_weight=0.0, indicators=0.0, char_analyzer="char", char=(2, 5)),
        replace(BASE, name="lex-synthneg", use_weight=0.0, indicators=0.0, synth="neg"),
        replace(BASE, name="use03", use_weight=0.3),
        replace(BASE, name="lex-word-rw30", use_weight=0.0, indicators=0.0, char=None, real_weight=30.0),
        replace(
            BASE,
            name="lex-word-rw30-c16",
            use_weight=0.0,
            indicators=0.0,
            char=None,
            real_weight=30.0,
            c=16.0,
        ),
        replace(BASE, name="use05-noind-rw30", use_weight=0.5, indicators=0.0, real_weight=30.0),
        replace(BASE, name="word-use05-rw30", use_weight=0.5, indicators=0.0, char=None, real_weight=30.0),
        replace(BASE, name="twohead", real_head=1.0, note="base + real-only head (sum of decisions)"),
        replace(BASE, name="twohead05", real_head=0.5),
        replace(BASE, name="twohead2", real_head=2.0),
        replace(BASE, name="twohead-rw30", real_head=1.0, real_weight=30.0),
        replace(BASE, name="word-twohead", char=None, real_head=1.0),
        replace(BASE, name="word-twohead-rw30", char=None, real_head=1.0, real_weight=30.0),
        replace(BASE, name="word-hybrid", char=None),
        replace(BASE, name="twohead-word", real_head=1.0, real_head_word_only=True),
        replace(BASE, name="twohead-word05", real_head=0.5, real_head_word_only=True),
        replace(BASE, name="twohead-word2", real_head=2.0, real_head_word_only=True),
        replace(BASE, name="twohead-word4", real_head=4.0, real_head_word_only=True),
        replace(BASE, name="e5", e5_weight=1.0, synth="none", note="needs e5 vectors (DIFrauD only)"),
    ]
}


# ---------------------------------------------------------------- training on cached blocks


class Features:
    """Blocks for one config; `fit(rows)` learns IDFs on those rows, `transform(rows)` stacks."""

    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.lex = []
        if cfg.word:
            self.lex.append(counts("word", cfg.word, cfg.word_buckets))
        if cfg.char:
            self.lex.append(counts(cfg.char_analyzer, cfg.char, cfg.char_buckets))
        self.dense = []
        if cfg.indicators:
            self.dense.append(indicator_block() * cfg.indicators)
        if cfg.textstats:
            self.dense.append(textstats_block() * cfg.textstats)
        if cfg.use_weight:
            self.dense.append(use_vectors() * cfg.use_weight)
        if cfg.e5_weight:
            e5 = e5_vectors()
            self.dense.append(sparse.csr_matrix(np.nan_to_num(e5) * cfg.e5_weight))

    def fit(self, idx: np.ndarray) -> Features:
        self.tfidf = [TfidfTransformer(sublinear_tf=self.cfg.sublinear).fit(m[idx]) for m in self.lex]
        return self

    def transform(self, idx: np.ndarray) -> sparse.csr_matrix:
        parts = [t.transform(m[idx]) for t, m in zip(self.tfidf, self.lex, strict=True)]
        parts += [d[idx] for d in self.dense]
        return sparse.hstack(parts, format="csr")


LABELS = np.array([int(r["label"]) for k in FILES for r in DATA[k]])
GROUPS = np.array([r.get("family") or f"{k}:{r['id']}" for k in FILES for r in DATA[k]], dtype=object)


def synth_rows(cfg: Config) -> np.ndarray:
    idx = rows("train")
    if cfg.synth == "none":
        return idx[:0]
    if cfg.synth == "neg":
        return idx[LABELS[idx] == 0]
    return idx


def head(cfg: Config) -> LogisticRegression:
    return LogisticRegression(C=cfg.c, class_weight=cfg.class_weight, max_iter=5000, solver="liblinear")


def fit_decision(feats: Features, cfg: Config, train_idx: np.ndarray, score_idx: list[np.ndarray]):
    w = np.where(np.isin(train_idx, rows("train")), 1.0, cfg.real_weight)
    feats.fit(train_idx)
    X = feats.transform(train_idx)
    model = head(cfg).fit(X, LABELS[train_idx], sample_weight=w)
    if cfg.real_head:
        real = w != 1.0
        Xr = X[real]
        if cfg.real_head_word_only:
            Xr = Xr[:, : cfg.word_buckets]
        extra = head(cfg).fit(Xr, LABELS[train_idx][real], sample_weight=w[real])
        coef = np.zeros_like(model.coef_)
        coef[:, : extra.coef_.shape[1]] = extra.coef_
        model.coef_ = model.coef_ + cfg.real_head * coef
        model.intercept_ = model.intercept_ + cfg.real_head * extra.intercept_
    return [model.decision_function(feats.transform(i)) for i in score_idx]


def oof_threshold(feats: Features, cfg: Config, train_idx: np.ndarray, folds: int):
    """Platt calibrator + threshold from grouped out-of-fold decisions (as models.train.fit)."""
    y, g = LABELS[train_idx], GROUPS[train_idx]
    per_class = min(len(set(g[y == 1])), len(set(g[y == 0])))
    cv = StratifiedGroupKFold(n_splits=min(folds, per_class), shuffle=True, random_state=SEED)
    dec = np.zeros(len(train_idx))
    for a, b in cv.split(np.zeros(len(y)), y, g):
        dec[b] = fit_decision(feats, cfg, train_idx[a], [train_idx[b]])[0]
    cal = fit_calibrator(dec, y)
    thr, _ = choose_threshold(calibrated(cal, dec), y, 0.9)
    return cal, thr


def run(cfg: Config, full: bool, calibrate: bool) -> dict:
    t0 = time.time()
    feats = Features(cfg)
    dif = rows("dif")
    y = LABELS[dif]
    scores = np.zeros(len(dif))
    thr_rows = np.zeros(len(dif))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        train_idx = np.r_[synth_rows(cfg), dif[tr]]
        dec = fit_decision(feats, cfg, train_idx, [dif[te]])[0]
        if calibrate:
            cal, thr = oof_threshold(feats, cfg, train_idx, folds=3)
            scores[te], thr_rows[te] = calibrated(cal, dec), thr
        else:
            scores[te] = dec
    np.save(CACHE / f"oof-{cfg.name}.npy", scores)
    out = {
        "config": cfg.name,
        "note": cfg.note,
        "calibrated_cv": calibrate,
        "dif_pr_auc": round(float(average_precision_score(y, scores)), 4),
        "dif_roc_auc": round(float(roc_auc_score(y, scores)), 4),
        "dif_r_at_p90": recall_at_precision(y, scores, 0.9),
        "cv_seconds": round(time.time() - t0),
    }
    if calibrate:
        flagged = scores >= thr_rows
        out["dif_flagged"] = int(flagged.sum())
        out["dif_precision_at_thr"] = round(float(y[flagged].mean()), 4) if flagged.any() else None
    if full:
        t1 = time.time()
        train_idx = np.r_[synth_rows(cfg), dif]
        cal, thr = oof_threshold(feats, cfg, train_idx, folds=5)
        dec_e, dec_t = fit_decision(feats, cfg, train_idx, [rows("eures"), rows("test")])
        pe, pt = calibrated(cal, dec_e), calibrated(cal, dec_t)
        yt = LABELS[rows("test")]
        lang = np.array([r["lang"] for r in DATA["test"]])
        out.update(
            threshold=round(thr, 4),
            eures_fpr=round(float((pe >= thr).mean()), 4),
            eures_p99=round(float(np.quantile(pe, 0.99)), 4),
            test_pr_auc=round(float(average_precision_score(yt, pt)), 4),
        )
        for lg in ("es", "en"):
            m = lang == lg
            f = pt[m] >= thr
            tp = int((f & (yt[m] == 1)).sum())
            out[f"test_{lg}_precision"] = round(tp / max(int(f.sum()), 1), 4)
            out[f"test_{lg}_recall"] = round(tp / max(int(yt[m].sum()), 1), 4)
        out["full_seconds"] = round(time.time() - t1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("configs", nargs="*")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--full", action="store_true", help="also EURES FPR and synthetic test (full recipe)")
    ap.add_argument("--calibrate", action="store_true", help="per-fold calibration as cross_validate_file")
    a = ap.parse_args()
    if a.list:
        for c in CONFIGS.values():
            print(c.name, "-", c.note or {k: v for k, v in c.__dict__.items() if getattr(BASE, k) != v})
        return
    for name in a.configs:
        res = run(CONFIGS[name], a.full, a.calibrate)
        print(json.dumps(res), flush=True)
        with open(RESULTS, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main()
