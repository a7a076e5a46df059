# The two commands of the README. Both install what is missing first.
.PHONY: serve test setup

# Serves the app at http://127.0.0.1:8080 and rebuilds on change.
serve: setup
	PATH="$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$$PATH" trunk serve --offline

# Runs every test: native, in-browser, end to end.
test:
	./scripts/test.sh

setup:
	./scripts/setup.sh

# The benchmark of issue 8, apart from `make test`'s pass/fail: the release
# build, the native micro-benchmark (one edit at 100,000 objectives), then
# size, start-up, opening 100/1,000/10,000-objective plans, edit latency
# against the vanilla-JS baseline and memory in headless Chromium. Prints a
# table and writes bench/out/results.json. Options: make bench BENCH_ARGS="--runs 1".
.PHONY: bench
bench: setup
	PATH="$(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$$PATH" trunk build --release --offline
	node bench/generate.mjs
	cargo bench --locked --bench recompute
	node bench/run.mjs $(BENCH_ARGS)

# Coverage-guided fuzzing of the file readers (issue 9), apart from `make test`
# and CI: each target (JSON loader, migrations, CSV import, Como table) in turn
# for FUZZ_TIME seconds, with cargo-fuzz on the nightly toolchain (installed
# from crates.io if missing). `fuzz/run.sh` says more; failing inputs land in
# fuzz/artifacts/. Options: FUZZ_TIME=60, FUZZ_TARGETS="csv_import como_table".
FUZZ_TIME ?= 600
FUZZ_TARGETS ?=
.PHONY: fuzz
fuzz:
	FUZZ_TIME=$(FUZZ_TIME) ./fuzz/run.sh $(FUZZ_TARGETS)
