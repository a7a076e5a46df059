#!/usr/bin/env bash
# Installs what Pesatura's build and tests need, skipping what is already
# there. Nothing downloads a prebuilt binary: Rust tools are compiled with
# cargo, wasm-opt comes from the npm package `binaryen`, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
  say "installing trunk 0.21.14"
  cargo install trunk --version 0.21.14 --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${bindgen_version}\$"; then
  say "installing wasm-bindgen-cli ${bindgen_version}"
  cargo install wasm-bindgen-cli --version "${bindgen_version}" --force
fi

if ! command -v wasm-pack >/dev/null 2>&1; then
  say "installing wasm-pack"
  cargo install wasm-pack --locked
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# npm packages, as locked: binaryen (wasm-opt), playwright-core and axe-core
# (the tests), bootstrap-italia (the look: Trunk's pre_build hook takes its CSS
# and fonts into vendor/).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, axe-core, bootstrap-italia)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen ${bindgen_version}, $(wasm-opt --version | awk '{print $1, $3}'), $(chromium --version 2>/dev/null | awk '{print $1, $2}')"
