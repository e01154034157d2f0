#!/usr/bin/env bash
# Coverage-guided fuzzing of the input surfaces (framework files, profiles, and the matrix and
# FT importers) with AFL++ (cargo-afl, stable toolchain).
#
#   scripts/fuzz.sh [SECONDS]        # every target in parallel, default 660 s each
#   TARGETS=fuzz_profile scripts/fuzz.sh 60
#
# Needs `cargo install cargo-afl` once (it builds AFL++ from source). Findings land in
# fuzz/target/afl/<target>/default/{crashes,hangs}; a summary is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-660}"
targets="${TARGETS:-fuzz_data fuzz_profile fuzz_matrix fuzz_ft}"
out=fuzz/target/afl
seeds=fuzz/target/seeds
suite=../shared/reference/yaml-test-suite

(cd fuzz && cargo afl build --release)

# Seeds: the good fixture and built-in data, profiles, and (when present) the YAML test suite.
rm -rf "$seeds" && mkdir -p "$seeds/fuzz_data" "$seeds/fuzz_profile" "$seeds/fuzz_matrix" "$seeds/fuzz_ft"
slot=0
for f in framework.yaml skills.yaml soft-skills.yaml roles/engineering/engineer.yaml roles/design/designer.yaml; do
    { printf "\\x$(printf %02x "$slot")"; cat "examples/custom-ladder/$f"; } > "$seeds/fuzz_data/fixture-$slot"
    slot=$((slot + 1))
done
for f in data/dvla/framework.yaml data/dvla/skills.yaml; do
    case "$f" in *framework.yaml) s=0 ;; *) s=1 ;; esac
    { printf "\\x$(printf %02x "$s")"; cat "$f"; } > "$seeds/fuzz_data/dvla-$(basename "$f")"
done
cp examples/team/*.yaml "$seeds/fuzz_profile/"
# What pm-skills writes itself: the profile template.
cargo run -q --release -- profile new --level senior > "$seeds/fuzz_profile/template.yaml"
cp tests/fixtures/hostile/*.yaml "$seeds/fuzz_profile/" 2>/dev/null || true
# Matrices: the first byte picks the scale (0: read from the cells, 1: basic,good,great, 2: 1-4).
for f in tests/fixtures/matrix/*.csv; do
    case "$f" in *words*) s=1 ;; *) s=0 ;; esac
    { printf "\\x$(printf %02x "$s")"; cat "$f"; } > "$seeds/fuzz_matrix/$(basename "$f")"
done
# Job families: the test fixtures, and the real one when ../shared is there.
cp tests/fixtures/ft-progression/*.y*ml "$seeds/fuzz_ft/" 2>/dev/null || true
[ -f ../shared/reference/ft-engineering-progression/engineering.yml ] &&
    cp ../shared/reference/ft-engineering-progression/engineering.yml "$seeds/fuzz_ft/"
if [ -d "$suite" ]; then
    n=0
    for f in $(find "$suite" -name in.yaml | sort | awk 'NR % 8 == 0'); do
        n=$((n + 1))
        cp "$f" "$seeds/fuzz_profile/suite-$n.yaml"
        { printf '\x00'; cat "$f"; } > "$seeds/fuzz_data/suite-$n"
    done
fi

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_AUTORESUME=1
mkdir -p "$out"
pids=()
for t in $targets; do
    # -t 1000: an input that takes over a second is a hang; -m 1024: over 1 GiB is a crash.
    cargo afl fuzz -i "$seeds/$t" -o "$out/$t" -t 1000 -m 1024 -V "$seconds" \
        "fuzz/target/release/$t" > "$out/$t.log" 2>&1 &
    pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=$?; done

for t in $targets; do
    stats="$out/$t/default/fuzzer_stats"
    echo "== $t"
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats" || tail -20 "$out/$t.log"
done
exit "$status"
