"""The first program of a target that execs: runs before() until DIR/exec appears, then replaces itself with the
program given after DIR (os.execv, e.g. another Python running exec_after.py). Writes DIR/before once running.
Usage: exec_before.py DIR PROGRAM ARGS..."""
import os
import sys

DIR = sys.argv[1]


def before():
    while not os.path.exists(os.path.join(DIR, "exec")):
        sum(i * i for i in range(1000))


with open(os.path.join(DIR, "before.tmp"), "w") as f:
    f.write(str(os.getpid()))
os.rename(os.path.join(DIR, "before.tmp"), os.path.join(DIR, "before"))
before()
os.execv(sys.argv[2], sys.argv[2:])
