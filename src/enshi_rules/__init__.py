"""enshi-rules: 《恩施土家族苗族自治州行政执法监督办法》 as executable, cited rules.

The public API is exactly what ``__all__`` lists (``docs/api.md`` documents it; a test keeps the two
equal). Everything in a module whose name starts with an underscore is private.

    >>> import enshi_rules
    >>> report = enshi_rules.evaluate(case_document, as_of="2025-06-30")  # doctest: +SKIP
    >>> [f.citation for f in report.findings]                             # doctest: +SKIP
"""

from __future__ import annotations

from ._batch.pool import BatchError, BatchResult, evaluate_many
from ._engine.rulebook import DeadlineStatus, Modality
from ._evaluate.evaluate import evaluate
from ._evaluate.explain import Explanation, FindingExplanation, explain
from ._evaluate.versions import PACKAGE_VERSION
from ._periods.counting import DayCounting, PeriodPolicy
from .errors import (
    CalendarDataError,
    CalendarFileError,
    CaseValidationError,
    EngineError,
    EnshiRulesError,
    InputError,
    InputTooLargeError,
    Problem,
    RegistryError,
    ReportFormatError,
    RuleDefinitionError,
    RuleExecutionError,
)
from .facts import Case, load_case
from .report import (
    Applicable,
    CalendarUsed,
    Certainty,
    Finding,
    MissingFact,
    Note,
    Policy,
    Report,
    TimelineEntry,
)

__version__ = PACKAGE_VERSION

__all__ = [
    "Applicable",
    "BatchError",
    "BatchResult",
    "CalendarDataError",
    "CalendarFileError",
    "CalendarUsed",
    "Case",
    "CaseValidationError",
    "Certainty",
    "DayCounting",
    "DeadlineStatus",
    "EngineError",
    "EnshiRulesError",
    "Explanation",
    "Finding",
    "FindingExplanation",
    "InputError",
    "InputTooLargeError",
    "MissingFact",
    "Modality",
    "Note",
    "PeriodPolicy",
    "Policy",
    "Problem",
    "RegistryError",
    "Report",
    "ReportFormatError",
    "RuleDefinitionError",
    "RuleExecutionError",
    "TimelineEntry",
    "__version__",
    "evaluate",
    "evaluate_many",
    "explain",
    "load_case",
]
