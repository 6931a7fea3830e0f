"""deploy/: the Kubernetes manifests validate against the Kubernetes API schemas (kubernetes-validate,
strict: unknown fields are errors) and the compose file against the Compose schema (`docker-compose config`,
no daemon needed); the hardening the manifests promise (docs/security.md) is checked field by field."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
K8S_VERSION = "1.33.0"  # a Kubernetes release current clusters run; the schemas ship with kubernetes-validate
CUSTOM_KINDS = {("keda.sh/v1alpha1", "ScaledObject")}  # a CRD: KEDA's own schema, not Kubernetes'
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|ENCRYPTION_KEYS|DATABASE_URL|ACCESS_KEY", re.I)


def documents() -> list[tuple[Path, dict]]:
    return [(p, d) for p in sorted((DEPLOY / "k8s").glob("*.yaml")) for d in yaml.safe_load_all(p.read_text()) if d]


def workloads() -> list[tuple[str, dict]]:
    """(name, pod spec) of every Deployment and StatefulSet."""
    return [
        (d["metadata"]["name"], d["spec"]["template"]["spec"])
        for _, d in documents()
        if d["kind"] in ("Deployment", "StatefulSet")
    ]


def test_manifests_validate_against_the_kubernetes_schemas():
    docs = documents()
    assert {d["kind"] for _, d in docs} >= {"Deployment", "StatefulSet", "Service", "ConfigMap", "Secret"}
    for _, doc in docs:
        if (doc["apiVersion"], doc["kind"]) in CUSTOM_KINDS:
            continue
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)  # raises with the path of the bad field
    # the validator does see mistakes: a misspelt field and a wrong type are both refused
    _, deployment = next((p, d) for p, d in docs if d["kind"] == "Deployment")
    for mutate in (
        lambda d: d["spec"]["template"]["spec"]["containers"][0].update(readOnlyRootFilesytem=True),
        lambda d: d["spec"].update(replicas="two"),
    ):
        broken = copy.deepcopy(deployment)
        mutate(broken)
        with pytest.raises(kubernetes_validate.ValidationError):
            kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


@pytest.mark.parametrize("name,pod", workloads(), ids=[n for n, _ in workloads()])
def test_workloads_are_hardened(name, pod):
    context = pod["securityContext"]
    assert context["runAsNonRoot"] is True and context["runAsUser"] > 0
    assert context["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod.get("automountServiceAccountToken") is False
    for container in pod["containers"]:
        sc = container["securityContext"]
        assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
        assert sc["capabilities"]["drop"] == ["ALL"]
        limits, requests = container["resources"]["limits"], container["resources"]["requests"]
        assert {"cpu", "memory"} <= set(limits) and {"cpu", "memory"} <= set(requests)
        assert "livenessProbe" in container and ("readinessProbe" in container or name.startswith("scribe-worker"))
        for env in container.get("env", []):  # literal values only for what is not secret
            assert "value" not in env or not SECRET_NAME.search(env["name"]), env
        sources = container.get("envFrom", [])
        assert all(set(s) <= {"configMapRef", "secretRef"} for s in sources)
    api = next(c for c in pod["containers"]) if name == "scribe-api" else None
    if api:
        assert api["readinessProbe"]["httpGet"]["path"] == "/readyz"
        assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
        assert {"secretRef": {"name": "scribe-secrets"}} in api["envFrom"]
        mounts = {m["mountPath"] for m in api["volumeMounts"]}
        assert {"/data", "/tmp"} <= mounts  # the only writable paths


def test_secrets_come_from_the_secret_object():
    docs = [d for _, d in documents()]
    config = next(d for d in docs if d["kind"] == "ConfigMap")
    assert not [k for k in config["data"] if SECRET_NAME.search(k)], config["data"]
    secret = next(d for d in docs if d["kind"] == "Secret")
    assert secret["metadata"]["name"] == "scribe-secrets" and not secret.get("stringData") and not secret.get("data")


def test_dockerfile_runs_as_a_non_root_user():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.M)
    assert users and not users[-1].startswith(("0", "root"))


def test_compose_file_validates():
    """`docker-compose config` (Compose v1, from Debian's docker-compose package: .ci/run installs it)
    validates against the Compose schema and needs no Docker daemon."""
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is needed: apt-get install docker-compose"
    ok = subprocess.run([compose, "-f", str(DEPLOY / "docker-compose.yml"), "config", "-q"], capture_output=True)
    assert ok.returncode == 0, ok.stderr.decode()
    parsed = yaml.safe_load(
        subprocess.run([compose, "-f", str(DEPLOY / "docker-compose.yml"), "config"], capture_output=True).stdout
    )
    for name in ("api", "worker-asr", "worker-cpu"):
        service = parsed["services"][name]
        assert service["read_only"] is True and service["user"] == "10001:10001" and service["cap_drop"] == ["ALL"]
        assert service.get("mem_limit")
    assert all(p.startswith("127.0.0.1:") for p in parsed["services"]["api"]["ports"])  # TLS proxy in front
    bad = (DEPLOY / "docker-compose.yml").read_text().replace("read_only: true", "read_onyl: true", 1)
    broken = subprocess.run(
        [compose, "-f", "-", "--project-directory", str(DEPLOY), "config", "-q"],
        input=bad.encode(),
        capture_output=True,
    )
    assert broken.returncode != 0 and b"read_onyl" in broken.stderr
