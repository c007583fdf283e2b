#!/usr/bin/env bash
# Renders assets/icons/pyrometer*.svg into the PNG sizes the desktop and the app use. The PNGs are committed, so
# the build needs no renderer; run this only after editing an SVG (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
icons="$(cd "$(dirname "$0")/../assets/icons" && pwd)"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert is missing; apt-get install librsvg2-bin" >&2; exit 2; }

# 16 px has its own drawing on a pixel grid; every larger size scales the full one.
rsvg-convert -w 16 -h 16 "$icons/pyrometer-16.svg" -o "$icons/pyrometer-16.png"
for size in 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$icons/pyrometer.svg" -o "$icons/pyrometer-$size.png"
done
echo "render-icons: wrote $(ls "$icons"/pyrometer-*.png | wc -l) PNGs into $icons"
