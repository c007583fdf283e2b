"""Forks a child that spins in Python until a file named "go" appears in its directory, then exits. The parent
never reaps it, so the exited child stays a zombie (its memory gone, its /proc entry left) until the parent is
killed. Writes the child's pid to child.txt (atomically), then sleeps."""
import os
import time

here = os.path.dirname(os.path.abspath(__file__))
child = os.fork()
if child == 0:
    go = os.path.join(here, "go")
    x = 0
    while not os.path.exists(go):
        x += 1
    os._exit(0)
with open(os.path.join(here, "child.tmp"), "w") as f:
    f.write(str(child))
os.rename(os.path.join(here, "child.tmp"), os.path.join(here, "child.txt"))
time.sleep(3600)
