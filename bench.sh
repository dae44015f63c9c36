#!/usr/bin/env bash
# Benchmarks against the real server: ./bench.sh failback   (BENCH_USERS=20000,200000,1000000 for several sizes,
# BENCH_SIGNED_IN=1/3 of each pool's users signed in to the backup pool before the failback;
# BENCH_JOB='{"partitions":2,"itemCount":1000}' tunes the failback job the same way the API does);
# ./bench.sh chat   (BENCH_CLIENTS=64 loopback clients posting to the demo chat pool for BENCH_SECONDS=20);
# ./bench.sh pchat-failback   (the Persistent Chat failback of a BENCH_MGC_MB=1024 MB mgc, per step, beside a file copy);
# ./bench.sh clients   (BENCH_CLIENTS=64 loopback clients on both pools of a pair while a failback of BENCH_USERS=80000
# users runs, at most BENCH_SECONDS=120; BENCH_ROUNDS=3 runs it three times on one server, the later rounds on a JIT-warmed one);
# ./bench.sh site   (one site of BENCH_POOLS=10 pools of BENCH_USERS=80000 users each through the site recovery plan:
# outage, failover, BENCH_SIGNED_IN=1/3 signed in to the backup pools when the test library can, repair, failback)
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-}
[[ $what == failback || $what == chat || $what == pchat-failback || $what == clients || $what == site ]] || {
  echo "usage: ./bench.sh failback|chat|pchat-failback|clients|site   (failback: BENCH_USERS, default 20000, BENCH_SIGNED_IN, default 1/3; chat: BENCH_CLIENTS, BENCH_SECONDS;" \
    "pchat-failback: BENCH_MGC_MB, default 1024; clients: BENCH_USERS, default 80000, BENCH_CLIENTS, BENCH_SECONDS, BENCH_ROUNDS, default 1;" \
    "site: BENCH_POOLS, default 10, BENCH_USERS per pool, default 80000, BENCH_SIGNED_IN, default 1/3; BENCH_PORT, default 8280)" >&2
  exit 2
}
mgc_mb=${BENCH_MGC_MB:-1024}
[[ $mgc_mb =~ ^[1-9][0-9]*$ ]] || { echo "BENCH_MGC_MB must be a whole number of megabytes, not '$mgc_mb'" >&2; exit 2; }

port=${BENCH_PORT:-8280}
data=$(mktemp -d "${TMPDIR:-/tmp}/failback-bench.XXXXXX")
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

# The baselines run in the server, beside the job, from the test library (it-tests/src/main/java): the test EAR is the
# product EAR with that library added to its web module. The product EAR itself has no benchmark code.
echo "Building the product and the test library..."
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dwildfly.provisioning.overwrite-provisioned-server=true install -pl it-tests -am >&2
test_ear="$data/pool-failback-test.ear"
(
  cd "$data"
  cp "$OLDPWD/ear/target/pool-failback.ear" "$test_ear"
  jar xf "$test_ear" web.war
  mkdir -p WEB-INF/lib
  cp "$OLDPWD/it-tests/target/failback-test-hooks.jar" WEB-INF/lib/
  jar uf web.war WEB-INF/lib/failback-test-hooks.jar
  jar uf "$test_ear" web.war
  rm -rf WEB-INF web.war
)
start_server() {
  # standalone.sh forwards a TERM to the server's JVM only when it runs it in the background: without this the cleanup
  # stopped the script and left the server running on the port.
  LAUNCH_JBOSS_IN_BACKGROUND=1 FAILBACK_EAR=$test_ear FAILBACK_PORT=$port FAILBACK_DATA=$data FAILBACK_DEMO_USERS=10 FAILBACK_NODE=bench ./run.sh >> "$data/run.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { cat "$data/run.log" >&2; echo "the server did not start" >&2; exit 1; }
    sleep 1
  done
  echo "the server did not answer in 300 s" >&2
  exit 1
}
stop_server() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
}

start_server
if [[ $what == chat ]]; then
  java bench/ChatBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_CLIENTS:-64}" "${BENCH_SECONDS:-20}"
elif [[ $what == pchat-failback ]]; then
  # The server creates the chat tables at the first post and ships them to sql-dc2; then, with the server stopped, the
  # messages go straight into sql-dc2's H2 files (bench/ChatMgcLoad.java), and the runbook runs on them.
  room=bench-archive sender=sip:user00001@fe-dc1.example.com
  java bench/ChatFailbackBench.java "http://127.0.0.1:$port" "$data" seed "$room" "$sender"
  stop_server
  h2=$HOME/.m2/repository/com/h2database/h2/$(sed -n 's:.*<version.h2>\(.*\)</version.h2>.*:\1:p' pom.xml)
  h2=$(ls "$h2"/h2-*.jar | head -1)
  java -cp "$h2" bench/ChatMgcLoad.java "$data" "$mgc_mb" "$room" "$sender" | tee "$data/load.txt" >&2
  start_server
  java bench/ChatFailbackBench.java "http://127.0.0.1:$port" "$data" run "$room" "$sender" \
    "$(sed -n 's/^first_id=//p' "$data/load.txt")" "$(sed -n 's/^last_id=//p' "$data/load.txt")"
elif [[ $what == site ]]; then
  # BenchHttp is compiled first: a single-file program compiles only its own file, classes beside it come from -cp.
  javac -d "$data/bench-classes" bench/BenchHttp.java
  java -cp "$data/bench-classes" bench/SiteBench.java "http://127.0.0.1:$port" "$data/credentials.properties" \
    "${BENCH_POOLS:-10}" "${BENCH_USERS:-80000}" "${BENCH_SIGNED_IN:-1/3}"
elif [[ $what == clients ]]; then
  rounds=${BENCH_ROUNDS:-1}
  [[ $rounds =~ ^[1-9][0-9]?$ ]] || { echo "BENCH_ROUNDS must be a whole number from 1 to 99, not '$rounds'" >&2; exit 2; }
  for round in $(seq 1 "$rounds"); do
    (( rounds == 1 )) || echo "round $round of $rounds"
    java bench/ClientsBench.java "http://127.0.0.1:$port" "$data/credentials.properties" "${BENCH_USERS:-80000}" "${BENCH_CLIENTS:-64}" "${BENCH_SECONDS:-120}"
  done
else
  javac -d "$data/bench-classes" bench/BenchHttp.java
  java -cp "$data/bench-classes" bench/FailbackBench.java "http://127.0.0.1:$port" "$data/credentials.properties" \
    "${BENCH_USERS:-20000}" "${BENCH_SIGNED_IN:-1/3}" "${BENCH_JOB:-}"
fi
