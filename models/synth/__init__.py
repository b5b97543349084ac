"""Seeded generator of Baliza's synthetic recruitment-ad dataset (labelled_data/synthetic-v1).

No real victim data is used anywhere: every ad is built from templates, phrase banks and invented
names, phones and e-mails, and the label follows the combination of risk indicators rendered into
the text (see ``taxonomy.label_for``). ``python -m models.synth`` rebuilds the committed files.
"""

from .generate import DEFAULT_SEED, GENERATOR_VERSION, generate, split_by_family, write_dataset
from .taxonomy import label_for

__all__ = ["DEFAULT_SEED", "GENERATOR_VERSION", "generate", "label_for", "split_by_family", "write_dataset"]
