"""A target whose main thread recurses 5,000 deep through a function whose name is 5,002 characters long, then
spins at the bottom. Writes ready.txt once at the bottom."""
import os
import sys

sys.setrecursionlimit(20000)
NAME = "f" * 5002
DEPTH = 5000

source = """
def %s(n):
    if n > 1:
        return %s(n - 1)
    bottom()
""" % (NAME, NAME)
exec(source)
recurse = globals()[NAME]


def bottom():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ready.txt"), "w") as f:
        f.write(str(os.getpid()))
    x = 0
    while True:
        x += 1


recurse(DEPTH - 2)  # <module> + DEPTH - 2 recursive frames + bottom = DEPTH frames
