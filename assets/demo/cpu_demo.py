"""Pyrometer's demo: two hot lines, standard library only, any Python 3.8+.

The seed blog post profiles a small program that builds a random matrix and searches a long list; this is that
program without numpy. `build_matrix` spends its time in one line (random numbers), `search` in another (a linear
`in` on a list), so a line-level profile shows two clear hot spots.

    ./pyrometer -- python3 assets/demo/cpu_demo.py          # open the workbench, recording
    ./pyrometer record -o demo.pyro -- python3 assets/demo/cpu_demo.py
"""
import argparse
import random
import time


def build_matrix(rows, cols):
    matrix = []
    for _ in range(rows):
        row = [random.random() * 100 for _ in range(cols)]  # hot line 1: random numbers
        matrix.append(row)
    return matrix


def search(haystack, needles):
    found = 0
    for needle in needles:
        if needle in haystack:  # hot line 2: a linear search of a list
            found += 1
    return found


def one_round(size):
    matrix = build_matrix(size, size)
    flat = [int(value) for row in matrix for value in row]
    return search(flat, range(0, 200, 3))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to run (default 20)")
    parser.add_argument("--size", type=int, default=300, help="matrix side (default 300)")
    args = parser.parse_args()
    deadline = time.monotonic() + args.seconds
    rounds = 0
    found = 0
    while time.monotonic() < deadline:
        found += one_round(args.size)
        rounds += 1
    print(f"{rounds} rounds, {found} needles found")


if __name__ == "__main__":
    main()
