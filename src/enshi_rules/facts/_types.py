"""Field types of the case document that refuse what pydantic would otherwise coerce.

pydantic's lax mode reads ``1748822400`` or ``"1748822400"`` as a date (a Unix timestamp) and
``"yes"`` or ``1`` as true. A case document is evidence: a date is written ``YYYY-MM-DD`` and a yes
or no is ``true`` or ``false``; anything else is a data error naming the field.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, StrictBool
from pydantic_core import PydanticCustomError

__all__ = ["IsoDate", "StrictBool"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise PydanticCustomError("iso_date", "a date without a time, YYYY-MM-DD")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO.fullmatch(value):
        return value  # pydantic then checks it is a real date (2025-02-30 is not)
    raise PydanticCustomError("iso_date", "a date written YYYY-MM-DD")


#: A date given as ``YYYY-MM-DD`` text (or a ``datetime.date`` from Python), nothing else.
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
