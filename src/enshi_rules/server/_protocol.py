"""The HTTP protocol of ``enshi-rules serve``: uvicorn's h11 protocol with TCP_NODELAY on every connection.

With ``--workers`` above 1, uvicorn binds the listening socket itself with ``socket.socket(family=...)``,
whose ``proto`` is 0, and asyncio sets TCP_NODELAY only on sockets whose ``proto`` is IPPROTO_TCP. Every
answer then waits on Nagle's algorithm and the client's delayed acknowledgement (about 40 ms on Linux):
measured on loopback, 2 workers answered half as many requests a second as 1 worker while using 40%
of a core. Setting the option when a connection is made restores it whatever bound the socket.
"""

from __future__ import annotations

import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["NoDelayH11Protocol"]


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with TCP_NODELAY set on the connection's socket."""

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:  # a connection already closed by its peer: nothing to answer on
                pass
        super().connection_made(transport)
