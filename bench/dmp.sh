#!/usr/bin/env bash
# DMP / Mon espace santé sharing benchmark (issue 16): ccamhub in development mode with DMP on, sending to the local
# PDSm Document Recipient of the tests (fr.ccamhub.bench.dmp.DmpRecipientServer, which validates every Bundle against
# PDSm as a strict recipient would). fr.ccamhub.bench.dmp.DmpLoad stores discharge letters over FHIR and waits until
# each is acknowledged: documents/s and commit-to-acknowledgement latency. Then fr.ccamhub.bench.dmp.PdsmValidationCost:
# the heap the loaded validator keeps, and the time per ITI-65 Bundle after a warm-up.
# Usage: bench/dmp.sh [documents=300] [clients=4]
# Environment: BENCH_MVN_ARGS (extra Maven arguments, e.g. -o), BENCH_HTTP_PORT, BENCH_MLLP_PORT, BENCH_RECIPIENT_PORT,
# BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCUMENTS=${1:-300}
CLIENTS=${2:-4}
HTTP_PORT=${BENCH_HTTP_PORT:-18280}
MLLP_PORT=${BENCH_MLLP_PORT:-12775}
RECIPIENT_PORT=${BENCH_RECIPIENT_PORT:-18290}
OUT=${BENCH_OUT:-bench/target/dmp}
source bench/lib/servers.sh

# shellcheck disable=SC2086
bench_build -pl bench -am ${BENCH_MVN_ARGS:-}
mkdir -p "$OUT"
ensure_port_free "$RECIPIENT_PORT"
java -cp "$CLASSPATH" fr.ccamhub.bench.dmp.DmpRecipientServer "$RECIPIENT_PORT" > "$OUT/recipient.log" 2>&1 &
RECIPIENT=$!
stop_all() {
  stop_server
  kill "$RECIPIENT" 2>/dev/null || true
  wait "$RECIPIENT" 2>/dev/null || true
}
trap stop_all EXIT

start_ccamhub ccamhub-dmp --ccamhub.terminology.ccam.load-on-startup=false \
  --ccamhub.dmp.enabled=true --ccamhub.dmp.endpoint="http://127.0.0.1:$RECIPIENT_PORT/fhir" \
  --ccamhub.dmp.source-id=1.2.250.1.999.1.1.7 --ccamhub.dmp.organization.finess=750712184 \
  --ccamhub.dmp.organization.name="CENTRE HOSPITALIER EXEMPLE" --ccamhub.dmp.dispatcher.interval=200ms
wait_until_ready ccamhub-dmp /actuator/health/readiness
# A first, unmeasured round warms up both JVMs (validators, JIT).
java -cp "$CLASSPATH" fr.ccamhub.bench.dmp.DmpLoad "http://127.0.0.1:$HTTP_PORT" 50 "$CLIENTS" > "$OUT/warm-up.txt"
java -cp "$CLASSPATH" fr.ccamhub.bench.dmp.DmpLoad "http://127.0.0.1:$HTTP_PORT" "$DOCUMENTS" "$CLIENTS" | tee "$OUT/dmp.txt"
echo "ccamhub RSS at the end: $(server_rss_kb) KB" | tee -a "$OUT/dmp.txt"
stop_all
java -Xmx2g -cp "$CLASSPATH" fr.ccamhub.bench.dmp.PdsmValidationCost 200 | tee "$OUT/validation.txt"
