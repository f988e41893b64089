#!/usr/bin/env bash
# Installs what Docket needs to build, run and test, and only what is missing:
# Debian/Ubuntu packages (WebKitGTK, Xvfb, WebKitWebDriver), the UI's npm packages, tauri-driver.
# Called by `make run` and `make test`; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
for pkg in build-essential pkg-config libwebkit2gtk-4.1-dev xvfb xauth webkit2gtk-driver; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_pkgs+=("$pkg")
done
# dbus-daemon: the single-instance end-to-end test runs a private session bus.
command -v dbus-daemon >/dev/null 2>&1 || need_pkgs+=(dbus)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  need_pkgs+=(nodejs npm)
fi
sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${need_pkgs[*]}"
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    echo "setup: run as root or install sudo to install: ${need_pkgs[*]}" >&2; exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: Rust is missing. Install it from https://rustup.rs (one command), then run make again." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "setup: Node.js $(node -v) is too old: the UI build needs Node.js 20.19 or newer (nodejs.org or your package manager)." >&2
  exit 1
fi

# The UI's npm packages, exactly as locked, when the lock file changed since the last install.
stamp=ui/node_modules/.docket-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  echo "setup: installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi

if [ "${1:-}" = "--with-test-tools" ]; then
  # sqlite3: the import benchmark's baseline (`sqlite3 .import`).
  if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "setup: installing sqlite3"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null
  fi
  cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$cargo_bin/tauri-driver" ]; then
    echo "setup: installing tauri-driver (about a minute)"
    cargo install tauri-driver --version "^2" --locked --quiet
  fi
fi
