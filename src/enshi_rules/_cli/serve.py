"""``enshi-rules serve`` (the decision service) and ``enshi-rules token --add FILE`` (access tokens).

The service needs the ``server`` extra (FastAPI and uvicorn); without it ``serve`` says how to
install it and exits 2. Every default is the safe one: loopback only (127.0.0.1) unless ``--host``
is given, no access control unless ``--tokens`` names a file, no CORS unless ``--cors-origin`` is
given, no decision log unless ``--decision-log`` names a file.

The address is checked before anything starts (``server._supervisor.probe``): one that cannot be
bound (in use, a privileged port, not this machine's) is one bilingual line naming host and port,
exit 2, as for every other refusal to start. ``--workers 1`` runs uvicorn in this process, as
``uvicorn.run`` does; ``--workers N`` above 1 runs our own supervisor of N spawned worker processes,
each with its own listening socket bound with SO_REUSEPORT so that the kernel spreads connections
over them (``server/_supervisor.py``, docs/service.md). Either way a first SIGINT or SIGTERM stops the
service gracefully and a second at once (``server/_shutdown.py``); it ends as the first signal asks.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

__all__ = ["add_parser"]


def add_parser(sub: Any) -> None:
    s = sub.add_parser(
        "serve",
        help="运行决策服务（HTTP/JSON）/ run the decision service (HTTP, JSON)",
        description="运行决策服务：POST /v1/evaluate 等，接口文档见 /v1/docs。"
        " / Run the decision service: POST /v1/evaluate and the rest; the API document is at /v1/docs.",
    )
    s.add_argument("--host", default="127.0.0.1",
                   help="监听地址（默认 127.0.0.1，仅本机）/ address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="端口（默认 8000）/ the port to listen on (default 8000)")
    s.add_argument("--workers", type=int, default=1, metavar="N",
                   help="工作进程数（默认 1；引擎在一个进程内串行）/ worker processes (default 1; the engine is serial within a process)")
    s.add_argument("--tokens", metavar="FILE", default=None,
                   help="访问令牌的加盐哈希文件（enshi-rules token 生成）；缺省时不校验 / file of salted token hashes "
                        "(from 'enshi-rules token'); without it, no access control")
    s.add_argument("--decision-log", dest="decision_log", metavar="FILE", default=None,
                   help="每次决定追加一行 JSON（默认不记录）/ append one JSON line per decision (default: no log)")
    s.add_argument("--decision-log-full", dest="decision_log_full", action="store_true",
                   help="决定日志中保留输入文档和人员姓名 / keep the input document and personal names in the decision log")
    s.add_argument("--cors-origin", dest="cors_origins", action="append", default=[], metavar="ORIGIN",
                   help="允许跨域访问的来源（可重复；默认无）/ an origin allowed by CORS (repeatable; default none)")
    s.add_argument("--time-limit", dest="time_limit", type=float, default=10.0, metavar="SECONDS",
                   help="单个请求的处理时限，含排队等待（默认 10 秒）/ time limit of one request, its wait for the "
                        "evaluation thread included (default 10 s)")
    s.add_argument("--max-pending", dest="max_pending", type=int, default=64, metavar="N",
                   help="每个工作进程同时等待或计算的请求上限，超出即答 503（默认 64）/ requests one worker holds "
                        "waiting or being evaluated; one more is answered 503 at once (default 64)")
    s.set_defaults(func=_cmd_serve)
    t = sub.add_parser(
        "token",
        help="生成服务访问令牌 / make an access token for the service",
        description="生成一个随机令牌，只显示一次；把它的加盐哈希追加到 FILE（serve --tokens FILE）。"
        " / Make a random token, shown once; append its salted hash to FILE (serve --tokens FILE).",
    )
    t.add_argument("--add", metavar="FILE", required=True,
                   help="追加哈希行的令牌文件 / the tokens file to append the hash line to")
    t.add_argument("--label", default="", help="写在哈希行后的说明（如平台名称）/ a label written after the hash (the platform's name)")
    t.set_defaults(func=_cmd_token)


def _cmd_token(args: argparse.Namespace) -> int:
    try:
        from ..server._auth import hash_line, new_token
    except ImportError as exc:
        return _fail(f"需要 server 扩展 / needs the server extra: pip install 'enshi-rules[server]' ({exc.name} is missing)")
    token = new_token()
    label = " ".join(args.label.split())  # one line, whatever was given
    try:
        fd = os.open(args.add, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(hash_line(token, label) + "\n")
    except OSError as exc:
        return _fail(f"cannot write {args.add}: {exc.strerror or exc}")
    print(token)
    print(f"已把令牌的哈希追加到 {args.add}；令牌只显示这一次。/ the token's hash was appended to {args.add}; "
          "the token is shown only this once.", file=sys.stderr)
    return 0


def _fail(msg: str, code: int = 2) -> int:
    print(f"enshi-rules serve: {msg}", file=sys.stderr)
    return code


def _cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..server import ServerSettings
        from ..server._app import SETTINGS_ENV
    except ImportError as exc:
        return _fail(f"需要 server 扩展 / needs the server extra: pip install 'enshi-rules[server]' ({exc.name} is missing)")
    if args.workers < 1:
        return _fail(f"--workers 应至少为 1 / --workers must be 1 or more, not {args.workers}")
    if args.time_limit <= 0:
        return _fail("--time-limit 应大于 0 / --time-limit must be more than 0")
    if args.max_pending < 1:
        return _fail(f"--max-pending 应至少为 1 / --max-pending must be 1 or more, not {args.max_pending}")
    settings = ServerSettings(
        tokens_file=os.path.abspath(args.tokens) if args.tokens else None,
        decision_log=os.path.abspath(args.decision_log) if args.decision_log else None,
        decision_log_full=args.decision_log_full,
        cors_origins=tuple(args.cors_origins),
        time_limit=args.time_limit,
        max_pending=args.max_pending,
    )
    # each worker process builds its own application from the settings in its environment
    os.environ[SETTINGS_ENV] = settings.to_env()
    try:
        from ..server._app import create_app_from_env

        create_app_from_env()  # refuse a bad tokens file here, once, before any worker starts
    except (OSError, ValueError) as exc:
        return _fail(str(exc))
    from ..server import _supervisor

    try:  # the address, checked before anything starts (also before uvicorn binds it for one worker)
        port = _supervisor.probe(args.host, args.port)
    except OSError as exc:
        return _fail(_supervisor.bind_error(args.host, args.port, exc))
    app = "enshi_rules.server:create_app_from_env"
    # TCP_NODELAY on every connection, also on a socket that uvicorn or our supervisor binds
    http = "enshi_rules.server._protocol:NoDelayH11Protocol"
    if args.workers == 1:  # uvicorn in this process, as uvicorn.run runs it, stopping as a worker stops
        from ..server import _shutdown

        server = _shutdown.Server(uvicorn.Config(app, factory=True, host=args.host, port=args.port, http=http,
                                                 log_level="info", server_header=False))
        try:
            server.run()
        except KeyboardInterrupt:  # a Ctrl-C before uvicorn took the signal
            pass
        if not server.started:
            return 3  # as uvicorn.run: the application could not start
        return _shutdown.end_as(server.signals)
    # several workers: our own supervisor, a listening socket per worker (server/_supervisor.py)
    config = uvicorn.Config(app, factory=True, host=args.host, port=port, workers=args.workers, http=http,
                            log_level="info", server_header=False)
    try:
        sockets, warning = _supervisor.listening_sockets(args.host, port, args.workers)
    except OSError as exc:
        return _fail(_supervisor.bind_error(args.host, port, exc))
    if warning:
        print(f"enshi-rules serve: {warning}", file=sys.stderr, flush=True)
    where = f"[{args.host}]" if ":" in args.host else args.host
    return _supervisor.Supervisor(config, sockets, url=f"http://{where}:{port}").run()
