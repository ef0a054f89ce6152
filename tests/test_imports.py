"""Importers of real export files (socialkit.importers) on realistic fixtures.

The generated fixtures come from tests/fixtures/make_exports.py; the small CSV/JSON ones are
written by hand.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pandas as pd
import pytest

from socialkit import DataError, load
from socialkit.importers import from_mastodon, from_meta, from_x, save_as_dataset
from socialkit.schema import columns

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"
FB = EXPORTS / "meta_facebook_posts.csv"
FB_FR = EXPORTS / "meta_facebook_posts_fr.csv"
IG = EXPORTS / "meta_instagram_posts.csv"
X = EXPORTS / "account_analytics_content_2026-07-01_2026-07-31.csv"
OUTBOX = EXPORTS / "mastodon_outbox.json"

pytestmark = pytest.mark.filterwarnings("ignore:.*colonnes laissées vides:UserWarning")


def _row(frame: pd.DataFrame, publication_id: str) -> pd.Series:
    (index,) = frame.index[frame["publication_id"] == publication_id]
    return frame.loc[index]


def _stamp(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("Europe/Brussels")


# ---------------------------------------------------------------------------- Meta


def test_facebook_english_export():
    posts = from_meta(FB, "C001")
    assert list(posts.columns) == columns("publications")
    assert len(posts) == 3
    first = _row(posts, "100064000000001_1220000000000001")
    # "11/10/2025 21:00" is month-first: 10 November, winter time (+01:00)
    assert first["publie_le"] == _stamp("2025-11-10T21:00:00+01:00")
    assert first["publie_le"].isoformat() == "2025-11-10T21:00:00+01:00"
    assert first["texte"].startswith("Collecte des encombrants le 14 novembre")
    assert '"071 00 00 00"' in first["texte"]
    assert first["format"] == "photo"
    assert (first["portee"], first["impressions"], first["reactions"]) == (9870, 12400, 120)
    assert (first["commentaires"], first["partages"], first["clics"]) == (32, 12, 1045)
    assert not first["sponsorise"] and not first["relaie_hors_ligne"]
    assert pd.isna(first["sujet"]) and pd.isna(first["abonnes_au_moment"])
    # the comma-containing header "Reactions, comments and shares" is not taken for Reactions
    assert first["reactions"] != 164


def test_facebook_reel_summer_time_views_title_and_funding():
    reel = _row(from_meta(FB, "C001"), "100064000000001_1220000000000002")
    assert reel["publie_le"].isoformat() == "2026-06-15T09:30:00+02:00"
    assert reel["format"] == "video"
    assert reel["texte"] == "Fête de la musique au parc communal"  # Title when no Description
    assert reel["impressions"] == 3210  # Views when Impressions is empty
    assert pd.isna(reel["clics"])
    assert reel["sponsorise"]  # Funded content status = Boosted
    link = _row(from_meta(FB, "C001"), "100064000000001_1220000000000003")
    assert link["format"] == "lien" and link["clics"] == 38  # Link clicks when no Total clicks


def test_facebook_french_export_semicolons_and_dot_thousands():
    posts = from_meta(FB_FR, "C002", sujet="social_sante", abonnes=4200)
    first = _row(posts, "100064000000002_1230000000000001")
    # French file: "10/11/2025 09:15" is day-first
    assert first["publie_le"].isoformat() == "2025-11-10T09:15:00+01:00"
    assert (first["portee"], first["impressions"], first["clics"]) == (1500, 2310, 1012)
    assert first["texte"] == "Permanence sociale ce mardi; sans rendez-vous."
    assert first["sujet"] == "social_sante" and first["abonnes_au_moment"] == 4200
    second = _row(posts, "100064000000002_1230000000000002")
    assert second["publie_le"].isoformat() == "2026-06-25T14:00:00+02:00"
    assert second["format"] == "lien"


def test_instagram_export():
    with pytest.warns(UserWarning, match="clics : pas de colonne de clics"):
        posts = from_meta(IG, "C003")
    image = _row(posts, "18040000000000001")
    assert image["publie_le"].isoformat() == "2025-12-05T17:45:00+01:00"
    assert (image["impressions"], image["portee"], image["reactions"]) == (12400, 8015, 431)
    assert (image["commentaires"], image["partages"]) == (18, 27)
    assert image["format"] == "photo"
    assert _row(posts, "18040000000000002")["format"] == "video"
    assert _row(posts, "18040000000000003")["format"] == "carrousel"
    assert posts["clics"].isna().all()


# ---------------------------------------------------------------------------- X


def test_x_export_recovers_the_hour_from_the_post_id():
    posts = from_x(X, "C004")
    first = _row(posts, "2076941013611446289")
    assert first["publie_le"].isoformat() == "2026-07-14T10:05:00+02:00"
    assert (first["impressions"], first["reactions"], first["commentaires"]) == (1234, 18, 4)
    assert (first["partages"], first["clics"]) == (7, 9)
    assert first["texte"].startswith("🚧 Travaux rue de la Gare")
    assert posts["portee"].isna().all() and posts["format"].isna().all()


def test_x_export_without_usable_id_is_put_at_noon_with_a_warning(tmp_path):
    text = X.read_text(encoding="utf-8").replace("2076941013611446289", "42")
    path = tmp_path / "account_analytics_content.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 publication\(s\) placée\(s\) à 12:00"):
        posts = from_x(path, "C004")
    assert _row(posts, "42")["publie_le"].isoformat() == "2026-07-14T12:00:00+02:00"


# ---------------------------------------------------------------------------- Mastodon


def test_mastodon_outbox_keeps_own_public_notes_only():
    posts = from_mastodon(OUTBOX, "C005")
    # boost, poll, direct message and reply to another account are left out; thread kept
    assert posts["publication_id"].tolist() == [
        "113000000000000001",
        "113000000000000002",
        "113000000000000003",
    ]
    first = _row(posts, "113000000000000001")
    assert first["publie_le"].isoformat() == "2025-03-04T10:12:00+01:00"
    assert first["texte"] == (
        "Collecte des encombrants le 12 mars & inscriptions ouvertes.\n\n"
        "Infos : val-des-saules.example/encombrants #ValDesSaules"
    )
    assert (first["reactions"], first["partages"], first["format"]) == (12, 5, "lien")
    photo = _row(posts, "113000000000000002")
    assert photo["publie_le"].isoformat() == "2025-07-21T18:30:00+02:00"
    assert photo["format"] == "photo" and photo["texte"].endswith("\nVenez nombreux !")
    for column in ("portee", "impressions", "commentaires", "clics"):
        assert posts[column].isna().all()


def test_mastodon_archive_tar_gz(tmp_path):
    archive = tmp_path / "archive-20260101120000-abc123.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(OUTBOX, arcname="outbox.json")
        data = b'{"type": "Person"}'
        info = tarfile.TarInfo("actor.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    posts = from_mastodon(archive, "C005")
    assert len(posts) == 3 and posts["reactions"].tolist() == [12, 30, 4]


# ---------------------------------------------------------------------------- round trip


def test_round_trip_through_save_and_load(tmp_path):
    posts = pd.concat(
        [
            from_meta(FB, "C001", sujet="evenement_culture", abonnes=5100),
            from_meta(IG, "C003", sujet="evenement_culture", abonnes=2300),
        ],
        ignore_index=True,
    )
    posts["clics"] = posts["clics"].fillna(0)  # Instagram has no clicks: trainee's choice
    path = save_as_dataset(posts, tmp_path / "mes_donnees")
    assert path == tmp_path / "mes_donnees" / "publications.csv"
    back = load("publications", folder=tmp_path / "mes_donnees")
    assert list(back.columns) == columns("publications")
    pd.testing.assert_frame_equal(
        back.drop(columns="publie_le"), posts.drop(columns="publie_le"), check_dtype=False
    )
    assert (back["publie_le"] == posts["publie_le"]).all()
    assert str(back["publie_le"].dt.tz) == "Europe/Brussels"
    assert "2025-11-10T21:00:00+01:00" in path.read_text(encoding="utf-8")


def test_save_refuses_missing_required_columns_in_french(tmp_path):
    posts = from_x(X, "C004")
    with pytest.raises(DataError) as err:
        save_as_dataset(posts, tmp_path)
    message = str(err.value)
    assert "publications.csv" in message and "impossible d'enregistrer" in message
    assert "« sujet » manque pour 2 publication(s)" in message
    assert "« format » manque pour 2 publication(s)" in message
    assert not (tmp_path / "publications.csv").exists()


def test_exports_without_reach_save_with_empty_reach(tmp_path):
    """Mastodon measures no reach: the posts are saved, reach stays empty, load reads them."""
    save_as_dataset(from_mastodon(OUTBOX, "C005", sujet="evenement_culture", abonnes=100), tmp_path)
    posts = load("publications", folder=tmp_path)
    assert posts["portee"].isna().all() and posts["commentaires"].isna().all()
    assert posts["reactions"].notna().all()


def test_save_refuses_the_kits_own_datasets_folder():
    posts = from_meta(FB, "C001", sujet="evenement_culture", abonnes=10)
    with pytest.raises(DataError, match="jeu de données d'exemple du kit"):
        save_as_dataset(posts, Path(__file__).resolve().parent.parent / "datasets")


# ---------------------------------------------------------------------------- bad inputs


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _error(call, *args) -> str:
    with pytest.raises(DataError) as err:
        call(*args)
    return str(err.value)


def test_empty_file(tmp_path):
    path = _write(tmp_path, "vide.csv", "")
    message = _error(from_meta, path, "C001")
    assert f"Fichier « {path} »" in message and "le fichier est vide" in message
    assert "Téléchargez à nouveau" in message


def test_header_only(tmp_path):
    path = _write(tmp_path, "entete.csv", FB.read_text(encoding="utf-8").splitlines()[0] + "\n")
    assert "aucune publication" in _error(from_meta, path, "C001")


def test_damaged_workbook(tmp_path):
    path = _write(tmp_path, "export.xlsx", b"PK\x03\x04" + b"\x00" * 40)
    message = _error(from_meta, path, "C001")
    assert "classeur Excel est incomplet ou abîmé" in message and "export.xlsx" in message


def test_missing_columns_are_named(tmp_path):
    text = FB.read_text(encoding="utf-8").replace("Reach,", "Reach (organic),", 1)
    text = text.replace(",Comments,", ",Comment count,", 1)
    message = _error(from_meta, _write(tmp_path, "fb.csv", text), "C001")
    assert "colonne(s) attendue(s) introuvable(s) : « Reach », « Comments »" in message


def test_x_export_given_to_from_meta_says_which_importer():
    message = _error(from_meta, X, "C001")
    assert "c'est un export X (export « Contenu »), pas Meta Business Suite" in message
    assert "Utilisez from_x ou read_export" in message


def test_unreadable_date(tmp_path):
    text = FB.read_text(encoding="utf-8").replace("11/10/2025 21:00", "hier soir")
    message = _error(from_meta, _write(tmp_path, "fb.csv", text), "C001")
    assert "date illisible dans la colonne « Publish time » : « hier soir » (ligne 2)" in message


def test_unreadable_x_date(tmp_path):
    text = X.read_text(encoding="utf-8").replace('"Tue, Jul 14, 2026"', "14 juillet")
    message = _error(from_x, _write(tmp_path, "x.csv", text), "C004")
    assert "date illisible dans la colonne « Date » : « 14 juillet »" in message


def test_excel_mangled_ids(tmp_path):
    text = IG.read_text(encoding="utf-8").replace("18040000000000002,", "1.804E+16,", 1)
    message = _error(from_meta, _write(tmp_path, "ig.csv", text), "C003")
    assert "identifiants abîmés par Excel dans « Post ID » : « 1.804E+16 » (ligne 3)" in message
    assert "sans l'ouvrir" in message


def test_daily_rows_instead_of_lifetime(tmp_path):
    lines = IG.read_text(encoding="utf-8").splitlines()
    path = _write(tmp_path, "ig.csv", "\n".join(lines + [lines[1]]) + "\n")
    assert "apparaît sur plusieurs lignes" in _error(from_meta, path, "C003")


def test_unreadable_number(tmp_path):
    text = FB.read_text(encoding="utf-8").replace('"9,870"', "beaucoup")
    message = _error(from_meta, _write(tmp_path, "fb.csv", text), "C001")
    assert "nombre illisible dans la colonne « Reach » : « beaucoup » (ligne 2)" in message


def test_missing_file_and_wrong_mastodon_file(tmp_path):
    assert "introuvable" in _error(from_x, tmp_path / "absent.csv", "C004")
    actor = _write(tmp_path, "actor.json", '{"type": "Person"}')
    assert "pas un outbox.json de Mastodon" in _error(from_mastodon, actor, "C005")
    assert "Utilisez from_meta" in _error(from_mastodon, FB, "C005")
    assert "c'est un export Mastodon" in _error(from_meta, OUTBOX, "C001")


def test_bad_arguments():
    assert "compte_id doit être un texte" in _error(from_meta, FB, "")
    with pytest.raises(DataError, match="Sujet inconnu : « culture »"):
        from_meta(FB, "C001", sujet="culture")
    with pytest.raises(DataError, match="abonnes doit être un nombre entier"):
        from_x(X, "C004", abonnes="5000")


# ---------------------------------------------------------------------------- read_export

from socialkit.importers import from_linkedin, from_youtube, read_export  # noqa: E402

BAD = EXPORTS / "bad"
LINKEDIN_XLS = EXPORTS / "commune-de-val-des-saules_content_1793491200000.xls"
LINKEDIN_XLSX = EXPORTS / "cpas-de-val-des-saules_content_1793491200000.xlsx"
YOUTUBE_ZIP = EXPORTS / "Contenu 2025-09-01_2026-03-31 Commune de Val-des-Saules.zip"
MASTODON_TAR = EXPORTS / "archive-20261102100000-4f3e2d1c0b.tar.gz"

# file → (platform, compte_id found in the export, number of posts, first and last publie_le)
EVERY_FORMAT = {
    FB.name: ("facebook", "Commune de Val-des-Saules", 3, "2025-11-10T21:00", "2026-06-15T09:30"),
    FB_FR.name: ("facebook", "CPAS de Val-des-Saules", 2, "2025-11-10T09:15", "2026-06-25T14:00"),
    "meta_facebook_posts_utf16.csv": (
        "facebook",
        "Bibliothèque communale « La Plume »",
        3,
        "2026-07-01T09:00",
        "2026-10-07T16:05",
    ),
    "meta_facebook_posts_excel_cp1252.csv": (
        "facebook",
        "CHU de Val-des-Saules",
        2,
        "2026-02-03T08:45",
        "2026-03-14T18:20",
    ),
    IG.name: ("instagram", "valdessaules", 3, "2025-09-21T19:10", "2026-04-20T08:00"),
    LINKEDIN_XLS.name: (
        "linkedin",
        "commune-de-val-des-saules",
        4,
        "2026-09-03T12:00",
        "2026-10-13T12:00",
    ),
    LINKEDIN_XLSX.name: (
        "linkedin",
        "cpas-de-val-des-saules",
        3,
        "2026-09-03T12:00",
        "2026-10-08T12:00",
    ),
    X.name: ("x", "x", 2, "2026-07-02T18:40", "2026-07-14T10:05"),
    YOUTUBE_ZIP.name: ("youtube", "youtube", 3, "2025-09-02T12:00", "2026-03-13T12:00"),
    "Table data.csv": ("youtube", "youtube", 2, "2026-02-18T12:00", "2026-03-04T12:00"),
    OUTBOX.name: ("mastodon", "commune_vds", 3, "2025-03-04T10:12", "2025-07-21T18:35"),
    MASTODON_TAR.name: ("mastodon", "commune_vds", 3, "2025-03-04T10:12", "2025-07-21T18:35"),
}


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("name", sorted(EVERY_FORMAT))
def test_read_export_reads_every_format(name):
    platform, account, count, first, last = EVERY_FORMAT[name]
    posts = read_export(EXPORTS / name)
    assert posts.attrs["plateforme"] == platform
    assert list(posts.columns) == columns("publications")
    assert len(posts) == count
    assert posts["compte_id"].eq(account).all()
    assert posts["publie_le"].iloc[0].strftime("%Y-%m-%dT%H:%M") == first
    assert posts["publie_le"].iloc[-1].strftime("%Y-%m-%dT%H:%M") == last
    assert str(posts["publie_le"].dt.tz) == "Europe/Brussels"
    assert posts["publication_id"].is_unique and posts["texte"].notna().all()
    assert posts["reactions"].notna().all() and posts["partages"].notna().all()


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_utf16_tab_separated_export_keeps_multiline_text_and_emoji():
    posts = read_export(EXPORTS / "meta_facebook_posts_utf16.csv", sujet="evenement_culture")
    assert "utf-16" in posts.attrs["source"] and "tabulations" in posts.attrs["source"]
    tale = _row(posts, "100064000000003_1240000000000001")
    assert tale["texte"] == (
        "📚 Heure du conte mercredi à 14h30 pour les 4–7 ans.\nGratuit, sans inscription !"
    )
    fureur = _row(posts, "100064000000003_1240000000000002")
    assert fureur["texte"].startswith("La Fureur de lire est de retour en octobre ! 🎉\n\n")
    # "22/09/2026" settles the order for the whole file: 07/10/2026 is 7 October
    assert tale["publie_le"].isoformat() == "2026-10-07T16:05:00+02:00"
    assert fureur["sponsorise"] and fureur["format"] == "lien"
    assert (fureur["portee"], fureur["impressions"], fureur["clics"]) == (2980, 3450, 402)


def test_excel_resaved_cp1252_keeps_accents_and_warns_about_emoji():
    with pytest.warns(UserWarning, match="emoji par « \\? »"):
        posts = read_export(EXPORTS / "meta_facebook_posts_excel_cp1252.csv", sujet="social_sante")
    assert "cp1252" in posts.attrs["source"]
    first = _row(posts, "100064000000004_1250000000000001")
    assert "réserves de sang" in first["texte"] and first["portee"] == 6120
    video = _row(posts, "100064000000004_1250000000000002")
    assert video["format"] == "video" and video["impressions"] == 2001


@pytest.mark.parametrize("path", [LINKEDIN_XLS, LINKEDIN_XLSX])
def test_linkedin_workbook_all_posts_sheet_under_a_header_block(path):
    with pytest.warns(UserWarning, match=r"LinkedIn ne donne que le jour de publication"):
        posts = from_linkedin(path)
    job = _row(posts, "7370000000000000001")
    assert job["texte"].startswith("Nous recrutons ! 👷") and "\nCandidatures" in job["texte"]
    assert job["publie_le"].isoformat() == "2026-09-03T12:00:00+02:00"
    assert (job["impressions"], job["clics"], job["reactions"]) == (2310, 87, 41)
    assert (job["commentaires"], job["partages"]) == (6, 12)
    assert job["format"] == "photo" and not job["sponsorise"]
    report = _row(posts, "7370000000000000003")
    assert report["sponsorise"] and report["format"] == "carrousel"  # a document post
    assert posts["portee"].isna().all()


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_youtube_zip_uses_table_data_without_the_total_row():
    posts = from_youtube(YOUTUBE_ZIP)
    assert "Total" not in posts["publication_id"].tolist()
    council = _row(posts, "dQw4w9WgXcQ")
    assert council["texte"] == "Conseil communal du 12 mars 2026 : retransmission intégrale"
    assert (council["impressions"], council["reactions"]) == (8420, 35)
    assert (council["commentaires"], council["partages"]) == (12, 4)
    assert (posts["format"] == "video").all() and posts["portee"].isna().all()
    french = read_export(EXPORTS / "Table data.csv")
    tale = _row(french, "Qq1Ww2Ee3Rr")
    assert tale["publie_le"].isoformat() == "2026-03-04T12:00:00+01:00"
    assert (tale["portee"], tale["reactions"], tale["commentaires"]) == (800, 90, 10)
    assert _row(french, "Tt4Yy5Uu6Ii")["publie_le"].date().isoformat() == "2026-02-18"


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_mastodon_archive_takes_the_account_name_from_actor_json():
    posts = read_export(MASTODON_TAR, sujet="evenement_culture")
    assert posts["compte_id"].eq("commune_vds").all()
    assert posts["sujet"].eq("evenement_culture").all()
    assert read_export(MASTODON_TAR, "Mastodon")["compte_id"].eq("Mastodon").all()


def test_x_and_mastodon_warnings_explain_the_missing_engagement_rate():
    with pytest.warns(UserWarning) as caught:
        from_x(X)
    text = " ".join(str(w.message) for w in caught)
    assert "taux d'engagement par portée" in text and 'by="impressions"' in text
    assert 'fillna("texte")' in text
    with pytest.warns(UserWarning) as caught:
        from_mastodon(OUTBOX)
    text = " ".join(str(w.message) for w in caught)
    assert "Mastodon ne mesure ni la portée ni les impressions" in text and "nan" in text


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_x_format_is_filled_from_the_text_when_it_says_it(tmp_path):
    text = X.read_text(encoding="utf-8").replace(
        "déviation par l'avenue des Saules.",
        "déviation par l'avenue des Saules. https://t.co/abc123",
    )
    text = text.replace("en direct sur notre site.", "en direct ! pic.x.com/AbCdEf")
    posts = from_x(_write(tmp_path, "account_analytics_content.csv", text))
    assert _row(posts, "2076941013611446289")["format"] == "lien"
    assert _row(posts, "2072721963217846275")["format"] == "photo"


def test_save_says_how_to_complete_the_format_of_x_posts(tmp_path):
    posts = from_x(X, "C004", sujet="travaux_mobilite")
    message = _error(save_as_dataset, posts, tmp_path)
    assert 'publications["format"].fillna("texte")' in message
    assert "rien n'a été écrit" in message and "\n" not in message
    posts["format"] = posts["format"].fillna("texte")
    assert save_as_dataset(posts, tmp_path).exists()


# ---------------------------------------------------------------------------- ambiguous dates

AMBIGUOUS = EXPORTS / "meta_instagram_posts_ambiguous_dates.csv"


def test_ambiguous_dates_are_refused_with_the_parameter_to_pass():
    message = _error(read_export, AMBIGUOUS)
    assert "peuvent se lire jour/mois ou mois/jour" in message
    assert "dayfirst=True" in message and "dayfirst=False" in message
    assert AMBIGUOUS.name in message and "\n" not in message


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_ambiguous_dates_read_as_told():
    day_first = read_export(AMBIGUOUS, dayfirst=True)
    assert _row(day_first, "18050000000000001")["publie_le"].isoformat() == (
        "2025-11-03T10:00:00+01:00"
    )
    month_first = read_export(AMBIGUOUS, dayfirst=False)
    assert _row(month_first, "18050000000000001")["publie_le"].isoformat() == (
        "2025-03-11T10:00:00+01:00"
    )


def test_dayfirst_contradicted_by_the_file_is_refused():
    message = _error(lambda: read_export(FB_FR, dayfirst=False))
    assert "dayfirst=False" in message and "jour/mois" in message


def _one_post_file(tmp_path: Path, when: str) -> Path:
    header, row = FB_FR.read_text(encoding="utf-8-sig").splitlines()[:2]
    row = row.replace("10/11/2025 09:15", when)
    return _write(tmp_path, "fr.csv", header + "\n" + row + "\n")


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_a_date_in_the_future_decides_the_order(tmp_path):
    """Only one reading is in the past: that one is taken (never a future post)."""
    today = pd.Timestamp.now().normalize()
    for back in range(40, 400):
        past = today - pd.Timedelta(days=back)
        if past.day <= 12 and past.day != past.month:
            swapped = pd.Timestamp(year=past.year, month=past.day, day=past.month)
            if swapped > today + pd.Timedelta(days=2):
                break
    path = _one_post_file(tmp_path, past.strftime("%d/%m/%Y 10:00"))
    posts = read_export(path)
    assert posts["publie_le"].iloc[0].date() == past.date()


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_rows_in_date_order_decide_the_order(tmp_path):
    lines = AMBIGUOUS.read_text(encoding="utf-8").splitlines()
    # Business Suite lists the newest post first: only day/month keeps these rows in order
    ordered = [lines[0], lines[2], lines[1], lines[3]]
    path = _write(tmp_path, "ig.csv", "\n".join(ordered) + "\n")
    posts = read_export(path)
    assert posts["publie_le"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-02-05",
        "2025-10-12",
        "2025-11-03",
    ]


# ---------------------------------------------------------------------------- bad files

BAD_FILES = {
    "export_vide.csv": ["le fichier est vide", "Téléchargez à nouveau l'export"],
    "export_entete_seule.csv": [
        "ne contient que la ligne d'en-tête d'un export Meta Business Suite",
        "aucune publication",
    ],
    "Val-des-Saules-Page-Insights-par-jour.csv": [
        "export de totaux par jour",
        "couverture de la page facebook",
        "Téléchargez l'export des publications",
    ],
    "account_overview_analytics.csv": ["export de totaux par jour", "X > Analytics > Contenu"],
    "budget_2026.csv": [
        "colonnes « Poste », « Montant », « Responsable »",
        "ne ressemble à aucun export de publications reconnu",
        "Meta Business Suite > Insights > Contenu > Exporter",
    ],
    "capture_statistiques.png": ["c'est une image (PNG)", "pas un export de données"],
    "plan_editorial.ics": ["c'est un agenda (.ics", "Téléchargez l'export des publications"],
    "linkedin_content_mot_de_passe.xlsx": [
        "protégé par un mot de passe",
        "retirez le mot de passe",
    ],
    "linkedin_content_tronque.xlsx": ["incomplet ou abîmé", "Téléchargez à nouveau"],
    "tweet_activity_metrics_valdessaules_20230101_20230201_fr.csv": [
        "ancien export « Tweet activity » de X",
        "retiré en 2023",
        "account_analytics_content_",
    ],
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_every_bad_file_gets_one_french_line(name):
    message = _error(read_export, BAD / name)
    assert message.startswith(f"Fichier « {BAD / name} » : ")
    assert "\n" not in message and "Traceback" not in message
    for fragment in BAD_FILES[name]:
        assert fragment in message


def test_every_bad_fixture_is_covered():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_FILES)


def test_youtube_chart_data_points_to_table_data():
    message = _error(read_export, EXPORTS / "Chart data.csv")
    assert "une ligne par jour et par vidéo" in message and "« Table data.csv »" in message


def test_kit_table_given_to_read_export_points_to_load():
    from socialkit.data import data_dir

    message = _error(read_export, data_dir() / "comptes.csv")
    assert "déjà un tableau du kit (« comptes »)" in message and 'load("comptes"' in message


def test_archive_without_any_export(tmp_path):
    import zipfile

    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff\xe0")
        archive.writestr("notes.txt", "rien ici")
    message = _error(read_export, path)
    assert "aucun export de publications reconnu" in message and "photo.jpg" in message


def test_failed_save_leaves_the_previous_file_untouched(tmp_path):
    good = from_meta(FB, "C001", sujet="evenement_culture", abonnes=10)
    target = save_as_dataset(good, tmp_path)
    before = target.read_bytes()
    with pytest.raises(DataError):
        save_as_dataset(from_x(X, "C004"), tmp_path)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["publications.csv"]


def test_unknown_platform_and_dayfirst_arguments():
    assert "Plateforme inconnue : « tiktok »" in _error(lambda: read_export(FB, platform="tiktok"))
    assert "dayfirst doit valoir True, False ou None" in _error(
        lambda: read_export(FB, dayfirst="oui")
    )


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_meta_export_saved_as_xlsx_and_a_zip_of_two_exports(tmp_path):
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    import csv as _csv

    for row in _csv.reader(FB.read_text(encoding="utf-8").splitlines()):
        book.active.append(row)
    book.save(tmp_path / "posts.xlsx")
    from_workbook = read_export(tmp_path / "posts.xlsx")
    from_csv = read_export(FB)
    assert from_workbook["publication_id"].tolist() == from_csv["publication_id"].tolist()
    assert from_workbook["publie_le"].tolist() == from_csv["publie_le"].tolist()
    assert from_workbook["portee"].tolist() == from_csv["portee"].tolist()
    with zipfile.ZipFile(tmp_path / "exports.zip", "w") as archive:
        archive.write(FB, "facebook/posts.csv")
        archive.write(IG, "instagram/posts.csv")
        archive.writestr("__MACOSX/._posts.csv", b"\x00\x05\x16\x07")
    both = read_export(tmp_path / "exports.zip")
    assert len(both) == 6 and both.attrs["plateforme"] == ["facebook", "instagram"]
    assert set(both["compte_id"]) == {"Commune de Val-des-Saules", "valdessaules"}
