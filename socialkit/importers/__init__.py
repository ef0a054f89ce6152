"""Importing real export files into the kit's ``publications`` table.

:func:`read_export` is the one entry point: give it the file a platform let you download and
it returns a DataFrame with the columns and types of ``load("publications")``
(:mod:`socialkit.schema`). It recognises the platform and the kind of file by itself:

- **Meta Business Suite** « Publications » (Facebook Page or Instagram, French or English
  headers), module :mod:`~socialkit.importers.meta`;
- **LinkedIn** page « Contenu » workbook (``.xls`` or ``.xlsx``, sheet « All posts »),
  :mod:`~socialkit.importers.linkedin`;
- **X** « Contenu » export ``account_analytics_content_*.csv`` (the retired
  ``tweet_activity_metrics`` file gets a message saying what to download instead),
  :mod:`~socialkit.importers.x`;
- **YouTube Studio** ``Table data.csv`` (or the zip it comes in),
  :mod:`~socialkit.importers.youtube`;
- **Mastodon** archive (``.tar.gz``, its folder or ``outbox.json``),
  :mod:`~socialkit.importers.mastodon`.

Files may be CSV/TSV (UTF-8 with or without BOM, UTF-16, Windows-1252; ``,``, ``;`` or tab;
decimal commas), Excel (``.xlsx``, ``.xls``), JSON, or a zip/tar.gz archive holding one of
these; reading them is done once for the kit by :mod:`socialkit.files`. Each platform module
only maps its columns onto the schema. :func:`from_meta`, :func:`from_linkedin`,
:func:`from_x`, :func:`from_youtube` and :func:`from_mastodon` do the same for one platform.

What an export does not carry stays **missing** (``<NA>``), never invented, and a French
``UserWarning`` says which columns and why: ``sujet`` (no export has it: ``sujet="…"`` gives
one subject to the whole file), ``abonnes_au_moment`` (``abonnes=N`` copies today's follower
count to every post, an approximation), reach on X, LinkedIn and Mastodon, and so on.
:func:`save_as_dataset` writes the table as ``publications.csv`` for
``load("publications", folder=…)``; it refuses, saying how to complete them, the columns the
kit requires that are still empty, and writes nothing in that case.

Every file the kit cannot use (empty, header only, daily totals instead of posts, another
table, an image, a calendar, a password-protected or damaged workbook…) raises one French line
(:class:`~socialkit.data.DataError`, a ``KitValueError``) naming the file, what it looks like
and what to download instead.
"""

from __future__ import annotations

from socialkit.importers._read import (
    DOWNLOAD_ANY,
    from_linkedin,
    from_mastodon,
    from_meta,
    from_x,
    from_youtube,
    read_export,
    save_as_dataset,
)

__all__ = [
    "DOWNLOAD_ANY",
    "from_linkedin",
    "from_mastodon",
    "from_meta",
    "from_x",
    "from_youtube",
    "read_export",
    "save_as_dataset",
]
