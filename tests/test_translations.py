"""The Dutch catalogue is complete, extracted from the current code, and compiled;
and every string meant for translation is one the extractor can see.

The catalogue checks run gettext's tools; CI installs them. On a machine without
them they skip, except under CI, where a skipped check would hide a stale catalogue.
"""

import ast
import os
import re
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
# Not the project's own code.
SKIPPED_FOLDERS = {".venv", "tests", "node_modules", "staticfiles", "bench", ".git"}


@pytest.fixture
def gettext_tools():
    if shutil.which("msgfmt") is None:
        if os.environ.get("CI"):
            pytest.fail("gettext (msgfmt) is required in CI", pytrace=False)
        pytest.skip("gettext is not installed (apt-get install gettext)")


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


def test_every_dutch_message_is_translated(gettext_tools):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", os.devnull, str(PO)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr, result.stderr


def test_the_compiled_catalogue_is_up_to_date(gettext_tools, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(PO)], check=True)

    assert fresh.read_bytes() == MO.read_bytes(), "run: make messages"


def test_the_catalogue_holds_every_string_in_the_code(gettext_tools, tmp_path):
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


# --- What the extractor cannot see ------------------------------------------------
#
# makemessages runs xgettext, which reads a gettext call only when its message is a
# plain string: not a variable or an expression, and not a call inside an f-string
# (xgettext does not look into f-strings). Such a string is never translated and
# no catalogue check notices: the page just stays English.

GETTEXT = {
    "_": (0,),
    "gettext": (0,),
    "gettext_lazy": (0,),
    "gettext_noop": (0,),
    "ngettext": (0, 1),
    "ngettext_lazy": (0, 1),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


def _python_files():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if SKIPPED_FOLDERS.isdisjoint(parts) and "migrations" not in parts:
            yield path


def _called(node) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        return name if name in GETTEXT else None
    return None


def hidden_messages(source: str, filename: str = "<code>") -> list[str]:
    """The gettext calls in `source` whose message xgettext cannot extract."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        name = _called(node)
        if name:
            for index in GETTEXT[name]:
                if index < len(node.args):
                    message = node.args[index]
                    if not (isinstance(message, ast.Constant) and isinstance(message.value, str)):
                        found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
        if isinstance(node, ast.JoinedStr):
            found.extend(
                f"{filename}:{inner.lineno}: in an f-string: {ast.unparse(inner)}"
                for inner in ast.walk(node)
                if _called(inner)
            )
    return found


def test_the_check_finds_what_the_extractor_misses():
    source = (
        'a = _("seen")\n'
        "b = f\"<em>{_('valid')}</em>\"\n"  # the aria-label of matrix/render.py
        "c = gettext(label)\n"
        'd = ngettext("one", plural, n)\n'
        'e = _("one " "string")\n'  # joined by Python: one plain string
    )

    found = hidden_messages(source)

    assert [line.split(":")[1] for line in found] == ["2", "3", "4"]


def test_every_message_in_the_code_is_one_the_extractor_sees():
    found = [
        problem
        for path in _python_files()
        for problem in hidden_messages(path.read_text(), str(path.relative_to(ROOT)))
    ]

    assert found == [], "translate a plain string outside the f-string:\n" + "\n".join(found)


# --- The English source texts -------------------------------------------------------

_TEMPLATE_MESSAGES = re.compile(
    r"{%\s*(?:translate|trans)\s+(?P<q>[\"'])(?P<one>.*?)(?P=q)"
    r"|{%\s*blocktrans(?:late)?\b[^%]*%}(?P<block>.*?){%\s*endblocktrans(?:late)?\s*%}",
    re.DOTALL,
)


def english_messages() -> set[str]:
    """The English source text of every message, from the code and the templates."""
    messages = set()
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text())):
            name = _called(node)
            if name:
                for index in GETTEXT[name]:
                    if index < len(node.args) and isinstance(node.args[index], ast.Constant):
                        messages.add(str(node.args[index].value))
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for match in _TEMPLATE_MESSAGES.finditer(path.read_text()):
            messages.add(match["one"] or match["block"])
    return messages


def test_english_pages_say_application_management_team_not_beheerteam():
    """The Dutch name of the team belongs in the Dutch translation only (the
    organisation's own data, such as a forum's description, stays as entered)."""
    messages = english_messages()
    assert len(messages) > 500  # the collection works

    dutch = sorted(m for m in messages if "beheerteam" in m.lower())

    assert dutch == []
