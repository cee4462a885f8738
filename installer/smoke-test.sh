#!/bin/bash
# Smoke test of the packaged vnetdesk (built by: mvn -Pinstaller -DskipTests package).
#  1. the packaged CLI runs `vnet list` on a fresh inventory and prints the table header;
#  2. the packaged console opens its main window under Xvfb (found by its title);
#  3. the .deb names its desktop dependencies and carries the launcher and the menu entry.
# Usage: installer/smoke-test.sh [APP_IMAGE_DIR] [DEB_FILE]
set -euo pipefail

image=${1:-target/installer/vnetdesk}
deb=${2:-$(ls target/installer/vnetdesk_*.deb 2>/dev/null | head -n 1)}
launcher="$image/bin/vnetdesk"
data=$(mktemp -d)
display=:97
cleanup() {
  [[ -n "${app:-}" ]] && kill "$app" 2>/dev/null || true
  [[ -n "${xvfb:-}" ]] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

echo "1. packaged CLI: $launcher --data $data vnet list"
out=$("$launcher" --data "$data" vnet list)
echo "$out"
grep -q '^ID  USER  GROUP  NAME' <<<"$out" || { echo "FAIL: no table header from vnet list"; exit 1; }

echo "2. packaged console under Xvfb $display"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
DISPLAY=$display VNETDESK_DATA="$data" "$launcher" >"$data.console.log" 2>&1 &
app=$!
title="vnetdesk — $data"
for _ in $(seq 1 120); do
  if DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -qF "\"$title\""; then
    echo "the main window \"$title\" is open"
    break
  fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "FAIL: the console exited:"; cat "$data.console.log"; exit 1
  fi
  sleep 0.5
done
DISPLAY=$display xwininfo -root -tree | grep -qF "\"$title\"" || { echo "FAIL: no window \"$title\" within 60 s"; cat "$data.console.log"; exit 1; }
rm -f "$data.console.log"

if [[ -n "$deb" ]]; then
  echo "3. $deb"
  info=$(dpkg-deb -I "$deb")
  for dep in libgtk-3-0 libgl1 fonts-dejavu-core; do
    grep -q "Depends:.*$dep" <<<"$info" || { echo "FAIL: the .deb does not depend on $dep"; exit 1; }
  done
  files=$(dpkg-deb -c "$deb")
  grep -q './opt/vnetdesk/bin/vnetdesk$' <<<"$files" || { echo "FAIL: no launcher in the .deb"; exit 1; }
  grep -q '\.desktop$' <<<"$files" || { echo "FAIL: no desktop entry in the .deb"; exit 1; }
  echo "the .deb depends on libgtk-3-0, libgl1 and fonts-dejavu-core and carries the launcher and a desktop entry"
fi
echo "smoke test passed"
