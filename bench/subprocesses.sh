#!/usr/bin/env bash
# Following subprocesses: a parent with 4 busy pool workers (bench/pool_workload.py), recorded by Pyrometer's
# `record --subprocesses` and py-spy's `record --subprocesses --nonblocking`, each attached by pid to its own run of
# the same program, one after the other in the same run of this script, at 100 Hz and 1 kHz.
#   bench/subprocesses.sh [PYTHON]     default: pyenv's 3.11.7
# Env: SECONDS_OF_WORK (4, CPU seconds per worker), REPS (1).
# Per profiler: whole-process CPU (wait4: launcher, JVM, JIT, writing), stacks written (one per process and tick it
# read a running thread of), CPU per stack written, processes seen, and for Pyrometer the sampling loop's own CPU per
# tick and per process sample (its summary line).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
py="${1:-$(pyenv prefix 3.11.7 2>/dev/null || echo /root/.pyenv/versions/3.11.7)/bin/python3}"
work="${SECONDS_OF_WORK:-4}"
reps="${REPS:-1}"
"$here/pyrometer" --version >/dev/null   # build and train the AOT cache outside the measurement
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg); $("$py" -V 2>&1), 4 workers x ${work} s CPU"
python3 - "$here" "$py" "$work" "$reps" <<'PY'
import os, re, shutil, subprocess, sys, tempfile, time
here, py, work, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
pyspy = shutil.which("py-spy")
loop = re.compile(r"sampler CPU ([0-9.]+) µs per sample; (\d+) processes \(([0-9.]+) µs per process sample\)")
def run(name, rate):
    out = tempfile.mktemp(suffix=".txt")
    target = subprocess.Popen([py, os.path.join(here, "bench/pool_workload.py"), "4", work, "2"])
    time.sleep(0.5)  # the pool is up; workers wait 2 s before they work
    if name == "pyrometer":
        cmd = [os.path.join(here, "pyrometer"), "record", "-s", "-r", str(rate), "-f", "collapsed", "-o", out,
               "--pid", str(target.pid)]
    else:
        cmd = [pyspy, "record", "--subprocesses", "--nonblocking", "-r", str(rate), "-f", "raw", "-o", out,
               "--pid", str(target.pid)]
    prof = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = prof.stderr.read()
    _, _, usage = os.wait4(prof.pid, 0)
    target.wait()
    cpu = usage.ru_utime + usage.ru_stime
    stacks, pids = 0, set()
    if os.path.exists(out):
        for line in open(out):
            line = line.rstrip("\n")
            stacks += int(line.rsplit(" ", 1)[1])
            m = re.match(r'process (\d+):', line)
            if m: pids.add(m.group(1))
            for p in re.findall(r'process (\d+):', line): pids.add(p)
        os.remove(out)
    m = loop.search(err)
    extra = ("; loop %s µs per tick, %s µs per process sample" % (m.group(1), m.group(3))) if m else ""
    print("%-9s %5d Hz: CPU %.2f s, %d stacks, %.0f µs CPU per stack, %d processes%s"
          % (name, rate, cpu, stacks, cpu * 1e6 / max(stacks, 1), len(pids), extra), flush=True)
for rate in (100, 1000):
    for _ in range(reps):
        run("pyrometer", rate)
        if pyspy: run("py-spy", rate)
        else: print("py-spy not on the PATH: skipped")
PY
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
