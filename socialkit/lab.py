"""A notebook opened in JupyterLab is not marked modified before the trainee changes anything.

Why a tab shows « unsaved » right after opening: as soon as its kernel starts, JupyterLab 4
writes the kernel's ``language_info`` into the notebook's metadata (``NotebookPanel``
``_updateLanguage``), and the model becomes dirty unless the notebook already held exactly
that value — including the interpreter's version (« 3.11.7 »), which differs from machine to
machine, so no file in git can hold it.

:class:`KitContentsManager` gives JupyterLab every python3 notebook with the ``language_info``
that this server's python3 kernel announces. The file on disk is untouched;
``make clean-notebooks`` keeps the version out of git.

This module is a Jupyter server extension, enabled in the environment by ``make install``
(``jupyter server extension enable --sys-prefix socialkit.lab``) or by the
``jupyter_server_config.d/socialkit.lab.json`` a wheel install puts there. When the server
links it, before the server creates its contents manager, it makes :class:`KitContentsManager`
the contents manager — unless the server was configured with another one. It also gives the
server kernel websockets without Nagle's delay (:mod:`socialkit.websocket`).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

from socialkit.websocket import NoDelayKernelConnection


def kernel_language_info() -> dict[str, Any]:
    """What the python3 kernel of this environment (ipykernel, this interpreter) announces."""
    from ipykernel.ipkernel import IPythonKernel

    info = dict(IPythonKernel.language_info)
    info["version"] = sys.version.split()[0]
    return info


def with_kernel_language(model: dict[str, Any]) -> dict[str, Any]:
    """``model`` (a contents-API notebook model) with the kernel's ``language_info``."""
    nb = model.get("content")
    if model.get("type") != "notebook" or not nb:
        return model
    metadata = nb.get("metadata", {})
    if metadata.get("kernelspec", {}).get("name") == "python3":
        metadata["language_info"] = kernel_language_info()
    return model


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "socialkit.lab"}]


def _link_jupyter_server_extension(serverapp: Any) -> None:
    if serverapp.contents_manager_class is AsyncLargeFileManager:  # the default one
        serverapp.contents_manager_class = KitContentsManager
    # kernel websockets without Nagle's delay (socialkit/websocket.py), unless the server was
    # configured with another connection or a gateway (reading the trait here would compute
    # its default before the server has its gateway settings)
    configured = serverapp.trait_has_value("kernel_websocket_connection_class")
    gateway = serverapp.config.get("GatewayClient", {}).get("url") or os.environ.get(
        "JUPYTER_GATEWAY_URL"
    )
    if not configured and not gateway:
        serverapp.kernel_websocket_connection_class = NoDelayKernelConnection


def _load_jupyter_server_extension(serverapp: Any) -> None:
    kind = type(serverapp.contents_manager).__name__
    connection = serverapp.kernel_websocket_connection_class.__name__
    serverapp.log.info("socialkit.lab: notebooks served by %s, kernels by %s", kind, connection)


class KitContentsManager(AsyncLargeFileManager):
    """Jupyter server's default contents manager; python3 notebooks come with the kernel's
    ``language_info``, so opening one does not mark it modified."""

    async def get(self, path, content=True, type=None, format=None, require_hash=False):  # noqa: A002
        model = await super().get(
            path, content=content, type=type, format=format, require_hash=require_hash
        )
        return with_kernel_language(model)
