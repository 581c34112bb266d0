"""Settings are read when the process starts, so these tests start processes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # A clean environment: the test process itself runs with test settings.
    clean = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    clean["DJANGO_SETTINGS_MODULE"] = "beheer.settings"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_debug_it_refuses_to_start_without_a_secret_key():
    result = _manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    result = _manage("check", DEBUG="true")

    assert result.returncode == 0, result.stderr


def test_a_production_configuration_passes_the_deployment_check():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-key-" + "k7#Qz9!pX2" * 5,
        ALLOWED_HOSTS="beheer.delinde.example",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_typo_in_a_boolean_is_an_error_not_a_guess():
    result = _manage("check", DEBUG="ture")

    assert result.returncode != 0
    assert "DEBUG='ture'" in result.stderr
