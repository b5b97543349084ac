"""The eight protective recognizers, in the data card's order, and the types they stand for."""

from __future__ import annotations

from models.indicators.protective.age import AgeRecognizer
from models.indicators.protective.base import ProtectiveRecognizer
from models.indicators.protective.contract import ContractRecognizer
from models.indicators.protective.documents import DocumentsRecognizer
from models.indicators.protective.fees import FeesRecognizer
from models.indicators.protective.freedom import FreedomRecognizer
from models.indicators.protective.hours import HoursRecognizer
from models.indicators.protective.legal import LegalRecognizer
from models.indicators.protective.pay import PayRecognizer

ALL_PROTECTIVE: tuple[type[ProtectiveRecognizer], ...] = (
    PayRecognizer,
    HoursRecognizer,
    FeesRecognizer,
    LegalRecognizer,
    ContractRecognizer,
    FreedomRecognizer,
    AgeRecognizer,
    DocumentsRecognizer,
)
#: The protective types, one per recognizer.
TYPES: tuple[str, ...] = tuple(cls.CODE for cls in ALL_PROTECTIVE)
