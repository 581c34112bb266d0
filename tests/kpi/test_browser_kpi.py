"""The main flows of success factors and KPIs in a real browser."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from kpi.models import FactorReview, Kpi, Measurement, SuccessFactor
from tests.browser import axe_violations, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _progress(page: Page, theme: str) -> str:
    return page.locator(f'[data-progress="{theme}"]').first.inner_text()


def test_a_manager_records_a_review_and_sees_progress_change(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    factor = SuccessFactor.objects.get(key="architectuur")  # not present in the demo
    log_in(page, live_server.url, "manager")
    page.get_by_role("link", name="KPI's").first.click()
    page.get_by_role("navigation", name="Succesfactoren en KPI's").get_by_role(
        "link", name="Succesfactoren"
    ).click()
    before = _progress(page, "it")

    page.get_by_role("link", name=str(factor)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(factor))
    page.get_by_label("Geborgd").check()
    page.get_by_label("Onderbouwing").fill("Architectuurprincipes vastgesteld door het MT.")
    page.get_by_label("Volgende actie").fill("")
    page.get_by_role("button", name="De beoordeling vastleggen").click()
    expect(page.get_by_text("De beoordeling is vastgelegd.")).to_be_visible()
    expect(page.locator("[data-latest-status]")).to_have_text("Geborgd")

    page.get_by_role("link", name="Succesfactoren", exact=True).click()
    after = _progress(page, "it")
    assert int(after.rstrip("%")) > int(before.rstrip("%"))
    row = page.locator(f'tr[data-factor="{factor.key}"]')
    expect(row).to_contain_text("Geborgd")
    assert FactorReview.objects.filter(factor=factor).first().status == "anchored"


def test_an_upload_turns_a_kpi_from_no_data_to_a_status(page: Page, live_server, tmp_path):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    kpi = Kpi.objects.get(name="Actuele kennisbankartikelen")  # the stale one
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + "/kpi/")
    row = page.locator(f'tr[data-kpi="{kpi.pk}"]')
    expect(row.locator("[data-status]")).to_have_text("Geen recente gegevens")

    quarter = timezone.localdate().replace(day=1) - timedelta(days=40)
    good = tmp_path / "kennisbank.csv"
    good.write_text(f"kpi;datum;waarde;bron\n{kpi.name};{quarter:%Y-%m-%d};91,5;Kennisbank\n")
    page.get_by_role("button", name="Metingen uploaden").click()
    page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(good))
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Voorbeeld")).to_be_visible()
    page.get_by_role("button", name="Deze metingen opslaan").click()
    expect(page.get_by_text("Opgeslagen: 1 rijen.")).to_be_visible()

    row = page.locator(f'tr[data-kpi="{kpi.pk}"]')
    expect(row.locator("[data-status]")).to_have_text("Op koers")
    row.get_by_role("link", name=kpi.name).click()
    expect(page.locator("#trend")).to_have_attribute("data-rendered", "true")


def test_a_bad_upload_shows_its_row_errors_and_changes_nothing(page: Page, live_server, tmp_path):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    kpi = Kpi.objects.get(name="Klanttevredenheid klantcontact")
    count = Measurement.objects.count()
    bad = tmp_path / "fout.csv"
    bad.write_text(
        "kpi;datum;waarde\n"
        f"{kpi.name};2026-10-01;7,9\n"
        f"{kpi.name};2026-13-01;7,9\n"
        "Bestaat niet;2026-10-01;1\n"
    )
    log_in(page, live_server.url, "manager")
    page.goto(live_server.url + f"/kpi/{kpi.pk}/")
    page.get_by_role("button", name="Metingen uploaden").click()
    page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(str(bad))
    page.get_by_role("button", name="Bestand controleren").click()

    errors = page.get_by_role("alert")
    expect(errors.get_by_role("heading")).to_have_text("2 fouten: er is niets opgeslagen")
    expect(errors).to_contain_text("CSV, rij 3, kolom datum: Dit is geen datum")
    expect(errors).to_contain_text("CSV, rij 4, kolom kpi: Er is geen KPI met deze naam.")
    expect(page.get_by_role("button", name="Deze metingen opslaan")).to_have_count(0)
    assert Measurement.objects.count() == count


def test_the_channel_page_shows_the_mix_and_the_digital_share(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    log_in(page, live_server.url, "mt")
    page.goto(live_server.url + "/kpi/kanalen/")
    expect(page.locator("#mix")).to_have_attribute("data-rendered", "true")
    share = float(page.locator("[data-digital-share]").inner_text().rstrip("%").replace(",", "."))
    assert 50 < share < 80  # the demo's shift towards the portal
    expect(page.get_by_role("button", name="Contactvolumes uploaden")).to_have_count(0)


def test_the_kpi_pages_pass_axe(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    kpi = Kpi.objects.filter(measurements__isnull=False).first()
    factor = SuccessFactor.objects.get(key="architectuur")
    log_in(page, live_server.url, "manager")

    found = {}
    for path in ("/kpi/", kpi.get_absolute_url(), factor.get_absolute_url()):
        page.goto(live_server.url + path)
        found[path] = axe_violations(page)

    assert found == {path: [] for path in found}
