"""Pyrometer's deep-stack demo: the work happens 200 calls down.

A recursive descent (a parser, a tree walk) goes 200 calls deep before it does anything, so its flame graph is 200
frames tall: a graph that has to open where the work is rather than at its root, with a way through the recursion.
Standard library only, any Python 3.8+.

    ./pyrometer -- python3 assets/demo/deep_demo.py           # open the workbench, recording
    ./pyrometer record -o deep.pyro -- python3 assets/demo/deep_demo.py
"""
import argparse
import sys
import time


def checksum(data):
    total = 0
    for value in data:
        total = (total * 31 + value) % 1_000_003  # the hot line, 200 calls down
    return total


def descend(depth, data):
    if depth == 0:
        return checksum(data)
    return descend(depth - 1, data)


def rank(data):
    return sorted(data, key=lambda v: (v * 7919) % 10007)[:10]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to run (default 20)")
    parser.add_argument("--depth", type=int, default=200, help="how deep the recursion goes (default 200)")
    args = parser.parse_args()
    sys.setrecursionlimit(args.depth + 100)
    data = list(range(20_000))
    deadline = time.monotonic() + args.seconds
    rounds = 0
    while time.monotonic() < deadline:
        descend(args.depth, data)
        if rounds % 4 == 0:
            rank(data)
        rounds += 1
    print(f"{rounds} rounds")


if __name__ == "__main__":
    main()
