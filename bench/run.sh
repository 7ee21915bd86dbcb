#!/usr/bin/env bash
# ccamhub ingestion benchmark: starts the server on a fresh embedded database, drives HL7 v2 over
# MLLP with a realistic mix, then POSTs the same kind of messages as FHIR transactions to HAPI.
# Usage: bench/run.sh [connections=4] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-4}
SECONDS_PER_PHASE=${2:-60}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
MLLP_PORT=${BENCH_MLLP_PORT:-12575}
DATA=$(mktemp -d /tmp/ccamhub-bench.XXXXXX)

mvn -B -q -DskipTests install
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile="$PWD/bench/target/classpath.txt"
java -jar fhir-server/target/fhir-server-0.1.0-SNAPSHOT.jar \
  --ccamhub.data-directory="$DATA" --server.port="$HTTP_PORT" --ccamhub.hl7.mllp.port="$MLLP_PORT" \
  --ccamhub.terminology.ccam.load-on-startup=false > bench/target/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/fhir/metadata" && break
  sleep 1
done
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" fr.ccamhub.bench.MllpBenchmark \
  "$MLLP_PORT" "http://127.0.0.1:$HTTP_PORT/fhir" "$CONNECTIONS" "$SECONDS_PER_PHASE"
echo "server RSS at the end: $(ps -o rss= -p $SERVER) KB"
