"""A multiprocessing.Pool(2) whose workers spend their CPU time in burn() and other() by turns of 2 ms of their own
CPU time, three turns of burn() to one of other(), while the parent waits for them.

Usage: pool_shares.py START_METHOD DIR. Writes DIR/ready once both workers run (each has reported its pid), waits
for DIR/go, then each worker works and writes the CPU time (time.process_time(): user + system, as os.times() counts
it but to the nanosecond) it spent in each function:
DIR/cpu-PID holds "BURN OTHER". Writes DIR/done at the end and then waits for DIR/exit, so the pool's processes are
all alive until the test has stopped recording. Files are written atomically (renamed). Many short turns keep the
split the same whatever else the machine runs: a worker waiting for a CPU waits in both functions alike.
"""
import multiprocessing
import os
import sys
import time

DIR = sys.argv[2]


def put(name, text):
    tmp = os.path.join(DIR, name + ".tmp")
    with open(tmp, "w") as f:
        f.write(text)
    os.rename(tmp, os.path.join(DIR, name))


def wait_for(name):
    path = os.path.join(DIR, name)
    while not os.path.exists(path):
        time.sleep(0.005)


def cpu():
    # The process's own CPU time (user + system), to the nanosecond: os.times() counts in 10 ms ticks.
    return time.process_time()


def burn(seconds):
    start = cpu()
    x = 0
    while cpu() - start < seconds:
        for i in range(50):
            x += i * i
    return cpu() - start


def other(seconds):
    start = cpu()
    x = 0
    while cpu() - start < seconds:
        for i in range(50):
            x += i * i
    return cpu() - start


def job(seconds):
    wait_for("go")
    spent = [0.0, 0.0]
    while spent[0] + spent[1] < seconds:
        for _ in range(3):
            spent[0] += burn(0.002)
        spent[1] += other(0.002)
    put("cpu-%d" % os.getpid(), "%r %r" % (spent[0], spent[1]))
    return os.getpid()


def hello(_):
    return os.getpid()


if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    with multiprocessing.Pool(2) as pool:
        # Both workers up and running Python before the test looks (a task each, run at the same time).
        pids = set()
        while len(pids) < 2:
            pids |= set(pool.map(hello, range(8), chunksize=1))
        put("ready", " ".join(str(p) for p in sorted(pids)))
        result = pool.map_async(job, [1.5, 1.5], chunksize=1)
        put("workers", " ".join(str(p) for p in sorted(result.get())))
        put("done", "")
        wait_for("exit")
