"""A live target for --blocking: a 2 ms interval timer signals the main thread, a thread starts short-lived threads
one after another, and the main thread spins in Python. Every 50 ms it rewrites progress.txt in its directory with
"SIGNALS THREADS" (atomically); the test watches both grow while the target is held still and let go again."""
import os
import signal
import threading

here = os.path.dirname(os.path.abspath(__file__))
signals = 0
threads = 0


def on_alarm(signum, frame):
    global signals
    signals += 1


def short():
    pass


def spawner():
    global threads
    while True:
        t = threading.Thread(target=short)
        t.start()
        t.join()
        threads += 1


def report():
    with open(os.path.join(here, "progress.tmp"), "w") as f:
        f.write("%d %d" % (signals, threads))
    os.rename(os.path.join(here, "progress.tmp"), os.path.join(here, "progress.txt"))


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.002, 0.002)
threading.Thread(target=spawner, daemon=True).start()
last = 0
x = 0
while True:
    x += 1
    if x % 20000 == 0 and signals - last >= 25:
        last = signals
        report()
