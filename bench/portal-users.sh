#!/usr/bin/env bash
# Benchmark (not a test) of the portal's per-user table: the PrimeFaces ajax request a browser sends when paging,
# filtering by status or searching by SIP prefix, timed from this machine (localhost, so ≈ server time).
# Prints p50/p95 per kind of request; the goal is p95 ≤ 100 ms at 1,000,000 users per pool.
#
# Start a portal with a million users per pool first, e.g.
#   FAILBACK_DEMO_USERS=1000000 FAILBACK_PORT=8780 FAILBACK_DATA=/tmp/bench-1m ./run.sh
# then
#   BASE_URL=http://localhost:8780 CREDENTIALS=/tmp/bench-1m/credentials.properties bench/portal-users.sh
# (or create a 1,000,000-user pair with POST /api/topology/pairs and set POOL; STATUS picks the filtered status).
# Measured here (2 busy cores, H2 file, pool of 1,000,000 users, no job running), p50/p95 in ms: first page 23/37,
# next page 21/38, random page up to 25,000 deep 11/22 (2,750/3,750 before deep pages skipped on the index alone),
# status filter 16/40, SIP prefix search 13/31.
#
# DURING_FAILBACK=1 measures the page while a failback runs instead: it creates a pair of USERS (default 80,000) users,
# fails it over and repairs it (as the operator of CREDENTIALS), starts the failback and, until its job ends, opens
# the pool page (the first request, which reads the pool's counts and its job) and asks for the table's first page,
# in turn; it prints both kinds with the failback's duration.
set -euo pipefail

base=${BASE_URL:-http://localhost:8080}
credentials=${CREDENTIALS:-$HOME/.pool-failback/credentials.properties}
pool=${POOL:-fe-dc1}
requests=${REQUESTS:-40}
rows=${ROWS:-25}
status=${STATUS:-DONE}

prop() { sed -n "s/^$1=//p" "$credentials" | tr -d '\r'; }
jar=$(mktemp); trap 'rm -f "$jar" "$jar.page" "$jar.open" "$jar.first"' EXIT

# Form login: the first request opens the session, j_security_check signs it in.
curl -fsS -c "$jar" -b "$jar" -o /dev/null "$base/pool.xhtml?name=$pool"
curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "j_username=$(prop viewer.username)" \
  --data-urlencode "j_password=$(prop viewer.password)" "$base/j_security_check"

open_view() {
  curl -fsS -c "$jar" -b "$jar" -o "$jar.page" "$base/pool.xhtml?name=$pool"
  view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$jar.page" | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
  [[ -n $view_state ]] || { echo "no ViewState: is $pool a pool, and the login right?" >&2; exit 1; }
}

# One table request as PrimeFaces sends it; prints the seconds it took.
table() { # first status prefix
  local first=$1 status=$2 prefix=$3 filter=()
  if [[ -n $status || -n $prefix ]]; then filter=(--data-urlencode "users:table_filtering=true"); fi
  curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{time_total}\n' \
    -H 'Faces-Request: partial/ajax' -H 'X-Requested-With: XMLHttpRequest' \
    --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=users:table" \
    --data-urlencode "jakarta.faces.partial.execute=users:table" --data-urlencode "jakarta.faces.partial.render=users:table" \
    --data-urlencode "users:table_pagination=true" --data-urlencode "users:table_first=$first" \
    --data-urlencode "users:table_rows=$rows" --data-urlencode "users:table_skipChildren=true" \
    --data-urlencode "users:table_encodeFeature=true" "${filter[@]}" \
    --data-urlencode "users=users" --data-urlencode "users:table:sip:filter=$prefix" \
    --data-urlencode "users:table:status-filter=$status" \
    --data-urlencode "jakarta.faces.ViewState=$view_state" "$base/pool.xhtml?name=$pool"
}

report() { # name, then seconds on stdin
  sort -n | awk -v name="$1" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int((NR + 1) * 0.50)]; p95 = t[int((NR + 1) * 0.95) > NR ? NR : int((NR + 1) * 0.95)]
    printf "portal-users %-28s n=%d p50_ms=%.1f p95_ms=%.1f goal_p95_ms=100 %s\n", name, NR, p50, p95, (p95 <= 100 ? "OK" : "SLOW") }'
}

# The page while a failback of a fresh pair runs (DURING_FAILBACK=1).
during_failback() {
  local users=${USERS:-80000} op api=$base/api tag job started status=STARTED
  op="$(prop operator.username):$(prop operator.password)"
  tag=pu-$(date +%s | tail -c 6)
  api() { curl -fsS -u "$op" -H 'Content-Type: application/json' "$@"; }
  job_of() { sed -n 's/.*"jobExecutionId":\([0-9]*\).*/\1/p'; }
  status_of() { api "$api/jobs/$1" | grep -o '"status":"[A-Z]*"' | head -1 | cut -d'"' -f4; } # the job's, not a step's
  await() { until [[ $(status_of "$1") =~ ^(COMPLETED|FAILED|STOPPED|ABANDONED)$ ]]; do sleep 0.2; done; }
  echo "creating $tag/$tag-b with $users users each, failing it over..." >&2
  api -X POST -d "{\"site\":\"$tag-s1\",\"backupSite\":\"$tag-s2\",\"pool\":\"$tag\",\"backupPool\":\"$tag-b\",\"users\":$users}" "$api/topology/pairs" > /dev/null
  api -X POST "$api/pools/$tag/outage" > /dev/null
  await "$(api -X POST "$api/pools/$tag/failover" | job_of)"
  api -X POST "$api/pools/$tag/repair" > /dev/null
  pool=$tag
  open_view
  table 0 "" "" > /dev/null # warm-up
  started=$(date +%s.%N)
  job=$(api -X POST "$api/pools/$pool/failback" | job_of)
  : > "$jar.open"; : > "$jar.first"
  while [[ ! $status =~ ^(COMPLETED|FAILED|STOPPED|ABANDONED)$ ]]; do
    curl -fsS -c "$jar" -b "$jar" -o "$jar.page" -w '%{time_total}\n' "$base/pool.xhtml?name=$pool" >> "$jar.open"
    view_state=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$jar.page" | head -1 | sed 's/.*value="\([^"]*\)".*/\1/')
    table 0 "" "" >> "$jar.first"
    status=$(status_of "$job")
  done
  echo "failback of $users users: $status in $(echo "$(date +%s.%N) - $started" | bc) s" >&2
  report "during-failback-page-open" < "$jar.open"
  report "during-failback-first-page" < "$jar.first"
}
if [[ ${DURING_FAILBACK:-0} == 1 ]]; then
  during_failback
  exit 0
fi

open_view
table 0 "" "" > /dev/null # warm-up
{ for _ in $(seq "$requests"); do table 0 "" ""; done; } | report "first-page"
open_view
{ for i in $(seq "$requests"); do table $((i * rows)) "" ""; done; } | report "next-page-keyset"
open_view
{ for _ in $(seq "$requests"); do table $((RANDOM % 1000 * rows)) "" ""; done; } | report "random-page-offset"
open_view
{ for i in $(seq "$requests"); do table 0 "$status" ""; table $((i * rows)) "$status" "" > /dev/null; done; } | report "status-$status-first-page"
open_view
{ for _ in $(seq "$requests"); do table 0 "" "user$(printf '%03d' $((RANDOM % 1000)))"; done; } | report "sip-prefix-search"
