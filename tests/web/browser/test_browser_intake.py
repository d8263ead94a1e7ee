"""The client intake link in real browsers: an attorney makes the link from a case at a desktop; the client
opens it in a browser of their own, without logging in, at a phone's size, in Spanish, answers the pages
left and sees only the thank-you; another phone is refused; the team then sees the answers. Expired and
turned-off links say so. axe-core checks every page; the screenshots of ``docs/web/intake-*`` are taken
here. Everyone in these tests is invented."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from browsing import (
    CHROMIUM,
    DESKTOP_WIDTHS,
    NO_CHROMIUM,
    PHONE,
    PHONE_DEVICE,
    PHONE_WIDTHS,
    SCREENSHOTS,
    Browser,
    OpenBrowser,
    check_layout,
)

from withhold.facts.case import Case
from withhold.facts.loading import validate_case
from withhold.interview.answers import answered, answered_dont_know, document_of
from withhold.interview.bank import question_for
from withhold.interview.pages import Audience, next_page
from withhold.interview.typed_answer import Answer, parse_answer

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)

LEFT = 3
"""Pages of the client interview left in the case the client is sent the link for."""

TYPED = {"yes_no": "no", "choice": "1", "choices": "1", "date": "2024-01-15", "number": "0", "count": "0"}


def client_case(left: int) -> str:
    """A case file (YAML) of an invented client, answered as far as the last ``left`` pages of the client
    interview: the link's interview is then short enough to run to its end here."""
    today = dt.date.today()

    def pages(case: Case, most: int) -> Case:
        for _ in range(most):
            page = next_page(case, today, Audience.CLIENT)
            if page is None:
                break
            for path in page.paths:
                question = question_for(path)
                reply = parse_answer(TYPED.get(question.kind, "GT"), question, "es")
                if isinstance(reply, Answer):
                    case = answered(case, path, reply.value, language="es")
                else:
                    case = answered_dont_know(case, path, language="es")
        return case

    start = validate_case(
        {"withhold": "case/1", "person": {"given_name": "Itzel", "family_name": "Ferrándiz"}}
    )
    whole = 0
    case = start
    while next_page(case, today, Audience.CLIENT) is not None and whole < 200:
        case = pages(case, 1)
        whole += 1
    return yaml.safe_dump(document_of(pages(start, max(0, whole - left))), allow_unicode=True)


def expire_newest_link(browser: Browser) -> None:
    """As if the newest link had expired a minute ago: set in the server's database, by a management
    command run as the server's own."""
    code = (
        "import datetime as dt; from django.utils import timezone; "
        "from withhold.web.intake.models import IntakeLink; "
        "newest = IntakeLink.objects.order_by('-created_at').first(); "
        "IntakeLink.objects.filter(pk=newest.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))"
    )
    command = [sys.executable, "-m", "withhold.web.manage", "shell", "-c", code]
    subprocess.run(command, env=browser.server.env, check=True, timeout=120, capture_output=True)


def shoot_element(browser: Browser, selector: str, name: str) -> None:
    """A screenshot of one element (the case page's panel), as :meth:`Browser.shoot` takes a window's."""
    if not SCREENSHOTS:
        return
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    browser.page.locator(selector).screenshot(path=folder / f"{name}.png", scale="css", animations="disabled")


def expected_status(browser: Browser, status: int) -> None:
    """The browser reports a page's own error status as an error: nothing else may have failed."""
    said = f"the server responded with a status of {status}"
    browser.errors[:] = [error for error in browser.errors if said not in error]


def open_panel(team: Browser) -> None:
    """Unfolds the case page's intake links, as a person does, if they are folded."""
    if not team.page.eval_on_selector("#intake", "panel => panel.open"):
        team.page.click("#intake > summary")


def make_link(team: Browser, case: str, language: str) -> str:
    """From the case page, as the team: the link for the client, as the page shows it once."""
    team.go(case)
    open_panel(team)
    team.page.check(f"#intake input[name=language][value={language}]")
    team.follow("#intake form.intake-new button[type=submit]")
    return str(team.page.input_value("#intake-url"))


def answer_page(phone: Browser) -> None:
    """Answers every question of the page shown, by its kind: "No", the first choice, "none of these",
    Guatemala, a date, zero, or "I don't know" for text; then saves."""
    page = phone.page
    for item in page.query_selector_all("form.intake-page fieldset.item"):
        radios = item.query_selector_all("input[type=radio]")
        boxes = item.query_selector_all("input[type=checkbox][name^=answer-]")
        select = item.query_selector("select")
        field = item.query_selector("input[type=date], input[type=number], input[type=text]")
        no = item.query_selector("input[type=radio][value=no]")
        if no is not None:
            no.check()
        elif radios:
            radios[0].check()
        elif boxes:
            item.query_selector("input[type=checkbox][value=none]").check()  # type: ignore[union-attr]
        elif select is not None:
            select.select_option("GT")
        elif field is not None and field.get_attribute("type") == "date":
            field.fill("2024-01-15")
        elif field is not None and field.get_attribute("type") == "number":
            field.fill("0")
        else:
            item.query_selector("input[name^=dont_know-]").check()  # type: ignore[union-attr]
    phone.follow("form.intake-page button[type=submit]")


def test_a_client_answers_on_their_phone_and_the_team_sees_it(open_browser: OpenBrowser) -> None:
    team = open_browser()
    team.log_in("demo")
    team.go("/cases/import/")
    team.page.fill("#id_text", client_case(LEFT))
    team.follow("main form button[type=submit]")
    case = team.path()
    assert case.startswith("/cases/") and case.count("/") == 3, case

    url = make_link(team, case, "es")
    assert "/intake/" in url
    team.check("the link made, shown once")
    check_layout(team.page, "the link made", DESKTOP_WIDTHS)
    team.shoot("intake-created-desktop")

    # The client: another browser, never logged in, a phone, the link opened from a message.
    phone = open_browser(PHONE, **PHONE_DEVICE)
    assert phone.page.goto(url) is not None
    assert phone.page.get_attribute("html", "lang") == "es"
    assert "Antes de empezar" in phone.page.inner_text("main h1")
    assert phone.page.query_selector("a[href^='/cases/'], a[href^='/accounts/']") is None
    phone.check("the welcome page")
    check_layout(phone.page, "the welcome page", PHONE_WIDTHS)
    phone.shoot("intake-welcome-phone")
    phone.follow("button[name=action][value=start]")

    phone.check("the client's first page")
    phone.shoot("intake-question-phone", whole=True)
    # A page sent empty says why, in Spanish, and nothing is saved.
    phone.follow("form.intake-page button[type=submit]")
    expected_status(phone, 422)
    assert "su atención" in phone.page.inner_text("main")
    phone.check("a page sent with nothing answered")
    phone.shoot("intake-error-phone")

    pages = 0
    while phone.page.query_selector("form.intake-page") is not None:
        assert pages < LEFT + 5, "the client's interview did not end"
        phone.check(f"the client's page {pages + 1}")
        check_layout(phone.page, f"the client's page {pages + 1}", PHONE_WIDTHS)
        body = phone.page.inner_text("body")
        assert "Itzel" not in body and "Ferrándiz" not in body
        answer_page(phone)
        pages += 1
    assert pages >= 1
    assert "Gracias. Su equipo legal se comunicará con usted." in phone.page.inner_text("main")
    for word in ("Itzel", "Ferrándiz", "Elegible", "Asilo", "Caso"):
        assert word not in phone.page.inner_text("body"), word
    phone.check("the thank-you")
    check_layout(phone.page, "the thank-you", PHONE_WIDTHS)
    phone.shoot("intake-thanks-phone")

    # A second phone: refused, plainly.
    other = open_browser(PHONE, **PHONE_DEVICE)
    response = other.page.goto(url)
    assert response is not None and response.status == 403
    expected_status(other, 403)
    assert "ya se está usando en otro dispositivo" in other.page.inner_text("main h1")
    other.check("a second device")

    # The team sees the answers: the panel, and the client's sitting among the versions.
    team.go(case)
    open_panel(team)
    panel = team.page.inner_text("#intake")
    assert "Finished" in panel and "Spanish" in panel
    team.go(f"{case}versions/")
    assert "The client (intake link)" in team.page.inner_text("main")
    team.check("the versions, with the client's sitting")

    # An expired link, and one turned off: said plainly, in the link's language and the other.
    expiring = make_link(team, case, "es")
    expire_newest_link(team)
    expired = open_browser(PHONE, **PHONE_DEVICE)
    response = expired.page.goto(expiring)
    assert response is not None and response.status == 410
    expected_status(expired, 410)
    assert "Este enlace ya venció" in expired.page.inner_text("main h1")
    assert "This link has expired" in expired.page.inner_text("main")
    expired.check("an expired link")
    check_layout(expired.page, "an expired link", PHONE_WIDTHS)
    expired.shoot("intake-expired-phone")

    second = make_link(team, case, "en")
    team.go(case)
    open_panel(team)
    team.follow("#intake tbody tr >> nth=0 >> button.danger")
    assert "turned off" in team.page.inner_text("main .messages")
    turned_off = open_browser(PHONE, **PHONE_DEVICE)
    response = turned_off.page.goto(second)
    assert response is not None and response.status == 410
    expected_status(turned_off, 410)
    assert "This link was turned off" in turned_off.page.inner_text("main h1")
    assert "Este enlace fue desactivado" in turned_off.page.inner_text("main")
    turned_off.check("a link turned off")

    team.go(case)
    open_panel(team)
    team.check("the case page's intake links")
    check_layout(team.page, "the case page's intake links", DESKTOP_WIDTHS)
    shoot_element(team, "#intake", "intake-panel-desktop")
