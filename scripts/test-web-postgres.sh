#!/usr/bin/env bash
# The web tests on PostgreSQL: a throwaway server of its own (scripts/postgres-for-tests.sh, installed from
# Debian's packages when missing), its DATABASE_URL exported, pytest run on tests/web, and the server
# stopped and deleted afterwards, whether the tests pass or not. Without arguments it runs tests/web but its
# browser/ folder, then the browser tests (a real browser, with the accessibility checks) against a server
# whose database is that PostgreSQL; with arguments, those go to pytest instead.
set -euo pipefail
cd "$(dirname "$0")/.."

UV="${UV:-$(command -v uv 2>/dev/null || echo "python3 -m uv")}"
dir="$(mktemp -d /tmp/withhold-postgres-XXXXXX)"
trap 'bash scripts/postgres-for-tests.sh stop "$dir" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

DATABASE_URL="$(bash scripts/postgres-for-tests.sh start "$dir")"
export DATABASE_URL
echo "Web tests on PostgreSQL (127.0.0.1:$(echo "$DATABASE_URL" | sed -E 's|.*:([0-9]+)/.*|\1|'))" >&2
if [ $# -gt 0 ]; then
    $UV run --frozen pytest -q -p no:cacheprovider "$@"
    exit
fi
# Two workers, each with its own test database (test_<name>_gw0, _gw1).
$UV run --frozen pytest -q -p no:cacheprovider -n 2 --dist loadfile tests/web --ignore=tests/web/browser
# The browser tests that write through the server — a case from login to reports, an interview answered
# without reloading, the audit log, recovering a version, a spreadsheet imported and the docket screened by
# the task queue's worker — against a server on PostgreSQL: the database the URL names, which the Django
# tests above leave alone (they make and drop test_<name>). The rest of the browser tests (the same flows
# in Spanish or on a phone, every page type, self-help, intake, list editing, the I-589, the client's
# interview) run once, on SQLite, in the main suite: what they add on PostgreSQL the Django tests above
# already cover, and a second run costs CI minutes.
echo "Browser tests with the server on PostgreSQL" >&2
WITHHOLD_BROWSER_DATABASE_URL="$DATABASE_URL" $UV run --frozen pytest -q -p no:cacheprovider \
    "tests/web/browser/test_browser_flow.py::test_a_case_from_login_to_reports[en]" \
    tests/web/browser/test_browser_flow.py::test_the_interview_answers_without_reloading \
    "tests/web/browser/test_browser_audit_and_recovery.py::test_the_audit_log[desktop]" \
    tests/web/browser/test_browser_audit_and_recovery.py::test_recovery_codes \
    tests/web/browser/test_browser_bulk.py
