#!/usr/bin/env bash
# libFuzzer harnesses of the decoders (Fuzz/, a package of its own; see README "Fuzzing").
#   scripts/fuzz.sh --list               the targets
#   scripts/fuzz.sh TARGET [SECONDS]     build one target and fuzz it (default 60 s)
#   scripts/fuzz.sh --smoke [SECONDS]    build every target and fuzz each briefly (default 15 s)
#   scripts/fuzz.sh --seeds [TARGET]     rewrite the seed corpus Fuzz/corpus/<target>/ from the seed chain
#   scripts/fuzz.sh --campaign CPU_MINUTES [TARGET...]
#                                        fuzz each target (default: all) until it has used that much
#                                        CPU time, in rounds of at most 5 minutes; one summary line per
#                                        target (executions, coverage, CPU seconds, a fingerprint of the
#                                        code fuzzed) goes to Fuzz/campaigns.txt, which is committed.
#                                        Counting CPU rather than wall time lets a campaign run niced
#                                        beside other work. An interrupted campaign resumes where it
#                                        stopped while the code the target fuzzes is unchanged
#                                        (Fuzz/.build/campaign-<target>.progress); a target whose code
#                                        has a finished campaign of that length in the record is skipped.
# New inputs go to Fuzz/.build/corpus/<target>/ (not committed); a crash, a hang or a broken
# property stops the run with a non-zero status and leaves the input in Fuzz/.build/crashes/<target>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
fuzz="$root/Fuzz"
targets=(cbor chain-params transfer vote header payload market-declaration market-bet market-resolution name-claim module-object message frame deploy-config agent-data)
# Swift code gets libFuzzer's coverage and AddressSanitizer (FUZZ_ASAN=0: coverage only). Given as
# one -sanitize= list: with two separate -sanitize= flags swiftc keeps only the last, and the order
# in which `swift build --sanitize a --sanitize b` passes them varies, which can silently drop the
# coverage and leave libFuzzer blind. --sanitize fuzzer is still needed for linking libFuzzer.
swift_sanitizers="fuzzer,address"
[ "${FUZZ_ASAN:-1}" = 0 ] && swift_sanitizers="fuzzer"
# Swift's crash reporter hangs under AddressSanitizer; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no

# The longest input each target is given: objects are small, payloads and messages larger.
max_len() {
    case "$1" in
        payload|message|frame) echo 65536 ;;
        chain-params|deploy-config) echo 16384 ;;
        *) echo 8192 ;;
    esac
}

build() { # product names (fuzz-<target>)
    local args=(-c release --package-path "$fuzz" --scratch-path "$fuzz/.build")
    args+=(--sanitize fuzzer -Xswiftc "-sanitize=$swift_sanitizers")
    # One product at a time: a plain `swift build` would also build every target of the main
    # package (the daemon, the explorer and their dependencies), which no harness needs.
    for product in "$@"; do swift build "${args[@]}" --product "$product"; done
}

binary() { echo "$fuzz/.build/release/fuzz-$1"; }

# Every module's pure rules: the payload decodes each module's section with them.
rules_folders() { (cd "$root" && ls -d Sources/Modules/*/Rules | tr '\n' ' '); }

# The sources a target's harness exercises: a campaign's CPU time counts only for them.
sources_of() {
    case "$1" in
        deploy-config) echo "Sources/PoTDeploy" ;;
        payload) echo "Sources/PoTCore Sources/Modules/List $(rules_folders)" ;;
        market-*) echo "Sources/PoTCore Sources/Modules/Markets/Rules" ;;
        module-object) echo "Sources/PoTCore Sources/Modules/Membership/Rules Sources/Modules/Contracts/Rules Sources/Modules/Agents/Rules" ;;
        agent-data) echo "Sources/PoTCore Sources/Modules/Agents/Rules" ;;
        message|frame) echo "Sources/PoTCore Sources/Modules/List $(rules_folders) Sources/PoTNet" ;;
        *) echo "Sources/PoTCore" ;;
    esac
}

# A fingerprint of those sources and of the harnesses, committed or not.
fingerprint() {
    local dirs
    read -r -a dirs <<<"$(sources_of "$1") Fuzz/Sources"
    (cd "$root" && { git ls-files -s -- "${dirs[@]}"; git diff HEAD -- "${dirs[@]}"; } | sha256sum | cut -c1-16)
}

known() {
    local t
    for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
    echo "unknown target '$1' (scripts/fuzz.sh --list)" >&2
    exit 64
}

run() { # target seconds
    local target="$1" seconds="$2"
    local work="$fuzz/.build/corpus/$target" crashes="$fuzz/.build/crashes/$target"
    mkdir -p "$work" "$crashes"
    echo "== fuzz-$target for ${seconds}s"
    # -timeout: an input taking over 5 s is a hang; -rss_limit_mb: so is one allocating over 2 GB.
    # TOMLKit never frees a parsed table; LeakSanitizer would stop the config target at once.
    local leaks=1
    [ "$target" = deploy-config ] && leaks=0
    ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    "$(binary "$target")" -detect_leaks="$leaks" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$work" "$fuzz/corpus/$target"
}

case "${1:-}" in
    --list)
        printf '%s\n' "${targets[@]}"
        ;;
    --smoke)
        seconds="${2:-15}"
        build "${targets[@]/#/fuzz-}"
        for t in "${targets[@]}"; do run "$t" "$seconds"; done
        ;;
    --seeds)
        shift
        list=("$@")
        [ ${#list[@]} -gt 0 ] || list=("${targets[@]}")
        for t in "${list[@]}"; do known "$t"; done
        build "${list[@]/#/fuzz-}"
        for t in "${list[@]}"; do
            rm -rf "$fuzz/corpus/$t"
            POT_FUZZ_SEEDS="$fuzz/corpus/$t" "$(binary "$t")"
        done
        ;;
    --campaign)
        minutes="${2:?CPU minutes}"
        shift 2
        list=("$@")
        [ ${#list[@]} -gt 0 ] || list=("${targets[@]}")
        for t in "${list[@]}"; do known "$t"; done
        build "${list[@]/#/fuzz-}"
        summary="$fuzz/campaigns.txt" status=0
        for t in "${list[@]}"; do
            used=0 execs=0 round=0 log="$fuzz/.build/campaign-$t.log" progress="$fuzz/.build/campaign-$t.progress"
            print=$(fingerprint "$t")
            done_before=""
            if [ -f "$summary" ]; then
                done_before=$(awk -v t="fuzz-$t" -v code="code=$print" -v need=$((minutes * 60)) \
                    '$2 == t && $3 == code { split($4, c, "="); if (c[2] + 0 >= need) print }' "$summary" | tail -1)
            fi
            if [ -n "$done_before" ]; then
                echo "fuzz-$t: already fuzzed for this code: $done_before"
                continue
            fi
            if [ -f "$progress" ] && [ "$(cut -d' ' -f1 "$progress")" = "$print" ]; then
                read -r _ used execs round <"$progress"
                echo "fuzz-$t: resuming after $round round(s), $used CPU-s, code unchanged" | tee -a "$log"
            else
                : >"$log"
            fi
            while [ "$used" -lt $((minutes * 60)) ]; do
                round=$((round + 1))
                left=$((minutes * 60 - used))
                # Wall time bounds a round; CPU time (user + system) is what is counted.
                /usr/bin/time -f "cpu %U %S" -o "$fuzz/.build/campaign-$t.time" \
                    "$0" --run-built "$t" "$((left < 300 ? (left < 30 ? 30 : left) : 300))" >>"$log" 2>&1 || {
                    echo "fuzz-$t: a finding after round $round, see $log and $fuzz/.build/crashes/$t/" | tee -a "$summary"
                    rm -f "$progress"
                    status=1
                    break
                }
                cpu=$(awk '/^cpu/ { printf "%d", $2 + $3 }' "$fuzz/.build/campaign-$t.time")
                used=$((used + cpu))
                execs=$((execs + $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2 + 0}')))
                echo "$print $used $execs $round" >"$progress"
            done
            cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
            ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
            corpus=$(find "$fuzz/.build/corpus/$t" -type f | wc -l)
            line="$(date -u +%FT%TZ) fuzz-$t code=$print cpu_s=$used rounds=$round execs=$execs cov=$cov ft=$ft corpus=$corpus"
            echo "$line" | tee -a "$summary"
        done
        exit "$status"
        ;;
    --run-built)
        known "$2"
        run "$2" "$3"
        ;;
    ""|-h|--help)
        sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        known "$1"
        build "fuzz-$1"
        run "$1" "${2:-60}"
        ;;
esac
