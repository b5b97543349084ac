"""The workspace tests reuse the API tests' service fixture (a real database per backend); browser
tests get `workspace`: a live server on a SQLite file database and a launched Chromium (the pages'
logic is backend-independent and covered on PostgreSQL by the HTTP-level page tests)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from baliza.settings import Settings
from models.modeldir import Model
from service.app import create_app
from tests.service.api.conftest import (  # noqa: F401  (fixtures)
    Service,
    database_url,
    postgres_template,
    postgres_url,
    service,
    service_model,
    settings,
)
from tests.service.ui.browser import ARGS, CHROMIUM, EXPECT_TIMEOUT_MS, live_server, require_chromium


@pytest.fixture
def workspace(data_dir: Path, tmp_path: Path, service_model: Model) -> Iterator[tuple]:  # noqa: F811
    """(service, base URL of the live server, a launched Chromium)."""
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for the page, not a stopwatch: CI is two cores running the whole suite, where a
    # navigation has been seen to take longer than Playwright's 5 s default.
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    on_sqlite = Settings(data_dir=data_dir, database_url=f"sqlite:///{tmp_path / 'browser.sqlite3'}")
    app = create_app(on_sqlite, model=service_model, worker=False)
    with TestClient(app) as client, live_server(app) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield Service(client=client, state=app.state.baliza), url, browser
        browser.close()
