"""All settings, in one typed object read from `BALIZA_*` environment variables.

This class is the canonical list: a test fails when the README does not document one of its
fields. Outside dev mode, placeholder secrets are refused at start (as the FastAPI full-stack
template does) — a deployment must set real keys or let Baliza generate them into the data dir.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"changethis", "changeme", "secret", "dev", "test"})


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
    redis_url: str | None = Field(None, description="Redis shared by scaled-out crawl processes.")
    ingest_key: str | None = Field(None, description="Partner API key the crawler uses with --post.")
    retention_days: int = Field(90, ge=1, description="Retention of raw values and dismissed items, in days.")
    lease_minutes: int = Field(15, ge=1, description="How long a claimed queue item stays with its analyst.")
    rate_limit_per_minute: int = Field(600, ge=1, description="Requests per minute per partner API key.")
    uncertainty_share: float = Field(
        0.1,
        ge=0.0,
        le=1.0,
        description="Share of analysts' claims given the most uncertain item (active learning); 0 disables.",
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


def env_names() -> list[str]:
    """Every environment variable the settings read, for docs and the README test."""
    return [f"BALIZA_{name.upper()}" for name in Settings.model_fields]
