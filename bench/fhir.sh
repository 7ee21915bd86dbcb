#!/usr/bin/env bash
# FHIR side by side (issue 15): the same load (fr.ccamhub.bench.fhir.FhirLoad) against plain HAPI FHIR 8.8.0 with
# ccamhub's storage settings, ccamhub in development mode (authentication off), then ccamhub with authentication on
# (a real OIDC issuer, fr.ccamhub.bench.fhir.BenchIssuer: every request's JWT is validated), one after the other,
# each on a new data directory, with the CCAM loaded in both ccamhub legs. Prints req/s and p50/p95/p99 per workload
# and server with the ratios, then boot time and memory.
# Usage: bench/fhir.sh [seconds=30]   (measured seconds per workload; each one is preceded by a warm-up)
# Environment: BENCH_WARMUP (warm-up seconds per workload, 30), BENCH_LEGS (legs to run, "plain-hapi ccamhub ccamhub-auth"),
# BENCH_MVN_ARGS (extra Maven arguments, e.g. -o), BENCH_HTTP_PORT, BENCH_MLLP_PORT, BENCH_ISSUER_PORT, BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
MEASURED=${1:-30}
# 30 s of warm-up per workload: both JVMs are still compiling the workload's code (C2) after 10 s, ccamhub's more than
# plain HAPI's, so shorter warm-ups measure the JIT rather than the servers.
WARMUP=${BENCH_WARMUP:-30}
LEGS=${BENCH_LEGS:-plain-hapi ccamhub ccamhub-auth}
# Ports of their own, beside synthea.sh's and run.sh's 18080 / 12575, so that two benchmarks never answer each other.
HTTP_PORT=${BENCH_HTTP_PORT:-18180}
MLLP_PORT=${BENCH_MLLP_PORT:-12675}
ISSUER_PORT=${BENCH_ISSUER_PORT:-18190}
OUT=${BENCH_OUT:-bench/target/fhir-load}
BASE="http://127.0.0.1:$HTTP_PORT/fhir"
source bench/lib/servers.sh

# Only bench and what it needs (fhir-server's jar and classes), not the Synthea set.
# shellcheck disable=SC2086
bench_build -pl bench -am ${BENCH_MVN_ARGS:-}
mkdir -p "$OUT"

ISSUER=""
stop_all() {
  stop_server
  if [ -n "$ISSUER" ]; then
    kill "$ISSUER" 2>/dev/null || true
    wait "$ISSUER" 2>/dev/null || true
    ISSUER=""
  fi
}
trap stop_all EXIT

# note <leg> key=value: one line of the leg's figures, beside FhirLoad's output.
note() { echo "$2" | tee -a "$OUT/$1.txt"; }

# measure <leg> [token [FhirLoad arguments...]]: boot figures, the load, memory at the end. The load runs once the
# server is ready (ccamhub: its readiness probe is UP, i.e. CCAM loaded and the validator warmed up, so that neither
# runs during it).
measure() {
  local leg=$1 token=${2:-}
  shift $(( $# < 2 ? $# : 2 ))
  wait_until_ready "$leg" /fhir/metadata
  note "$leg" "boot_s=$READY_S"
  if [ "$leg" != plain-hapi ]; then
    wait_until_ready "$leg" /actuator/health/readiness
  fi
  note "$leg" "ready_s=$READY_S"
  if [ -n "$token" ]; then
    # Authentication is really on: no token, no data.
    note "$leg" "without_token_status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/Patient?_count=1")"
  fi
  note "$leg" "rss_boot_kb=$(server_rss_kb)"
  note "$leg" "postgres_pss_boot_kb=$(postgres_pss_kb)"
  local status=0
  FHIR_LOAD_TOKEN="$token" java -cp "$CLASSPATH" fr.ccamhub.bench.fhir.FhirLoad "$BASE" \
    --seconds "$MEASURED" --warmup "$WARMUP" --name "$leg" "$@" | tee -a "$OUT/$leg.txt" || status=$?
  note "$leg" "load_status=$status"
  note "$leg" "rss_end_kb=$(server_rss_kb)"
  note "$leg" "postgres_pss_end_kb=$(postgres_pss_kb)"
  note "$leg" "uptime_end=$(uptime)"
}

begin() {
  : > "$OUT/$1.txt"
  note "$1" "uptime_start=$(uptime)"
}

for leg in $LEGS; do
  begin "$leg"
  case $leg in
    plain-hapi)
      start_plain_hapi plain-hapi
      measure plain-hapi
      ;;
    ccamhub)
      # CCAM loading stays on (ccamhub.terminology.ccam.load-on-startup defaults to true): boot and memory with CCAM.
      start_ccamhub ccamhub
      # The local developer holds every role, auditor included: the load counts the AuditEvents each workload leaves.
      measure ccamhub "" --count AuditEvent
      ;;
    ccamhub-auth)
      ensure_port_free "$ISSUER_PORT"
      rm -f "$OUT/issuer.url" "$OUT/token.jwt" "$OUT/token.jwt.auditor"
      java -cp "$CLASSPATH" fr.ccamhub.bench.fhir.BenchIssuer "$ISSUER_PORT" "$OUT/issuer.url" "$OUT/token.jwt" \
        > "$OUT/issuer.log" 2>&1 &
      ISSUER=$!
      for _ in $(seq 1 240); do [ -s "$OUT/issuer.url" ] && break; sleep 0.25; done
      [ -s "$OUT/issuer.url" ] || { echo "BenchIssuer did not start; see $OUT/issuer.log" >&2; exit 1; }
      note ccamhub-auth "issuer=$(cat "$OUT/issuer.url")"
      start_ccamhub ccamhub-auth --spring.security.oauth2.resourceserver.jwt.issuer-uri="$(cat "$OUT/issuer.url")" \
        --ccamhub.security.audiences=ccamhub
      FHIR_LOAD_COUNT_TOKEN="$(cat "$OUT/token.jwt.auditor")" measure ccamhub-auth "$(cat "$OUT/token.jwt")" --count AuditEvent
      ;;
    *)
      echo "unknown leg $leg (known: plain-hapi ccamhub ccamhub-auth)" >&2
      exit 2
      ;;
  esac
  stop_all
done

# shellcheck disable=SC2086
bench/lib/side-by-side.sh "$OUT" $LEGS | tee "$OUT/side-by-side.txt"
for leg in $LEGS; do
  if ! grep -q '^load_status=0$' "$OUT/$leg.txt"; then
    echo "$leg: the load had errors or failed; see $OUT/$leg.txt" >&2
    exit 1
  fi
done
