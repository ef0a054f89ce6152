"""Kernel websockets without Nagle's delay, for every Jupyter server of the kit.

A slider move sends the kernel one message and gets back a burst: « busy », the figure (tens
of KB), the summary, « idle ». Tornado leaves Nagle's algorithm on for websockets, so a
segment smaller than the link's maximum is held until the browser acknowledges the previous
one, and the browser delays that acknowledgement (up to 40 ms on Linux). The tail of a figure
then waits for it: in JupyterLab, key press → figure received took 50–52 ms p50 with it and
23–26 ms without it (tools/bench_browser.py, 2 cores). ``TCP_NODELAY`` is what tornado's
``WebSocketHandler.set_nodelay`` documentation recommends for small interactive messages.

:class:`NoDelayKernelConnection` is jupyter_server's own kernel websocket connection with
that flag set when the websocket opens. It is used by JupyterLab and the hub's single-user
servers through the ``socialkit.lab`` server extension, and by Voilà through
``--Voila.kernel_websocket_connection_class`` (``make apps``, the tests, the benchmark).
"""

from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

__all__ = ["NoDelayKernelConnection", "VOILA_OPTION"]


class NoDelayKernelConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, with ``TCP_NODELAY`` on its socket."""

    def connect(self):
        self.websocket_handler.set_nodelay(True)
        return super().connect()


#: Voilà's command-line option that selects this connection (standalone Voilà does not load
#: the Jupyter server extensions).
VOILA_OPTION = (
    "--Voila.kernel_websocket_connection_class=socialkit.websocket.NoDelayKernelConnection"
)
