"""The date by which notice must be given, and the 90-day flag."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from beheer.models import Supplier
from operations.models import Contract
from operations.selectors import contract_rows
from operations.services import contract_term, notice_by, notice_soon


@pytest.mark.parametrize(
    ("term_end", "months", "last_day"),
    [
        (date(2027, 6, 30), 3, date(2027, 3, 31)),  # the whole of April-June stays
        (date(2026, 12, 31), 1, date(2026, 11, 30)),
        (date(2027, 5, 31), 3, date(2027, 2, 28)),  # into a short month
        (date(2028, 5, 31), 3, date(2028, 2, 29)),  # a leap year
        (date(2027, 3, 15), 2, date(2027, 1, 15)),  # mid-month: the day before the 16th
        (date(2027, 3, 15), 0, date(2027, 3, 15)),  # no notice period: the last day itself
        (date(2027, 12, 31), 12, date(2026, 12, 31)),
    ],
)
def test_notice_must_reach_the_other_party_before_the_notice_period_starts(
    term_end, months, last_day
):
    assert notice_by(term_end, months) == last_day


def test_a_contract_without_an_end_has_no_notice_date():
    assert contract_term(
        end_date=None, notice_months=3, renewal_months=12, today=date(2027, 1, 1)
    ) == (None, None)


def test_a_renewing_contract_moves_to_the_next_term_once_the_notice_day_has_passed():
    term = {"end_date": date(2026, 12, 31), "notice_months": 3, "renewal_months": 12}

    # On the last day notice is still possible for this term.
    assert contract_term(**term, today=date(2026, 9, 30)) == (date(2026, 12, 31), date(2026, 9, 30))
    # The day after, the contract runs another year: the next notice day counts.
    assert contract_term(**term, today=date(2026, 10, 1)) == (date(2027, 12, 31), date(2027, 9, 30))
    # Years later, terms still count from the first end, without drifting.
    assert contract_term(**term, today=date(2030, 2, 1)) == (date(2030, 12, 31), date(2030, 9, 30))


def test_a_renewal_from_the_end_of_february_keeps_to_the_end_of_the_month():
    term = {"end_date": date(2027, 2, 28), "notice_months": 1, "renewal_months": 12}

    assert contract_term(**term, today=date(2027, 3, 1)) == (date(2028, 2, 29), date(2028, 1, 31))


def test_a_contract_that_does_not_renew_keeps_its_passed_notice_day():
    assert contract_term(
        end_date=date(2026, 12, 31), notice_months=3, renewal_months=0, today=date(2026, 11, 1)
    ) == (date(2026, 12, 31), date(2026, 9, 30))


@pytest.mark.parametrize(
    ("days_ahead", "flagged"),
    [(-1, False), (0, True), (1, True), (89, True), (90, True), (91, False), (None, False)],
)
def test_a_notice_day_within_ninety_days_is_flagged(days_ahead, flagged):
    today = date(2026, 11, 30)
    last_day = today + timedelta(days=days_ahead) if days_ahead is not None else None

    assert notice_soon(last_day, today=today) is flagged


def test_the_contract_list_flags_the_contract_and_says_how_many_days_are_left(client_as):
    today = timezone.localdate()
    supplier = Supplier.objects.create(name="KlantLink B.V.")
    close = Contract.objects.create(
        name="Support CRM", supplier=supplier, end_date=today + timedelta(days=100)
    )
    Contract.objects.create(
        name="Portaal", supplier=supplier, end_date=today + timedelta(days=400), notice_months=1
    )
    assert not any(row.flagged for row in contract_rows(today=today))  # 100 days: not yet

    close.notice_months = 1  # now the last day falls a month earlier
    close.save()

    row = {row.contract: row for row in contract_rows(today=today)}[close]
    assert row.flagged and 66 <= row.days_to_notice <= 72
    page = client_as("mt").get(reverse("operations:contracts")).content.decode()
    assert page.count("data-notice-soon") == 1
