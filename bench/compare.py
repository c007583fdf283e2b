#!/usr/bin/env python3
"""Pyrometer and py-spy side by side on bench/workload.py, each attached by pid at the same rate.

Every repetition runs the workload once bare, then once under each profiler, one after the other, so that a change
in the machine's load falls on every configuration alike; the table gives medians over the repetitions:

  slowdown      the workload's own seconds under the profiler / its seconds bare
  CPU/sample    the profiler's whole-process CPU (user + system from wait4: launcher, JVM start-up, JIT, writing
                the output) / the samples it wrote
  loop/sample   Pyrometer only: its sampling thread's CPU per sample, from its summary line
  samples       samples written; both write collapsed stacks (py-spy's `-f raw` is the same format)
  hot_a share   hot_a / (hot_a + hot_b) among the samples; the workload's truth is 0.75

    bench/compare.py [--python PY] [--rate HZ] [--iterations N] [--reps N] [--blocking | --native]

--blocking compares the modes that pause the target for each sample: Pyrometer's --blocking and py-spy's default;
without it, Pyrometer's default and py-spy's --nonblocking. --native compares both with native (C) frames: each
pauses the target for each sample and unwinds its C stacks (py-spy's default mode with --native).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = os.path.dirname(BENCH)
# The workload sleeps this long before working, time for a profiler (a JVM starting on a busy machine) to attach.
ATTACH_WAIT_S = 1.5
LOOP_CPU = re.compile(r"sampler CPU ([0-9.]+) µs per sample")


def profilers(rate, blocking, native=False):
    """Each profiler's command line, with {pid} and {out} to fill in."""
    if native:
        return {
            "pyrometer": [os.path.join(CHECKOUT, "pyrometer"), "record", "-r", str(rate), "-f", "collapsed",
                          "-o", "{out}", "--pid", "{pid}", "--native"],
            "py-spy": [py_spy(), "record", "-r", str(rate), "-f", "raw", "-o", "{out}", "--pid", "{pid}", "--native"],
        }
    return {
        "pyrometer": [os.path.join(CHECKOUT, "pyrometer"), "record", "-r", str(rate), "-f", "collapsed",
                      "-o", "{out}", "--pid", "{pid}"] + (["--blocking"] if blocking else []),
        "py-spy": [py_spy(), "record", "-r", str(rate), "-f", "raw", "-o", "{out}", "--pid", "{pid}"]
                  + ([] if blocking else ["--nonblocking"]),
    }


def py_spy():
    """py-spy's own binary: behind pyenv's shim, a shell script would be counted as py-spy's CPU."""
    found = shutil.which("py-spy")
    if found and "/shims/" in found:
        found = subprocess.run(["pyenv", "which", "py-spy"], capture_output=True, text=True, check=True).stdout.strip()
    return found


def start_workload(python, iterations):
    return subprocess.Popen([python, os.path.join(BENCH, "workload.py"), str(iterations), "20", str(ATTACH_WAIT_S)],
                            stdout=subprocess.PIPE, text=True)


def read_collapsed(path):
    """(samples, samples through hot_a, samples through hot_b) of a collapsed-stacks file."""
    samples = a = b = 0
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not count.isdigit():
                continue
            n = int(count)
            samples += n
            if "hot_a (" in stack:
                a += n
            elif "hot_b (" in stack:
                b += n
    return samples, a, b


def run(python, iterations, command, scratch):
    """One run of the workload, under `command` when given: a dict of what was measured."""
    workload = start_workload(python, iterations)
    profiler = None
    out = os.path.join(scratch, "stacks.txt")
    log = os.path.join(scratch, "stderr.txt")
    for stale in (out, log):
        if os.path.exists(stale):
            os.remove(stale)
    if command:
        with open(log, "w") as err:
            profiler = subprocess.Popen([a.format(pid=workload.pid, out=out) for a in command],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    seconds = float(workload.stdout.read().strip())
    workload.wait()
    result = {"seconds": seconds}
    if profiler:
        _, status, usage = os.wait4(profiler.pid, 0)
        profiler.returncode = os.waitstatus_to_exitcode(status)
        with open(log, encoding="utf-8", errors="replace") as err:
            said = err.read()
        if not os.path.exists(out):
            sys.exit(f"{command[0]} wrote nothing (exit {profiler.returncode}): {said.strip()}")
        result["cpu"] = usage.ru_utime + usage.ru_stime
        result["samples"], a, b = read_collapsed(out)
        if result["samples"]:
            result["per_sample"] = 1e6 * result["cpu"] / result["samples"]
        if a + b:
            result["share"] = a / (a + b)
        loop = LOOP_CPU.search(said)
        if loop:
            result["loop"] = float(loop.group(1))
    return result


def median(rows, key):
    values = [r[key] for r in rows if key in r]
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--rate", type=int, default=1000)
    parser.add_argument("--iterations", type=int, default=20000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--blocking", action="store_true")
    parser.add_argument("--native", action="store_true")
    args = parser.parse_args()
    if not py_spy():
        sys.exit("py-spy is needed beside Pyrometer: pip install py-spy")
    configs = profilers(args.rate, args.blocking, args.native)
    rows = {name: [] for name in configs}
    with tempfile.TemporaryDirectory(prefix="pyrometer-bench") as scratch:
        for rep in range(args.reps):
            bare = run(args.python, args.iterations, None, scratch)["seconds"]
            for name, command in configs.items():
                result = run(args.python, args.iterations, command, scratch)
                result["bare"] = bare
                result["slowdown"] = result["seconds"] / bare
                rows[name].append(result)
                print(f"rep {rep + 1}: {name}: {result}", file=sys.stderr, flush=True)
    print(f"{'profiler':10} {'slowdown':>9} {'CPU/sample':>11} {'loop/sample':>12} {'samples':>8} {'hot_a share':>12}")
    for name, results in rows.items():
        loop = median(results, "loop")
        print(f"{name:10} {median(results, 'slowdown'):8.2f}x {median(results, 'per_sample'):8.0f} µs "
              f"{'–' if loop != loop else f'{loop:.0f} µs':>12} {median(results, 'samples'):8.0f} "
              f"{median(results, 'share'):12.3f}")


if __name__ == "__main__":
    main()
