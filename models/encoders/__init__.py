"""Text encoders behind one interface (`Encoder`), found by name, held by an `Encoders` holder
with a hash-keyed embedding cache.

Make one `Encoders` per process entry point and pass it to `models.modeldir.load_model` and
`models.train.train`; `configure_cache`, `embed`, `get_encoder` and `register_encoder` are the
transitional process-wide interface (`models.encoders.compat`).
"""

from models.encoders.base import Encoder, Factory
from models.encoders.cache import EmbeddingCache
from models.encoders.catalogue import BUILTIN, PACKAGES
from models.encoders.compat import configure_cache, embed, get_encoder, register_encoder
from models.encoders.holder import Encoders
from models.encoders.vectors import normalise_rows

__all__ = [
    "BUILTIN",
    "PACKAGES",
    "EmbeddingCache",
    "Encoder",
    "Encoders",
    "Factory",
    "configure_cache",
    "embed",
    "get_encoder",
    "normalise_rows",
    "register_encoder",
]
