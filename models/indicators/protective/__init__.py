"""Protective wording: statements that, if true, are the opposite of a forced-labour red flag.

"No fees charged to the worker", "you keep your passport", "written contract before you travel",
"paid monthly into your own account", "maximum 40 hours, two rest days", "you may leave at any
time", "applicants must be 18 or over", "registered with social security". Analysts see them beside
the indicators; the tool finds the words, people judge whether they are true (deceptive ads claim
them too). Negated or conditional protections ("we cannot guarantee a contract", "contract only
after the trial") are not found.

Public API: :func:`find_protective` (text -> sorted :class:`ProtectiveSpan` list), ``TYPES``.
The scorer for labelled sets is :mod:`models.indicators.protective.evaluate`.
"""

from __future__ import annotations

from models.indicators.protective.finder import find_protective
from models.indicators.protective.registry import TYPES
from models.indicators.protective.span import ProtectiveSpan

__all__ = ["TYPES", "ProtectiveSpan", "find_protective"]
