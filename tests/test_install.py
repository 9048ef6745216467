"""What an administrator installs: lock files that match pyproject.toml, the licence, the
systemd units, the container image and the example settings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from bot.config import KNOWN_SETTINGS

ROOT = Path(__file__).parents[1]


def _pins(lock: Path) -> dict[str, set[str]]:
    pins: dict[str, set[str]] = {}
    for line in lock.read_text().splitlines():
        found = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if found:
            name = re.sub(r"[-_.]+", "-", found.group(1)).lower()
            pins.setdefault(name, set()).add(found.group(2))
    return pins


LOCKS = [("requirements.lock", None), ("requirements-dev.lock", "dev"),
         ("requirements-postgres.lock", "postgres")]  # fmt: skip


@pytest.mark.parametrize(("lock", "extra"), LOCKS)
def test_the_lock_files_pin_every_dependency_within_its_bounds_with_hashes(
    lock: str, extra: str | None
) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    if extra:
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    text = (ROOT / lock).read_text()
    pins = _pins(ROOT / lock)
    for requirement in wanted:
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pins, f"{requirement.name} is not in {lock}: run `make lock`"
        for version in pins[name]:
            assert requirement.specifier.contains(version), f"{name}=={version} in {lock}"
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert all("--hash=sha256:" in e for e in entries if "==" in e)


def test_the_licence_is_the_one_pyproject_names() -> None:
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == "EUPL-1.2"
    assert (ROOT / "LICENSE").read_text().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    units = ["ciso-bot.service", "ciso-bot-backup.service", "ciso-bot-backup.timer"]
    ours = str(Path(sys.executable).parent / "ciso-bot")  # the installed command, here
    for unit in units:
        text = (ROOT / "deploy" / unit).read_text()
        (tmp_path / unit).write_text(text.replace("/opt/ciso-bot/.venv/bin/ciso-bot", ours))
    result = subprocess.run(["systemd-analyze", "verify", *units], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr


def test_the_service_unit_runs_as_its_own_user_with_its_state_and_hardening() -> None:
    unit = (ROOT / "deploy" / "ciso-bot.service").read_text()
    for line in ("User=ciso-bot", "StateDirectory=ciso-bot", "UMask=0077",
                 "EnvironmentFile=/etc/ciso-bot/ciso-bot.env", "Restart=on-failure",
                 "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                 "PrivateTmp=yes", "CapabilityBoundingSet="):  # fmt: skip
        assert f"\n{line}\n" in unit, line
    assert "--health-port" in unit
    assert (ROOT / "deploy" / "ciso-bot.sysusers").read_text().count("u ciso-bot") == 1


def test_the_container_image_is_non_root_hash_checked_and_watched() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --require-hashes -r requirements.lock" in dockerfile
    assert re.search(r"^USER ciso-bot$", dockerfile, re.M)
    assert re.search(r"^VOLUME /data$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile and "/health" in dockerfile
    default_lock = re.search(r"^ARG LOCK=(\S+)$", dockerfile, re.M)
    assert default_lock and default_lock.group(1) == "requirements.lock"
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, re.M):
        for name in source.replace("${LOCK}", default_lock.group(1)).split():
            assert (ROOT / name).exists(), f"COPY {name}: not in the repository"
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    service = compose["services"]["ciso-bot"]
    assert service["volumes"] == ["ciso-bot-data:/data"] and service["read_only"] is True
    assert all(port.startswith("127.0.0.1:") for port in service["ports"])


def test_the_postgresql_example_runs_two_bots_on_one_database_it_keeps_private() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.postgresql.yaml").read_text())
    services = compose["services"]
    bots = [s for name, s in services.items() if name.startswith("bot-")]
    assert len(bots) == 2 and "ports" not in services["db"]
    for bot in bots:
        assert bot["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://ciso:")
        assert bot["depends_on"]["db"]["condition"] == "service_healthy"
        assert bot["read_only"] is True
        assert all(port.startswith("127.0.0.1:") for port in bot["ports"])
    assert (ROOT / "requirements-postgres.lock").exists()


def test_the_example_settings_name_only_settings_the_bot_reads() -> None:
    names = re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M)
    assert names and set(names) <= KNOWN_SETTINGS, set(names) - KNOWN_SETTINGS
