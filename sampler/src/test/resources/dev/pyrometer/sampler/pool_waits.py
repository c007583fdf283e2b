"""A multiprocessing.Pool(2) (start method from argv[1]) whose two workers each spin in work() until DIR/stop exists
(or their parent is gone, or 120 s pass), while the parent waits in pool.map. Once both workers run work(), DIR/ready
holds their pids, one a line (written whole, then renamed). Usage: pool_waits.py METHOD DIR."""
import multiprocessing
import os
import sys
import time


def work(args):
    folder, parent = args
    with open(os.path.join(folder, "worker-%d.tmp" % os.getpid()), "w") as f:
        f.write(str(os.getpid()))
    os.rename(os.path.join(folder, "worker-%d.tmp" % os.getpid()), os.path.join(folder, "worker-%d" % os.getpid()))
    deadline = time.time() + 120
    x = 0
    while not os.path.exists(os.path.join(folder, "stop")) and os.getppid() == parent and time.time() < deadline:
        for i in range(5000):
            x += i * i
    return os.getpid()


if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    folder = sys.argv[2]
    with multiprocessing.Pool(2) as pool:
        # One task each: a worker spins in its task until told to stop, so the other task goes to the other worker.
        result = pool.map_async(work, [(folder, os.getpid())] * 2, chunksize=1)
        while True:
            workers = [n[len("worker-"):] for n in os.listdir(folder) if n.startswith("worker-") and not n.endswith(".tmp")]
            if len(workers) == 2:
                break
            time.sleep(0.01)
        with open(os.path.join(folder, "ready.tmp"), "w") as f:
            f.write("\n".join(workers) + "\n")
        os.rename(os.path.join(folder, "ready.tmp"), os.path.join(folder, "ready"))
        result.get()
