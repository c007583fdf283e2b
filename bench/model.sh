#!/usr/bin/env bash
# Model benchmark: ingest rate (depth-30 stacks, one thread), heap bytes per sample, session save/open, flame layout,
# call trees and per-line heat on a synthetic recording (default 10M samples over 100k distinct stacks).
#   bench/model.sh [SAMPLES [STACKS]]
# Env: HEAP (JVM -Xmx, default 3g).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mvn -B -q -pl model test-compile
cp="$(mktemp)"; trap 'rm -f "$cp"' EXIT
mvn -B -q -pl model dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
source "$here/bench/java-home.sh"
exec "$java_home/bin/java" -Xmx"${HEAP:-3g}" -XX:+UseParallelGC \
  -cp "model/target/test-classes:model/target/classes:$(cat "$cp")" dev.pyrometer.model.bench.ModelBench "$@"
