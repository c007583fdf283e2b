#!/usr/bin/env bash
# Sampler benchmark: py-spy and Pyrometer side by side in one run of ../shared/bench/compare.py (target slowdown,
# profiler CPU per sample counted over the whole process, samples achieved, measured hot_a share, truth 0.75),
# Pyrometer's sampling loop's own CPU per sample (from its summary lines), then the highest rate Pyrometer sustains
# with under 1% late ticks.
#   bench/sampler.sh [PYTHON]        default: pyenv's 3.11.7
# Env: REPS (3), ITERS (20000), RATES ("1000 2000 5000 10000 20000"), MODES ("nonblocking"; add "blocking" for
# Pyrometer's ptrace-paused mode beside py-spy's default, which pauses too).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${PYROMETER_SHARED:-$here/../shared}"
py="${1:-$(pyenv prefix 3.11.7 2>/dev/null || echo /root/.pyenv/versions/3.11.7)/bin/python3}"
reps="${REPS:-3}"
iters="${ITERS:-20000}"
rates="${RATES:-1000 2000 5000 10000 20000}"
modes="${MODES:-nonblocking}"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
command -v py-spy >/dev/null || { echo "py-spy is needed: pip install py-spy" >&2; exit 2; }

"$here/pyrometer" --version >/dev/null   # build and train the AOT cache outside the measurement

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mode in $modes; do
  if [[ "$mode" == blocking ]]; then spy_flag=""; ours_flag="--blocking"; else spy_flag="--nonblocking"; ours_flag=""; fi
  echo "== compare.py at 1 kHz, $mode, on $("$py" -V 2>&1), $reps reps, $iters iterations"
  # `exec` keeps the measured process Pyrometer's own; its summary line goes to a file for the loop's CPU.
  python3 "$shared/bench/compare.py" --py "$py" --iters "$iters" --reps "$reps" \
    "pyspy=py-spy record -r 1000 $spy_flag -f raw -o {out} --pid {pid}" \
    "pyrometer=bash -c 'exec $here/pyrometer record -r 1000 $ours_flag -f collapsed -o {out} --pid {pid} 2>>$scratch/summary-$mode.txt'"
  echo "sampling loop's own CPU per sample (median of $reps): $(sed -n 's/.*sampler CPU \([0-9.]*\) µs per sample.*/\1/p' \
    "$scratch/summary-$mode.txt" | sort -n | awk '{v[NR]=$1} END {print (NR ? v[int((NR+1)/2)] " µs" : "?")}')"
done

echo "== highest sustained rate (late ticks < 1%), 5 s each on the workload"
for rate in $rates; do
  "$py" "$shared/bench/workload.py" 100000 20 0 >/dev/null &
  target=$!
  line="$("$here/pyrometer" record -r "$rate" -d 5 -f collapsed -o "$scratch/rate.txt" --pid "$target" 2>&1 | grep samples || true)"
  kill "$target" 2>/dev/null; wait "$target" 2>/dev/null || true
  echo "rate $rate: $line"
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
