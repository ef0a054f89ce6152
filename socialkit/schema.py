"""Schema of the sample tables: one entry per CSV file in ``datasets/``.

The loader validates every file against this description and the generator
writes columns in exactly this order, so the two cannot drift apart.
Column names are French snake_case without accents (they are what trainees
type); kinds are:

- ``str``       free text or identifier
- ``int``       integer count (nullable where ``nullable`` is set)
- ``float``     decimal number
- ``bool``      ``True``/``False``
- ``datetime``  ISO 8601 timestamp with the Europe/Brussels offset
- ``date``      calendar day ``YYYY-MM-DD``
- ``category``  one of a closed list of values (given in ``CATEGORIES``)
"""

from __future__ import annotations

TIMEZONE = "Europe/Brussels"

PLATFORMS = ["facebook", "instagram", "x", "linkedin", "youtube", "mastodon"]

CATEGORIES: dict[str, list[str]] = {
    "type_institution": [
        "commune",
        "cpas",
        "service_federal",
        "agence_regionale",
        "hopital",
        "bibliotheque",
        "centre_culturel",
        "office_tourisme",
        "zone_police",
        "ecole",
        "transport_public",
        "intercommunale",
    ],
    "plateforme": PLATFORMS,
    "type_compte": ["institutionnel", "ambassadeur"],
    "role": ["aucun", "employe", "rh", "communication", "elu", "direction"],
    "statut_declare": ["actif", "en_veille", "a_fermer", "non_reference"],
    "sujet": [
        "travaux_mobilite",
        "dechets_environnement",
        "demarches_administratives",
        "evenement_culture",
        "sport_loisirs",
        "social_sante",
        "securite_alerte",
        "vie_democratique",
        "emploi_recrutement",
        "coulisses_equipe",
        "correction_info",
    ],
    "format": ["texte", "photo", "lien", "video", "carrousel"],
    "categorie": [
        "question",
        "plainte",
        "remerciement",
        "neutre",
        "suggestion",
        "spam",
        "troll",
        "desinformation",
    ],
    "action_moderation": ["aucune", "masque", "supprime"],
    "source_type": ["citoyen", "media", "influenceur", "association", "elu"],
}

# name -> list of (column, kind, nullable). In ``publications``, reach, impressions, clicks,
# comments and followers may be empty: real exports (X, Mastodon, Instagram) do not all carry them,
# and the metrics leave such posts out of the sums rather than counting them as zero.
TABLES: dict[str, list[tuple[str, str, bool]]] = {
    "institutions": [
        ("institution_id", "str", False),
        ("nom", "str", False),
        ("type_institution", "category", False),
        ("localite", "str", False),
        ("site_web", "str", False),
        ("population_desservie", "int", False),
    ],
    "comptes": [
        ("compte_id", "str", False),
        ("institution_id", "str", False),
        ("type_compte", "category", False),
        ("plateforme", "category", False),
        ("identifiant", "str", False),
        ("nom_affiche", "str", False),
        ("service", "str", False),
        ("role", "category", False),
        ("officiel", "bool", False),
        ("reference_site_web", "bool", False),
        ("nb_admins", "int", True),
        ("admins_profils_personnels", "bool", False),
        ("double_authentification", "bool", False),
        ("charte_moderation", "bool", False),
        ("langues", "str", False),
        ("cree_le", "date", False),
        ("statut_declare", "category", False),
    ],
    "publications": [
        ("publication_id", "str", False),
        ("compte_id", "str", False),
        ("publie_le", "datetime", False),
        ("sujet", "category", False),
        ("format", "category", False),
        ("texte", "str", False),
        ("relaie_hors_ligne", "bool", False),
        ("sponsorise", "bool", False),
        ("abonnes_au_moment", "int", True),
        ("portee", "int", True),
        ("impressions", "int", True),
        ("reactions", "int", False),
        ("commentaires", "int", True),
        ("partages", "int", False),
        ("clics", "int", True),
    ],
    "commentaires": [
        ("commentaire_id", "str", False),
        ("publication_id", "str", False),
        ("compte_id", "str", False),
        ("auteur_id", "str", False),
        ("cree_le", "datetime", False),
        ("categorie", "category", False),
        ("sentiment", "float", False),
        ("texte", "str", False),
        ("necessite_reponse", "bool", False),
        ("repondu_le", "datetime", True),
        ("reponse_texte", "str", True),
        ("action_moderation", "category", False),
    ],
    "abonnes": [
        ("date", "date", False),
        ("compte_id", "str", False),
        ("abonnes", "int", False),
        ("nouveaux", "int", False),
        ("desabonnements", "int", False),
    ],
    "mentions": [
        ("mention_id", "str", False),
        ("publiee_le", "datetime", False),
        ("institution_id", "str", False),
        ("plateforme", "category", False),
        ("source_type", "category", False),
        ("abonnes_source", "int", False),
        ("sentiment", "float", False),
        ("est_partage", "bool", False),
        ("texte", "str", False),
    ],
}

TABLE_NAMES = list(TABLES)


def columns(table: str) -> list[str]:
    """Column names of ``table`` in file order."""
    return [name for name, _, _ in TABLES[table]]
