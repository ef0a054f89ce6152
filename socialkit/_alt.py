"""French text alternative (alt text) on every matplotlib figure a notebook shows.

``import socialkit`` in a kernel calls :func:`install`: IPython then asks
:func:`socialkit.plots.figure_bundle` for each figure it displays, whatever draws it (a kit
helper, ``DataFrame.plot``, a plain ``plt.plot`` cell) and whenever pyplot's inline backend is
set up. The figure's ``display_data`` gets ``metadata["image/png"]["alt"]`` (the field that
nbconvert's HTML templates and the kit's site read; JupyterLab 4.6 does not read it yet, see
jupyter/enhancement-proposals#120) and a French ``text/plain``, the fallback that text-only
front ends and screen readers get instead of ``<Figure size 900x450 with 1 Axes>``.

The formatter is registered by type name as a *mimebundle* formatter, which the inline backend
never replaces (it re-registers its own ``image/png`` formatter each time it is configured),
and matplotlib is only imported when a figure is shown.
"""

from __future__ import annotations

from typing import Any

__all__ = ["install"]


def _figure(fig: Any, include: Any = None, exclude: Any = None):
    from socialkit.plots import figure_bundle  # pyplot only when a figure is shown

    return figure_bundle(fig, include, exclude)


def install(shell: Any = None) -> bool:
    """Register the figure formatter in ``shell`` (default: the running IPython, if any).

    Returns whether a shell was found. Installing twice is harmless.
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython ships with Jupyter
            return False
        shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    formatter = shell.display_formatter.mimebundle_formatter
    formatter.for_type_by_name("matplotlib.figure", "Figure", _figure)
    return True
