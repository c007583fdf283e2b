"""A target whose threads have names, kept every way CPython stores an instance's attributes, for thread-name tests.

Usage: python named_threads.py EXPECTED.json
Threads: "worker-1" (a plain Thread); "renamed-2" (named after it started); "wörker-3" (a non-ASCII name);
"many-attrs-4" (an instance with more attributes than a type's shared keys hold); "dict-seen-5" (its __dict__
materialised by vars()). When all wait on an event, the main thread writes Python's own map of
native thread id -> name to EXPECTED.json and stops itself with SIGSTOP.
"""
import json
import os
import signal
import sys
import threading

go = threading.Event()
waiting = threading.Barrier(6)


def wait():
    waiting.wait()
    go.wait()


class Busy(threading.Thread):
    def __init__(self, name):
        super().__init__(target=wait, name=name, daemon=True)
        for i in range(40):
            setattr(self, "extra_%d" % i, i)


threads = [
    threading.Thread(target=wait, name="worker-1", daemon=True),
    threading.Thread(target=wait, name="not-yet-2", daemon=True),
    threading.Thread(target=wait, name="w\u00f6rker-3", daemon=True),
    Busy("many-attrs-4"),
    threading.Thread(target=wait, name="dict-seen-5", daemon=True),
]
for t in threads:
    t.start()
threads[1].name = "renamed-2"
vars(threads[4])
waiting.wait()
names = {str(t.native_id): t.name for t in threading.enumerate()}
path = sys.argv[1]
with open(path + ".tmp", "w", encoding="utf-8") as f:
    json.dump(names, f, ensure_ascii=False)
os.rename(path + ".tmp", path)
os.kill(os.getpid(), signal.SIGSTOP)
