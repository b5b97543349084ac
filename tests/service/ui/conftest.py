"""The workspace tests reuse the API tests' service fixture (a real database per backend)."""

from tests.service.api.conftest import (  # noqa: F401  (fixtures)
    database_url,
    postgres_template,
    service,
    service_model,
    settings,
)
