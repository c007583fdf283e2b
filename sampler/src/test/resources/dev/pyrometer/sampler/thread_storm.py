"""A target that creates threads as fast as it can: the main thread starts eight short-lived workers at a time and
joins them, over and over, so new thread states are often caught half set up. Writes ready.txt once running."""
import os
import threading


def work():
    sum(range(200))


first = True
while True:
    workers = [threading.Thread(target=work) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if first:
        first = False
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ready.txt"), "w") as f:
            f.write(str(os.getpid()))
