#!/usr/bin/env bash
# The web tests on PostgreSQL: a throwaway server of its own (scripts/postgres-for-tests.sh, installed from
# Debian's packages when missing), its DATABASE_URL exported, pytest run on tests/web, and the server
# stopped and deleted afterwards, whether the tests pass or not. Without arguments it runs tests/web but its
# browser/ folder (the pages in a real browser: the database underneath is the same Django code, and they
# are slow); with arguments, those go to pytest instead (e.g. `tests/web` for everything).
set -euo pipefail
cd "$(dirname "$0")/.."

UV="${UV:-$(command -v uv 2>/dev/null || echo "python3 -m uv")}"
dir="$(mktemp -d /tmp/withhold-postgres-XXXXXX)"
trap 'bash scripts/postgres-for-tests.sh stop "$dir" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

DATABASE_URL="$(bash scripts/postgres-for-tests.sh start "$dir")"
export DATABASE_URL
echo "Web tests on PostgreSQL (127.0.0.1:$(echo "$DATABASE_URL" | sed -E 's|.*:([0-9]+)/.*|\1|'))" >&2
if [ $# -eq 0 ]; then
    set -- tests/web --ignore=tests/web/browser
fi
$UV run --frozen pytest -q -p no:cacheprovider "$@"
