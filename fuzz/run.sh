#!/usr/bin/env bash
# Coverage-guided fuzzing of Pesatura's file readers (issue 9), as `make fuzz`
# runs it: each target in turn for FUZZ_TIME seconds (600 unless told), one
# process at a time, then a line per target with executions and coverage.
#
#   FUZZ_TIME=600 make fuzz                  # every target, ten minutes each
#   FUZZ_TIME=60 make fuzz FUZZ_TARGETS=csv_import
#   fuzz/run.sh cmin                         # fold the runs' findings into the kept corpus
#                                            # (cargo fuzz cmin, then fuzz/keep.py)
#
# libFuzzer grows fuzz/work/<target>/ (not in git) from the small corpus kept
# in fuzz/corpus/<target>/; a failing input lands in fuzz/artifacts/<target>/.
# Turn it into a regression test: copy it under tests/fuzz-regressions/<target>/
# (see tests/fuzz_regressions.rs), fix, and `cargo test --test fuzz_regressions`.
set -uo pipefail
cd "$(dirname "$0")/.."

ALL=(json_load json_migrations csv_import como_table)
TIME=${FUZZ_TIME:-600}
# The flags every build uses, so that `run`, `cmin` and `build` share one
# binary: overflow checks on (debug assertions), no sanitizer (safe Rust).
FLAGS=(--debug-assertions --sanitizer none)

max_len() {
    case $1 in
        json_load) echo 24576 ;; # the Como example is 22 KB
        *) echo 4096 ;;
    esac
}

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "cargo fuzz needs the nightly toolchain: rustup toolchain install nightly --profile minimal" >&2
    exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz from crates.io"
    cargo install --locked cargo-fuzz || exit 1
fi

if [[ ${1:-} == cmin ]]; then
    shift
    for t in "${@:-${ALL[@]}}"; do
        mkdir -p "fuzz/corpus/$t"
        cp -n "fuzz/work/$t"/* "fuzz/corpus/$t"/ 2>/dev/null
        # Edges only (no hit counters), then the FUZZ_KEEP inputs (60) that
        # add the most edges, so that git keeps a few dozen files per target.
        cargo +nightly fuzz cmin "${FLAGS[@]}" "$t" "fuzz/corpus/$t" -- -use_counters=0 -max_len="$(max_len "$t")"
        python3 fuzz/keep.py "fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release/$t" "fuzz/corpus/$t" "${FUZZ_KEEP:-60}"
    done
    exit 0
fi

targets=("${@:-${ALL[@]}}")
failed=()
summary=()
for t in "${targets[@]}"; do
    mkdir -p "fuzz/work/$t" "fuzz/corpus/$t"
    log="fuzz/work/$t.log"
    echo "==> $t for ${TIME}s (log: $log)"
    cargo +nightly fuzz run "${FLAGS[@]}" "$t" "fuzz/work/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$TIME" -max_len="$(max_len "$t")" -print_final_stats=1 2>&1 | tee "$log" | grep -E --line-buffered 'pulse|DONE|panicked|ERROR|Done|Test unit'
    [[ ${PIPESTATUS[0]} -eq 0 ]] || failed+=("$t")
    summary+=("$t: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1), $(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)")
done
echo
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    echo "failing: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
