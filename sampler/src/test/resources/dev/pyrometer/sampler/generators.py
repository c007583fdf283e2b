"""A target whose main thread spends its time inside generators: a generator expression consumed by sum(), a
chain of `yield from`, and a coroutine driven by send(). Each is resumed and suspended thousands of times a second,
so a sampler reads many generator frames while they are being entered or left. Writes ready.txt once running."""
import os


def leaf(n):
    return sum(i * i for i in range(n))


def inner():
    for i in range(50):
        yield i * i


def middle():
    yield from inner()


def outer():
    yield from middle()


def chain():
    total = 0
    for v in outer():
        total += v
    return total


async def compute(k):
    return k * k


class Wait:
    def __await__(self):
        return (yield "wait")


async def coroutine():
    total = 0
    while True:
        total += await compute(3)
        got = await Wait()
        total += got


def drive(coro, n):
    for i in range(n):
        coro.send(i)


def main():
    coro = coroutine()
    coro.send(None)  # to its first await Wait()
    first = True
    while True:
        leaf(200)
        chain()
        drive(coro, 50)
        if first:
            first = False
            with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ready.txt"), "w") as f:
                f.write(str(os.getpid()))


main()
