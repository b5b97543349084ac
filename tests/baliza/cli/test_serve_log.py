"""`baliza serve` logs requests by path only: a query string (the queue's and the audit log's
filters hold sources, names, e-mail addresses) never reaches the access log. The whole process is
tests/baliza/cli/test_serve.py; here, uvicorn's access logger under `log_config()`."""

from __future__ import annotations

import logging
import urllib.request

from fastapi import FastAPI

from baliza.cli.serve import PathOnly, log_config
from tests.service.ui.browser import live_server

EMAIL = "ana.lopez@example.com"


def access_record(path: str) -> logging.LogRecord:
    """A record as uvicorn's HTTP protocols write one."""
    args = ("127.0.0.1:50000", "GET", path, "1.1", 200)
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None
    )


def test_the_filter_keeps_the_path_and_drops_the_query():
    record = access_record(f"/v1/queue?source={EMAIL}&sort=age")
    assert PathOnly().filter(record)
    assert record.getMessage() == '127.0.0.1:50000 - "GET /v1/queue HTTP/1.1" 200'
    for own in ("/v1/items/12/report", "/v1/items/12/decision"):
        mine = access_record(own)
        assert PathOnly().filter(mine) and f"GET {own} HTTP" in mine.getMessage()
    for partner_id in (EMAIL, "%2B34%20612%20345%20678", "612345678", "12/other", "ad/7/report"):
        theirs = access_record(f"/v1/items/{partner_id}?x=1")
        assert PathOnly().filter(theirs)
        assert theirs.getMessage() == '127.0.0.1:50000 - "GET /v1/items/{external_id} HTTP/1.1" 200'
    other = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, "plain %s", ("x?y",), None)
    assert PathOnly().filter(other) and other.getMessage() == "plain x?y"  # not an access line: untouched


def test_a_live_server_under_log_config_logs_no_query():
    app = FastAPI()

    @app.get("/queue")
    def queue() -> dict:
        return {}

    seen: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    keeper, access = Keep(), logging.getLogger("uvicorn.access")
    with live_server(app, log_config=log_config(), log_level="info") as url:  # configures logging
        access.addHandler(keeper)
        try:
            with urllib.request.urlopen(f"{url}/queue?source={EMAIL}", timeout=10) as response:
                assert response.status == 200
        finally:
            access.removeHandler(keeper)
            for added in [f for f in access.filters if isinstance(f, PathOnly)]:
                access.removeFilter(added)  # the next server configures logging afresh
    assert any('"GET /queue HTTP/1.1" 200' in line for line in seen), seen
    assert not any(EMAIL in line or "?" in line for line in seen)
