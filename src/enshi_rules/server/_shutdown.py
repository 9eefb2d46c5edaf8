"""How a process of ``enshi-rules serve`` that runs uvicorn stops: gracefully on a first signal, at once on a second.

``Server`` is ``uvicorn.Server`` with three changes, used by ``serve --workers 1`` (in the ``serve``
process) and by every worker of the supervisor (``_supervisor``):

- **Any second signal forces the shutdown.** uvicorn forces it only on a second SIGINT; a second
  SIGTERM (a service manager's, or the supervisor's) did nothing. Here SIGINT or SIGTERM, whichever
  comes second, forces it.
- **A forced shutdown drops the connections still open**, and so ends on every Python. uvicorn, when
  forced, stops waiting for open connections but then awaits ``asyncio.Server.wait_closed()``. Up to
  Python 3.11 that returned at once (a bug); from 3.12.1 it waits until every connection is closed,
  and uvicorn closes only the idle ones (it moved ``wait_closed`` after closing them: uvicorn pull
  request 2145). A connection with a request in progress (a body still arriving, a client that does
  not read) then kept the worker waiting after the second signal as before it: until the
  supervisor's ``SHUTDOWN_GRACE`` ran out and it was killed. Here a forced shutdown aborts the
  transport of every connection still open (logged: ``forced shutdown: dropping N open
  connection(s)``), waits a moment (``DROP_WAIT``) for their requests to see the disconnect, and
  runs the application's shutdown (within ``DROP_WAIT``; uvicorn skips it when forced, and the
  application's task was then cancelled with a stack trace in the log).
- **The signals are not raised again at the end.** uvicorn re-raises what it caught, last first, so
  that SIGTERM then SIGINT ended as a Ctrl-C and SIGINT then SIGTERM as SIGTERM. Here the caller ends
  as the *first* signal says (``end_as``): the first signal is the kind of stop asked for, a second
  only hurries it.

The first signal is uvicorn's graceful shutdown, unchanged: no new connections, idle ones closed,
each request in progress answered (its connection then closed), the application's shutdown run.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import time
from types import FrameType

import uvicorn

__all__ = ["DROP_WAIT", "Server", "end_as"]

#: Seconds a forced shutdown waits for the requests of the connections it dropped to end.
DROP_WAIT = 2.0

log = logging.getLogger("uvicorn.error")


class Server(uvicorn.Server):
    """``uvicorn.Server``: the first SIGINT or SIGTERM stops gracefully, the second at once; ``signals`` says which came."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.signals: list[int] = []

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        # uvicorn's handler, but any second signal forces, and nothing is kept to be raised again
        self.signals.append(sig)
        if self.should_exit:
            self.force_exit = True
        else:
            self.should_exit = True

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        dropper = asyncio.ensure_future(self._drop_connections_when_forced())
        try:
            await super().shutdown(sockets=sockets)
        finally:
            if self.force_exit:
                await dropper  # the connections dropped also where wait_closed returned at once (3.11)
            else:
                dropper.cancel()
                await asyncio.gather(dropper, return_exceptions=True)
        if self.force_exit and not _shut_down(self.lifespan):
            # uvicorn skips the application's shutdown when forced; ours is quick, so it runs, within
            # DROP_WAIT (else the application's task is cancelled at the end with a stack trace)
            try:
                await asyncio.wait_for(self.lifespan.shutdown(), DROP_WAIT)
            except asyncio.TimeoutError:
                log.warning("应用程序 %g 秒内未完成关闭 / the application did not shut down within %g s",
                            DROP_WAIT, DROP_WAIT)

    async def _drop_connections_when_forced(self) -> None:
        while not self.force_exit:
            await asyncio.sleep(0.05)
        open_ = [c for c in list(self.server_state.connections) if not c.transport.is_closing()]
        if open_:
            log.warning("强制停止：断开 %d 个未完成的连接 / forced shutdown: dropping %d open connection(s)",
                        len(open_), len(open_))
        for connection in open_:
            connection.transport.abort()
        # each request of a dropped connection sees it gone (http.disconnect) and ends, unless it is
        # evaluating: then the process ends without it
        deadline = time.monotonic() + DROP_WAIT
        while self.server_state.tasks and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


def _shut_down(lifespan: object) -> bool:
    """Whether the application's shutdown has run (always, where lifespan events are off)."""
    event = getattr(lifespan, "shutdown_event", None)
    return not isinstance(event, asyncio.Event) or event.is_set()


def end_as(signals: list[int]) -> int:
    """End as the first of ``signals`` asks, as uvicorn ends: killed by SIGTERM after SIGTERM; else 0."""
    if signals and signals[0] == signal.SIGTERM:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
    return 0
