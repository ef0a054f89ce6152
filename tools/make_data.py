# ruff: noqa: E501  (long French template strings are kept on one line for readability)
"""Generate the synthetic sample dataset of the « Médias sociaux » course kit.

Usage: ``python tools/make_data.py [--out DIR] [--check]`` (default ``datasets/``).

One seeded ``numpy.random.default_rng(SEED)`` is created once and split with ``rng.spawn``
in a fixed order; every parameter lives in ``tools/data_params.py`` with its anchor in the
domain report. Output is byte-identical on every run (explicit rounding, fixed sort orders,
``lineterminator="\\n"``). Times are built as Brussels wall-clock minutes, then localised
(nonexistent → shift forward, ambiguous → standard time) and written as ISO 8601 with offset.

The archetypes of the accounts and the embedded stories are documented for instructors only
in ``docs/instructor/answer_key.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from socialkit.schema import columns
from tools import data_params as P

ROOT = Path(__file__).resolve().parent.parent

# =====================================================================================
# French text templates (Belgian register, domain.md §7.1–7.7). Content, not parameters.
# =====================================================================================
# ---------------------------------------------------------------- slot vocabularies
SLOTS = {
    "rue": [
        "rue des Tilleuls",
        "avenue du Parc",
        "rue du Moulin",
        "chaussée de Namur",
        "rue de la Station",
        "place communale",
        "rue des Écoles",
        "rue Haute",
        "avenue des Saules",
        "rue du Pont",
        "rue de l'Église",
        "chemin des Prés",
        "rue Reine Astrid",
        "rue du Château d'eau",
        "sentier des Vignes",
    ],
    "lieu": [
        "la salle des fêtes",
        "la place communale",
        "le parc des Saules",
        "la maison de quartier",
        "le hall omnisports",
        "la salle du conseil",
        "la cour de l'école",
        "l'espace Orneau",
    ],
    "heure": [
        "8h",
        "9h",
        "9h30",
        "10h",
        "11h",
        "13h30",
        "14h",
        "14h30",
        "15h",
        "16h",
        "18h",
        "19h",
        "19h30",
        "20h",
    ],
    "num": ["2", "3", "4", "5", "6", "8", "10", "12", "15", "20", "septante", "nonante"],
    "quartier": ["centre", "Bois-Hautrive", "Les Coteaux", "la Gare", "Saint-Rémy", "Petit-Orneau"],
    "prenom": [
        "Marc",
        "Sophie",
        "Julie",
        "Nathalie",
        "Thomas",
        "Martine",
        "Kevin",
        "Fatima",
        "Luc",
        "Isabelle",
        "Mehdi",
        "Chantal",
        "Laurent",
        "Emma",
        "Jean-Pierre",
        "Aline",
    ],
    "agent": ["Sarah", "Pierre", "Nora", "Benoît", "Amélie", "Youssef", "Claire"],
}
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

# object noun per topic, used in comments ("{objet}")
OBJET = {
    "travaux_mobilite": ["la déviation", "les travaux", "le chantier", "la fermeture de la rue"],
    "dechets_environnement": [
        "le recyparc",
        "la collecte PMC",
        "les encombrants",
        "les sacs blancs",
    ],
    "demarches_administratives": ["le guichet", "la carte eID", "le rendez-vous", "le formulaire"],
    "evenement_culture": ["le spectacle", "l'atelier", "l'exposition", "la soirée"],
    "sport_loisirs": ["le stage", "la piscine", "le tournoi", "la balade"],
    "social_sante": ["la consultation", "la permanence", "l'aide", "le service"],
    "securite_alerte": ["l'alerte", "la fermeture", "le contrôle", "la zone"],
    "vie_democratique": ["le conseil communal", "l'enquête publique", "le budget", "la séance"],
    "emploi_recrutement": ["l'offre d'emploi", "le poste", "le recrutement", "la candidature"],
    "coulisses_equipe": ["l'équipe", "le service", "le projet", "la visite"],
    "correction_info": ["la date", "l'horaire", "l'info", "le lieu"],
}

# ---------------------------------------------------------------- posts: generic per topic
# slots: {rue} {lieu} {heure} {num} {date} {jour} {quartier} {inst}
POSTS_GENERIC = {
    "travaux_mobilite": [
        "🚧 Travaux {rue} à partir du {date} : circulation alternée entre 7h et 17h. Merci pour votre patience !",
        "Fermeture de la {rue} le {jour} {date} pour asphaltage. Déviation fléchée via le {quartier}.",
        "Semaine de la mobilité : vélo-école gratuite pour adultes le {jour} à {heure}. Inscriptions ouvertes.",
        "Stationnement interdit {rue} le {date} (déménagement). Merci de respecter la signalisation.",
    ],
    "dechets_environnement": [
        "♻️ Collecte des encombrants : inscription obligatoire jusqu'au {date}. Maximum 2 m³ par ménage.",
        "Le recyparc sera exceptionnellement fermé ce {jour} (inventaire). Réouverture à {heure}.",
        "Collecte PMC décalée au {jour} {date} dans le quartier {quartier}. Sortez vos sacs la veille.",
        "Opération Grand Nettoyage le {date} : rendez-vous à {heure} devant {lieu}. Gants fournis !",
    ],
    "demarches_administratives": [
        "Votre carte d'identité expire bientôt ? Prenez rendez-vous au service Population.",
        "Nos guichets seront fermés le {date}. Nos services en ligne restent accessibles 24h/24.",
        "Rappel : date limite pour introduire votre demande de prime : {date}. Conditions sur notre site.",
        "Nouveau : prise de rendez-vous en ligne pour le guichet Population, aussi le {jour}.",
    ],
    "evenement_culture": [
        "🎭 Spectacle gratuit le {jour} {date} à {heure} à {lieu}. Venez nombreux !",
        "🎅 Saint-Nicolas passera à {lieu} le {date} à {heure}. Chocolat chaud offert !",
        "Exposition « Regards sur l'Orneau » jusqu'au {date} à {lieu}. Entrée libre.",
        "Concert de l'harmonie le {jour} {date} à {heure}, {lieu}. Bar au profit du comité des fêtes.",
    ],
    "sport_loisirs": [
        "⚽ Stages sportifs pendant les congés : encore {num} places, inscriptions jusqu'au {date}.",
        "Jogging des Saules le {date} à {heure} : parcours de 5 et 10 km au départ de {lieu}.",
        "La piscine sera fermée du {date} pour entretien. Merci de votre compréhension.",
        "Balade nature guidée le {jour} {date} à {heure}. Rendez-vous {rue}.",
    ],
    "social_sante": [
        "❄️ Plan grand froid : un abri de nuit ouvre à {lieu} dès ce soir. Vous connaissez une personne en difficulté ? Appelez-nous.",
        "🌡️ Canicule : pensez à vos voisins âgés, buvez régulièrement et évitez les efforts entre 12h et 16h.",
        "Permanence sociale le {jour} de {heure} à 12h, sans rendez-vous, {rue}.",
        "Collecte de sang le {date} de 10h à 18h à {lieu}. Prenez rendez-vous !",
    ],
    "securite_alerte": [
        "⚠️ Inondation {rue} : les services sont sur place. Évitez le secteur. Inscrivez-vous à BE-Alert.",
        "⚠️ Vents violents annoncés ce {jour} : parcs et cimetières fermés par précaution.",
        "Test BE-Alert ce {jour} à {heure} : vous recevrez peut-être un SMS. Pas de panique !",
        "Coupure d'eau {rue} ce {jour} de {heure} à 16h suite à une fuite. Merci de votre patience.",
    ],
    "vie_democratique": [
        "🗳️ Le conseil communal se réunit ce {jour} à 20h. Ordre du jour et retransmission sur notre site.",
        "Enquête publique : le projet {rue} est consultable jusqu'au {date}. Donnez votre avis.",
        "Réunion d'information pour les riverains du {quartier} le {date} à {heure}, {lieu}.",
    ],
    "emploi_recrutement": [
        "💼 Nous recrutons : {num} postes à pourvoir (ouvriers, agents administratifs). Candidatures jusqu'au {date}.",
        "Job étudiant cet été ? Nos offres sont en ligne jusqu'au {date}.",
        "Rejoignez notre équipe ! Séance d'info recrutement le {date} à {heure}.",
    ],
    "coulisses_equipe": [
        "👏 Bravo aux {num} jeunes qui ont obtenu leur brevet de secourisme avec le service Jeunesse !",
        "Ils étaient sur le terrain dès 5h ce matin : merci à nos ouvriers pour le déneigement 👷",
        "Rencontre avec l'équipe de l'accueil : {num} ans de service et toujours le sourire ☺️",
        "Dans les coulisses de nos services : une journée avec l'équipe {quartier}.",
    ],
    "correction_info": [
        "📢 Correction : la séance d'information a lieu le {jour} {date} (et non comme indiqué hier). Toutes nos excuses.",
        "Erratum : l'horaire correct est {heure}. Merci à ceux qui nous l'ont signalé !",
    ],
}

# type-specific overrides (institution type -> topic -> templates)
POSTS_BY_TYPE = {
    "service_federal": {
        "demarches_administratives": [
            "Votre déclaration en ligne est pré-remplie ? Vérifiez-la quand même. Tutoriel en 3 minutes ⤵️",
            "📅 Rappel : date limite pour introduire votre demande de prime : {date}.",
            "Maintenance planifiée de notre plateforme ce {jour} de 6h à 10h. Merci de votre compréhension.",
            "🧵 Nouvelle réglementation : ce qui change pour vous, en {num} points.",
            "Incident résolu : les lenteurs de la plateforme ce matin sont derrière nous.",
        ],
        "securite_alerte": [
            "Vous recevez un SMS vous demandant de payer une « amende » ? C'est de l'hameçonnage.",
            "Attention aux faux e-mails à notre nom : nous ne demandons jamais vos codes bancaires.",
        ],
    },
    "hopital": {
        "social_sante": [
            "🩸 Les réserves de sang sont basses : une collecte a lieu dans notre hall le {jour} de 10h à 18h.",
            "Urgences : le temps d'attente est élevé. Pour un problème non urgent, appelez la garde (1733).",
            "👶 Portes ouvertes de la maternité le {jour} {date} à 10h.",
            "Nouveau : prise de rendez-vous en ligne pour les consultations de dermatologie.",
            "Vaccination contre la grippe pour le personnel et les patients à risque : infos ⤵️",
        ],
        "coulisses_equipe": [
            "Merci à nos équipes de nuit ❤️ Une nuit aux urgences, racontée par ceux qui la vivent.",
            "Rencontre avec l'équipe de stérilisation : {num} personnes dans l'ombre, indispensables.",
        ],
    },
    "bibliotheque": {
        "evenement_culture": [
            "📚 Heure du conte le {jour} à 14h30 pour les 4–7 ans. Gratuit, sans inscription.",
            "La Fureur de lire est de retour ! Rencontre d'auteur le {date} à {heure}.",
            "Club de lecture ado : ce mois-ci on parle mangas ! Rendez-vous {jour} 17h.",
            "Atelier « Premiers pas sur smartphone » pour les seniors : inscription à l'accueil.",
            "Nouveau : empruntez des livres numériques depuis chez vous avec votre carte de lecteur.",
        ],
    },
    "zone_police": {
        "securite_alerte": [
            "⚠️ Accident {rue} : circulation interrompue. Évitez le secteur.",
            "Vague de cambriolages dans le {quartier} : nos conseils pour sécuriser votre habitation.",
            "Contrôles de vitesse renforcés cette semaine aux abords des écoles.",
            "Attention aux faux policiers au téléphone : nous ne demandons jamais votre code bancaire.",
        ],
        "travaux_mobilite": [
            "Marché hebdomadaire : stationnement interdit {rue} ce {jour} de 6h à 14h.",
            "Rentrée scolaire : nos agents sont présents aux passages pour piétons dès {heure}.",
        ],
    },
    "transport_public": {
        "travaux_mobilite": [
            "🚌 Ligne {num} : déviation {rue} jusqu'au {date} en raison de travaux.",
            "Perturbation ligne {num} : retards de 10 à 15 min ce matin. Merci de votre patience.",
            "Horaires adaptés pendant les congés scolaires à partir du {date}.",
            "Trafic rétabli sur la ligne {num}.",
        ],
    },
    "ambassadeur": {
        "coulisses_equipe": [
            "Fière de mon équipe aujourd'hui 💪 Merci à tous les collègues !",
            "Une journée comme les autres… ou pas ! Les coulisses de notre service ⤵️",
            "{num} ans dans la maison et toujours la même envie d'être utile.",
            "Ce matin, {num} collègues en formation premiers secours. Bravo à eux !",
        ],
        "emploi_recrutement": [
            "Mon service recrute ! Envie d'un job qui a du sens ? Écrivez-moi 👇",
            "On cherche {num} nouveaux collègues. Je réponds à vos questions en privé.",
        ],
    },
}

# ---------------------------------------------------------------- story posts
STORY_POSTS = {
    "BUZZ-1-trigger": "Urgences : le temps d'attente est actuellement élevé. Pour un problème non urgent, contactez votre médecin ou la garde (1733).",
    "BUZZ-1-reply": "Nous avons vu la vidéo sur nos urgences. Hier soir, 3 équipes étaient en renfort. Notre direction rappelle la famille dès ce soir. Explications ⤵️",
    "BUZZ-2-trigger": "Réaménagement de la place communale : abattage des {num} platanes à partir du {date}. Le chantier durera 6 mois.",
    "BUZZ-2-reply": "Mise au point : l'abattage des platanes a été décidé conformément au permis délivré. Les arbres étaient en mauvais état. Le projet ne sera pas modifié.",
    "BUZZ-3-trigger": "Tutoriel : comment introduire votre demande en ligne ? Suivez notre capture d'écran pas à pas ⤵️",
    "BUZZ-3-reply": "Nous vous présentons nos excuses : une capture publiée hier montrait des données personnelles. Elle a été retirée, notre DPO a été saisi et la personne prévenue.",
    "IMPOSTOR-warning": "Attention : une fausse page « Commune de Val des Saules - Concours » circule. Nous n'organisons aucun concours. Ne communiquez jamais vos données bancaires.",
}
SCAM_POSTS = [
    "🎉 GRAND CONCOURS de la commune ! Gagnez un bon de 500 € : likez, partagez et cliquez ici 👉 bit.ly/vds-gain",
    "Dernière chance ! {num} paniers garnis à gagner. Partagez et confirmez vos coordonnées bancaires en privé.",
    "Félicitations aux gagnants ! Il reste {num} lots : commentez « JE PARTICIPE » et partagez.",
    "Pour fêter la nouvelle année, la commune offre {num} bons d'achat. Inscription via ce lien 👉 vds-cadeaux.example",
]
UNOFFICIAL_POSTS = [
    "Contrôle radar signalé {rue} ce matin, soyez prudents !",
    "Quelqu'un sait pourquoi il y a la police au {quartier} ? Partagez l'info.",
    "Info trafic : ça bouchonne {rue}, prévoyez un détour.",
]

# ---------------------------------------------------------------- comments (§7.5)
# slots: {objet} {rue} {jour} {heure} {prenom} {quartier}
COMMENTS = {
    "question": [
        "Est-ce que {objet} concerne aussi le {quartier} ?",
        "C'est possible de prendre rendez-vous le samedi ?",
        "La déviation passe aussi pour les bus ?",
        "Bonjour, {objet}, c'est jusqu'à quelle heure ?",
        "On doit s'inscrire pour {objet} ?",
        "Et pour les personnes sans GSM, on fait comment ?",
        "Le recyparc accepte les pots de peinture ?",
        "Il reste des places pour {objet} ?",
        "C'est gratuit ?",
        "Où peut-on trouver plus d'infos sur {objet} ?",
    ],
    "plainte": [
        "Ça fait 3 semaines que les poubelles PMC ne sont pas ramassées {rue}…",
        "Impossible d'avoir quelqu'un au téléphone, ça sonne dans le vide.",
        "Toujours rien de prévu pour {objet}, on attend depuis des mois.",
        "Encore un changement annoncé au dernier moment, c'est n'importe quoi.",
        "J'ai envoyé un mail il y a 15 jours, aucune réponse.",
        "{objet} : aucune info sur place, on a perdu notre matinée.",
        "5 heures d'attente hier soir, c'est inadmissible.",
    ],
    "remerciement": [
        "Merci pour l'info, super réactif !",
        "Bravo aux équipes 👏",
        "Accueil très sympa, merci !",
        "Top, merci 🙏",
        "Génial, on y sera !",
        "Merci pour {objet}, c'était parfait.",
    ],
    "neutre": [
        "@{prenom} regarde ça pour {jour}",
        "Info utile 👍",
        "Partagé.",
        "@{prenom} 👀",
        "Ok merci",
        "👍👍",
    ],
    "suggestion": [
        "Vous pourriez mettre les horaires directement dans le post plutôt qu'un lien ?",
        "Pourquoi pas une version en néerlandais ?",
        "Ce serait bien de prévenir aussi par SMS.",
        "Pensez aux personnes à mobilité réduite pour {objet}.",
    ],
    "spam": [
        "Gagnez un smartphone en cliquant ici 👉 bit.ly/xxxx",
        "Je gagne 500 €/jour depuis chez moi, contactez-moi en privé.",
        "Investissez en crypto avec moi, résultats garantis 💰",
    ],
    "troll": [
        "Encore nos impôts gaspillés.",
        "Tous des incapables.",
        "Et le bourgmestre, il fait quoi à part des photos ?",
        "LAMENTABLE",
        "Personne ne lit vos posts de toute façon 😂",
    ],
    "desinformation": [
        "Il paraît que l'eau du robinet n'est plus potable dans tout le {quartier}.",
        "La piscine va fermer définitivement, c'est décidé en secret.",
        "On m'a dit que {objet} était annulé, personne ne le dit ?",
    ],
}
# crisis comments per episode (override generic texts for the relevant categories)
CRISIS_COMMENTS = {
    "BUZZ-1": {
        "plainte": [
            "Vu la vidéo… 6 heures d'attente avec un enfant, c'est pas normal.",
            "Même chose pour ma mère la semaine passée aux urgences.",
            "Le personnel fait ce qu'il peut mais il manque du monde.",
        ],
        "question": [
            "C'est vrai ce qu'on voit dans la vidéo ?",
            "Quel est le délai d'attente actuellement ?",
        ],
        "troll": ["Hôpital de la honte.", "Fermez tout, ce sera plus simple."],
        "desinformation": ["Il paraît qu'ils ferment les urgences la nuit."],
    },
    "BUZZ-2": {
        "plainte": [
            "Abattre des arbres centenaires sans consulter personne, bravo…",
            "Aucune réunion avec les riverains, c'est scandaleux.",
            "Les platanes étaient en parfaite santé, on veut voir le rapport.",
            "Vous avez décidé tout seuls, comme d'habitude.",
        ],
        "question": [
            "Où peut-on consulter le permis ?",
            "Pourquoi pas une consultation publique ?",
        ],
        "troll": [
            "Bourgmestre démission !",
            "Béton partout, bravo le collège.",
            "Encore un parking pour les copains ?",
        ],
        "desinformation": [
            "Il paraît qu'un promoteur va construire des appartements sur la place."
        ],
    },
    "BUZZ-3": {
        "plainte": [
            "On voit le numéro de registre national sur votre capture !!",
            "Des données personnelles publiées par un SPF, sérieusement ?",
            "C'est une violation du RGPD, retirez ça.",
        ],
        "question": [
            "Qui est responsable de la protection des données chez vous ?",
            "Mes données sont-elles aussi exposées ?",
        ],
        "troll": ["Simplification administrative… de nos données 😂"],
        "desinformation": ["Toute la base de données a fuité, paraît-il."],
    },
}
SCAM_COMMENTS = {
    "question": [
        "C'est vraiment la commune qui organise ça ?",
        "C'est officiel ou c'est une arnaque ?",
        "On doit vraiment donner son numéro de compte ?",
        "La commune fait des concours maintenant ?",
    ],
    "neutre": ["JE PARTICIPE", "Partagé ! @{prenom}", "Je participe 🤞", "Fait !"],
    "plainte": ["Arnaque ! Je signale la page.", "Attention c'est une fausse page !!"],
    "spam": ["Gagnez encore plus ici 👉 bit.ly/xxxx", "Contactez-moi pour un autre concours 💰"],
}
LATE_DORMANT_QUESTIONS = [
    "Le recyparc du {quartier} est-il ouvert ce samedi ?",
    "Bonjour, quels sont les horaires d'été du recyparc ?",
    "Il y a encore quelqu'un qui gère cette page ? Pas de réponse…",
    "On peut déposer des pneus au recyparc ?",
    "Le recyparc est-il fermé le lundi de Pâques ?",
    "Bonjour, faut-il une carte pour accéder au recyparc ?",
]

# ---------------------------------------------------------------- replies (§7.6, institution voice)
REPLIES = {
    "question": [
        "Bonjour, oui : toutes les infos sont sur notre site. Bonne journée ! — {agent}",
        "Bonjour, c'est bien le cas. N'hésitez pas à appeler notre accueil. — {agent}",
        "Bonjour, nous vérifions et revenons vers vous rapidement. — {agent}",
        "Bonjour, non, pas d'inscription nécessaire. Bonne journée ! — {agent}",
    ],
    "plainte": [
        "Bonjour, nous sommes désolés pour ce désagrément. Pouvez-vous nous envoyer votre adresse en message privé ? — {agent}",
        "Bonjour, merci pour votre signalement, nous transmettons au service concerné dès ce matin. — {agent}",
        "Bonjour, nous comprenons votre frustration. Le service vous recontacte. — {agent}",
    ],
    "remerciement": [
        "Merci pour votre message, nous transmettons aux équipes ! 😊",
        "Merci beaucoup 🙏",
        "Avec plaisir !",
    ],
    "neutre": ["Merci pour le partage !"],
    "suggestion": [
        "Merci pour la suggestion, nous la transmettons !",
        "Bonne idée, nous y réfléchissons pour les prochaines publications.",
    ],
    "troll": ["Merci de respecter notre charte de modération."],
    "desinformation": [
        "Bonjour, cette information est erronée. Les informations officielles sont publiées sur notre site.",
        "Bonjour, c'est inexact : rien de tel n'est prévu. Merci de vérifier vos sources.",
    ],
    "spam": [""],
}
REPLIES_AMBASSADOR = {
    "question": ["Bonne question ! Je te réponds en privé 🙂", "Oui ! Tout est sur le site."],
    "plainte": ["Je comprends, je fais remonter à l'équipe.", "Désolée, je transmets en interne."],
    "remerciement": ["Merci 🙏", "Merci beaucoup ❤️", "Ça fait plaisir !"],
    "suggestion": ["Bonne idée, je fais passer !"],
    "neutre": ["🙂"],
    "troll": ["…"],
    "desinformation": ["Non, c'est faux, voir le site officiel."],
    "spam": [""],
}
CRISIS_REPLIES = {
    "transparent": [
        "Bonjour, merci d'avoir partagé votre expérience. Hier soir, l'affluence était exceptionnelle. Nous vous appelons dès demain pour en parler. — Direction du CHU",
        "Bonjour, vous avez raison d'en parler. Nous publions ce soir les temps d'attente et les renforts prévus. — Direction du CHU",
    ],
    "defensif": [
        "La décision a été prise conformément au permis d'urbanisme. Les arbres étaient malades. Le collège maintient le projet.",
        "Le dossier a suivi la procédure légale. Nous ne reviendrons pas sur cette décision.",
    ],
    "excuses": [
        "Bonjour, vous avez raison et nous vous présentons nos excuses. La capture a été retirée, notre DPO est saisi. Nous vous tenons informés.",
        "Toutes nos excuses pour cette erreur. La personne concernée a été prévenue et nos procédures de publication sont revues.",
    ],
}

# ---------------------------------------------------------------- mentions
MENTIONS = {
    "pos": [
        "Merci {nom} pour la réactivité 👏",
        "Belle initiative de {nom} !",
        "Super accueil chez {nom} ce matin.",
        "Bravo {nom} pour l'organisation.",
    ],
    "neu": [
        "{nom} annonce des changements pour la rentrée.",
        "Quelqu'un a des infos de {nom} ?",
        "Vu sur la page de {nom} :",
        "Article : ce que prépare {nom} cette année.",
        "{nom} : horaires modifiés cette semaine.",
    ],
    "neg": [
        "Toujours pas de réponse de {nom}…",
        "{nom}, c'est vraiment le service minimum.",
        "Déçu par {nom}, personne ne décroche.",
        "Encore un couac chez {nom}.",
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
# Generator
# =====================================================================================
TOPICS = P.TOPICS
CATS = P.CATEGORIES
MIN_PER_DAY = 1440
END_MIN = P.N_DAYS * MIN_PER_DAY - 1  # 2026-08-31 23:59 (wall clock minutes since START)
START_TS = pd.Timestamp(P.START)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def day_of(date: str) -> int:
    return int((pd.Timestamp(date) - START_TS).days)


def minute_of(stamp: str) -> int:
    return int((pd.Timestamp(stamp) - START_TS) / pd.Timedelta(minutes=1))


def iso(minutes: np.ndarray) -> np.ndarray:
    """Wall-clock minutes since START → ISO 8601 strings with the Brussels offset."""
    minutes = np.asarray(minutes, dtype=np.int64)
    naive = pd.DatetimeIndex(START_TS + pd.to_timedelta(minutes, unit="min"))
    aware = naive.tz_localize(
        P.TIMEZONE, ambiguous=np.zeros(len(naive), dtype=bool), nonexistent="shift_forward"
    )
    s = pd.Series(aware.strftime("%Y-%m-%dT%H:%M:%S%z"))
    return (s.str[:-2] + ":" + s.str[-2:]).to_numpy(dtype=object)


def fill(templates: list[str], choice: np.ndarray, slots: dict[str, np.ndarray]) -> np.ndarray:
    """Fill ``templates[choice[i]]`` with row-wise slot values (loop over templates only)."""
    out = np.empty(len(choice), dtype=object)
    for t, tpl in enumerate(templates):
        rows = np.flatnonzero(choice == t)
        if rows.size == 0:
            continue
        parts = _PLACEHOLDER.split(tpl)
        acc = np.full(rows.size, parts[0], dtype=object)
        for j in range(1, len(parts), 2):
            acc = acc + slots[parts[j]][rows] + parts[j + 1]
        out[rows] = acc
    return out


def fill_grouped(groups: np.ndarray, table: dict, rng, slots) -> np.ndarray:
    """For each group key (in sorted order) pick a template uniformly and fill it."""
    out = np.empty(len(groups), dtype=object)
    for key in sorted(table):
        rows = np.flatnonzero(groups == key)
        if rows.size == 0:
            continue
        tpls = table[key]
        choice = rng.integers(0, len(tpls), rows.size)
        sub = {k: v[rows] for k, v in slots.items()}
        out[rows] = fill(tpls, choice, sub)
    return out


def text_slots(rng, n: int, minute: np.ndarray) -> dict[str, np.ndarray]:
    """Row-wise slot values; dates are a few days after the row's own time."""
    slots = {k: np.asarray(v, dtype=object)[rng.integers(0, len(v), n)] for k, v in SLOTS.items()}
    ahead = rng.integers(1, 15, n)
    dates = START_TS.normalize() + pd.to_timedelta(minute // MIN_PER_DAY + ahead, unit="D")
    dates = pd.DatetimeIndex(dates)
    months = np.asarray(MONTHS, dtype=object)[dates.month.to_numpy() - 1]
    slots["date"] = dates.day.astype(str).to_numpy(dtype=object) + " " + months
    slots["jour"] = np.asarray(WEEKDAYS, dtype=object)[dates.day_of_week.to_numpy()]
    return slots


# ------------------------------------------------------------------ institutions / comptes
def build_institutions() -> pd.DataFrame:
    rows = [r[:6] for r in P.INSTITUTIONS]
    return pd.DataFrame(rows, columns=columns("institutions"))


def build_accounts() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (comptes table, generator-only metadata incl. archetype)."""
    recs, meta = [], []
    itype = {r[0]: r[2] for r in P.INSTITUTIONS}
    for (
        cid,
        iid,
        plat,
        ident,
        nom,
        serv,
        arch,
        f0,
        rate,
        prof,
        statut,
        cree,
        nadm,
        perso,
        mfa,
        charte,
        lang,
    ) in P.ACCOUNTS:
        officiel = arch != "U"
        recs.append(
            [
                cid,
                iid,
                "institutionnel",
                plat,
                ident,
                nom,
                serv,
                "aucun",
                officiel,
                officiel and arch in ("R", "E"),
                nadm,
                perso,
                mfa,
                charte,
                lang,
                cree,
                statut,
            ]
        )
        meta.append([cid, iid, itype[iid], plat, arch, f0, rate, prof, charte, False])
    for cid, iid, plat, ident, nom, serv, role, f0, rate, cree in P.AMBASSADORS:
        recs.append(
            [
                cid,
                iid,
                "ambassadeur",
                plat,
                ident,
                nom,
                serv,
                role,
                False,
                False,
                1,
                True,
                plat in ("linkedin", "x"),
                False,
                "fr",
                cree,
                "actif",
            ]
        )
        meta.append([cid, iid, "ambassadeur", plat, "A", f0, rate, "human", False, True])
    comptes = pd.DataFrame(recs, columns=columns("comptes"))
    comptes["nb_admins"] = comptes["nb_admins"].astype("Int64")
    meta = pd.DataFrame(
        meta,
        columns=[
            "compte_id",
            "institution_id",
            "kind",
            "plateforme",
            "archetype",
            "f0",
            "rate",
            "profile",
            "charte",
            "ambassadeur",
        ],
    )
    return comptes, meta


# ------------------------------------------------------------------ posting schedule
def active_days(rng, cid: str, arch: str) -> np.ndarray:
    """Boolean mask of days on which the account is 'on' (§5.6 archetypes)."""
    days = np.arange(P.N_DAYS)
    if cid in P.ACTIVE_WINDOWS:
        a, b = P.ACTIVE_WINDOWS[cid]
        return (days >= day_of(a)) & (days <= day_of(b))
    if arch in ("R", "A"):
        return np.ones(P.N_DAYS, dtype=bool)
    if arch == "V":
        return np.zeros(P.N_DAYS, dtype=bool)
    if arch == "D":
        lo, hi = (day_of(d) for d in P.DORMANT_STOP_WINDOW)
        stop = int(rng.integers(lo, hi + 1))
        return days <= stop
    if arch == "E":
        mask = np.zeros(P.N_DAYS, dtype=bool)
        on = bool(rng.random() < P.ECLIPSE_P_START_ON)
        t = 0
        while t < P.N_DAYS:
            lo, hi = P.ECLIPSE_ON_DAYS if on else P.ECLIPSE_OFF_DAYS
            length = int(rng.integers(lo, hi + 1))
            if on:
                mask[t : t + length] = True
            t += length
            on = not on
        return mask
    if arch == "U":
        return np.ones(P.N_DAYS, dtype=bool)
    raise ValueError(arch)


def build_schedule(rng, meta: pd.DataFrame) -> pd.DataFrame:
    wd = np.arange(P.N_DAYS) % 7  # START is a Monday
    acc_idx, minutes = [], []
    for i, row in enumerate(meta.itertuples()):
        act = active_days(rng, row.compte_id, row.archetype)
        slow = P.DORMANT_RATE_FACTOR if row.archetype == "D" else 1.0
        rate = row.rate * P.POST_RATE_SCALE * slow
        w = np.asarray(P.WEEKDAY_WEIGHTS[row.profile])[wd]
        counts = rng.poisson(rate * w * act)
        n = int(counts.sum())
        day = np.repeat(np.arange(P.N_DAYS), counts)
        hw = np.asarray(P.HOUR_WEIGHTS[row.profile], dtype=float)
        hour = rng.choice(24, size=n, p=hw / hw.sum())
        minute = rng.integers(0, 60, n)
        if not row.ambassadeur and row.archetype != "U":  # scheduled posts: round quarters
            rounded = rng.random(n) < 0.45
            minute = np.where(rounded, (minute // 15) * 15, minute)
        acc_idx.append(np.full(n, i))
        minutes.append(day * MIN_PER_DAY + hour * 60 + minute)
    sched = pd.DataFrame({"acc": np.concatenate(acc_idx), "t": np.concatenate(minutes)})
    return sched


def add_story_posts(sched: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Insert the fixed story posts (bad-buzz triggers/replies, impostor warning)."""
    idx = {c: i for i, c in enumerate(meta["compte_id"])}
    rows = []
    for b in P.BUZZ:
        t0 = minute_of(b["start"])
        trig_t = t0 - 6 * 60 + 30 if b["id"] == "BUZZ-1" else t0
        rows.append((idx[b["compte"]], trig_t, f"{b['id']}-trigger", b["topic"]))
        tr = t0 + int(round(b["reply_delay_h"] * 60))
        rows.append((idx[b["compte"]], tr, f"{b['id']}-reply", b["topic"]))
    rows.append(
        (
            idx[P.IMPOSTOR["commune_compte"]],
            minute_of(P.IMPOSTOR["warning"]),
            "IMPOSTOR-warning",
            "securite_alerte",
        )
    )
    extra = pd.DataFrame(rows, columns=["acc", "t", "story", "sujet_force"])
    sched = sched.assign(story="", sujet_force="")
    out = pd.concat([sched, extra], ignore_index=True)
    out["t"] = out["t"].clip(upper=END_MIN - 30)
    return out.sort_values(["acc", "t"], kind="stable").reset_index(drop=True)


def build_posts(rng, meta: pd.DataFrame, inst: pd.DataFrame) -> pd.DataFrame:
    sched = add_story_posts(build_schedule(rng, meta), meta)
    n = len(sched)
    acc = sched["acc"].to_numpy()
    t = sched["t"].to_numpy()
    day = t // MIN_PER_DAY
    kind = meta["kind"].to_numpy()[acc]
    plat = meta["plateforme"].to_numpy()[acc]
    cid = meta["compte_id"].to_numpy()[acc]
    # topic
    sujet = np.empty(n, dtype=object)
    for k in sorted(P.TOPIC_MIX):
        rows = np.flatnonzero(kind == k)
        w = np.asarray(P.TOPIC_MIX[k], dtype=float)
        sujet[rows] = np.asarray(TOPICS, dtype=object)[
            rng.choice(len(TOPICS), rows.size, p=w / w.sum())
        ]
    forced = sched["sujet_force"].to_numpy() != ""
    sujet[forced] = sched["sujet_force"].to_numpy()[forced]
    # format
    fmt = np.empty(n, dtype=object)
    for p in sorted(P.FORMAT_MIX):
        rows = np.flatnonzero(plat == p)
        keys = list(P.FORMAT_MIX[p])
        w = np.asarray([P.FORMAT_MIX[p][k] for k in keys])
        fmt[rows] = np.asarray(keys, dtype=object)[rng.choice(len(keys), rows.size, p=w / w.sum())]
    story = sched["story"].to_numpy()
    fmt[np.isin(story, ["BUZZ-1-reply"])] = "video"
    fmt[np.isin(story, ["BUZZ-3-trigger"])] = "photo"
    # texts
    slots = text_slots(rng, n, t)
    inst_short = dict(zip(inst["institution_id"], inst["nom"], strict=True))
    slots["inst"] = np.asarray([inst_short[i] for i in meta["institution_id"]], dtype=object)[acc]
    group = np.empty(n, dtype=object)
    table: dict[str, list[str]] = {}
    for s in TOPICS:
        table[f"generic|{s}"] = POSTS_GENERIC[s]
    for k, d in POSTS_BY_TYPE.items():
        for s, tpls in d.items():
            table[f"{k}|{s}"] = tpls
    keys = np.char.add(np.char.add(kind.astype(str), "|"), sujet.astype(str)).astype(object)
    has = np.isin(keys, list(table))
    group[:] = np.where(has, keys, np.char.add("generic|", sujet.astype(str)).astype(object))
    arch = meta["archetype"].to_numpy()[acc]
    scam = (arch == "U") & (cid == P.IMPOSTOR["compte"])
    unoff = (arch == "U") & ~scam
    table["scam"] = SCAM_POSTS
    table["unofficial"] = UNOFFICIAL_POSTS
    group[scam] = "scam"
    group[unoff] = "unofficial"
    texte = fill_grouped(group, table, rng, slots)
    for key, tpl in STORY_POSTS.items():
        rows = np.flatnonzero(story == key)
        if rows.size:
            texte[rows] = fill(
                [tpl], np.zeros(rows.size, dtype=int), {k: v[rows] for k, v in slots.items()}
            )
    sujet[scam] = "evenement_culture"
    sujet[unoff] = "securite_alerte"
    # offline relay, sponsored
    p_off = np.asarray([P.OFFLINE_P[s] for s in sujet])
    offline = rng.random(n) < p_off
    offline[scam | unoff] = False
    c, a, b, s = P.SPONSORED_CAMPAIGN
    spons = (cid == c) & (day >= day_of(a)) & (day <= day_of(b)) & (sujet == s)
    spons |= (rng.random(n) < P.SPONSORED_RANDOM_P) & (kind != "ambassadeur") & (arch != "U")
    # k-th post of the same account on the same day (§4.1c)
    k = pd.DataFrame({"a": acc, "d": day}).groupby(["a", "d"], sort=False).cumcount().to_numpy() + 1
    return pd.DataFrame(
        {
            "acc": acc,
            "t": t,
            "day": day,
            "compte_id": cid,
            "kind": kind,
            "plateforme": plat,
            "archetype": arch,
            "sujet": sujet,
            "format": fmt,
            "texte": texte,
            "relaie_hors_ligne": offline,
            "sponsorise": spons,
            "k": k,
            "story": story,
        }
    )


# ------------------------------------------------------------------ audience & reach (§4.1)
def habit_matrix(posts: pd.DataFrame, n_acc: int) -> np.ndarray:
    """H[a, d] at the start of day d (§4.1d habit recursion)."""
    posted = np.zeros((n_acc, P.N_DAYS), dtype=bool)
    posted[posts["acc"].to_numpy(), posts["day"].to_numpy()] = True
    H = np.empty((n_acc, P.N_DAYS))
    h = np.full(n_acc, P.HABIT_H0)
    for d in range(P.N_DAYS):
        H[:, d] = h
        h = np.where(posted[:, d], h + P.HABIT_ALPHA * (1 - h), (1 - P.HABIT_DELTA) * h)
    return H


def simulate_audience(rng, meta: pd.DataFrame, posts: pd.DataFrame):
    n_acc = len(meta)
    n = len(posts)
    acc = posts["acc"].to_numpy()
    t = posts["t"].to_numpy()
    day = posts["day"].to_numpy()
    hour = (t % MIN_PER_DAY) // 60
    wd = day % 7
    h = np.asarray(P.AUDIENCE_HOUR)[hour] * np.where(wd >= 5, P.AUDIENCE_WEEKEND, 1.0)
    # account-level organic fraction ρ
    f0 = meta["f0"].to_numpy().astype(float)
    amb = meta["ambassadeur"].to_numpy()
    rho_base = np.where(f0 > 15000, P.RHO_LARGE, P.RHO_INSTITUTION)
    rho_base = np.where(amb, P.RHO_AMBASSADOR, rho_base)
    rho_base = np.where(
        amb & (meta["institution_id"].to_numpy() == P.AMBASSADOR_STORY_INSTITUTION),
        P.RHO_AMBASSADOR_CHU,
        rho_base,
    )
    rho = rho_base * rng.lognormal(0, P.RHO_SIGMA, n_acc)
    topic_r = np.asarray([P.TOPIC_EFFECT[s][0] for s in posts["sujet"]])
    fmt_r = np.asarray([P.FORMAT_EFFECT[f][0] for f in posts["format"]])
    q = rng.lognormal(0, P.QUALITY_SIGMA, n)
    eps = rng.lognormal(0, P.NOISE_SIGMA, n)
    story = posts["story"].to_numpy()
    boost = np.ones(n)
    boost[np.char.endswith(story.astype(str), "-reply")] = 4.0
    boost[np.char.endswith(story.astype(str), "-trigger")] = 5.0
    boost[story == "IMPOSTOR-warning"] = 6.0
    scam = posts["compte_id"].to_numpy() == P.IMPOSTOR["compte"]
    boost[scam] *= 4.0  # "partagez pour gagner" spreads beyond followers
    spons = np.where(posts["sponsorise"].to_numpy(), P.SPONSORED_REACH_MULT, 1.0)
    static = (
        rho[acc]
        * h
        * q
        * eps
        * topic_r
        * fmt_r
        * boost
        * spons
        * posts["k"].to_numpy().astype(float) ** (-P.FATIGUE_GAMMA)
    )
    H = habit_matrix(posts, n_acc)
    # follower loop over days (vectorised over accounts)
    order = np.argsort(day, kind="stable")
    bounds = np.searchsorted(day[order], np.arange(P.N_DAYS + 1))
    F = f0.copy()
    created = np.asarray([day_of(c) if c >= P.START else -1 for c in meta["cree_le"]])
    reach = np.zeros(n)
    ab = np.zeros((n_acc, P.N_DAYS), dtype=np.int64)
    new = np.zeros((n_acc, P.N_DAYS), dtype=np.int64)
    lost = np.zeros((n_acc, P.N_DAYS), dtype=np.int64)
    seed = np.zeros(n_acc)
    cid_index = {c: i for i, c in enumerate(meta["compte_id"])}
    for c, s in P.CREATION_SEED.items():
        seed[cid_index[c]] = s
    c_f = np.where(amb, P.FOLLOW_PER_REACH_AMBASSADOR, P.FOLLOW_PER_REACH)
    for d in range(P.N_DAYS):
        rows = order[bounds[d] : bounds[d + 1]]
        a = acc[rows]
        r = np.maximum(1.0, F[a] * static[rows] * (1 + P.HABIT_KAPPA * H[a, d]))
        reach[rows] = r
        rsum = np.bincount(a, weights=r, minlength=n_acc)
        kday = np.bincount(a, minlength=n_acc)
        alive = created <= d
        lam = (F * P.DISCOVERY_DAILY + c_f * rsum + np.where(created == d, seed, 0.0)) * alive
        nw = rng.poisson(lam)
        churn_p = P.CHURN_DAILY + P.CHURN_FATIGUE * np.maximum(0, kday - P.CHURN_K_STAR)
        ls = rng.binomial(F.astype(np.int64), np.minimum(churn_p, 0.5))
        F = F + nw - ls
        new[:, d], lost[:, d], ab[:, d] = nw, ls, F
    return reach, h, ab, new, lost


def engagement(rng, meta: pd.DataFrame, posts: pd.DataFrame, reach: np.ndarray, h: np.ndarray):
    n = len(posts)
    acc = posts["acc"].to_numpy()
    topic_e = np.asarray([P.TOPIC_EFFECT[s][1] for s in posts["sujet"]])
    fmt_e = np.asarray([P.FORMAT_EFFECT[f][1] for f in posts["format"]])
    plat_e = np.asarray([P.PLATFORM_ER_MULT[p] for p in posts["plateforme"]])
    amb = np.where(meta["ambassadeur"].to_numpy()[acc], P.AMBASSADOR_ER_MULT, 1.0)
    base = topic_e * fmt_e * plat_e * amb * h**P.AUDIENCE_ER_EXPONENT

    def nb(rate):
        g = rng.gamma(P.NB_SHAPE, 1.0 / P.NB_SHAPE, n)
        return rng.poisson(reach * rate * g)

    reactions = nb(P.RATE_REACTIONS * base)
    story = posts["story"].to_numpy().astype(str)
    scam = posts["compte_id"].to_numpy() == P.IMPOSTOR["compte"]
    crate = P.RATE_COMMENTS * base * np.where(scam, 4.0, 1.0)
    comments = nb(crate)
    shares = nb(P.RATE_SHARES * base * np.where(scam, 12.0, 1.0))
    link = posts["format"].to_numpy() == "lien"
    clicks = nb(np.where(link, P.RATE_CLICKS_LINK, P.RATE_CLICKS_OTHER) * np.sqrt(base))
    comments[np.char.endswith(story, "-trigger") | np.char.endswith(story, "-reply")] = 0
    return reactions, comments, shares, clicks


# ------------------------------------------------------------------ business calendars (§5.5)
def open_cumsum(kind: str) -> np.ndarray:
    days_open, t_open, t_close = P.SCHEDULES[kind]
    n_days = P.N_DAYS + 60
    d = np.arange(n_days)
    is_open = np.asarray(days_open, dtype=bool)[d % 7]
    if kind == "bureau":
        hol = np.asarray([day_of(x) for x in P.HOLIDAYS])
        is_open[hol] = False
    m = np.arange(MIN_PER_DAY)
    in_hours = (m >= t_open) & (m < t_close)
    grid = is_open[:, None] & in_hours[None, :]
    return np.cumsum(grid.ravel()).astype(np.int64)


def business_add(cum: np.ndarray, t: np.ndarray, delay: np.ndarray) -> np.ndarray:
    target = cum[t] + np.maximum(1, np.round(delay)).astype(np.int64)
    return np.searchsorted(cum, target, side="left")


# ------------------------------------------------------------------ comments (§5.3–5.5)
def draw_categories(rng, mix_id: np.ndarray, mixes: list[list[float]]) -> np.ndarray:
    table = np.asarray(mixes, dtype=float)
    table = table / table.sum(axis=1, keepdims=True)
    cdf = np.cumsum(table, axis=1)[mix_id]
    u = rng.random(len(mix_id))
    return np.minimum((u[:, None] > cdf).sum(axis=1), len(CATS) - 1)


def crisis_times(rng, b: dict, n: int) -> np.ndarray:
    """Sample n event times (minutes) from the piecewise-exponential intensity of §4.2c."""
    t0 = minute_of(b["start"])
    tr = b["reply_delay_h"] * 60
    grid = np.arange(0, 45 * MIN_PER_DAY)
    lam = np.where(
        grid < tr,
        np.exp(-grid / (b["tau0_h"] * 60)),
        np.exp(-tr / (b["tau0_h"] * 60)) * (1 - b["e"]) * np.exp(-(grid - tr) / (b["tau1_h"] * 60)),
    )
    cdf = np.cumsum(lam)
    cdf /= cdf[-1]
    off = np.searchsorted(cdf, rng.random(n))
    return np.minimum(t0 + off, END_MIN)


def build_comments(rng, meta, inst, posts, counts):
    n_post = len(posts)
    acc_of_post = posts["acc"].to_numpy()
    t_post = posts["t"].to_numpy()
    story = posts["story"].to_numpy().astype(str)
    pid_idx = np.arange(n_post)
    # ---- ordinary comments
    pi = np.repeat(pid_idx, counts)
    n = len(pi)
    delay = rng.lognormal(np.log(P.COMMENT_DELAY_MEDIAN_MIN), P.COMMENT_DELAY_SIGMA, n)
    tc = t_post[pi] + np.maximum(P.COMMENT_MIN_DELAY, np.round(delay)).astype(np.int64)
    late = tc > END_MIN
    room = END_MIN - t_post[pi][late]
    tc[late] = t_post[pi][late] + np.maximum(1, (rng.random(late.sum()) * room).astype(np.int64))
    kind = meta["kind"].to_numpy()[acc_of_post[pi]]
    sujet = posts["sujet"].to_numpy()[pi]
    culture = np.isin(kind, ["bibliotheque", "centre_culturel", "office_tourisme"]) | (
        sujet == "evenement_culture"
    )
    mix = np.where(culture, 1, 0)
    inst_of_acc = meta["institution_id"].to_numpy()
    in_crisis = np.zeros(n, dtype=bool)
    for b in P.BUZZ:
        t0 = minute_of(b["start"])
        dur = (b["reply_delay_h"] + 3 * b["tau1_h"]) * 60
        in_crisis |= (
            (inst_of_acc[acc_of_post[pi]] == b["institution"])
            & (tc >= t0)
            & (tc <= t0 + dur)
            & (rng.random(n) < 0.6)
        )
    mix = np.where(in_crisis, 2, mix)
    scam = meta["compte_id"].to_numpy()[acc_of_post[pi]] == P.IMPOSTOR["compte"]
    mix = np.where(scam, 3, mix)
    cat = draw_categories(
        rng, mix, [P.CAT_MIX_SERVICE, P.CAT_MIX_CULTURE, P.CAT_MIX_CRISIS, P.CAT_MIX_SCAM]
    )
    ordinary = pd.DataFrame({"pi": pi, "t": tc, "cat": cat, "special": "", "scam": scam})
    # ---- bad-buzz comments on trigger/reply posts
    parts = [ordinary]
    for b in P.BUZZ:
        trig = np.flatnonzero(story == f"{b['id']}-trigger")[0]
        rep = np.flatnonzero(story == f"{b['id']}-reply")[0]
        tt = np.sort(crisis_times(rng, b, b["n_comments"]))
        tr = t_post[rep]
        on_reply = (tt > tr) & (rng.random(tt.size) < 0.35)
        tt = np.where(tt <= t_post[trig], t_post[trig] + 5, tt)
        cat_b = draw_categories(rng, np.zeros(tt.size, dtype=int), [P.CAT_MIX_CRISIS])
        parts.append(
            pd.DataFrame(
                {
                    "pi": np.where(on_reply, rep, trig),
                    "t": tt,
                    "cat": cat_b,
                    "special": b["id"],
                    "scam": False,
                }
            )
        )
    # ---- story b: unanswered questions on the dormant page after its last post
    dcid = P.DORMANT_STORY["compte"]
    dacc = int(np.flatnonzero(meta["compte_id"].to_numpy() == dcid)[0])
    drows = np.flatnonzero(acc_of_post == dacc)
    last = drows[np.argsort(t_post[drows])][-10:]
    nq = P.DORMANT_STORY["n_late_questions"]
    lo = t_post[last].max() + 3 * MIN_PER_DAY
    tq = np.sort(rng.integers(lo, END_MIN, nq))
    parts.append(
        pd.DataFrame(
            {
                "pi": rng.choice(last, nq),
                "t": tq,
                "cat": np.zeros(nq, dtype=int),
                "special": "DORMANT",
                "scam": False,
            }
        )
    )
    com = pd.concat(parts, ignore_index=True)
    com = com.sort_values(["pi", "t"], kind="stable").reset_index(drop=True)
    n = len(com)
    pi = com["pi"].to_numpy()
    tc = com["t"].to_numpy()
    cat = com["cat"].to_numpy()
    special = com["special"].to_numpy().astype(str)
    cat_name = np.asarray(CATS, dtype=object)[cat]
    acc = acc_of_post[pi]
    sujet = posts["sujet"].to_numpy()[pi]
    # ---- texts
    slots = text_slots(rng, n, tc)
    objet = np.empty(n, dtype=object)
    for s in TOPICS:
        rows = np.flatnonzero(sujet == s)
        objet[rows] = np.asarray(OBJET[s], dtype=object)[rng.integers(0, len(OBJET[s]), rows.size)]
    slots["objet"] = objet
    group = cat_name.copy()
    table = {c: COMMENTS[c] for c in CATS}
    for bid, d in CRISIS_COMMENTS.items():
        for c, tpls in d.items():
            table[f"{bid}|{c}"] = tpls
            group[(special == bid) & (cat_name == c)] = f"{bid}|{c}"
    for c, tpls in SCAM_COMMENTS.items():
        table[f"SCAM|{c}"] = tpls
        group[com["scam"].to_numpy() & (cat_name == c)] = f"SCAM|{c}"
    table["DORMANT"] = LATE_DORMANT_QUESTIONS
    group[special == "DORMANT"] = "DORMANT"
    texte = fill_grouped(group, table, rng, slots)
    # ---- sentiment
    mu = np.asarray([P.SENTIMENT[c][0] for c in CATS])[cat]
    sd = np.asarray([P.SENTIMENT[c][1] for c in CATS])[cat]
    sentiment = np.round(np.clip(rng.normal(mu, sd), -1, 1), 2)
    sentiment = np.where(sentiment == 0, 0.0, sentiment)  # no "-0.0"
    # ---- needs reply
    needs = np.isin(cat_name, ["question", "plainte", "desinformation"]) | (
        (cat_name == "suggestion") & (rng.random(n) < P.SUGGESTION_NEEDS_REPLY_P)
    )
    # ---- replies (§5.5)
    staffing = dict((r[0], r[6]) for r in P.INSTITUTIONS)
    inst_id = inst_of_acc[acc]
    amb = meta["ambassadeur"].to_numpy()[acc]
    arch = meta["archetype"].to_numpy()[acc]
    p_cat = np.asarray([P.P_REPLY[c] for c in CATS])[cat]
    p = np.where(
        amb,
        P.P_REPLY_AMBASSADOR * (p_cat > 0.1),
        np.minimum(0.95, p_cat * np.asarray([staffing[i] for i in inst_id])),
    )
    # monitoring stops some days after the account's last post before the comment
    key_posts = acc_of_post.astype(np.int64) * 10**7 + t_post
    order = np.sort(key_posts)
    last_post = order[np.searchsorted(order, acc.astype(np.int64) * 10**7 + tc, side="right") - 1]
    last_post = last_post - acc.astype(np.int64) * 10**7
    watched = tc - last_post <= P.MONITORING_STOPS_AFTER_LAST_POST_DAYS * MIN_PER_DAY
    p = np.where(watched & (arch != "U") & (arch != "V"), p, 0.0)
    p = np.where(special == "DORMANT", 0.0, p)
    p = np.where(com["scam"].to_numpy(), 0.0, p)
    replied = rng.random(n) < p
    med = np.asarray([P.REPLY_MEDIAN_BUSINESS_MIN[i] for i in inst_id], dtype=float)
    d_bus = rng.lognormal(np.log(med), P.REPLY_SIGMA)
    t_rep = np.full(n, -1, dtype=np.int64)
    for sched_name in sorted(P.SCHEDULES):
        cum = open_cumsum(sched_name)
        if sched_name == "humain":
            rows = amb
        else:
            sch = np.asarray([P.SCHEDULE_OF_INSTITUTION.get(i, "bureau") for i in inst_id])
            rows = (sch == sched_name) & ~amb
        rows = np.flatnonzero(rows & replied & (special == ""))
        t_rep[rows] = business_add(cum, tc[rows], d_bus[rows])
    # bad-buzz replies: timing and tone per episode
    tone_of = {}
    for b in P.BUZZ:
        rows = np.flatnonzero(special == b["id"])
        tr = minute_of(b["start"]) + int(round(b["reply_delay_h"] * 60))
        nr = rows.size
        cat_r = cat_name[rows]
        target = np.isin(cat_r, ["question", "plainte", "desinformation"])
        if b["tone"] == "transparent":
            pr, wait = 0.85, rng.lognormal(np.log(35), 0.6, nr)
        elif b["tone"] == "defensif":
            pr, wait = 0.3, rng.lognormal(np.log(240), 1.0, nr)
        else:
            pr, wait = 0.7, rng.lognormal(np.log(90), 0.8, nr)
        rep = target & (rng.random(nr) < pr)
        when = np.maximum(tc[rows], tr) + np.maximum(3, np.round(wait)).astype(np.int64)
        when = np.where(tc[rows] < tr, tr + (np.round(wait) % 180).astype(np.int64), when)
        replied[rows] = rep
        t_rep[rows] = np.where(rep, when, -1)
        tone_of[b["id"]] = b["tone"]
    replied &= (t_rep > tc) & (t_rep <= END_MIN)
    # reply texts
    rgroup = np.where(amb, np.char.add("AMB|", cat_name.astype(str)).astype(object), cat_name)
    rtable = {c: REPLIES[c] for c in CATS}
    rtable.update({f"AMB|{c}": REPLIES_AMBASSADOR[c] for c in CATS})
    for bid, tone in tone_of.items():
        rtable[f"TONE|{tone}"] = CRISIS_REPLIES[tone]
        rgroup = np.where(special == bid, f"TONE|{tone}", rgroup)
    rtexte = fill_grouped(rgroup.astype(object), rtable, rng, slots)
    # moderation
    charte = meta["charte"].to_numpy()[acc]
    mod = np.full(n, "aucune", dtype=object)
    u = rng.random(n)
    for c, (pm, ps) in P.MODERATION.items():
        f = np.where(charte, 1.0, P.MODERATION_NO_CHARTER)
        rows = (cat_name == c) & (arch != "U")
        mod[rows & (u < ps * f)] = "supprime"
        mod[rows & (u >= ps * f) & (u < (ps + pm) * f)] = "masque"
    # authors: Zipf activity (§5.4)
    w = 1.0 / np.arange(1, P.N_AUTHORS + 1) ** P.ZIPF_EXPONENT
    perm = rng.permutation(P.N_AUTHORS)
    auteur = perm[rng.choice(P.N_AUTHORS, n, p=w / w.sum())]
    out = pd.DataFrame(
        {
            "commentaire_id": [f"M{i:06d}" for i in range(1, n + 1)],
            "publication_id": posts["publication_id"].to_numpy()[pi],
            "compte_id": posts["compte_id"].to_numpy()[pi],
            "auteur_id": np.char.add("U", np.char.zfill((auteur + 1).astype(str), 5)),
            "cree_le": iso(tc),
            "categorie": cat_name,
            "sentiment": sentiment,
            "texte": texte,
            "necessite_reponse": needs,
            "repondu_le": np.where(replied, iso(np.where(replied, t_rep, 0)), None),
            "reponse_texte": np.where(replied, rtexte, None),
            "action_moderation": mod,
        }
    )
    per_post = np.bincount(pi, minlength=n_post)
    return out, per_post


# ------------------------------------------------------------------ mentions (§1.4, §4.2)
def build_mentions(rng, inst: pd.DataFrame) -> pd.DataFrame:
    parts = []
    hour_w = np.asarray(P.AUDIENCE_HOUR)
    hour_w = hour_w / hour_w.sum()
    for iid in inst["institution_id"]:
        n = int(rng.poisson(P.MENTION_BASE_PER_DAY[iid] * P.N_DAYS))
        d = rng.integers(0, P.N_DAYS, n)
        t = d * MIN_PER_DAY + rng.choice(24, n, p=hour_w) * 60 + rng.integers(0, 60, n)
        sent = rng.normal(*P.MENTION_SENTIMENT_BASE, n)
        parts.append(pd.DataFrame({"t": t, "iid": iid, "sent": sent, "crisis": "", "seed": False}))
    for b in P.BUZZ:
        n = b["n_mentions"]
        t = np.sort(crisis_times(rng, b, n))
        sent = rng.normal(*P.MENTION_SENTIMENT_CRISIS, n)
        tr = minute_of(b["start"]) + b["reply_delay_h"] * 60
        if b["tone"] != "defensif":  # a transparent or apologetic reply earns some praise
            praise = (t > tr) & (rng.random(n) < 0.25)
            sent = np.where(praise, rng.normal(0.45, 0.2, n), sent)
        seed = np.zeros(n, dtype=bool)
        seed[0] = True
        t[0] = minute_of(b["start"])
        parts.append(
            pd.DataFrame(
                {"t": t, "iid": b["institution"], "sent": sent, "crisis": b["id"], "seed": seed}
            )
        )
    # impostor warnings by citizens
    t0 = minute_of(P.IMPOSTOR["warning"]) - 2 * MIN_PER_DAY
    n = 30
    t = t0 + np.sort(rng.exponential(3 * MIN_PER_DAY, n)).astype(np.int64)
    parts.append(
        pd.DataFrame(
            {
                "t": t,
                "iid": "I01",
                "sent": rng.normal(-0.3, 0.2, n),
                "crisis": "IMPOSTOR",
                "seed": False,
            }
        )
    )
    m = pd.concat(parts, ignore_index=True)
    m["t"] = m["t"].clip(upper=END_MIN)
    m = m.sort_values(["t", "iid"], kind="stable").reset_index(drop=True)
    n = len(m)
    crisis = m["crisis"].to_numpy().astype(str)
    src_keys = list(P.SOURCE_MIX)
    sw = np.asarray([P.SOURCE_MIX[k] for k in src_keys])
    src = np.asarray(src_keys, dtype=object)[rng.choice(len(src_keys), n, p=sw)]
    seed = m["seed"].to_numpy()
    seed_src = {b["id"]: b["seed_source"] for b in P.BUZZ}
    for bid, s in seed_src.items():
        src[seed & (crisis == bid)] = s
    med = np.asarray([P.SOURCE_FOLLOWERS[s][0] for s in src], dtype=float)
    sig = np.asarray([P.SOURCE_FOLLOWERS[s][1] for s in src])
    followers = np.round(rng.lognormal(np.log(med), sig)).astype(np.int64)
    followers[seed] = np.maximum(followers[seed], 25000)
    plat_keys = list(P.MENTION_PLATFORM_MIX)
    pw = np.asarray([P.MENTION_PLATFORM_MIX[k] for k in plat_keys])
    plat = np.asarray(plat_keys, dtype=object)[rng.choice(len(plat_keys), n, p=pw)]
    plat[seed & (crisis == "BUZZ-1")] = "instagram"
    sent = np.round(np.clip(m["sent"].to_numpy(), -1, 1), 2)
    sent = np.where(sent == 0, 0.0, sent)
    p_share = np.where(crisis != "", P.MENTION_RESHARE_P[1], P.MENTION_RESHARE_P[0])
    share = (rng.random(n) < p_share) & ~seed
    # texts
    nom = dict(zip(inst["institution_id"], inst["nom"], strict=True))
    slots = {"nom": np.asarray([nom[i] for i in m["iid"]], dtype=object)}
    group = np.where(sent > 0.25, "pos", np.where(sent < P.NEGATIVE_THRESHOLD, "neg", "neu"))
    group = group.astype(object)
    table = dict(MENTIONS)
    for bid, tpls in CRISIS_MENTIONS.items():
        table[bid] = tpls
        group[crisis == bid] = bid
    texte = fill_grouped(group, table, rng, slots)
    return pd.DataFrame(
        {
            "mention_id": [f"N{i:05d}" for i in range(1, n + 1)],
            "publiee_le": iso(m["t"].to_numpy()),
            "institution_id": m["iid"].to_numpy(),
            "plateforme": plat,
            "source_type": src,
            "abonnes_source": followers,
            "sentiment": sent,
            "est_partage": share,
            "texte": texte,
        }
    )


# ------------------------------------------------------------------ main
def write(df: pd.DataFrame, name: str, out: Path) -> None:
    df = df[columns(name)]
    df.to_csv(out / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
    log(f"{name}… {fmt_int(len(df))} lignes")


def generate(out: Path) -> None:
    rng = np.random.default_rng(P.SEED)
    r_sched, r_aud, r_eng, r_com, r_men = rng.spawn(5)
    inst = build_institutions()
    comptes, meta = build_accounts()
    meta["cree_le"] = comptes["cree_le"].to_numpy()
    posts = build_posts(r_sched, meta, inst)
    posts = posts.sort_values(["t", "acc"], kind="stable").reset_index(drop=True)
    posts["publication_id"] = [f"P{i:06d}" for i in range(1, len(posts) + 1)]
    reach, h, ab, new, lost = simulate_audience(r_aud, meta, posts)
    reactions, n_com, shares, clicks = engagement(r_eng, meta, posts, reach, h)
    comments, per_post = build_comments(r_com, meta, inst, posts, n_com)
    mentions = build_mentions(r_men, inst)
    # publications table
    imp = np.round(reach * r_eng.uniform(*P.IMPRESSIONS_PER_REACH, len(posts)))
    pub = pd.DataFrame(
        {
            "publication_id": posts["publication_id"],
            "compte_id": posts["compte_id"],
            "publie_le": iso(posts["t"].to_numpy()),
            "sujet": posts["sujet"],
            "format": posts["format"],
            "texte": posts["texte"],
            "relaie_hors_ligne": posts["relaie_hors_ligne"],
            "sponsorise": posts["sponsorise"],
            "abonnes_au_moment": ab[posts["acc"].to_numpy(), posts["day"].to_numpy()],
            "portee": np.round(reach).astype(np.int64),
            "impressions": np.maximum(imp, np.round(reach)).astype(np.int64),
            "reactions": reactions,
            "commentaires": per_post,
            "partages": shares,
            "clics": clicks,
        }
    )
    dates = (START_TS + pd.to_timedelta(np.arange(P.N_DAYS), unit="D")).strftime("%Y-%m-%d")
    n_acc = len(meta)
    abonnes = pd.DataFrame(
        {
            "date": np.tile(np.asarray(dates), n_acc),
            "compte_id": np.repeat(meta["compte_id"].to_numpy(), P.N_DAYS),
            "abonnes": ab.ravel(),
            "nouveaux": new.ravel(),
            "desabonnements": lost.ravel(),
        }
    )
    out.mkdir(parents=True, exist_ok=True)
    write(inst, "institutions", out)
    write(comptes, "comptes", out)
    write(pub, "publications", out)
    write(comments, "commentaires", out)
    write(abonnes, "abonnes", out)
    write(mentions, "mentions", out)


def check(folder: Path) -> int:
    """Regenerate into a temporary folder; 1 (and the file names) if ``folder`` differs."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        fresh = sorted(p.name for p in Path(tmp).glob("*.csv"))
        committed = sorted(p.name for p in folder.glob("*.csv"))
        stale = sorted(set(fresh) ^ set(committed))
        stale += [
            name
            for name in sorted(set(fresh) & set(committed))
            if (Path(tmp) / name).read_bytes() != (folder / name).read_bytes()
        ]
    if stale:
        print("datasets/ n'est pas à jour par rapport au générateur ; lancez `make data` :")
        print("\n".join(f"  {name}" for name in stale))
        return 1
    print(f"datasets/ à jour ({len(fresh)} fichiers identiques au générateur)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Génère le jeu de données synthétique du kit.")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "datasets", help="dossier de sortie (défaut : datasets/)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="régénère dans un dossier temporaire et compare avec --out",
    )
    args = parser.parse_args(argv)
    if args.check:
        return check(args.out)
    t0 = time.perf_counter()
    generate(args.out)
    log(f"terminé en {time.perf_counter() - t0:.1f} s → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
