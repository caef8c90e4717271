#!/bin/sh
# Runs each fuzz target for a bounded time and prints one line per target:
#   fuzz/run.sh [seconds [target...]]   (default 60 s, every target)
# One target at a time. New inputs go to fuzz/work/<target>/, crashes to
# fuzz/artifacts/<target>/; the seeds in fuzz/corpus/<target>/ are only read.
set -u
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-case meetings check markdown fmt write}
cd "$(dirname "$0")" || exit 2
flags="--sanitizer none --release --debug-assertions"
mkdir -p work
# shellcheck disable=SC2086
cargo fuzz build $flags >work/build.log 2>&1 || { echo "build failed: see fuzz/work/build.log"; exit 2; }
status=0
for t in $targets; do
    mkdir -p "work/$t" "artifacts/$t"
    log="work/$t.log"
    # shellcheck disable=SC2086
    cargo fuzz run $flags "$t" "work/$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    crashes=$(grep -c '^artifact_prefix=.*Test unit written to\|^Test unit written to' "$log")
    if [ "$rc" -eq 0 ]; then
        echo "$t: ok, ${runs:-?} executions in ${secs} s, coverage ${cov:-?}, 0 crashes"
    else
        status=1
        echo "$t: FAILED (exit $rc) after ${runs:-?} executions, ${crashes} crash(es): $(grep -o 'Test unit written to .*' "$log" | head -n 1) (log: fuzz/$log)"
    fi
done
exit $status
