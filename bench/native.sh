#!/usr/bin/env bash
# Native frames (--native) beside py-spy --native on the same workload in the same run (bench/compare.py --native):
# target slowdown, whole-process CPU per sample, the sampling loop's own CPU per sample, samples written and the
# hot_a share, at 100 Hz and at 1 kHz. Both pause the target at every sample and unwind its C stacks.
#   bench/native.sh [PYTHON]        default: pyenv's 3.11.7
# Env: REPS (3), ITERS (20000), RATES ("100 1000").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-$(pyenv prefix 3.11.7 2>/dev/null || echo /root/.pyenv/versions/3.11.7)/bin/python3}"
reps="${REPS:-3}"
iters="${ITERS:-20000}"
rates="${RATES:-100 1000}"

"$here/pyrometer" --version >/dev/null   # build and train the AOT cache outside the measurement

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rate in $rates; do
  echo "== --native side by side at $rate Hz on $("$py" -V 2>&1), $reps reps, $iters iterations"
  python3 "$here/bench/compare.py" --python "$py" --iterations "$iters" --reps "$reps" --rate "$rate" --native
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
