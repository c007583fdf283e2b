"""A program whose hot function depends on a flag: `moving_hot.py a SECONDS` spends most of its time in hot_a,
`moving_hot.py b SECONDS` in hot_b. Each run also calls one function the other never does."""
import sys
import time


def hot_a(n):
    total = 0
    for i in range(n):
        total += i * i  # HOT_A
    return total


def hot_b(n):
    total = 0
    for i in range(n):
        total += i ^ (i >> 3)  # HOT_B
    return total


def only_in_a():
    return sum(range(3000))  # ONLY_A


def only_in_b():
    return sum(range(3000))  # ONLY_B


def main():
    which = sys.argv[1]
    seconds = float(sys.argv[2])
    deadline = time.time() + seconds
    while time.time() < deadline:
        if which == "a":
            hot_a(40000)
            hot_b(8000)
            only_in_a()
        else:
            hot_a(8000)
            hot_b(40000)
            only_in_b()


main()
