#!/usr/bin/env bash
# ccamhub ingestion benchmark, side by side: HL7 v2 over MLLP into ccamhub (a realistic mix, ACK after commit), then
# the same kind of messages mapped to FHIR transaction Bundles and POSTed to plain HAPI FHIR 8.8.0 with ccamhub's
# storage settings (fr.ccamhub.bench.plain.PlainHapiServer), each server on a new embedded database, one after the
# other. Each phase is preceded by a warm-up of the same load. Prints msg/s and ACK/response latency percentiles for
# both and the ratio.
# Usage: bench/run.sh [connections=4] [seconds=60] [warm-up seconds=20]
# Environment: BENCH_MVN_ARGS (extra Maven arguments, e.g. -o), BENCH_HTTP_PORT, BENCH_MLLP_PORT, BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-4}
SECONDS_PER_PHASE=${2:-60}
WARMUP_SECONDS=${3:-20}
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
  "$MLLP_PORT" - "$CONNECTIONS" "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" | tee "$OUT/mllp.txt"
echo "ccamhub RSS at the end: $(server_rss_kb) KB" | tee -a "$OUT/mllp.txt"
stop_server

start_plain_hapi plain-hapi
wait_until_ready plain-hapi /fhir/metadata
java -cp "$CLASSPATH" fr.ccamhub.bench.MllpBenchmark \
  - "http://127.0.0.1:$HTTP_PORT/fhir" "$CONNECTIONS" "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" | tee "$OUT/plain-hapi.txt"
echo "plain HAPI RSS at the end: $(server_rss_kb) KB" | tee -a "$OUT/plain-hapi.txt"

mllp=$(awk '/^result mllp/ { sub("msgs_per_s=", "", $3); print $3 }' "$OUT/mllp.txt")
fhir=$(awk '/^result fhir-transaction/ { sub("msgs_per_s=", "", $3); print $3 }' "$OUT/plain-hapi.txt")
awk -v m="$mllp" -v f="$fhir" 'BEGIN { printf "\nHL7 v2 into ccamhub: %.1f msg/s; the same resources as FHIR transactions into plain HAPI: %.1f/s; ratio %.2f\n", m, f, m / f }' \
  | tee "$OUT/ratio.txt"
