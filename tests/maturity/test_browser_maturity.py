"""The key user's loop in Chromium: answers saved as given, a failed save said
out loud with the input kept, resuming where one stopped; and results a manager
can present. Pages in English: the Dutch of new texts comes with the catalogue."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from beheer import demo
from maturity.models import Answer, Assessment, Dimension, Response, Statement

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page: Page, base: str, username: str) -> None:
    """Log in as a demo account (wherever the login leads: the home page is another's)."""
    page.goto(base + "/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(demo.DEMO_PASSWORD)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))
    page.set_default_timeout(10_000)


def _english(page: Page, base: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])


def _open_round() -> Assessment:
    return Assessment.objects.get(name="Nulmeting", is_open=True)


def _mine(assessment):
    """The key user's answers in the round."""
    return Answer.objects.filter(
        response__assessment=assessment, response__respondent__username="keyuser"
    )


def _statement(fieldset) -> Statement:
    return Statement.objects.get(pk=int(fieldset.get_attribute("data-statement")))


def _unanswered(page: Page, count: int | None = None):
    """The statements of the page without an answer, each by its id (a locator
    of "unanswered" would move on to the next one once answered)."""
    found = page.locator("fieldset.statement:not(:has(input[type=radio]:checked))")
    ids = found.evaluate_all("(all) => all.map((fieldset) => fieldset.id)")[:count]
    return [page.locator(f"#{id_}") for id_ in ids]


def test_six_answers_and_a_comment_survive_leaving_through_the_menu_and_resume(
    page: Page, live_server
):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = _open_round()
    base = live_server.url
    log_in(page, base, "keyuser")
    _english(page, base)

    # The demo's key user has answered part: "continue" goes to the first open statement.
    page.goto(f"{base}/volwassenheid/{assessment.pk}/")
    page.get_by_role("button", name="Continue the questionnaire").click()
    first_open = page.locator(f"fieldset{page.evaluate('location.hash')}")
    expect(first_open).to_have_attribute("data-state", "idle")
    expect(first_open.locator("input[type=radio]").first).to_be_focused()
    answered_before = Answer.objects.filter(response__respondent__username="keyuser").count()

    # Six statements answered on this page, one with a comment; each saves by itself.
    six = _unanswered(page, 6)
    six_statements = [_statement(fieldset) for fieldset in six]
    labels = ["Fully", "Largely", "Partly", "Not", "Don't know", "Fully"]
    for fieldset, label in zip(six, labels, strict=True):
        fieldset.get_by_label(label, exact=True).check()
    six[2].get_by_label("Comment (optional)").fill("Alleen bij de reparatiebalie")
    for fieldset in six:
        expect(fieldset).to_have_attribute("data-state", "saved")
        expect(fieldset.locator(".save-state")).to_contain_text("Saved")

    # Leave through the menu: nothing to warn about, everything is stored.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("header a[href='/volwassenheid/']").first.click()
    expect(page).to_have_url(f"{base}/volwassenheid/")
    assert dialogs == []
    saved = {
        a.statement_id: (a.value, a.comment)
        for a in Answer.objects.filter(response__respondent__username="keyuser")
    }
    assert len(saved) == answered_before + 6
    assert saved[six_statements[2].pk] == ("partly", "Alleen bij de reparatiebalie")

    # Coming back: all six and the comment are there, and it resumes after them.
    page.get_by_role("link", name="Nulmeting").click()
    page.get_by_role("button", name="Continue the questionnaire").click()
    values = ["fully", "largely", "partly", "not", "dont_know", "fully"]
    for statement, value in zip(six_statements, values, strict=True):
        expect(page.locator(f"#stelling-{statement.pk} input[value='{value}']")).to_be_checked()
    expect(page.locator(f"#stelling-{six_statements[2].pk} input[type=text]")).to_have_value(
        "Alleen bij de reparatiebalie"
    )
    resumed = page.evaluate("location.hash")
    first_unanswered = Statement.objects.exclude(pk__in=saved).order_by(
        "dimension__order", "level", "order", "id"
    )[0]
    assert resumed == f"#stelling-{first_unanswered.pk}"
    expect(page.locator(f"{resumed} input[type=radio]").first).to_be_focused()
    expect(page.locator("#progress-text")).to_have_text(f"{len(saved)} of 60 statements answered")


def test_a_failed_save_says_so_keeps_the_input_and_is_tried_again(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = _open_round()
    base = live_server.url
    log_in(page, base, "keyuser")
    _english(page, base)
    page.goto(f"{base}/volwassenheid/{assessment.pk}/invullen/customer/")
    banner = page.locator("#save-problem")
    expect(banner).to_be_hidden()

    # The server cannot be reached.
    page.route("**/antwoord/**", lambda route: route.abort())
    offline = _unanswered(page, 1)[0]
    statement = _statement(offline)
    offline.get_by_label("Largely", exact=True).check()
    expect(offline).to_have_attribute("data-state", "failed")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("no connection to the server")
    expect(offline.get_by_label("Largely", exact=True)).to_be_checked()
    assert not _mine(assessment).filter(statement=statement).exists()

    # Leaving now asks first.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator("header a[href='/volwassenheid/']").first.click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(page).to_have_url(re.compile(r"/invullen/customer/"))

    # Back online: trying again saves what is on screen.
    page.unroute("**/antwoord/**")
    banner.get_by_role("button", name="Try again").click()
    expect(offline).to_have_attribute("data-state", "saved")
    expect(banner).to_be_hidden()
    assert _mine(assessment).get(statement=statement).value == ("largely")

    # The session ends: the login page that comes back is not taken for a save.
    page.context.clear_cookies(name="sessionid")
    expired = _unanswered(page, 1)[0]
    statement = _statement(expired)
    expired.get_by_label("Comment (optional)").fill("Nog navragen")
    expired.get_by_label("Fully", exact=True).check()  # saves the comment with it
    expect(expired).to_have_attribute("data-state", "failed")
    expect(banner).to_contain_text("Your session has ended")
    expect(expired.get_by_label("Comment (optional)")).to_have_value("Nog navragen")
    assert not _mine(assessment).filter(statement=statement).exists()

    # Logging in again in another tab, then trying again, saves it.
    other = page.context.new_page()
    log_in(other, base, "keyuser")
    other.close()
    banner.get_by_role("button", name="Try again").click()
    expect(expired).to_have_attribute("data-state", "saved")
    answer = _mine(assessment).get(statement=statement)
    assert (answer.value, answer.comment) == ("fully", "Nog navragen")


def test_without_javascript_the_save_button_keeps_the_answers(browser, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = _open_round()
    base = live_server.url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, base, "keyuser")
    _english(page, base)
    dimension = Dimension.objects.get(key="supplier")

    page.goto(f"{base}/volwassenheid/{assessment.pk}/invullen/supplier/")
    fieldset = _unanswered(page, 1)[0]
    statement = _statement(fieldset)
    fieldset.get_by_label("Partly", exact=True).check()
    page.get_by_role("button", name="Save and review").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting"
    )
    answer = _mine(assessment).get(statement=statement)
    assert answer.value == "partly" and statement.dimension == dimension
    context.close()


def test_results_show_level_names_the_axis_position_and_readable_figures(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = Assessment.objects.get(department__name="Wonen", name="Najaar 2026")
    base = live_server.url
    log_in(page, base, "manager")
    _english(page, base)
    page.set_viewport_size({"width": 1366, "height": 768})  # a laptop

    page.goto(f"{base}/volwassenheid/{assessment.pk}/resultaten/")

    overall = page.locator(".overall-level")
    expect(overall).to_contain_text("Controlled service delivery")
    expect(page.locator(".model-levels")).to_contain_text("Business partner")
    expect(page.locator(".position-words")).to_have_text(
        "Mostly inward-looking, starting to steer on value."
    )
    expect(page.locator(".axis-ahead")).to_contain_text("the axis that lags decides")
    dot = page.locator(".position-dot")
    expect(dot).to_be_visible()
    assert re.fullmatch(r"\d+\.\d", dot.get_attribute("cx"))
    main = page.locator("main").inner_text()
    assert not re.search(r"\d[.,]\d{3,}", main), "a figure with more than two decimals"
    expect(page.locator(".disagreements small").first).to_contain_text(
        re.compile(r"disagreement 0\.\d\d")
    )
    # Every word of the picture is inside it, at 12 px or more.
    outside = page.evaluate(
        """() => {
          const svg = document.querySelector('.model-picture');
          const frame = svg.getBoundingClientRect();
          const scale = frame.width / svg.viewBox.baseVal.width;
          return Array.from(svg.querySelectorAll('text')).filter((text) => {
            const box = text.getBoundingClientRect();
            const size = parseFloat(text.getAttribute('font-size')) * scale;
            return size < 12 || box.left < frame.left - 0.5 || box.right > frame.right + 0.5
              || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5;
          }).map((text) => text.textContent);
        }"""
    )
    assert outside == []
    # The radar chart draws its labels at 12 px or more, wrapped, never cut.
    radar = page.locator("#radar")
    expect(radar).to_have_attribute("data-rendered", "true")
    fonts = page.evaluate(
        """() => {
          const options = document.getElementById('radar').chart.options;
          return [options.scales.r.pointLabels.font.size, options.scales.r.ticks.font.size,
                  options.plugins.legend.labels.font.size];
        }"""
    )
    assert min(fonts) >= 12
    labels = page.evaluate("() => document.getElementById('radar').chart.data.labels")
    assert ["Integration &", "automation"] in labels


def test_a_key_user_finishes_and_submits_and_the_manager_sees_the_chart(page: Page, live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)
    assessment = _open_round()
    base = live_server.url
    log_in(page, base, "keyuser")
    _english(page, base)
    page.goto(f"{base}/volwassenheid/{assessment.pk}/")
    page.get_by_role("button", name="Continue the questionnaire").click()
    for _dimension in Dimension.objects.all():
        for fieldset in _unanswered(page):
            fieldset.get_by_label("Largely", exact=True).check()
            expect(fieldset).to_have_attribute("data-state", "saved")
        if page.get_by_role("button", name="Save and continue").count():
            page.get_by_role("button", name="Save and continue").click()
        else:
            page.get_by_role("button", name="Save and review").click()
            break
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting"
    )
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Thank you: your answers have been submitted.")).to_be_visible()
    assert Response.objects.get(assessment=assessment, respondent__username="keyuser").submitted_at

    page.context.clear_cookies()
    log_in(page, base, "manager")
    page.goto(f"{base}/volwassenheid/{assessment.pk}/resultaten/")
    expect(page.locator("#radar")).to_have_attribute("data-rendered", "true")
