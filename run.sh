#!/usr/bin/env bash
# Runs Pool Failback Portal in the foreground on http://localhost:${FAILBACK_PORT:-8080}/ with its data under
# ${FAILBACK_DATA:-~/.pool-failback}. Builds and provisions whatever is missing first. Ctrl-C stops it cleanly.
# Extra arguments go to the server. FAILBACK_EAR deploys another archive built from this tree instead of the product
# EAR (bench.sh deploys the test EAR: the product plus its benchmark baselines). FAILBACK_DB_URL, FAILBACK_DB_USER and
# FAILBACK_DB_PASSWORD put the product database on SQL Server (README: "Pointing it at SQL Server").
# Two nodes: run it twice with the same FAILBACK_DATA and different FAILBACK_PORT (and FAILBACK_NODE, which defaults
# to <host>-<port>): they share the product database, the managed databases and the shares (README, "Two nodes").
set -euo pipefail
cd "$(dirname "$0")"
project=$(pwd)

fail() { echo "run.sh: $*" >&2; exit 1; }

port=${FAILBACK_PORT:-8080}
data=${FAILBACK_DATA:-$HOME/.pool-failback}
[[ $port =~ ^[0-9]+$ ]] || fail "FAILBACK_PORT must be a port number, not '$port'"
node=${FAILBACK_NODE:-$(hostname -s)-$port}
# The node name is a directory name and appears in every lock the node takes.
[[ $node =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$ ]] || fail "FAILBACK_NODE must be 1-63 letters, digits, '.', '_' or '-' (got '$node')"
# Every other port (management 9990, ...) moves by the same offset, so two instances never collide.
(( port >= 8080 && port <= 55000 )) || fail "FAILBACK_PORT must be between 8080 and 55000 (got $port)"
offset=$((port - 8080))
management_port=$((9990 + offset))

mkdir -p "$data" 2>/dev/null || fail "cannot create the data directory $data (set FAILBACK_DATA to a writable directory)"
probe="$data/.write-probe.$$"
if ! ( : > "$probe" ) 2>/dev/null; then
  fail "the data directory $data is not writable (set FAILBACK_DATA to a writable directory)"
fi
rm -f "$probe"
data=$(cd "$data" && pwd)
chmod 700 "$data" 2>/dev/null || true

# The product database: the embedded H2 under the data directory unless FAILBACK_DB_URL names another (SQL Server).
# The datasource reads FAILBACK_DB_URL/USER/PASSWORD from this environment when it starts; none is written to a file.
db_driver=h2
db_timezone=
if [[ -n ${FAILBACK_DB_URL:-} ]]; then
  case $FAILBACK_DB_URL in
    # The product binds java.sql.Timestamp into DATETIMEOFFSET columns; mssql-jdbc sends its wall-clock time, which
    # SQL Server stores at +00:00, so the JVM runs in UTC to keep every stored instant right.
    jdbc:sqlserver:*) db_driver=sqlserver; db_timezone=-Duser.timezone=UTC ;;
    jdbc:h2:*) db_driver=h2 ;;
    *) fail "FAILBACK_DB_URL must be a jdbc:sqlserver: or jdbc:h2: URL" ;;
  esac
  # A password inside the URL would show in the server's configuration and logs: it goes in FAILBACK_DB_PASSWORD.
  shopt -s nocasematch
  [[ $FAILBACK_DB_URL == *password=* ]] && fail "put the password in FAILBACK_DB_PASSWORD, not in FAILBACK_DB_URL"
  shopt -u nocasematch
elif [[ -n ${FAILBACK_DB_PASSWORD:-} ]]; then
  fail "FAILBACK_DB_PASSWORD is for the database FAILBACK_DB_URL names; the embedded H2 has no password"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$port" "$management_port"; do
  if port_in_use "$p"; then
    fail "port $p is already in use: stop what runs there or choose another FAILBACK_PORT (e.g. FAILBACK_PORT=8180)"
  fi
done

server="$project/ear/target/server"
ear="$project/ear/target/pool-failback.ear"
# Build when the EAR or the server is missing, or when a source file is newer than the EAR.
# FAILBACK_SKIP_BUILD=1 (the tests that start the product through this script, from inside the build) never builds.
if [[ -n ${FAILBACK_SKIP_BUILD:-} ]]; then
  [[ -f $ear && -d $server ]] || fail "FAILBACK_SKIP_BUILD is set but $ear or $server is missing: build first"
elif [[ ! -f $ear || ! -d $server ]] || [[ -n $(find domain realm batch web ear pom.xml -newer "$ear" -type f -not -path '*/target/*' -print -quit 2>/dev/null) ]]; then
  echo "Building and provisioning WildFly (tests skipped)..."
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Dwildfly.provisioning.overwrite-provisioned-server=true install -pl ear -am \
    || fail "the build failed: see the Maven output above"
fi

# Each node has its own server base directory under the data directory (configuration refreshed, logs, transaction
# store and deployments kept): two nodes on one data directory share the data, never a server's state.
base="$data/nodes/$node"
mkdir -p "$base/configuration" "$base/deployments"
cp -f "$server"/standalone/configuration/* "$base/configuration/"
# The datasource's password is an expression WildFly resolves from this environment at start, never the password
# itself. It is added here, to the node's own copy, only when one is given: WildFly refuses an empty password, and the
# embedded H2 (or a SQL Server login with integrated authentication) has none.
if [[ -n ${FAILBACK_DB_PASSWORD:-} ]]; then
  config="$base/configuration/standalone.xml"
  sed -i '/pool-name="FailbackDS"/,/<\/datasource>/ s|<security user-name="\([^"]*\)"/>|<security user-name="\1" password="${env.FAILBACK_DB_PASSWORD}"/>|' "$config"
  grep -q 'password="${env.FAILBACK_DB_PASSWORD}"' "$config" \
    || fail "could not give FailbackDS its password in $config: its <security> element is not the one run.sh knows"
fi
rm -f "$base"/deployments/pool-failback.ear*
cp "${FAILBACK_EAR:-$ear}" "$base/deployments/pool-failback.ear"

echo "Pool Failback Portal"
echo "  data:        $data"
echo "  credentials: $data/credentials.properties (written on first start)"
echo "  portal:      http://localhost:$port/   API: http://localhost:$port/api"
echo "  server log:  $base/log/server.log"

(
  for _ in $(seq 1 600); do
    sleep 1
    if curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q '"UP"'; then
      echo ">>> Pool Failback Portal is UP at http://localhost:$port/ (credentials: $data/credentials.properties)"
      exit 0
    fi
  done
) &

export LAUNCH_JBOSS_IN_BACKGROUND=1
# h2.bindAddress: the port on which H2's mixed mode serves the data directory's databases to the other nodes listens
# on the loopback only (the databases' sa account has no password; the nodes of one data directory share a machine).
export JAVA_OPTS="${FAILBACK_JAVA_OPTS:--Xms256m -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m} -Djava.net.preferIPv4Stack=true -Dh2.bindAddress=127.0.0.1 $db_timezone"
exec "$server/bin/standalone.sh" \
  -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$offset" \
  -Dfailback.data="$data" \
  -Dfailback.db.driver="$db_driver" \
  -Dfailback.node="$node" \
  "$@"
