"""The indicator taxonomy (`models/indicators/taxonomy.yaml`) for whoever reads scores: partners see
codes in `indicators` and `flag_reasons` of /v1/score, analysts in the queue, and both need the
same names, definitions, ILO mapping and severity that the detector, the UI and the reports use."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, Field

from models.indicators import Indicator, load_taxonomy
from models.indicators.taxonomy import Severity
from service.api.deps import CallerDep
from service.api.openapi import AUTHENTICATED

router = APIRouter(prefix="/v1", tags=["indicators"], responses=AUTHENTICATED)


class IndicatorName(BaseModel):
    es: Annotated[str, Field(examples=["Pasaje adelantado y descontado"])]
    en: Annotated[str, Field(examples=["Travel advanced, deducted later"])]


class IndicatorOut(BaseModel):
    code: Annotated[
        str,
        Field(
            description="Stable code, as in spans and `indicator:CODE` reasons.", examples=["TRAVEL_DEDUCTED"]
        ),
    ]
    name: IndicatorName
    definition: Annotated[str, Field(description="What the indicator means in an ad (English).")]
    definition_es: Annotated[str, Field(description="The same definition in Spanish.")]
    ilo: Annotated[
        str,
        Field(
            description="The ILO forced-labour indicator (2012) or fair-recruitment rule (2019) it maps to.",
            examples=["Debt bondage"],
        ),
    ]
    ilo_es: Annotated[
        str, Field(description="The same ILO indicator in Spanish.", examples=["Servidumbre por deudas"])
    ]
    severity: Annotated[
        Severity,
        Field(
            description="decisive: flags an ad offering work, travel or lodging on its own; strong: a "
            "clear red flag with any other indicator; weak: counts only in combination."
        ),
    ]


class Taxonomy(BaseModel):
    indicators: Annotated[list[IndicatorOut], Field(description="Every indicator, in the taxonomy's order.")]


def _out(indicator: Indicator) -> IndicatorOut:
    return IndicatorOut(
        code=indicator.code,
        name=IndicatorName(es=indicator.name_es, en=indicator.name_en),
        definition=indicator.definition,
        definition_es=indicator.definition_es,
        ilo=indicator.ilo,
        ilo_es=indicator.ilo_es,
        severity=indicator.severity,
    )


@router.get("/indicators", response_model=Taxonomy)
def indicators(_caller: CallerDep) -> Taxonomy:
    """The risk-indicator taxonomy: code, names in Spanish and English, definition, ILO indicator and
    severity. For partners (`X-API-Key`) and people (`Authorization: Bearer`) alike."""
    return Taxonomy(indicators=[_out(indicator) for indicator in load_taxonomy().values()])
