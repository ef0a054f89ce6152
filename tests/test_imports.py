"""Importers of real export files (socialkit.imports) on hand-written fixtures."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pandas as pd
import pytest

from socialkit import DataError, load
from socialkit.imports import from_mastodon, from_meta, from_x, save_as_dataset
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


def test_excel_workbook_instead_of_csv(tmp_path):
    path = _write(tmp_path, "export.xlsx", b"PK\x03\x04" + b"\x00" * 40)
    message = _error(from_meta, path, "C001")
    assert "classeur Excel" in message and "CSV" in message and "export.xlsx" in message


def test_missing_columns_are_named(tmp_path):
    text = FB.read_text(encoding="utf-8").replace("Reach,", "Reach (organic),", 1)
    text = text.replace(",Comments,", ",Comment count,", 1)
    message = _error(from_meta, _write(tmp_path, "fb.csv", text), "C001")
    assert "colonne(s) attendue(s) introuvable(s) : « Reach », « Comments »" in message


def test_x_export_given_to_from_meta_says_which_importer():
    message = _error(from_meta, X, "C001")
    assert "C'est un export X : utilisez from_x" in message


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
    assert "ni un fichier outbox.json" in _error(from_mastodon, FB, "C005")
    assert "c'est un fichier JSON" in _error(from_meta, OUTBOX, "C001")


def test_bad_arguments():
    assert "compte_id doit être un texte" in _error(from_meta, FB, "")
    with pytest.raises(DataError, match="Sujet inconnu : « culture »"):
        from_meta(FB, "C001", sujet="culture")
    with pytest.raises(DataError, match="abonnes doit être un nombre entier"):
        from_x(X, "C004", abonnes="5000")
