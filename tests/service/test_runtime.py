"""The app's one `Encoders`: every model load of a running service goes through the same holder."""

from __future__ import annotations

from baliza.settings import Settings
from service.runtime import ModelHolder


def test_reloads_embed_through_the_holder_the_app_started_with(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")  # an empty registry: the shipped default
    first = ModelHolder(settings).get()
    holder = ModelHolder(settings, first)  # as `create_app(model=...)` builds it
    assert holder.encoders is first.encoders
    again = holder.reload()
    assert again is not first and again.encoders is first.encoders and holder.get() is again
