"""``python -m tools.hub`` (``make hub``): provision the classroom, then run JupyterHub.

python -m tools.hub --roster roster.csv [--instructor formateur] [--port 8000]
                    [--state /srv/medias-sociaux] [--passwords mots-de-passe.csv]
                    [--setup-only]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tools.grading.roster import RosterError
from tools.hub.provision import ROOT, provision, say


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Lancer le JupyterHub de la formation.")
    parser.add_argument("--roster", type=Path, default=Path("roster.csv"))
    parser.add_argument("--instructor", default="formateur", help="compte de l'animateur")
    parser.add_argument("--state", type=Path, default=None, help="dossier du hub")
    parser.add_argument("--course-root", type=Path, default=None)
    parser.add_argument("--python-env", type=Path, default=None)
    parser.add_argument("--home-base", type=Path, default=None)
    parser.add_argument("--passwords", type=Path, default=None, help="CSV identifiant,mot_de_passe")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--ip", default="127.0.0.1")
    parser.add_argument(
        "--no-accounts", action="store_true", help="ne pas créer de comptes Unix (TLJH les crée)"
    )
    parser.add_argument("--setup-only", action="store_true", help="préparer sans lancer le hub")
    args = parser.parse_args(argv)
    try:
        settings = provision(
            roster=args.roster,
            instructor=args.instructor,
            state=args.state,
            course_root=args.course_root,
            python_env=args.python_env,
            home_base=args.home_base,
            passwords=args.passwords,
            port=args.port,
            ip=args.ip,
            accounts=not args.no_accounts,
        )
    except RosterError as exc:
        print(exc, file=sys.stderr)
        return 2
    settings_file = Path(settings.state) / "hub.json"
    if args.setup_only:
        say(f"prêt : {settings_file}")
        return 0
    say(f"JupyterHub sur http://{settings.ip}:{settings.port}/ (Ctrl-C pour arrêter)")
    env = {**os.environ, "KIT_HUB_SETTINGS": str(settings_file)}
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    hub = str(Path(sys.executable).parent / "jupyterhub")
    config = str(ROOT / "tools" / "hub" / "jupyterhub_config.py")
    os.chdir(settings.state)
    os.execve(hub, [hub, "-f", config], env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
