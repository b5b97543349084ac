"""Score records: calibrated probability, flag at the model's threshold, indicator spans, language."""

from __future__ import annotations

from models.indicators import detect
from models.lang import fill_langs
from models.modeldir import Model


def score_records(model: Model, records: list[dict], batch_size: int = 256) -> list[dict]:
    """One result per record, in input order, in the shape of the CLI and API contract."""
    fill_langs(records)
    results: list[dict] = []
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        probs = model.predict_proba([r["text"] for r in batch])
        for record, prob in zip(batch, probs, strict=True):
            results.append(
                {
                    "id": record["id"],
                    "score": round(float(prob), 6),
                    "flagged": bool(prob >= model.threshold),
                    "indicators": [span.to_dict() for span in detect(record["text"])],
                    "lang": record["lang"],
                    "model_version": model.version,
                }
            )
    return results
