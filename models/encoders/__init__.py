"""Text encoders behind one interface (`Encoder`), found by name, held by an `Encoders` holder
with a hash-keyed embedding cache.

There is no process-wide holder: each process entry point (a CLI run, the service app, a benchmark,
a script, a test session) makes one `Encoders` and passes it to `models.modeldir.load_model` and
`models.train.train`, so what a model embeds through is always visible at the call.
"""

from models.encoders.base import Encoder, Factory
from models.encoders.cache import EmbeddingCache
from models.encoders.catalogue import BUILTIN, PACKAGES
from models.encoders.holder import Encoders
from models.encoders.vectors import normalise_rows

__all__ = [
    "BUILTIN",
    "PACKAGES",
    "EmbeddingCache",
    "Encoder",
    "Encoders",
    "Factory",
    "normalise_rows",
]
