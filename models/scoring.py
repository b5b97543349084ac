"""Score records: calibrated probability, flag at the model's threshold, indicator spans, language.

Encoding is the slow step, so it runs one batch ahead in a worker thread (the encoders' numeric
work releases the GIL) while this thread does the lexical features, language and indicator spans of
the current batch; the head then reads the embeddings from the cache. Results are the same as
`Model.predict_proba`, only sooner.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from scipy import sparse

from models.encoders import embed
from models.features import EmbeddingFeatures
from models.indicators import detect_many
from models.indicators.offer import OfferContext
from models.lang import fill_langs
from models.modeldir import Model
from models.policy import decide
from models.threshold import calibrated


def _split_features(model: Model) -> tuple[list[tuple[str, object]], EmbeddingFeatures | None]:
    parts = model.pipeline.named_steps["features"].transformer_list
    embedding = next((p for _, p in parts if isinstance(p, EmbeddingFeatures)), None)
    return parts, embedding


def score_records(model: Model, records: list[dict], batch_size: int = 256) -> list[dict]:
    """One result per record, in input order, in the shape of the CLI and API contract.

    `flagged`, `flag_reasons` and `child_risk` come from the flag policy (`models.policy`): the
    model's score, or a decisive indicator in an ad that offers work, travel or lodging.
    """
    parts, embedding = _split_features(model)
    offer = OfferContext()
    batches = [records[i : i + batch_size] for i in range(0, len(records), batch_size)]
    results: list[dict] = []
    ahead: dict[int, Future] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="baliza-encode") as pool:

        def prefetch(k: int) -> None:
            if embedding is not None and k < len(batches):
                ahead[k] = pool.submit(embed, embedding.encoder, [r["text"] for r in batches[k]])

        prefetch(0)
        for k, batch in enumerate(batches):
            prefetch(k + 1)
            texts = [r["text"] for r in batch]
            fill_langs(batch)
            spans = detect_many(texts)
            lexical = [(n, p.transform(texts)) for n, p in parts if p is not embedding]
            if k in ahead:
                ahead.pop(k).result()
            probs = _assemble(model, texts, parts, dict(lexical))
            for record, prob, found, text in zip(batch, probs, spans, texts, strict=True):
                policy = decide(float(prob), model.threshold, (s.code for s in found), offer.offers(text))
                results.append(
                    {
                        "id": record["id"],
                        "score": round(float(prob), 6),
                        **policy.to_dict(),
                        "indicators": [span.to_dict() for span in found],
                        "lang": record["lang"],
                        "model_version": model.version,
                    }
                )
    return results


def _assemble(model: Model, texts: list[str], parts: list[tuple[str, object]], done: dict) -> np.ndarray:
    blocks = [done[name] if name in done else part.transform(texts) for name, part in parts]
    matrix = sparse.hstack(blocks).tocsr()
    return calibrated(model.calibrator, model.pipeline.named_steps["head"].decision_function(matrix))
