#!/usr/bin/env bash
# Smoke test of a built app image (installer/target/pyrometer) or an installed one (/opt/pyrometer):
#   installer/smoke-test.sh IMAGE_DIR
# The command on the PATH (lib/command/pyrometer, which sends headless subcommands to bin/pyrometer-cli) answers
# --version, and records a short Python program to a session file with no display at all, without loading a single
# JavaFX class; the desktop launcher (bin/pyrometer) answers --version too. The desktop entry must validate.
set -euo pipefail

fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || { echo "usage: $0 IMAGE_DIR   (e.g. installer/target/pyrometer or /opt/pyrometer)" >&2; exit 2; }
image="$(cd "$1" && pwd)" || fail "no such directory: $1"
launcher="$image/lib/command/pyrometer"
for file in "$launcher" "$image/bin/pyrometer" "$image/bin/pyrometer-cli"; do
  [[ -x "$file" ]] || fail "$file is missing or not executable; build the image: mvn -B -Pinstaller -DskipTests package"
done

work="$(mktemp -d -t pyrometer-smoke.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Headless means headless: no display variables, and the JVM logs every class it loads so we can prove it.
headless() {
  env -u DISPLAY -u WAYLAND_DISPLAY JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log" \
    timeout 120 "$launcher" "$@"
}

no_javafx_loaded() {
  if grep -q ' javafx\.\| com\.sun\.javafx\.\| com\.sun\.glass\.\| com\.sun\.prism\.' "$work/classes.log"; then
    fail "'pyrometer $1' loaded JavaFX classes; headless commands must not: $(grep -m3 'javafx\|glass\|prism' "$work/classes.log")"
  fi
}

echo "smoke-test: $launcher --version"
version="$(headless --version 2>/dev/null)" || fail "--version exited with $?"
[[ "$version" == "Pyrometer "* ]] || fail "--version printed '$version', expected 'Pyrometer <version>'"
echo "$version" | sed 's/^/  /'
no_javafx_loaded --version
desktop_version="$(env -u DISPLAY -u WAYLAND_DISPLAY timeout 120 "$image/bin/pyrometer" --version 2>/dev/null)" \
  || fail "bin/pyrometer --version exited with $?"
[[ "$desktop_version" == "$version" ]] || fail "bin/pyrometer --version printed '$desktop_version', not '$version'"

# The program ends after one second of work, well inside -d 2 (which would stop it, and record would then
# exit with the program's 143): a clean exit 0 shows launch, sampling and writing all went right.
echo "smoke-test: pyrometer record -d 2 -- python3 (one second of CPU-bound work)"
session="$work/smoke.pyro"
program='import time
def spin(deadline):
    n = 0
    while time.time() < deadline:
        n += sum(i * i for i in range(1000))
    return n
spin(time.time() + 1)'
headless record -o "$session" -d 2 -- python3 -c "$program" >"$work/record.out" 2>&1 \
  || fail "record exited with $?: $(grep -v '^Picked up JAVA_TOOL_OPTIONS' "$work/record.out" | head -n 5)"
[[ -s "$session" ]] || fail "record wrote no session file (or an empty one) at $session"
echo "  wrote $(stat -c %s "$session") bytes"
no_javafx_loaded record

if command -v desktop-file-validate >/dev/null; then
  echo "smoke-test: desktop-file-validate $image/lib/desktop/pyrometer.desktop"
  desktop-file-validate "$image/lib/desktop/pyrometer.desktop" || fail "the desktop entry does not validate"
else
  echo "smoke-test: desktop-file-validate is not installed (apt-get install desktop-file-utils); entry not checked"
fi

echo "smoke-test: passed"
