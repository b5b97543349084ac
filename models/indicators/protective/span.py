"""One piece of protective wording found in a text: its type and where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProtectiveSpan:
    """``text[start:end]`` states a protection of kind ``type`` (one of ``TYPES``); whether it is
    true is for a person to judge."""

    type: str
    start: int
    end: int

    def to_dict(self) -> dict[str, int | str]:
        """The JSON shape, for whoever serves the spans."""
        return {"type": self.type, "start": self.start, "end": self.end}
