"""A target whose threads come and go: one worker after another spins for 30 ms and ends, while the main thread
waits for it. Writes ready.txt in its directory once the first worker has run, then runs until killed."""
import os
import threading
import time


def spin():
    end = time.time() + 0.03
    x = 0
    while time.time() < end:
        x += 1


n = 0
while True:
    n += 1
    worker = threading.Thread(target=spin, name="worker-%d" % n)
    worker.start()
    worker.join()
    if n == 1:
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ready.txt"), "w") as f:
            f.write(str(os.getpid()))
