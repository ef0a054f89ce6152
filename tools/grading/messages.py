"""French texts shown to the instructor and trainees: flags, problems, hints."""

from __future__ import annotations

# code -> (short label for the summary table, full French reason for CSV / feedback)
FLAGS: dict[str, tuple[str, str]] = {
    # Runtime findings (sandbox, checks).
    "sans_isolation": (
        "SANS bac à sable",
        "Copie corrigée SANS bac à sable (--isolation none) : son code a tourné avec les "
        "droits de la formatrice / du formateur.",
    ),
    "donnee_non_simple": (
        "réponse non simple",
        "Une réponse n'est pas une donnée simple (fonction, objet…) : la question concernée "
        "vaut 0.",
    ),
    "liens_supprimes": (
        "liens supprimés",
        "La copie a créé des liens symboliques ou fichiers spéciaux : ils ont été supprimés "
        "avant les vérifications.",
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
        "Une cellule a dépassé le délai d'exécution (boucle infinie ?) : interrompue, puis le "
        "bac à sable arrêté ; la question concernée et les suivantes valent 0.",
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
    "copie_trop_volumineuse": (
        "copie trop volumineuse",
        "Le code a écrit plus de données que le bac à sable n'en accepte (taille totale de "
        "la copie ou d'un fichier) : l'écriture a échoué, les questions qui en dépendent "
        "valent 0.",
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
    "DonneeNonSimple": "Mettez dans la variable le résultat lui-même (nombre, texte, liste, "
    "tableau pandas…), pas une fonction ni un objet de votre cru.",
}
DEFAULT_HINT = "Relisez la consigne, puis testez votre code pas à pas avec print()."
