"""How much each indicator found in an ad moved the model's score: its contribution in log-odds.

The head is one logistic regression over a feature union (word and character n-grams, the
indicator step's columns, the embedding), and the score is its decision value through Platt
scaling (`models.threshold`), which is again linear in log-odds. So a found indicator's share of
the score's log-odds is exact and additive:

    contribution(code) = platt_slope * scale * (coef[code] + coef[weight_sum] * weight(code) / 4)

— its own 0/1 column and its part of the summed-weight column (`IndicatorFeatures`), both times
the head's coefficients. A hybrid model trained with a "real head" (`RealTextHead`) was folded
into that same single coefficient vector before it was saved, so the figure holds for it too.

What the figure is *not*: the same words also weigh through the n-gram and embedding columns,
which are not attributed to any indicator. It says how much the indicator's detection itself
pushed the score, not everything its phrase did. A model without an indicator step (the lexical
baseline) cannot say: `per_code` answers an empty dict, intake stores no figures, and the item
page orders indicators by severity instead.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from models.features import IndicatorFeatures
from models.indicators import load_taxonomy
from models.pipeline import feature_parts


def _width(part: object) -> int:
    """How many columns a feature-union part yields (only parts before the indicator step are asked)."""
    if isinstance(part, Pipeline):
        return int(part.steps[0][1].n_features)  # the hashing step of a lexical part
    return int(part.n_features)  # type: ignore[attr-defined]


def per_code(pipeline: Pipeline, calibrator: LogisticRegression) -> dict[str, float]:
    """Every code the model has a column for, with the contribution its presence makes; {} when the
    model has no indicator step."""
    offset = 0
    for _, part in feature_parts(pipeline):
        if isinstance(part, IndicatorFeatures):
            break
        offset += _width(part)
    else:
        return {}
    codes = part._codes()
    coef = np.asarray(pipeline.named_steps["head"].coef_).ravel()
    slope = float(np.asarray(calibrator.coef_).ravel()[0])
    taxonomy = load_taxonomy()
    weight_sum = coef[offset + len(codes)]
    return {
        code: slope * part.scale * float(coef[offset + i] + weight_sum * taxonomy[code].weight / 4.0)
        for i, code in enumerate(codes)
        if code in taxonomy
    }


def contributions(table: dict[str, float], found: Iterable[str]) -> dict[str, float]:
    """The contributions (log-odds, 3 decimals) of the distinct codes found, from `per_code`'s table;
    a code the model has no column for (added to the taxonomy after it was trained) is left out."""
    return {code: round(table[code], 3) for code in sorted(set(found)) if code in table}
