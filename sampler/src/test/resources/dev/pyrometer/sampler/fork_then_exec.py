"""Forks a copy of itself that waits for DIR/exec, then execs a new interpreter of the same executable running
execed_work() until DIR/go. Writes DIR/forked (the child's pid) once forked, DIR/done once the child has ended.
Usage: fork_then_exec.py DIR."""
import os
import sys
import time

DIR = sys.argv[1]
EXECED = r'''
import os, sys
DIR = sys.argv[1]

def execed_work():
    while not os.path.exists(os.path.join(DIR, "go")):
        sum(i * i for i in range(1000))

execed_work()
'''


def announce(name, text):
    with open(os.path.join(DIR, name + ".tmp"), "w") as f:
        f.write(text)
    os.rename(os.path.join(DIR, name + ".tmp"), os.path.join(DIR, name))


def wait_for(name):
    while not os.path.exists(os.path.join(DIR, name)):
        time.sleep(0.002)


pid = os.fork()
if pid == 0:
    announce("forked", str(os.getpid()))
    wait_for("exec")
    os.execv(sys.executable, [sys.executable, "-c", EXECED, DIR])
os.waitpid(pid, 0)
announce("done", "")
