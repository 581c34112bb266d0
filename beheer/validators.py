"""Text never holds control characters: one rule for every text field of the project.

A control character (a vertical tab, a bell, a NUL ...) is invisible on screen, usually
pasted along from another program, and breaks what is built from the text: XML, and so
every Excel workbook, cannot hold it. So the input refuses it, everywhere at once:

- every CharField and TextField of every model of this project gets the validator at
  start-up (`refuse_control_characters_in_models`, called from BeheerConfig.ready), so
  ModelForms, admin forms and the admin import (`clean_model_instances`) refuse it
  without each new feature having to remember;
- plain forms get it from `beheer.forms.NoControlCharactersMixin`;
- `tests/beheer/test_control_characters.py` walks every model and form to prove it.

A single-line field (CharField) takes no tab or line break either; a multi-line field
(TextField, a Textarea) does. The exports drop what got in around the forms anyway
(`beheer.cells`), so a bad value written by a data migration cannot break a download.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalChanges

# C0 controls except tab, line feed and carriage return; DEL and the C1 controls;
# lone surrogates and U+FFFE/U+FFFF, which no XML file (no xlsx) can hold either.
CONTROL_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
LINE_BREAKS_AND_TABS = "\t\n\r"


@deconstructible(path="beheer.validators.NoControlCharacters")
class NoControlCharacters:
    """Refuse control characters; a multi-line text keeps its tabs and line breaks."""

    def __init__(self, multi_line: bool = False):
        self.multi_line = multi_line
        allowed_too = "" if multi_line else LINE_BREAKS_AND_TABS
        self.pattern = re.compile(f"[{CONTROL_CHARACTERS}{allowed_too}]")

    def __call__(self, value):
        if not isinstance(value, str):
            return
        found = self.pattern.search(value)
        if found is None:
            return
        character = found.group()
        if character in LINE_BREAKS_AND_TABS:
            raise ValidationError(
                _("This field takes a single line: remove the line break or tab."),
                code="line_break",
            )
        raise ValidationError(
            _(
                "Remove the invisible control character %(character)s from this text "
                "(it often comes along when copying from another program)."
            ),
            code="control_character",
            params={"character": f"U+{ord(character):04X}"},
        )

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and other.multi_line == self.multi_line

    def __hash__(self):
        return hash((NoControlCharacters, self.multi_line))


def text_problem(value: str, *, multi_line: bool = False) -> str | None:
    """The rule's message for `value`, or None: for imports, which report per cell."""
    try:
        NoControlCharacters(multi_line=multi_line)(value)
    except ValidationError as error:
        return error.messages[0]
    return None


def validator_for(field) -> NoControlCharacters | None:
    """The rule for a model field: multi-line for a TextField, single-line for a CharField."""
    if isinstance(field, models.TextField):
        return NoControlCharacters(multi_line=True)
    if isinstance(field, models.CharField):
        return NoControlCharacters(multi_line=False)
    return None


def project_app_configs():
    """The apps of this repository (top-level packages beside manage.py), not libraries."""
    base = Path(settings.BASE_DIR).resolve()
    return [c for c in apps.get_app_configs() if Path(c.path).resolve().parent == base]


def input_models():
    """The project's models that take input: not simple_history's change records,
    which the library writes from a validated original and nobody edits."""
    return [
        model
        for app_config in project_app_configs()
        for model in app_config.get_models(include_auto_created=True)
        if not issubclass(model, HistoricalChanges)
    ]


def refuse_control_characters_in_models() -> None:
    """Give every text field of every project model the rule.

    Run once all models are loaded, before anything validates. The validator is part of
    the field's deconstruction, so the migrations record it like any other validator."""
    for model in input_models():
        for field in model._meta.local_fields:
            validator = validator_for(field)
            if validator is None or validator in field._validators:
                continue
            # A new list: simple_history's copy of a field shares the original's list.
            field._validators = [*field._validators, validator]
            field.__dict__.pop("validators", None)  # the cached combined list
