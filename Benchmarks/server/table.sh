#!/usr/bin/env bash
# wrk against `GET /companies/{id}/table` of the 10,000-holder synthetic company (issue 20
# item 7), served by `capstan serve` (release build) from a SQLite file on loopback.
#
#   Benchmarks/server/table.sh            # CAPSTAN, MAKE_SYNTHETIC, WORK, DURATION override
#
# Prints, in order: the cold CLI `table` (a new process each time: open, read, replay,
# print), the cached route under wrk, the route with a different as-of date per request
# (each request replays the cached ledger; the table cache keeps 8 dates per company), and
# the route after a write (an API issuance before each request: the store changed, so the
# server reads and replays the whole ledger again; timed with curl, one at a time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CAPSTAN=${CAPSTAN:-$root/.build/release/capstan}
WORK=${WORK:-$(mktemp -d /tmp/capstan-wrk.XXXXXX)}
DURATION=${DURATION:-20s}
WRITES=${WRITES:-20}
ASOF=2030-12-31
DB=$WORK/synthetic.db
URL_PATH="/companies/synthetic-co/table?asOf=$ASOF"

echo "capstan: $CAPSTAN ($(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$DB"
if [[ -n "${MAKE_SYNTHETIC:-}" ]]; then
  "$MAKE_SYNTHETIC" "$DB" | tail -1
else
  (cd "$root/Benchmarks" && swift run -c release make-synthetic "$DB" | tail -1)
fi
"$CAPSTAN" user add bench@load.example --company "Synthetic Co" --role editor --db "$DB" >/dev/null
TOKEN=$("$CAPSTAN" user token bench@load.example --db "$DB")
"$CAPSTAN" stakeholder add "Load Holder" --db "$DB" >/dev/null

echo "== cold CLI table (--format json, a new process each run)"
TIMEFORMAT='%R s'
for _ in 1 2 3; do
  time "$CAPSTAN" table --db "$DB" --as-of "$ASOF" --format json >/dev/null
done

"$CAPSTAN" serve --db "$DB" --listen 127.0.0.1:0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "http://" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/serve.out")
auth="Authorization: Bearer $TOKEN"
echo "== first request (reads and replays the ledger)"
curl -s -o /dev/null -w '%{http_code} %{time_total} s\n' -H "$auth" "$base$URL_PATH"

echo "== cached: wrk -t2 -c8 -d$DURATION"
wrk -t2 -c8 -d"$DURATION" --latency -H "$auth" "$base$URL_PATH"

echo "== a different as-of date per request (replay of the cached ledger): wrk -t2 -c2"
wrk -t2 -c2 -d"$DURATION" --latency -s "$here/dates.lua" -H "$auth" "$base$URL_PATH"

echo "== after a write ($WRITES times: POST an issuance, then GET the table, one at a time)"
times=()
for i in $(seq 1 "$WRITES"); do
  body="{\"holder\": \"Load Holder\", \"shares\": \"$i\", \"class\": \"Common\", \"price\": \"1.00\", \"date\": \"2030-06-01\"}"
  curl -s -o /dev/null -X POST -H "$auth" -H 'Content-Type: application/json' -d "$body" \
    "$base/companies/synthetic-co/issuances"
  times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "$base$URL_PATH")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
  p50 = a[int((NR + 1) / 2)]; p99 = a[NR];
  printf "uncached GET after a write: n=%d p50 %.3f s, max (p99 of %d) %.3f s\n", NR, p50, NR, p99 }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
