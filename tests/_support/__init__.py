"""Helpers shared by the top-level test modules.

``tests/`` is not a package (pytest imports each ``tests/test_*.py`` as a top-level module), so the
helpers live in this package and ``pythonpath = ["tests"]`` in pyproject's ``[tool.pytest.ini_options]``
puts ``tests/`` on ``sys.path``: a test writes ``from _support.cases import letter_case``. The
packages below ``tests/`` (``rules/``, ``server/``, ``workbench/``) keep their own helpers beside
their tests and import them relatively (``from .casebuilder import ...``).
"""
