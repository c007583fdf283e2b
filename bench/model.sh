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
java_home="${PYROMETER_JAVA_HOME:-}"
if [[ -z "$java_home" ]]; then
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" && -f "$candidate/release" ]] || continue
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")"
    if [[ -n "$version" && "$version" -ge 25 ]]; then java_home="$candidate"; break; fi
  done
fi
[[ -n "$java_home" ]] || { echo "bench/model.sh: no JDK 25 found; set PYROMETER_JAVA_HOME" >&2; exit 2; }
exec "$java_home/bin/java" -Xmx"${HEAP:-3g}" -XX:+UseParallelGC \
  -cp "model/target/test-classes:model/target/classes:$(cat "$cp")" dev.pyrometer.model.bench.ModelBench "$@"
