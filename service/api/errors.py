"""Every error leaves as `{"detail": "<one readable sentence>"}` with a 4xx/5xx status.

The review domain refuses with its own errors (`baliza.errors`); `status_of` is the one place that
gives each its HTTP status, for the API and the workspace pages alike (they share one app):

| error | status |
|---|---|
| `NotFound` | 404, or 410 Gone when `expired` (a lapsed approval, originals removed by retention) |
| `Conflict` | 409 |
| `Forbidden` | 403 |
| `Invalid` | 422 |
| any other `InputError` (a bad account name, role, scope, password; an unknown model) | 400 |
| `DatabaseBusy` (no lock in time), `ScoringUnavailable` (scoring process ended) | 503, `Retry-After` |
| any other `BalizaError` | 500 |
| a value the database refuses (`DataError`: a NUL in text on PostgreSQL, a number out of range) | 422 |

FastAPI's validation errors are a list of objects; partners' scripts and people alike read one
message better, so the first problem is named with its location. Unexpected errors become a 500
whose message names no internals (the log has the traceback, without request bodies).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException

from baliza.errors import BalizaError, Conflict, Forbidden, InputError, Invalid, NotFound
from service.db.engine import DatabaseBusy
from service.scoring_process import ScoringUnavailable

log = logging.getLogger("baliza.service")

STATUS: dict[type[BalizaError], int] = {NotFound: 404, Conflict: 409, Forbidden: 403, Invalid: 422}
GONE = 410


def status_of(exc: BalizaError) -> int:
    if isinstance(exc, NotFound) and exc.expired:
        return GONE
    for kind, status in STATUS.items():
        if isinstance(exc, kind):
            return status
    return 400 if isinstance(exc, InputError) else 500


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "request"


async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return JSONResponse({"detail": f"{_where(tuple(first['loc']))}: {first['msg']}{more}"}, status_code=422)


async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def _baliza(_request: Request, exc: BalizaError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status_of(exc))


async def _busy(request: Request, exc: DatabaseBusy | ScoringUnavailable) -> JSONResponse:
    """A write that could not get its lock in time, or scoring that lost its process: the caller
    retries; nothing was written."""
    log.warning("database busy on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": str(exc.retry_after)})


async def _unstorable(request: Request, exc: DataError) -> JSONResponse:
    """A value the request sent that the database cannot hold: the caller's to fix, so 422. The
    transaction rolled back; the log names the route, never the value."""
    log.info("refused a value the database cannot store on %s %s", request.method, request.url.path)
    return JSONResponse(
        {"detail": "a value in this request cannot be stored (a NUL character, or a number out of range)"},
        status_code=422,
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "internal error; the service log has details"}, status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(BalizaError, _baliza)  # type: ignore[arg-type]
    app.add_exception_handler(DatabaseBusy, _busy)  # type: ignore[arg-type]
    app.add_exception_handler(ScoringUnavailable, _busy)  # type: ignore[arg-type]
    app.add_exception_handler(DataError, _unstorable)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
