"""A live target: a thread spinning in Python, a thread hashing a large buffer (inside C, GIL released), and a
main thread sleeping. Writes ready.txt in its directory once all three are at work, then runs until killed."""
import hashlib
import os
import sys
import threading
import time

started = threading.Barrier(3)


def spin():
    started.wait()
    x = 0
    while True:
        x += 1


def hash_forever():
    data = bytes(32 * 1024 * 1024)
    started.wait()
    while True:
        hashlib.sha256(data).digest()


threading.Thread(target=spin, name="spinner", daemon=True).start()
threading.Thread(target=hash_forever, name="hasher", daemon=True).start()
started.wait()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ready.txt"), "w") as f:
    f.write(str(os.getpid()))
while True:
    time.sleep(3600)
