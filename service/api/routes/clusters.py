"""Clusters for analysts: items joined by a shared pseudonym token or near-duplicate text, listed as
one unit, read side by side, and decided in one action (each item's decision recorded and audited
on its own). The rules are `service/review/clusters.py` and `bulk.py`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field

from service.api.deps import AnalystDep
from service.api.openapi import AUTHENTICATED, errors
from service.api.routes.items import REASON_CODES, DecisionIn
from service.api.routes.queue import FiltersDep
from service.edge import MAX_ID, PathId, RowId, SessionDep, StateDep
from service.review import bulk, clusters

router = APIRouter(prefix="/v1", tags=["clusters"], responses=AUTHENTICATED)


class ClusterDecisionIn(DecisionIn):
    items: list[RowId] | None = Field(
        None,
        max_length=bulk.MAX_SELECTION,
        description="the members to decide; all open members when left out",
    )


@router.get("/clusters", response_model=clusters.ClusterPage)
def list_clusters(
    user: AnalystDep,
    session: SessionDep,
    state: StateDep,
    chosen: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
) -> clusters.ClusterPage:
    """Clusters holding at least one item that matches the queue's filters, in priority order (child
    risk, linked to a confirmed item, highest score, size, first seen). A cluster is named by its
    lowest item id; sizes and states count every non-dismissed member. No text."""
    return clusters.list_clusters(session, state, user, chosen, limit, offset)


@router.get("/clusters/{item_id}", response_model=clusters.ClusterDetail, responses=errors(404))
def read_cluster(
    item_id: PathId, user: AnalystDep, session: SessionDep, state: StateDep
) -> clusters.ClusterDetail:
    """The cluster holding the item (any member's id): its ads' redacted texts, highest risk first
    (at most 50), and the tokens two or more of them share. Audited as `item.view` per ad shown."""
    return clusters.open_cluster(session, state, user, item_id, via="api")


@router.post(
    "/clusters/{item_id}/decision",
    response_model=bulk.BulkDecided,
    responses=errors(404),
    description=f"Decide the cluster holding the item, or the members listed in `items`, in one action. "
    f"Reason codes — {REASON_CODES} (422 otherwise). Each item is claimed for its own decision "
    "(items someone else holds are refused), decided under the rules of a single decision and "
    "audited on its own; each refusal is listed with its kind (`conflict`, `forbidden`, "
    "`not-found`) and nothing of a refused item is written.",
)
def decide_cluster(
    item_id: PathId, body: ClusterDecisionIn, user: AnalystDep, session: SessionDep, state: StateDep
) -> bulk.BulkDecided:
    """Decide many members of a cluster; the route description lists the rules."""
    return bulk.decide_cluster(
        session, state, user, item_id, body.decision, body.reason, body.note, body.lean, body.items
    )
