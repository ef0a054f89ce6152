"""Mastodon account archive: ``outbox.json``, alone, in its folder or in the ``.tar.gz``.

Préférences > Import et export > Demander votre archive gives
``archive-<date>-<hex>.tar.gz`` with ``outbox.json`` (the account's activities),
``actor.json`` (the account), ``likes.json``, ``bookmarks.json`` and the media.

Kept: the account's own ``Create``/``Note`` items that are public, unlisted or for followers,
including replies to itself (threads). Left out: boosts (``Announce``), polls
(``Question``), direct messages and replies to other accounts.

Mapping: status id (end of the ``id`` URL) → ``publication_id``; ``published`` →
``publie_le`` (an exact instant); ``content`` with HTML tags removed → ``texte``; attachments
→ ``format`` (image → photo, several images → carrousel, video/audio/gif → video, else a link
→ lien, else texte); ``likes.totalItems`` → ``reactions``; ``shares.totalItems`` →
``partages`` (Mastodon ≥ 4.3; missing with a warning for older archives); the account name
of ``actor.json`` (else the end of the actor URL) → ``compte_id`` unless given.

Mastodon has **no reach nor impressions**: ``portee`` and ``impressions`` stay missing, like
``commentaires`` (replies received are not in the archive) and ``clics``; the engagement rate
per reach or per impression is therefore ``nan`` (use ``metrics.engagements`` counts).
"""

from __future__ import annotations

import html
import json
import re

import pandas as pd

from socialkit.files import fail
from socialkit.importers import _base

LABEL = "Mastodon (archive du compte)"
DOWNLOAD = "Mastodon > Préférences > Import et export > Demander votre archive (.tar.gz)"
SHORT = "Mastodon > Préférences > Import et export > Demander votre archive"
_PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def parse(path, raw: bytes) -> dict:
    """The outbox as a dict, or a French error for another JSON file."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise fail(
            path,
            "fichier JSON illisible ou incomplet.",
            f"Téléchargez à nouveau l'archive : {DOWNLOAD}.",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("orderedItems"), list):
        raise fail(
            path,
            "fichier JSON sans liste « orderedItems » : ce n'est pas un outbox.json de Mastodon.",
            "Utilisez l'archive entière ou son outbox.json (pas likes.json, bookmarks.json ni "
            "actor.json).",
        )
    return data


def _strip_html(content: str) -> str:
    text = re.sub(r"(?i)<br\s*/?>", "\n", content or "")
    text = re.sub(r"(?i)</p>\s*<p[^>]*>", "\n\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text).strip()


def _format(note: dict) -> str:
    media = [a.get("mediaType", "") for a in note.get("attachment") or [] if isinstance(a, dict)]
    if any(m.startswith(("video/", "audio/")) or m == "image/gif" for m in media):
        return "video"
    if len(media) > 1:
        return "carrousel"
    if media:
        return "photo"
    links = re.findall(r"<a\s[^>]*>", note.get("content") or "")
    if any("mention" not in a and "hashtag" not in a for a in links):
        return "lien"
    return "texte"


def account_name(actor: dict | None, data: dict) -> str | None:
    if isinstance(actor, dict) and actor.get("preferredUsername"):
        return str(actor["preferredUsername"])
    for item in data.get("orderedItems") or []:
        if isinstance(item, dict) and item.get("actor"):
            return str(item["actor"]).rstrip("/").rsplit("/", 1)[-1]
    return None


def convert(path, data: dict, compte_id, sujet, abonnes, actor: dict | None = None):
    rows = []
    for item in data["orderedItems"]:
        if not isinstance(item, dict) or item.get("type") != "Create":
            continue
        note = item.get("object")
        if not isinstance(note, dict) or note.get("type") != "Note":
            continue
        audience = list(note.get("to") or []) + list(note.get("cc") or [])
        if not any(a == _PUBLIC or str(a).endswith("/followers") for a in audience):
            continue  # direct message
        author = str(item.get("actor") or note.get("attributedTo") or "")
        reply_to = note.get("inReplyTo")
        if reply_to and not (author and str(reply_to).startswith(author + "/")):
            continue  # reply to someone else
        counts = {
            k: note[k].get("totalItems") if isinstance(note.get(k), dict) else None
            for k in ("likes", "shares")
        }
        rows.append(
            {
                "publication_id": str(note.get("id") or item.get("id") or "")
                .rstrip("/")
                .rsplit("/", 1)[-1],
                "publie_le": note.get("published") or item.get("published"),
                "texte": _strip_html(note.get("content") or "") or _base.NO_TEXT,
                "format": _format(note),
                "reactions": counts["likes"],
                "partages": counts["shares"],
            }
        )
    if not rows:
        raise fail(
            path,
            "l'archive Mastodon ne contient aucune publication publique (outbox.json vide ou "
            "seulement des partages et messages privés).",
            "Vérifiez qu'il s'agit de l'archive du bon compte.",
        )
    table = pd.DataFrame(rows)
    stamps = pd.to_datetime(table["publie_le"], format="ISO8601", utc=True, errors="coerce")
    if stamps.isna().any():
        bad = table["publie_le"][stamps.isna()].iloc[0]
        raise fail(
            path, f"date de publication illisible : « {bad} ».", "Téléchargez à nouveau l'archive."
        )
    values = {
        "publication_id": table["publication_id"],
        "publie_le": stamps.dt.tz_convert("Europe/Brussels"),
        "texte": table["texte"],
        "format": table["format"],
        "reactions": pd.to_numeric(table["reactions"]).astype("Int64"),
        "partages": pd.to_numeric(table["partages"]).astype("Int64"),
    }
    compte_id = compte_id or account_name(actor, data) or "mastodon"
    out = _base.frame(values, table.index, compte_id, sujet, abonnes)
    out.attrs["plateforme"] = "mastodon"
    _base.warn_missing(
        path,
        out,
        {
            **_base.WHY_COMMON,
            "portee": "Mastodon ne mesure ni la portée ni les impressions, le taux "
            "d'engagement (metrics.engagement_rate) y est donc nan : comparez plutôt les "
            "réactions et partages par publication",
            "impressions": "Mastodon ne mesure pas les impressions",
            "commentaires": "l'archive ne contient pas les réponses reçues",
            "clics": "Mastodon ne compte pas les clics",
            "reactions": "archive antérieure à Mastodon 4.3, sans compteur de favoris",
            "partages": "archive antérieure à Mastodon 4.3, sans compteur de partages",
        },
    )
    return out
