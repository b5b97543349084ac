"""Accounts on the domain alone: lockout by the context's clock, and the refusals every door shares."""

from __future__ import annotations

import threading

import pytest

from baliza.errors import BalizaError, Conflict, Forbidden, InputError, Invalid, NotFound
from service.db.engine import make_engine
from service.db.models import User
from service.review import accounts
from service.security.identity import token_user
from tests.factories import START, Clock, review_context
from tests.service.api import conftest as api

# The API tests' fixtures: a fresh, migrated PostgreSQL database per test.
postgres_template, postgres_url = api.postgres_template, api.postgres_url

PASSWORD = "correct horse battery"


def test_refusals_are_errors_the_cli_shows_as_bad_input():
    for kind in (NotFound, Conflict, Forbidden, Invalid):
        assert issubclass(kind, BalizaError) and kind("x").exit_code == 2
    assert issubclass(Invalid, InputError) and not issubclass(NotFound, InputError)
    assert NotFound("gone", expired=True).expired and not NotFound("missing").expired


def test_names_taken_unknown_or_your_own(ctx, session):
    accounts.add_user(session, ctx, "ada", "admin", PASSWORD, "test")
    with pytest.raises(Conflict, match="exists already"):
        accounts.add_user(session, ctx, "ada", "analyst", PASSWORD, "test")
    with pytest.raises(InputError, match="unknown role"):
        accounts.add_user(session, ctx, "bob", "boss", PASSWORD, "test")
    with pytest.raises(NotFound, match="no user named 'nobody'"):
        accounts.set_active(session, ctx, "nobody", False, "user:ada")
    with pytest.raises(Conflict, match="your own account"):
        accounts.set_active(session, ctx, "ada", False, "user:ada")
    with pytest.raises(NotFound, match="no API key with prefix"):
        accounts.revoke_key(session, ctx, "bz_nothere", "user:ada")


def test_failed_logins_lock_the_account_until_the_lockout_passes(ctx, clock, session):
    accounts.add_user(session, ctx, "ana", "analyst", PASSWORD, "test")
    for _ in range(accounts.MAX_FAILURES):
        assert accounts.login(session, ctx, "ana", "guess") is None
    assert accounts.is_locked(session, "ana", clock())
    assert accounts.login(session, ctx, "ana", PASSWORD) is None  # the right password, but locked
    clock.advance(seconds=accounts.LOCKOUT.total_seconds() + 1)
    assert not accounts.is_locked(session, "ana", clock())
    token = accounts.login(session, ctx, "ana", PASSWORD)
    assert token is not None and token_user(session, token, clock()).name == "ana"
    clock.advance(seconds=accounts.TOKEN_LIFETIME.total_seconds())
    assert token_user(session, token, clock()) is None  # the session ends with its lifetime


def test_wrong_passwords_sent_at_once_through_two_processes_all_count(postgres_url, tmp_path):
    """Several workers on one PostgreSQL: a guesser spreading attempts over them still gets locked."""
    engines = [make_engine(postgres_url) for _ in range(2)]
    try:
        contexts = [review_context(engine, Clock(START), tmp_path) for engine in engines]
        with contexts[0].sessions() as session:
            accounts.add_user(session, contexts[0], "ada", "analyst", PASSWORD, "test")
        barrier = threading.Barrier(accounts.MAX_FAILURES)

        def guess(ctx) -> None:  # type: ignore[no-untyped-def]
            with ctx.sessions() as session:
                barrier.wait()
                assert accounts.login(session, ctx, "ada", "wrong guess") is None

        threads = [
            threading.Thread(target=guess, args=(contexts[i % 2],)) for i in range(accounts.MAX_FAILURES)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with contexts[1].sessions() as session:
            assert accounts.is_locked(session, "ada", START)
            assert accounts.login(session, contexts[1], "ada", PASSWORD) is None  # locked, though right
            assert session.query(User).filter_by(name="ada").one().failed_logins == 0
    finally:
        for engine in engines:
            engine.dispose()
