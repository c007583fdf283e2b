"""Works in Python for a moment, then exits with the code given as its first argument (default 0)."""
import sys
import time


def busy(seconds):
    end = time.time() + seconds
    x = 0
    while time.time() < end:
        x += 1
    return x


busy(float(sys.argv[2]) if len(sys.argv) > 2 else 1.0)
sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
