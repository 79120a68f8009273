"""The facts of a completed step that the built-in reactions (engine.letter_steps) are given.

Its own module so that engine.hooks, which reads them, and engine.letter_steps, which takes
them, both name it without importing each other (no import circle in the engine).
"""

from __future__ import annotations

from typing import NamedTuple


class StepFacts(NamedTuple):
    """The completed step as a built-in reaction needs it, read with one prepared statement
    (the ORM objects of the case and its items are loaded only for a reaction that takes them)."""

    case_id: int
    number: str
    title: str
    requester: str | None
    item_id: int
    step_no: int
