#!/usr/bin/env bash
# Regenerates the sampler's per-version layout tables from the internal headers of each installed pyenv Python.
#   sampler/tools/layouts/generate.sh [PREFIX...]     default: every /root/.pyenv/versions/3.* from 3.8 up
# Writes sampler/src/main/resources/dev/pyrometer/sampler/layout/python-X.Y.properties (one per minor version).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../src/main/resources/dev/pyrometer/sampler/layout"
mkdir -p "$out"
prefixes=("$@")
if [[ ${#prefixes[@]} -eq 0 ]]; then
  for p in "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.*; do prefixes+=("$p"); done
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for prefix in "${prefixes[@]}"; do
  [[ -x "$prefix/bin/python3" ]] || continue
  minor="$("$prefix/bin/python3" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  case "$minor" in 3.8|3.9|3.10|3.11|3.12|3.13) ;; *) echo "skip $prefix ($minor)"; continue ;; esac
  inc="$prefix/include/python$minor"
  gcc -DPy_BUILD_CORE -DNDEBUG -I"$inc" -I"$inc/internal" -o "$work/layout-$minor" "$here/layout.c"
  {
    "$work/layout-$minor"
    # Every CALL-family opcode, specialised and instrumented forms included: the innermost frame sitting on one
    # of these means the thread runs C code called from that line (3.8's CALL_FINALLY is no call: left out).
    headers=("$inc/opcode.h"); [[ -f "$inc/opcode_ids.h" ]] && headers+=("$inc/opcode_ids.h")
    calls="$(grep -hoE '^#define +(INSTRUMENTED_)?(PRE)?CALL[A-Z0-9_]* +[0-9]+' "${headers[@]}" | grep -v CALL_FINALLY | awk '{print $3}' | sort -n | uniq | paste -sd, -)"
    echo "opcodes.call=$calls"
  } > "$out/python-$minor.properties"
  echo "wrote $out/python-$minor.properties ($("$prefix/bin/python3" -V))"
done
