"""One recognizer class per indicator code (Presidio ``predefined_recognizers`` style).

``ALL_RECOGNIZERS`` is the explicit list the registry loads; the registry checks it against the
taxonomy, so adding a code to ``taxonomy.yaml`` without a recognizer fails loudly at load.
"""

from __future__ import annotations

from models.indicators.recognizers.appearance import AppearanceRecognizer
from models.indicators.recognizers.base import PatternRecognizer
from models.indicators.recognizers.chat_interview import ChatOnlyInterviewRecognizer
from models.indicators.recognizers.child_domestic_placement import ChildDomesticPlacementRecognizer
from models.indicators.recognizers.debt import DebtRecognizer
from models.indicators.recognizers.document_retention import DocumentRetentionRecognizer
from models.indicators.recognizers.irregular_entry import IrregularEntryRecognizer
from models.indicators.recognizers.job_abroad import JobAbroadRecognizer
from models.indicators.recognizers.live_in_isolation import LiveInIsolationRecognizer
from models.indicators.recognizers.marriage import MarriageLureRecognizer
from models.indicators.recognizers.messenger_only import MessengerOnlyRecognizer
from models.indicators.recognizers.minors_targeted import MinorsTargetedRecognizer
from models.indicators.recognizers.money_mule import MoneyMuleRecognizer
from models.indicators.recognizers.no_contract import NoContractRecognizer
from models.indicators.recognizers.no_days_off import NoDaysOffRecognizer
from models.indicators.recognizers.recruitment_fee import RecruitmentFeeRecognizer
from models.indicators.recognizers.scam_compound import ScamCompoundLureRecognizer
from models.indicators.recognizers.scholarship import ScholarshipLureRecognizer
from models.indicators.recognizers.sports_trial import SportsTrialLureRecognizer
from models.indicators.recognizers.travel_deducted import TravelDeductedRecognizer
from models.indicators.recognizers.unrealistic_pay import UnrealisticPayRecognizer
from models.indicators.recognizers.upfront_payment import UpfrontPaymentRecognizer
from models.indicators.recognizers.urgency import UrgencyRecognizer
from models.indicators.recognizers.vague_employer import VagueEmployerRecognizer
from models.indicators.recognizers.wages_withheld import WagesWithheldRecognizer

ALL_RECOGNIZERS: tuple[type[PatternRecognizer], ...] = (
    JobAbroadRecognizer,
    TravelDeductedRecognizer,
    RecruitmentFeeRecognizer,
    DebtRecognizer,
    DocumentRetentionRecognizer,
    WagesWithheldRecognizer,
    LiveInIsolationRecognizer,
    NoDaysOffRecognizer,
    UnrealisticPayRecognizer,
    AppearanceRecognizer,
    MinorsTargetedRecognizer,
    UrgencyRecognizer,
    MessengerOnlyRecognizer,
    VagueEmployerRecognizer,
    NoContractRecognizer,
    IrregularEntryRecognizer,
    ChildDomesticPlacementRecognizer,
    ScamCompoundLureRecognizer,
    MoneyMuleRecognizer,
    SportsTrialLureRecognizer,
    ScholarshipLureRecognizer,
    MarriageLureRecognizer,
    UpfrontPaymentRecognizer,
    ChatOnlyInterviewRecognizer,
)

__all__ = ["ALL_RECOGNIZERS", "PatternRecognizer"]
