#!/usr/bin/env bash
# ccamhub ingestion benchmark: starts the server on a fresh embedded database, drives HL7 v2 over
# MLLP with a realistic mix, then POSTs the same kind of messages as FHIR transactions to HAPI.
# Usage: bench/run.sh [connections=4] [seconds=60]
# Environment: BENCH_MVN_ARGS (extra Maven arguments, e.g. -o), BENCH_HTTP_PORT, BENCH_MLLP_PORT, BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-4}
SECONDS_PER_PHASE=${2:-60}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
MLLP_PORT=${BENCH_MLLP_PORT:-12575}
OUT=${BENCH_OUT:-bench/target/mllp}
source bench/lib/servers.sh

# shellcheck disable=SC2086
bench_build -pl bench -am ${BENCH_MVN_ARGS:-}
mkdir -p "$OUT"
trap stop_server EXIT

start_ccamhub ccamhub --ccamhub.terminology.ccam.load-on-startup=false
wait_until_ready ccamhub /actuator/health/readiness
java -cp "$CLASSPATH" fr.ccamhub.bench.MllpBenchmark \
  "$MLLP_PORT" "http://127.0.0.1:$HTTP_PORT/fhir" "$CONNECTIONS" "$SECONDS_PER_PHASE" | tee "$OUT/mllp.txt"
echo "server RSS at the end: $(server_rss_kb) KB" | tee -a "$OUT/mllp.txt"
