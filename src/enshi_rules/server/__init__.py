"""``enshi-rules serve``: the decision service for systems that do not speak Python.

A FastAPI application (``create_app``) run by uvicorn, installed with the ``server`` extra
(``pip install 'enshi-rules[server]'``). Every endpoint is versioned under ``/v1`` except
``/healthz``; ``docs/openapi.json`` is the committed OpenAPI document (a test keeps it equal to
``create_app().openapi()``). Errors are RFC 9457 problem details (``enshi_rules._evaluate.problems``).

Every response carries a ``decision_id`` (a UUID, also in the ``Enshi-Decision-Id`` header) and the
``versions`` the answer was computed with (``enshi_rules._evaluate.versions``).

The engine serialises evaluations within a process, so throughput comes from worker processes
(``--workers``); each worker builds its own application with ``create_app_from_env``. With more than
one, ``_supervisor`` starts them, one listening socket each (SO_REUSEPORT), and restarts or stops them.

Other routers (the browser workbench at ``/``) are added in ``create_app`` where it says
``# Routers of other parts of the package``: one ``app.include_router(...)`` line each.
"""

from __future__ import annotations

from ._app import ServerSettings, create_app, create_app_from_env

__all__ = ["ServerSettings", "create_app", "create_app_from_env"]
