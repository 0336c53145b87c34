#!/usr/bin/env bash
# Runs the PoT benchmarks (package Benchmarks/, ordo-one/benchmark) in release mode and prints
# each measurement as a ratio against its baseline from the same run.
#
#   scripts/bench.sh                      all benchmarks (about 10-15 minutes on 2 cores, builds included),
#                                         then the explorer's (scripts/bench-web.sh)
#   scripts/bench.sh --filter 'status.*'  only some (the filter is package-benchmark's regex)
#   scripts/bench.sh --target Replay      only one benchmark executable (Replay, CLI, Network, Agents or Web)
#   scripts/bench.sh --target Web         how long a new block takes to reach pot-web's pages on 10 000 blocks
#
# Environment:
#   POT_BIN        the pot binary to measure (default: build it with swift build -c release --static-swift-stdlib --product pot)
#   POT_WEB_BIN    the pot-web binary to measure (default: the one beside POT_BIN, built with pot when POT_BIN is not given)
#   POT_BENCH_DIR  where fixture repositories are built, outside any git work tree (default: $TMPDIR/pot-bench-fixtures-<uid>;
#                  emptied before and after the run unless POT_BENCH_KEEP=1)
#   POT_BENCH_STRICT=1  exit 1 when a ratio misses its goal
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/Benchmarks"
RESULTS="$BENCH/.build/bench-results"
# Fixtures must live outside any git work tree (ChainStore.initialize would use the enclosing one).
export POT_BENCH_DIR="${POT_BENCH_DIR:-${TMPDIR:-/tmp}/pot-bench-fixtures-$(id -u)}"

if [[ -z "${POT_BIN:-}" ]]; then
    echo "== building pot and pot-web (release)"
    build() { (cd "$ROOT" && swift build -c release --static-swift-stdlib --product pot && swift build -c release --static-swift-stdlib --product pot-web); }
    # The main package may be mid-edit; one retry after a minute.
    if ! build; then
        echo "pot did not build; retrying in 60 s" >&2
        sleep 60
        build
    fi
    POT_BIN="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --show-bin-path)/pot"
fi
export POT_BIN
[[ -x "$POT_BIN" ]] || { echo "no pot binary at $POT_BIN" >&2; exit 1; }

rm -rf "$POT_BENCH_DIR" "$RESULTS"
mkdir -p "$POT_BENCH_DIR" "$RESULTS"
cleanup() { [[ "${POT_BENCH_KEEP:-0}" == 1 ]] || rm -rf "$POT_BENCH_DIR"; }
trap cleanup EXIT

echo "== running benchmarks (release build of Benchmarks/; fixtures in $POT_BENCH_DIR)"
status=0
(cd "$BENCH" && swift package --allow-writing-to-package-directory benchmark \
    --format histogramPercentiles --path "$RESULTS" --no-progress "$@") || status=$?

# p50 of a benchmark's wall clock, in microseconds (every benchmark reports in microseconds).
p50() {
    local file
    file="$(ls "$RESULTS"/*."$1".*allClock*percentiles.tsv 2>/dev/null | head -1 || true)"
    [[ -n "$file" ]] || { echo ""; return; }
    awk -F'\t' '$1 == "50" { print $2 }' "$file"
}

# p99 of a benchmark's wall clock, in microseconds.
p99() {
    local file
    file="$(ls "$RESULTS"/*."$1".*allClock*percentiles.tsv 2>/dev/null | head -1 || true)"
    [[ -n "$file" ]] || { echo ""; return; }
    awk -F'\t' '$1 == "99" { print $2 }' "$file"
}

# p50 of one of a benchmark's own metrics, in the unit it was recorded in (the file's header
# says when the tool scaled it to thousands or millions).
metric50() {
    local file
    file="$(ls "$RESULTS"/*."$1"."$2".histogram.percentiles.tsv 2>/dev/null | head -1 || true)"
    [[ -n "$file" ]] || { echo ""; return; }
    awk -F'\t' 'NR == 1 { f = ($2 ~ /\(K\)/) ? 1e3 : ($2 ~ /\(M\)/) ? 1e6 : ($2 ~ /\(G\)/) ? 1e9 : 1 } $1 == "50" { printf "%.0f\n", $2 * f }' "$file"
}

VOTES=100000
# The replay and its two baselines are measured in the same iterations (replay.paired); the
# ratios are the medians of the ratios taken within each iteration, times 1 000.
# Its times are in hundredths of a second; every time below is in microseconds.
paired_us() { local v; v=$(metric50 replay.paired "$1"); [[ -n "$v" ]] && echo $((v * 10000)) || echo ""; }
replay=$(paired_us replay_cs); raw=$(paired_us verify_one_thread_cs); rawall=$(paired_us verify_every_core_cs)
replayOverOne=$(metric50 replay.paired replay_over_one_thread_x1000); everyOverOne=$(metric50 replay.paired every_core_over_one_thread_x1000)
replayOverEvery=$(metric50 replay.paired replay_over_every_core_x1000)
s1k=$(p50 status.chain1k); s10k=$(p50 status.chain10k); glog=$(p50 gitlog.chain10k)
prop=$(p50 propose.merge); gmerge=$(p50 gitmerge.noff)
nvd=$(p50 net.votes.daemon); nvr=$(p50 net.votes.rawVerify); nvb=$(p50 net.votes.batchVerify)
nls=$(p50 net.light.sync); nhr=$(p50 net.headers.rawVerify)
np50=$(p50 net.propagation16); np99=$(p99 net.propagation16); rtt=$(p50 net.tcp.roundtrip)
wnew=$(p50 web.newBlock10k); wnew99=$(p99 web.newBlock10k); wfull=$(p50 web.fullBuild10k)
afix=$(p50 agents.train.fixed); aflt=$(p50 agents.train.float); aver=$(p50 agents.verify.selected); afraud=$(p50 agents.fraud.check)
ar10=$(p50 agents.route.10); ar1k=$(p50 agents.route.1k); ar100k=$(p50 agents.route.100k)

echo
echo "== medians (wall clock, p50)"
printf '  %-22s %14s  %s\n' benchmark "p50 (ms)" note
row() { [[ -n "$2" ]] && printf '  %-22s %14.3f  %s\n' "$1" "$(awk -v v="$2" 'BEGIN{print v/1000}')" "$3"; return 0; }
row replay             "$replay" "ChainStore.replayFromGenesis(), 1001 blocks, $VOTES votes"
row "verify, one thread" "$raw"  "$VOTES x PublicKey.verifies, one after the other"
row "verify, every core" "$rawall" "the same on every core, nothing else"
row status.chain1k     "$s1k"    "pot status, warm cache, 1 000 blocks"
row status.chain10k    "$s10k"   "pot status, warm cache, 10 000 blocks"
row gitlog.chain10k    "$glog"   "git log -1, same 10 000-block repository"
row propose.merge      "$prop"   "pot propose --merge <c> --canonical --as alice"
row gitmerge.noff      "$gmerge" "git merge --no-ff <c>, identical copy"
row net.votes.daemon   "$nvd"    "2 000 votes offered to one daemon over TCP, until all are stored"
row net.votes.rawVerify "$nvr"   "the same 2 000 signatures, PublicKey.verifies, one thread"
row net.votes.batchVerify "$nvb" "the same 2 000 signatures as the daemon checks a batch, every core"
row net.light.sync     "$nls"    "pot-light sync of 10 000 headers from a daemon"
row net.headers.rawVerify "$nhr" "the same 10 000 header signatures, one thread"
row net.propagation16  "$np50"   "a vote from one of 16 loopback daemons to all (p99: $(awk -v v="${np99:-0}" 'BEGIN{print v/1000}') ms)"
row net.tcp.roundtrip  "$rtt"    "64 bytes echoed over one loopback TCP connection"
row web.newBlock10k    "$wnew"   "pot propose --canonical returned -> /api/status shows it, 10 000 blocks (p99: $(awk -v v="${wnew99:-0}" 'BEGIN{print v/1000}') ms)"
row web.fullBuild10k   "$wfull"  "pot-web started -> /api/status answers (model built from genesis), same chain"
row agents.train.fixed "$afix"   "200 steps, mlp 30-16-2, batch 16, Q16.16 integers (20 segments)"
row agents.train.float "$aflt"   "the same 200 steps in Float"
row agents.verify.selected "$aver" "re-executing the 5 selected segments of the 20 and comparing"
row agents.fraud.check "$afraud" "one fraud proof of 1 792 rows: decode, Merkle paths, re-execute the segment"
row agents.route.10    "$ar10"   "pot agent route over 10 verified agents"
row agents.route.1k    "$ar1k"   "over 1 000"
row agents.route.100k  "$ar100k" "over 100 000"

misses=0
echo
echo "== ratios"
printf '  %-44s %10s  %-8s %s\n' measurement ratio goal result
ratio() { # name numerator denominator goal-op goal [invert]
    local name="$1" num="$2" den="$3" op="$4" goal="$5"
    if [[ -z "$num" || -z "$den" ]]; then printf '  %-44s %10s  %-8s %s\n' "$name" "-" "$op $goal" "not measured"; return; fi
    local r ok
    r=$(awk -v a="$num" -v b="$den" 'BEGIN { printf "%.2f", a / b }')
    ok=$(awk -v r="$r" -v g="$goal" -v op="$op" 'BEGIN { print ((op == ">=" && r >= g) || (op == "<=" && r <= g)) ? "ok" : "MISSED" }')
    [[ "$ok" == ok ]] || misses=$((misses + 1))
    printf '  %-44s %9sx  %-8s %s\n' "$name" "$r" "$op $goal" "$ok"
}
if [[ -n "$replay" && -n "$raw" && -n "$rawall" ]]; then
    awk -v r="$replay" -v w="$raw" -v a="$rawall" -v n="$VOTES" -v e="$everyOverOne" -v re="$replayOverEvery" 'BEGIN {
        printf "  replay: %.0f votes/s   verify on one thread: %.0f votes/s   on every core: %.0f votes/s\n", n / (r / 1e6), n / (w / 1e6), n / (a / 1e6)
        # What bounds the replay ratio: how far the cores scale together, and how much of that the replay reaches.
        printf "  every core / one thread: %.2fx; the replay reaches %.2f of every core\n", e / 1000, re / 1000 }'
fi
ratio "replay votes/s / raw verify votes/s"          "$replayOverOne" 1000 ">=" 1.6
ratio "status 10k blocks / status 1k blocks"         "$s10k" "$s1k"    "<=" 1.2
ratio "status 10k blocks / git log -1"               "$s10k" "$glog"   "<=" 3
ratio "propose --merge --canonical / git merge"      "$prop" "$gmerge" "<=" 2
ratio "daemon votes/s / raw verify votes/s"          "$nvr"  "$nvd"    ">=" 0.7
ratio "light sync headers/s / raw verify headers/s"  "$nhr"  "$nls"    ">=" 0.8
ratio "web new block / web full build (10k blocks)"  "$wnew" "$wfull"  "<=" 0.2
ratio "web new block (10k blocks), p99 / 200 ms"     "$wnew99" 200000  "<=" 1
ratio "fixed-point steps/s / Float steps/s"          "$aflt" "$afix"    ">=" 0.5
ratio "verify 5 of 20 segments / train all"          "$aver" "$afix"    "<=" 0.35
ratio "route 100 000 agents / 50 ms"                 "$ar100k" 50000   "<=" 1
if [[ -n "$ar1k" && -n "$ar100k" ]]; then
    # n log n from 1 000 to 100 000 agents grows by 100 × log(1e5)/log(1e3) = 166.7.
    ratio "route 100k / route 1k, over n log n growth" "$ar100k" "$(awk -v a="$ar1k" 'BEGIN { print a * 166.7 }')" "<=" 1
fi
if [[ -n "$np50" && -n "$rtt" ]]; then
    awk -v a="$np50" -v b="$np99" -v r="$rtt" 'BEGIN {
        printf "  propagation across 16 daemons: p50 %.2f ms = %.0fx, p99 %.2f ms = %.0fx a loopback TCP round trip (%.0f us)\n", a / 1000, a / r, b / 1000, b / r, r }'
fi
echo
echo "(raw percentiles: $RESULTS)"

# The explorer's throughput under wrk, with a whole run only (half a minute once pot-web is built).
if [[ $# -eq 0 ]]; then
    echo
    echo "== explorer: scripts/bench-web.sh"
    POT_WEB_BENCH_STRICT="${POT_BENCH_STRICT:-0}" bash "$ROOT/scripts/bench-web.sh" || misses=$((misses + 1))
fi

if [[ $status -ne 0 ]]; then echo "some benchmarks failed (exit $status)" >&2; exit "$status"; fi
if [[ "${POT_BENCH_STRICT:-0}" == 1 && $misses -gt 0 ]]; then exit 1; fi
exit 0
