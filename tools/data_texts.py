# ruff: noqa: E501  (French templates are kept on one line for readability)
"""French texts of the sample dataset: posts, comments, replies and mentions.

Texts are composed, not pasted: a post picks a *subject* that fits the institution type, the
topic (``sujet``) and the date (Belgian calendar in ``data_params.CALENDAR``), then fills one of
its templates with pieces that carry their grammar (``fr_grammar.Noun``: « au parc »,
« à la salle des fêtes », « de l'hôtel de ville »), ordered time ranges and a date on or after
the post. Comments answer the post they sit under: their body comes from the subject's
*family* (event, works, waste, care…) and the institution type, wrapped in an opener and a
closer whose register varies (formal, familiar, Belgian, a few emoji). Replies speak with the
institution's voice, or the ambassador's own (gender agreement).

Randomness comes from one ``random.Random`` seeded by the generator's dedicated text stream,
so the numeric columns never depend on the wording. Content anchors: docs/sources.md §7.1–7.7.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from dataclasses import dataclass, field

from tools.fr_grammar import WEEKDAYS as _WD
from tools.fr_grammar import N, Noun, Person, clock, day_month, full_date

# =====================================================================================
# Vocabularies with grammar
# =====================================================================================
STREETS = [
    N("la rue des Tilleuls"),
    N("l'avenue du Parc", "f"),
    N("la rue du Moulin"),
    N("la chaussée de Namur"),
    N("la rue de la Station"),
    N("la place communale"),
    N("la rue des Écoles"),
    N("la rue Haute"),
    N("l'avenue des Saules", "f"),
    N("la rue du Pont"),
    N("la rue de l'Église"),
    N("le chemin des Prés"),
    N("l'avenue Reine Astrid", "f"),
    N("la rue du Château d'eau"),
    N("le sentier des Vignes"),
    N("la rue des Combattants"),
    N("la rue de Mont-Fleury"),
    N("le boulevard de l'Orneau"),
    N("la rue Saint-Rémy"),
    N("la rue des Fraisiers"),
]
QUARTIERS = [
    N("le centre"),
    N("Bois-Hautrive"),
    N("les Coteaux"),
    N("le quartier de la Gare"),
    N("Saint-Rémy"),
    N("Petit-Orneau"),
    N("le Try-au-Chêne"),
    N("Mont-Fleury"),
]
PLACES = {  # where an institution type holds its events
    "commune": [
        N("la salle des fêtes"),
        N("la place communale"),
        N("le parc des Saules"),
        N("la maison de quartier"),
        N("le hall omnisports"),
        N("la salle du conseil"),
        N("l'hôtel de ville", "m"),
        N("l'espace Orneau", "m"),
    ],
    "cpas": [
        N("la maison de l'emploi"),
        N("l'antenne sociale", "f"),
        N("la salle polyvalente du CPAS"),
        N("l'épicerie sociale", "f"),
    ],
    "hopital": [
        N("le hall d'entrée"),
        N("l'auditoire du CHU", "m"),
        N("la cafétéria"),
        N("le site Saint-Rémy"),
    ],
    "bibliotheque": [
        N("la salle de lecture"),
        N("l'espace jeunesse", "m"),
        N("la salle d'animation"),
        N("l'antenne de Mont-Fleury", "f"),
    ],
    "centre_culturel": [
        N("la grande salle"),
        N("le studio"),
        N("la salle d'exposition"),
        N("le foyer"),
        N("la cour du Préau"),
    ],
    "office_tourisme": [
        N("la place de Mont-Fleury"),
        N("le moulin de l'Orneau"),
        N("le vieux pont"),
        N("l'église de Saint-Rémy", "f"),
        N("le bois de Hautrive"),
    ],
    "zone_police": [
        N("le commissariat central"),
        N("l'antenne de quartier de Mont-Fleury", "f"),
        N("la salle du conseil"),
    ],
    "ecole": [
        N("le réfectoire"),
        N("la cour de l'école"),
        N("la salle de gym"),
        N("l'implantation des Coteaux", "f"),
    ],
    "agence_regionale": [
        N("la station d'épuration"),
        N("le barrage de l'Orneau"),
        N("nos bureaux de Namur"),
    ],
    "intercommunale": [
        N("le recyparc de Mont-Fleury"),
        N("le recyparc des Coteaux"),
        N("le recyparc de Saint-Rémy"),
        N("le centre de tri"),
    ],
    "service_federal": [N("nos bureaux de Bruxelles"), N("le Centre administratif")],
    "transport_public": [
        N("la gare des bus"),
        N("le dépôt de Mont-Fleury"),
        N("la place de la Gare"),
    ],
}
FIRST_NAMES = [
    Person(n, g)
    for n, g in [
        ("Marc", "m"), ("Sophie", "f"), ("Julie", "f"), ("Nathalie", "f"), ("Thomas", "m"), ("Martine", "f"),
        ("Kevin", "m"), ("Fatima", "f"), ("Luc", "m"), ("Isabelle", "f"), ("Mehdi", "m"), ("Chantal", "f"),
        ("Laurent", "m"), ("Emma", "f"), ("Jean-Pierre", "m"), ("Aline", "f"), ("Céline", "f"), ("Michel", "m"),
        ("Nicolas", "m"), ("Sarah", "f"), ("Youssef", "m"), ("Valérie", "f"), ("Bernard", "m"), ("Laura", "f"),
        ("Damien", "m"), ("Aurélie", "f"), ("Karim", "m"), ("Anne", "f"), ("Jonathan", "m"), ("Christine", "f"),
        ("Geoffrey", "m"), ("Nadia", "f"), ("François", "m"), ("Pauline", "f"), ("Olivier", "m"), ("Sandra", "f"),
        ("Philippe", "m"), ("Elif", "f"), ("Maxime", "m"), ("Gaëlle", "f"), ("Benoît", "m"), ("Lucie", "f"),
    ]
]  # fmt: skip
AGENTS = [
    "Sarah",
    "Pierre",
    "Nora",
    "Benoît",
    "Amélie",
    "Youssef",
    "Claire",
    "Thomas",
    "Inès",
    "Julien",
    "Manon",
    "David",
]
NUMS = ["2", "3", "4", "5", "6", "8", "10", "12", "15", "20", "25", "30"]
LINES = ["1", "3", "4", "7", "12", "14", "21", "35", "72", "365"]


# =====================================================================================
# Subjects: what a post is about (kinds × sujet × season)
# =====================================================================================
@dataclass
class Subject:
    kinds: tuple[str, ...]
    sujet: str
    family: str
    objet: Noun
    templates: list[str]
    season: str | None = None  # key of data_params.CALENDAR, None = all year
    weight: float = 1.0
    accounts: tuple[str, ...] = ()
    weekend: bool = False  # an undated event falls on a Saturday or a Sunday  # restricted to these accounts (and then only them)


MUN = ("commune",)
LOCAL = ("commune", "cpas")
ALL_INST = (
    "commune", "cpas", "service_federal", "agence_regionale", "hopital", "bibliotheque",
    "centre_culturel", "office_tourisme", "zone_police", "ecole", "transport_public", "intercommunale",
)  # fmt: skip
S = Subject
SUBJECTS: list[Subject] = [
    # ------------------------------------------------------------ travaux_mobilite
    S(
        ("commune", "zone_police"),
        "travaux_mobilite",
        "travaux",
        N("le chantier"),
        [
            "🚧 Travaux {rue.dans} à partir du {date} : circulation alternée de 7h à 17h. Merci pour votre patience !",
            "Fermeture {rue.de} le {date} pour asphaltage. Déviation fléchée par {rue2.le}.",
            "Stationnement interdit {rue.dans} le {date} (déménagement). Merci de respecter la signalisation.",
            "Travaux d'égouttage {rue.dans} : la rue sera fermée à la circulation du {date} au {date2}. Accès riverains maintenu.",
            "Chantier {rue.de} : les travaux avancent bien, réouverture prévue le {date}.",
        ],
    ),
    S(
        MUN,
        "travaux_mobilite",
        "travaux",
        N("la déviation"),
        [
            "Réaménagement {rue.de} : réunion d'information pour les riverains le {date} à {h_soir} {lieu.a}.",
            "Nouveau sens unique {rue.dans} dès le {date}. Plan disponible sur notre site.",
            "Marché hebdomadaire : {rue.le} sera fermé{rue.e} à la circulation le {date} de 6h à 14h.",
        ],
    ),
    S(
        MUN,
        "travaux_mobilite",
        "evenement",
        N("la vélo-école"),
        [
            "🚲 Semaine de la mobilité : vélo-école gratuite pour adultes le {date} à {h_jour}. Inscriptions ouvertes.",
            "Semaine de la mobilité : venez tester un vélo électrique le {date} {lieu.a}, de 10h à 16h.",
        ],
        season="mobilite",
    ),
    S(
        ("zone_police",),
        "travaux_mobilite",
        "securite",
        N("le contrôle"),
        [
            "Rentrée scolaire : nos agents sont présents aux passages pour piétons de 7h30 à 8h30 et de 15h à 15h45.",
            "C'est la rentrée : ralentissez aux abords des écoles, nos équipes sont présentes le matin dès 7h30.",
        ],
        season="rentree",
        weight=3,
    ),
    S(
        ("zone_police",),
        "travaux_mobilite",
        "securite",
        N("le contrôle"),
        [
            "Rentrée du {date} : nos agents seront aux passages pour piétons de 7h30 à 8h30. Soyez prudents !",
        ],
        season="rentree_2026",
        weight=3,
    ),
    S(
        ("zone_police",),
        "travaux_mobilite",
        "travaux",
        N("la fermeture"),
        [
            "Marché hebdomadaire : stationnement interdit {rue.dans} le {date} de 6h à 14h.",
            "Course cycliste le {date} : {rue.le} sera fermé{rue.e} de 12h à 17h. Suivez les déviations.",
            "Travaux {rue.dans} : circulation alternée jusqu'au {date}. Merci de respecter la signalisation.",
        ],
    ),
    S(
        ("transport_public",),
        "travaux_mobilite",
        "transport",
        N("la ligne"),
        [
            "🚌 Ligne {ligne} : déviation par {rue.le} jusqu'au {date} en raison de travaux.",
            "Perturbation ligne {ligne} : retards de 10 à 15 minutes ce matin. Merci de votre patience.",
            "Trafic rétabli sur la ligne {ligne}. Merci pour votre patience.",
            "Ligne {ligne} : l'arrêt « {arret} » est déplacé de 50 mètres jusqu'au {date}.",
            "Nouveaux horaires de la ligne {ligne} à partir du {date} : un bus toutes les 20 minutes en heure de pointe.",
            "Mouvement de grève annoncé le {date} : le service sera perturbé sur plusieurs lignes. Infos en temps réel sur notre site.",
        ],
        weight=3,
    ),
    S(
        ("transport_public",),
        "travaux_mobilite",
        "transport",
        N("l'horaire", "m"),
        [
            "Horaires adaptés pendant les congés d'automne à partir du {date}.",
        ],
        season="conges_automne",
    ),
    S(
        ("transport_public",),
        "travaux_mobilite",
        "transport",
        N("l'horaire", "m"),
        [
            "Horaires de congé à partir du {date}. Bonnes fêtes à tous nos voyageurs !",
        ],
        season="conges_hiver",
    ),
    S(
        ("transport_public",),
        "travaux_mobilite",
        "transport",
        N("l'abonnement", "m"),
        [
            "Rentrée : pensez à renouveler l'abonnement scolaire de vos enfants. Tout se fait en ligne.",
            "C'est la rentrée ! Nos bus scolaires reprennent leur horaire habituel. Bonne année scolaire à tous.",
        ],
        season="rentree",
    ),
    S(
        ("transport_public",),
        "travaux_mobilite",
        "transport",
        N("la navette"),
        [
            "🎄 Marché de Noël : navette gratuite depuis la gare le vendredi et le samedi soir, à partir du {date}.",
        ],
        season="marche_noel",
    ),
    S(
        ("transport_public", "commune"),
        "travaux_mobilite",
        "transport",
        N("le déneigement"),
        [
            "❄️ Routes glissantes ce matin : certains bus circulent avec du retard. Prudence sur les trottoirs.",
        ],
        season="neige",
    ),
    S(
        ("agence_regionale",),
        "travaux_mobilite",
        "eau",
        N("le chantier"),
        [
            "Travaux sur le collecteur de l'Orneau {rue.dans} à partir du {date}. Circulation alternée de 7h à 17h.",
            "Renforcement des berges de l'Orneau : le chemin de halage sera fermé du {date} au {date2}.",
            "Chantier de la station d'épuration : des camions circuleront {rue.dans} jusqu'au {date}.",
        ],
    ),
    S(
        ("intercommunale",),
        "travaux_mobilite",
        "dechets",
        N("le chantier"),
        [
            "Travaux au recyparc {rp} : fermeture du {date} au {date2}. Les autres recyparcs restent ouverts.",
            "Nouveau quai de déchargement au recyparc {rp} : accès limité le {date}.",
        ],
    ),
    S(
        ("ecole",),
        "travaux_mobilite",
        "ecole",
        N("le chantier"),
        [
            "Travaux devant l'école à partir du {date} : merci de déposer vos enfants par l'entrée de {rue.le}.",
            "Dépose-minute : ne stationnez pas devant l'entrée, nos élèves traversent. Merci pour eux !",
        ],
        season="annee_scolaire",
    ),
    # ------------------------------------------------------------ dechets_environnement
    S(
        ("commune", "intercommunale"),
        "dechets_environnement",
        "dechets",
        N("la collecte des encombrants"),
        [
            "♻️ Collecte des encombrants : inscription obligatoire jusqu'au {date}. Maximum 2 m³ par ménage.",
            "Encombrants : prochaine collecte {quartier.a} le {date}. Inscrivez-vous par téléphone ou en ligne.",
        ],
    ),
    S(
        ("commune", "intercommunale"),
        "dechets_environnement",
        "dechets",
        N("la collecte PMC"),
        [
            "Collecte PMC décalée au {date} {quartier.a}. Sortez vos sacs la veille au soir.",
            "Rappel : les sacs PMC se sortent la veille après 18h, pas avant. Merci pour les voisins !",
            "PMC : les pots de yaourt et les barquettes vont aussi dans le sac bleu. Le guide du tri est en ligne.",
        ],
    ),
    S(
        ("intercommunale",),
        "dechets_environnement",
        "dechets",
        N("le recyparc"),
        [
            "Le recyparc {rp} sera exceptionnellement fermé le {date} (inventaire). Réouverture le lendemain à 9h.",
            "Recyparcs : le matin, il y a moins d'attente. Pensez à trier vos déchets avant de venir.",
            "Nouveau au recyparc {rp} : un conteneur pour les petits appareils électriques.",
            "Pneus, amiante, pots de peinture : ce que le recyparc accepte, et en quelle quantité ⤵️",
        ],
        weight=2,
    ),
    S(
        ("intercommunale",),
        "dechets_environnement",
        "dechets",
        N("l'horaire d'été", "m"),
        [
            "☀️ Horaires d'été des recyparcs : ouverture jusqu'à 18h du mardi au samedi.",
        ],
        season="recyparc_ete",
    ),
    S(
        ("intercommunale",),
        "dechets_environnement",
        "dechets",
        N("l'horaire d'hiver", "m"),
        [
            "Horaires d'hiver des recyparcs : ouverture de 9h à 17h du mardi au samedi.",
        ],
        season="recyparc_hiver",
    ),
    S(
        ("commune", "intercommunale"),
        "dechets_environnement",
        "dechets",
        N("la collecte des déchets verts"),
        [
            "🌿 Collecte des déchets verts {quartier.a} le {date}. Fagots de 1 mètre maximum, bien ficelés.",
        ],
        season="dechets_verts",
    ),
    S(
        ("commune", "intercommunale"),
        "dechets_environnement",
        "dechets",
        N("la collecte des sapins"),
        [
            "🎄 Collecte des sapins de Noël le {date}. Sans pot, sans décoration, devant votre porte avant 7h.",
        ],
        season="sapins",
        weight=4,
    ),
    S(
        ("intercommunale", "commune"),
        "dechets_environnement",
        "dechets",
        N("le calendrier des collectes"),
        [
            "📅 Le calendrier des collectes 2026 arrive dans vos boîtes aux lettres. Il est aussi en ligne.",
        ],
        season="fetes",
    ),
    S(
        ("commune", "intercommunale", "agence_regionale"),
        "dechets_environnement",
        "evenement",
        N("le Grand Nettoyage de printemps"),
        [
            "Grand Nettoyage de printemps le {date} : rendez-vous à 9h30 {lieu.a}. Gants et sacs fournis !",
            "Le {date}, on ramasse les déchets ensemble {quartier.a} ! Inscription de votre équipe avant le {date_avant}.",
        ],
        season="grand_nettoyage",
        weight=4,
    ),
    S(
        ("agence_regionale",),
        "dechets_environnement",
        "eau",
        N("la qualité de l'eau"),
        [
            "💧 Qualité des eaux de surface : les résultats de nos {petit} points de mesure sont en ligne.",
            "Une fuite d'eau vous coûte cher : nos conseils pour la repérer en {petit} étapes.",
            "Primes à la rénovation énergétique : les conditions changent le {date}. Tout savoir ⤵️",
            "Récupérer l'eau de pluie au jardin : ce qui est permis, ce qui est conseillé.",
            "Audit énergétique : {petit} questions à vous poser avant de rénover votre maison.",
        ],
        weight=3,
    ),
    S(
        ("agence_regionale",),
        "dechets_environnement",
        "eau",
        N("la sécheresse"),
        [
            "☀️ Sécheresse : le niveau de l'Orneau est bas. Arrosage des jardins déconseillé entre 10h et 18h.",
            "Épisode de sécheresse : évitez de remplir les piscines et privilégiez l'eau de pluie.",
        ],
        season="secheresse",
        weight=2,
    ),
    S(
        ("agence_regionale",),
        "dechets_environnement",
        "eau",
        N("la crue"),
        [
            "🌧️ Vigilance crue sur l'Orneau ce week-end. Suivez les niveaux en temps réel sur notre site.",
            "Fortes pluies annoncées : les riverains {quartier.de} peuvent retirer des sacs de sable {lieu2.a}.",
        ],
        season="crues",
        weight=2,
    ),
    S(
        ("commune", "agence_regionale"),
        "dechets_environnement",
        "eau",
        N("l'abeille", "f"),
        [
            "🐝 Fauchage tardif : les bords de route resteront fleuris jusqu'en août pour les insectes pollinisateurs.",
        ],
        season="pollens",
    ),
    # ------------------------------------------------------------ demarches_administratives
    S(
        ("commune",),
        "demarches_administratives",
        "guichet",
        N("le guichet"),
        [
            "Votre carte d'identité expire bientôt ? Prenez rendez-vous au service Population.",
            "Nouveau : prise de rendez-vous en ligne pour le guichet Population, aussi le samedi matin.",
            "Permis de conduire, passeport, carte eID : tous les documents à apporter sont sur notre site.",
            "Le service Population sera fermé le {date} (formation du personnel). Merci de votre compréhension.",
            "Rappel : date limite pour introduire votre demande de prime : le {date}. Conditions sur notre site.",
            "Déclaration de naissance, changement d'adresse : {num} démarches que vous pouvez faire en ligne.",
        ],
        weight=3,
    ),
    S(
        LOCAL + ("service_federal", "hopital", "bibliotheque"),
        "demarches_administratives",
        "guichet",
        N("l'horaire des fêtes", "m"),
        [
            "Horaires des fêtes : nos services fermeront à 12h le {date} et le mercredi 31 décembre.",
            "Fêtes de fin d'année : nos bureaux seront fermés le jeudi 25 décembre et le jeudi 1er janvier.",
        ],
        season="fetes",
        weight=2,
    ),
    S(
        LOCAL + ("service_federal", "bibliotheque", "intercommunale"),
        "demarches_administratives",
        "guichet",
        N("la fermeture"),
        [
            "Toussaint : nos services seront fermés le {date}. Bon congé à toutes et à tous.",
        ],
        season="toussaint",
    ),
    S(
        LOCAL + ("service_federal", "bibliotheque", "intercommunale"),
        "demarches_administratives",
        "guichet",
        N("la fermeture"),
        [
            "Armistice : nos bureaux seront fermés le {date}.",
        ],
        season="armistice",
    ),
    S(
        LOCAL + ("service_federal", "bibliotheque", "intercommunale"),
        "demarches_administratives",
        "guichet",
        N("la fermeture"),
        [
            "Lundi de Pâques : nos bureaux seront fermés le {date}. Réouverture le mardi à 8h30.",
        ],
        season="lundi_paques",
        weight=2,
    ),
    S(
        LOCAL + ("service_federal", "bibliotheque", "intercommunale"),
        "demarches_administratives",
        "guichet",
        N("la fermeture"),
        [
            "Fête nationale : nos bureaux seront fermés le {date}. Bon 21 juillet à toutes et à tous !",
        ],
        season="fete_nationale",
        weight=2,
    ),
    S(
        ("cpas",),
        "demarches_administratives",
        "social",
        N("l'allocation de chauffage", "f"),
        [
            "Allocation de chauffage : vous pouvez introduire votre demande jusqu'à 60 jours après la livraison.",
            "Revenu d'intégration, aide au loyer : prenez rendez-vous avec un assistant social.",
            "Permanence administrative le {date} {plage_matin}, sans rendez-vous, {lieu.a}.",
            "Vous avez reçu un courrier du CPAS et vous ne le comprenez pas ? Venez nous voir, on vous explique.",
        ],
        weight=3,
    ),
    S(
        ("service_federal",),
        "demarches_administratives",
        "numerique",
        N("la plateforme en ligne"),
        [
            "Maintenance planifiée de notre plateforme le {date} de 6h à 10h. Merci de votre compréhension.",
            "🧵 Nouvelle réglementation : ce qui change pour vous le {date}, en {petit} points.",
            "Incident résolu : les lenteurs de la plateforme ce matin sont derrière nous.",
            "Vous pouvez maintenant vous connecter avec itsme ou votre carte eID. Mode d'emploi ⤵️",
            "Tutoriel : comment télécharger un document officiel en {petit} clics, sans vous déplacer.",
            "Simplification : {num} formulaires papier disparaissent le {date}. Tout se fait en ligne.",
        ],
        weight=4,
    ),
    S(
        ("service_federal",),
        "demarches_administratives",
        "numerique",
        N("la déclaration d'impôts", "f"),
        [
            "Votre déclaration en ligne est pré-remplie ? Vérifiez-la quand même. Tutoriel en 3 minutes ⤵️",
            "📅 Déclaration fiscale en ligne : vous avez jusqu'au {date} pour la remplir.",
            "Séances d'aide pour remplir votre déclaration : prenez rendez-vous avant le {date}.",
        ],
        season="impots",
        weight=4,
    ),
    S(
        ("hopital",),
        "demarches_administratives",
        "soins",
        N("la prise de rendez-vous"),
        [
            "Nouveau : prise de rendez-vous en ligne pour les consultations de dermatologie et d'ophtalmologie.",
            "Votre hospitalisation est prévue ? Préparez votre admission en ligne, en {petit} minutes.",
            "Parking du CHU : les tarifs et les places réservées aux personnes à mobilité réduite ⤵️",
        ],
        weight=2,
    ),
    S(
        ("bibliotheque",),
        "demarches_administratives",
        "bibliotheque",
        N("la carte de lecteur"),
        [
            "Nouveau : empruntez des livres numériques depuis chez vous avec votre carte de lecteur.",
            "Prolongez vos prêts en ligne : il suffit de votre numéro de carte de lecteur.",
        ],
    ),
    S(
        ("ecole",),
        "demarches_administratives",
        "ecole",
        N("l'inscription", "f"),
        [
            "Inscriptions en 1re secondaire : les formulaires se déposent jusqu'au {date}. Infos au secrétariat.",
        ],
        season="inscriptions_1re",
        weight=3,
    ),
    S(
        ("ecole",),
        "demarches_administratives",
        "ecole",
        N("la réunion de parents"),
        [
            "Réunion de parents le {date} {plage_soir}. Les bulletins seront remis à cette occasion.",
            "Le secrétariat sera fermé le {date}. Pour une urgence, appelez la direction.",
        ],
        season="annee_scolaire",
    ),
    S(
        ("transport_public",),
        "demarches_administratives",
        "transport",
        N("l'abonnement", "m"),
        [
            "Votre abonnement se renouvelle en ligne en {petit} minutes. Plus besoin de passer au guichet.",
        ],
    ),
    S(
        ("agence_regionale", "intercommunale", "zone_police"),
        "demarches_administratives",
        "guichet",
        N("le formulaire"),
        [
            "Nos formulaires sont désormais disponibles en ligne. Vous pouvez aussi les demander par téléphone.",
            "Notre accueil téléphonique sera fermé le {date}. Notre site reste accessible.",
        ],
    ),
    # ------------------------------------------------------------ evenement_culture
    S(
        ("commune", "centre_culturel", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("le spectacle"),
        [
            "🎭 Spectacle gratuit le {date} à {h_soir} {lieu.a}. Venez nombreux !",
            "Concert de l'harmonie le {date} à {h_soir}, {lieu.le}. Bar au profit du comité des fêtes.",
            "Exposition « Regards sur l'Orneau » jusqu'au {date} {lieu.a}. Entrée libre.",
            "Soirée contes pour toute la famille le {date} à {h_soir} {lieu.a}.",
            "Théâtre wallon le {date} à {h_soir} {lieu.a} : réservation conseillée, une fois !",
        ],
        season="saison",
        weight=2,
    ),
    S(
        ("centre_culturel",),
        "evenement_culture",
        "evenement",
        N("la saison culturelle"),
        [
            "La nouvelle saison est en ligne : {num} spectacles, des concerts et des ateliers pour tous.",
            "Abonnement « 4 spectacles » : encore disponible jusqu'au {date} à l'accueil du Préau.",
            "Atelier théâtre pour les 8–12 ans le mercredi {plage_aprem}. Il reste {num} places.",
            "Ce soir à {h_soir} : « Les Voisins », une comédie de la compagnie du Sablon. Il reste quelques places.",
            "Ciné-club le {date} à {h_soir} {lieu.a}, suivi d'un échange avec le réalisateur.",
            "Scène ouverte le {date} à {h_soir} : inscrivez-vous à l'accueil si vous voulez jouer !",
        ],
        season="saison",
        weight=3,
    ),
    S(
        ("centre_culturel", "commune", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("le festival"),
        [
            "Festival d'été : concerts gratuits {lieu.a} tous les vendredis à {h_soir}.",
            "Cinéma en plein air le {date} à 21h30 {lieu.a}. Prenez votre coussin !",
        ],
        season="festival_ete",
        weight=2,
    ),
    S(
        ("commune", "office_tourisme", "bibliotheque"),
        "evenement_culture",
        "evenement",
        N("la visite"),
        [
            "Journées du patrimoine le {date} : visites guidées {lieu.de} toutes les heures de 10h à 17h.",
        ],
        season="patrimoine",
        weight=3,
    ),
    S(
        ("commune", "centre_culturel", "ecole"),
        "evenement_culture",
        "evenement",
        N("la fête"),
        [
            "Fête de la Communauté française le {date} : concerts et animations {lieu.a} à partir de 14h.",
        ],
        season="fwb",
        weight=3,
    ),
    S(
        ("commune", "centre_culturel", "bibliotheque"),
        "evenement_culture",
        "evenement",
        N("la cérémonie"),
        [
            "Commémoration de l'Armistice le {date} à 11h au monument aux morts. Venez nombreux.",
        ],
        season="armistice",
        weight=2,
    ),
    S(
        ("commune", "office_tourisme", "amb:commune"),
        "evenement_culture",
        "evenement",
        N("la visite de Saint-Nicolas", "f"),
        [
            "🎅 Saint-Nicolas passera {lieu.a} le {date} à {h_aprem}. Chocolat chaud offert !",
            "Saint-Nicolas rend visite aux enfants des écoles le {date}. Les mandarines sont prêtes 🍊",
        ],
        season="saint_nicolas",
        weight=4,
    ),
    S(
        ("office_tourisme", "commune"),
        "evenement_culture",
        "evenement",
        N("le marché de Noël"),
        [
            "🎄 Le marché de Noël ouvre le {date} sur la place communale : {num} chalets, vin chaud et patinoire.",
        ],
        season="marche_noel",
        weight=2,
    ),
    S(
        ("commune", "centre_culturel"),
        "evenement_culture",
        "evenement",
        N("le carnaval"),
        [
            "🎉 Le cortège du carnaval partira le {date} à 14h30 de la place communale. Confettis autorisés !",
            "Carnaval des enfants le {date} {lieu.a} : grimage, musique et goûter offert.",
        ],
        season="carnaval",
        weight=4,
    ),
    S(
        ("commune", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("la chasse aux œufs"),
        [
            "🐣 Chasse aux œufs le {date} à 10h {lieu.a}, pour les enfants jusqu'à 10 ans. Gratuit !",
        ],
        season="paques",
        weight=4,
    ),
    S(
        ("commune", "centre_culturel", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("la Fête de la musique"),
        [
            "🎶 Fête de la musique le {date} : {num} groupes {lieu.a} à partir de 15h. Entrée libre !",
        ],
        season="fete_musique",
        weight=4,
    ),
    S(
        ("commune", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("le feu d'artifice"),
        [
            "🇧🇪 Fête nationale : bal populaire le 20 juillet dès 20h {lieu.a}, feu d'artifice à 23h !",
            "21 juillet : Te Deum à 10h et apéritif offert {lieu.a} à 11h30.",
        ],
        season="fete_nationale",
        weight=4,
    ),
    S(
        ("commune", "office_tourisme"),
        "evenement_culture",
        "evenement",
        N("la brocante"),
        [
            "Brocante {quartier.de} le {date} de 7h à 16h. Emplacements à réserver à l'accueil.",
        ],
        season="brocantes",
        weekend=True,
        weight=2,
    ),
    S(
        ("bibliotheque",),
        "evenement_culture",
        "bibliotheque",
        N("l'heure du conte", "f"),
        [
            "📚 Heure du conte le mercredi à 14h30 pour les 4–7 ans. Gratuit, sans inscription.",
            "Club de lecture ado : ce mois-ci on parle mangas ! Rendez-vous le {date} à 17h.",
            "Atelier « Premiers pas sur smartphone » pour les seniors le {date} {plage_matin}. Inscription à l'accueil.",
            "Coups de cœur de l'équipe : {num} romans à emporter cet hiver, à découvrir {lieu.a}.",
            "Bébés lecteurs le {date} à 10h {lieu.a} : comptines et albums pour les 0–3 ans.",
            "Rencontre avec une autrice de la région le {date} à {h_soir} {lieu.a}. Entrée libre.",
            "Grainothèque : déposez et emportez des graines à l'accueil de la bibliothèque.",
        ],
        weight=4,
    ),
    S(
        ("bibliotheque",),
        "evenement_culture",
        "bibliotheque",
        N("la Fureur de lire"),
        [
            "La Fureur de lire est de retour ! Rencontre d'auteur le {date} à {h_soir} {lieu.a}.",
        ],
        season="fureur_de_lire",
        weight=4,
    ),
    S(
        ("bibliotheque",),
        "evenement_culture",
        "bibliotheque",
        N("la journée"),
        [
            "Je lis dans ma commune : lectures et animations le {date} {lieu.a}, dès 10h.",
        ],
        season="je_lis",
        weight=4,
    ),
    S(
        ("bibliotheque",),
        "evenement_culture",
        "bibliotheque",
        N("l'horaire d'été", "m"),
        [
            "☀️ Horaires d'été de la bibliothèque : ouverte du mardi au vendredi de 13h à 18h.",
            "Lectures au parc tous les mercredis d'été à 15h, par beau temps. Apportez une couverture !",
        ],
        season="ete",
        weight=2,
    ),
    S(
        ("ecole",),
        "evenement_culture",
        "ecole",
        N("la fancy-fair"),
        [
            "Fancy-fair de l'Athénée le {date} dès 11h : spectacles des élèves, barbecue et tombola !",
        ],
        season="fancy_fair",
        weight=4,
    ),
    S(
        ("ecole",),
        "evenement_culture",
        "ecole",
        N("la journée portes ouvertes"),
        [
            "Journée portes ouvertes le {date} de 10h à 13h : visite des classes et rencontre avec les professeurs.",
            "Nos élèves de 5e présentent leur projet théâtre le {date} à {h_soir} {lieu.a}.",
        ],
        season="annee_scolaire",
    ),
    S(
        (
            "cpas",
            "hopital",
            "service_federal",
            "agence_regionale",
            "zone_police",
            "transport_public",
            "intercommunale",
        ),
        "evenement_culture",
        "evenement",
        N("la journée portes ouvertes"),
        [
            "Portes ouvertes le {date} de 10h à 16h : venez découvrir nos métiers et nos coulisses.",
            "Nos équipes seront présentes au salon des services publics le {date}. Passez nous dire bonjour !",
        ],
    ),
    S(
        (
            "amb:commune",
            "amb:centre_culturel",
            "amb:bibliotheque",
            "amb:office_tourisme",
            "amb:ecole",
        ),
        "evenement_culture",
        "evenement",
        N("le concert"),
        [
            "Belle soirée hier au concert de l'harmonie, merci aux bénévoles !",
            "On vous attend le {date} {lieu.a}, ce sera chouette 😊",
        ],
    ),
    S(
        ("office_tourisme",),
        "evenement_culture",
        "evenement",
        N("la visite guidée"),
        [
            "Visite guidée du vieux Mont-Fleury le {date} à 14h. Départ de l'office du tourisme, {num} € par personne.",
            "Nouvelle exposition au moulin de l'Orneau jusqu'au {date}. Ouvert du mercredi au dimanche.",
        ],
        season="saison",
    ),
    # C034 « Marché de Noël » page (account-specific)
    S(
        ("office_tourisme",),
        "evenement_culture",
        "evenement",
        N("le marché de Noël"),
        [
            "🎄 Plus que quelques jours : le marché de Noël ouvre le {date} sur la place communale !",
            "Les chalets se montent ! Ouverture du marché de Noël le {date} à 17h.",
            "Appel aux artisans : il reste {num} chalets pour le marché de Noël, inscription jusqu'au {date_avant}.",
            "Programme du marché de Noël : concerts, patinoire et chorales. Ouverture le {date}.",
        ],
        season="marche_noel",
        accounts=("C034",),
    ),
    S(
        ("office_tourisme",),
        "evenement_culture",
        "evenement",
        N("le marché de Noël"),
        [
            "🎄 Le marché de Noël est ouvert ce soir de 17h à 22h. Vin chaud, croustillons et patinoire !",
            "Ce week-end au marché de Noël : chorale à 18h et balade aux lampions à 19h.",
            "Merci pour votre visite ! Le marché est ouvert tous les jours jusqu'au dimanche 21 décembre.",
        ],
        season="marche_noel_ouvert",
        accounts=("C034",),
    ),
    S(
        ("office_tourisme",),
        "evenement_culture",
        "evenement",
        N("le marché de Noël"),
        [
            "Merci à tous les visiteurs et aux {num} exposants du marché de Noël ! Rendez-vous l'an prochain.",
            "Le marché de Noël est terminé : merci aux bénévoles et bonnes fêtes de fin d'année !",
        ],
        season="marche_noel_fini",
        accounts=("C034",),
    ),
    # ------------------------------------------------------------ sport_loisirs
    S(
        ("commune", "office_tourisme", "ecole"),
        "sport_loisirs",
        "evenement",
        N("le stage sportif"),
        [
            "⚽ Stages sportifs pendant les congés d'automne : encore {num} places, inscriptions jusqu'au {date_avant}.",
        ],
        season="conges_automne",
        weight=3,
    ),
    S(
        ("commune", "office_tourisme", "ecole"),
        "sport_loisirs",
        "evenement",
        N("le stage sportif"),
        [
            "⚽ Stages sportifs pendant les congés de détente : il reste {num} places, inscriptions jusqu'au {date_avant}.",
        ],
        season="conges_detente",
        weight=3,
    ),
    S(
        ("commune", "office_tourisme", "ecole"),
        "sport_loisirs",
        "evenement",
        N("le stage sportif"),
        [
            "Stages des vacances de printemps (à partir du {date}) : les inscriptions sont ouvertes !",
        ],
        season="conges_printemps",
        weight=3,
    ),
    S(
        ("commune", "cpas"),
        "sport_loisirs",
        "evenement",
        N("la plaine de jeux"),
        [
            "☀️ Plaines de jeux d'été : inscriptions ouvertes pour les 3–12 ans, début des activités le {date}.",
        ],
        season="plaines",
        weight=3,
    ),
    S(
        ("commune", "office_tourisme"),
        "sport_loisirs",
        "evenement",
        N("la balade"),
        [
            "Balade nature guidée le {date} à {h_matin}. Rendez-vous {rue.dans}, bonnes chaussures conseillées.",
            "Jogging des Saules le {date} à {h_matin} : parcours de 5 et 10 km au départ {lieu.de}.",
            "Balade gourmande le {date} : 12 km entre vergers et fermes, départ {lieu.de} à 10h.",
        ],
        season="balades",
        weight=3,
        weekend=True,
    ),
    S(
        ("commune", "office_tourisme"),
        "sport_loisirs",
        "evenement",
        N("la piscine"),
        [
            "Nouveau : cours d'aquagym le mardi {plage_soir} à la piscine communale.",
            "Le hall omnisports accueille le tournoi de mini-foot le {date} à partir de 9h.",
        ],
        weight=2,
    ),
    S(
        ("commune", "office_tourisme"),
        "sport_loisirs",
        "piscine",
        N("la fermeture"),
        [
            "La piscine sera fermée du {date} au {date2} pour entretien. Merci de votre compréhension."
        ],
    ),
    S(
        ("office_tourisme",),
        "sport_loisirs",
        "evenement",
        N("la balade"),
        [
            "🚲 {num} circuits vélo balisés dans la vallée : cartes gratuites à l'office du tourisme.",
            "Idée de sortie : la promenade des Castors, 6 km le long de l'Orneau. Carte en ligne.",
            "Location de kayaks sur l'Orneau tous les week-ends jusqu'au {date}. Réservation conseillée.",
        ],
        season="ete",
        weight=2,
    ),
    S(
        ("office_tourisme",),
        "sport_loisirs",
        "evenement",
        N("la balade"),
        [
            "🍂 Les couleurs d'automne dans le bois de Hautrive : {num} balades à faire ce week-end.",
        ],
        season="conges_automne",
    ),
    S(
        (
            "cpas",
            "hopital",
            "zone_police",
            "service_federal",
            "agence_regionale",
            "transport_public",
            "bibliotheque",
            "centre_culturel",
            "intercommunale",
        ),
        "sport_loisirs",
        "equipe",
        N("le défi"),
        [
            "Nos collègues courent les 10 km des Saules ce dimanche pour une bonne cause. Encouragez-les !",
            "Défi vélo au boulot : {num} collègues viennent travailler à vélo ce mois-ci 🚲",
        ],
    ),
    # ------------------------------------------------------------ social_sante
    S(
        ("commune", "cpas"),
        "social_sante",
        "social",
        N("l'abri de nuit", "m"),
        [
            "❄️ Plan grand froid : un abri de nuit ouvre dès ce soir à la maison de quartier de la Gare. Vous connaissez une personne en difficulté ? Appelez-nous.",
            "Plan hiver : distribution de soupe chaude le {date} {plage_soir} {lieu.a}.",
        ],
        season="froid",
        weight=3,
    ),
    S(
        ("commune", "cpas", "hopital"),
        "social_sante",
        "social",
        N("le plan canicule"),
        [
            "🌡️ Canicule : pensez à vos voisins âgés, buvez régulièrement et évitez les efforts entre 12h et 16h.",
            "Fortes chaleurs annoncées : une salle rafraîchie est ouverte {lieu.a} de 10h à 18h.",
        ],
        season="chaleur",
        weight=3,
    ),
    S(
        ("commune", "cpas"),
        "social_sante",
        "social",
        N("la permanence sociale"),
        [
            "Permanence sociale le {date} {plage_matin}, sans rendez-vous, {lieu.a}.",
            "Collecte de sang le {date} de 10h à 18h {lieu.a}. Prenez rendez-vous !",
            "Taxi social : des trajets à petit prix pour les rendez-vous médicaux. Réservation 48h à l'avance.",
            "Repas des aînés le {date} à 12h {lieu.a}. Inscriptions au CPAS jusqu'au {date_avant}.",
        ],
        weight=2,
    ),
    S(
        ("cpas",),
        "social_sante",
        "social",
        N("l'aide alimentaire", "f"),
        [
            "L'épicerie sociale est ouverte le mardi et le jeudi {plage_aprem}. Sur rendez-vous avec votre assistant social.",
            "Vous avez du mal à payer vos factures d'énergie ? Notre service de médiation de dettes peut vous aider.",
            "Atelier budget le {date} à 14h {lieu.a} : apprendre à faire ses comptes, sans jugement.",
            "Aide aux familles : le CPAS peut intervenir dans les frais scolaires. Parlez-en à votre assistant social.",
            "Le service d'aide aux familles recrute des aides familiales. Postulez avant le {date}.",
        ],
        weight=4,
    ),
    S(
        ("cpas",),
        "social_sante",
        "social",
        N("la prime de fin d'année", "f"),
        [
            "Fêtes de fin d'année : le CPAS distribue {num} colis alimentaires le {date}. Sur inscription.",
        ],
        season="fetes",
        weight=2,
    ),
    S(
        ("cpas",),
        "social_sante",
        "social",
        N("la rentrée scolaire"),
        [
            "Rentrée : le CPAS peut aider pour les fournitures scolaires. Prenez rendez-vous avec votre assistant social.",
        ],
        season="rentree",
        weight=2,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("les urgences", "f"),
        [
            "Urgences : le temps d'attente est élevé. Pour un problème non urgent, appelez la garde (1733).",
            "Votre médecin traitant est fermé ? Le 1733 vous oriente vers le médecin de garde le plus proche.",
            "👶 Portes ouvertes de la maternité le {date} à 10h. Visite des salles de naissance.",
            "Nouveau : une consultation d'ophtalmologie pédiatrique le mercredi après-midi.",
            "Journée mondiale du diabète : dépistage gratuit le {date} de 9h à 16h dans notre hall.",
            "Nos consultations de tabacologie reprennent le {date}. Envie d'arrêter ? On vous accompagne.",
            "Visites aux patients : de 14h à 20h tous les jours, deux personnes maximum par chambre.",
        ],
        weight=4,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("la collecte de sang"),
        [
            "🩸 Les réserves de sang sont basses : une collecte a lieu dans notre hall le {date} de 10h à 18h.",
        ],
        weight=2,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("la vaccination contre la grippe"),
        [
            "Vaccination contre la grippe : les personnes à risque peuvent se faire vacciner dès maintenant. Infos ⤵️",
            "Grippe : nos visites sont limitées à une personne par patient jusqu'à nouvel ordre.",
        ],
        season="grippe",
        weight=3,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("Octobre rose"),
        [
            "🎗️ Octobre rose : mammographie de dépistage gratuite entre 50 et 69 ans. Prenez rendez-vous.",
        ],
        season="octobre_rose",
        weight=3,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("la Journée mondiale du don de sang"),
        [
            "🩸 Journée mondiale du don de sang le {date} : notre équipe vous attend de 9h à 19h.",
        ],
        season="don_sang_juin",
        weight=4,
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("la tique", "f"),
        [
            "Balades en forêt : pensez à vérifier la présence de tiques au retour. Nos conseils ⤵️",
        ],
        season="tiques",
    ),
    S(
        ("hopital",),
        "social_sante",
        "soins",
        N("le pollen"),
        [
            "Rhume des foins ? Les pollens de graminées sont de retour. Quand consulter ⤵️",
        ],
        season="pollens",
    ),
    S(
        (
            "service_federal",
            "agence_regionale",
            "zone_police",
            "intercommunale",
            "transport_public",
            "bibliotheque",
            "centre_culturel",
            "office_tourisme",
            "ecole",
        ),
        "social_sante",
        "social",
        N("la campagne"),
        [
            "Premiers secours : {num} collègues formés cette année. Merci à la Croix-Rouge pour la formation !",
            "Santé au travail : nos équipes ont participé à une journée de prévention le {date}.",
        ],
    ),
    S(
        ("amb:hopital",),
        "social_sante",
        "soins",
        N("le service"),
        [
            "Nuit calme aux urgences, ça arrive ! Merci à l'équipe pour la bonne humeur.",
            "Un petit rappel : le 1733 pour le médecin de garde, le 112 pour les vraies urgences.",
            "Journée chargée au service, mais quelle équipe ! Merci à tous.",
        ],
    ),
    # ------------------------------------------------------------ securite_alerte
    S(
        ("commune", "zone_police"),
        "securite_alerte",
        "securite",
        N("l'alerte", "f"),
        [
            "⚠️ Inondation {rue.dans} : les services sont sur place. Évitez le secteur. Inscrivez-vous à BE-Alert.",
            "Test BE-Alert le {date} à 11h : vous recevrez peut-être un SMS. Pas de panique !",
            "Coupure d'eau {rue.dans} ce matin suite à une fuite. Retour à la normale prévu vers 16h.",
            "Fuite de gaz {rue.dans} : périmètre de sécurité en place. Merci de rester à distance.",
        ],
        weight=2,
    ),
    S(
        ("commune", "zone_police", "office_tourisme"),
        "securite_alerte",
        "securite",
        N("la fermeture des parcs", "f"),
        [
            "⚠️ Vents violents annoncés : parcs et cimetières fermés par précaution jusqu'à demain matin.",
        ],
        season="crues",
    ),
    S(
        ("commune", "zone_police"),
        "securite_alerte",
        "securite",
        N("le verglas"),
        [
            "❄️ Verglas ce matin : nos équipes salent les grands axes depuis 4h. Prudence sur la route !",
            "Neige : pensez à dégager le trottoir devant chez vous, c'est obligatoire (règlement de police).",
        ],
        season="neige",
        weight=3,
    ),
    S(
        ("zone_police",),
        "securite_alerte",
        "securite",
        N("le contrôle"),
        [
            "⚠️ Accident {rue.dans} : circulation interrompue. Évitez le secteur.",
            "Contrôles de vitesse renforcés cette semaine aux abords des écoles.",
            "Attention aux faux policiers au téléphone : nous ne demandons jamais votre code bancaire.",
            "Vol de vélo ? Faites graver votre vélo gratuitement le {date} {lieu.a}, de 14h à 17h.",
            "Véhicule suspect signalé {quartier.a} : merci pour vos messages, une patrouille est passée.",
            "Votre agent de quartier tient une permanence le {date} {plage_matin} {lieu.a}.",
        ],
        weight=4,
    ),
    S(
        ("zone_police",),
        "securite_alerte",
        "securite",
        N("le cambriolage"),
        [
            "Les jours raccourcissent : nos conseils pour sécuriser votre habitation contre les cambriolages.",
            "Vague de cambriolages {quartier.a} : laissez une lumière allumée et signalez tout fait suspect.",
        ],
        season="cambriolages",
        weight=3,
    ),
    S(
        ("zone_police",),
        "securite_alerte",
        "securite",
        N("la campagne BOB"),
        [
            "Campagne BOB : contrôles d'alcoolémie renforcés tout le week-end. Qui conduit ne boit pas.",
        ],
        season="bob",
        weight=3,
    ),
    S(
        ("zone_police",),
        "securite_alerte",
        "securite",
        N("la surveillance des habitations"),
        [
            "Vous partez en vacances ? Demandez une surveillance gratuite de votre habitation en ligne.",
        ],
        season="vacances_police",
        weight=3,
    ),
    S(
        ("zone_police", "commune"),
        "securite_alerte",
        "securite",
        N("le passage à l'heure d'hiver"),
        [
            "Passage à l'heure d'hiver le {date} : soyez visibles à pied et à vélo, il fera noir plus tôt.",
        ],
        season="heure_hiver",
        weight=4,
    ),
    S(
        ("service_federal",),
        "securite_alerte",
        "numerique",
        N("l'hameçonnage", "m"),
        [
            "Vous recevez un SMS vous demandant de payer une « amende » ? C'est de l'hameçonnage.",
            "Attention aux faux e-mails à notre nom : nous ne demandons jamais vos codes bancaires.",
            "Un doute sur un message à notre nom ? Transférez-le à notre adresse de signalement.",
        ],
        weight=3,
    ),
    S(
        ("hopital",),
        "securite_alerte",
        "soins",
        N("la panne"),
        [
            "Panne téléphonique en cours : pour une urgence vitale, appelez le 112. Les consultations sont maintenues.",
            "Travaux à l'entrée principale : accès aux urgences par la rue du Moulin jusqu'au {date}.",
        ],
    ),
    S(
        ("transport_public",),
        "securite_alerte",
        "transport",
        N("l'incident", "m"),
        [
            "⚠️ Incident sur la ligne {ligne} : les bus sont déviés. Retour à la normale prévu vers 17h.",
            "Intempéries : plusieurs lignes circulent avec du retard. Suivez le trafic en direct sur notre site.",
        ],
    ),
    S(
        ("agence_regionale", "intercommunale", "ecole", "cpas", "bibliotheque", "centre_culturel"),
        "securite_alerte",
        "securite",
        N("l'alerte", "f"),
        [
            "⚠️ Nos bâtiments sont fermés ce jour en raison d'une coupure de courant. Merci de votre compréhension.",
            "Coupure d'eau dans le quartier : nos services restent ouverts, mais la cafétéria est fermée.",
        ],
    ),
    # ------------------------------------------------------------ vie_democratique
    S(
        MUN,
        "vie_democratique",
        "democratie",
        N("le conseil communal"),
        [
            "🗳️ Le conseil communal se réunit le {date} à 20h. Ordre du jour et retransmission sur notre site.",
            "Enquête publique : le projet {rue.de} est consultable jusqu'au {date}. Donnez votre avis.",
            "Réunion d'information pour les riverains {quartier.de} le {date} à {h_soir}, {lieu.le}.",
            "Budget participatif : {num} projets citoyens retenus. Votez pour votre préféré jusqu'au {date}.",
            "Conseil consultatif des aînés : réunion le {date} à 14h {lieu.a}. Ouvert à tous.",
        ],
        season="conseils",
        weight=3,
    ),
    S(
        MUN,
        "vie_democratique",
        "democratie",
        N("le budget"),
        [
            "Budget 2026 : le conseil communal le vote le {date}. Les grandes lignes en {petit} points ⤵️",
        ],
        season="budget",
        weight=3,
    ),
    S(
        MUN,
        "vie_democratique",
        "democratie",
        N("les vœux", "m"),
        [
            "Le collège communal vous souhaite une belle année 2026 ! Réception des vœux le {date} à 19h {lieu.a}.",
        ],
        season="voeux",
        weight=3,
    ),
    S(
        ("cpas", "service_federal", "hopital", "zone_police"),
        "vie_democratique",
        "democratie",
        N("le conseil"),
        [
            "Le conseil se réunit le {date}. Les décisions seront publiées sur notre site.",
            "Rapport annuel : {petit} chiffres pour comprendre notre action de l'année ⤵️",
        ],
        season="conseils",
    ),
    # ------------------------------------------------------------ emploi_recrutement
    S(
        ALL_INST,
        "emploi_recrutement",
        "emploi",
        N("le recrutement"),
        [
            "💼 Nous recrutons : {num} postes à pourvoir. Candidatures jusqu'au {date}.",
            "Rejoignez notre équipe ! Séance d'information recrutement le {date} à {h_aprem}.",
            "Offre d'emploi : un gestionnaire de dossiers (h/f/x), contrat à durée indéterminée. Postulez avant le {date}.",
            "Stages pour étudiants : nos services accueillent des stagiaires toute l'année. Écrivez-nous.",
        ],
        weight=2,
    ),
    S(
        ALL_INST,
        "emploi_recrutement",
        "emploi",
        N("le job étudiant"),
        [
            "Job étudiant cet été ? Nos offres sont en ligne jusqu'au {date}.",
        ],
        season="jobs_etudiants",
        weight=2,
    ),
    S(
        ("hopital",),
        "emploi_recrutement",
        "emploi",
        N("le recrutement"),
        [
            "Infirmiers, infirmières, aides-soignants : {num} postes ouverts. Horaires adaptés, crèche sur place.",
            "Job dating infirmier le {date} de 14h à 18h dans notre hall. Venez avec votre CV !",
        ],
        weight=2,
    ),
    S(
        ("zone_police",),
        "emploi_recrutement",
        "emploi",
        N("le recrutement"),
        [
            "Devenir inspecteur de police : séance d'information le {date} à 18h au commissariat central.",
        ],
    ),
    S(
        ("transport_public",),
        "emploi_recrutement",
        "emploi",
        N("le recrutement"),
        [
            "Nous recrutons {num} chauffeurs de bus. Formation au permis bus prise en charge.",
        ],
    ),
    # ------------------------------------------------------------ coulisses_equipe
    S(
        ALL_INST,
        "coulisses_equipe",
        "equipe",
        N("l'équipe", "f"),
        [
            "👏 Bravo aux {num} collègues qui ont obtenu leur brevet de secourisme !",
            "Rencontre avec {prenom}, à l'accueil depuis {ans} ans et toujours le sourire ☺️",
            "Dans les coulisses de nos services : une journée avec l'équipe {service}.",
            "Bienvenue à nos {num} nouveaux collègues, arrivés ce mois-ci !",
            "Merci à {prenom} qui part à la retraite après {ans} ans de service. Bonne route !",
            "Qui se cache derrière cette page ? Nos {num} agents du service Communication vous disent bonjour 👋",
        ],
        weight=3,
    ),
    S(
        ("commune",),
        "coulisses_equipe",
        "equipe",
        N("le déneigement"),
        [
            "Ils étaient sur le terrain dès 4h ce matin : merci à nos ouvriers pour le déneigement 👷",
        ],
        season="neige",
        weight=3,
    ),
    S(
        ("commune",),
        "coulisses_equipe",
        "equipe",
        N("l'équipe", "f"),
        [
            "Tonte, plantations, fleurissement : une matinée avec le service des espaces verts 🌷",
        ],
        season="balades",
    ),
    S(
        ("hopital",),
        "coulisses_equipe",
        "equipe",
        N("l'équipe", "f"),
        [
            "Merci à nos équipes de nuit ❤️ Une nuit aux urgences, racontée par ceux qui la vivent.",
            "Rencontre avec l'équipe de stérilisation : {num} personnes dans l'ombre, indispensables.",
            "Elles et ils font tourner la cuisine du CHU : {num2} repas par jour, préparés sur place.",
        ],
        weight=2,
    ),
    S(
        ("ecole",),
        "coulisses_equipe",
        "ecole",
        N("la classe"),
        [
            "Nos élèves de 6e ont visité le Parlement de la Fédération Wallonie-Bruxelles. Merci aux guides !",
            "Classe verte pour les 3e primaire : {num} jours à la ferme, et beaucoup de souvenirs.",
            "Bravo à nos élèves pour leur projet potager. Les premières tomates sont là !",
        ],
        season="annee_scolaire",
        weight=3,
    ),
    S(
        ("ecole",),
        "coulisses_equipe",
        "ecole",
        N("la rentrée"),
        [
            "Bonne rentrée à tous nos élèves ! Les professeurs sont ravis de vous retrouver.",
        ],
        season="rentree",
        weight=3,
    ),
    S(
        ("ecole",),
        "coulisses_equipe",
        "ecole",
        N("la session d'examens", "f"),
        [
            "Bon courage à tous nos élèves pour la session d'examens ! Reposez-vous bien.",
        ],
        season="examens_decembre",
        weight=3,
    ),
    S(
        ("ecole",),
        "coulisses_equipe",
        "ecole",
        N("la session d'examens", "f"),
        [
            "Session de juin : bon courage à nos élèves ! Les horaires des examens sont dans le journal de classe.",
        ],
        season="examens_juin",
        weight=3,
    ),
    # ------------------------------------------------------------ correction_info
    S(
        ALL_INST,
        "correction_info",
        "info",
        N("la date"),
        [
            "📢 Correction : la séance d'information a lieu le {date} (et non comme indiqué hier). Toutes nos excuses.",
            "Erratum : l'activité commence à {h_aprem}, pas à 13h. Merci à ceux qui nous l'ont signalé !",
            "Petite erreur dans notre publication d'hier : le lien correct est désormais en ligne. Merci de votre vigilance.",
            "Rectificatif : l'inscription est gratuite. Nous avions indiqué un tarif par erreur.",
        ],
    ),
    S(
        ("agence_regionale",),
        "social_sante",
        "eau",
        N("la tique", "f"),
        ["Promenades en forêt : tiques et chenilles, ce qu'il faut savoir ⤵️"],
        season="tiques",
    ),
    # ------------------------------------------------------------ ambassadors (gender agreement)
    S(
        ("ambassadeur",),
        "coulisses_equipe",
        "equipe",
        N("l'équipe", "f"),
        [
            "{moi.Fier} de mon équipe aujourd'hui 💪 Merci à tous les collègues !",
            "Une journée comme les autres… ou pas ! Les coulisses de notre service ⤵️",
            "{ans} ans dans la maison et toujours la même envie d'être utile.",
            "Ce matin, {num} collègues en formation premiers secours. Bravo à eux !",
            "{moi.Heureux} de présenter notre nouveau projet avec l'équipe {service}.",
            "Petit café avec les collègues avant une grosse journée. C'est ça aussi, le service public ☕",
            "Retour sur notre journée d'équipe : beaucoup d'idées et quelques fous rires.",
            "Très ému{moi.e} par les messages reçus après notre dernière publication. Merci !",
            "Bienvenue à {prenom}, qui rejoint notre équipe {service} ! 👋",
            "Après {ans} ans de carrière, toujours aussi {moi.fier} de travailler ici.",
            "Formation du jour : {num} collègues, une salle trop petite et beaucoup de café ☕",
            "Merci à {prenom} pour son aide précieuse cette semaine 🙏",
            "Première semaine dans mon nouveau service : merci pour l'accueil, {prenom} et toute l'équipe !",
            "Notre équipe a reçu la visite de {num} étudiants aujourd'hui. Belle relève !",
            "Je parlerai de notre métier au salon de l'emploi le {date}. Passez me voir !",
            "Réunion d'équipe ce matin : {num} idées retenues pour mieux accueillir le public.",
            "{num} dossiers bouclés cette semaine grâce à une équipe en or. Merci {prenom} !",
            "Pause de midi avec les collègues, ça fait du bien avant un après-midi chargé.",
        ],
        weight=3,
    ),
    S(
        ("amb:hopital",),
        "coulisses_equipe",
        "equipe",
        N("l'équipe", "f"),
        [
            "Une nuit de garde de plus. Merci à {prenom} et à toute l'équipe 💙",
            "{num} naissances cette semaine à la maternité 👶 Bienvenue aux bébés !",
            "Garde de week-end terminée. Merci aux collègues pour leur énergie !",
            "Ce qu'on ne voit pas sur les photos : {num} kilomètres parcourus dans les couloirs pendant une garde.",
            "Merci aux {num} étudiants infirmiers accueillis ce mois-ci. Vous serez de super collègues !",
            "Les urgences, c'est aussi des moments de douceur. Merci {prenom} pour ta patience avec les enfants.",
        ],
        weight=3,
    ),
    S(
        ("ambassadeur",),
        "emploi_recrutement",
        "emploi",
        N("le recrutement"),
        [
            "Mon service recrute ! Envie d'un job qui a du sens ? Écrivez-moi 👇",
            "On cherche {num} nouveaux collègues. Je réponds à vos questions en privé.",
            "Je suis ravi{moi.e} d'accueillir {petit} nouveaux collègues cette semaine. Et on recrute encore !",
            "Stage, premier emploi : nos offres sont en ligne, n'hésitez pas à partager.",
        ],
        weight=3,
    ),
    S(
        ("ambassadeur",),
        "demarches_administratives",
        "guichet",
        N("la démarche"),
        [
            "Astuce du jour : la plupart de nos formulaires se remplissent en ligne, en quelques minutes.",
            "On me pose souvent la question : oui, le rendez-vous en ligne fonctionne aussi le samedi.",
        ],
    ),
    S(
        ("ambassadeur",),
        "sport_loisirs",
        "evenement",
        N("la course"),
        [
            "Inscrit{moi.e} aux 10 km des Saules avec les collègues ! Qui nous rejoint ?",
            "Belle balade ce week-end le long de l'Orneau. Notre région est magnifique.",
        ],
    ),
    S(
        ("ambassadeur",),
        "dechets_environnement",
        "equipe",
        N("le ramassage"),
        [
            "Ramassage de déchets avec les collègues ce midi : {num} sacs remplis en une heure !",
        ],
    ),
    S(
        ("ambassadeur",),
        "securite_alerte",
        "securite",
        N("l'alerte", "f"),
        [
            "Je relaie : l'info officielle est sur la page de notre institution. Partagez !",
        ],
    ),
]

STORY_POSTS = {
    "BUZZ-1-trigger": "Urgences : le temps d'attente est actuellement élevé. Pour un problème non urgent, contactez votre médecin ou la garde (1733).",
    "BUZZ-1-reply": "Nous avons vu la vidéo sur nos urgences. Hier soir, 3 équipes étaient en renfort. Notre direction rappelle la famille dès ce soir. Explications ⤵️",
    "BUZZ-2-trigger": "Réaménagement de la place communale : abattage des {num} platanes à partir du {date}. Le chantier durera 6 mois.",
    "BUZZ-2-reply": "Mise au point : l'abattage des platanes a été décidé conformément au permis délivré. Les arbres étaient en mauvais état. Le projet ne sera pas modifié.",
    "BUZZ-3-trigger": "Tutoriel : comment introduire votre demande en ligne ? Suivez notre capture d'écran pas à pas ⤵️",
    "BUZZ-3-reply": "Nous vous présentons nos excuses : une capture publiée hier montrait des données personnelles. Elle a été retirée, notre DPO a été saisi et la personne prévenue.",
    "IMPOSTOR-warning": "Attention : une fausse page « Commune de Val des Saules - Concours » circule. Nous n'organisons aucun concours. Ne communiquez jamais vos données bancaires.",
}
STORY_FAMILY = {
    "BUZZ-1": "soins",
    "BUZZ-2": "travaux",
    "BUZZ-3": "numerique",
    "IMPOSTOR": "securite",
}
SCAM_POSTS = [
    "🎉 GRAND CONCOURS de la commune ! Gagnez un bon de {prix} € : likez, partagez et cliquez ici 👉 bit.ly/vds-gain",
    "Dernière chance ! {num} paniers garnis à gagner. Partagez et confirmez vos coordonnées bancaires en privé.",
    "Félicitations aux gagnants ! Il reste {num} lots : commentez « JE PARTICIPE » et partagez.",
    "Pour fêter le printemps, la commune offre {num} bons d'achat de {prix} €. Inscription via ce lien 👉 vds-cadeaux.example",
    "🎁 Tirage au sort ce {jour} soir ! {num} tablettes à gagner : partagez la publication et envoyez vos coordonnées en privé.",
    "Encore {num} heures pour participer ! Un week-end à la mer pour deux personnes 🏖️ Likez et partagez.",
]
UNOFFICIAL_POSTS = [
    "Contrôle radar signalé {rue.dans} ce matin, soyez prudents !",
    "Quelqu'un sait pourquoi il y a la police {quartier.a} ? Partagez l'info.",
    "Info trafic : gros bouchon {rue.dans}, prévoyez un détour.",
    "Accident {rue.dans}, la police est sur place. Évitez le coin.",
    "Vol de vélo {quartier.a} cette nuit, ouvrez l'œil.",
    "Opération de police {quartier.a}, plusieurs combis sur place. Quelqu'un a des infos ?",
]
POST_EXTRA = [
    " #ValDesSaules",
    " Lien en commentaire.",
    " Bonne lecture !",
    " Infos en message privé.",
    " Merci pour vos partages !",
    " À bientôt !",
    " #servicepublic",
]
PREFIX = ["", "", "", "", "📢 ", "Rappel : ", "Info : ", "À noter : ", "👉 "]
CLOSER = {
    "default": [
        "",
        "",
        "",
        " Plus d'infos sur notre site.",
        " Toutes les infos sur notre site.",
        " Merci de votre attention.",
        " N'hésitez pas à partager.",
        " Merci de partager !",
        " Bonne journée à toutes et à tous.",
        " Des questions ? Écrivez-nous en message privé.",
        " Infos : 081 22 44 00.",
    ],
    "evenement": [
        "",
        "",
        " Venez nombreux !",
        " On vous attend !",
        " Partagez autour de vous 😉",
        " Plus d'infos sur notre site.",
        " Bar et petite restauration sur place.",
    ],
    "ambassadeur": [
        "",
        "",
        "",
        " 🙂",
        " 💪",
        " #servicepublic",
        " Belle journée à tous !",
        " Partagez si ça peut aider.",
        " On en parle ?",
        " 😊",
    ],
}


# =====================================================================================
# Comments: bodies by family and category, wrapped by register
# =====================================================================================
FAMILY_QUESTIONS = {
    "piscine": [
        "Ça va durer combien de temps ?",
        "Les cours d'aquagym sont maintenus ?",
        "On peut aller à quelle autre piscine en attendant ?",
        "Les abonnements seront prolongés ?",
        "Elle rouvre quand exactement ?",
        "Les écoles ont encore accès au bassin ?",
    ],
    "evenement": [
        "C'est gratuit ?",
        "Il faut réserver ?",
        "C'est accessible en chaise roulante ?",
        "Il y a un parking à côté ?",
        "C'est ouvert aux enfants de quel âge ?",
        "Ça se termine à quelle heure ?",
        "On peut venir avec le chien ?",
        "C'est maintenu s'il pleut ?",
        "Il reste des places ?",
        "On s'inscrit où ?",
        "Il y aura à manger sur place ?",
        "{objet.Le}, c'est {date_court} ou le week-end d'après ?",
        "Les enfants de 3 ans peuvent participer ?",
        "C'est en français ou aussi en néerlandais ?",
        "On peut payer par Bancontact sur place ?",
    ],
    "travaux": [
        "Ça va durer combien de temps ?",
        "Les bus passent toujours {rue.dans} ?",
        "Et pour sortir du garage, on fait comment ?",
        "La déviation passe par où exactement ?",
        "Les riverains peuvent encore se garer ?",
        "C'est fermé aussi le week-end ?",
        "Ça concerne aussi {rue2.le} ?",
        "Les vélos peuvent passer ?",
        "Pourquoi on n'a pas reçu de toutes-boîtes ?",
        "Les camions commencent à quelle heure le matin ?",
    ],
    "dechets": [
        "Le recyparc accepte les pots de peinture ?",
        "On peut déposer des pneus au recyparc ?",
        "Ça concerne aussi {quartier.le} ?",
        "Les frigolites vont dans le sac PMC ?",
        "On sort les sacs la veille ou le matin même ?",
        "Il faut une carte pour le recyparc ?",
        "Et si on rate la collecte, on fait comment ?",
        "Les cartons vont dans quel conteneur ?",
        "C'est combien le rouleau de sacs ?",
        "On peut mettre les branches en vrac ?",
        "Les capsules de café, c'est PMC maintenant ?",
    ],
    "eau": [
        "L'eau du robinet est toujours potable ?",
        "Où trouve-t-on les résultats pour notre commune ?",
        "La prime est cumulable ?",
        "Il faut un auditeur agréé ?",
        "C'est valable aussi pour les locataires ?",
        "Les communes voisines sont concernées ?",
    ],
    "guichet": [
        "C'est possible de prendre rendez-vous le samedi ?",
        "Et pour les personnes sans GSM, on fait comment ?",
        "Il faut une photo récente pour la carte eID ?",
        "Le guichet est ouvert sur le temps de midi ?",
        "C'est combien pour un passeport en urgence ?",
        "On peut venir sans rendez-vous ?",
        "Quels documents faut-il apporter ?",
        "Le rendez-vous en ligne ne fonctionne pas chez moi, c'est normal ?",
        "On peut faire la démarche pour un parent âgé ?",
        "C'est valable pour les personnes domiciliées à Mont-Fleury ?",
        "Combien de temps pour recevoir la carte ?",
    ],
    "numerique": [
        "Le site est encore en panne ce matin ?",
        "Ça fonctionne avec itsme ?",
        "Et si on n'a pas de lecteur de carte ?",
        "On peut le faire depuis un smartphone ?",
        "Où trouver le tutoriel en vidéo ?",
        "Il y a une aide par téléphone ?",
        "Le délai est prolongé pour les indépendants ?",
        "Je ne reçois pas le code par SMS, que faire ?",
        "On peut se faire aider en personne quelque part ?",
        "La version papier existe encore ?",
    ],
    "social": [
        "Il faut prendre rendez-vous ?",
        "Quels documents apporter pour la demande ?",
        "C'est aussi pour les pensionnés ?",
        "On peut venir accompagné d'un proche ?",
        "Ça marche aussi pour le mazout ?",
        "Il y a des conditions de revenus ?",
        "C'est accessible aux personnes qui ne parlent pas bien français ?",
        "Le numéro de téléphone, c'est lequel ?",
        "Mon voisin est seul et âgé, qui peut passer le voir ?",
        "On peut faire la demande en ligne ?",
    ],
    "soins": [
        "Les visites sont possibles le week-end ?",
        "Le parking est gratuit pour les visiteurs ?",
        "Il faut une prescription du médecin ?",
        "C'est remboursé par la mutuelle ?",
        "Comment prendre rendez-vous sans internet ?",
        "Quel est le délai pour une consultation ?",
        "Les enfants peuvent rendre visite ?",
        "Il y a une navette depuis la gare ?",
        "On peut venir sans rendez-vous ?",
        "Quel numéro appeler la nuit ?",
    ],
    "securite": [
        "C'est terminé maintenant ?",
        "Les écoles sont concernées ?",
        "Comment s'inscrire à BE-Alert ?",
        "Il y a des blessés ?",
        "On peut encore passer à pied ?",
        "À qui signaler une voiture suspecte ?",
        "Ça concerne aussi {quartier.le} ?",
        "C'est gratuit, la surveillance pendant les vacances ?",
        "On peut déposer plainte en ligne ?",
    ],
    "transport": [
        "Le bus de 7h12 passe quand même ?",
        "Et la correspondance avec le train, elle est assurée ?",
        "C'est jusqu'à quand exactement ?",
        "L'arrêt provisoire est où ?",
        "Les abonnements scolaires sont prolongés ?",
        "Les bus sont accessibles aux poussettes ?",
        "Il y a un bus le dimanche ?",
        "Les horaires sont affichés aux arrêts ?",
        "Pourquoi le bus de 17h ne passe plus ?",
    ],
    "democratie": [
        "On peut assister au conseil sans inscription ?",
        "Où trouver l'ordre du jour ?",
        "La séance est filmée ?",
        "Les citoyens peuvent poser une question ?",
        "Le dossier est consultable où ?",
        "La réunion est ouverte à tous ?",
    ],
    "emploi": [
        "C'est ouvert aux temps partiels ?",
        "Il faut un diplôme particulier ?",
        "Le salaire est indiqué quelque part ?",
        "On postule par mail ou par courrier ?",
        "C'est un contrat à durée déterminée ?",
        "Les candidatures spontanées sont acceptées ?",
        "Il faut parler néerlandais ?",
        "Les étudiants de 16 ans peuvent postuler ?",
    ],
    "equipe": [
        "C'est quelle équipe sur la photo ?",
        "On peut postuler chez vous ?",
        "C'est ouvert au public ?",
        "C'est à quel endroit ?",
        "C'est dans quel service ?",
        "Vous recrutez encore ?",
        "Il y a des stages possibles ?",
        "C'était quand ?",
        "Ça se passe comment pour postuler ?",
        "On peut vous suivre sur Instagram aussi ?",
        "Vous avez une page pour les offres d'emploi ?",
        "Vous êtes combien dans l'équipe ?",
        "Il faut quel diplôme pour faire ce métier ?",
        "C'est possible de visiter ?",
    ],
    "bibliotheque": [
        "C'est gratuit pour les enfants ?",
        "Il faut être inscrit à la bibliothèque ?",
        "La bibliothèque est ouverte le samedi ?",
        "On peut réserver un livre en ligne ?",
        "Il y a une boîte de retour quand c'est fermé ?",
        "Les liseuses sont prêtées aussi ?",
        "C'est pour quel âge ?",
        "On peut venir avec un bébé ?",
    ],
    "ecole": [
        "C'est jusqu'à quelle heure ?",
        "Les parents peuvent venir ?",
        "Le bulletin est aussi envoyé par mail ?",
        "Il reste des places en 1re ?",
        "La garderie est ouverte ce jour-là ?",
        "On peut payer en liquide ?",
    ],
    "info": [
        "Donc c'est bien {date_court} ?",
        "Et l'heure, elle change aussi ?",
        "L'inscription reste la même ?",
        "Le lieu ne change pas ?",
    ],
}
FAMILY_COMPLAINTS = {
    "piscine": [
        "Encore fermée ? C'est la troisième fois cette année.",
        "Fermer pendant les congés, vraiment ?",
        "Et nos abonnements, ils sont remboursés ?",
        "Toujours aussi sale aux vestiaires, l'entretien n'y change rien.",
    ],
    "evenement": [
        "Encore complet en deux heures, impossible d'avoir une place.",
        "Aucune place de parking la dernière fois, c'était n'importe quoi.",
        "La musique jusqu'à minuit, pensez un peu aux riverains.",
        "Trop cher pour une famille avec trois enfants.",
        "On l'apprend la veille, ce serait bien de prévenir plus tôt.",
        "Rien n'est prévu pour les ados dans la commune.",
    ],
    "travaux": [
        "Trois semaines de chantier et personne ne travaille l'après-midi.",
        "Aucun panneau pour la déviation, tout le monde tourne en rond.",
        "Les camions passent dès 6h du matin, on ne dort plus.",
        "Encore des travaux {rue.dans}, on avait déjà eu ça l'an passé.",
        "Les trous dans la chaussée sont toujours là, rien n'a été réparé.",
        "On n'a reçu aucun courrier, on l'apprend par Facebook.",
    ],
    "dechets": [
        "Ça fait 3 semaines que les sacs PMC ne sont pas ramassés {rue.dans}…",
        "Les sacs déchirés traînent sur le trottoir depuis lundi.",
        "Une heure de file au recyparc samedi, c'est pas possible.",
        "Le conteneur à verre est plein depuis dix jours.",
        "Les dépôts sauvages {rue.dans}, personne ne s'en occupe.",
        "On paie la taxe et la collecte passe une fois sur deux.",
    ],
    "eau": [
        "Toujours pas de réponse à mon dossier de prime depuis cinq mois.",
        "Les résultats sont illisibles pour un non-spécialiste.",
    ],
    "guichet": [
        "Impossible d'avoir quelqu'un au téléphone, ça sonne dans le vide.",
        "Prochain rendez-vous disponible dans six semaines…",
        "J'ai envoyé un mail il y a 15 jours, aucune réponse.",
        "Le site de rendez-vous plante à chaque fois.",
        "Fermé encore une fois le samedi, pas pratique quand on travaille.",
        "On m'a renvoyé{moi.e} d'un guichet à l'autre pendant une heure.",
    ],
    "numerique": [
        "Le site plante dès qu'on valide, c'est pénible.",
        "Trois jours que je n'arrive pas à me connecter.",
        "Votre tutoriel ne correspond plus à l'écran actuel.",
        "Tout en ligne, et les personnes âgées, on les oublie ?",
        "Le code par SMS n'arrive jamais.",
        "Une heure d'attente au téléphone pour finalement être coupé{moi.e}.",
    ],
    "social": [
        "Trois semaines pour avoir un rendez-vous avec une assistante sociale.",
        "Personne ne rappelle, j'ai laissé deux messages.",
        "Les dossiers sont beaucoup trop compliqués à remplir.",
        "On se sent jugé{moi.e} au guichet, ce n'est pas normal.",
    ],
    "soins": [
        "5 heures d'attente aux urgences hier soir, c'est inadmissible.",
        "Le parking est hors de prix pour les visiteurs.",
        "Six mois pour un rendez-vous en dermatologie…",
        "Personne ne décroche au secrétariat de pédiatrie.",
        "Les repas sont froids, ma mère ne mange presque rien.",
    ],
    "securite": [
        "Il a fallu deux heures pour qu'une patrouille passe.",
        "On signale les excès de vitesse {rue.dans} depuis des mois.",
        "Toujours pas de nouvelles de ma plainte.",
        "Le SMS BE-Alert est arrivé après la fin de l'alerte.",
    ],
    "transport": [
        "Encore 20 minutes de retard ce matin, mon fils a raté son premier cours.",
        "Le bus de 7h40 est passé complet sans s'arrêter.",
        "Les horaires affichés ne correspondent à rien.",
        "Ligne {ligne} supprimée le soir, on fait comment pour rentrer ?",
        "Le chauffeur n'a pas attendu alors que je courais.",
    ],
    "democratie": [
        "Le conseil se réunit à 20h, pas facile avec des enfants.",
        "L'ordre du jour est publié trop tard pour s'organiser.",
        "On consulte, mais tout est déjà décidé.",
    ],
    "emploi": [
        "J'ai postulé il y a deux mois, toujours aucune réponse.",
        "Les conditions ne sont même pas indiquées dans l'annonce.",
    ],
    "equipe": [
        "C'est bien beau les photos ; au guichet, on attend toujours.",
        "Moins de com', plus de service.",
        "Belle photo, mais trois mois pour un rendez-vous…",
        "Et pendant ce temps, personne au téléphone.",
        "Pas un mot sur le manque de personnel ?",
        "Les équipes sont épuisées, il faut le dire aussi.",
        "Dommage que l'accueil ne soit pas aussi sympa au guichet.",
        "Des sourires sur les photos, des files au guichet.",
        "On aimerait voir la même énergie pour répondre aux mails.",
        "Et les contractuels, on les remercie quand ?",
    ],
    "bibliotheque": [
        "Fermée le lundi et le dimanche, pas pratique.",
        "La boîte de retour était pleine, impossible de rendre mes livres.",
        "Les amendes de retard sont chères pour les familles.",
    ],
    "ecole": [
        "Le parking devant l'école est un vrai danger à 8h.",
        "Les informations arrivent toujours à la dernière minute.",
    ],
    "info": [
        "Encore un changement annoncé au dernier moment.",
        "Il faudrait relire avant de publier.",
    ],
}
FAMILY_SUGGESTIONS = {
    "equipe": [
        "Montrez aussi les équipes de nuit !",
        "Une vidéo de leur journée, ce serait chouette.",
        "Un portrait par mois, bonne idée à garder.",
        "Présentez aussi les métiers techniques, on les connaît mal.",
    ],
    "securite": [
        "Publiez aussi les conseils en néerlandais et en anglais ?",
        "Une carte des contrôles prévus, ce serait préventif.",
    ],
    "ecole": [
        "Envoyez aussi l'info par mail aux parents.",
        "Un calendrier des activités en début d'année, svp.",
    ],
    "evenement": [
        "Une version du programme en FALC, ce serait bien.",
        "Pensez aux personnes à mobilité réduite pour l'accès.",
        "Un covoiturage depuis Mont-Fleury ?",
    ],
    "travaux": [
        "Un plan de la déviation dans la publication, ce serait plus clair.",
        "Un toutes-boîtes aux riverains avant le début, svp.",
    ],
    "dechets": [
        "Un rappel par SMS la veille de la collecte ?",
        "Des conteneurs enterrés {quartier.a}, ce serait une bonne idée.",
    ],
    "guichet": [
        "Ouvrir un samedi matin par mois, ce serait top.",
        "Un numéro de rappel plutôt que l'attente au téléphone.",
    ],
    "numerique": [
        "Une vidéo plus courte, pour les GSM ?",
        "Une aide en personne dans chaque commune, pour ceux qui ne s'en sortent pas.",
    ],
    "social": [
        "Une permanence le samedi pour ceux qui travaillent ?",
        "Expliquer les démarches avec des mots simples.",
    ],
    "soins": [
        "Afficher le temps d'attente en direct sur le site ?",
        "Une navette depuis la gare, ce serait utile.",
    ],
    "transport": [
        "Un bus plus tard le vendredi soir ?",
        "Des horaires en temps réel aux arrêts, svp.",
    ],
    "bibliotheque": [
        "Une boîte de retour plus grande ?",
        "Ouvrir le dimanche matin une fois par mois ?",
    ],
}
GENERIC_SUGGESTIONS = [
    "Vous pourriez mettre les horaires directement dans la publication plutôt qu'un lien ?",
    "Pourquoi pas une version en néerlandais ?",
    "Ce serait bien de prévenir aussi par SMS.",
    "Une affiche dans les commerces, pour ceux qui ne sont pas sur Facebook ?",
    "Mettez l'info aussi dans le bulletin communal.",
    "Un lien direct vers le formulaire, ce serait plus simple.",
]
GENERIC_QUESTIONS = [
    "Où peut-on trouver plus d'infos ?",
    "C'est jusqu'à quand ?",
    "On peut vous joindre à quel numéro ?",
    "C'est pour tout le monde ?",
    "Quelqu'un sait si c'est maintenu ?",
    "Il y a une version papier ?",
]
THANKS_BODY = [
    "Merci pour l'info",
    "Merci pour le partage",
    "Merci beaucoup",
    "Super, merci",
    "Top, merci",
    "Bravo aux équipes",
    "Merci pour votre réactivité",
    "Chouette initiative",
    "Génial",
    "Très bonne idée",
    "Merci à toute l'équipe",
    "Bravo et merci",
    "Enfin une bonne nouvelle",
    "Excellente initiative",
    "Merci d'avoir prévenu",
]
THANKS_FAMILY = {
    "evenement": [
        "On y sera avec les enfants",
        "On y était l'an passé, c'était top",
        "Chouette programme",
        "Belle organisation",
    ],
    "travaux": [
        "Le résultat est très réussi",
        "Merci d'avoir prévenu à temps",
        "Les ouvriers ont été très sympas",
    ],
    "dechets": ["Le recyparc était super bien organisé", "Merci aux ouvriers de la collecte"],
    "guichet": [
        "Accueil très sympa ce matin",
        "Rendez-vous en ligne, super pratique",
        "Service rapide et efficace",
    ],
    "numerique": [
        "Le tutoriel m'a bien aidé{moi.e}",
        "Ça marche nickel maintenant",
        "Enfin une démarche simple",
    ],
    "social": ["Merci à l'assistante sociale pour son écoute", "Vous faites un travail formidable"],
    "soins": [
        "Merci au personnel des urgences",
        "Équipe adorable à la maternité",
        "Soins au top, merci",
    ],
    "securite": ["Merci pour votre rapidité", "Merci aux agents pour leur gentillesse"],
    "transport": ["Merci au chauffeur du bus de ce matin", "Ligne enfin à l'heure cette semaine"],
    "bibliotheque": [
        "Ma fille adore l'heure du conte",
        "Équipe au top, comme toujours",
        "Super sélection de livres",
    ],
    "ecole": ["Merci aux professeurs", "Belle fête, bravo aux élèves"],
    "equipe": ["Bravo à eux", "Bravo et bonne continuation", "Belle équipe"],
}
THANKS_END = [" !", " 👏", " 🙏", " ! 😊", ", merci !", ".", " !!", " ❤️", " 👍"]
NEUTRAL = [
    "@{ami} tu vois ?",
    "@{ami} ça t'intéresse ?",
    "@{ami} pour ta maman",
    "@{ami} comme on disait",
    "@{ami} à noter",
    "@{ami} 😉",
    "@{ami} et @{ami2} regardez",
    "@{ami} c'est près de chez toi",
    "Je partage pour ceux que ça intéresse",
    "Enregistré pour plus tard",
    "@{ami} regarde ça",
    "@{ami} pour {jour_court}",
    "@{ami} 👀",
    "@{ami} on y va ?",
    "@{ami} c'est ce que je te disais",
    "Info utile 👍",
    "Bon à savoir.",
    "Noté.",
    "Partagé.",
    "Ok merci",
    "👍👍",
    "Ah d'accord",
    "Intéressant",
    "Ça marche",
    "@{ami} tu avais demandé",
    "@{ami} @{ami2}",
    "On verra bien",
    "Je transmets à ma voisine",
    "Vu.",
    "😮",
]
TROLL_OPEN = ["", "", "", "Bref. ", "Comme d'hab, ", "Mdr. ", "Franchement… ", "Lol. "]
TROLL = {
    "default": [
        "Encore de l'argent jeté par les fenêtres.",
        "Vous vous moquez du monde.",
        "Quelle blague.",
        "Rien ne change jamais ici.",
        "On paie des gens pour écrire ça ?",
        "Service public, service minimum.",
        "Au secours…",
        "Tout pour la com', rien pour les gens.",
        "Encore nos impôts gaspillés.",
        "Tous des incapables.",
        "LAMENTABLE",
        "Personne ne lit vos posts de toute façon 😂",
        "Vous feriez mieux de travailler au lieu de poster.",
        "Toujours les mêmes qui paient.",
        "Bla bla bla…",
        "Et ça se dit service public 🙄",
        "On n'y croit plus.",
        "Pathétique.",
    ],
    "commune": [
        "Et le bourgmestre, il fait quoi à part des photos ?",
        "Le collège en vacances toute l'année.",
        "Vivement les prochaines élections.",
    ],
    "hopital": ["Hôpital de la honte.", "Usine à patients."],
    "zone_police": [
        "Toujours là pour les amendes, jamais pour les voleurs.",
        "Radar partout, police nulle part.",
    ],
    "service_federal": [
        "Simplification administrative, mon œil.",
        "La Belgique dans toute sa splendeur.",
    ],
    "transport_public": [
        "TransOrneau, TransRetard plutôt.",
        "Des bus vides toute la journée et pleins à 7h40.",
    ],
}
SPAM_HOOK = [
    "",
    "",
    "🔥 ",
    "💰 ",
    "Incroyable ! ",
    "Offre limitée : ",
    "Testé et approuvé : ",
    "Vous aussi ? ",
]
SPAM = [
    "gagnez un smartphone en cliquant ici 👉 bit.ly/{code}",
    "je gagne {prix} €/jour depuis chez moi, contactez-moi en privé.",
    "investissez en crypto avec moi, résultats garantis.",
    "regardez mon profil pour une offre exceptionnelle.",
    "prêt entre particuliers sans frais, écrivez-moi.",
    "bon d'achat de {prix} € offert 👉 bit.ly/{code}",
    "des lunettes de marque à 9 € 👉 bit.ly/{code}",
    "travail à domicile, {prix} € par semaine, écrivez-moi en privé.",
    "rencontres sérieuses près de chez vous 👉 bit.ly/{code}",
    "je vends des abonnés, {prix} pour 10 €.",
]
RUMOUR_END = [
    "",
    "",
    " Quelqu'un confirme ?",
    " Partagez !",
    " 🤔",
    " C'est ce qu'on dit au café.",
    " Ma belle-sœur l'a entendu au marché.",
    " Affaire à suivre…",
]
RUMOURS = {
    "default": [
        "On m'a dit que c'était annulé, personne ne le dit ?",
        "Il paraît que tout ça va être privatisé.",
        "Ma voisine dit que c'est déjà fini depuis hier.",
    ],
    "evenement": [
        "Il paraît que c'est payant cette année, contrairement à ce qui est écrit.",
        "On m'a dit que {objet.le} était annulé{objet.e}.",
    ],
    "travaux": [
        "Il paraît que les travaux vont durer deux ans.",
        "On dit qu'ils vont supprimer tout le parking {rue.de}.",
    ],
    "dechets": [
        "Il paraît que le recyparc va fermer définitivement.",
        "Les sacs PMC vont devenir payants au poids, c'est décidé.",
    ],
    "eau": ["Il paraît que l'eau du robinet n'est plus potable dans tout {quartier.le}."],
    "soins": [
        "Il paraît qu'ils ferment la maternité l'an prochain.",
        "Les urgences ferment la nuit à partir du mois prochain, c'est sûr.",
    ],
    "social": ["On m'a dit que le CPAS ne donne plus rien aux pensionnés."],
    "guichet": ["Il paraît que les cartes eID vont coûter 50 € de plus."],
    "numerique": ["Toutes nos données sont revendues, c'est connu."],
    "transport": ["La ligne {ligne} va être supprimée en septembre, c'est décidé en secret."],
    "securite": ["On dit que c'était une fusillade, pas une fuite de gaz."],
    "sport": ["La piscine va fermer définitivement, c'est décidé en secret."],
}
GREETING = {
    "formel": [
        "Bonjour,",
        "Bonjour,",
        "Madame, Monsieur,",
        "Bonjour à vous,",
        "Bonjour, petite question :",
    ],
    "familier": [
        "",
        "",
        "",
        "Salut,",
        "Hello,",
        "Coucou,",
        "Bjr",
        "Re,",
        "Question :",
        "Bonjour !",
    ],
}
QUESTION_END = {
    "formel": [
        "",
        " Merci d'avance.",
        " Merci pour votre réponse.",
        " Bien à vous.",
        " Cordialement.",
        " Merci !",
    ],
    "familier": [
        "",
        "",
        " Merci !",
        " svp",
        " 🙏",
        " merci d'avance",
        " ?",
        " Merci 😊",
    ],
}
COMPLAINT_OPEN = [
    "",
    "",
    "",
    "Franchement, ",
    "Sérieusement, ",
    "Désolé{moi.e}, ",
    "Encore une fois, ",
    "Pour info, ",
]
COMPLAINT_END = [
    "",
    "",
    "",
    " C'est pas normal.",
    " Inadmissible.",
    " 😡",
    " Merci de faire quelque chose.",
    " On attend toujours…",
    " Bravo…",
    " Pfff.",
]
TYPO = [
    ("quand", "qd"),
    ("beaucoup", "bcp"),
    ("vous", "vs"),
    ("toujours", "tjs"),
    ("rendez-vous", "rdv"),
    ("informations", "infos"),
    (" ?", "?"),
]

# crisis comments (bodies), composed with openers and closers
CRISIS_COMMENTS = {
    "BUZZ-1": {
        "plainte": [
            "Vu la vidéo… 6 heures d'attente avec un enfant, c'est pas normal.",
            "Même chose pour ma mère la semaine passée aux urgences.",
            "Le personnel fait ce qu'il peut mais il manque du monde.",
            "Quatre heures sur une chaise avec de la fièvre, on n'est pas des animaux.",
            "Ma fille a attendu toute la nuit pour une fracture.",
            "On ne met pas en cause les infirmières, mais l'organisation.",
            "Ça fait des années que c'est comme ça aux urgences.",
            "Aucune information pendant l'attente, c'est ça le pire.",
        ],
        "question": [
            "C'est vrai ce qu'on voit dans la vidéo ?",
            "Quel est le délai d'attente actuellement ?",
            "Qu'allez-vous faire pour que ça change ?",
            "Il y a plus de personnel prévu le soir ?",
            "On peut aller ailleurs pour un problème moins grave ?",
            "Le 1733, ça marche la nuit ?",
        ],
        "troll": [
            "Hôpital de la honte.",
            "Fermez tout, ce sera plus simple.",
            "Usine à fric.",
            "Et la direction, elle attend aussi 5 heures ?",
        ],
        "desinformation": [
            "Il paraît qu'ils ferment les urgences la nuit.",
            "On dit que l'infirmière de la vidéo a été licenciée.",
        ],
    },
    "BUZZ-2": {
        "plainte": [
            "Abattre des arbres centenaires sans consulter personne, bravo…",
            "Aucune réunion avec les riverains, c'est scandaleux.",
            "Les platanes étaient en parfaite santé, on veut voir le rapport.",
            "Vous avez décidé tout seuls, comme d'habitude.",
            "La place sans ses platanes, ce ne sera plus jamais pareil.",
            "On apprend ça par Facebook, pas un mot aux habitants.",
            "Il fallait au moins organiser une consultation.",
            "Ces arbres faisaient de l'ombre tout l'été, on va cuire.",
            "Qui a signé ce permis ? On veut des noms.",
            "Mes enfants ont grandi sous ces arbres, c'est une honte.",
        ],
        "question": [
            "Où peut-on consulter le permis ?",
            "Pourquoi pas une consultation publique ?",
            "Combien d'arbres seront replantés ?",
            "Qui a fait l'expertise des arbres ?",
            "Le projet peut encore être modifié ?",
            "Il y a un recours possible ?",
            "Les riverains seront-ils entendus ?",
            "Le rapport de l'expert est public ?",
        ],
        "troll": [
            "Bourgmestre démission !",
            "Béton partout, bravo le collège.",
            "Encore un parking pour les copains ?",
            "Collège de bétonneurs.",
            "Tronçonneuse et langue de bois.",
        ],
        "desinformation": [
            "Il paraît qu'un promoteur va construire des appartements sur la place.",
            "On dit que les arbres sont vendus à une scierie.",
        ],
    },
    "BUZZ-3": {
        "plainte": [
            "On voit le numéro de registre national sur votre capture !!",
            "Des données personnelles publiées par un SPF, sérieusement ?",
            "C'est une violation du RGPD, retirez ça.",
            "Comment une telle erreur est-elle possible ?",
            "Cette personne doit être prévenue tout de suite.",
            "On nous demande de protéger nos données et vous publiez celles des autres.",
        ],
        "question": [
            "Qui est responsable de la protection des données chez vous ?",
            "Mes données sont-elles aussi exposées ?",
            "La personne a-t-elle été prévenue ?",
            "L'Autorité de protection des données est informée ?",
            "Comment être sûr que ça ne recommencera pas ?",
        ],
        "troll": [
            "Simplification administrative… de nos données 😂",
            "Bravo l'administration.",
            "Et après on nous parle de sécurité en ligne.",
        ],
        "desinformation": [
            "Toute la base de données a fuité, paraît-il.",
            "On dit que des milliers de dossiers sont en ligne.",
        ],
    },
}
SCAM_COMMENTS = {
    "question": [
        "C'est vraiment la commune qui organise ça ?",
        "C'est officiel ou c'est une arnaque ?",
        "On doit vraiment donner son numéro de compte ?",
        "La commune fait des concours maintenant ?",
        "C'est vraiment officiel ?",
        "Quelqu'un a déjà gagné quelque chose, vraiment ?",
        "Bizarre, pourquoi demander nos coordonnées bancaires ?",
        "Vous êtes sûrs que c'est officiel ?",
    ],
    "neutre": [
        "JE PARTICIPE",
        "Je participe 🤞",
        "Fait !",
        "Partagé ! @{ami}",
        "je participe !!",
        "Partagé 🤞",
        "Je tente ma chance",
        "Fait, merci !",
        "@{ami} @{ami2} participez !",
        "Oui je participe 🙏",
    ],
    "plainte": [
        "Arnaque ! Je signale la page.",
        "Attention c'est une fausse page !!",
        "Fausse page, ne donnez rien !",
        "C'est une arnaque, signalez la page.",
    ],
    "spam": [
        "Gagnez encore plus ici 👉 bit.ly/{code}",
        "Contactez-moi pour un autre concours 💰",
        "Autre concours sur mon profil 🎁",
    ],
    "remerciement": ["Merci, j'espère gagner !", "Super, merci la commune !"],
    "troll": ["Des pigeons partout 😂"],
    "suggestion": ["Signalez la page au lieu de participer."],
    "desinformation": ["Ma cousine a gagné, c'est vrai !"],
}
DORMANT_QUESTIONS = {  # questions on the abandoned recyparc page, by season
    None: [
        "Le recyparc {rp} est-il ouvert ce samedi ?",
        "Il y a encore quelqu'un qui gère cette page ? Pas de réponse…",
        "On peut déposer des pneus au recyparc ?",
        "Faut-il une carte pour accéder au recyparc ?",
        "Le recyparc accepte les pots de peinture ?",
        "Les plaques d'amiante, c'est possible au recyparc {rp} ?",
        "Quelqu'un répond ici ? Ça fait une semaine que j'ai posé ma question.",
        "Les frigolites, c'est accepté ?",
        "Le recyparc {rp} reprend les vieux matelas ?",
        "On peut venir avec une remorque ?",
    ],
    "lundi_paques": [
        "Le recyparc est-il fermé le lundi de Pâques ?",
        "Ouvert ou fermé le lundi de Pâques ?",
    ],
    "recyparc_ete": [
        "Quels sont les horaires d'été du recyparc ?",
        "Le recyparc ferme à quelle heure en été ?",
    ],
    "fete_nationale": ["Le recyparc est ouvert le 21 juillet ?"],
}

# =====================================================================================
# Replies
# =====================================================================================
REPLY_OPEN = [
    "Bonjour,",
    "Bonjour",
    "Merci pour votre message.",
    "Bonjour et merci pour votre question.",
]
REPLY_BODY = {
    "question": {  # orient, never a yes/no that could contradict the question
        "default": [
            "toutes les infos sont sur notre site, rubrique « Actualités ».",
            "nous vérifions et revenons vers vous rapidement.",
            "nous vous répondons en message privé.",
            "le plus simple est d'appeler notre accueil au 081 22 44 00.",
            "bonne question : nous nous renseignons auprès du service concerné et revenons vers vous ici.",
            "vous trouverez le détail dans la publication épinglée en haut de la page.",
        ],
        "dechets": [
            "le guide du tri et les conditions d'accès aux recyparcs sont sur notre site.",
            "le service Propreté vous répond au 081 22 44 10, du lundi au vendredi.",
        ],
        "travaux": [
            "le plan de la déviation et le calendrier du chantier sont sur notre site.",
            "le service Travaux répond aux riverains au 081 22 44 20.",
        ],
        "guichet": [
            "le service Population vous renseigne au 081 22 44 30, aussi pour les personnes sans internet.",
            "la liste des documents à apporter est sur notre site, rubrique « Population ».",
        ],
        "numerique": [
            "le tutoriel pas à pas est en ligne, et notre centre d'appel vous aide du lundi au vendredi, de 8h30 à 17h.",
        ],
        "soins": [
            "les informations pratiques (visites, parking, rendez-vous) sont sur notre site.",
            "pour un rendez-vous sans internet, appelez notre centrale au 081 55 00 00.",
        ],
        "social": [
            "un assistant social peut vous recevoir sur rendez-vous : appelez le 081 22 55 00.",
            "nous vous rappelons pour en parler : envoyez-nous votre numéro en message privé.",
        ],
        "transport": [
            "les horaires en temps réel sont sur notre site et dans l'application.",
            "notre service Information voyageurs vous répond au 081 33 00 00.",
        ],
        "bibliotheque": [
            "l'équipe vous renseigne à l'accueil ou au 081 22 66 00.",
            "toutes les infos sont dans l'agenda de la bibliothèque, sur notre site.",
        ],
        "evenement": [
            "toutes les infos pratiques (prix, accès, inscription) sont dans l'agenda de notre site.",
            "l'accueil vous renseigne au 081 22 44 00.",
        ],
    },
    "plainte": {
        "default": [
            "nous sommes désolés pour ce désagrément. Pouvez-vous nous envoyer votre adresse en message privé ?",
            "merci pour votre signalement, nous transmettons au service concerné dès ce matin.",
            "nous comprenons votre frustration. Le service vous recontacte.",
            "vous avez raison, ce n'est pas acceptable. Nous regardons ce qui s'est passé et revenons vers vous.",
        ],
        "soins": [
            "nous sommes désolés pour cette attente. Notre service de médiation peut vous recontacter : écrivez-nous en message privé."
        ],
        "transport": [
            "toutes nos excuses pour ce retard. Nous transmettons au service exploitation."
        ],
        "dechets": [
            "toutes nos excuses. Nous transmettons au service collecte, qui passera dans les prochains jours."
        ],
    },
    "remerciement": {
        "default": [
            "merci pour votre message, nous transmettons aux équipes ! 😊",
            "merci beaucoup, ça fait plaisir à toute l'équipe 🙏",
            "avec plaisir !",
            "merci à vous pour votre fidélité !",
        ],
    },
    "neutre": {"default": ["merci pour le partage !", "merci de relayer l'info 🙂"]},
    "suggestion": {
        "default": [
            "merci pour la suggestion, nous la transmettons !",
            "bonne idée, nous y réfléchissons pour les prochaines publications.",
            "merci, c'est noté pour la prochaine fois.",
        ]
    },
    "troll": {
        "default": [
            "merci de respecter notre charte de modération.",
            "nous répondons volontiers aux questions posées dans le respect de chacun.",
        ]
    },
    "desinformation": {
        "default": [
            "cette information est erronée. Les informations officielles sont publiées sur notre site.",
            "c'est inexact : rien de tel n'est prévu. Merci de vérifier vos sources.",
        ]
    },
    "spam": {"default": ["ce message a été signalé."]},
}
REPLIES_AMBASSADOR = {
    "question": [
        "Tout est expliqué sur le site de l'institution, je t'envoie le lien en privé.",
        "Bonne question, je vérifie avec les collègues.",
        "Bonne question ! Je te réponds en privé 🙂",
        "Tout est sur le site 🙂",
        "Je me renseigne et je reviens vers toi.",
        "Je demande aux collègues et je te dis ça.",
    ],
    "plainte": [
        "Je comprends, je fais remonter à l'équipe.",
        "Désolé{moi.e}, je transmets en interne.",
        "Merci de me le dire, je transmets.",
    ],
    "remerciement": [
        "Merci 🙏",
        "Merci beaucoup ❤️",
        "Ça fait plaisir !",
        "Merci, je transmets à l'équipe !",
        "Touché{moi.e}, merci 🙂",
    ],
    "suggestion": ["Bonne idée, je fais passer !", "Je note, merci !"],
    "neutre": ["🙂", "👍"],
    "troll": ["…", "On reste courtois, merci."],
    "desinformation": [
        "Non, c'est faux, voir le site officiel.",
        "Ce n'est pas exact, l'info officielle est sur la page de l'institution.",
    ],
    "spam": [""],
}
CRISIS_REPLIES = {
    "transparent": [
        "Bonjour, merci d'avoir partagé votre expérience. Hier soir, l'affluence était exceptionnelle. Nous vous appelons dès demain pour en parler. — Direction du CHU",
        "Bonjour, vous avez raison d'en parler. Nous publions ce soir les temps d'attente et les renforts prévus. — Direction du CHU",
        "Bonjour, merci pour votre message. Trois équipes étaient en renfort hier soir ; nous revenons vers vous en privé. — Direction du CHU",
    ],
    "defensif": [
        "La décision a été prise conformément au permis d'urbanisme. Les arbres étaient malades. Le collège maintient le projet.",
        "Le dossier a suivi la procédure légale. Nous ne reviendrons pas sur cette décision.",
        "Le permis a été délivré selon la procédure prévue. Le projet ne sera pas modifié.",
    ],
    "excuses": [
        "Bonjour, vous avez raison et nous vous présentons nos excuses. La capture a été retirée, notre DPO est saisi. Nous vous tenons informés.",
        "Toutes nos excuses pour cette erreur. La personne concernée a été prévenue et nos procédures de publication sont revues.",
        "Nous vous présentons nos excuses : la capture est retirée et la personne prévenue. Notre DPO suit le dossier.",
    ],
}
SIGNATURE = {
    "commune": ["service Communication", "service Population", "l'équipe de la commune"],
    "cpas": ["service social du CPAS", "l'équipe du CPAS"],
    "service_federal": ["service Communication externe", "l'équipe du SPF"],
    "agence_regionale": ["l'équipe de l'AREC"],
    "hopital": ["service Communication du CHU", "l'équipe du CHU"],
    "bibliotheque": ["l'équipe de La Plume"],
    "centre_culturel": ["l'équipe du Préau"],
    "office_tourisme": ["l'office du tourisme"],
    "zone_police": ["cellule communication"],
    "ecole": ["la direction"],
    "transport_public": ["Information voyageurs"],
    "intercommunale": ["l'équipe d'IDÉSA"],
}

# =====================================================================================
# Mentions
# =====================================================================================
INST_NOUNS = {
    "I01": N("la commune de Val-des-Saules"),
    "I02": N("le CPAS de Val-des-Saules"),
    "I03": N("le SPF Simplification administrative"),
    "I04": N("l'Agence régionale de l'Eau et du Climat", "f"),
    "I05": N("le CHU de Val-des-Saules"),
    "I06": N("la bibliothèque La Plume"),
    "I07": N("le centre culturel Le Préau"),
    "I08": N("l'office du tourisme de la Vallée de l'Orneau", "m"),
    "I09": N("la zone de police Sambre-Orneau"),
    "I10": N("l'Athénée royal des Saules", "m"),
    "I11": N("TransOrneau"),
    "I12": N("IDÉSA"),
    "I13": N("la commune de Mont-Fleury"),
    "I14": N("le CPAS de Mont-Fleury"),
}
MENTIONS = {
    "pos": [
        "Merci {nom.a} pour la réactivité 👏",
        "Belle initiative {nom.de} !",
        "Super accueil ce matin, merci {nom.a}.",
        "Bravo {nom.a} pour l'organisation.",
        "Réponse rapide et claire {nom.de}, ça fait plaisir.",
        "Chapeau {nom.a} pour ce projet.",
        "Très bonne expérience avec {nom.le} aujourd'hui.",
    ],
    "neu": [
        "{nom.Le} annonce des changements pour les prochaines semaines.",
        "Quelqu'un a des infos {nom.de} ?",
        "Vu sur la page {nom.de} :",
        "Article : ce que prépare {nom.le} cette année.",
        "{nom.Le} : horaires modifiés cette semaine.",
        "Je relaie l'info {nom.de}.",
        "Quelqu'un a déjà contacté {nom.le} pour ça ?",
        "Réunion avec {nom.le} ce jeudi, on vous tient au courant.",
    ],
    "neg": [
        "Toujours pas de réponse {nom.de}…",
        "{nom.Le}, c'est vraiment le service minimum.",
        "Déçu par {nom.le}, personne ne décroche.",
        "Encore un couac chez {nom.le}.",
        "Trois semaines sans nouvelles {nom.de}, c'est long.",
        "Quelle galère pour joindre {nom.le}.",
    ],
}
CRISIS_MENTIONS = {
    "BUZZ-1": [
        "6 heures aux urgences du CHU avec mon fils. Regardez 🎥",
        "Cette vidéo sur les urgences du CHU fait froid dans le dos.",
        "Urgences saturées au CHU de Val-des-Saules : le témoignage qui circule.",
        "Le CHU a répondu vite et clairement, chapeau.",
    ],
    "BUZZ-2": [
        "Les platanes de la place abattus sans consultation ! Pétition ⤵️",
        "Val-des-Saules : colère des riverains après l'annonce de l'abattage.",
        "La commune refuse de revoir son projet. Inacceptable.",
        "Rassemblement samedi sur la place pour sauver les arbres.",
    ],
    "BUZZ-3": [
        "Un SPF publie une capture avec un numéro de registre national 😱",
        "Fuite de données personnelles dans un tutoriel du SPF Simplification.",
        "RGPD : le SPF présente ses excuses après une capture d'écran maladroite.",
        "Excuses rapides du SPF, c'est déjà ça.",
    ],
    "IMPOSTOR": [
        "Attention, fausse page de concours au nom de la commune de Val-des-Saules !",
        "Quelqu'un a participé au concours de la commune ? Ça sent l'arnaque.",
    ],
}


# =====================================================================================
# Composition
# =====================================================================================
_FIELD = re.compile(r"\{(\w+)")


@dataclass
class Context:
    """What a post is about, for the comments and replies that answer it."""

    kind: str
    sujet: str
    family: str
    objet: Noun
    date: str  # « samedi 6 décembre » (event or near-future date)
    rue: Noun
    quartier: Noun
    extra: dict = field(default_factory=dict)


class Writer:
    """Compose texts with one seeded ``random.Random``; no text beyond its repeat cap."""

    def __init__(self, seed: int, calendar: dict, start: str):
        self.r = random.Random(seed)
        self.start = dt.date.fromisoformat(start)
        self.windows = {
            k: [
                (
                    dt.date.fromisoformat(a),
                    dt.date.fromisoformat(b),
                    dt.date.fromisoformat(e) if e else None,
                )
                for a, b, e in v
            ]
            for k, v in calendar.items()
        }
        self.counts: Counter = Counter()

    # ---------------------------------------------------------------- helpers
    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def _range(self, lo: int, hi: int, durations: tuple[int, ...]) -> str:
        start = lo + 30 * int(self.r.random() * ((hi - lo) // 30 + 1))
        end = start + self.pick(durations)
        return f"de {clock(start)} à {clock(end)}"

    def _event(self, season: str | None, day: dt.date):
        """(in season?, event date or None) for a post written on ``day``."""
        if season is None:
            return True, None
        for a, b, e in self.windows[season]:
            if a <= day <= b:
                return True, e
        return False, None

    def slots(
        self,
        kind: str,
        day: dt.date,
        event: dt.date | None,
        weekdays: bool = False,
        weekend: bool = False,
    ) -> dict:
        ahead = event or day + dt.timedelta(days=1 + int(self.r.random() * 14))
        if weekdays and event is None and ahead.weekday() >= 5:  # office matters: Monday
            ahead += dt.timedelta(days=7 - ahead.weekday())
        if weekend and event is None and ahead.weekday() < 5:  # fairs and walks: Saturday
            ahead += dt.timedelta(days=5 - ahead.weekday())
        later = ahead + dt.timedelta(days=3 + int(self.r.random() * 25))
        before = (
            day + dt.timedelta(days=max(1, (ahead - day).days // 2))
            if ahead > day + dt.timedelta(days=1)
            else ahead
        )
        rue = self.pick(STREETS)
        rue2 = self.pick([s for s in STREETS if s is not rue])
        places = PLACES.get(kind, PLACES["commune"])
        return {
            "date": full_date(ahead),
            "date2": full_date(later),
            "date_avant": full_date(before),
            "date_court": f"le {day_month(ahead)}",
            "jour": _WD[ahead.weekday()],
            "rue": rue,
            "rue2": rue2,
            "quartier": self.pick(QUARTIERS),
            "lieu": self.pick(places),
            "lieu2": self.pick(places),
            "num": self.pick(NUMS),
            "num2": self.pick(["600", "800", "950", "1 200"]),
            "petit": self.pick(["3", "4", "5", "6", "7"]),
            "ans": self.pick(["12", "15", "18", "20", "25", "30", "32", "35", "38"]),
            "ligne": self.pick(LINES),
            "arret": self.pick(
                ["Place communale", "Gare", "Les Coteaux", "Hôpital", "Athénée", "Moulin"]
            ),
            "rp": self.pick(["de Mont-Fleury", "des Coteaux", "de Saint-Rémy"]),
            "prenom": self.pick(FIRST_NAMES).name,
            "service": self.pick(
                [
                    "Population",
                    "Travaux",
                    "Jeunesse",
                    "Environnement",
                    "Accueil",
                    "Propreté",
                    "Finances",
                    "Informatique",
                ]
            ),
            "h_matin": clock(self.pick([540, 570, 600, 630])),
            "h_jour": clock(self.pick([600, 840, 900])),
            "h_aprem": clock(self.pick([840, 870, 900, 930])),
            "h_soir": clock(self.pick([1080, 1110, 1140, 1170, 1200])),
            "plage_matin": self._range(8 * 60 + 30, 10 * 60, (120, 150, 180)),
            "plage_aprem": self._range(13 * 60 + 30, 15 * 60, (90, 120, 150)),
            "plage_soir": self._range(17 * 60 + 30, 19 * 60, (90, 120)),
            "prix": self.pick(["100", "250", "500"]),
            "code": self.pick(["x7Rt", "gain24", "vds-cado", "promo9", "k3Wq", "top-deal"]),
        }

    def _unique(self, make, cap: int, tries: int = 8, fallback=None) -> str:
        """``make()`` returns candidate wordings of one draw; keep the first under the cap.

        ``fallback(text)`` gives more wordings when every try is used up (tag a friend…).
        """
        first = None
        for _ in range(tries):
            cands = make()
            first = first or cands[0]
            for text in cands:
                if self.counts[text] < cap:
                    self.counts[text] += 1
                    return text
        for _ in range(tries * 4 if fallback else 0):
            text = fallback(first)
            if self.counts[text] < cap:
                self.counts[text] += 1
                return text
        self.counts[first] += 1
        return first

    def _combos(self, heads: list[str], body: str, tails: list[str], k: int = 5) -> list[str]:
        out = []
        emoji_end = ord(body.rstrip()[-1]) > 0x2000
        for _ in range(k):
            h, t = self.pick(heads), self.pick(tails)
            if h and h.split()[0].strip("!,.:") == body.split()[0].strip("!,.:"):
                h = ""
            if (emoji_end and t.strip() and ord(t.strip()[0]) > 0x2000) or (
                body[-1:] in "?.!…" and t.strip()[:1] in ("!", "?")
            ):
                t = ""
            lower = h and h.rstrip()[-1:] in ",:"
            out.append((h + (_lower_first(body, keep=True) if lower else body) + t).strip())
        return out

    # ---------------------------------------------------------------- posts
    def post(
        self,
        kind: str,
        sujet: str,
        account: str,
        day: dt.date,
        person: Person | None,
        cap: int,
        inst_kind: str = "",
    ):
        """Return (text, Context) for one ordinary post.

        Ambassadors (``kind == "ambassadeur"``) write in their own voice or relay their
        institution's subjects (``inst_kind``); their places are their institution's.
        """
        pool, weights, events = [], [], []
        for s in SUBJECTS:
            if s.sujet != sujet:
                continue
            own = (
                kind in s.kinds or f"amb:{inst_kind}" in s.kinds
                if kind == "ambassadeur"
                else kind in s.kinds
            )
            relay = kind == "ambassadeur" and inst_kind in s.kinds
            if not (own or relay) or (s.accounts and account not in s.accounts):
                continue
            ok, ev = self._event(s.season, day)
            if ok:
                pool.append((s, relay and not own))
                weights.append(
                    s.weight
                    * (3.0 if s.season else 1.0)
                    * (50.0 if s.accounts else 1.0)
                    * (0.5 if relay and not own else 1.0)
                )
                events.append(ev)
        if not pool:  # no subject for this type and topic on that day: a team post
            return self.post(kind, "coulisses_equipe", account, day, person, cap, inst_kind)
        holder = {}
        place_kind = inst_kind if kind == "ambassadeur" else kind

        def make():
            i = self.r.choices(range(len(pool)), weights)[0]
            s, relay = pool[i]
            sl = self.slots(
                place_kind,
                day,
                events[i],
                weekdays=s.family not in ("evenement", "bibliotheque"),
                weekend=s.weekend,
            )
            sl["moi"] = _Agree(person)
            body = self.pick(s.templates).format(**sl)
            if kind == "ambassadeur":
                heads = (
                    (
                        ["Je relaie : ", "À partager : ", "👉 ", "Info de mon service : "]
                        if ":" not in body[:60] and ord(body[0]) < 0x2000
                        else ["👉 ", "🔁 ", ""]
                        if ord(body[0]) < 0x2000
                        else [""]
                    )
                    if relay
                    else ["", "", ""]
                )
                tails = CLOSER["ambassadeur"]
            else:
                emoji = ord(body[0]) > 0x2000
                heads = (
                    PREFIX
                    if not emoji and ":" not in body[:60]
                    else ["", "", "📢 ", "👉 "]
                    if not emoji
                    else [""]
                )
                tails = CLOSER.get(s.family, CLOSER["default"])
            holder["ctx"] = Context(
                place_kind,
                sujet,
                s.family,
                s.objet,
                sl["date"],
                sl["rue"],
                sl["quartier"],
                {"ligne": sl["ligne"], "rp": sl["rp"]},
            )
            return [c if len(c) <= 190 else body for c in self._combos(heads, body, tails)]

        def more(text: str) -> str:
            extra = text + self.pick(POST_EXTRA)
            return extra if len(extra) <= 195 else text

        text = self._unique(make, cap, fallback=more)
        return text, holder["ctx"]

    def simple_post(self, templates: list[str], kind: str, day: dt.date, family: str, cap: int):
        holder = {}

        def make():
            sl = self.slots(kind, day, None)
            holder["ctx"] = Context(
                kind,
                "",
                family,
                N("la page"),
                sl["date"],
                sl["rue"],
                sl["quartier"],
                {"ligne": sl["ligne"], "rp": sl["rp"]},
            )
            return [self.pick(templates).format(**sl)]

        return self._unique(
            make,
            cap,
            fallback=lambda t: t + self.pick([" Partagez !", " 🙏", " Faites passer.", " !!"]),
        ), holder["ctx"]

    def story_post(self, template: str, kind: str, day: dt.date, family: str):
        sl = self.slots(kind, day, None)
        ctx = Context(
            kind,
            "",
            family,
            N("la publication"),
            sl["date"],
            sl["rue"],
            sl["quartier"],
            {"ligne": sl["ligne"], "rp": sl["rp"]},
        )
        return template.format(**sl), ctx

    # ---------------------------------------------------------------- comments
    def comment(
        self,
        cat: str,
        ctx: Context,
        special: str,
        scam: bool,
        author: Person,
        day: dt.date,
        cap: int,
    ) -> str:
        def tag(text: str) -> str:
            return (
                f"@{self.pick(FIRST_NAMES).name} {text}"
                if cat in ("neutre", "remerciement", "question")
                else f"{text} {self.pick(['😡', '👎', '🙄', '…', '!!', '?!'])}"
            )

        return self._unique(
            lambda: self._comment(cat, ctx, special, scam, author, day), cap, tries=12, fallback=tag
        )

    def _fmt(self, tpl: str, ctx: Context, author: Person) -> str:
        friend, friend2 = self.pick(FIRST_NAMES), self.pick(FIRST_NAMES)
        values = {
            "objet": ctx.objet,
            "rue": ctx.rue,
            "rue2": self.pick(STREETS),
            "quartier": ctx.quartier,
            "date_court": f"le {ctx.date.split(' ', 1)[1]}",
            "jour_court": self.pick(["samedi", "dimanche", "mercredi", "ce soir", "demain"]),
            "ami": friend.name,
            "ami2": friend2.name,
            "moi": _Agree(author),
            "ligne": ctx.extra.get("ligne", "3"),
            "rp": ctx.extra.get("rp", "des Coteaux"),
            "prix": self.pick(["100", "250", "500"]),
            "code": self.pick(["x7Rt", "gain24", "vds-cado", "promo9", "k3Wq", "top-deal"]),
        }
        return tpl.format(**values)

    def _comment(self, cat, ctx, special, scam, author, day) -> list[str]:
        register = "formel" if self.r.random() < 0.45 else "familier"
        fam = ctx.family
        fmt = lambda tpl: self._fmt(tpl, ctx, author)  # noqa: E731
        if special == "DORMANT":
            pool = list(DORMANT_QUESTIONS[None])
            for season, extra in DORMANT_QUESTIONS.items():
                if season and self._event(season, day)[0]:
                    pool += extra * 2
            return self._question(fmt(self.pick(pool)), register)
        if scam:
            body = fmt(self.pick(SCAM_COMMENTS[cat]))
            return self._combos([""], body, ["", "", " ?", " !", " 🤔", " …", " 🙏", " !!"])
        if special in CRISIS_COMMENTS and cat in CRISIS_COMMENTS[special]:
            body = self.pick(CRISIS_COMMENTS[special][cat])
            if cat == "question":
                return self._question(body, register)
            if cat == "plainte":
                heads = [
                    "",
                    "",
                    "",
                    "",
                    "Franchement, ",
                    "Honnêtement, ",
                    fmt("Désolé{moi.e}, "),
                    "Je le dis calmement : ",
                ]
                return [body] + self._combos(
                    heads,
                    body,
                    [
                        "",
                        "",
                        "",
                        " 😡",
                        " Honteux.",
                        " On attend des réponses.",
                        " Pas normal.",
                        " Vraiment.",
                    ],
                )
            return self._combos(["", "", "Franchement… "], body, ["", "", " !", " 👎", " …", " !!"])
        if cat == "question":
            pool = FAMILY_QUESTIONS.get(fam, []) * 3 + GENERIC_QUESTIONS
            return self._question(fmt(self.pick(pool)), register)
        if cat == "plainte":
            body = fmt(self.pick(FAMILY_COMPLAINTS.get(fam, FAMILY_COMPLAINTS["guichet"])))
            return [
                self._typo(c)
                for c in self._combos([fmt(h) for h in COMPLAINT_OPEN], body, COMPLAINT_END)
            ]
        if cat == "remerciement":
            body = fmt(self.pick(THANKS_BODY + THANKS_FAMILY.get(fam, []) * 2))
            return [
                self._typo(c)
                for c in self._combos(
                    ["", "", "", "Bonjour, ", "Bravo ! ", "Super ! ", "Franchement, "],
                    body,
                    THANKS_END,
                )
            ]
        if cat == "neutre":
            return self._combos([""], fmt(self.pick(NEUTRAL)), ["", "", "", " 😉", " !", " 👍"])
        if cat == "suggestion":
            body = fmt(self.pick(FAMILY_SUGGESTIONS.get(fam, []) * 2 + GENERIC_SUGGESTIONS))
            return self._combos(
                [
                    "",
                    "",
                    "Petite suggestion : ",
                    "Une idée : ",
                    "Bonjour, ",
                    "Juste une remarque : ",
                ],
                body,
                ["", "", " Merci !", " 🙂", " Bonne journée."],
            )
        if cat == "spam":
            body = fmt(self.pick(SPAM))
            body = body[0].upper() + body[1:]
            return [
                c[0].upper() + c[1:]
                for c in self._combos(SPAM_HOOK, body, ["", "", " 💰", " 🔥", " ✅"])
            ]
        if cat == "troll":
            body = self.pick(TROLL["default"] + TROLL.get(ctx.kind, []) * 2)
            return self._combos(TROLL_OPEN, body, ["", "", " 🙄", " 😂", " !!", " …"])
        if cat == "desinformation":
            body = fmt(self.pick(RUMOURS["default"] + RUMOURS.get(fam, []) * 3))
            return self._combos(
                ["", "", "Attention, ", "Pour info, ", "Vous savez quoi ? "], body, RUMOUR_END
            )
        raise ValueError(cat)

    def _question(self, body: str, register: str) -> list[str]:
        out = []
        for _ in range(5):
            hello, end = self.pick(GREETING[register]), self.pick(QUESTION_END[register])
            if end == " ?" and body.endswith("?"):
                end = ""
            lower = hello.endswith((",", ":"))
            text = f"{hello} {_lower_first(body, keep=True) if lower else body}" if hello else body
            out.append(self._typo(text + end))
        return out

    def _typo(self, text: str) -> str:
        """Now and then, the SMS shorthand people really type (« qd », « bcp », « rdv »)."""
        if self.r.random() < 0.05:
            a, b = self.pick(TYPO)
            pattern = re.escape(a) if a.startswith(" ") else rf"(?<![\w-]){re.escape(a)}(?![\w-])"
            return re.sub(pattern, b, text, count=1)
        return text

    # ---------------------------------------------------------------- replies
    def reply(
        self, cat: str, ctx: Context, inst_kind: str, ambassador: Person | None, tone: str | None
    ) -> str:
        if tone:
            return self.pick(CRISIS_REPLIES[tone])
        if ambassador is not None:
            return self.pick(REPLIES_AMBASSADOR[cat]).format(moi=_Agree(ambassador))
        table = REPLY_BODY[cat]
        body = self.pick(table.get(ctx.family, []) * 2 + table["default"])
        if cat == "remerciement" and self.r.random() < 0.5:
            text = body[0].upper() + body[1:]
        elif cat in ("question", "suggestion") and self.r.random() < 0.3:
            text = f"{self.pick(['Merci pour votre message.', 'Bonjour et merci pour votre question.' if cat == 'question' else 'Merci pour votre idée.'])} {body[0].upper() + body[1:]}"
        else:
            text = f"{self.pick(['Bonjour,', 'Bonjour,', 'Bonjour à vous,'] if cat != 'remerciement' else ['Bonjour,'])} {body}"
        if cat in ("question", "plainte", "desinformation", "suggestion"):
            text += f" — {self.pick(AGENTS)}, {self.pick(SIGNATURE.get(inst_kind, ['service Communication']))}"
        return text

    # ---------------------------------------------------------------- mentions
    def mention(self, group: str, iid: str) -> str:
        if group in CRISIS_MENTIONS:
            return self.pick(CRISIS_MENTIONS[group])
        return self.pick(MENTIONS[group]).format(nom=INST_NOUNS[iid])


class _Agree:
    """``{moi.e}`` / ``{moi.x}`` agreement with a person whose gender may be unknown (masculine)."""

    def __init__(self, person: Person | None):
        self.g = person.g if person is not None else "m"

    @property
    def e(self) -> str:
        return "e" if self.g == "f" else ""

    @property
    def Fier(self) -> str:  # noqa: N802
        return "Fière" if self.g == "f" else "Fier"

    @property
    def fier(self) -> str:
        return "fière" if self.g == "f" else "fier"

    @property
    def Heureux(self) -> str:  # noqa: N802
        return "Heureuse" if self.g == "f" else "Heureux"


def _lower_first(text: str, keep: bool = False) -> str:
    """Lower the first letter after an opener, unless it starts a proper noun or an acronym."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if keep and (first.isupper() or first in {"Saint-Nicolas", "TransOrneau"}):
        return text
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[0].lower() + text[1:]
