"""Prints, as JSON, what this interpreter itself says about the lines of sample code objects.

For every code object below (nested ones included): its first line, its raw line table (co_lnotab up to 3.9,
co_linetable from 3.10) in hex, and the line CPython's own PyCode_Addr2Line gives for every 2-byte bytecode offset.
"""
import ctypes
import json
import sys

SAMPLE = '''
def plain(a, b):
    c = a + b
    return c * 2


def branches(x):
    if x > 10:
        for i in range(x):
            x -= i
    elif x < -10:
        while x < 0:
            x += 3
    else:
        x = [y * y
             for y in range(x)
             if y % 2]
    try:
        x = 1 / x
    except ZeroDivisionError:
        x = None
    finally:
        x = (x,
             x)
    return x


class Holder:
    def method(self, value):
        total = sum(
            v for v in range(value)
        )
        return lambda k: k + total


def long_jumps():
    a = 1
''' + '\n' * 300 + '''
    b = 2
''' + '\n' * 40 + '''
    return a + \\
        b


async def coroutine(q):
    async with q as r:
        await r
    return [i async for i in q]
'''

addr2line = ctypes.pythonapi.PyCode_Addr2Line
addr2line.argtypes = [ctypes.py_object, ctypes.c_int]
addr2line.restype = ctypes.c_int


def codes(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from codes(const)


out = []
for code in codes(compile(SAMPLE, "sample.py", "exec")):
    table = code.co_linetable if sys.version_info >= (3, 10) else code.co_lnotab
    size = len(code.co_code)
    out.append({
        "name": code.co_name,
        "first_line": code.co_firstlineno,
        "table": table.hex(),
        "lines": [addr2line(code, offset) for offset in range(0, size, 2)],
    })
json.dump({"version": list(sys.version_info[:3]), "codes": out}, sys.stdout)
