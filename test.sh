#!/usr/bin/env bash
# Runs every test: unit, HTTP and end-to-end (Playwright in Debian's Chromium), on SQLite and PostgreSQL.
# Installs what the tests need when it is missing (Chromium, git, PostgreSQL) with apt, starts a private
# PostgreSQL server for the run (removed again at the end, also when tests fail), then runs `dotnet test`.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Storage".
set -euo pipefail
cd "$(dirname "$0")"

# The newest installed PostgreSQL's programs (Debian keeps them out of PATH, per major version).
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v git >/dev/null 2>&1 || missing+=(git)
if [ -z "${TEAMWIKI_TEST_POSTGRES:-}" ] && [ -z "$(postgres_bin)" ]; then missing+=(postgresql); fi
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A private PostgreSQL cluster for this run: its own data folder under a temporary folder, a free
# loopback port, trust authentication on 127.0.0.1 only (nothing else is listened on). Each test makes
# its own database on it. Skipped when TEAMWIKI_TEST_POSTGRES already names a server.
pg_dir=""
pg_run=()
stop_postgres() {
    if [ -n "$pg_dir" ]; then
        "${pg_run[@]}" "$(postgres_bin)/pg_ctl" stop -D "$pg_dir/data" -m fast -w >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
        pg_dir=""
    fi
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM

if [ -z "${TEAMWIKI_TEST_POSTGRES:-}" ]; then
    bin="$(postgres_bin)"
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)" >&2; exit 1; }
    pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/teamwiki-test-pg.XXXXXX")"
    # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$pg_dir"
        pg_run=(runuser -u postgres --)
    fi
    "${pg_run[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; exit 1; }
    pg_port=""
    for _ in $(seq 1 20); do
        port=$((20000 + RANDOM % 30000))
        # Something answers there already: try another port.
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
        # Throwaway data: no fsync. Enough connections for test servers running side by side.
        if "${pg_run[@]}" "$bin/pg_ctl" start -D "$pg_dir/data" -w -t 60 -l "$pg_dir/server.log" \
            -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
            pg_port="$port"
            break
        fi
    done
    [ -n "$pg_port" ] || { echo "Could not start PostgreSQL for the tests:" >&2; cat "$pg_dir/server.log" >&2; exit 1; }
    export TEAMWIKI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$pg_port"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet test TeamWiki.sln "$@"
