#!/usr/bin/env bash
# A throwaway PostgreSQL server for the web tests, on 127.0.0.1 only, with nothing shared with any other
# cluster on the machine (no systemd, no pg_ctlcluster, no /var/run/postgresql).
#
#   scripts/postgres-for-tests.sh start [DIR]   start it (or find it running) and print its DATABASE_URL
#   scripts/postgres-for-tests.sh url [DIR]     print the DATABASE_URL of the one running in DIR
#   scripts/postgres-for-tests.sh stop [DIR]    stop it and delete DIR
#
# DIR defaults to $WITHHOLD_PG_DIR, else /tmp/withhold-postgres-$UID (under /tmp, which the `postgres` user
# can reach). `start` is idempotent: it installs Debian's `postgresql` only when no server binaries are
# found, reuses a server already running in DIR, and otherwise makes a fresh cluster there (initdb, a free
# port, a user and database `withhold` with a random password). Run as root, the server runs as the
# `postgres` user (initdb refuses root); run as anyone else, as that user. Durability is switched off: the
# data is for one test run only. Only the DATABASE_URL goes to standard output; the rest to standard error.
set -euo pipefail

command="${1:-}"
dir="${2:-${WITHHOLD_PG_DIR:-/tmp/withhold-postgres-$(id -u)}}"
data="$dir/data"
user=withhold
database=withhold

say() { echo "postgres-for-tests: $*" >&2; }

find_bin() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$found" ] && [ -x "$found/initdb" ] && [ -x "$found/pg_ctl" ] && [ -x "$found/psql" ]; then
        echo "$found"
    fi
}

install_postgresql() {
    say "installing Debian's postgresql"
    bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" postgresql
}

# Run a PostgreSQL program as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

running() {
    [ -n "${BIN:-}" ] && [ -f "$data/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

free_port() {
    python3 - <<'EOF' 2>/dev/null || echo 54329
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
EOF
}

random_password() {
    od -An -N18 -tx1 /dev/urandom | tr -d ' \n'
}

start() {
    BIN="$(find_bin)"
    if [ -z "$BIN" ]; then
        install_postgresql
        BIN="$(find_bin)"
        [ -n "$BIN" ] || { say "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 1; }
    fi
    if running && [ -f "$dir/url" ]; then
        cat "$dir/url"
        return
    fi
    [ -e "$dir" ] && stop_quietly
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        say "the 'postgres' user is missing (it comes with Debian's postgresql-common)"
        exit 1
    fi
    mkdir -p "$dir"
    chmod 0700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

    local password port
    password="$(random_password)"
    port="$(free_port)"
    # The password file is read by initdb as the server's owner, then removed.
    (umask 077 && printf '%s\n' "$password" >"$dir/password")
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/password"; fi
    as_owner "$BIN/initdb" -D "$data" -U "$user" --pwfile="$dir/password" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/password"
    # Only the loopback address, and the socket in DIR (never /var/run/postgresql, which may not exist).
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
logging_collector = off
EOF
    as_owner "$BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start >/dev/null \
        || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    as_owner "$BIN/psql" -h "$dir" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE DATABASE $database OWNER $user" >/dev/null
    local url="postgres://$user:$password@127.0.0.1:$port/$database"
    (umask 077 && printf '%s\n' "$url" >"$dir/url")
    say "PostgreSQL $("$BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
    echo "$url"
}

stop_quietly() {
    BIN="${BIN:-$(find_bin)}"
    if running; then
        as_owner "$BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "$command" in
    start) start ;;
    url)
        BIN="$(find_bin)"
        running && cat "$dir/url" || { say "no server running in $dir"; exit 1; }
        ;;
    stop)
        stop_quietly
        say "stopped; removed $dir"
        ;;
    *)
        echo "usage: $0 start|url|stop [DIR]" >&2
        exit 2
        ;;
esac
