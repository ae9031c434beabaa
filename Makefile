# The README's two set-up commands are `make serve` and `make test`; `.ci/run` calls `make test`.
PORT ?= 8000
CARGO ?= cargo

.PHONY: serve site wasm tools tools-test test check fmt clippy test-native test-wasm test-browser size-budget bench bench-hostile clean

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
test: tools-test check site size-budget test-browser

## size-budget: the page's download (wasm, JS, CSS, HTML) gzipped, against its ceiling and the 300 KB target
size-budget: site
	tests/size_budget.sh

## check: what needs no browser page: format, clippy (native and wasm32), native and wasm tests
check: fmt clippy test-native test-wasm

fmt:
	$(CARGO) fmt --check

clippy:
	$(CARGO) clippy --quiet --all-targets -- -D warnings
	$(CARGO) clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
	$(CARGO) clippy --quiet --lib --target wasm32-unknown-unknown --features compare-export -- -D warnings

test-native:
	$(CARGO) test --quiet

test-wasm:
	$(CARGO) test --target wasm32-unknown-unknown --test wasm_node
	$(CARGO) test --target wasm32-unknown-unknown --test wasm_memory
	CHROMEDRIVER=$$(command -v chromedriver) $(CARGO) test --target wasm32-unknown-unknown --test wasm_browser

test-browser:
	node --test tests/browser/

## bench: the benchmarks (see BENCHMARKS.md): native core, native CLI end to end, wasm in Node
## against compromise and wink-nlp, and the page's download size
bench: site
	@[ -d bench/node_modules/compromise ] && [ -d bench/node_modules/wink-nlp ] && \
	  [ -d bench/node_modules/wink-eng-lite-web-model ] || \
	  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
	$(CARGO) run --quiet --release --example bench
	$(CARGO) run --quiet --release --example mem_layers 10
	scripts/cli_bench.sh
	@if command -v valgrind >/dev/null; then scripts/icount.sh; \
	  else echo "bench: no valgrind, so no instruction and allocation counts (apt-get install valgrind)"; fi
	node --expose-gc --max-old-space-size=8192 bench/run.mjs
	node bench/wasm_memory.mjs
	tests/size_budget.sh

## bench-hostile: time per MB of every hostile input against news text, at two sizes
bench-hostile:
	$(CARGO) run --quiet --release --example hostile_bench

clean:
	rm -rf www/pkg www/seeds target/wasm32-unknown-unknown
