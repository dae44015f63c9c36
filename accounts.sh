#!/usr/bin/env bash
# Adds a portal/API account or gives it a new random password, on a running Pool Failback Portal:
#   ./accounts.sh NAME ROLE        ROLE: operator, viewer or client
# Prints the new password once. Uses the operator account of credentials.properties in FAILBACK_DATA
# (OPERATOR_USER / OPERATOR_PASSWORD override it) and the server on FAILBACK_PORT.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 NAME operator|viewer|client" >&2
  exit 2
fi
name=$1
role=$2
data=${FAILBACK_DATA:-$HOME/.pool-failback}
port=${FAILBACK_PORT:-8080}
credentials=$data/credentials.properties
user=${OPERATOR_USER:-$(sed -n 's/^operator\.username=//p' "$credentials" 2>/dev/null || true)}
password=${OPERATOR_PASSWORD:-$(sed -n 's/^operator\.password=//p' "$credentials" 2>/dev/null || true)}
if [ -z "$user" ] || [ -z "$password" ]; then
  echo "$0: no operator credentials (set OPERATOR_USER and OPERATOR_PASSWORD, or FAILBACK_DATA)" >&2
  exit 1
fi
# The password goes to curl on its standard input, never on a command line others can read.
answer=$(printf 'user = "%s:%s"\n' "$user" "$password" | curl -sS --config - -X PUT \
  -H 'Content-Type: application/json' --data "{\"role\": \"$role\"}" \
  -w '\n%{http_code}' "http://localhost:$port/api/accounts/$name")
status=${answer##*$'\n'}
body=${answer%$'\n'*}
if [ "$status" != 200 ]; then
  echo "$0: refused ($status): $body" >&2
  exit 1
fi
echo "$body"
