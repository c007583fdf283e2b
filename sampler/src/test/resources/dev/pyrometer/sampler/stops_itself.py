"""A target that stops itself at a known point, for stack tests.

Usage: python stops_itself.py EXPECTED.json
A second thread blocks in time.sleep at a known line; the main thread descends through a method and a function,
writes what Python itself says the two stacks are to EXPECTED.json (innermost first: function, file, line,
first line), then sends itself SIGSTOP from the line after that. The test waits for state T and compares.
"""
import json
import os
import signal
import sys
import threading
import time


def frames_of(frame):
    out = []
    while frame is not None:
        code = frame.f_code
        out.append({
            "function": getattr(code, "co_qualname", code.co_name),
            "name": code.co_name,
            "file": code.co_filename,
            "line": frame.f_lineno,
            "first_line": code.co_firstlineno,
        })
        frame = frame.f_back
    return out


def sleeper(ready):
    ready.set()
    time.sleep(3600)


class Descent:
    def method(self, path):
        return stop_here(path)


def stop_here(path):
    me = frames_of(sys._getframe())
    me[0]["line"] = STOP_LINE
    other = frames_of(sys._current_frames()[worker.ident])
    write(path, {"main": {"tid": threading.get_native_id() if hasattr(threading, "get_native_id") else 0, "frames": me},
                 "worker": {"ident": worker.ident, "frames": other}})
    os.kill(os.getpid(), signal.SIGSTOP)
    return 0


with open(__file__) as source:
    STOP_LINE = 1 + [i for i, text in enumerate(source) if text.strip() == "os.kill(os.getpid(), signal.SIGSTOP)"][0]


def write(path, data):
    with open(path + ".tmp", "w") as f:
        json.dump(data, f)
    os.rename(path + ".tmp", path)


if __name__ == "__main__":
    ready = threading.Event()
    worker = threading.Thread(target=sleeper, args=(ready,), name="sleeper", daemon=True)
    worker.start()
    ready.wait()
    # The worker has set the event; wait until it really sits in time.sleep.
    while frames_of(sys._current_frames()[worker.ident])[0]["name"] != "sleeper" or \
            frames_of(sys._current_frames()[worker.ident])[0]["line"] != sleeper.__code__.co_firstlineno + 2:
        time.sleep(0.001)
    Descent().method(sys.argv[1])
