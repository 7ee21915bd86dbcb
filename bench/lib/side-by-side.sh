#!/usr/bin/env bash
# side-by-side.sh <results folder> <baseline leg> <leg>...: the tables of bench/fhir.sh (Markdown) from each leg's
# <leg>.txt (FhirLoad's "result" lines and fhir.sh's key=value lines). Ratios are leg / baseline; with both ccamhub
# and ccamhub-auth, the cost of authentication is ccamhub-auth / ccamhub.
set -euo pipefail
OUT=$1
shift
LEGS=("$@")
BASELINE=${LEGS[0]}

# result <leg> <workload> <key>: a value of FhirLoad's result line.
result() {
  awk -v w="$2" -v k="$3" '$1 == "result" && $2 == w { for (i = 3; i <= NF; i++) { split($i, a, "="); if (a[1] == k) print a[2] } }' \
    "$OUT/$1.txt" | tail -1
}
# value <leg> <key>: one of fhir.sh's key=value lines.
value() { grep "^$2=" "$OUT/$1.txt" | tail -1 | cut -d= -f2-; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a + 0 == 0) print "-"; else printf "%.2f", b / a }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "") print "-"; else printf "%.0f", k / 1024 }'; }
label() {
  case $1 in
    plain-hapi) echo "plain HAPI" ;;
    ccamhub) echo "ccamhub (dev, auth off)" ;;
    ccamhub-auth) echo "ccamhub + auth (JWT)" ;;
    *) echo "$1" ;;
  esac
}
has() { local leg; for leg in "${LEGS[@]}"; do [ "$leg" = "$1" ] && return 0; done; return 1; }
AUTH_VS_DEV=false
if has ccamhub && has ccamhub-auth; then AUTH_VS_DEV=true; fi

WORKLOADS=$(awk '$1 == "result" { print $2 }' "$OUT/$BASELINE.txt")
[ -n "$WORKLOADS" ] || { echo "no result lines in $OUT/$BASELINE.txt" >&2; exit 1; }

echo "### Throughput (req/s; ratio = server / $(label "$BASELINE"))"
echo
header="| workload | clients | $(label "$BASELINE")"
rule="|---|---:|---:"
for leg in "${LEGS[@]:1}"; do header+=" | $(label "$leg") | ratio"; rule+="|---:|---:"; done
if $AUTH_VS_DEV; then header+=" | auth / dev"; rule+="|---:"; fi
echo "$header | errors |"
echo "$rule|---|"
for w in $WORKLOADS; do
  base=$(result "$BASELINE" "$w" rps)
  row="| $w | $(result "$BASELINE" "$w" clients) | $base"
  errors="$(result "$BASELINE" "$w" errors)"
  for leg in "${LEGS[@]:1}"; do
    rps=$(result "$leg" "$w" rps)
    row+=" | ${rps:--} | $(ratio "$base" "$rps")"
    errors+=" / $(result "$leg" "$w" errors)"
  done
  if $AUTH_VS_DEV; then row+=" | $(ratio "$(result ccamhub "$w" rps)" "$(result ccamhub-auth "$w" rps)")"; fi
  echo "$row | $errors |"
done
echo
echo "### Latency (ms, p50 / p95 / p99)"
echo
header="| workload"
rule="|---"
for leg in "${LEGS[@]}"; do header+=" | $(label "$leg")"; rule+="|---:"; done
echo "$header |"
echo "$rule|"
for w in $WORKLOADS; do
  row="| $w"
  for leg in "${LEGS[@]}"; do
    row+=" | $(result "$leg" "$w" p50) / $(result "$leg" "$w" p95) / $(result "$leg" "$w" p99)"
  done
  echo "$row |"
done
AUDITED=()
for leg in "${LEGS[@]}"; do
  if grep -q '^result .*AuditEvent_per_request=' "$OUT/$leg.txt"; then AUDITED+=("$leg"); fi
done
if [ ${#AUDITED[@]} -gt 0 ]; then
  echo
  echo "### AuditEvents stored per request (warm-up included)"
  echo
  header="| workload"
  rule="|---"
  for leg in "${AUDITED[@]}"; do header+=" | $(label "$leg")"; rule+="|---:"; done
  echo "$header |"
  echo "$rule|"
  for w in $WORKLOADS; do
    row="| $w"
    for leg in "${AUDITED[@]}"; do row+=" | $(result "$leg" "$w" AuditEvent_per_request)"; done
    echo "$row |"
  done
fi
echo
echo "### Boot and memory (ratio = server / $(label "$BASELINE"))"
echo
header="| | $(label "$BASELINE")"
rule="|---|---:"
for leg in "${LEGS[@]:1}"; do header+=" | $(label "$leg") | ratio"; rule+="|---:|---:"; done
echo "$header |"
echo "$rule|"
line() {
  local title=$1 key=$2 unit=$3 base row v
  base=$(value "$BASELINE" "$key")
  [ "$unit" = mb ] && base=$(mb "$base")
  row="| $title | $base"
  for leg in "${LEGS[@]:1}"; do
    v=$(value "$leg" "$key")
    [ "$unit" = mb ] && v=$(mb "$v")
    row+=" | $v | $(ratio "$base" "$v")"
  done
  echo "$row |"
}
line "start to first /fhir/metadata 200 (s)" boot_s s
line "start to ready (s; ccamhub: readiness UP, CCAM loaded)" ready_s s
line "JVM RSS after boot (MB)" rss_boot_kb mb
line "JVM RSS at the end (MB)" rss_end_kb mb
line "embedded PostgreSQL PSS at the end (MB)" postgres_pss_end_kb mb
echo
echo "Load average (uptime) at each leg's start and end:"
for leg in "${LEGS[@]}"; do
  echo "- $(label "$leg"): $(value "$leg" uptime_start | sed 's/.*load average: //') → $(value "$leg" uptime_end | sed 's/.*load average: //')"
done
if has ccamhub-auth; then
  echo "- ccamhub + auth without a token: HTTP $(value ccamhub-auth without_token_status) (issuer $(value ccamhub-auth issuer))"
fi
