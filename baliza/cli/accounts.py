"""`baliza keys` and `baliza users`: who may call the review service, managed from a shell.

Scripts (the demo, a deployment) create keys and accounts with these commands, so their output is
made for them: `keys create` prints the key alone on stdout, and `users add` reads the password from
stdin when stdin is not a terminal. Everything else a person reads goes to stderr. Each change is
audited with the actor `cli:<login name>`, through the same functions as the admin API.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import typer

from baliza.cli._context import settings_of

keys_app = typer.Typer(help="Partners' API keys: create, list, revoke.", no_args_is_help=True)
users_app = typer.Typer(help="People's accounts: add, disable, enable, list.", no_args_is_help=True)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Columns padded to their widest cell: readable by people, splittable by `awk`."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for row in (headers, *rows):
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        typer.echo("  ".join(cells).rstrip())


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else "-"


@keys_app.command("create")
def keys_create(
    ctx: typer.Context,
    partner: Annotated[str, typer.Option(help="Partner name (created if new).")],
    webhook: Annotated[str | None, typer.Option(help="URL for signed takedown notices.")] = None,
    scope: Annotated[
        list[str] | None, typer.Option(help="Comma-separated scopes: score, ingest (default both).")
    ] = None,
) -> None:
    """Issue an API key: the key alone on stdout (shown once); a webhook secret on stderr."""
    from baliza.cli._db import cli_actor, open_state
    from service.review import accounts

    given = (s.strip() for value in scope or [",".join(accounts.SCOPES)] for s in value.split(","))
    scopes = tuple(dict.fromkeys(s for s in given if s))  # order kept, repeats dropped
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        key, secret = accounts.create_key(
            session, state, partner, cli_actor(), scopes=scopes, webhook=webhook
        )
    typer.echo(key)
    if secret is not None:
        typer.echo(f"webhook secret (shown once; signs X-Baliza-Signature): {secret}", err=True)


@keys_app.command("list")
def keys_list(ctx: typer.Context) -> None:
    """Every key by its public prefix, with partner, scopes, created and revoked times."""
    from sqlalchemy import select

    from baliza.cli._db import open_state
    from service.db.models import ApiKey, Partner

    query = select(ApiKey, Partner.name).join(Partner, Partner.id == ApiKey.partner_id).order_by(ApiKey.id)
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        rows = [
            (key.prefix, partner, key.scopes, _when(key.created_at), _when(key.revoked_at))
            for key, partner in session.execute(query)
        ]
    _table(("PREFIX", "PARTNER", "SCOPES", "CREATED", "REVOKED"), rows)


@keys_app.command("revoke")
def keys_revoke(
    ctx: typer.Context, prefix: Annotated[str, typer.Argument(help="The key's prefix, from `keys list`.")]
) -> None:
    """Revoke a key: its next request is refused with 401."""
    from baliza.cli._db import cli_actor, open_state
    from service.review import accounts

    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        row = accounts.revoke_key(session, state, prefix, cli_actor())
    typer.echo(f"revoked {prefix} at {_when(row.revoked_at)}", err=True)


def _password() -> str:
    """From stdin's first line when piped (scripts); else typed twice, hidden."""
    from baliza.errors import InputError

    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputError("no password on stdin (pipe it in, one line)")
        return password
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise InputError("the two passwords differ")
    return first


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Login name.")],
    role: Annotated[str, typer.Option(help="analyst, supervisor, researcher or admin.")],
) -> None:
    """Create an account; the password comes from stdin when it is not a terminal."""
    from baliza.cli._db import cli_actor, open_state
    from service.review import accounts

    password = _password()
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        accounts.add_user(session, state, name, role, password, cli_actor())
    typer.echo(f"added {name} ({role})", err=True)


def _set_active(ctx: typer.Context, name: str, active: bool) -> None:
    from baliza.cli._db import cli_actor, open_state
    from service.review import accounts

    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        accounts.set_active(session, state, name, active, cli_actor())
    typer.echo(f"{'enabled' if active else 'disabled'} {name}", err=True)


@users_app.command("disable")
def users_disable(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Deactivate an account: no more logins, and its open sessions end now."""
    _set_active(ctx, name, active=False)


@users_app.command("enable")
def users_enable(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Login name.")]) -> None:
    """Reactivate a disabled account."""
    _set_active(ctx, name, active=True)


@users_app.command("list")
def users_list(ctx: typer.Context) -> None:
    """Every account with its role and whether it is active or locked out; never passwords."""
    from sqlalchemy import select

    from baliza.cli._db import open_state
    from service.db.models import User, utcnow

    now = utcnow()
    with open_state(settings_of(ctx)) as state, state.sessions() as session:
        rows = [
            (
                u.name,
                u.role,
                _yes(u.active),
                _yes(bool(u.locked_until and u.locked_until > now)),
                _when(u.created_at),
            )
            for u in session.scalars(select(User).order_by(User.name))
        ]
    _table(("NAME", "ROLE", "ACTIVE", "LOCKED", "CREATED"), rows)


def register(app: typer.Typer) -> None:
    """Add `baliza keys …` and `baliza users …` to `app`."""
    app.add_typer(keys_app, name="keys")
    app.add_typer(users_app, name="users")
