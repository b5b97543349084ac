"""Score ads: calibrated probability, flag at the model's threshold, indicator spans, language.

Encoding is the slow step, so it runs one batch ahead in a worker thread (the encoders' numeric
work releases the GIL) while this thread does the lexical features, language and indicator spans of
the current batch; the head then reads the embeddings from the cache. Results are the same as
`Model.predict_proba`, only sooner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import numpy as np
from scipy import sparse

from models.ad import Ad
from models.indicators import detect_many
from models.indicators.offer import OfferContext
from models.lang import detect_langs
from models.modeldir import Model
from models.pipeline import embedding_step, feature_parts
from models.policy import decide
from models.scored import Scored
from models.threshold import calibrated


def score_ads(model: Model, ads: Sequence[Ad], batch_size: int = 256) -> list[Scored]:
    """One result per ad, in input order.

    `flagged`, `flag_reasons` and `child_risk` come from the flag policy (`models.policy`): the
    model's score, or a decisive indicator in an ad that offers work, travel or lodging. An ad
    without `lang` gets the detected one.
    """
    parts, embedding = feature_parts(model.pipeline), embedding_step(model.pipeline)
    offer = OfferContext()
    batches = [ads[i : i + batch_size] for i in range(0, len(ads), batch_size)]
    results: list[Scored] = []
    ahead: dict[int, Future] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="baliza-encode") as pool:

        def prefetch(k: int) -> None:
            if embedding is not None and k < len(batches):
                ahead[k] = pool.submit(embedding.vectors, [ad.text for ad in batches[k]])

        prefetch(0)
        for k, batch in enumerate(batches):
            prefetch(k + 1)
            batch = _with_langs(batch)
            texts = [ad.text for ad in batch]
            spans = detect_many(texts)
            lexical = [(n, p.transform(texts)) for n, p in parts if p is not embedding]
            if k in ahead:
                ahead.pop(k).result()
            probs = _assemble(model, texts, parts, dict(lexical))
            for ad, prob, found in zip(batch, probs, spans, strict=True):
                policy = decide(float(prob), model.threshold, (s.code for s in found), offer.offers(ad.text))
                results.append(
                    Scored(
                        id=ad.id,
                        score=round(float(prob), 6),
                        flagged=policy.flagged,
                        flag_reasons=policy.flag_reasons,
                        child_risk=policy.child_risk,
                        indicators=tuple(found),
                        lang=ad.lang,
                        model_version=model.version,
                    )
                )
    return results


def score_records(model: Model, records: Sequence[Mapping[str, Any]], batch_size: int = 256) -> list[dict]:
    """`score_ads` for JSON objects (`id`, `text`, optional `lang`): the `baliza score` lines."""
    scored = score_ads(model, [Ad.from_json(r) for r in records], batch_size)
    return [result.to_json() for result in scored]


WARM_UP = "Se busca camarera para hotel en Madrid, alojamiento incluido. Waitress wanted, lodging included."


def warm_up(model: Model) -> None:
    """Load now what scoring loads on first use — the encoder's weights, the language and indicator
    models — so a long-lived scorer (a batch engine's worker, a benchmark, the service) pays it
    before the first batch: building Lingua's detector alone holds Python's interpreter lock for
    about two seconds, which under a service's first partner request stalled every other request.
    The encoder is called directly: nothing enters the model's embedding cache, so every vector of
    a real run still comes from its own batch."""
    encoder = model.manifest.get("encoder")
    if encoder:
        model.encoders.get(encoder).encode([WARM_UP])
    detect_langs([WARM_UP])
    detect_many([WARM_UP])


def _with_langs(batch: Sequence[Ad]) -> list[Ad]:
    """The batch with a detected `lang` where an ad has none (one parallel detection pass)."""
    todo = [i for i, ad in enumerate(batch) if not ad.lang]
    found = dict(zip(todo, detect_langs([batch[i].text for i in todo]), strict=True))
    return [replace(ad, lang=found[i]) if i in found else ad for i, ad in enumerate(batch)]


def _assemble(model: Model, texts: list[str], parts: list[tuple[str, object]], done: dict) -> np.ndarray:
    blocks = [done[name] if name in done else part.transform(texts) for name, part in parts]
    matrix = sparse.hstack(blocks).tocsr()
    return calibrated(model.calibrator, model.pipeline.named_steps["head"].decision_function(matrix))
