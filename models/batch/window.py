"""Results in input order with a bounded number of tasks in flight.

The batch engines stream: the client holds at most `window` chunks (submitted or finished and
waiting for an earlier one), whatever the input's length. The oldest task is waited for first, so
results come back in input order; a later chunk that finishes early waits in its future.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R", covariant=True)


class Pending(Protocol[R]):
    """What a submit function returns: `concurrent.futures.Future` and Dask's `Future` both are."""

    def result(self) -> R: ...


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter), read lazily."""
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(items: Iterable[T], submit: Callable[[T], Pending[R]], window: int) -> Iterator[R]:
    """`submit(item).result()` for each item, in input order, with at most `window` submitted and
    not yet given back; the next item is read only when there is room for it."""
    if window < 1:
        raise ValueError("window must be at least 1")
    pending: deque[Pending[R]] = deque()
    for item in items:
        if len(pending) >= window:
            yield pending.popleft().result()
        pending.append(submit(item))
    while pending:
        yield pending.popleft().result()
