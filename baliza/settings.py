"""All settings, in one typed object read from `BALIZA_*` environment variables.

This class is the canonical list and the one home of every default: a test fails when the README
does not document one of its fields, and the crawler takes its own defaults from here. Each entry
point (`baliza`, `python -m crawler.run`, the service's app factory) builds it once and passes it
down; nothing below an entry point reads `BALIZA_*` variables.

Outside dev mode, placeholder secrets are refused at start (as the FastAPI full-stack template
does) — a deployment must set real keys or let Baliza generate them into the data dir.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"changethis", "changeme", "secret", "dev", "test"})
# Never printed: `shown()` gives "***" for these when they are set.
SECRETS = frozenset({"secret_key", "vault_key", "ingest_key", "metrics_token"})
MASK = "***"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BALIZA_", extra="ignore")

    environment: Literal["dev", "production"] = Field(
        "dev", description="`production` refuses placeholder secrets at start."
    )
    data_dir: Path = Field(Path("./.baliza"), description="All state: database, models, feeds, spool, keys.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default a SQLite file in the data dir."
    )
    model: str | None = Field(
        None, description="Model directory or registry version; overrides the promoted one."
    )
    encoder: str = Field("use-m3", description="Text encoder `baliza train` uses unless --encoder is given.")
    secret_key: str | None = Field(
        None, description="Pseudonym HMAC key; generated into the data dir if unset."
    )
    vault_key: str | None = Field(
        None, description="Vault encryption key; generated into the data dir if unset."
    )
    host: str = Field("127.0.0.1", description="Where `baliza serve` listens.")
    port: int = Field(8000, ge=1, le=65535, description="Port of `baliza serve`.")
    site_url: str = Field("http://127.0.0.1:8765", description="The synthetic classifieds site.")
    sources_file: Path | None = Field(
        None, description="Crawler sources allow-list (YAML); default crawler/sources.yaml."
    )
    redis_url: str | None = Field(
        None, description="Redis shared by scaled-out crawl processes, and by service workers' rate limits."
    )
    ingest_key: str | None = Field(None, description="Partner API key the crawler uses with --post.")
    retention_days: int = Field(90, ge=1, description="Retention of raw values and dismissed items, in days.")
    lease_minutes: int = Field(15, ge=1, description="How long a claimed queue item stays with its analyst.")
    rate_limit_per_minute: int = Field(600, ge=1, description="Requests per minute per partner API key.")
    char_budget_per_minute: int = Field(
        1_200_000, ge=1, description="Characters of ad text scored per minute per partner API key."
    )
    scoring_process: bool = Field(
        True,
        description="`baliza serve` scores partners' ads in a child process at lower CPU priority (nice 10).",
    )
    uncertainty_share: float = Field(
        0.1,
        ge=0.0,
        le=1.0,
        description="Share of analysts' claims given the most uncertain item (active learning); 0 disables.",
    )
    metrics_token: str | None = Field(
        None, description="Bearer token Prometheus sends to read /metrics; unset: /metrics answers 404."
    )
    webhook_allow_private: bool = Field(
        False,
        description="Let webhooks use http:// and loopback or private addresses (development, tests).",
    )

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> Settings:
        if self.environment != "dev":
            for name in ("secret_key", "vault_key"):
                value = getattr(self, name)
                if value is not None and value.strip().lower() in PLACEHOLDER_SECRETS:
                    raise ValueError(
                        f"BALIZA_{name.upper()} is a placeholder; set a real secret outside dev mode"
                    )
        return self

    @cached_property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'baliza.sqlite3').resolve()}"

    @property
    def embedding_cache(self) -> Path:
        return self.data_dir / "cache" / "embeddings.sqlite3"

    @property
    def site_port(self) -> int:
        """The port `baliza site` serves on unless told otherwise: the one in BALIZA_SITE_URL."""
        return urlsplit(self.site_url).port or 80

    def with_changes(self, **changes: object) -> Settings:
        """A copy with some values replaced (a command's options), validated as the environment's are.

        `model_copy(update=...)` would skip validation, so `--port 70000` would reach the socket.
        The environment is not read again: the copy differs from this object only in `changes`.
        """
        return type(self).model_validate({**self.model_dump(), **changes})

    def shown(self) -> dict[str, str | int | float | None]:
        """Every setting in effect, safe to print: paths as strings, secrets as "***" (null when
        unset), passwords in URLs masked; plus the database URL and site port actually used."""
        values = {name: _shown(name, getattr(self, name)) for name in type(self).model_fields}
        values["resolved_database_url"] = mask_url(self.resolved_database_url)
        values["site_port"] = self.site_port
        return values


def _shown(name: str, value: object) -> str | int | float | None:
    if value is None or isinstance(value, int | float):
        return value
    if name in SECRETS:
        return MASK
    return mask_url(str(value))


def mask_url(value: str) -> str:
    """`value` with the password of a URL (`scheme://user:password@host`) replaced by "***"."""
    if "://" not in value:
        return value
    try:
        parts = urlsplit(value)
        has_password = parts.password is not None
    except ValueError:  # unparsable (a stray bracket): it might still hold a password
        return MASK
    if not has_password:
        return value
    userinfo, _, host = parts.netloc.rpartition("@")
    return urlunsplit(parts._replace(netloc=f"{userinfo.split(':', 1)[0]}:{MASK}@{host}"))


def bad_setting(exc: ValidationError) -> str:
    """One line naming the first bad setting and why, for an entry point to print instead of
    pydantic's many lines (the CLI promises one line, no traceback)."""
    first = exc.errors()[0]
    where = ".".join(map(str, first["loc"]))
    return f"bad setting {where}: {first['msg']}" if where else f"bad setting: {first['msg']}"


def env_names() -> list[str]:
    """Every environment variable the settings read, for docs and the README test."""
    return [f"BALIZA_{name.upper()}" for name in Settings.model_fields]
