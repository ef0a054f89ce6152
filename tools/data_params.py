# ruff: noqa: E501  (account inventory rows are kept one record per two lines)
"""Every parameter of the synthetic sample dataset, in one place.

Each value cites its anchor in /work/shared/reference/domain.md (§ numbers).
[D] = design choice of the domain report, [V]/[S] = empirical anchor there.
The generator (tools/make_data.py) imports this module and nothing else decides numbers.
"""

from __future__ import annotations

# ---------------------------------------------------------------- global
SEED = 20250901  # §8 "Reproducibility: single numpy.random.default_rng(seed)"
START = "2025-09-01"  # brief: one school/working year, Europe/Brussels
END = "2026-08-31"  # brief: END = 2026-08-31 (365 days)
N_DAYS = 365
TIMEZONE = "Europe/Brussels"  # §8 posts.published_at (Europe/Brussels)

# Belgian public holidays in the period: offices closed (§5.5 "closed evenings/weekends",
# Welsh Gov "not including public holidays" §2.2)
HOLIDAYS = [
    "2025-11-01", "2025-11-11", "2025-12-25", "2026-01-01", "2026-04-06",
    "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21", "2026-08-15",
]

# ---------------------------------------------------------------- institutions (§7 fictional)
# id, nom, type_institution, localite, site_web, population_desservie, staffing
# staffing multiplies P(reply|category): §5.5 "well-staffed vs understaffed scenario"
INSTITUTIONS = [
    ("I01", "Commune de Val-des-Saules", "commune", "Val-des-Saules",
     "https://www.val-des-saules.example", 24300, 1.0),
    ("I02", "CPAS de Val-des-Saules", "cpas", "Val-des-Saules",
     "https://www.cpas-val-des-saules.example", 24300, 0.9),
    ("I03", "SPF Simplification administrative", "service_federal", "Bruxelles",
     "https://www.simplification.fgov.example", 11800000, 1.25),
    ("I04", "Agence régionale de l'Eau et du Climat", "agence_regionale", "Namur",
     "https://www.arec-wallonie.example", 3600000, 0.6),
    ("I05", "CHU de Val-des-Saules", "hopital", "Val-des-Saules",
     "https://www.chu-val-des-saules.example", 185000, 1.1),
    ("I06", "Bibliothèque communale La Plume", "bibliotheque", "Val-des-Saules",
     "https://www.bibliotheque-laplume.example", 24300, 1.0),
    ("I07", "Centre culturel Le Préau", "centre_culturel", "Val-des-Saules",
     "https://www.lepreau.example", 41000, 0.8),
    ("I08", "Office du tourisme de la Vallée de l'Orneau", "office_tourisme", "Mont-Fleury",
     "https://www.vallee-orneau-tourisme.example", 65000, 0.7),
    ("I09", "Zone de police Sambre-Orneau", "zone_police", "Val-des-Saules",
     "https://www.police-sambre-orneau.example", 58000, 0.8),
    ("I10", "Athénée royal des Saules", "ecole", "Val-des-Saules",
     "https://www.athenee-des-saules.example", 1150, 0.35),
    ("I11", "TransOrneau", "transport_public", "Mont-Fleury",
     "https://www.transorneau.example", 210000, 0.9),
    ("I12", "IDÉSA – Intercommunale des déchets Sambre-Orneau", "intercommunale", "Mont-Fleury",
     "https://www.idesa.example", 160000, 0.8),
    ("I13", "Commune de Mont-Fleury", "commune", "Mont-Fleury",
     "https://www.mont-fleury.example", 9800, 0.4),
    ("I14", "CPAS de Mont-Fleury", "cpas", "Mont-Fleury",
     "https://www.cpas-mont-fleury.example", 9800, 0.35),
]

# ---------------------------------------------------------------- accounts (§5.6 archetypes)
# Archetype codes (NOT a column; trainees discover it, answer key reveals it), §5.6:
#   R regular (Poisson 3–7+/week, weekday hours)        target 30–40 %
#   E "à éclipses" on/off Markov (bursts 1–4 wk, silences 1–6 months)  25–35 %
#   D dormant (last post > 90 days before END, DOI 3-month rule §2.3)  15–25 %
#   V forgotten event account / duplicate                               5–10 %
#   U unofficial / impostor (§2.4 line 12 impersonation watch)         1–5 %
# Columns: compte_id, institution_id, plateforme, identifiant, nom_affiche, service,
#   archetype, followers at START (F0), posts per active weekday, profile (posting-time kind),
#   statut_declare, cree_le, nb_admins (None = unknown), admins_profils_personnels, 2FA,
#   charte_moderation, langues
# Followers sized on §2.1 ("commune page with 8 000 followers").
ACCOUNTS = [
    ("C001", "I01", "facebook", "CommuneValDesSaules", "Commune de Val-des-Saules", "Communication",
     "R", 8200, 1.3, "commune", "actif", "2012-03-14", 3, False, True, True, "fr"),
    ("C002", "I01", "instagram", "valdessaules_officiel", "Val-des-Saules", "Communication",
     "R", 3100, 0.9, "commune", "actif", "2017-05-02", 2, False, True, True, "fr"),
    ("C003", "I01", "x", "ValDesSaules", "Commune de Val-des-Saules", "Communication",
     "E", 2400, 1.4, "office", "actif", "2013-09-20", 2, True, False, False, "fr"),
    ("C004", "I01", "youtube", "CommuneValDesSaulesTV", "Val-des-Saules TV", "Secrétariat communal",
     "D", 620, 0.35, "office", "actif", "2020-04-01", 1, True, False, False, "fr"),
    ("C005", "I01", "facebook", "ValDesSaulesJeunesse", "Val-des-Saules Jeunesse", "Jeunesse",
     "E", 1150, 1.0, "commune", "actif", "2016-02-11", 1, True, False, False, "fr"),
    ("C006", "I01", "facebook", "FeteMusiqueVDS2024", "Fête de la musique Val-des-Saules 2024",
     "Événements", "V", 1900, 0.0, "commune", "actif", "2024-03-04", 1, True, False, False, "fr"),
    ("C007", "I01", "facebook", "commune.val.des.saules.concours",
     "Commune de Val des Saules - Concours", "inconnu",
     "U", 0, 1.6, "scam", "non_reference", "2026-02-27", None, False, False, False, "fr"),
    ("C008", "I01", "mastodon", "valdessaules@social.example", "Val-des-Saules", "Communication",
     "D", 180, 0.5, "office", "en_veille", "2022-11-15", 1, True, False, False, "fr"),
    ("C009", "I02", "facebook", "CPASValDesSaules", "CPAS de Val-des-Saules", "Direction générale",
     "R", 2100, 0.85, "office", "actif", "2015-10-05", 2, False, True, True, "fr"),
    ("C010", "I02", "linkedin", "cpas-val-des-saules", "CPAS de Val-des-Saules", "Ressources humaines",
     "E", 700, 0.6, "office", "actif", "2019-01-21", 1, True, False, False, "fr"),
    ("C011", "I03", "facebook", "SPFSimplification", "SPF Simplification administrative",
     "Communication externe", "R", 24000, 1.4, "office", "actif", "2011-06-01", 4, False, True, True,
     "fr;nl;de"),
    ("C012", "I03", "x", "SPFSimplif", "SPF Simplification administrative", "Communication externe",
     "R", 15500, 1.7, "office", "actif", "2010-09-13", 4, False, True, True, "fr;nl"),
    ("C013", "I03", "linkedin", "spf-simplification-administrative",
     "SPF Simplification administrative", "Communication externe",
     "R", 18000, 1.0, "office", "actif", "2014-02-17", 3, False, True, True, "fr;nl;en"),
    ("C014", "I03", "youtube", "SPFSimplificationTV", "SPF Simplification – Tutoriels",
     "Communication externe", "E", 5200, 0.5, "office", "actif", "2016-09-01", 2, False, True, False,
     "fr;nl"),
    ("C015", "I03", "instagram", "spf_simplification", "SPF Simplification", "Communication externe",
     "E", 6100, 0.9, "office", "actif", "2019-03-11", 2, False, True, True, "fr;nl"),
    ("C016", "I03", "mastodon", "spfsimplif@social.example", "SPF Simplification",
     "Communication externe", "D", 900, 0.6, "office", "actif", "2022-05-02", 1, False, True, True,
     "fr;nl"),
    ("C017", "I03", "x", "SPFSimplif_Jobs", "SPF Simplification – Emploi", "Ressources humaines",
     "E", 1200, 0.8, "office", "actif", "2018-04-23", 1, True, False, False, "fr;nl"),
    ("C018", "I04", "facebook", "AREC.eau.climat", "Agence régionale de l'Eau et du Climat",
     "Communication", "R", 7400, 1.2, "office", "actif", "2014-06-16", 2, False, True, True, "fr;de"),
    ("C019", "I04", "x", "AREC_Eau", "AREC – Eau & Climat", "Communication",
     "D", 3300, 0.8, "office", "actif", "2015-01-08", 1, True, False, False, "fr"),
    ("C020", "I04", "linkedin", "arec-eau-climat", "Agence régionale de l'Eau et du Climat",
     "Ressources humaines", "E", 2600, 0.6, "office", "actif", "2018-10-01", 1, True, False, False,
     "fr"),
    ("C021", "I05", "facebook", "CHUValDesSaules", "CHU de Val-des-Saules", "Communication",
     "R", 11800, 1.2, "hospital", "actif", "2012-01-09", 3, False, True, True, "fr"),
    ("C022", "I05", "instagram", "chu_valdessaules", "CHU de Val-des-Saules", "Communication",
     "E", 4300, 0.9, "hospital", "actif", "2018-06-04", 2, False, True, True, "fr"),
    ("C023", "I05", "linkedin", "chu-val-des-saules", "CHU de Val-des-Saules", "Ressources humaines",
     "D", 5200, 0.45, "office", "actif", "2016-03-01", 1, True, False, False, "fr"),
    ("C024", "I05", "facebook", "MaterniteCHUVDS", "Maternité du CHU de Val-des-Saules",
     "Maternité", "V", 1300, 0.0, "hospital", "a_fermer", "2016-05-12", 1, True, False, False, "fr"),
    ("C025", "I06", "facebook", "BibliothequeLaPlume", "Bibliothèque communale La Plume",
     "Bibliothèque", "R", 1400, 1.0, "library", "actif", "2013-11-04", 2, False, True, True, "fr"),
    ("C026", "I06", "instagram", "laplume_biblio", "La Plume – bibliothèque", "Bibliothèque",
     "E", 860, 0.8, "library", "actif", "2020-09-14", 1, True, False, False, "fr"),
    ("C027", "I06", "facebook", "FureurDeLireLaPlume2023", "Fureur de lire à La Plume 2023",
     "Bibliothèque", "V", 420, 0.0, "library", "actif", "2023-09-01", 1, True, False, False, "fr"),
    ("C028", "I07", "facebook", "CentreCulturelLePreau", "Centre culturel Le Préau", "Programmation",
     "R", 3600, 1.0, "culture", "actif", "2011-08-22", 2, False, True, True, "fr"),
    ("C029", "I07", "instagram", "lepreau_cc", "Le Préau", "Programmation",
     "R", 2900, 0.9, "culture", "actif", "2016-10-10", 2, False, True, True, "fr"),
    ("C030", "I07", "youtube", "LePreauVideos", "Le Préau – vidéos", "Programmation",
     "D", 410, 0.3, "culture", "en_veille", "2017-01-30", 1, True, False, False, "fr"),
    ("C031", "I08", "facebook", "ValleeOrneauTourisme", "Vallée de l'Orneau Tourisme", "Promotion",
     "E", 5400, 1.3, "culture", "actif", "2012-05-15", 2, False, True, True, "fr;nl;en"),
    ("C032", "I08", "instagram", "vallee_orneau", "Vallée de l'Orneau", "Promotion",
     "R", 7800, 1.0, "culture", "actif", "2015-04-20", 2, False, True, True, "fr;nl;en"),
    ("C033", "I08", "x", "OrneauTourisme", "Orneau Tourisme", "Promotion",
     "D", 1200, 0.5, "office", "actif", "2014-03-03", 1, True, False, False, "fr"),
    ("C034", "I08", "facebook", "MarcheNoelVDS2025", "Marché de Noël Val-des-Saules 2025",
     "Événements", "V", 0, 1.3, "culture", "actif", "2025-10-20", 1, True, False, False, "fr"),
    ("C035", "I09", "facebook", "PoliceSambreOrneau", "Zone de police Sambre-Orneau",
     "Cellule communication", "R", 14000, 1.0, "police", "actif", "2014-09-01", 3, False, True, True,
     "fr"),
    ("C036", "I09", "x", "PoliceSambreOrn", "Police Sambre-Orneau", "Cellule communication",
     "E", 4100, 1.0, "police", "actif", "2016-02-29", 2, False, True, False, "fr"),
    ("C037", "I09", "facebook", "PoliceSambreOrneauInfo", "Police Sambre-Orneau Info",
     "inconnu", "U", 2300, 0.3, "scam", "non_reference", "2021-06-18", None, True, False, False,
     "fr"),
    ("C038", "I10", "facebook", "AtheneeDesSaules", "Athénée royal des Saules", "Direction",
     "E", 1300, 0.8, "office", "actif", "2015-09-01", 1, True, False, False, "fr"),
    ("C039", "I10", "instagram", "athenee_des_saules", "Athénée des Saules", "Direction",
     "D", 950, 0.6, "office", "actif", "2021-01-11", 1, True, False, False, "fr"),
    ("C040", "I11", "x", "TransOrneau_info", "TransOrneau – Info trafic", "Information voyageurs",
     "R", 6200, 1.7, "transport", "actif", "2013-02-04", 3, False, True, False, "fr"),
    ("C041", "I11", "facebook", "TransOrneau", "TransOrneau", "Communication",
     "R", 4800, 0.8, "transport", "actif", "2014-07-07", 2, False, True, True, "fr"),
    ("C042", "I12", "facebook", "RecyparcsIDESA", "Recyparcs IDÉSA", "Recyparcs",
     "D", 5600, 1.0, "office", "actif", "2017-03-20", 1, True, False, False, "fr"),
    ("C043", "I12", "facebook", "IDESA.intercommunale", "IDÉSA", "Communication",
     "R", 3900, 1.0, "office", "actif", "2012-10-01", 2, False, True, True, "fr"),
    ("C044", "I13", "facebook", "CommuneMontFleury", "Commune de Mont-Fleury", "Secrétariat",
     "E", 2600, 1.0, "commune", "actif", "2014-01-13", 1, True, False, False, "fr"),
    ("C045", "I13", "instagram", "montfleury_commune", "Mont-Fleury", "Secrétariat",
     "D", 700, 0.5, "commune", "actif", "2020-06-01", 1, True, False, False, "fr"),
    ("C046", "I14", "facebook", "CPASMontFleury", "CPAS de Mont-Fleury", "Service social",
     "E", 2000, 0.85, "office", "actif", "2015-11-16", 1, True, False, False, "fr"),
]

# Ambassadors (§2.3 EC staff "ambassadors"; §5.6 "higher ER than institutional (human voice)")
# compte_id, institution_id, plateforme, identifiant, nom_affiche, service, role, F0,
#   posts/day, cree_le
AMBASSADORS = [
    ("C047", "I05", "instagram", "julie.marchal.inf", "Julie Marchal", "Urgences", "employe",
     2400, 0.9, "2016-04-02"),
    ("C048", "I05", "x", "DrTomVerhaegen", "Dr Tom Verhaegen", "Urgences", "employe",
     3800, 1.0, "2012-11-19"),
    ("C049", "I05", "linkedin", "nadia-benali-rh", "Nadia Benali", "Ressources humaines", "rh",
     4100, 0.8, "2011-02-07"),
    ("C050", "I05", "linkedin", "claire-dumont-chu", "Claire Dumont", "Direction médicale",
     "direction", 6200, 0.6, "2010-06-30"),
    ("C051", "I05", "facebook", "kevin.lambert.chu", "Kevin Lambert", "Communication",
     "communication", 1900, 0.9, "2013-08-12"),
    ("C052", "I05", "instagram", "sofia_sagefemme", "Sofia Rinaldi", "Maternité", "employe",
     1500, 0.8, "2018-01-15"),
    ("C053", "I01", "facebook", "philippe.gerard.bourgmestre", "Philippe Gérard", "Collège communal",
     "elu", 5200, 0.4, "2010-03-01"),
    ("C054", "I01", "facebook", "anne.collard.echevine", "Anne Collard", "Collège communal", "elu",
     2100, 0.3, "2012-09-09"),
    ("C055", "I01", "instagram", "max_animateur_vds", "Maxime Dewez", "Jeunesse", "employe",
     900, 0.3, "2019-05-05"),
    ("C056", "I01", "linkedin", "lea-martin-com", "Léa Martin", "Communication", "communication",
     1300, 0.25, "2015-10-10"),
    ("C057", "I03", "linkedin", "marc-dujardin-spf", "Marc Dujardin", "Direction", "direction",
     3500, 0.25, "2011-01-20"),
    ("C058", "I03", "linkedin", "ines-lemaire-rh", "Inès Lemaire", "Ressources humaines", "rh",
     2800, 0.3, "2014-04-14"),
    ("C059", "I03", "x", "yannick_simplif", "Yannick Claes", "Guichet numérique", "employe",
     700, 0.25, "2017-07-07"),
    ("C060", "I03", "x", "SarahVdB_porteparole", "Sarah Vandenberghe", "Communication externe",
     "communication", 4200, 0.3, "2012-12-12"),
    ("C061", "I02", "linkedin", "aurore-pirson-as", "Aurore Pirson", "Service social", "employe",
     600, 0.2, "2016-02-02"),
    ("C062", "I02", "facebook", "catherine.hubert.cpas", "Catherine Hubert", "Conseil de l'action sociale",
     "elu", 1400, 0.25, "2011-05-25"),
    ("C063", "I06", "instagram", "lucie_lit_tout", "Lucie Renard", "Bibliothèque", "employe",
     1100, 0.35, "2017-03-03"),
    ("C064", "I07", "instagram", "hugo_au_preau", "Hugo Lejeune", "Animation", "employe",
     1700, 0.3, "2016-06-06"),
    ("C065", "I09", "facebook", "inspecteur.quartier.vds", "Insp. David Noël", "Proximité",
     "employe", 2600, 0.25, "2018-09-17"),
    ("C066", "I04", "linkedin", "elodie-masson-arec", "Élodie Masson", "Qualité de l'eau",
     "employe", 900, 0.2, "2015-11-11"),
    ("C067", "I08", "instagram", "guide_amandine", "Amandine Thiry", "Accueil", "employe",
     2200, 0.3, "2017-08-08"),
    ("C068", "I10", "facebook", "prof.bertrand.histoire", "Olivier Bertrand", "Enseignement",
     "employe", 500, 0.15, "2013-01-01"),
    ("C069", "I11", "facebook", "chauffeur.samir", "Samir El Amrani", "Exploitation", "employe",
     1200, 0.2, "2014-10-10"),
    ("C070", "I13", "facebook", "isabelle.dubois.mf", "Isabelle Dubois", "Collège communal", "elu",
     1800, 0.25, "2012-02-02"),
]

# ---------------------------------------------------------------- posting processes (§5.1, §5.6)
# Eclipse accounts: on-bursts 7–28 days, silences 30–180 days (§5.6 "bursts 1–4 weeks,
# silences 1–6 months"); probability to start the period "on".
ECLIPSE_ON_DAYS = (7, 28)
ECLIPSE_OFF_DAYS = (30, 180)
ECLIPSE_P_START_ON = 0.35
# Dormant: posts at a reduced cadence then stops; stop date drawn in this window, always
# > 90 days before END (§2.3 DOI 3-month rule, §2.4 line 3)
DORMANT_STOP_WINDOW = ("2025-10-10", "2026-05-15")
DORMANT_RATE_FACTOR = 0.6
# Global cadence scale applied to the per-account rates above, calibrated so that the
# corpus holds ~20 000 posts (brief) while big accounts stay near §2.1 cadences
# (govt FB 0.63/day, IG 1/day; Rival IQ 4.7–5 posts/week; HubSpot >10 k pages 31–60/month)
POST_RATE_SCALE = 2.0
# Fixed windows (stories): see STORIES below
ACTIVE_WINDOWS = {
    "C034": ("2025-11-03", "2025-12-28"),  # Marché de Noël 2025: burst, then forgotten (§5.6 V)
    "C007": ("2026-03-02", "2026-03-24"),  # impostor contest page (§7.7 scenario 5)
    "C042": ("2025-09-01", "2026-01-16"),  # story b: dormant recyparc page (last post)
}

# Weekday weights Mon..Sun per posting profile (§5.1: 85–95 % Mon–Fri; communes 5–15 %
# weekend; hospitals 24/7; libraries Tue–Sat)
WEEKDAY_WEIGHTS = {
    "office": [1.0, 1.0, 1.0, 1.0, 0.95, 0.12, 0.06],
    "commune": [1.0, 1.0, 1.0, 1.0, 0.95, 0.35, 0.25],
    "hospital": [1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.3],
    "library": [0.25, 1.0, 1.0, 1.0, 1.0, 0.75, 0.0],
    "culture": [0.8, 1.0, 1.0, 1.0, 1.0, 0.4, 0.3],
    "police": [1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.25],
    "transport": [1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.2],
    "scam": [1.0, 1.0, 1.0, 1.0, 1.0, 1.2, 1.2],
    "human": [0.9, 0.9, 0.9, 0.9, 1.0, 1.2, 1.3],
}
# Hour weights 0..23 per posting profile (§5.1: peaks 9–10h, 11–12h, 14–16h; 24/7 hospital)
_OFFICE_H = [0, 0, 0, 0, 0, 0, 0, 0.05, 0.6, 3.0, 2.2, 2.6, 0.7, 0.8, 2.6, 2.5, 1.3, 0.35, 0.1,
             0.05, 0.03, 0, 0, 0]
HOUR_WEIGHTS = {
    "office": _OFFICE_H,
    "commune": _OFFICE_H,
    "library": _OFFICE_H,
    "culture": [0, 0, 0, 0, 0, 0, 0, 0.05, 0.5, 2.5, 2.2, 2.4, 0.8, 0.9, 2.4, 2.4, 1.5, 0.6, 0.3,
                0.2, 0.1, 0, 0, 0],
    "police": [0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.2, 0.5, 1.2, 2.6, 2.0, 2.2, 0.8, 0.9, 2.2, 2.1,
               1.2, 0.5, 0.2, 0.15, 0.1, 0.1, 0.08, 0.05],
    "hospital": [0.06, 0.05, 0.04, 0.04, 0.04, 0.05, 0.15, 0.4, 1.0, 2.7, 2.1, 2.4, 0.8, 0.9, 2.3,
                 2.2, 1.2, 0.5, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08],
    "transport": [0, 0, 0, 0, 0, 0.2, 1.3, 1.6, 1.4, 2.2, 1.6, 1.8, 0.6, 0.7, 1.8, 1.8, 1.4, 1.0,
                  0.4, 0.2, 0.1, 0.05, 0, 0],
    "scam": [0.1, 0.05, 0.02, 0.02, 0.02, 0.05, 0.2, 0.5, 0.7, 0.8, 0.9, 1.0, 1.2, 1.2, 1.0, 1.0,
             1.0, 1.2, 1.5, 1.9, 2.2, 2.0, 1.5, 0.6],
    "human": [0.05, 0.02, 0.01, 0.01, 0.01, 0.05, 0.4, 1.4, 1.3, 0.7, 0.6, 0.6, 1.2, 1.1, 0.6, 0.6,
              0.7, 1.0, 1.3, 1.8, 2.0, 1.8, 1.1, 0.4],
}

# Audience activity h(weekday, hour): morning 7–9h and evening 19–22h peaks, weekend uplift
# (§5.1 "24×7 matrix with morning (7–9h) and evening (19–22h) peaks and a weekend uplift")
AUDIENCE_HOUR = [0.25, 0.18, 0.15, 0.15, 0.18, 0.3, 0.7, 1.45, 1.55, 0.95, 0.8, 0.8, 1.05, 1.0,
                 0.75, 0.75, 0.85, 1.0, 1.15, 1.5, 1.7, 1.6, 1.15, 0.55]
AUDIENCE_WEEKEND = 1.3  # §5.1 weekend uplift; Metallo 2020 "off days" more engaging (§4.1c)
AUDIENCE_ER_EXPONENT = 0.5  # active audience also engages a bit more per reached person [D]

# ---------------------------------------------------------------- reach model (§4.1b)
# Reach = F · ρ · h · q · s(k) · (1 + κH) · topic · format · ε
RHO_INSTITUTION = 0.05  # §2.1/§4.1b organic reach ≈ 5 % of followers today
RHO_LARGE = 0.03  # §2.1 Ogilvy: lower for big pages (2 % > 500 k); F > 15 000 here
RHO_SIGMA = 0.25  # account-level dispersion of ρ (log-normal) [D]
RHO_AMBASSADOR = 0.11  # personal accounts: human voice, higher organic share (§5.6) [D]
RHO_AMBASSADOR_CHU = 0.15  # story d: CHU staff voices (very active, well followed) [D]
QUALITY_SIGMA = 0.75  # §4.1b q log-normal median 1, σ≈0.5–0.8 (σ of log reach ≈ 0.6–1.0 §5.2)
NOISE_SIGMA = 0.3  # ε (total log-sd ≈ 0.85, inside §5.2 0.6–1.0)
FATIGUE_GAMMA = 0.8  # §4.1c s(k)=k^−γ, γ≈0.5–0.8 (2^−0.8 = 0.57, Track Social)
HABIT_ALPHA = 0.10  # §4.1d α≈0.05–0.15
HABIT_DELTA = 0.03  # §4.1d δ≈0.02–0.1/day
HABIT_KAPPA = 1.0  # §4.1d κ≈0.5–1
HABIT_H0 = 0.2  # initial habit strength [D]
IMPRESSIONS_PER_REACH = (1.1, 1.6)  # brief; §1.1 impressions ≥ reach
SPONSORED_REACH_MULT = 3.0  # §1.1 "boosted flag for one campaign" [D]
SPONSORED_CAMPAIGN = ("C011", "2026-04-20", "2026-06-05", "demarches_administratives")
SPONSORED_RANDOM_P = 0.002  # sponsorise < 2 % overall (brief)

# Topic effects: (posting weight multipliers are in TOPIC_MIX), (reach mult, engagement mult)
# §5.2 Bonsón 2015: culture/sport most posted but not most engaging; Hu 2018: staff stories
# and pictures engage, hyperlinks less.
TOPIC_EFFECT = {
    "travaux_mobilite": (1.1, 1.0),
    "dechets_environnement": (1.0, 1.0),
    "demarches_administratives": (0.9, 0.85),
    "evenement_culture": (0.9, 0.75),
    "sport_loisirs": (0.85, 0.75),
    "social_sante": (1.0, 1.1),
    "securite_alerte": (1.7, 1.3),
    "vie_democratique": (0.8, 0.9),
    "emploi_recrutement": (1.0, 1.0),
    "coulisses_equipe": (1.2, 1.6),
    "correction_info": (0.8, 0.8),
}
FORMAT_EFFECT = {  # (reach mult, engagement mult) §5.2 Hu et al. 2018
    "texte": (0.85, 0.9),
    "photo": (1.1, 1.25),
    "lien": (0.75, 0.65),
    "video": (1.2, 1.4),
    "carrousel": (1.1, 1.25),
}
FORMAT_MIX = {  # per platform, §1.5 "links and photos most used" (Bonsón 2015)
    "facebook": {"texte": 0.12, "photo": 0.38, "lien": 0.3, "video": 0.1, "carrousel": 0.1},
    "instagram": {"photo": 0.55, "video": 0.2, "carrousel": 0.25},
    "x": {"texte": 0.4, "photo": 0.25, "lien": 0.3, "video": 0.05},
    "linkedin": {"texte": 0.25, "photo": 0.35, "lien": 0.3, "video": 0.05, "carrousel": 0.05},
    "youtube": {"video": 1.0},
    "mastodon": {"texte": 0.45, "photo": 0.2, "lien": 0.35},
}
# Topic mix per institution type (relative weights, order of schema sujet list)
# §5.3 Bellström: infrastructure, sports & leisure, services; §1.5 culture/sport most posted
TOPICS = ["travaux_mobilite", "dechets_environnement", "demarches_administratives",
          "evenement_culture", "sport_loisirs", "social_sante", "securite_alerte",
          "vie_democratique", "emploi_recrutement", "coulisses_equipe", "correction_info"]
TOPIC_MIX = {
    "commune": [14, 12, 12, 20, 12, 6, 5, 7, 4, 6, 2],
    "cpas": [0, 0, 20, 6, 2, 40, 2, 4, 14, 10, 2],
    "service_federal": [0, 0, 52, 2, 0, 6, 6, 4, 14, 12, 4],
    "agence_regionale": [8, 44, 14, 4, 2, 6, 8, 0, 8, 4, 2],
    "hopital": [2, 0, 10, 4, 2, 48, 4, 0, 16, 12, 2],
    "bibliotheque": [0, 0, 10, 66, 4, 4, 0, 0, 2, 12, 2],
    "centre_culturel": [0, 0, 4, 74, 8, 2, 0, 0, 2, 8, 2],
    "office_tourisme": [4, 4, 0, 50, 32, 0, 0, 0, 2, 6, 2],
    "zone_police": [24, 0, 8, 4, 2, 4, 38, 0, 8, 10, 2],
    "ecole": [2, 2, 10, 24, 14, 4, 4, 0, 4, 34, 2],
    "transport_public": [60, 0, 8, 6, 2, 0, 10, 0, 6, 6, 2],
    "intercommunale": [4, 70, 8, 2, 0, 0, 2, 0, 6, 6, 2],
    "ambassadeur": [2, 2, 6, 8, 6, 10, 2, 4, 18, 42, 0],
}
# relaie_hors_ligne probability per topic (brief: ~40–60 % for communes)
OFFLINE_P = {
    "travaux_mobilite": 0.5, "dechets_environnement": 0.6, "demarches_administratives": 0.6,
    "evenement_culture": 0.85, "sport_loisirs": 0.8, "social_sante": 0.5,
    "securite_alerte": 0.3, "vie_democratique": 0.7, "emploi_recrutement": 0.3,
    "coulisses_equipe": 0.15, "correction_info": 0.3,
}

# ---------------------------------------------------------------- engagement (§5.2)
# counts ~ negative binomial (gamma–Poisson) given reach; per-reach rates (§5.2: likes 1–3 %,
# comments 0.05–0.5 %, shares 0.05–0.5 %, link clicks 0.5–2 % of reach for service posts)
RATE_REACTIONS = 0.021
RATE_COMMENTS = 0.0008
RATE_SHARES = 0.0022
RATE_CLICKS_LINK = 0.012
RATE_CLICKS_OTHER = 0.003
NB_SHAPE = 2.0  # gamma shape of the per-post engagement multiplier (overdispersion) [D]
AMBASSADOR_ER_MULT = 1.8  # §5.6 ambassadors: higher ER (human voice)
PLATFORM_ER_MULT = {  # §2.1 IG > FB > X (Rival IQ / Hootsuite govt)
    "facebook": 1.0, "instagram": 1.4, "x": 0.6, "linkedin": 1.1, "youtube": 0.8, "mastodon": 0.9,
}

# ---------------------------------------------------------------- followers (§4.1d, §4.3)
FOLLOW_PER_REACH = 0.008  # §4.1d c_f ~0.1–1 % of people reached (institutional page)
FOLLOW_PER_REACH_AMBASSADOR = 0.002  # personal profiles: few follow a colleague [D]
DISCOVERY_DAILY = 0.00005  # Bass-like external discovery p (institutional push) [D, §4.3]
CHURN_DAILY = 0.00015  # §4.1d χ0 ~0.1–0.5 %/month (0.45 %/month)
CHURN_FATIGUE = 0.0006  # §4.1d χ1 per post/day above k* (Momentus: unfollows rise 1→3/day)
CHURN_K_STAR = 2  # §4.1d k*
# first-day followers of accounts created in the period (C007: bought/bot fans) [D]
CREATION_SEED = {"C034": 400, "C007": 900}

# ---------------------------------------------------------------- comments (§5.3–5.5)
CATEGORIES = ["question", "plainte", "remerciement", "neutre", "suggestion", "spam", "troll",
              "desinformation"]
# §5.3 base mix: question 25–30, plainte 15–20, remerciement 15–25, neutre 15–20, suggestion 5,
# spam 2–5, troll 3–7, désinformation 1–3 (%)
CAT_MIX_SERVICE = [0.285, 0.185, 0.17, 0.18, 0.05, 0.035, 0.06, 0.022]
# §5.3 "positive for library/culture posts"
CAT_MIX_CULTURE = [0.25, 0.07, 0.36, 0.2, 0.06, 0.03, 0.025, 0.005]
# §5.3 "during a crisis shift 15–30 pts from praise/neutral to complaint/troll"
CAT_MIX_CRISIS = [0.18, 0.38, 0.06, 0.08, 0.03, 0.01, 0.2, 0.06]
# impostor contest page: people asking whether it is real (story c)
CAT_MIX_SCAM = [0.42, 0.1, 0.02, 0.3, 0.0, 0.16, 0.0, 0.0]
# sentiment (mean, sd) per category; clipped to [-1, 1], 2 decimals (§5.3, §1.4)
SENTIMENT = {
    "question": (0.0, 0.15), "plainte": (-0.55, 0.2), "remerciement": (0.72, 0.15),
    "neutre": (0.05, 0.12), "suggestion": (0.1, 0.2), "spam": (0.3, 0.2),
    "troll": (-0.7, 0.18), "desinformation": (-0.35, 0.25),
}
SUGGESTION_NEEDS_REPLY_P = 0.4  # brief: "some suggestions" need a reply
COMMENT_DELAY_MEDIAN_MIN = 75  # §4.1a half-life ≈ 69–80 min → log-normal delay [D]
COMMENT_DELAY_SIGMA = 1.6
COMMENT_MIN_DELAY = 2
N_AUTHORS = 14000
ZIPF_EXPONENT = 1.05  # §5.4 Zipf/power-law activity, 90-9-1

# P(reply | category), §5.5 generator suggestion (question 0.6, complaint 0.5, praise 0.3,
# troll 0.02, spam 0), multiplied by institution staffing
P_REPLY = {
    "question": 0.6, "plainte": 0.5, "remerciement": 0.3, "neutre": 0.04, "suggestion": 0.35,
    "spam": 0.0, "troll": 0.02, "desinformation": 0.55,
}
P_REPLY_AMBASSADOR = 0.35  # personal accounts answer some comments themselves [D]
# Delay in business minutes: log-normal, median 90–240 min, σ 1.0–1.3 (§5.5)
REPLY_MEDIAN_BUSINESS_MIN = {  # per institution
    "I01": 150, "I02": 200, "I03": 95, "I04": 240, "I05": 110, "I06": 120, "I07": 210,
    "I08": 230, "I09": 180, "I10": 240, "I11": 100, "I12": 220, "I13": 240, "I14": 240,
}
REPLY_SIGMA = 1.15
# Business schedules (§2.2 monitoring hours: Mon–Fri 9–17 / 8–17; §2.2 SLA "on-call incl.
# weekends" for safety): (days open Mon..Sun, open minute, close minute)
SCHEDULES = {
    "bureau": ([1, 1, 1, 1, 1, 0, 0], 8 * 60 + 30, 17 * 60),
    "garde": ([1, 1, 1, 1, 1, 1, 1], 8 * 60, 20 * 60),
    "humain": ([1, 1, 1, 1, 1, 1, 1], 7 * 60, 23 * 60),
}
SCHEDULE_OF_INSTITUTION = {"I05": "garde", "I09": "garde", "I11": "garde"}
MONITORING_STOPS_AFTER_LAST_POST_DAYS = 14  # dormant pages: nobody reads them (§2.4 line 3)
# Moderation (§7.6: spam/troll hide/delete per charter)
MODERATION = {  # category -> (p_masque, p_supprime) with charter
    "spam": (0.12, 0.75), "troll": (0.35, 0.1), "desinformation": (0.06, 0.0),
}
MODERATION_NO_CHARTER = 0.75  # without a charter, pages moderate less (§2.4 line 6) [D]

# ---------------------------------------------------------------- mentions (§1.4 listening, §4.2)
# Baseline mentions per day ∝ size (log population) [D]
MENTION_BASE_PER_DAY = {
    "I01": 3.0, "I02": 0.8, "I03": 4.5, "I04": 1.6, "I05": 3.2, "I06": 0.6, "I07": 1.0,
    "I08": 1.1, "I09": 2.4, "I10": 0.4, "I11": 2.2, "I12": 1.2, "I13": 0.9, "I14": 0.3,
}
SOURCE_MIX = {"citoyen": 0.68, "media": 0.09, "influenceur": 0.05, "association": 0.1,
              "elu": 0.08}
SOURCE_FOLLOWERS = {  # log-normal (median, sigma) heavy tail (§4.2a heavy-tailed graph)
    "citoyen": (220, 1.1), "media": (18000, 1.0), "influenceur": (35000, 0.9),
    "association": (1500, 0.9), "elu": (2500, 0.8),
}
MENTION_PLATFORM_MIX = {"facebook": 0.55, "instagram": 0.12, "x": 0.2, "linkedin": 0.06,
                        "youtube": 0.02, "mastodon": 0.05}
MENTION_SENTIMENT_BASE = (0.08, 0.38)  # net sentiment slightly positive/neutral (§1.4)
MENTION_SENTIMENT_CRISIS = (-0.55, 0.25)
MENTION_RESHARE_P = (0.3, 0.6)  # baseline, crisis (§4.2a cascades through reshares)
NEGATIVE_THRESHOLD = -0.2  # a mention is "négative" below this (documented in answer key)

# ---------------------------------------------------------------- embedded stories
# Bad-buzz episodes (§4.2 Hawkes/rumour with response lever; §7.7 scenarios 3, 4, 6)
# intensity (mentions/hour) = A·exp(−t/τ0) before the reply at T_r, then multiplied by
# (1 − e) and decaying with τ1 (§4.2c: n1 = n0(1−e), e∈[0.2, 0.7] by response quality).
BUZZ = [
    {
        "id": "BUZZ-1", "institution": "I05", "compte": "C021",
        "start": "2025-11-18 20:40", "reply_delay_h": 0.75, "tone": "transparent",
        "n_mentions": 140, "tau0_h": 10.0, "e": 0.7, "tau1_h": 6.0,
        "n_comments": 170, "seed_source": "influenceur",
        "topic": "social_sante",
    },
    {
        "id": "BUZZ-2", "institution": "I01", "compte": "C001",
        "start": "2026-02-10 09:15", "reply_delay_h": 72.0, "tone": "defensif",
        "n_mentions": 620, "tau0_h": 120.0, "e": 0.2, "tau1_h": 110.0,
        "n_comments": 420, "seed_source": "association",
        "topic": "dechets_environnement",
    },
    {
        "id": "BUZZ-3", "institution": "I03", "compte": "C011",
        "start": "2026-05-12 10:05", "reply_delay_h": 22.0, "tone": "excuses",
        "n_mentions": 260, "tau0_h": 30.0, "e": 0.55, "tau1_h": 14.0,
        "n_comments": 230, "seed_source": "media",
        "topic": "demarches_administratives",
    },
]
IMPOSTOR = {"compte": "C007", "commune_compte": "C001", "warning": "2026-03-05 11:20"}
DORMANT_STORY = {"compte": "C042", "n_late_questions": 38}
AMBASSADOR_STORY_INSTITUTION = "I05"
REGULAR_PAIR = {"regular": "C009", "irregular": "C046"}
FORGOTTEN_EVENT = {"compte": "C006", "event_day": "2024-06-21"}
