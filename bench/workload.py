"""The sampler benchmark's target: CPU work whose split between two functions is known in advance.

hot_a asks leaf for three times the work hot_b asks for, so a faithful profiler puts 75% of the samples that pass
through either in hot_a. The calls sit DEPTH frames deep, so each sample walks a realistic stack.

    python workload.py ITERATIONS [DEPTH] [WAIT_S]

Waits WAIT_S seconds first (time for a profiler to attach by pid), then works, then prints the seconds the work
took, measured inside the process, on stdout: that is what a profiler's slowdown is measured on.
"""
import sys
import time


def leaf(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def hot_a(n):
    return leaf(3 * n)


def hot_b(n):
    return leaf(n)


def descend(depth, n):
    if depth == 0:
        return hot_a(n) + hot_b(n)
    return descend(depth - 1, n)


def work(iterations, depth):
    for _ in range(iterations):
        descend(depth, 2000)


if __name__ == "__main__":
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 0.0)
    started = time.perf_counter()
    work(iterations, depth)
    print(f"{time.perf_counter() - started:.6f}", flush=True)
