"""The Dutch catalogue is complete, extracted from the current code, and compiled.

These run gettext's tools; CI installs them. On a machine without them they
skip, except under CI, where a skipped check would hide a stale catalogue.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale/nl/LC_MESSAGES/django.po"
MO = ROOT / "locale/nl/LC_MESSAGES/django.mo"
# Keep in step with `make messages`.
MAKEMESSAGES_IGNORES = ["--ignore=.venv", "--ignore=staticfiles", "--ignore=tests", "--no-obsolete"]

if shutil.which("msgfmt") is None:
    if os.environ.get("CI"):
        pytest.fail("gettext (msgfmt) is required in CI", pytrace=False)
    pytest.skip("gettext is not installed (apt-get install gettext)", allow_module_level=True)


def _msgids(po_text: str) -> set[str]:
    """msgids of the active (non-obsolete) entries, multi-line strings joined."""
    ids, current, in_id = set(), [], False
    for line in po_text.splitlines():
        if line.startswith("msgid "):
            current, in_id = [line[7:-1]], True
        elif in_id and line.startswith('"'):
            current.append(line[1:-1])
        else:
            if in_id and "".join(current):
                ids.add("".join(current))
            in_id = False
    return ids


def test_every_dutch_message_is_translated():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(PO)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(PO)], check=True)

    assert fresh.read_bytes() == MO.read_bytes(), "run: make messages"


def test_the_catalogue_holds_every_string_in_the_code(tmp_path):
    # Extract into a copy of the project so the working tree is left alone.
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "staticfiles", "*.sqlite3", "node_modules"),
    )
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "beheer.settings"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "nl", *MAKEMESSAGES_IGNORES],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )

    extracted = _msgids((copy / "locale/nl/LC_MESSAGES/django.po").read_text())
    committed = _msgids(PO.read_text())
    assert extracted - committed == set(), "new strings: run make messages and translate them"
    assert committed - extracted == set(), "strings no longer used: run make messages"
