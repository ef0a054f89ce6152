"""Private helpers shared by the analysis modules of :mod:`socialkit` (not for the notebooks).

One copy of the small checks and conversions that every module needs, so that a trainee
gets the same French message whichever function they call:

- :func:`require_table`: the argument is a table (DataFrame) with the expected columns
  (and, when asked, at least one row);
- :func:`choice`: an option is one of the allowed values;
- :func:`local_times` / :func:`local_timestamp`: a column of timestamps or one date given
  by the user as naive Brussels wall-clock time (:data:`socialkit.schema.TIMEZONE`);
- :func:`account_columns`: the columns of each row's account (lookup on ``compte_id`` in the
  ``comptes`` table), for posts, comments or any table with a ``compte_id`` column.

Numbers given to the models are checked by :mod:`socialkit.models._validate`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from socialkit.errors import KitTypeError, KitValueError
from socialkit.schema import TIMEZONE

#: French label of each table of :func:`socialkit.load`, by its name.
TABLE_LABELS = {
    "institutions": "le tableau des institutions",
    "comptes": "le tableau des comptes",
    "publications": "le tableau des publications",
    "commentaires": "le tableau des commentaires",
    "abonnes": "le tableau des abonnés",
    "mentions": "le tableau des mentions",
}


def require_table(
    df: Any,
    columns: Iterable[str] = (),
    table: str = "le tableau",
    *,
    allow_empty: bool = True,
    missing: str | None = None,
    error: type[Exception] | None = None,
) -> None:
    """Check that ``df`` is a DataFrame holding ``columns`` (French KitTypeError/KitValueError).

    ``table`` is the name of a table of :func:`socialkit.load` (``"publications"``…, whose
    French label is :data:`TABLE_LABELS`) or the French label of any other table
    (``"le calendrier"``). ``allow_empty=False`` also refuses a table without rows.
    ``missing`` replaces the message for absent columns (placeholders ``{label}`` and
    ``{columns}``, the comma-separated absent columns). ``error`` is raised instead of
    ``KitTypeError``/``KitValueError`` (e.g. ``plan.PlanError``).
    """
    name = table if table in TABLE_LABELS else None
    label = TABLE_LABELS.get(table, table)
    if isinstance(df, pd.Series):
        example = f", par exemple « {name} » et non « {name}['…'] »" if name else ""
        raise (error or KitTypeError)(
            f"Un tableau (DataFrame) est attendu pour {label}, pas une seule colonne (Series) : "
            f"passez le tableau entier{example}."
        )
    if not isinstance(df, pd.DataFrame):
        loader = f' : passez le tableau chargé avec load("{name}")' if name else ""
        raise (error or KitTypeError)(
            f"Un tableau pandas (DataFrame) est attendu pour {label}, "
            f"reçu {type(df).__name__}{loader}."
        )
    absent = [c for c in columns if c not in df.columns]
    if absent and missing is not None:
        raise (error or KitValueError)(missing.format(label=label, columns=", ".join(absent)))
    if len(absent) == 1:
        raise (error or KitValueError)(
            f"La colonne « {absent[0]} » est absente du tableau : "
            f"vérifiez que vous passez bien {label}."
        )
    if absent:
        listed = ", ".join(f"« {c} »" for c in absent)
        raise (error or KitValueError)(
            f"Les colonnes {listed} sont absentes du tableau : "
            f"vérifiez que vous passez bien {label}."
        )
    if not allow_empty and len(df) == 0:
        where = f"au {label[3:]}" if label.startswith("le ") else f"à {label}"
        raise (error or KitValueError)(
            f"Le tableau est vide (0 ligne) : vérifiez le filtre appliqué {where}."
        )


def choice(value: Any, allowed: Iterable[str], name: str) -> str:
    """``value`` if it is one of ``allowed``, else a French ``KitValueError`` listing them."""
    allowed = tuple(allowed)
    if value not in allowed:
        options = ", ".join(f"« {a} »" for a in allowed)
        raise KitValueError(
            f"Valeur inconnue pour {name} : « {value} ». Choix possibles : {options}."
        )
    return value


def local_times(stamps: pd.Series) -> pd.Series:
    """A column of timestamps as naive Brussels wall-clock time.

    tz-aware timestamps are converted to Brussels time first; naive ones (and ISO strings
    such as ``"2026-03-31 18:30"``) are read as Brussels wall-clock time. Anything else is a
    French ``KitValueError``.
    """
    if not pd.api.types.is_datetime64_any_dtype(stamps):
        try:
            stamps = pd.to_datetime(stamps, format="ISO8601")
        except (TypeError, ValueError):
            raise KitValueError(
                f"La colonne « {stamps.name} » doit contenir des dates : "
                "chargez le tableau avec socialkit.load(...) pour qu'elles soient reconnues."
            ) from None
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert(TIMEZONE).dt.tz_localize(None)
    return stamps


def local_timestamp(value: Any, name: str, error: type[Exception] = KitValueError) -> pd.Timestamp:
    """A date/time given by the user (str, date, Timestamp) as naive Brussels wall-clock time.

    ``name`` is the argument's name, used in the French ``error`` (``KitValueError`` by
    default) raised when the value is not a date or is missing.
    """
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise error(
            f'Date non reconnue pour {name} : « {value} » (exemple attendu : "2026-03-31").'
        ) from None
    if stamp is pd.NaT:
        raise error(f"Date manquante pour {name}.")
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(TIMEZONE).tz_localize(None)
    return stamp


def account_columns(
    table: pd.DataFrame,
    accounts: pd.DataFrame,
    columns: Iterable[str],
    *,
    dtype: str | None = None,
    as_text: bool = False,
) -> pd.DataFrame:
    """``columns`` of the ``comptes`` table for each row of ``table``, aligned on its index.

    A left lookup on ``compte_id`` (first row of each account): rows whose account is not
    in ``accounts`` get missing values. ``dtype`` (e.g. ``"object"``) converts the account
    columns before the lookup; ``as_text=True`` compares the ids as text (``str``).
    Columns are not checked here: call :func:`require_table` first.
    """
    info = accounts.drop_duplicates("compte_id").set_index("compte_id")[list(columns)]
    if dtype is not None:
        info = info.astype(dtype)
    keys = table["compte_id"]
    if as_text:
        info.index = info.index.astype(str)
        keys = keys.astype(str)
    extra = info.reindex(keys.to_numpy())
    extra.index = table.index
    return extra


#: ``type_compte`` of the institution's own pages and of the people who speak for it.
INSTITUTIONAL = "institutionnel"
AMBASSADOR = "ambassadeur"


def official_mask(accounts: pd.DataFrame) -> np.ndarray:
    """The one definition of an *official account*: an institutional page (``type_compte ==
    "institutionnel"``) that the institution recognises (``officiel`` is True).

    Ambassadors' personal accounts and unrecognised pages (impostors, forgotten fan pages) are
    not official. Returns a boolean array aligned with ``accounts``.
    """
    require_table(accounts, ["type_compte", "officiel"], "comptes")
    institutional = accounts["type_compte"].astype("object").eq(INSTITUTIONAL)
    recognised = accounts["officiel"].astype("boolean").fillna(False)
    return (institutional & recognised).to_numpy(dtype=bool)
