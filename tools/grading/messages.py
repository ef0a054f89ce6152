"""French texts shown to the instructor and trainees: flags, problems, hints."""

from __future__ import annotations

# code -> (short label for the summary table, full French reason for CSV / feedback)
FLAGS: dict[str, tuple[str, str]] = {
    # Runtime detections (the guard or the execution found it).
    "transformateurs": (
        "transformateurs IPython",
        "Modification des transformateurs d'entrée IPython (input_transformers / "
        "ast_transformers) : les cellules de test concernées valent 0.",
    ),
    "gestionnaire_exceptions": (
        "set_custom_exc",
        "Gestionnaire d'exceptions personnalisé (set_custom_exc) : les cellules de test "
        "concernées valent 0.",
    ),
    "showtraceback": (
        "showtraceback modifié",
        "Remplacement de showtraceback (masquage des erreurs) : les cellules de test "
        "concernées valent 0.",
    ),
    "shell": (
        "shell IPython modifié",
        "Méthodes du shell ou du noyau IPython remplacées (run_cell, user_expressions…) : "
        "les cellules de test concernées valent 0.",
    ),
    "evenements": (
        "événements IPython",
        "Fonctions ajoutées aux événements IPython (pre_run_cell…) : les cellules de test "
        "concernées valent 0.",
    ),
    "builtins": (
        "built-ins remplacés",
        "Fonctions natives de Python remplacées (isinstance, type, AssertionError…) : les "
        "cellules de test concernées valent 0.",
    ),
    "verificateur": (
        "vérificateur modifié",
        "Fonctions de vérification (socialkit.check) remplacées ou masquées : les cellules "
        "de test concernées valent 0.",
    ),
    "trace": (
        "settrace/setprofile",
        "Traçage Python installé (sys.settrace / sys.setprofile) : les cellules de test "
        "concernées valent 0.",
    ),
    "garde": (
        "garde injoignable",
        "Le contrôle d'intégrité n'a pas pu s'exécuter avant ou après un test (environnement "
        "altéré) : les cellules de test concernées valent 0.",
    ),
    "sys_exit": (
        "sys.exit",
        "Appel à sys.exit / SystemExit pendant l'exécution : la cellule a échoué.",
    ),
    "noyau_arrete": (
        "noyau arrêté",
        "Le noyau Python s'est arrêté pendant l'exécution (os._exit, plantage ou mémoire "
        "épuisée) : les tests non exécutés valent 0.",
    ),
    "delai_depasse": (
        "délai dépassé",
        "Une cellule a dépassé le délai d'exécution (boucle infinie ?) et a été interrompue.",
    ),
    "test_modifie": (
        "test modifié",
        "Cellule de test modifiée : elle a été restaurée depuis le gradebook et notée.",
    ),
    "test_supprime": (
        "test supprimé",
        "Cellule de test supprimée : elle a été restaurée depuis le gradebook et notée.",
    ),
    "test_sans_metadonnees": (
        "test sans métadonnées",
        "Cellule de test privée de ses métadonnées nbgrader (copier-coller, autre éditeur) : "
        "l'original a été restauré depuis le gradebook et noté.",
    ),
    "cellule_restauree": (
        "cellule restaurée",
        "Cellule en lecture seule supprimée ou modifiée : restaurée depuis le gradebook.",
    ),
    "sortie_volumineuse": (
        "sortie volumineuse",
        "Sorties gigantesques : elles ont été supprimées ou tronquées avant la correction.",
    ),
    "fichiers_en_trop": (
        "fichiers en trop",
        "Fichiers supplémentaires dans la remise : ignorés pour la correction.",
    ),
    # Static scan of the trainee's own code (suspicion, no effect on the score by itself).
    "code_transformateurs": (
        "code : input_transformers",
        "Code suspect : manipulation des transformateurs IPython (input_transformers / "
        "ast_transformers).",
    ),
    "code_custom_exc": (
        "code : set_custom_exc",
        "Code suspect : set_custom_exc / custom_exceptions.",
    ),
    "code_showtraceback": ("code : showtraceback", "Code suspect : showtraceback."),
    "code_os_exit": ("code : os._exit", "Code suspect : os._exit (arrêt brutal du noyau)."),
    "code_sys_exit": ("code : sys.exit", "Code suspect : sys.exit / SystemExit / exit()."),
    "code_eq": (
        "code : __eq__",
        "Code suspect : redéfinition de __eq__ (objet « toujours égal » ?).",
    ),
    "code_sous_classe": (
        "code : sous-classe",
        "Code suspect : sous-classe d'un type natif (int, float, str…) ou pandas.",
    ),
    "code_verificateur": (
        "code : vérificateur",
        "Code suspect : redéfinition des fonctions de vérification (check_…, Incorrect).",
    ),
    "code_evenements": ("code : événements", "Code suspect : get_ipython().events."),
    "code_trace": ("code : settrace", "Code suspect : sys.settrace / sys.setprofile."),
    "code_builtins": ("code : builtins", "Code suspect : modification du module builtins."),
    # Problems with the submitted file (the whole notebook scores 0).
    "notebook_manquant": (
        "notebook manquant",
        "Notebook manquant dans la remise : 0 à toutes les questions automatiques.",
    ),
    "fichier_vide": ("fichier vide", "Le fichier remis est vide : 0 à toutes les questions."),
    "json_invalide": (
        "JSON invalide",
        "Le fichier remis n'est pas un notebook lisible (JSON invalide) : 0 à toutes les "
        "questions. Demandez à la personne de renvoyer le fichier .ipynb.",
    ),
    "format_invalide": (
        "format de notebook invalide",
        "Version ou structure de notebook non prise en charge : 0 à toutes les questions. "
        "Demandez un export .ipynb depuis JupyterLab.",
    ),
    "fichier_trop_gros": (
        "fichier trop gros",
        "Fichier remis trop volumineux pour être corrigé : 0 à toutes les questions.",
    ),
    "erreur_interne": (
        "erreur interne",
        "Erreur interne du correcteur (pas de la faute de la personne) : à corriger à la main.",
    ),
}

FILE_PROBLEMS = {
    "notebook_manquant",
    "fichier_vide",
    "json_invalide",
    "format_invalide",
    "fichier_trop_gros",
}


def flag_label(code: str) -> str:
    return FLAGS.get(code.split(":")[0], (code, code))[0]


def flag_message(code: str) -> str:
    return FLAGS.get(code.split(":")[0], (code, code))[1]


# Hints by exception name, used when the test message carries no « Piste : ».
HINTS_BY_ERROR = {
    "NotImplementedError": "Vous n'avez pas encore répondu : remplacez les lignes « # VOTRE CODE "
    "ICI » et « raise NotImplementedError(...) » par votre réponse.",
    "NameError": "Une variable ou une fonction n'existe pas : exécutez toutes les cellules dans "
    "l'ordre et vérifiez l'orthographe des noms demandés.",
    "CellTimeoutError": "Votre code met trop de temps : cherchez une boucle qui ne s'arrête "
    "jamais.",
    "SystemExit": "N'appelez pas sys.exit() ni exit() dans un notebook.",
    "TypeError": "Un objet n'a pas le bon type : affichez-le avec print(type(...)).",
    "KeyError": "Une clé ou une colonne n'existe pas : vérifiez les noms avec df.columns.",
    "DeadKernel": "Le noyau s'est arrêté : n'utilisez pas os._exit() et surveillez la mémoire.",
}
DEFAULT_HINT = "Relisez la consigne, puis testez votre code pas à pas avec print()."
