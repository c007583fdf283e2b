"""A multiprocessing.Pool(2) (start method from argv[1]) whose workers spend SECONDS (argv[2]) of CPU time each in
work(), while the parent waits; then everything exits."""
import multiprocessing
import sys
import time


def work(seconds):
    start = time.process_time()
    x = 0
    while time.process_time() - start < seconds:
        for i in range(200):
            x += i * i
    return x


if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    with multiprocessing.Pool(2) as pool:
        pool.map(work, [float(sys.argv[2])] * 2, chunksize=1)
