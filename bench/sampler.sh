#!/usr/bin/env bash
# Sampler benchmark: py-spy and Pyrometer side by side in one run of ../shared/bench/compare.py (target slowdown,
# profiler CPU per sample counted over the whole process, samples achieved, measured hot_a share, truth 0.75),
# then the highest rate Pyrometer sustains with under 1% late ticks.
#   bench/sampler.sh [PYTHON]        default: pyenv's 3.11.7
# Env: REPS (3), ITERS (20000), RATES ("1000 2000 5000 10000 20000").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${PYROMETER_SHARED:-$here/../shared}"
py="${1:-$(pyenv prefix 3.11.7 2>/dev/null || echo /root/.pyenv/versions/3.11.7)/bin/python3}"
reps="${REPS:-3}"
iters="${ITERS:-20000}"
rates="${RATES:-1000 2000 5000 10000 20000}"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
command -v py-spy >/dev/null || { echo "py-spy is needed: pip install py-spy" >&2; exit 2; }

"$here/pyrometer" --version >/dev/null   # build and train the AOT cache outside the measurement

echo "== compare.py at 1 kHz on $("$py" -V 2>&1), $reps reps, $iters iterations"
python3 "$shared/bench/compare.py" --py "$py" --iters "$iters" --reps "$reps" \
  "pyspy=py-spy record -r 1000 --nonblocking -f raw -o {out} --pid {pid}" \
  "pyrometer=$here/pyrometer record -r 1000 -f collapsed -o {out} --pid {pid}"

echo "== highest sustained rate (late ticks < 1%), 5 s each on the workload"
for rate in $rates; do
  "$py" "$shared/bench/workload.py" 100000 20 0 >/dev/null &
  target=$!
  line="$("$here/pyrometer" record -r "$rate" -d 5 -f collapsed -o "$scratch/rate.txt" --pid "$target" 2>&1 | grep samples || true)"
  kill "$target" 2>/dev/null; wait "$target" 2>/dev/null || true
  echo "rate $rate: $line"
done
