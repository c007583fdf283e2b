"""Works in Python until the file named by its second argument exists, then exits with the code given first.

A test ends it when it has seen what it waits for, rather than after a fixed time a slow start might miss.
"""
import os
import sys


def busy(signal):
    x = 0
    while True:
        x += 1
        if x % 10000 == 0 and os.path.exists(signal):
            return x


busy(sys.argv[2])
sys.exit(int(sys.argv[1]))
