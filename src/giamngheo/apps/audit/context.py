"""Who is acting and from where, for the audit trail (set by the middleware, the CLI, tasks)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorContext:
    user_id: int | None = None
    label: str = ""
    ip_address: str | None = None


_ANONYMOUS = ActorContext()
_current: ContextVar[ActorContext] = ContextVar("giamngheo_actor", default=_ANONYMOUS)


def actor_current() -> ActorContext:
    return _current.get()


@contextmanager
def acting_as(context: ActorContext) -> Iterator[ActorContext]:
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)


def actor_set_for_process(context: ActorContext) -> None:
    """Set the actor for the rest of this process (CLI commands, the task worker)."""
    _current.set(context)
