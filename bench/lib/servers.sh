# Shared by bench/synthea.sh and bench/fhir.sh (source it from the repository root): the build, and one server at a
# time (plain HAPI FHIR or ccamhub) started on a new data directory, waited for, measured and stopped.
# Settings: HTTP_PORT, MLLP_PORT and OUT (results and server logs) must be set before the functions are called.

SERVER=""
DATA=""
STARTED_NS=""

# bench_build [maven arguments...]: the server jar, bench and bench's runtime classpath (CLASSPATH), and the server
# jar extracted as docker/Dockerfile runs it (Spring Boot's "java -Djarmode=tools -jar ... extract": classes are
# loaded from plain jars, as plain HAPI's are from its class path, not from jars nested in the fat jar).
bench_build() {
  mvn -B -q -DskipTests "$@" package \
    dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  CLASSPATH="bench/target/classes:$(cat bench/target/classpath.txt)"
  rm -rf bench/target/ccamhub-extracted
  java -Djarmode=tools -jar fhir-server/target/fhir-server-0.1.0-SNAPSHOT.jar extract \
    --destination bench/target/ccamhub-extracted > /dev/null
}

# ensure_port_free <port>...: refuses to go on when something already listens there (another server would answer
# the load in place of the one started).
ensure_port_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is already in use on 127.0.0.1: stop what listens there, or pick other ports (BENCH_HTTP_PORT, BENCH_MLLP_PORT)" >&2
      return 1
    fi
  done
}

# start_plain_hapi <name>: HAPI FHIR JPA with ccamhub's storage settings (fr.ccamhub.bench.plain.PlainHapiServer).
start_plain_hapi() {
  ensure_port_free "$HTTP_PORT"
  DATA=$(mktemp -d "/tmp/$1.XXXXXX")
  STARTED_NS=$(date +%s%N)
  java -cp "$CLASSPATH" fr.ccamhub.bench.plain.PlainHapiServer "$HTTP_PORT" "$DATA" > "$OUT/$1.log" 2>&1 &
  SERVER=$!
}

# start_ccamhub <name> [server arguments...]: ccamhub from its extracted jar, development mode unless the arguments
# configure an issuer.
start_ccamhub() {
  local name=$1
  shift
  ensure_port_free "$HTTP_PORT" "$MLLP_PORT"
  DATA=$(mktemp -d "/tmp/$name.XXXXXX")
  STARTED_NS=$(date +%s%N)
  java -jar bench/target/ccamhub-extracted/fhir-server-0.1.0-SNAPSHOT.jar \
    --ccamhub.data-directory="$DATA" --server.port="$HTTP_PORT" --ccamhub.hl7.mllp.port="$MLLP_PORT" "$@" \
    > "$OUT/$name.log" 2>&1 &
  SERVER=$!
}

# seconds_since_start: seconds (0.01) from the server's launch to now.
seconds_since_start() {
  awk -v a="$STARTED_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'
}

# wait_until_ready <name> [url path, /fhir/metadata] [timeout s, 600]: polls every 0.25 s until the path answers
# 2xx, then sets READY_S to the seconds since the launch.
wait_until_ready() {
  local name=$1 path=${2:-/fhir/metadata} timeout=${3:-600}
  local polls=$((timeout * 4))
  for _ in $(seq 1 "$polls"); do
    kill -0 "$SERVER" 2>/dev/null || { echo "$name stopped; see $OUT/$name.log" >&2; return 1; }
    if curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT$path"; then
      READY_S=$(seconds_since_start)
      echo "$name: $path answered after $READY_S s"
      return 0
    fi
    sleep 0.25
  done
  echo "$name: $path not answering after $timeout s; see $OUT/$name.log" >&2
  return 1
}

# server_rss_kb: resident memory of the server's JVM (not of its embedded PostgreSQL, a separate process).
server_rss_kb() {
  ps -o rss= -p "$SERVER" | tr -d ' '
}

# postgres_pss_kb: proportional set size of the server's embedded PostgreSQL (postmaster and backends of its data
# directory; shared buffers counted once across them), 0 when none is found.
postgres_pss_kb() {
  local total=0 pid postmasters kb
  postmasters=$(pgrep -f "bin/postgres .*-D $DATA" || true)
  for pid in $( { echo "$postmasters"; for p in $postmasters; do pgrep -P "$p" || true; done; } | sort -u); do
    kb=$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
  if [ -n "$DATA" ]; then
    rm -rf "$DATA"
    DATA=""
  fi
}
