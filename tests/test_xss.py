"""No text anyone typed ever reaches a page as markup.

For speed several pages build their HTML in Python (beheer.tables, matrix.render,
kpi.render, the risk report's rows), where the template engine's auto-escaping
does not protect them, and some parts are cached (beheer.cache). This test fills
every text field of every record of the demo data with markup, walks the pages
as each kind of user and fails when any of that markup arrives as markup, not
as text: as a script element or an element with an event handler.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.db.models.functions import Cast, Concat
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404

from beheer.models import Component, Role
from beheer.validators import project_app_configs
from matrix import services as matrix_services
from matrix.models import Activity, Grant, MatrixVersion, Responsibility, Right
from tests.demo_world import load_demo_for_personas
from tests.test_content_security_policy import _links, _urls_without_arguments

# The markup, numbered per field so that a failure names the field. A field too
# short for the whole of it gets the part that breaks out of an attribute.
MARKUPS = (
    "<script>x({n})</script>\"'><img src=x onerror=y({n})>",
    "\"'><img src=x onerror=y({n})>",
    "\"'><b onerror=y({n})>",
)
# Room kept for the record's key, appended to keep unique fields unique.
KEY_ROOM = 6
SHOWN = re.compile(r"onerror=y\((\d+)\)")

# Text that must keep its format keeps it; each with the reason. Everything else
# gets markup.
KEPT_TYPES = {
    models.EmailField: "an e-mail address, validated as one",
    models.URLField: "a web address, validated as http(s)",
    models.SlugField: "a key that code and page addresses refer to",
}
KEPT_CHOICES = "a code from a fixed list; pages show its label, not the code"
KEPT_FIELDS = {
    "kpi.Channel.colour": "a colour (#rrggbb), validated as one; the chart reads it",
    "beheer.PendingUpload.kind": "names the upload flow to the code",
    "beheer.DataVersion.scope": "names a cache scope to the code",
    "governance.AgendaItem.key": "tells the code which standing item it is",
}
# Not project models, but their names show on pages (who changed what).
OTHER_MODELS = {"auth.User": ("first_name", "last_name", "username")}


def _kept_reason(model, field) -> str | None:
    original = getattr(model, "instance_type", model)  # simple_history's records
    label = f"{original._meta.label}.{field.name}"
    if label in KEPT_FIELDS:
        return KEPT_FIELDS[label]
    if field.choices:
        return KEPT_CHOICES
    for kind, reason in KEPT_TYPES.items():
        if isinstance(field, kind):
            return reason
    return None


def _text_fields():
    """(model, field) for every text field of the project's models, and the reasons
    of those left alone."""
    fields, kept = [], {}
    for config in project_app_configs():
        for model in config.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, (models.CharField, models.TextField)):
                    continue
                reason = _kept_reason(model, field)
                if reason:
                    kept[f"{model._meta.label}.{field.name}"] = reason
                else:
                    fields.append((model, field))
    for label, names in OTHER_MODELS.items():
        model = apps.get_model(label)
        fields.extend((model, model._meta.get_field(name)) for name in names)
    return fields, kept


def _markup_for(field, number: int) -> str | None:
    room = (field.max_length or 10_000) - KEY_ROOM
    return next((m.format(n=number) for m in MARKUPS if len(m.format(n=number)) <= room), None)


def fill_every_text_field() -> dict[int, str]:
    """Markup in every text field of every record; the field's label per number."""
    labels = {}
    per_model: dict[type, dict] = {}
    for model, field in _text_fields()[0]:
        number = len(labels) + 1
        markup = _markup_for(field, number)
        if markup is None:
            continue
        labels[number] = f"{model._meta.label}.{field.name}"
        per_model.setdefault(model, {})[field.attname] = Concat(
            models.Value(markup), Cast("pk", models.CharField()), output_field=models.TextField()
        )
    for model, values in per_model.items():
        model._base_manager.update(**values)  # no signals: the cache is cleared below
    return labels


class _Markup(HTMLParser):
    """The markup's own elements, where it arrived unescaped: an onerror
    attribute, a script element that calls x()."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        self.found += [value or "" for name, value in attrs if name == "onerror"]
        if tag == "script":
            self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._script.startswith("x("):
                self.found.append(self._script)
            self._script = None


def unescaped_markup(content: str) -> list[str]:
    """What of the markup arrived as markup: ["y(12)", "x(3)", ...]."""
    parser = _Markup()
    parser.feed(content)
    parser.close()
    return parser.found


def test_the_check_finds_markup_that_escaped_and_passes_it_escaped():
    markup = MARKUPS[0].format(n=7)
    escaped = markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace('"', "&quot;").replace("'", "&#x27;")

    assert unescaped_markup(f"<td>{markup}</td>") == ["x(7)", "y(7)"]
    assert unescaped_markup(f'<td title="{markup}">') == ["y(7)"]
    assert unescaped_markup(f"<td title='{MARKUPS[2].format(n=7)}'>") == ["y(7)"]
    assert unescaped_markup(f"<td>{escaped}</td>") == []
    assert unescaped_markup(f'<td title="{escaped}">{escaped}</td>') == []
    # json_script's way: the text stays text inside a data block.
    data = escaped.replace("&lt;", "\\u003C").replace("&gt;", "\\u003E")
    assert unescaped_markup(f'<script type="application/json">"{data}"</script>') == []


# The pages built in Python, and fields that each must show (escaped): proof
# that the markup reached the renderers this test is about.
MUST_SHOW = {
    "beheer:people": ("beheer.Person.name", "beheer.Person.job_title", "beheer.Department.name"),
    "beheer:roles": ("beheer.Role.name", "beheer.Component.name", "beheer.Person.name"),
    "beheer:suppliers": ("beheer.Supplier.name", "beheer.Supplier.contact_name"),
    "beheer:risks": ("beheer.Role.name", "beheer.Person.name"),
    "matrix:grid": ("matrix.Activity.title", "matrix.Activity.theme", "beheer.Role.name"),
    "matrix:print": ("matrix.Activity.title", "beheer.Person.name"),
    "matrix:rights": ("matrix.Right.name", "beheer.Component.name"),
    "kpi:dashboard": ("kpi.Kpi.name", "kpi.Kpi.unit", "beheer.Person.name"),
    "kpi:channels": ("kpi.Channel.name",),
    "maturity:results": ("maturity.Statement.text_nl", "maturity.Dimension.name_nl"),
    "operations:requests": ("operations.ChangeRequest.title", "beheer.Component.name"),
    "operations:releases": ("operations.Release.version",),
    "operations:courses": ("operations.Course.name",),
    "governance:actions": ("governance.Action.title",),
}
PERSONAS = ("manager", "owner", "key_user", "mt")


@pytest.fixture
def hostile_demo(db, personas):
    world = load_demo_for_personas(personas)
    labels = fill_every_text_field()
    # A version adopted now holds the marked-up texts in its snapshot.
    version = matrix_services.version_adopt(adopted_on=None, note="", user=personas.manager)
    MatrixVersion.objects.filter(pk=version.pk).update(note=MARKUPS[0].format(n=0))
    labels[0] = "matrix.MatrixVersion.note"
    cache.clear()  # the updates sent no signals
    return {"labels": labels, "own": world.own_component}


def _extra_urls(own) -> list[str]:
    """Pages no link leads to: the grids' side panel (htmx), filters."""
    cell = Responsibility.objects.first()
    grant = Grant.objects.first()
    return [
        f"{reverse('matrix:grid-cell-history')}?activity={cell.activity_id}&role={cell.role_id}",
        f"{reverse('matrix:grant-history')}?right={grant.right_id}&role={grant.role_id}",
        f"{reverse('matrix:grid')}?invalid=1",
        f"{reverse('matrix:grid')}?component={own.pk}",
        f"{reverse('kpi:dashboard')}?mijn=1",
    ]


def _walk(client, extra: list[str]) -> dict[str, object]:
    """Every page without arguments and every page linked from there, one per
    view (one person's page stands for all), and the `extra` addresses."""
    responses, views = {}, set()
    queue = deque([*_urls_without_arguments(), *extra])
    while queue:
        url = queue.popleft()
        path = urlsplit(url).path
        if url in responses or path.startswith("/admin/"):  # Django's own, escaped
            continue
        try:
            view = resolve(path).view_name
        except Resolver404:
            continue
        if view in views and url not in extra:
            continue
        views.add(view)
        responses[url] = response = client.get(url)
        if response.status_code == 200:
            queue.extend(_links(response))
    return responses


def test_no_text_from_the_data_reaches_any_page_as_markup(client_as, hostile_demo):
    labels = hostile_demo["labels"]
    extra = _extra_urls(hostile_demo["own"])
    leaks, shown = [], {}
    for persona in PERSONAS:
        for url, response in _walk(client_as(persona), extra).items():
            if "text/html" not in response.get("Content-Type", ""):
                continue
            content = response.content.decode()
            for found in unescaped_markup(content):
                number = re.search(r"\((\d+)\)", found)
                field = labels.get(int(number[1])) if number else None
                leaks.append(f"{persona} {url}: {field or found}")
            if response.status_code == 200:
                view = resolve(urlsplit(url).path).view_name
                shown.setdefault(view, set()).update(
                    labels.get(int(n), n) for n in SHOWN.findall(content)
                )

    assert not leaks, "\n".join(sorted(set(leaks)))
    missing = {
        view: sorted(set(fields) - shown.get(view, set()))
        for view, fields in MUST_SHOW.items()
        if set(fields) - shown.get(view, set())
    }
    assert not missing, missing


def test_every_text_field_is_filled_or_kept_for_a_reason(db):
    fields, kept = _text_fields()

    assert all(_markup_for(field, 999) for model, field in fields)
    assert "matrix.Activity.title" in {f"{m._meta.label}.{f.name}" for m, f in fields}
    assert "kpi.Kpi.unit" in {f"{m._meta.label}.{f.name}" for m, f in fields}
    assert kept["beheer.Person.email"] == KEPT_TYPES[models.EmailField]
    assert kept["matrix.Responsibility.code"] == KEPT_CHOICES


# The answers to a cell save are built in Python too (matrix.render).


@pytest.fixture
def hostile_cell(db):
    markup = MARKUPS[0].format(n=1)
    component = Component.objects.create(name=f"Onderdeel {markup}")
    role = Role.objects.create(name=f"Rol {markup}", kind="functional")
    task = Activity.objects.create(title=f"Taak {markup}", theme=markup, component=component)
    Responsibility.objects.create(activity=task, role=role, code="A")
    right = Right.objects.create(component=component, name=f"Recht {markup}")
    Grant.objects.create(role=role, right=right)
    return {"role": role, "task": task, "right": right}


def test_a_refused_cell_save_names_the_task_and_role_as_text(client_as, hostile_cell):
    response = client_as("manager").post(
        reverse("matrix:cell"),
        {
            "activity": hostile_cell["task"].pk,
            "role": hostile_cell["role"].pk,
            "code": "R",
            "expected": "",  # it holds A: someone else changed it
        },
    )

    assert response["X-Cell-Saved"] == "false"
    content = response.content.decode()
    assert "Taak &lt;script&gt;x(1)" in content and "Rol &lt;script&gt;x(1)" in content
    assert unescaped_markup(content) == []


def test_a_refused_grant_save_names_the_right_and_role_as_text(client_as, hostile_cell):
    response = client_as("manager").post(
        reverse("matrix:grant-cell"),
        {"right": hostile_cell["right"].pk, "role": hostile_cell["role"].pk, "expected": ""},
    )

    assert response["X-Cell-Saved"] == "false"
    content = response.content.decode()
    assert "Recht &lt;script&gt;x(1)" in content
    assert unescaped_markup(content) == []
