"""What both derivations share: a fact the case does not give (:class:`MissingFact`) and how a
property that is not known is left out of an engine fact (:func:`put`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["MissingFact", "put"]


@dataclass(frozen=True)
class MissingFact:
    """A fact a computation needs but the case does not give. Reported, never guessed."""

    field: str
    needed_for: str  # short citation, e.g. 第二十七条第一款
    reason: str  # Chinese, one sentence


def put(fact: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set properties, leaving out the ones that are None (absent is how rules test for 'not done')."""
    for k, v in values.items():
        if v is not None:
            fact[k] = v
    return fact
