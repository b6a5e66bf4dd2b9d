#!/usr/bin/env bash
# Runs every test: unit, HTTP and end-to-end (Playwright in Debian's Chromium).
# Installs what the tests need when it is missing (Chromium, git) with apt, then runs `dotnet test`.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Storage".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v git >/dev/null 2>&1 || missing+=(git)
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} with apt…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
exec dotnet test TeamWiki.sln "$@"
