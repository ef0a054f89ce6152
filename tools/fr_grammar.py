"""French grammar pieces for the sample-data texts: nouns that know their article.

A :class:`Noun` carries gender, number and elision, so templates never paste an article:
``"{lieu.a}"`` gives « au parc des Saules », « à la salle des fêtes », « à l'hôtel de ville »,
« aux Coteaux » or « à Saint-Rémy »; ``"{lieu.de}"`` gives « du parc », « de la salle »,
« de l'hôtel de ville », « des Coteaux », « de Saint-Rémy » or « d'Orneau ». Agreement
suffixes come from ``.e`` (« prévu{objet.e} ») and people from :class:`Person`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from socialkit.fr import MONTHS, WEEKDAYS

_VOWELS = "aâàeéèêëiîïoôuûùyœh"
_ASPIRATED_H = ("hall", "haut", "hêtre", "hangar")  # « le hall », « le hangar » (h aspiré)


@dataclass(frozen=True)
class Noun:
    """A noun phrase without its article: ``Noun("parc des Saules", "m")``.

    ``article=False`` marks a proper name used without article (« Saint-Rémy », « TransOrneau »).
    """

    text: str
    g: str = "m"
    pl: bool = False
    article: bool = True

    @property
    def _elided(self) -> bool:
        word = self.text.lower()
        return word[0] in _VOWELS and not word.startswith(_ASPIRATED_H)

    @property
    def le(self) -> str:
        if not self.article:
            return self.text
        if self.pl:
            return f"les {self.text}"
        if self._elided:
            return f"l'{self.text}"
        return f"{'la' if self.g == 'f' else 'le'} {self.text}"

    @property
    def Le(self) -> str:  # noqa: N802  (capitalised form, for the start of a sentence)
        s = self.le
        return s[0].upper() + s[1:]

    @property
    def de(self) -> str:
        if not self.article:
            return f"d'{self.text}" if self._elided else f"de {self.text}"
        if self.pl:
            return f"des {self.text}"
        if self._elided:
            return f"de l'{self.text}"
        return f"de la {self.text}" if self.g == "f" else f"du {self.text}"

    @property
    def a(self) -> str:
        if not self.article:
            return f"à {self.text}"
        if self.pl:
            return f"aux {self.text}"
        if self._elided:
            return f"à l'{self.text}"
        return f"à la {self.text}" if self.g == "f" else f"au {self.text}"

    @property
    def dans(self) -> str:
        """Where on a street: « dans la rue des Tilleuls », « sur la place communale »."""
        head = self.text.split(" ", 1)[0].lower()
        on = head in ("place", "chaussée", "boulevard", "route", "pont")
        return f"{'sur' if on else 'dans'} {self.le}"

    @property
    def ce(self) -> str:
        if self.pl:
            return f"ces {self.text}"
        if self.g == "f":
            return f"cette {self.text}"
        return f"cet {self.text}" if self._elided else f"ce {self.text}"

    @property
    def e(self) -> str:
        """Past-participle / adjective agreement suffix: '', 'e', 's' or 'es'."""
        return ("e" if self.g == "f" else "") + ("s" if self.pl else "")

    @property
    def il(self) -> str:
        return (
            ("elles" if self.g == "f" else "ils")
            if self.pl
            else ("elle" if self.g == "f" else "il")
        )

    @property
    def est(self) -> str:
        return "sont" if self.pl else "est"

    @property
    def sera(self) -> str:
        return "seront" if self.pl else "sera"

    def __str__(self) -> str:
        return self.le


def N(phrase: str, g: str | None = None) -> Noun:  # noqa: N802
    """Parse « le parc », « la Gare », « les Coteaux » (g for plural / elided), « l'hôtel » (g)."""
    if phrase.startswith("les "):
        return Noun(phrase[4:], g or "m", pl=True)
    if phrase.startswith("le "):
        return Noun(phrase[3:], "m")
    if phrase.startswith("la "):
        return Noun(phrase[3:], "f")
    if phrase.startswith("l'"):
        if g is None:
            raise ValueError(f"gender needed for {phrase!r}")
        return Noun(phrase[2:], g)
    return Noun(phrase, g or "m", article=False)


@dataclass(frozen=True)
class Person:
    """A named person with the gender used for agreement (« Fier/Fière de mon équipe »)."""

    name: str
    g: str

    @property
    def e(self) -> str:
        return "e" if self.g == "f" else ""

    def pick(self, masc: str, fem: str) -> str:
        return fem if self.g == "f" else masc


def day_month(d: dt.date) -> str:
    """« 1er novembre », « 6 décembre »."""
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]}"


def full_date(d: dt.date) -> str:
    """« samedi 6 décembre »."""
    return f"{WEEKDAYS[d.weekday()]} {day_month(d)}"


def clock(minutes: int) -> str:
    """Social-media style time of day: « 9h », « 14h30 »."""
    h, m = divmod(int(minutes), 60)
    return f"{h}h" if m == 0 else f"{h}h{m:02d}"
