# The README's two set-up commands are `make serve` and `make test`; `.ci/run` calls `make test`.
PORT ?= 8000
CARGO ?= cargo

.PHONY: serve site wasm tools tools-test test check fmt clippy test-native test-wasm test-browser bench clean

## serve: install what is missing, build the site, serve it on http://127.0.0.1:$(PORT)/
serve: site
	@echo "NewsLens on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## site: the complete static site in www/ (wasm in www/pkg/, samples in www/seeds/)
site: tools wasm
	scripts/seeds.sh

wasm:
	scripts/build-wasm.sh

tools:
	scripts/tools.sh build

tools-test:
	scripts/tools.sh test

## test: every test: format, lints, native, wasm (Node and Chromium), the page in Chromium
test: tools-test check site test-browser

## check: what needs no browser page: format, clippy (native and wasm32), native and wasm tests
check: fmt clippy test-native test-wasm

fmt:
	$(CARGO) fmt --check

clippy:
	$(CARGO) clippy --quiet --all-targets -- -D warnings
	$(CARGO) clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	$(CARGO) test --quiet

test-wasm:
	$(CARGO) test --target wasm32-unknown-unknown --test wasm_node
	CHROMEDRIVER=$$(command -v chromedriver) $(CARGO) test --target wasm32-unknown-unknown --test wasm_browser

test-browser:
	node --test tests/browser/

## bench: the benchmarks (see BENCHMARKS.md)
bench: site
	$(CARGO) run --quiet --release --example bench
	node bench/run.mjs

clean:
	rm -rf www/pkg www/seeds target/wasm32-unknown-unknown
