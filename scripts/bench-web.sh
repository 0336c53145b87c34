#!/usr/bin/env bash
# Throughput of pot-web's JSON block endpoint against the same bytes served as a static file by
# the same server (Hummingbird's file middleware), both under wrk on loopback.
#
#   scripts/bench-web.sh
#
# Environment:
#   POT_BIN_DIR             directory holding release builds of pot and pot-web (default: build them)
#   POT_WEB_BENCH_DURATION  how long wrk runs against each URL (default 10s)
#   POT_WEB_BENCH_STRICT=1  exit 1 when the ratio misses its goal (>= 0.5)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
bash "$ROOT/scripts/setup.sh" bench
DURATION="${POT_WEB_BENCH_DURATION:-10s}"

if [[ -z "${POT_BIN_DIR:-}" ]]; then
    echo "== building pot and pot-web (release)"
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product pot >/dev/null \
        && swift build -c release --static-swift-stdlib --product pot-web >/dev/null)
    POT_BIN_DIR="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --show-bin-path)"
fi
for program in pot pot-web; do [[ -x "$POT_BIN_DIR/$program" ]] || { echo "no $program in $POT_BIN_DIR" >&2; exit 1; }; done

work="$(mktemp -d "${TMPDIR:-/tmp}/pot-web-bench.XXXXXX")"
web=""
cleanup() { [[ -z "$web" ]] || { kill "$web" 2>/dev/null || true; wait "$web" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT

echo "== the walkthrough's chain in $work/chain"
mkdir -p "$work/chain" "$work/static"
pot() { "$POT_BIN_DIR/pot" -C "$work/chain" "$@"; }
pot init --k 2 --alpha 1000 --endow alice=10000 --endow bob=5000 --endow carol=5000 --timestamp 1700000000 >/dev/null
A=$(pot propose --as alice --timestamp 1700000001 | tail -n 1)
B=$(pot propose --as bob --timestamp 1700000002 | tail -n 1)
pot vote --as alice --height 1 --candidates "$A,$B" --probs 0.9,0.05,0.05 >/dev/null
pot vote --as bob --height 1 --candidates "$A,$B" --probs 0.5,0.5,0 >/dev/null
pot vote --as carol --height 1 --candidates "$A,$B" --probs 0.1,0.85,0.05 >/dev/null
pot advance >/dev/null
pot propose --as alice --canonical --timestamp 1700000200 >/dev/null
pot propose --as alice --canonical --timestamp 1700000300 >/dev/null

"$POT_BIN_DIR/pot-web" --repo "$work/chain" --listen 127.0.0.1:0 --static "$work/static" --log-level error >"$work/web.out" 2>&1 &
web=$!
address=""
for _ in $(seq 1 300); do
    address="$(sed -n '1s/^listening on //p' "$work/web.out")"
    [[ -n "$address" ]] && break
    sleep 0.1
done
[[ -n "$address" ]] || { echo "pot-web did not start:" >&2; cat "$work/web.out" >&2; exit 1; }

json_url="$address/api/blocks/$A"
static_url="$address/static/block.json"
curl -sf "$json_url" -o "$work/static/block.json"
cmp -s <(curl -sf "$static_url") "$work/static/block.json" || { echo "the static copy differs from the JSON document" >&2; exit 1; }
echo "== $(wc -c <"$work/static/block.json") bytes: $json_url and $static_url"

requests() { # url -> requests/s
    wrk -t2 -c32 -d"$DURATION" --latency "$1" | tee "$work/wrk.txt" >&2
    awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt"
}
echo "== wrk -t2 -c32 -d$DURATION (JSON endpoint)"
json=$(requests "$json_url")
echo "== wrk -t2 -c32 -d$DURATION (static file)"
static=$(requests "$static_url")

ratio=$(awk -v a="$json" -v b="$static" 'BEGIN { printf "%.2f", a / b }')
ok=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5) ? "ok" : "MISSED" }')
echo
echo "== pot-web JSON block endpoint vs the same bytes as a static file"
printf '  %-28s %12s\n' "JSON /api/blocks/<id>" "$json req/s"
printf '  %-28s %12s\n' "static /static/block.json" "$static req/s"
printf '  %-28s %11sx  (goal >= 0.5: %s)\n' "ratio" "$ratio" "$ok"
if [[ "${POT_WEB_BENCH_STRICT:-0}" == 1 && "$ok" != ok ]]; then exit 1; fi
