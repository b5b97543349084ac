#!/usr/bin/env bash
# `make demo`: the fixed demo accounts, one per role, all with one published password — so they are
# for dev mode only (BALIZA_ENVIRONMENT=dev) and refused anywhere else. Made with `baliza users add`
# (password on stdin), the way a deployment's scripts make real ones. Accounts that exist already
# are left as they are, so re-running the demo on the same data dir does not fail.
set -euo pipefail
cd "$(dirname "$0")/.."
BALIZA=.venv/bin/baliza

DEMO_PASSWORD="baliza-demo-2026"
DEMO_ACCOUNTS="ana:analyst sofia:supervisor samuel:supervisor rita:researcher adan:admin"

if [ "${1:-}" = "--print" ]; then
    printf '  %-8s %-11s %s\n' "user" "role" "password"
    for entry in $DEMO_ACCOUNTS; do
        printf '  %-8s %-11s %s\n' "${entry%%:*}" "${entry#*:}" "$DEMO_PASSWORD"
    done
    exit 0
fi

environment=$($BALIZA config | sed -n 's/^BALIZA_ENVIRONMENT=//p')  # the CLI's view: env or default
if [ "$environment" != dev ]; then
    echo "demo accounts have a published password: refused outside BALIZA_ENVIRONMENT=dev" >&2
    exit 2
fi
existing=$($BALIZA users list | awk 'NR > 1 { print $1 }')
for entry in $DEMO_ACCOUNTS; do
    name=${entry%%:*}
    grep -qxF "$name" <<<"$existing" && continue
    printf '%s\n' "$DEMO_PASSWORD" | $BALIZA users add "$name" --role "${entry#*:}"
done
