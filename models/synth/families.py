"""The registry of template families, in a fixed order (the order is part of reproducibility).

How many ads each family contributes depends on its kind: positive families 82, negative job ads 130,
ordinary classifieds 95, giving about 6,700 ads, ~38 % positive and a little over half Spanish.
"""

from __future__ import annotations

import dataclasses

from . import (
    families_en_neg_classifieds,
    families_en_neg_jobs,
    families_en_pos_abroad,
    families_en_pos_local,
    families_en_pos_sexual,
    families_es_neg_classifieds,
    families_es_neg_jobs,
    families_es_pos_abroad,
    families_es_pos_local,
    families_es_pos_sexual,
)
from .family import Family

COUNTS = {"labour": 82, "sexual": 82, "job": 130, "classified": 95}

_MODULES = (
    families_es_pos_abroad,
    families_es_pos_local,
    families_es_pos_sexual,
    families_en_pos_abroad,
    families_en_pos_local,
    families_en_pos_sexual,
    families_es_neg_jobs,
    families_es_neg_classifieds,
    families_en_neg_jobs,
    families_en_neg_classifieds,
)

FAMILIES: tuple[Family, ...] = tuple(
    dataclasses.replace(fam, count=COUNTS[fam.group]) for module in _MODULES for fam in module.FAMILIES
)
BY_NAME: dict[str, Family] = {fam.name: fam for fam in FAMILIES}

if len(BY_NAME) != len(FAMILIES):
    raise RuntimeError("duplicate family names")
