"""A target that replaces its program: it spins until a file named go appears in its directory, then execs the same
Python into a new program (which writes execed.txt and sleeps). Writes ready.txt once running."""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "ready.txt"), "w") as f:
    f.write(str(os.getpid()))
while not os.path.exists(os.path.join(here, "go")):
    sum(i * i for i in range(1000))
after = "import time\nopen(%r, 'w').write('execed')\nwhile True:\n    time.sleep(0.01)\n" % os.path.join(here, "execed.txt")
os.execv(sys.executable, [sys.executable, "-c", after])
