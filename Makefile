# Docket's commands. `make run` and `make test` install what is missing, then build and run or test.
# CI runs `make test` (.ci/run).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

XVFB := xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp"

.PHONY: run test setup setup-test ui lint fmt test-rust test-ui test-e2e bench fuzz sample screenshots clean

## run: build Docket (release) and open it on your own data folder
run: setup ui
	cargo run --release --features custom-protocol --bin docket

## test: everything: lints, Rust tests, UI tests, end-to-end tests in the real webview
test: setup-test ui lint test-rust test-ui test-e2e

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --with-test-tools

## ui: the front end's production bundle (ui/dist), which the app embeds
ui:
	cd ui && npm run build --silent

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run check --silent && npm run lint --silent

fmt:
	cargo fmt --all
	cd ui && npm run format --silent

test-rust:
	cargo test --workspace --locked

test-ui:
	cd ui && npm test --silent

## test-e2e: the app in its real WebKitGTK webview, driven by tauri-driver under Xvfb
test-e2e:
	$(XVFB) cargo test --locked --test e2e -- --ignored --test-threads=1

## bench: startup, first page at 100,000 recommendations, idle memory (release build, Xvfb), import speed, search, calendar, advocacy, export
bench: setup-test ui
	cargo run --release --locked -p docket-core --example bench_page
	cargo run --release --locked -p docket-core --example bench_import
	cargo run --release --locked -p docket-core --example bench_search
	cargo run --release --locked -p docket-core --example bench_calendar
	cargo run --release --locked -p docket-core --example bench_advocacy
	cargo run --release --locked -p docket-core --example bench_export
	$(XVFB) cargo bench --locked --features custom-protocol --bench startup

## fuzz: each import reader's fuzz target for FUZZ_SECONDS (default 60) — needs nightly + cargo-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := decode upr_info uhri report thematic responses mapped read extract
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for t in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run $$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536 || exit 1; \
	done

## sample: rebuild the embedded sample review from ../shared/data
sample:
	python3 scripts/make-sample.py

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules

## screenshots: the user guide's pictures, from the real app (docs/images)
screenshots: setup-test ui
	DOCKET_SCREENSHOTS=$(CURDIR)/docs/images $(XVFB) cargo test --locked --test e2e screenshots -- --ignored
