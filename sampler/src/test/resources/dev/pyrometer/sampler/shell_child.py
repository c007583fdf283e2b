"""Runs a child Python through `sh -c` (the shell stays in between: `; true` keeps it from exec'ing), as
subprocess.run would. The child runs child_work() until DIR/stop exists. Usage: shell_child.py DIR."""
import os
import subprocess
import sys

DIR = sys.argv[1]
CHILD = r'''
import os, sys, time
DIR = sys.argv[1]

def child_work():
    x = 0
    while not os.path.exists(os.path.join(DIR, "stop")):
        for i in range(5000):
            x += i * i

with open(os.path.join(DIR, "child.tmp"), "w") as f:
    f.write(str(os.getpid()))
os.rename(os.path.join(DIR, "child.tmp"), os.path.join(DIR, "child"))
child_work()
'''
with open(os.path.join(DIR, "child.py"), "w") as f:
    f.write(CHILD)
subprocess.run(["/bin/sh", "-c", '"$0" "$1" "$2"; true', sys.executable, os.path.join(DIR, "child.py"), DIR])
