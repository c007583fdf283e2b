"""A target that writes where its files come from, as Python itself sees it, for the roots tests.

Usage: python roots.py EXPECTED.json stop|run
stop: adds two entries to sys.path (one not ASCII, one long), writes sys.path, __main__.__file__, the working
      directory and the prefixes to EXPECTED.json, then stops itself with SIGSTOP.
run:  writes them as they were at start, then works for half a second and exits (a launched program's roots are
      read while it starts).
"""
import json
import os
import signal
import sys
import time

mode = sys.argv[2]
if mode == "stop":
    sys.path.append("/tmp/w\u00f6rk/\u00fcn\u00efcode \u4e2d")
    sys.path.append("/tmp/" + "deep/" * 60 + "end")
main = sys.modules["__main__"]
roots = {
    "sys_path": list(sys.path),
    "main_file": main.__file__,
    "cwd": os.getcwd(),
    "prefix": sys.prefix,
    "base_prefix": sys.base_prefix,
    "exec_prefix": sys.exec_prefix,
}
path = sys.argv[1]
with open(path + ".tmp", "w", encoding="utf-8") as f:
    json.dump(roots, f, ensure_ascii=False)
os.rename(path + ".tmp", path)
if mode == "stop":
    os.kill(os.getpid(), signal.SIGSTOP)
else:
    deadline = time.time() + 0.5
    while time.time() < deadline:
        sum(i * i for i in range(1000))
