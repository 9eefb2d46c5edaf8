"""Evaluation and the report: ``evaluate`` (case in, cited report out), what a finding relied on
(``reliance``), why each finding says what it says (``explain``), what a report was computed with
(``versions``), the options that override one field of a case (``overrides``) and errors as RFC 9457
problem details (``problems``)."""
