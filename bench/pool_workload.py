"""A parent with a multiprocessing.Pool of WORKERS busy workers: the pool starts at once, waits WAIT seconds (time
for profilers to attach to the parent and find the workers), then each worker burns SECONDS of its own CPU time.

    bench/pool_workload.py WORKERS SECONDS WAIT
"""
import multiprocessing
import sys
import time


def burn(seconds):
    time.sleep(float(sys.argv[3]) if len(sys.argv) > 3 else 0)
    start = time.process_time()
    x = 0
    while time.process_time() - start < seconds:
        for i in range(200):
            x += i * i
    return x


if __name__ == "__main__":
    workers, seconds = int(sys.argv[1]), float(sys.argv[2])
    with multiprocessing.Pool(workers) as pool:
        pool.map(burn, [seconds] * workers, chunksize=1)
