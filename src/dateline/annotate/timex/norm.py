"""What a grammar rule finds (the TIMEX3 type, value and mod of one match), and the tenses it is read in.

The choosing passes (`choose`) re-anchor a match on the narrative through `rebase`, and
swap in its `history` reading when the text reads as a history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Tense = Literal["past", "future", "present"]


@dataclass(frozen=True)
class _Norm:
    """What a grammar rule found: TIMEX3 type, value and mod, and whether dct was used.

    `rebase` recomputes the value from a narrative reference date (the last date
    mentioned, with its precision); `anaphoric` expressions always take it
    (`backward` ones, "a year earlier", only compare and leave the narrative where it was), and
    `quarterly` ones take the last quarter mentioned instead, when there is one.
    `history` is the reading in a history, where the value above (read as news, from dct)
    does not hold: "tomorrow" in a history is some day of the story, not the day after dct.
    """

    type: str
    value: str
    mod: str | None = None
    relative: bool = False
    rebase: Callable[[date, str], _Norm | None] | None = field(default=None, compare=False)
    anaphoric: bool = False
    backward: bool = False
    quarterly: bool = False
    history: _Norm | None = field(default=None, compare=False)
