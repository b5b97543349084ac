"""A text as a recognizer sees it, and the map from each of its characters back to the original.

Every canonical view (the Unicode fold, the digit reading) is a `View`; views compose with `then`, so
a span found in the last one maps straight back to the characters an analyst would have seen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    """`text` as recognizers see it; `starts[i]:ends[i]` are the original characters behind text[i].

    `starts is None` means the view is the original text itself (nothing was folded).
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind `text[start:end]` (a non-empty span)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]

    def then(self, outer: View) -> View:
        """The view `outer` (built over this view's text) mapped straight to the original text."""
        if outer.starts is None or outer.ends is None:
            return View(outer.text, self.starts, self.ends)
        if self.starts is None or self.ends is None:
            return outer
        starts, ends = self.starts, self.ends
        return View(outer.text, [starts[i] for i in outer.starts], [ends[i - 1] for i in outer.ends])


class ViewBuilder:
    """Builds a view piece by piece: copied stretches, replacements, and dropped characters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, text: str, start: int, end: int) -> None:
        if start < end:
            self.parts.append(text[start:end])
            self.starts.extend(range(start, end))
            self.ends.extend(range(start + 1, end + 1))

    def put(self, piece: str, start: int, end: int) -> None:
        """`piece` stands for the source characters `start:end` (each of its characters maps there)."""
        self.parts.append(piece)
        self.starts.extend([start] * len(piece))
        self.ends.extend([end] * len(piece))

    def absorb(self, end: int) -> None:
        """A dropped source character up to `end` belongs to the character before it (a keycap mark)."""
        if self.ends:
            self.ends[-1] = end

    def last(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""

    def view(self) -> View:
        return View("".join(self.parts), self.starts, self.ends)
