"""Tests of the synthetic sample dataset (datasets/*.csv), read with pandas directly.

Realism properties are anchored in docs/sources.md (§5.1–5.6); each embedded story has
one test running the simple analysis meant to reveal it (see docs/instructor/answer_key.md).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from socialkit.schema import CATEGORIES, TABLES, columns

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "datasets"

NAMES = list(TABLES)


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return {name: _read(name) for name in NAMES}


def _local(s: pd.Series) -> pd.Series:
    """Wall-clock time (drop the offset) — what a trainee sees."""
    return pd.to_datetime(s.str[:19])


def _utc(s: pd.Series) -> pd.Series:
    """Absolute instant (offset-aware, compared in UTC)."""
    return pd.to_datetime(s, utc=True)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------ determinism
def test_generator_is_deterministic_and_matches_committed(tmp_path):
    """One fresh run gives the committed files byte for byte: the data are up to date, and
    the generator is deterministic (it reproduces what an earlier run wrote)."""
    subprocess.run(
        [sys.executable, "-m", "tools.make_data", "--out", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    for name in NAMES:
        fresh = tmp_path / f"{name}.csv"
        assert _sha(fresh) == _sha(DATA / f"{name}.csv"), f"datasets/{name}.csv is stale: make data"


# ------------------------------------------------------------------ schema and integrity
@pytest.mark.parametrize("name", NAMES)
def test_columns_in_schema_order(t, name):
    assert list(t[name].columns) == columns(name)


@pytest.mark.parametrize("name", NAMES)
def test_categories_and_nulls(t, name):
    df = t[name]
    for col, kind, nullable in TABLES[name]:
        if not nullable:
            assert df[col].notna().all(), f"{name}.{col} has missing values"
        if kind == "category":
            assert set(df[col].dropna()) <= set(CATEGORIES[col]), f"{name}.{col}"
        if kind == "bool":
            assert set(df[col].dropna().astype(str)) <= {"True", "False"}


def test_datetimes_have_brussels_offset(t):
    pattern = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[12]:00$"
    for name, col in [
        ("publications", "publie_le"),
        ("commentaires", "cree_le"),
        ("mentions", "publiee_le"),
    ]:
        assert t[name][col].str.match(pattern).all(), f"{name}.{col}"
    rep = t["commentaires"]["repondu_le"].dropna()
    assert rep.str.match(pattern).all()
    # summer (CEST, +02:00) and winter (CET, +01:00)
    pub = t["publications"]["publie_le"]
    assert pub[pub.str.startswith("2026-01")].str.endswith("+01:00").all()
    assert pub[pub.str.startswith("2026-07")].str.endswith("+02:00").all()


def test_sizes(t):
    assert len(t["institutions"]) >= 12
    assert t["institutions"]["type_institution"].nunique() >= 10
    assert 15_000 <= len(t["publications"]) <= 40_000
    assert 25_000 <= len(t["commentaires"]) <= 35_000
    assert 5_000 <= len(t["mentions"]) <= 10_000
    assert len(t["abonnes"]) == 365 * len(t["comptes"])
    total = sum((DATA / f"{n}.csv").stat().st_size for n in NAMES)
    assert total < 20_000_000


def test_keys_and_links(t):
    c, p, m = t["comptes"], t["publications"], t["commentaires"]
    assert c["compte_id"].is_unique and p["publication_id"].is_unique
    assert m["commentaire_id"].is_unique and t["mentions"]["mention_id"].is_unique
    assert set(c["institution_id"]) <= set(t["institutions"]["institution_id"])
    assert set(p["compte_id"]) <= set(c["compte_id"])
    assert set(t["mentions"]["institution_id"]) <= set(t["institutions"]["institution_id"])
    # comments: exact count per post, same account, after the post
    per_post = m.groupby("publication_id").size()
    expected = p.set_index("publication_id")["commentaires"]
    assert len(m) == int(p["commentaires"].sum())
    assert per_post.reindex(expected.index, fill_value=0).equals(expected)
    joined = m.merge(
        p[["publication_id", "compte_id", "publie_le"]], on="publication_id", suffixes=("", "_post")
    )
    assert (joined["compte_id"] == joined["compte_id_post"]).all()
    assert (_utc(joined["cree_le"]) > _utc(joined["publie_le"])).all()
    rep = m.dropna(subset=["repondu_le"])
    assert (_utc(rep["repondu_le"]) > _utc(rep["cree_le"])).all()
    assert rep["reponse_texte"].notna().all()
    assert m["repondu_le"].isna().equals(m["reponse_texte"].isna())


def test_counts_nonnegative_and_reach_le_impressions(t):
    p = t["publications"]
    for col in [
        "abonnes_au_moment",
        "portee",
        "impressions",
        "reactions",
        "commentaires",
        "partages",
        "clics",
    ]:
        assert (p[col] >= 0).all(), col
    assert (p["portee"] <= p["impressions"]).all()
    a = t["abonnes"]
    assert (a[["abonnes", "nouveaux", "desabonnements"]] >= 0).all().all()


def test_texts_are_short(t):
    assert t["publications"]["texte"].str.len().max() < 200
    assert t["commentaires"]["texte"].str.len().max() < 200


def test_follower_accounting(t):
    a = t["abonnes"].sort_values(["compte_id", "date"])
    prev = a.groupby("compte_id")["abonnes"].shift()
    ok = prev.isna() | (a["abonnes"] == prev + a["nouveaux"] - a["desabonnements"])
    assert ok.all()
    p = t["publications"].assign(date=t["publications"]["publie_le"].str[:10])
    j = p.merge(a, on=["compte_id", "date"], how="left")
    assert (j["abonnes_au_moment"] == j["abonnes"]).all()


# ------------------------------------------------------------------ realism (§5)
def _inst_posts(t):
    c = t["comptes"]
    ids = c.loc[c["type_compte"] == "institutionnel", "compte_id"]
    return t["publications"][t["publications"]["compte_id"].isin(ids)]


def test_institutions_post_on_weekdays(t):
    ts = _local(_inst_posts(t)["publie_le"])
    share = (ts.dt.day_of_week < 5).mean()
    assert 0.85 <= share <= 0.95
    office = ts.dt.hour.between(8, 17).mean()
    assert office > 0.85


def test_median_engagement_rate_by_reach(t):
    p = t["publications"]
    er = (p["reactions"] + p["commentaires"] + p["partages"]) / p["portee"]
    assert 0.01 <= er.median() <= 0.05
    assert (p["commentaires"] == 0).mean() > 0.4  # many posts without comments (§5.2)


def test_audience_hours_beat_office_hours(t):
    """§5.1: the audience is active mornings/evenings/weekends, institutions post 9–16h."""
    p = _inst_posts(t)
    ts = _local(p["publie_le"])
    ratio = p["portee"] / p["abonnes_au_moment"].clip(lower=1)
    office = ts.dt.hour.between(9, 16) & (ts.dt.day_of_week < 5)
    audience = ts.dt.hour.isin([7, 8, 19, 20, 21]) | (ts.dt.day_of_week >= 5)
    assert ratio[audience].median() > 1.2 * ratio[office].median()
    assert office.sum() > 5 * audience.sum()


def test_reply_delays_heavy_tailed_and_business_hours(t):
    m = t["commentaires"].dropna(subset=["repondu_le"])
    c, r = _local(m["cree_le"]), _local(m["repondu_le"])
    delay = (r - c).dt.total_seconds() / 60
    assert delay.quantile(0.9) / delay.median() > 3
    fri = delay[(c.dt.day_of_week == 4) & (c.dt.hour >= 14)].median()
    tue = delay[(c.dt.day_of_week == 1) & (c.dt.hour < 12)].median()
    assert fri > 2 * tue


def test_comment_category_mix(t):
    """§5.3 ranges (whole corpus)."""
    mix = t["commentaires"]["categorie"].value_counts(normalize=True)
    ranges = {
        "question": (0.25, 0.30),
        "plainte": (0.15, 0.20),
        "remerciement": (0.15, 0.25),
        "neutre": (0.15, 0.20),
        "suggestion": (0.03, 0.07),
        "spam": (0.02, 0.05),
        "troll": (0.03, 0.07),
        "desinformation": (0.01, 0.03),
    }
    for cat, (lo, hi) in ranges.items():
        assert lo <= mix[cat] <= hi, f"{cat}: {mix[cat]:.3f}"


def test_sentiment_consistent_with_category(t):
    m = t["commentaires"]
    assert m["sentiment"].between(-1, 1).all()
    assert (m["sentiment"].round(2) == m["sentiment"]).all()
    mean = m.groupby("categorie")["sentiment"].mean()
    assert mean["remerciement"] > 0.4 and mean["plainte"] < -0.3 and mean["troll"] < -0.4
    needs = m["categorie"].isin(["question", "plainte", "desinformation"])
    assert m.loc[needs, "necessite_reponse"].all()
    assert not m.loc[m["categorie"].isin(["spam", "troll"]), "necessite_reponse"].any()
    # library/culture pages more positive than service pages
    c = t["comptes"].merge(t["institutions"], on="institution_id")
    c = c[c["type_compte"] == "institutionnel"]
    is_culture = c["type_institution"].isin(["bibliotheque", "centre_culturel"])
    culture, service = c.loc[is_culture, "compte_id"], c.loc[~is_culture, "compte_id"]
    assert (
        m.loc[m["compte_id"].isin(culture), "sentiment"].mean()
        > m.loc[m["compte_id"].isin(service), "sentiment"].mean() + 0.1
    )


def test_spam_mostly_deleted(t):
    m = t["commentaires"]
    spam = m[m["categorie"] == "spam"]["action_moderation"].value_counts(normalize=True)
    assert spam.idxmax() == "supprime"
    assert (
        m.loc[m["categorie"].isin(["question", "remerciement"]), "action_moderation"] == "aucune"
    ).all()


def test_participation_inequality(t):
    """§5.4 90-9-1: the top 1 % of authors write a large share of comments."""
    counts = t["commentaires"]["auteur_id"].value_counts()
    top = counts.head(max(1, len(counts) // 100)).sum() / counts.sum()
    assert top > 0.15
    assert (counts == 1).mean() > 0.4


def test_archetype_shares(t):
    """§5.6 inventory: regular 30–40 %, dormant 15–25 %, unofficial 1–5 % (institutional)."""
    c = t["comptes"][t["comptes"]["type_compte"] == "institutionnel"]
    p = t["publications"]
    end = pd.Timestamp("2026-08-31")
    last = _local(p.groupby("compte_id")["publie_le"].max()).reindex(c["compte_id"])
    n_posts = p.groupby("compte_id").size().reindex(c["compte_id"], fill_value=0)
    silent = last.isna() | (last < end - pd.Timedelta(days=90))
    unofficial = (~c["officiel"]).to_numpy()
    assert 1 <= unofficial.sum() and unofficial.mean() <= 0.05
    imp = c[~c["officiel"]]
    assert (~imp["reference_site_web"]).all() and imp["nb_admins"].isna().all()
    assert (imp["statut_declare"] == "non_reference").all()
    share_silent = (silent.to_numpy() & ~unofficial).mean()
    # dormant (15–25 %) + forgotten events (5–10 %) + accounts « à éclipses » caught in a
    # long silence at the end of the period
    assert 0.2 <= share_silent <= 0.4
    never = (n_posts == 0).to_numpy()
    assert 2 <= never.sum() <= 5  # forgotten event / duplicate pages with no post at all
    weekly = n_posts.to_numpy() / 52
    regular = (weekly >= 3) & ~silent.to_numpy() & ~unofficial
    assert 0.3 <= regular.mean() <= 0.4
    assert len(t["comptes"]) - len(c) >= 20
    amb = t["comptes"][t["comptes"]["type_compte"] == "ambassadeur"]
    assert set(amb["role"]) <= {"employe", "rh", "communication", "elu", "direction"}
    assert (c["role"] == "aucun").all()


def test_dormant_accounts_still_declared_active(t):
    c = t["comptes"].set_index("compte_id")
    last = t["publications"].groupby("compte_id")["publie_le"].max()
    stale = last[last < "2026-06-02"].index
    assert (c.loc[stale, "statut_declare"] == "actif").sum() >= 3


# ------------------------------------------------------------------ embedded stories
def _daily_negative(t, iid: str) -> pd.Series:
    m = t["mentions"]
    m = m[(m["institution_id"] == iid) & (m["sentiment"] < -0.2)]
    days = pd.date_range("2025-09-01", "2026-08-31").strftime("%Y-%m-%d")
    return m.groupby(m["publiee_le"].str[:10]).size().reindex(days, fill_value=0)


def _crisis_days(t, iid: str, start: str) -> int:
    s = _daily_negative(t, iid)
    threshold = s.quantile(0.95) + 2
    return int((s[start:].iloc[:30] > threshold).sum())


def test_story_bad_buzz_fast_reply_shortens_crisis(t):
    days = {
        k: _crisis_days(t, i, d)
        for k, i, d in [
            ("BUZZ-1", "I05", "2025-11-18"),
            ("BUZZ-2", "I01", "2026-02-10"),
            ("BUZZ-3", "I03", "2026-05-12"),
        ]
    }
    assert 1 <= days["BUZZ-1"] <= 3
    assert days["BUZZ-2"] >= 8
    assert days["BUZZ-1"] <= days["BUZZ-3"] < days["BUZZ-2"]
    # the negative-mention peak is the yearly maximum of each institution
    for iid, day in [("I05", "2025-11-1"), ("I01", "2026-02-1"), ("I03", "2026-05-1")]:
        assert _daily_negative(t, iid).idxmax().startswith(day)


def test_story_bad_buzz_comments_and_reply_tone(t):
    m = t["commentaires"]
    for cid, start, end, word in [
        ("C021", "2025-11-18", "2025-11-20", "vidéo"),
        ("C001", "2026-02-10", "2026-02-24", "procédure"),
        ("C011", "2026-05-12", "2026-05-15", "excuses"),
    ]:
        win = m[(m["compte_id"] == cid) & (m["cree_le"] >= start) & (m["cree_le"] < end)]
        base = m[(m["compte_id"] == cid) & ~m.index.isin(win.index)]
        neg = win["categorie"].isin(["plainte", "troll"]).mean()
        assert neg > base["categorie"].isin(["plainte", "troll"]).mean() + 0.2
        replies = " ".join(win["reponse_texte"].dropna())
        assert word in replies or cid != "C011"

    # BUZZ-1 replied within the hour, BUZZ-2 only after three days
    def first_reply(cid, start):
        x = m[
            (m["compte_id"] == cid) & (m["cree_le"] >= start) & (m["categorie"] == "plainte")
        ].dropna(subset=["repondu_le"])
        return _utc(x["repondu_le"]).min()

    assert first_reply("C021", "2025-11-18T20:40") - pd.Timestamp(
        "2025-11-18T20:40+01:00"
    ) < pd.Timedelta(hours=2)
    assert first_reply("C001", "2026-02-10T09:15") - pd.Timestamp(
        "2026-02-10T09:15+01:00"
    ) > pd.Timedelta(days=2)


def test_story_dormant_page_unanswered_questions(t):
    p, m = t["publications"], t["commentaires"]
    last = p.groupby("compte_id")["publie_le"].max()
    stale = last[_utc(last) < pd.Timestamp("2026-06-02T00:00+02:00")]
    after = m.merge(stale.rename("last"), left_on="compte_id", right_index=True)
    after = after[_utc(after["cree_le"]) > _utc(after["last"]) + pd.Timedelta(days=14)]
    waiting = after[after["necessite_reponse"] & after["repondu_le"].isna()]
    top = waiting["compte_id"].value_counts()
    assert top.index[0] == "C042" and top.iloc[0] >= 25
    assert after.loc[after["compte_id"] == "C042", "repondu_le"].isna().all()


def test_story_impostor_page(t):
    c, p, m = t["comptes"], t["publications"], t["commentaires"]
    imp = c[
        (c["type_compte"] == "institutionnel")
        & ~c["officiel"]
        & c["nom_affiche"].str.contains("Concours")
    ]
    assert len(imp) == 1
    cid = imp["compte_id"].iloc[0]
    com = m[m["compte_id"] == cid]
    doubt = com["texte"].str.contains("vraiment|officiel|arnaque|fausse", case=False)
    assert doubt.sum() >= 10
    assert com["repondu_le"].isna().all()
    posts = p[p["compte_id"] == cid]
    # amplification rate (shares per post) far above the real commune page
    assert posts["partages"].mean() > 3 * p.loc[p["compte_id"] == "C001", "partages"].mean()
    assert p["texte"].str.contains("fausse page").any()


def test_story_ambassadors_outperform_chu(t):
    p = t["publications"].merge(t["comptes"][["compte_id", "institution_id", "type_compte"]])
    p = p[p["institution_id"] == "I05"]
    reach = p.groupby("type_compte")["portee"].sum()
    assert reach["ambassadeur"] > 2 * reach["institutionnel"]
    er = (p["reactions"] + p["commentaires"] + p["partages"]) / p["portee"]
    med = er.groupby(p["type_compte"]).median()
    assert med["ambassadeur"] > 1.5 * med["institutionnel"]


def test_story_regular_cpas_pays_off(t):
    a = t["abonnes"]
    growth = {}
    for cid in ("C009", "C046"):
        s = a[a["compte_id"] == cid].sort_values("date")["abonnes"]
        growth[cid] = s.iloc[-1] / s.iloc[0] - 1
    assert growth["C009"] > 0.1 and growth["C009"] > growth["C046"] + 0.08
    p = t["publications"]
    rr = (p["portee"] / p["abonnes_au_moment"]).groupby(p["compte_id"]).median()
    assert rr["C009"] > 1.1 * rr["C046"]
    weeks = _local(p.loc[p["compte_id"] == "C009", "publie_le"]).dt.to_period("W").nunique()
    weeks_irr = _local(p.loc[p["compte_id"] == "C046", "publie_le"]).dt.to_period("W").nunique()
    assert weeks >= 48 and weeks_irr <= 20


def test_story_forgotten_event_account(t):
    c, p, a = t["comptes"], t["publications"], t["abonnes"]
    ev = c[c["nom_affiche"].str.contains("Fête de la musique")]
    assert len(ev) == 1
    cid = ev["compte_id"].iloc[0]
    assert (p["compte_id"] == cid).sum() == 0
    assert ev["statut_declare"].iloc[0] == "actif"
    s = a[a["compte_id"] == cid].sort_values("date")["abonnes"]
    assert s.iloc[-1] <= s.iloc[0] and np.all(s.to_numpy() > 0)


def test_check_mode_detects_a_stale_file(tmp_path):
    """`make check-data` fails, naming the file, when a committed CSV was edited."""
    import shutil
    import subprocess
    import sys

    for path in DATA.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / "institutions.csv"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Val-des-Saules", "Valdesaules", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tools.make_data", "--check", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "institutions.csv" in done.stdout
