# NumpyFramesTest's target: numpy.dot of big matrices forever from a known line; writes "ready" once set up.
import sys

import numpy

ready = sys.argv[1]
a = numpy.random.rand(600, 600)
b = numpy.random.rand(600, 600)


def work():
    while True:
        numpy.dot(a, b)  # DOT_LINE
        numpy.sort(numpy.random.rand(1_000_000))  # SORT_LINE


open(ready, "w").close()
work()
