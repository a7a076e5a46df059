#!/usr/bin/env bash
# Runs every test: the model and file formats natively, the app in a real
# browser (wasm-bindgen-test), and end to end against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "native tests: model and file formats (cargo test)"
cargo test --locked
cargo test --locked --features xlsx --test xlsx_files

step "release build (trunk build --release --offline)"
trunk build --release --offline

step "in-browser tests (wasm-pack test, headless Chromium)"
wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --locked --test web

step "end-to-end tests (Playwright, Debian's Chromium, dist/)"
node --test --test-concurrency=1 tests/e2e/

step "release size"
node scripts/size.mjs dist
