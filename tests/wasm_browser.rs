//! The wasm boundary in headless Chromium (`make test-wasm`; needs chromedriver on PATH).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm;
