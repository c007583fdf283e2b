# NativeFramesTest's target: runs one kind of native work forever from known lines; writes "ready" once set up.
import ctypes
import hashlib
import os
import sys
import zlib

mode, ready = sys.argv[1], sys.argv[2]
if mode == "burn":
    lib = ctypes.CDLL(sys.argv[3])
    lib.burn_outer.argtypes = [ctypes.c_ulong]
data = os.urandom(1 << 20) * 4
numbers = list(range(200000, 0, -1))


def key(x):
    return -x  # KEY_LINE


def work():
    while True:
        if mode == "burn":
            lib.burn_outer(2000000)  # BURN_LINE
        elif mode == "zlib":
            zlib.compress(data, 9)  # ZLIB_LINE
        elif mode == "hashlib":
            hashlib.sha256(data).digest()  # HASH_LINE
        elif mode == "sort":
            sorted(numbers, key=key)  # SORT_LINE


open(ready, "w").close()
work()
