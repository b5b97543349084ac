"""Accounts on the domain alone: lockout by the context's clock, and the refusals every door shares."""

from __future__ import annotations

import pytest

from baliza.errors import BalizaError, Conflict, Forbidden, InputError, Invalid, NotFound
from service.review import accounts
from service.security.identity import token_user

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
