"""What intake computes from a partner's ads before any transaction: the model's result, and for a
flagged ad its redaction, indicator spans into the redacted text, MinHash signature and what each
indicator found weighed in the score (`models.explain`).

This is all of intake's CPU work (minutes for a maximal request on two cores), so it sits behind
one small interface, `Analyser`: `InProcess` runs it in the calling thread (tests, the CLI, one
process), and `baliza serve` hands it to a scoring process at a lower CPU priority
(`service.scoring_process`), so that analysts' requests in the service's own process are served
first while a partner's ads wait for the cores. Both run `analyse`, so the answers are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from models.ad import Ad
from models.linking import band_keys
from models.minhash import signature, to_bytes
from service.privacy.redact import Redaction, redact

if TYPE_CHECKING:
    from models.modeldir import Model
    from models.scored import Scored

BATCH = 64


@dataclass(frozen=True)
class Analysed:
    """A flagged ad, ready for the queue but for its encryption and its rows."""

    redaction: Redaction
    indicators: list[dict]  # spans into the redacted text
    minhash: bytes  # models.minhash.to_bytes of the redacted text's signature
    bands: list[str]
    # Per indicator code found in the ad, its contribution to the score in log-odds; None when the
    # model has no indicator features (it cannot say).
    contributions: dict[str, float] | None = None


Analysis = list[tuple["Scored", Analysed | None]]


class Analyser(Protocol):
    """Where intake's CPU work runs; the app starts it with itself and closes it at shutdown."""

    def analyse(self, model: Model, ads: Sequence[Ad], secret_key: bytes) -> Analysis: ...

    def start(self) -> None: ...

    def close(self) -> None: ...


def analyse(model: Model, ads: Sequence[Ad], secret_key: bytes) -> Analysis:
    """Per ad, in order: the model's result and, when flagged, its analysis (None otherwise)."""
    # Imported here, as in `_flagged`: models.scoring pulls in scikit-learn, skops and torch and the
    # detector compiles its recognizers (seconds together), and every CLI command that opens the
    # database imports this module through service.runtime without ever scoring.
    from models.scoring import score_ads

    results = score_ads(model, ads, batch_size=BATCH)
    table = model.indicator_weights
    return [
        (result, _flagged(ad.text, secret_key, result, table) if result.flagged else None)
        for ad, result in zip(ads, results, strict=True)
    ]


def _flagged(text: str, secret_key: bytes, result: Scored, table: dict[str, float]) -> Analysed:
    from models.explain import contributions
    from models.indicators import detect  # see `analyse`

    red = redact(text, secret_key)
    sig = signature(red.text)
    # The model's indicator columns are computed from the ad as sent, so its codes are the result's.
    weighed = contributions(table, (span.code for span in result.indicators)) if table else None
    return Analysed(
        red,
        [span.to_dict() for span in detect(red.text)],
        to_bytes(sig),
        sorted(set(band_keys(sig))),
        weighed,
    )


class InProcess:
    """`analyse` in the calling thread (nothing to start or close)."""

    def analyse(self, model: Model, ads: Sequence[Ad], secret_key: bytes) -> Analysis:
        return analyse(model, ads, secret_key)

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass
