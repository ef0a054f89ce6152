"""Kubernetes files of the classroom, linted here (no cluster on CI): structure and coherence."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"


def test_helm_values_structure():
    values = yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))
    single = values["singleuser"]
    assert single["defaultUrl"] == "/lab/tree/course/00-index.ipynb"
    mounts = {m["name"]: m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    volumes = {v["name"]: v for v in single["storage"]["extraVolumes"]}
    assert mounts["exchange"] == "/srv/nbgrader/exchange"
    assert volumes["exchange"]["persistentVolumeClaim"]["claimName"] == "nbgrader-exchange"
    assert set(values["hub"]["config"]["Authenticator"]["admin_users"]) == {"formateur"}
    compile(values["hub"]["extraConfig"]["kit-roles"], "kit-roles", "exec")
    assert values["cull"]["enabled"] is True


def test_exchange_claim_is_shared_storage():
    docs = list(yaml.safe_load_all((K8S / "exchange-pvc.yaml").read_text(encoding="utf-8")))
    claims = {d["metadata"]["name"]: d for d in docs if d["kind"] == "PersistentVolumeClaim"}
    assert claims["nbgrader-exchange"]["spec"]["accessModes"] == ["ReadWriteMany"]
    job = next(d for d in docs if d["kind"] == "Job")
    assert "chmod 1777" in " ".join(job["spec"]["template"]["spec"]["containers"][0]["command"])


def test_user_image_matches_the_exchange_and_the_pins():
    dockerfile = (K8S / "Dockerfile").read_text(encoding="utf-8")
    assert "tools/trainee_dist.py" in dockerfile
    assert not re.search(r"^COPY\s+(solutions|docs|tests)\b", dockerfile, re.M)
    config = (K8S / "jupyter" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert '"/srv/nbgrader/exchange"' in config and '"medias-sociaux"' in config
    server = (K8S / "jupyter" / "jupyter_server_config.py").read_text(encoding="utf-8")
    assert 'c.VoilaConfiguration.template = "kit"' in server  # apps without CDN requests
    assert '{"mathjax_url": None, "mathjax_config": None}' in server
    assert "COPY share/jupyter/voila/templates/kit /usr/local/share/jupyter/" in dockerfile
