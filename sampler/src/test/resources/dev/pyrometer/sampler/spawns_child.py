"""Starts a child Python that sleeps (as a subprocess or a multiprocessing worker would run), writes the child's pid
to child.txt in its directory (atomically), then sleeps too."""
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3600)"])
with open(os.path.join(here, "child.tmp"), "w") as f:
    f.write(str(child.pid))
os.rename(os.path.join(here, "child.tmp"), os.path.join(here, "child.txt"))
time.sleep(3600)
