"""Right after `make run`, the key user's first screen leads with the questionnaire."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse


def test_the_demo_key_user_sees_the_open_questionnaire_first(db, client):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="keyuser"))

    items = client.get(reverse("dashboard")).context["items"]

    assert len(items) > 1
    assert items[0].kind == "questionnaire"
