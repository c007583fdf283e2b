# Sourced by the bench scripts: sets java_home to a JDK 25 or newer ($PYROMETER_JAVA_HOME, $JAVA_HOME, then
# /usr/lib/jvm), or exits with a message naming the script that needed it.
java_home="${PYROMETER_JAVA_HOME:-}"
if [[ -z "$java_home" ]]; then
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" && -f "$candidate/release" ]] || continue
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")"
    if [[ -n "$version" && "$version" -ge 25 ]]; then java_home="$candidate"; break; fi
  done
fi
[[ -n "$java_home" ]] || { echo "bench/${0##*/}: no JDK 25 found; set PYROMETER_JAVA_HOME" >&2; exit 2; }
