"""Ids are bounded (1..MAX_ID, the id columns' range on both databases) on every route, the API's
and the pages': a larger one is 404 or 422 with `{"detail"}`, never a 500 from routing, the driver
(SQLite overflowed past 2^63-1) or the database (PostgreSQL's `integer` past 2^31-1).

Every route with an id in its path is found in the app (a new one is covered by itself) and called
by a supervisor — the role that may call all of them — with ids past the limit (2^31, 2^63, 10^30,
5,000 digits: Starlette's `int` parsed those inside routing) and with the largest legal id, which
must reach the database and come back 404. Query ids (`/v1/audit?before=`, `offset`) likewise. And
an external id holding a slash, percent-encoded, reaches the partner's route, not an item's.
"""

from __future__ import annotations

import re

from service.edge import MAX_ID
from service.security.csrf import csrf_token
from tests.service.api.conftest import PASSWORD, Service
from tests.service.api.helpers import all_routes, form_login, route_path

PAST_THE_LIMIT = (str(MAX_ID + 1), str(2**63), "1" + "0" * 30, "9" * 5000)
ID_PARAM = re.compile(r"\{(item_id|request_id)(:[a-z]+)?\}")
BODIES = {
    "decision": {"decision": "dismiss", "reason": "other"},
    "unmask": {"reason": "needed for the case report"},
}


def id_routes(service: Service) -> list[tuple[str, str]]:
    """(method, path template) of every route with an id in its path."""
    found = [
        name.split(" ", 1) for name in all_routes(service.client.app) if ID_PARAM.search(route_path(name))
    ]
    assert len(found) >= 15, found  # the API's and the pages' (a broken lookup would pass vacuously)
    return [(method, path) for method, path in found if method != "HEAD"]


def supervisor(service: Service) -> tuple[dict[str, str], dict[str, str]]:
    """(API headers, page headers) of a logged-in supervisor; the page session is the client's cookie."""
    api = service.user("supervisor", name="ids-sup")
    response = form_login(service.client, "ids-sup", PASSWORD, follow_redirects=False)
    assert response.status_code == 303
    cookie = service.client.cookies["baliza_session"]
    return api, {"X-CSRF-Token": csrf_token(service.state.secret_key, cookie)}


def call(service: Service, method: str, path: str, value: str, api: dict, page: dict):  # type: ignore[no-untyped-def]
    url = ID_PARAM.sub(value, path)
    body = next((b for word, b in BODIES.items() if url.endswith(word)), None)
    if path.startswith("/v1/"):
        return service.client.request(method, url, headers=api, json=body)
    return service.client.request(method, url, headers=page, data=body, follow_redirects=False)


def test_ids_past_64_bits_are_404_or_422_never_500(service):
    api, page = supervisor(service)
    problems = []
    for method, path in id_routes(service):
        for value in PAST_THE_LIMIT:
            response = call(service, method, path, value, api, page)
            ok = response.status_code in (404, 422) and set(response.json()) == {"detail"}
            if not ok:
                problems.append(
                    f"{method} {path} with {value[:25]}: {response.status_code} {response.text[:80]}"
                )
    assert not problems, "\n".join(problems)


def test_the_largest_id_reaches_the_database_and_is_not_found(service):
    api, page = supervisor(service)
    problems = []
    for method, path in id_routes(service):
        response = call(service, method, path, str(MAX_ID), api, page)
        refused_on_the_page = response.status_code == 303 and "message=" in response.headers["location"]
        if response.status_code not in (404, 409) and not refused_on_the_page:
            problems.append(f"{method} {path}: {response.status_code} {response.text[:80]}")
    assert not problems, "\n".join(problems)


def test_query_ids_are_bounded_too(service):
    api, _ = supervisor(service)
    assert service.client.get("/v1/audit", params={"before": MAX_ID}, headers=api).status_code == 200
    for value in PAST_THE_LIMIT:
        for path, name in (("/v1/audit", "before"), ("/v1/queue", "offset")):
            response = service.client.get(path, params={name: value}, headers=api)
            assert response.status_code == 422 and set(response.json()) == {"detail"}, (path, value[:25])
    assert service.client.get("/v1/queue", params={"offset": MAX_ID}, headers=api).status_code == 200


def test_an_encoded_slash_in_an_external_id_reaches_the_partners_route(service):
    key = service.partner()
    ad = {"external_id": "12/report", "text": "Vendo bicicleta usada, buen estado."}
    assert service.client.post("/v1/score", json={"items": [ad]}, headers=key).status_code == 200
    status = service.client.get("/v1/items/12%2Freport", headers=key)
    assert status.status_code == 200, status.text
    assert status.json()["external_id"] == "12/report"
    # Unencoded, the same path is item 12's case report, which no partner may read.
    assert service.client.get("/v1/items/12/report", headers=key).status_code == 403
