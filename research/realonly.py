"""Real-only variants: DIFrauD's own 5 folds, no synthetic rows (the second table in README.md).

.venv/bin/python research/realonly.py
"""

import numpy as np
from realtext import (
    LABELS,
    SEED,
    counts,
    indicator_block,
    recall_at_precision,
    rows,
    textstats_block,
    use_vectors,
)
from scipy import sparse
from scipy.stats import rankdata
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold

dif = rows("dif")
y = LABELS[dif]
W, C = counts("word", (1, 2), 2**18), counts("char_wb", (3, 5), 2**19)
U, S, IND = use_vectors(), textstats_block(), indicator_block()


def cv(make, c=4.0, cw="balanced", sub=True):
    scores = np.zeros(len(dif))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        x_tr, x_te = make(dif[tr], dif[te], sub)
        model = LogisticRegression(C=c, class_weight=cw, max_iter=5000, solver="liblinear").fit(x_tr, y[tr])
        scores[te] = model.decision_function(x_te)
    return scores


def lex(tr, te, sub, blocks=(W, C)):
    fitted = [TfidfTransformer(sublinear_tf=sub).fit(b[tr]) for b in blocks]
    return tuple(
        sparse.hstack([t.transform(b[idx]) for t, b in zip(fitted, blocks, strict=True)]).tocsr()
        for idx in (tr, te)
    )


def plus(extra, weight=1.0):
    def make(tr, te, sub):
        a, b = lex(tr, te, sub)
        return sparse.hstack([a, extra[tr] * weight]).tocsr(), sparse.hstack([b, extra[te] * weight]).tocsr()

    return make


def report(name, scores):
    pr, roc = average_precision_score(y, scores), roc_auc_score(y, scores)
    print(f"{name:32s} PR {pr:.4f} ROC {roc:.4f} R@P90 {recall_at_precision(y, scores, 0.9):.3f}", flush=True)
    return scores


lexical = report("lexical C4", cv(lex))
for c in (1, 16, 64):
    report(f"lexical C{c}", cv(lex, c=c))
report("lexical, no sublinear tf", cv(lex, sub=False))
report("lexical, no class weights", cv(lex, cw=None))
report("word only", cv(lambda a, b, s: lex(a, b, s, (W,))))
report("char_wb only", cv(lambda a, b, s: lex(a, b, s, (C,))))
report("lexical + text statistics", cv(plus(S)))
report("lexical + text statistics x3", cv(plus(S, 3)))
report("lexical + indicators", cv(plus(IND)))
report("lexical + USE", cv(plus(U)))
use = report("USE only (C=1)", cv(lambda a, b, s: (U[a], U[b]), c=1))
report("text statistics only (C=1)", cv(lambda a, b, s: (S[a], S[b]), c=1))
report("rank average lexical + USE", rankdata(lexical) + rankdata(use))
report("rank average lexical + USE x0.5", rankdata(lexical) + 0.5 * rankdata(use))
