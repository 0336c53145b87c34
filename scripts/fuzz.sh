#!/usr/bin/env bash
# libFuzzer harnesses of the decoders (Fuzz/, a package of its own; see README "Fuzzing").
#   scripts/fuzz.sh --list               the targets
#   scripts/fuzz.sh TARGET [SECONDS]     build one target and fuzz it (default 60 s)
#   scripts/fuzz.sh --smoke [SECONDS]    build every target and fuzz each briefly (default 15 s)
#   scripts/fuzz.sh --seeds [TARGET]     rewrite the seed corpus Fuzz/corpus/<target>/ from the seed chain
# New inputs go to Fuzz/.build/corpus/<target>/ (not committed); a crash, a hang or a broken
# property stops the run with a non-zero status and leaves the input in Fuzz/.build/crashes/<target>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
fuzz="$root/Fuzz"
targets=(cbor chain-params transfer vote header payload market-declaration market-bet market-resolution name-claim message frame deploy-config)
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
    ""|-h|--help)
        sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        known "$1"
        build "fuzz-$1"
        run "$1" "${2:-60}"
        ;;
esac
