"""Starts COUNT short child Pythons one after another. Each burns 50 ms of its own CPU time in short_work(N), writes
DIR/child-N with its pid, and (with --wait) then waits for DIR/go-N before it exits, so the test can tell that the
sampler saw it. Usage: short_children.py DIR COUNT [--wait]."""
import os
import subprocess
import sys

DIR = sys.argv[1]
COUNT = int(sys.argv[2])
WAIT = "--wait" in sys.argv
CHILD = r'''
import os, sys, time
DIR, N, WAIT = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

def short_work():
    start = time.process_time()
    x = 0
    while time.process_time() - start < 0.05:
        for i in range(500):
            x += i * i

short_work()
with open(os.path.join(DIR, "child-%s.tmp" % N), "w") as f:
    f.write(str(os.getpid()))
os.rename(os.path.join(DIR, "child-%s.tmp" % N), os.path.join(DIR, "child-" + N))
while WAIT and not os.path.exists(os.path.join(DIR, "go-" + N)):
    time.sleep(0.002)
'''
with open(os.path.join(DIR, "short_child.py"), "w") as f:
    f.write(CHILD)
for n in range(COUNT):
    subprocess.run([sys.executable, os.path.join(DIR, "short_child.py"), DIR, str(n), "1" if WAIT else "0"])
with open(os.path.join(DIR, "all.tmp"), "w") as f:
    f.write("")
os.rename(os.path.join(DIR, "all.tmp"), os.path.join(DIR, "all"))
