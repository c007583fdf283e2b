#!/usr/bin/env bash
# Desktop app benchmarks (dev.pyrometer.app.ui.bench.UiBenchmark):
#   redraw  the UI-thread time of one flame graph repaint, 1920x1000 canvas, >100k frames in the layout
#   open    opening a 1M-sample session through the workbench until its flame graph is painted
#   pulses  pulse gaps and UI-thread CPU per pulse while recording a real Python program at 1 kHz
#   timeline  timeline data and redraw for a 1M-sample recording, the time-order chart, the sampler's memory reading
#   compare   computing a comparison of two wide trees; opening a comparison of two 1M-sample sessions until painted
# redraw, open, timeline and compare run on JavaFX's headless platform; pulses needs a display (it starts an Xvfb
# when DISPLAY is unset).
#   bench/ui.sh [redraw] [open] [pulses] [timeline] [compare]      (default: all five)
# Env: SECONDS_MEASURED (pulses, default 20), HEAP (default 2g).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
cp="$(mktemp)"; xvfb_pid=""
trap 'rm -f "$cp"; [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
# One reactor run: the classpath then points at the sibling modules' fresh classes rather than at ~/.m2.
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
source "$here/bench/java-home.sh"
classpath="app/target/classes:app/target/test-classes:$(cat "$cp")"
# The launcher's JVM options for the desktop app (./pyrometer): serial GC.
java=("$java_home/bin/java" -Xmx"${HEAP:-2g}" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$classpath")
which=("$@"); [[ ${#which[@]} -gt 0 ]] || which=(redraw open pulses timeline compare)

# Each benchmark in a JVM of its own, so one's heap and JIT state do not weigh on the next.
for w in "${which[@]}"; do
  [[ "$w" == pulses ]] && continue
  main=dev.pyrometer.app.ui.bench.UiBenchmark
  [[ "$w" == compare ]] && main=dev.pyrometer.app.ui.bench.CompareBenchmark
  "${java[@]}" -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    "$main" "$w" 2>&1 | grep -v -e '^WARNING' -e 'PlatformImpl startup'
done
if [[ " ${which[*]} " == *" pulses "* ]]; then
  if [[ -z "${DISPLAY:-}" ]]; then
    command -v Xvfb >/dev/null || { echo "pulses: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 2; }
    for n in $(seq 90 120); do [[ -e "/tmp/.X11-unix/X$n" || -e "/tmp/.X$n-lock" ]] || break; done
    Xvfb ":$n" -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb_pid=$!
    export DISPLAY=":$n"
    for _ in $(seq 50); do [[ -e "/tmp/.X11-unix/X$n" ]] && break; sleep 0.1; done
  fi
  "${java[@]}" -Dbench.seconds="${SECONDS_MEASURED:-20}" dev.pyrometer.app.ui.bench.UiBenchmark pulses 2>&1 \
    | grep -v -e '^WARNING' -e 'PlatformImpl startup'
fi
