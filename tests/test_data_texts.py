"""The French texts of the sample dataset read as a communicator would read them.

Fast checks on the committed CSVs (datasets/): a French dictionary passes every word of the
posts, comments and replies; no template grammar (« à le parc »), no time range ending before
it starts, no event announced after it happened or out of its season, no comment that does not
fit the page it sits on, enough distinct texts, gender agreement for the people who post.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "datasets"
WORDLIST = ROOT / "tools" / "wordlist_fr.txt"

from tools import data_params as P  # noqa: E402

MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def posts() -> pd.DataFrame:
    p = _read("publications")
    c = _read("comptes")[["compte_id", "institution_id", "type_compte"]]
    i = _read("institutions")[["institution_id", "type_institution"]]
    p = p.merge(c, on="compte_id").merge(i, on="institution_id")
    return p.assign(day=pd.to_datetime(p["publie_le"].str[:10]).dt.date)


@pytest.fixture(scope="module")
def comments() -> pd.DataFrame:
    m = _read("commentaires")
    c = _read("comptes")[["compte_id", "institution_id", "type_compte"]]
    i = _read("institutions")[["institution_id", "type_institution"]]
    m = m.merge(c, on="compte_id").merge(i, on="institution_id")
    return m.assign(day=pd.to_datetime(m["cree_le"].str[:10]).dt.date)


def _all_texts(posts, comments) -> pd.Series:
    return pd.concat(
        [posts["texte"], comments["texte"], comments["reponse_texte"].dropna()],
        ignore_index=True,
    )


# ------------------------------------------------------------------ spelling
_SKIP = re.compile(
    r"https?://\S+|\S+\.example\b|bit\.ly/\S+|[@#][\w-]+|\bh/f/x\b|\d+\s?m³|\d+[\w'’]*"
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿœŒ]+)*")
_ELIDED = {"l", "d", "c", "j", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quelqu"}


@cache
def _dictionary():
    from spellchecker import SpellChecker

    checker = SpellChecker(language="fr", case_sensitive=False)
    extra = {
        w.strip().lower()
        for w in WORDLIST.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    return checker, extra


def _known(word: str) -> bool:
    checker, extra = _dictionary()
    w = word.lower().replace("’", "'")
    if w in extra or w.replace("œ", "oe") in checker:
        return True
    if "'" in w:
        head, _, rest = w.partition("'")
        return head in _ELIDED and _known(rest)
    if "-" in w:  # « trouve-t-on »: the euphonic t is not a word of its own
        return all(_known(part) for part in w.split("-") if part != "t")
    return False


def misspelled(texts) -> dict[str, str]:
    """Unknown word → one text that contains it."""
    bad: dict[str, str] = {}
    for text in pd.unique(pd.Series(texts)):
        for word in _WORD.findall(_SKIP.sub(" ", text)):
            if word not in bad and not _known(word):
                bad[word] = text
    return bad


def test_spell_checker_catches_a_misspelling():
    assert set(misspelled(["Colecte des encombrents le lundi 3 novembre."])) == {
        "Colecte",
        "encombrents",
    }
    assert misspelled(["Aujourd'hui, c'est l'heure du conte au recyparc de Mont-Fleury."]) == {}


def test_every_word_passes_the_french_dictionary(posts, comments):
    bad = misspelled(pd.concat([_all_texts(posts, comments), _read("mentions")["texte"]]))
    assert not bad, "mots inconnus : " + "; ".join(f"{w} ({t})" for w, t in list(bad.items())[:15])


# ------------------------------------------------------------------ grammar
BAD_GRAMMAR = re.compile(
    r"\b(?:à les?|de les|de le|du (?:la|le|les|l')|au (?:la|le|les|l')|aux? l')\b"
    r"|\bdans tout le la\b|\bquartier la\b",
    re.IGNORECASE,
)


def grammar_errors(texts) -> list[str]:
    return [t for t in pd.unique(pd.Series(texts)) if BAD_GRAMMAR.search(t)]


def test_grammar_check_catches_pasted_articles():
    found = grammar_errors(["Rendez-vous à le parc", "Riverains du la Gare", "Au parc, à l'hôtel"])
    assert found == ["Rendez-vous à le parc", "Riverains du la Gare"]


def test_no_pasted_articles(posts, comments):
    assert grammar_errors(_all_texts(posts, comments)) == []
    assert grammar_errors(_read("mentions")["texte"]) == []


def test_no_adjacent_duplicate_words(posts, comments):
    dup = re.compile(r"\b(?!(?:bla|vous|nous)\b)([^\W\d]+) \1\b", re.IGNORECASE)
    texts = pd.unique(_all_texts(posts, comments))
    assert [t for t in texts if dup.search(t) and "@" not in t] == []


# ------------------------------------------------------------------ times and dates
_RANGE = re.compile(r"\b(?:de|entre) (\d{1,2})h(\d{2})? (?:à|et) (\d{1,2})h(\d{2})?")


def unordered_ranges(texts) -> list[str]:
    out = []
    for t in pd.unique(pd.Series(texts)):
        for h1, m1, h2, m2 in _RANGE.findall(t):
            if int(h1) * 60 + int(m1 or 0) >= int(h2) * 60 + int(m2 or 0):
                out.append(t)
    return out


def test_time_range_check_catches_reversed_range():
    assert unordered_ranges(["Ouvert de 19h à 12h.", "de 9h30 à 12h", "entre 7h et 17h"]) == [
        "Ouvert de 19h à 12h."
    ]


def test_time_ranges_are_ordered(posts, comments):
    assert unordered_ranges(_all_texts(posts, comments)) == []


def test_school_run_times_are_morning_or_afternoon_exit(posts):
    crossing = posts[posts["texte"].str.contains("passages pour piétons")]
    assert len(crossing) > 0
    hours = crossing["texte"].str.findall(r"\b(\d{1,2})h(\d{2})?").explode().dropna()
    assert all(7 <= int(h) <= 8 or int(h) == 15 for h, _ in hours)


_DATE = re.compile(rf"\b({'|'.join(WEEKDAYS)}) (1er|\d{{1,2}}) ({'|'.join(MONTHS)})\b")


def dated_errors(frame: pd.DataFrame) -> list[str]:
    """Texts naming a weekday + date that is in the past or on the wrong weekday."""
    out = []
    for text, day in zip(frame["texte"], frame["day"], strict=True):
        for weekday, d, month in _DATE.findall(text):
            m, d = MONTHS.index(month) + 1, 1 if d == "1er" else int(d)
            when = dt.date(day.year, m, d)
            if when < day:
                when = dt.date(day.year + 1, m, d)
            if WEEKDAYS[when.weekday()] != weekday or (when - day).days > 120:
                out.append(text)
    return out


def test_date_check_catches_past_or_wrong_weekday():
    frame = pd.DataFrame(
        {
            "texte": ["le samedi 6 décembre", "le lundi 6 décembre", "le jeudi 4 septembre"],
            "day": [dt.date(2025, 11, 20)] * 3,
        }
    )
    assert dated_errors(frame) == ["le lundi 6 décembre", "le jeudi 4 septembre"]


def test_announced_dates_are_after_the_post_and_on_the_right_weekday(posts):
    assert dated_errors(posts) == []


# ------------------------------------------------------------------ seasons (Belgian calendar)
SEASONS = [  # pattern, allowed (first, last) month-day windows, inclusive
    (r"Saint-Nicolas", [("11-10", "12-06")]),
    (r"[Cc]anicule|[Ff]ortes chaleurs|salle rafraîchie", [("05-01", "09-30")]),
    (r"[Dd]éneigement|[Vv]erglas|\b[Nn]eige\b|[Gg]rand froid|[Pp]lan hiver", [("11-01", "03-31")]),
    (r"[Rr]entrée", [("08-01", "09-30")]),
    (r"Pâques", [("03-01", "04-06")]),
    (r"Toussaint", [("10-01", "11-01")]),
    (r"Armistice", [("10-20", "11-11")]),
    (r"[Cc]arnaval", [("01-15", "02-28")]),
    (r"Fête de la musique", [("05-15", "06-21")]),
    (r"Fête nationale|Bon 21 juillet|^21 juillet", [("07-01", "07-21")]),
    (r"[Mm]arché de Noël", [("11-01", "01-10")]),
    (r"sapins", [("12-20", "01-20")]),
    (r"[Hh]oraires? d'été", [("03-01", "09-15")]),
    (r"[Hh]oraires? d'hiver", [("10-15", "03-01")]),
    (r"Octobre rose", [("10-01", "10-31")]),
    (r"[Pp]laines de jeux", [("04-15", "07-06")]),
    (r"[Dd]éclaration (?:fiscale|en ligne)|pré-remplie", [("04-15", "07-15")]),
    (r"[Jj]ob étudiant", [("02-01", "05-31")]),
    (r"[Ff]ancy-fair", [("05-20", "06-20")]),
    (r"[Ss]ession d'examens|[Ss]ession de juin", [("11-20", "12-19"), ("05-20", "06-30")]),
    (r"[Vv]accination contre la grippe", [("10-01", "11-30")]),
    (r"[Ss]écheresse", [("06-01", "09-30")]),
]


def _in_windows(day: dt.date, windows) -> bool:
    md = day.strftime("%m-%d")
    return any(a <= md <= b if a <= b else md >= a or md <= b for a, b in windows)


def off_season(frame: pd.DataFrame) -> list[tuple[str, str]]:
    out = []
    for pattern, windows in SEASONS:
        hits = frame[frame["texte"].str.contains(pattern, regex=True)]
        out += [
            (str(d), t)
            for t, d in zip(hits["texte"], hits["day"], strict=True)
            if not _in_windows(d, windows)
        ]
    return out


def test_season_check_catches_saint_nicolas_in_september():
    frame = pd.DataFrame(
        {
            "texte": ["Saint-Nicolas passera le 4 septembre", "Saint-Nicolas arrive !"],
            "day": [dt.date(2025, 9, 1), dt.date(2025, 12, 1)],
        }
    )
    assert off_season(frame) == [("2025-09-01", "Saint-Nicolas passera le 4 septembre")]


def test_topics_only_in_their_season(posts, comments):
    assert off_season(posts) == []
    assert off_season(comments) == []


# ------------------------------------------------------------------ comments fit their page
WASTE = r"recyparc|\bPMC\b|encombrants|poubelle|conteneur"
CARE = r"urgences|maternité|\bpatients?\b|mutuelle"


def test_comments_fit_the_institution_type(comments):
    waste = comments[comments["texte"].str.contains(WASTE, case=False, regex=True)]
    assert len(waste) > 50
    assert set(waste["type_institution"]) <= {"commune", "intercommunale"}
    care = comments[comments["texte"].str.contains(CARE, case=False, regex=True)]
    assert len(care) > 100
    assert set(care["type_institution"]) <= {"hopital"}


def test_transport_and_library_questions_stay_on_their_pages(comments):
    bus = comments[comments["texte"].str.contains(r"\bbus\b|correspondance", regex=True)]
    assert set(bus["type_institution"]) <= {"transport_public", "commune", "zone_police"}
    books = comments[comments["texte"].str.contains(r"carte de lecteur|livres?\b", regex=True)]
    assert set(books["type_institution"]) <= {"bibliotheque"}


# ------------------------------------------------------------------ variety
def test_distinct_texts(posts, comments):
    assert posts["texte"].nunique() >= 15_000
    assert comments["texte"].nunique() >= 5_000
    assert comments["texte"].value_counts().max() <= P.COMMENT_TEXT_MAX_REPEAT


def test_register_varies(comments):
    texts = comments["texte"]
    assert texts.str.contains(r"^(?:Bonjour|Madame, Monsieur|Bonsoir)", regex=True).mean() > 0.05
    assert texts.str.contains(r"\b(?:svp|Coucou|Salut|Hello)\b", regex=True).mean() > 0.01
    assert texts.str.contains(r"GSM|une fois", regex=True).sum() > 20
    emoji = texts.str.contains(r"[\U0001F300-\U0001FAFF]", regex=True).mean()
    assert 0.05 < emoji < 0.5


# ------------------------------------------------------------------ agreement
AGREEMENT = [(r"\bFière\b|\bInscrite\b|\bravie\b|\bHeureuse\b|\bémue\b", "f"),
             (r"\bFier\b|\bInscrit\b|\bravi\b|\bHeureux\b|\bému\b", "m")]  # fmt: skip


def test_people_agree_with_their_gender(posts, comments):
    amb = posts[posts["type_compte"] == "ambassadeur"]
    for pattern, gender in AGREEMENT:
        who = amb.loc[amb["texte"].str.contains(pattern, regex=True), "compte_id"]
        assert len(who) > 0
        assert {P.AMBASSADOR_GENDER[c] for c in who} == {gender}, pattern
    replies = comments[comments["type_compte"] == "ambassadeur"].dropna(subset=["reponse_texte"])
    sorry = replies[replies["reponse_texte"].str.startswith("Désolé")]
    expected = sorry["compte_id"].map(P.AMBASSADOR_GENDER).map({"f": "Désolée", "m": "Désolé,"})
    assert len(sorry) > 0
    assert all(t.startswith(e) for t, e in zip(sorry["reponse_texte"], expected, strict=True))
