#!/usr/bin/env bash
# Sampler benchmark: py-spy and Pyrometer side by side (bench/compare.py: target slowdown, whole-process CPU per
# sample, the sampling loop's own CPU per sample, samples written, measured hot_a share against the truth 0.75),
# then the highest rate Pyrometer sustains with under 1% late ticks.
#   bench/sampler.sh [PYTHON]        default: pyenv's 3.11.7
# Env: REPS (3), ITERS (20000), RATES ("1000 2000 5000 10000 20000"), MODES ("nonblocking"; add "blocking" for
# Pyrometer's ptrace-paused mode beside py-spy's default, which pauses too).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-$(pyenv prefix 3.11.7 2>/dev/null || echo /root/.pyenv/versions/3.11.7)/bin/python3}"
reps="${REPS:-3}"
iters="${ITERS:-20000}"
rates="${RATES:-1000 2000 5000 10000 20000}"
modes="${MODES:-nonblocking}"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

"$here/pyrometer" --version >/dev/null   # build and train the AOT cache outside the measurement

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $modes; do
  echo "== side by side at 1 kHz, $mode, on $("$py" -V 2>&1), $reps reps, $iters iterations"
  python3 "$here/bench/compare.py" --python "$py" --iterations "$iters" --reps "$reps" \
    $([[ "$mode" == blocking ]] && echo --blocking)
done

echo "== highest sustained rate (late ticks < 1%), 5 s each on the workload"
for rate in $rates; do
  "$py" "$here/bench/workload.py" 100000 20 0 >/dev/null &
  target=$!
  line="$("$here/pyrometer" record -r "$rate" -d 5 -f collapsed -o "$scratch/rate.txt" --pid "$target" 2>&1 | grep samples || true)"
  kill "$target" 2>/dev/null; wait "$target" 2>/dev/null || true
  echo "rate $rate: $line"
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
