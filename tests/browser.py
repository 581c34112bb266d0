"""Helpers for the browser tests."""

from pathlib import Path

from playwright.sync_api import ConsoleMessage, Page, expect

from beheer import demo


def log_in(page: Page, base_url: str, username: str) -> None:
    """Log in through the login form as a demo account and land on Mijn werk."""
    page.goto(base_url + "/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    page.set_default_timeout(10_000)


# Runs in every page before its own scripts: a refused inline script or style, eval
# or foreign request fires `securitypolicyviolation`; say it on the console, where
# watch_csp_violations hears it (Chromium's own console line may not reach us).
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    "Content Security Policy violation: " + event.violatedDirective + " blocked " +
      (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber
  );
}, true);
"""


def watch_csp_violations(page: Page) -> list[str]:
    """Collect every Content-Security-Policy violation the page reports, from now on."""
    violations: list[str] = []

    def heard(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text and message.text not in violations:
            violations.append(message.text)

    page.add_init_script(_REPORT_VIOLATIONS)
    page.on("console", heard)
    return violations


_AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def axe_violations(page: Page, impacts=("critical", "serious")) -> list[str]:
    """Run axe-core (vendored, tests/vendor/axe-core) on the page as it is now and
    return its violations of these impacts, one line each: rule, impact, where.
    Evaluated, not added as a script tag: the page's CSP refuses inline scripts."""
    page.evaluate(_AXE.read_text(encoding="utf-8"))
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map((v) => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['nodes'])}"
        for v in results
        if v["impact"] in impacts
    ]
