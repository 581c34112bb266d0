"""The beheermatrix on a 1280×800 laptop screen: what is in view, the keyboard's
focus, the rule feedback heard by a screen reader, the print as PDF, a rename by
two managers at once, and axe-core's verdict for each kind of reader."""

import re
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from beheer.models import Role
from matrix.models import Activity, Responsibility
from matrix.services import version_adopt
from tests.browser import axe_violations, log_in, watch_csp_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def demo(live_server):
    call_command("loaddemo", allow_public_demo_passwords=True, stdout=None)


@pytest.fixture
def wide(demo):
    """More roles than fit beside each other on 1280 px, so the grid scrolls sideways."""
    task = Activity.objects.filter(component__isnull=True).order_by("theme", "order").first()
    for number in range(1, 21):
        role = Role.objects.create(name=f"Extra rol {number:02}", kind="functional")
        Responsibility.objects.create(activity=task, role=role, code="I")
    return task


def _open_grid(page: Page, url: str, username: str = "manager", path: str = "/beheermatrix/"):
    page.set_viewport_size(LAPTOP)
    log_in(page, url, username)
    page.goto(url + path)


def test_the_first_row_is_in_view_without_scrolling(page: Page, live_server, demo):
    _open_grid(page, live_server.url)

    first = page.locator("#matrix tbody tr[data-key]").first
    box = first.bounding_box()
    assert page.evaluate("window.scrollY") == 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= LAPTOP["height"], box
    # And not only in the window: in the grid's own scroll area too.
    assert page.evaluate(
        """(tr) => {
            const area = tr.closest('.matrix-wrap').getBoundingClientRect();
            const row = tr.getBoundingClientRect();
            return row.bottom <= area.bottom && row.top >= area.top;
        }""",
        first.element_handle(),
    )


# The focused cell against what shows of the grid: its scroll area, less the two
# columns (task, check) of its own row that stay put and the headings above.
_VISIBLE = """() => {
    const td = document.activeElement;
    const area = td.closest('.matrix-wrap');
    const frame = area.getBoundingClientRect();
    const sticky = td.closest('tr').querySelector('td.row-status').getBoundingClientRect();
    const heading = document.querySelector('#matrix thead tr.roles').getBoundingClientRect();
    const box = td.getBoundingClientRect();
    const view = {
        left: sticky.right,
        right: frame.left + area.clientLeft + area.clientWidth,
        top: heading.bottom,
        bottom: Math.min(frame.top + area.clientTop + area.clientHeight, window.innerHeight),
    };
    const inside = box.left >= view.left - 0.5 && box.right <= view.right + 0.5
        && box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
    return {inside, box: [box.left, box.right, box.top, box.bottom],
            view: [view.left, view.right, view.top, view.bottom], text: td.textContent};
}"""


def test_arrowing_right_and_back_keeps_the_focused_cell_fully_visible(
    page: Page, live_server, wide
):
    _open_grid(page, live_server.url)
    assert page.evaluate(
        "() => { const a = document.querySelector('.matrix-wrap');"
        " return a.scrollWidth > a.clientWidth + 200; }"
    ), "the grid must be wider than the screen for this test to mean anything"
    columns = page.locator("#matrix thead th[data-role]").count()
    row = page.locator(f"#activity-{wide.pk}")
    row.locator("td:not(.row-status)").first.focus()
    page.keyboard.press("Home")

    for step in range(columns - 1):
        page.keyboard.press("ArrowRight")
        seen = page.evaluate(_VISIBLE)
        assert seen["inside"], f"right, step {step + 1}: {seen}"
    expect(row.locator("td:not(.row-status)").last).to_be_focused()
    assert page.evaluate("document.querySelector('.matrix-wrap').scrollLeft") > 0

    for step in range(columns - 1):
        page.keyboard.press("ArrowLeft")
        seen = page.evaluate(_VISIBLE)
        assert seen["inside"], f"left, step {step + 1}: {seen}"
    expect(row.locator("td:not(.row-status)").first).to_be_focused()


def test_the_grid_is_one_tab_stop_with_spreadsheet_keys(page: Page, live_server, demo):
    _open_grid(page, live_server.url)
    rows = page.locator("#matrix tbody tr[data-editable]")
    first_row, last_row = rows.first, rows.last
    focused = page.locator("#matrix tbody :focus")

    # Tab reaches the grid once, at its first cell; the next Tab leaves it.
    page.locator("#invalid-filter").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.getElementById('matrix').contains(document.activeElement)"):
            break
    expect(first_row.locator("td:not(.row-status)").first).to_be_focused()
    page.keyboard.press("Tab")
    assert not page.evaluate("document.getElementById('matrix').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    expect(first_row.locator("td:not(.row-status)").first).to_be_focused()

    page.keyboard.press("End")
    expect(first_row.locator("td:not(.row-status)").last).to_be_focused()
    page.keyboard.press("Home")
    expect(first_row.locator("td:not(.row-status)").first).to_be_focused()
    page.keyboard.press("ArrowLeft")  # left of the first cell: the row's own page
    expect(first_row.locator("th.activity a")).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Control+End")
    expect(last_row.locator("td:not(.row-status)").last).to_be_focused()
    page.keyboard.press("Control+Home")
    expect(first_row.locator("td:not(.row-status)").first).to_be_focused()
    page.keyboard.press("PageDown")
    index = page.evaluate(
        "() => Array.from(document.querySelectorAll('#matrix tbody tr[data-editable]'))"
        ".indexOf(document.activeElement.closest('tr'))"
    )
    assert index > 1
    page.keyboard.press("PageUp")
    expect(first_row.locator("td:not(.row-status)").first).to_be_focused()
    expect(focused).to_have_count(1)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one, other) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _rgb(css: str) -> tuple[float, float, float]:
    numbers = re.findall(r"[\d.]+", css)
    return tuple(float(n) for n in numbers[:3])


# The focused cell's ring (outline and inset shadow) and the colour it is drawn
# on: the cell's own background, or what shows through it.
_RING = """() => {
    const td = document.activeElement;
    const style = getComputedStyle(td);
    let background = 'rgba(0, 0, 0, 0)';
    for (let node = td; node && node.nodeType === 1; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') {
            background = colour;
            break;
        }
    }
    return {outline: style.outlineColor, outlineStyle: style.outlineStyle,
            outlineWidth: style.outlineWidth, shadow: style.boxShadow,
            background: background === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : background};
}"""


def test_the_focus_ring_stands_out_on_every_cell_colour(page: Page, live_server, demo):
    _open_grid(page, live_server.url)

    for code in ("R", "A", "C", "I", ""):
        cell = page.locator("#matrix tbody tr[data-editable] td:not(.row-status)").filter(
            has_text=re.compile(f"^{code}$")
        )
        cell.first.focus()
        ring = page.evaluate(_RING)
        assert ring["outlineStyle"] == "solid" and float(ring["outlineWidth"][:-2]) >= 2, ring
        shadow = re.match(r"(rgba?\([^)]*\))", ring["shadow"])
        assert shadow, ring
        outer, inner, background = _rgb(ring["outline"]), _rgb(shadow[1]), _rgb(ring["background"])
        # The two lines of the ring tell apart from each other, and at least one
        # of them from the cell's colour (WCAG 1.4.11: 3:1).
        assert _contrast(outer, inner) >= 3, ring
        best = max(_contrast(outer, background), _contrast(inner, background))
        assert best >= 3, f"code {code or 'empty'}: {best:.2f} {ring}"


def test_a_rule_break_and_its_repair_are_announced(page: Page, live_server, demo):
    task = Activity.objects.create(title="Testtaak met A", theme="Releases en updates", order=1)
    owner = Role.objects.get(name="Eigenaar Klantvolgsysteem")
    Responsibility.objects.create(activity=task, role=owner, code="A")
    Responsibility.objects.create(
        activity=task, role=Role.objects.get(name="Functioneel beheer"), code="R"
    )
    _open_grid(page, live_server.url)
    count = int(page.locator("#invalid-count").text_content())
    column = page.evaluate(
        "(role) => Array.from(document.querySelectorAll('thead th[data-role]'))"
        ".findIndex((th) => th.dataset.role === role)",
        str(owner.pk),
    )
    cell = page.locator(f"#activity-{task.pk} > td:not(.row-status)").nth(column)
    announced = page.locator("#matrix-announce")
    expect(announced).to_have_attribute("aria-live", "polite")

    cell.focus()
    page.keyboard.press("Delete")
    expect(announced).to_have_text(re.compile(r"taak “Testtaak met A”: .*geen A"))
    # The counter and its list change with it.
    expect(page.locator("#invalid-count")).to_have_text(str(count + 1))
    expect(page.locator("#invalid-list")).to_contain_text("Testtaak met A")

    page.keyboard.press("a")
    expect(announced).to_have_text("taak “Testtaak met A” voldoet weer aan de regels")
    expect(page.locator("#invalid-count")).to_have_text(str(count))
    expect(page.locator("#invalid-list")).not_to_contain_text("Testtaak met A")

    # H shows the cell's history beside the grid, newest change first.
    page.keyboard.press("h")
    panel = page.locator("#cell-history")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Testtaak met A")
    expect(panel.locator(".cell-changes li").first).to_contain_text(re.compile(r"—\s*→\s*A"))
    expect(panel.locator(".cell-changes li").nth(1)).to_contain_text(re.compile(r"A\s*→\s*—"))


def test_the_print_view_prints_landscape_with_every_role(page: Page, live_server, demo, tmp_path):
    _open_grid(page, live_server.url, path="/beheermatrix/afdrukken/")
    expect(page.locator("table.matrix")).to_be_visible()
    pdf = tmp_path / "beheermatrix.pdf"
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)

    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595), info  # A4, landscape
    text = subprocess.run(
        ["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"[\s\u00ad-]+", "", text)
    missing = [
        role.name for role in Role.objects.all() if re.sub(r"[\s-]+", "", role.name) not in flat
    ]
    assert not missing, f"role names not on the paper: {missing}"
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    # The footer: organisation and page numbers on every page.
    assert text.count("De Linde") >= pages
    assert f"Pagina {pages} van {pages}" in text


def test_two_managers_renaming_one_task_the_second_is_refused(browser: Browser, live_server, demo):
    task = Activity.objects.order_by("pk").first()
    url = f"{live_server.url}/beheermatrix/taken/{task.pk}/bewerken/"
    pages = []
    for username in ("manager", "beheerder"):
        context = browser.new_context(viewport=LAPTOP)
        page = context.new_page()
        violations = watch_csp_violations(page)
        log_in(page, live_server.url, username)
        page.goto(url)
        pages.append((page, violations))
    (first, first_violations), (second, second_violations) = pages

    first.locator("#id_title").fill("Eerst hernoemd")
    first.get_by_role("button", name="Opslaan").click()
    expect(first.locator("main")).to_contain_text("is opgeslagen")

    second.locator("#id_title").fill("Later hernoemd")
    second.get_by_role("button", name="Opslaan").click()
    expect(second.locator(".form-errors")).to_be_visible()
    expect(second.locator("table.conflicts")).to_contain_text("Eerst hernoemd")
    task.refresh_from_db()
    assert task.title == "Eerst hernoemd"
    assert not first_violations + second_violations
    for page, _violations in pages:
        page.context.close()


@pytest.mark.parametrize("username", ["manager", "eigenaar", "mt"])
def test_axe_finds_nothing_critical_or_serious_on_the_grids(
    page: Page, live_server, demo, username
):
    version = version_adopt(
        adopted_on=None, note="Vastgesteld", user=get_user_model().objects.get(username="mt")
    )
    Activity.objects.create(title="Taak na de versie", theme="Releases en updates", order=99)
    page.set_viewport_size(LAPTOP)
    log_in(page, live_server.url, username)
    grids = ("/beheermatrix/", "/beheermatrix/autorisaties/")
    around = (
        "/beheermatrix/afdrukken/",
        version.get_absolute_url(),
        f"/beheermatrix/versies/vergelijken/?old={version.pk}&new=current",
    )
    found = {}
    for path in grids + around:
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        if username == "eigenaar" and path in grids:
            # Her own rows, marked, and the others read-only: both kinds are checked.
            expect(page.locator("#matrix tr.mine").first).to_be_visible()
        if "vergelijken" in path:
            expect(page.locator("main")).to_contain_text("Taak na de versie")
        found[path] = axe_violations(page)
    assert not any(found.values()), "\n".join(
        f"{path}: {violation}" for path, violations in found.items() for violation in violations
    )
