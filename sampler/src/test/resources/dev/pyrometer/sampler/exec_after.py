"""The program a target exec'd into: runs after() until DIR/stop appears, then exits with CODE. Writes DIR/after
(its Python version) once running. Usage: exec_after.py DIR CODE"""
import os
import sys

DIR = sys.argv[1]


def after():
    while not os.path.exists(os.path.join(DIR, "stop")):
        sum(i * i for i in range(1000))


with open(os.path.join(DIR, "after.tmp"), "w") as f:
    f.write("%d.%d.%d" % sys.version_info[:3])
os.rename(os.path.join(DIR, "after.tmp"), os.path.join(DIR, "after"))
after()
sys.exit(int(sys.argv[2]))
